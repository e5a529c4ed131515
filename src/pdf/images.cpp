#include "pdf/images.hpp"

#include "pdf/color.hpp"

namespace leafpress::pdf {

doc::ColorSpace stored_space(doc::ColorSpace space, Standard standard) {
  if (space == doc::ColorSpace::Gray) return space;
  return standard == Standard::Print ? doc::ColorSpace::Cmyk : doc::ColorSpace::Rgb;
}

Result<HPDF_Image> ImageStore::get(const doc::Raster& raster) {
  if (auto it = images_.find(&raster); it != images_.end()) return it->second;
  auto pixels = convert_raster(raster, stored_space(raster.space, standard_));
  if (!pixels) return pixels.error();
  const HPDF_ColorSpace space = pixels->space == doc::ColorSpace::Gray  ? HPDF_CS_DEVICE_GRAY
                                : pixels->space == doc::ColorSpace::Rgb ? HPDF_CS_DEVICE_RGB
                                                                        : HPDF_CS_DEVICE_CMYK;
  HPDF_Image image =
      HPDF_LoadRawImageFromMem(doc_, pixels->pixels.data(), static_cast<HPDF_UINT>(pixels->width),
                               static_cast<HPDF_UINT>(pixels->height), space, 8);
  if (!image)
    return Error{raster.source, 0, "cannot put the picture into the PDF",
                 "save the picture again as PNG or JPEG, or make it smaller"};
  images_.emplace(&raster, image);
  return image;
}

}  // namespace leafpress::pdf
