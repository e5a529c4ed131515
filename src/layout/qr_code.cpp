#include "layout/qr_code.hpp"

#include <qrencode.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/handle.hpp"

namespace leafpress::layout {

using QrSymbol = Handle<QRcode, QRcode_free>;

Result<QrCode> encode_qr(std::string_view text) {
  const std::string bytes(text);
  if (bytes.empty() || bytes.find('\0') != std::string::npos)
    return Error{"", 0, "a QR code needs a URL", "write ![caption](qr:https://...)"};
  // 8-bit data: the URL's bytes as they are, case kept (no alphanumeric-mode upper-casing).
  QrSymbol symbol(QRcode_encodeString8bit(bytes.c_str(), 0, QR_ECLEVEL_M));
  if (!symbol)
    return Error{"", 0, "the text of a QR code is too long (" + std::to_string(bytes.size()) + " bytes)",
                 "use a shorter URL: a QR code holds about 2300 bytes at error correction M"};
  QrCode qr;
  qr.text = bytes;
  qr.modules = symbol->width;
  const std::size_t n = static_cast<std::size_t>(qr.modules) * static_cast<std::size_t>(qr.modules);
  qr.dark.resize(n);
  for (std::size_t i = 0; i < n; ++i) qr.dark[i] = symbol->data[i] & 1;  // bit 0: dark (qrencode.h)
  return qr;
}

Pt qr_width(const QrCode& qr, Pt max_width) {
  const Pt natural = std::max(kQrMinWidth, (qr.modules + 2 * kQrQuietZone) * kQrModule);
  return std::max(kQrMinWidth, std::min(natural, max_width));
}

std::vector<Fill> qr_fills(const QrCode& qr, Pt x, Pt top, Pt width, Tag tag) {
  std::vector<Fill> out;
  out.push_back(Fill{Rect{x, top - width, x + width, top}, kQrLight, Tag{}});  // the quiet zone
  const Pt m = width / (qr.modules + 2 * kQrQuietZone);
  const Pt x0 = x + kQrQuietZone * m, y0 = top - kQrQuietZone * m;
  // Runs [from, to) of the row above that are still open, with their fill's index: an equal run
  // below extends that fill downward instead of starting a new one.
  std::map<std::pair<int, int>, std::size_t> open, next;
  for (int row = 0; row < qr.modules; ++row) {
    next.clear();
    for (int col = 0; col < qr.modules;) {
      if (!qr.at(col, row)) {
        ++col;
        continue;
      }
      const int from = col;
      while (col < qr.modules && qr.at(col, row)) ++col;
      const auto key = std::pair{from, col};
      const Pt bottom = y0 - (row + 1) * m;
      if (const auto it = open.find(key); it != open.end()) {
        out[it->second].rect.y0 = bottom;
        next[key] = it->second;
      } else {
        out.push_back(Fill{Rect{x0 + from * m, bottom, x0 + col * m, y0 - row * m}, kQrDark, tag});
        next[key] = out.size() - 1;
      }
    }
    open.swap(next);
  }
  return out;
}

}  // namespace leafpress::layout
