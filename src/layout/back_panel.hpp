// layout/back_panel.hpp: the clinic block from the front matter (`clinic:` name,
// address, phone, url, logo), every field optional.
//
// In a panel (back.panel: folds) or on a booklet's back cover: the logo, then
// the name in the accent colour and each other field on its own line, centred,
// standing on the panel's foot margin under a thin accent rule. As a footer
// (handouts): the name, then address · phone · url on one line, across the page.
// `reserved` is the height the body leaves free above it. No clinic, no block.
#pragma once

#include "layout/decoration.hpp"
#include "layout/sheet_plan.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

Result<Decoration> set_clinic(const Scene& s, bool footer, std::vector<std::string>& warnings);

}  // namespace leafpress::layout
