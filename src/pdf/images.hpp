// pdf/images.hpp: pictures as image XObjects, in the colours the standard allows.
//
// One XObject per Raster, however often it is drawn (a logo on every page is
// stored once). Pixels go in as 8-bit DeviceGray, DeviceCMYK or DeviceRGB,
// Flate-compressed by libharu:
//  - print:   RGB pictures are converted to FOGRA39 CMYK through lcms2
//             (color.hpp); CMYK and Gray stay as they are.
//  - archive, none: CMYK pictures are converted to sRGB; RGB and Gray stay.
// No soft masks (alpha was composited over white when decoding: doc/image.hpp).
// Errors: an Error naming the picture when its pixels do not match its size or
//         its colours cannot be converted; then no PDF is written.
// Thread-safety: one ImageStore per document.
#pragma once

#include <hpdf.h>

#include <map>

#include "core/result.hpp"
#include "doc/image.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

// The space a picture is stored in under `standard`.
doc::ColorSpace stored_space(doc::ColorSpace space, Standard standard);

class ImageStore {
 public:
  ImageStore(HPDF_Doc doc, Standard standard) : doc_(doc), standard_(standard) {}

  Result<HPDF_Image> get(const doc::Raster& raster);

 private:
  HPDF_Doc doc_;
  Standard standard_;
  std::map<const doc::Raster*, HPDF_Image> images_;
};

}  // namespace leafpress::pdf
