// pdf/images.hpp: pictures as image XObjects, in the colours the standard allows.
//
// One XObject per Raster, however often it is drawn (a logo on every page is
// stored once). Pixels go in as 8-bit DeviceGray, DeviceCMYK or DeviceRGB,
// Flate-compressed by libharu:
//  - print:   RGB pictures are converted to FOGRA39 CMYK through lcms2
//             (color.hpp); CMYK pictures with more than 330 % ink anywhere are
//             re-separated through FOGRA39 (limit_ink); other CMYK and Gray
//             stay as they are.
//  - archive, none: CMYK pictures are converted to sRGB; RGB and Gray stay.
// No soft masks (alpha was composited over white when decoding: doc/image.hpp).
// Detail: a picture finer than kMaxStoredPpi at the largest size it is drawn
// at is averaged down by a whole factor to at least kTargetPpi: a 12-megapixel
// phone photo two inches wide would otherwise make a 20 MB leaflet that prints
// no sharper.
// Errors: an Error naming the picture when its pixels do not match its size or
//         its colours cannot be converted; then no PDF is written.
// Thread-safety: one ImageStore per document.
#pragma once

#include <hpdf.h>

#include <map>

#include "core/result.hpp"
#include "doc/image.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

// The space a picture is stored in under `standard`.
doc::ColorSpace stored_space(doc::ColorSpace space, Standard standard);

constexpr double kMaxStoredPpi = 450, kTargetPpi = 300;

// The whole factor a picture `pixels_wide` drawn `points_wide` is reduced by (1 = kept).
int reduction_factor(int pixels_wide, double points_wide);

// Averages each factor × factor block into one pixel (edges average what they have).
doc::Raster box_average(const doc::Raster& raster, int factor);

class ImageStore {
 public:
  // `model`: every place each picture is drawn, for the detail it needs.
  ImageStore(HPDF_Doc doc, Standard standard, const layout::PageModel& model);

  Result<HPDF_Image> get(const doc::Raster& raster);

 private:
  HPDF_Doc doc_;
  Standard standard_;
  std::map<const doc::Raster*, double> widest_;  // the largest width each is drawn at, in points
  std::map<const doc::Raster*, HPDF_Image> images_;
};

}  // namespace leafpress::pdf
