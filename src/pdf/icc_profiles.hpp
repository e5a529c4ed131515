// pdf/icc_profiles.hpp: the two ICC profiles the standards embed (they live in color/, which
// layout uses too: a brand colour given in sRGB is converted to FOGRA39 where it is read).
#pragma once

#include "color/icc_profiles.hpp"

namespace leafpress::pdf {

using color::fogra39_profile;
using color::srgb_profile;

}  // namespace leafpress::pdf
