// layout/cover.hpp: the title, subtitle, cover picture and the cover's foot.
//
// Everything is aligned with the body's text block (sheet_plan.hpp text_block):
// its left edge, as if the cover panel held body text; realign() moves it to the
// final block after copy-fit.
// Panel style (folds, booklets): without a picture, an accent band bleeds off
// the top down to a top-third line (kBandShare of the panel); with one, the
// picture fills the top share of the panel (cover.image_height), bleeding off
// the trim where the panel meets it, and the band is a strip under it. The
// title is set in white on the band's foot, the subtitle in the accent colour
// right under the band. At the foot: the clinic's logo, and beside it the
// clinic's name (or the author), unless the title or subtitle already names it.
// Header style (handouts): the band runs across the top of the sheet with the
// title in white, the picture beside it at the block's right edge; the subtitle
// under the band; the body starts below (`reserved`).
// Errors: a title and subtitle too long for the cover.
#pragma once

#include "layout/decoration.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

Result<Decoration> set_cover(const Scene& s, std::vector<std::string>& warnings);

}  // namespace leafpress::layout
