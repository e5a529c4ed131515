// layout/clinic_qr.hpp: the QR code of the clinic's url in the clinic block.
//
// By default a clinic block set in a panel (back.panel, a booklet's back cover) shows
// its `url` as a QR code too (layout key `back.qr: false` turns it off; a footer has no
// room for one). clinic_qr_width says how wide it will be (0: none); add_clinic_qr
// draws it, centred on `center_x`, its top edge at `top` (layout/qr_code.hpp).
// Kept apart from back_panel.cpp so that the block's design can change around it.
#pragma once

#include "layout/decoration.hpp"
#include "layout/qr_code.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

constexpr Pt kClinicQrWidth = mm(18);  // with its quiet zone: scans from a table top

Result<Pt> clinic_qr_width(const Scene& s, bool footer, Pt max_width);

Status add_clinic_qr(const Scene& s, Decoration& d, Pt center_x, Pt top, Pt width);

}  // namespace leafpress::layout
