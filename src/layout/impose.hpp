// layout/impose.hpp: a saddle-stitched booklet's reader pages → printer spreads.
//
// Input:  reader pages in reading order, all of one trim size (an A5 booklet's
//         pages), each with its own bleed; the template for bleed and marks.
// Output: sheets twice as wide (A5 pages → A4 landscape sides). The page count
//         is padded with blank pages to a multiple of 4; sheet side k carries the
//         pair that lands in reading order once the sheets are stacked, folded
//         and stitched (for 8 pages: 8|1, 2|7, 6|3, 4|5). Each side gets crop
//         marks at the sheet's trim and a fold mark at the spine. Content is
//         moved, never re-composed; bookmarks and link areas follow their pages.
// Errors: reader pages of different sizes.
#pragma once

#include "core/result.hpp"
#include "layout/page_model.hpp"
#include "layout/template.hpp"

namespace leafpress::layout {

// The reader page shown at each position: spreads[k] = {left, right}, 0-based, -1 = blank.
std::vector<std::pair<int, int>> saddle_stitch_order(int reader_pages);

Result<PageModel> impose_saddle_stitch(PageModel reader, const Template& tmpl);

}  // namespace leafpress::layout
