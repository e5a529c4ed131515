// layout/clinic_qr.hpp: the QR code of the clinic's url in the clinic block.
//
// By default a clinic block shows its `url` as a QR code too (layout key `back.qr:
// false` turns it off): on a back panel or a booklet's back cover beside the logo,
// above the clinic's lines; in a handout's footer at its right end, beside the two
// columns of lines. clinic_qr_width says how wide it will be (0: none); add_clinic_qr
// draws it so that its dark modules, not its quiet zone, line up with the text block's
// edge: the quiet zone (ISO/IEC 18004:2015 9.1) is white and may stand in the margin.
// Kept apart from back_panel.cpp so that the block's design can change around it.
#pragma once

#include "layout/decoration.hpp"
#include "layout/qr_code.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

constexpr Pt kClinicQrWidth = mm(18);  // with its quiet zone: scans from a table top

Result<Pt> clinic_qr_width(const Scene& s, Pt max_width);

enum class QrEdge { Left, Right };

// Draws the code `width` wide (quiet zone included), its top edge at `top`, its dark
// modules' left (or right) edge at `edge_x`.
Status add_clinic_qr(const Scene& s, Decoration& d, Pt edge_x, QrEdge edge, Pt top, Pt width, Tag tag);

}  // namespace leafpress::layout
