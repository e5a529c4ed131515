// layout/place_blocks.hpp: flowed blocks onto their pages.
//
// Every line goes where panel_flow put it: glyph runs at the frame's x plus the
// block's indent, emphasis dots (CLReq 3.2.3 under zh/ko characters, JLReq
// 3.2.1 sesame dots above ja ones), list markers hung left, pictures with their
// caption under them, thematic breaks as short rules, quotes on a tinted box
// (one box per quote and frame, joined across the quote's paragraphs), and a
// bookmark at every heading.
#pragma once

#include "layout/blocks.hpp"
#include "layout/page_model.hpp"

namespace leafpress::layout {

void place_blocks(PageModel& model, const Scene& s, const Collection& c, const FlowResult& flowed,
                  const std::vector<Frame>& frames);

}  // namespace leafpress::layout
