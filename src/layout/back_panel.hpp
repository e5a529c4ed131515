// layout/back_panel.hpp: the clinic block from the front matter (`clinic:` name,
// address, phone, hours, e-mail, url, logo), every field optional.
//
// A block, left-aligned with the body's text block of the panel it shares and
// standing on the foot margin under a thin accent rule: the logo, the name in
// the accent colour, the front matter's author (the team that wrote the leaflet,
// unless the name already says it), the address; a little apart, the ways to reach the clinic
// (phone, hours, e-mail, web), each on its own line. In a panel (back.panel:
// folds) or on a booklet's back cover, one column; as a footer across a
// handout's two text columns, who and where in the first column, how to reach
// it in the second, both ending on the foot line. `reserved` is the height the
// body leaves free above it. No clinic, no block.
#pragma once

#include "layout/decoration.hpp"
#include "layout/sheet_plan.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

Result<Decoration> set_clinic(const Scene& s, bool footer, std::vector<std::string>& warnings);

}  // namespace leafpress::layout
