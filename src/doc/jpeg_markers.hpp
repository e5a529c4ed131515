// doc/jpeg_markers.hpp: what a JPEG says about its pixels outside the pixels
// (internal to doc/; image.cpp uses it).
//
// TurboJPEG decodes the scan and nothing else; two marker segments change what
// the decoded samples mean, and both are read here by walking the segments that
// precede the first scan (ITU T.81 B.1.1.4), every length bounds-checked:
//   - APP14 "Adobe": CMYK stored inverted (255 = no ink), as Photoshop writes it;
//   - APP1 "Exif": the camera's orientation (TIFF tag 0x0112, values 1-8), so a
//     phone photo taken upright prints upright.
#pragma once

#include <string_view>

#include "doc/image.hpp"

namespace leafpress::doc {

bool jpeg_has_adobe_marker(std::string_view bytes);

// 1 (as stored) when there is no orientation, or it is unreadable or out of range.
int jpeg_exif_orientation(std::string_view bytes);

// Turns `raster` so that it shows as the orientation says (EXIF 2.32, 4.6.4 A, Orientation).
void apply_orientation(Raster& raster, int orientation);

}  // namespace leafpress::doc
