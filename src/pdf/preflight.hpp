// pdf/preflight.hpp: can this PageModel be written as this standard? Asked before any byte is.
//
// The writer never claims a standard it cannot meet: rather than a file that
// says PDF/X and is not, the job fails with an Error that says what to fix.
// Checked for print (PDF/X-1a) and archive (PDF/A-2u):
//  - every picture has pixels that match its size, in a space leafpress can
//    convert to the standard's (images.hpp);
//  - every colour is 0..100 % per ink;
//  - print only: no colour above 330 % total ink (FOGRA39's limit: more does
//    not dry, and the shop's preflight rejects it), named by its style key,
//    layout file and line (PageModel::color_sources); no picture coarser than
//    kMinPrintPpi at its printed size (named with its article line); every
//    page has a trim box inside its bleed box inside the MediaBox (PDF/X
//    needs TrimBox). CMYK pictures above the ink limit are not refused: the
//    writer re-separates them (color.hpp limit_ink).
//  - archive only: no glyph is .notdef (a character no font has; PDF/A forbids it).
// `none` claims nothing and is only checked for pictures that cannot be drawn.
// Errors: the first problem found, naming the picture's file where there is one.
#pragma once

#include "core/result.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

constexpr double kMaxTotalInk = 3.30;  // FOGRA39: 330 %
// Below this a picture prints as visible pixels (layout warns below 150 ppi).
constexpr double kMinPrintPpi = 72;

Status preflight(const layout::PageModel& model, Standard standard);

}  // namespace leafpress::pdf
