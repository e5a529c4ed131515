// pdf/color.hpp: colour conversion between the print condition and the screen, with lcms2.
//
// Layouts give every colour in CMYK for the print condition FOGRA39; pictures
// come in Gray, RGB (taken as sRGB) or CMYK (taken as FOGRA39).
//  - to_rgb: a FOGRA39 CMYK colour as sRGB (relative colorimetric with black
//    point compensation), for archive and screen PDFs: the archive's blue is
//    the print's blue as a screen can show it.
//  - convert_raster: pixels to another space. sRGB → FOGRA39 uses the
//    perceptual intent (the profile's table gamut-mapped from sRGB, see
//    src/pdf/icc/make-fogra39.sh); FOGRA39 → sRGB as to_rgb. Gray is left as
//    it is (both standards allow DeviceGray) and is never asked for.
//  - limit_ink: a CMYK picture with more ink than print allows, re-separated
//    through FOGRA39 (print's 330 % total area coverage).
// The profiles are pdf/icc_profiles.hpp; no colour math is written here.
// Errors: an Error when lcms2 cannot open a profile or make a transform, or
//         when the raster's pixel buffer does not match its size.
// Thread-safety: each transform is made once per process, when first needed (C++ statics), and used without
//         lcms2's one-pixel cache (cmsFLAGS_NOCACHE), so any thread may call.
#pragma once

#include "core/result.hpp"
#include "doc/image.hpp"
#include "layout/page_model.hpp"

namespace leafpress::pdf {

struct Rgb {  // 0..1 each, sRGB
  double r = 0, g = 0, b = 0;
};

Result<Rgb> to_rgb(const layout::Cmyk& color);

// `to` is Rgb or Cmyk; a raster already in `to` is copied.
// Whether convert_raster can take pixels from one space to the other (or need not).
bool can_convert(doc::ColorSpace from, doc::ColorSpace to);

Result<doc::Raster> convert_raster(const doc::Raster& raster, doc::ColorSpace to);

// The most ink any pixel of a CMYK picture puts down, C + M + Y + K with 1 = 100 % (0 for Gray
// and RGB, which are separated by convert_raster).
double max_total_ink(const doc::Raster& raster);

// A CMYK picture with more than `limit` total ink somewhere (a CMYK JPEG saved at 400 %), re-separated
// through the output profile (FOGRA39 → Lab → FOGRA39, relative colorimetric; its tables keep to
// 300 %); any pixel interpolation leaves above `limit` gives up C, M and Y, never K. A picture within
// the limit, or not CMYK, comes back unchanged.
Result<doc::Raster> limit_ink(const doc::Raster& raster, double limit);

}  // namespace leafpress::pdf
