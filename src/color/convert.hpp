// color/convert.hpp: a colour someone gives in sRGB, as the print condition's CMYK.
//
// Brand colours come as #0E7C7B or rgb(14, 124, 123): sRGB, as a screen or a style
// guide shows them. Print PDFs (PDF/X-1a) may hold only CMYK, so such a colour is
// converted once, where it is read, through the output profile the PDF declares
// (FOGRA39, icc_profiles.hpp): relative colorimetric with black point compensation,
// the intent for a single colour that should match (ICC.1:2010 D.3; pictures use
// the perceptual table, pdf/color.hpp). Percentages are rounded to whole numbers,
// the way a print shop writes them; the caller keeps the sRGB value as given for
// archive and screen PDFs, which need no conversion.
// Errors: lcms2 cannot open the built-in profiles (a broken build).
// Thread-safety: the transform is made once per process and used without a cache.
#pragma once

#include <array>

#include "core/result.hpp"

namespace leafpress::color {

// r, g, b in 0..1 (sRGB) → c, m, y, k in 0..1 (FOGRA39), each a whole percent.
Result<std::array<double, 4>> srgb_to_print_cmyk(double r, double g, double b);

}  // namespace leafpress::color
