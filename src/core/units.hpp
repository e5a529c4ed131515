// core/units.hpp: lengths.
//
// Every length between stages is in PDF points (1/72 in). Millimetres and
// inches appear only in layout files and are converted here. Font units and
// HarfBuzz positions are converted in text/ (font_set.hpp), never elsewhere.
#pragma once

namespace leafpress {

using Pt = double;  // PDF user-space unit, 1/72 inch

constexpr Pt kPointsPerInch = 72.0;
constexpr Pt mm(double millimetres) {
  return millimetres * kPointsPerInch / 25.4;
}
constexpr Pt inch(double inches) {
  return inches * kPointsPerInch;
}
constexpr double to_mm(Pt points) {
  return points * 25.4 / kPointsPerInch;
}

}  // namespace leafpress
