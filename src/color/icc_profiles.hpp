// color/icc_profiles.hpp: the two ICC profiles the standards need, built into the binary.
//
// fogra39(): the CMYK output profile for PDF/X (print). Built at compile time
//   by src/color/icc/make-fogra39.sh with Argyll's colprof from the FOGRA39L
//   characterisation data of Debian's icc-profiles-free (README "Standards").
// srgb(): the sRGB profile of icc-profiles-free, the output intent of PDF/A.
// Both are linked into the executable (.incbin), so leafpress finds them
// wherever it is installed and every build of it embeds the same bytes.
// Thread-safety: immutable data.
#pragma once

#include <string_view>

namespace leafpress::color {

std::string_view fogra39_profile();
std::string_view srgb_profile();

}  // namespace leafpress::color
