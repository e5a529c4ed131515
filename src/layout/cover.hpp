// layout/cover.hpp: the title, subtitle and cover picture.
//
// Panel style (folds, booklets): the whole cover panel. The picture fills the
// top share of the panel (cover.image_height), bleeding off the trim where the
// panel meets it; without one, a band of the accent colour bleeds off the top.
// The title and subtitle are centred below; the author (or clinic) at the foot.
// Header style (handouts): an accent band off the top, the title and subtitle
// left-aligned under it, the picture beside them on the right; the body starts
// below (`reserved`).
// Errors: a title and subtitle too long for the cover.
#pragma once

#include "layout/decoration.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

Result<Decoration> set_cover(const Scene& s, std::vector<std::string>& warnings);

}  // namespace leafpress::layout
