// layout/marks.hpp: printer's marks, drawn outside the bleed.
//
// Crop marks: two hairlines (0.25 pt) at each trim corner, starting
// `offset` from the trim (at least the bleed, so they never print on the job)
// and `length` long. Fold marks: dashed lines on the trim's extension at each
// fold, above and below the sheet, also outside the bleed. All in 100 % K here;
// pdf/ may set them in registration colour.
#pragma once

#include "layout/page_model.hpp"
#include "layout/template.hpp"

namespace leafpress::layout {

void add_crop_marks(Page& page, Pt offset, Pt length);
void add_fold_marks(Page& page, const Side& side, Pt offset, Pt length);

}  // namespace leafpress::layout
