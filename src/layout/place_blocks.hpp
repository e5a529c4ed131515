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

// Levels of nesting that get a darker box; deeper quotes share the darkest.
constexpr int kDarkerQuoteLevels = 3;

// The tint of a quote box `depth` levels deep (1 = outermost, the layout's quote.tint): 1.5 times
// darker per level up to kDarkerQuoteLevels, no ink above 100 %, and no more ink in total than
// the tint itself or 100 %, whichever is more. (It once multiplied on through 32 levels, past
// 100 % per ink, and failed the build.)
Cmyk quote_tint(const Cmyk& base, int depth);

void place_blocks(PageModel& model, const Scene& s, const Collection& c, const FlowResult& flowed,
                  const std::vector<Frame>& frames);

}  // namespace leafpress::layout
