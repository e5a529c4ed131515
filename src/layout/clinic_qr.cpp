#include "layout/clinic_qr.hpp"

#include <algorithm>

namespace leafpress::layout {

Result<Pt> clinic_qr_width(const Scene& s, Pt max_width) {
  const std::string& url = s.doc.meta.clinic.url;
  if (!s.t.back_qr || url.empty()) return Pt{0};
  auto qr = encode_qr(url);
  if (!qr)
    return Error{s.doc.path, s.doc.meta.body_line,
                 "the clinic's url cannot be a QR code: " + qr.error().message,
                 "shorten the url, or set back.qr: false in the layout"};
  return std::max(qr_width(*qr, max_width), std::min(kClinicQrWidth, max_width));
}

Status add_clinic_qr(const Scene& s, Decoration& d, Pt edge_x, QrEdge edge, Pt top, Pt width, Tag tag) {
  auto qr = encode_qr(s.doc.meta.clinic.url);
  if (!qr) return qr.error();
  const Pt quiet = width * kQrQuietZone / (qr->modules + 2 * kQrQuietZone);
  const Pt x = edge == QrEdge::Left ? edge_x - quiet : edge_x + quiet - width;
  for (auto& f : qr_fills(*qr, x, top, width, tag)) d.fills.push_back(f);
  return Ok{};
}

}  // namespace leafpress::layout
