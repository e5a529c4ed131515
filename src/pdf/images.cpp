#include "pdf/images.hpp"

#include "pdf/color.hpp"
#include "pdf/preflight.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace leafpress::pdf {

doc::ColorSpace stored_space(doc::ColorSpace space, Standard standard) {
  if (space == doc::ColorSpace::Gray) return space;
  return standard == Standard::Print ? doc::ColorSpace::Cmyk : doc::ColorSpace::Rgb;
}

int reduction_factor(int pixels_wide, double points_wide) {
  if (pixels_wide <= 0 || !(points_wide > 0)) return 1;
  const double ppi = pixels_wide / (points_wide / 72.0);
  return ppi > kMaxStoredPpi ? std::max(1, static_cast<int>(ppi / kTargetPpi)) : 1;
}

doc::Raster box_average(const doc::Raster& raster, int factor) {
  doc::Raster out;
  out.space = raster.space;
  out.source = raster.source;
  out.width = (raster.width + factor - 1) / factor;
  out.height = (raster.height + factor - 1) / factor;
  const std::size_t n = static_cast<std::size_t>(raster.components());
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * n);
  std::vector<std::uint32_t> sums(static_cast<std::size_t>(out.width) * n);
  std::vector<std::uint32_t> counts(static_cast<std::size_t>(out.width));
  for (int oy = 0; oy < out.height; ++oy) {
    std::fill(sums.begin(), sums.end(), 0u);
    std::fill(counts.begin(), counts.end(), 0u);
    for (int y = oy * factor; y < std::min(raster.height, (oy + 1) * factor); ++y) {
      const std::uint8_t* row = raster.pixels.data() + static_cast<std::size_t>(y) * raster.width * n;
      for (int x = 0; x < raster.width; ++x) {
        const std::size_t ox = static_cast<std::size_t>(x / factor);
        ++counts[ox];
        for (std::size_t c = 0; c < n; ++c) sums[ox * n + c] += row[static_cast<std::size_t>(x) * n + c];
      }
    }
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(oy) * out.width * n;
    for (std::size_t i = 0; i < sums.size(); ++i)
      dst[i] = static_cast<std::uint8_t>((sums[i] + counts[i / n] / 2) / counts[i / n]);
  }
  return out;
}

ImageStore::ImageStore(HPDF_Doc doc, Standard standard, const layout::PageModel& model)
    : doc_(doc), standard_(standard) {
  for (const auto& page : model.pages)
    for (const auto& image : page.images)
      if (image.raster) {
        double& widest = widest_[image.raster.get()];
        widest = std::max(widest, image.rect.width());
      }
}

Result<HPDF_Image> ImageStore::get(const doc::Raster& raster) {
  if (auto it = images_.find(&raster); it != images_.end()) return it->second;
  if (!raster.complete())
    return Error{raster.source, 0, "the picture's pixel data does not match its size",
                 "save the picture again as PNG or JPEG"};
  // Reduce first (less to convert), and copy nothing that needs no change.
  const doc::Raster* stored = &raster;
  doc::Raster reduced, converted;
  const auto widest = widest_.find(&raster);
  if (const int factor = reduction_factor(raster.width, widest == widest_.end() ? 0 : widest->second);
      factor > 1) {
    reduced = box_average(raster, factor);
    stored = &reduced;
  }
  if (const doc::ColorSpace to = stored_space(raster.space, standard_); to != stored->space) {
    auto c = convert_raster(*stored, to);
    if (!c) return c.error();
    converted = std::move(*c);
    stored = &converted;
  }
  // Print: a CMYK picture (a JPEG saved at 400 %) keeps to the ink limit the file claims.
  if (standard_ == Standard::Print && stored->space == doc::ColorSpace::Cmyk &&
      max_total_ink(*stored) > kMaxTotalInk) {
    auto limited = limit_ink(*stored, kMaxTotalInk);
    if (!limited) return limited.error();
    converted = std::move(*limited);
    stored = &converted;
  }
  const HPDF_ColorSpace space = stored->space == doc::ColorSpace::Gray  ? HPDF_CS_DEVICE_GRAY
                                : stored->space == doc::ColorSpace::Rgb ? HPDF_CS_DEVICE_RGB
                                                                        : HPDF_CS_DEVICE_CMYK;
  HPDF_Image image =
      HPDF_LoadRawImageFromMem(doc_, stored->pixels.data(), static_cast<HPDF_UINT>(stored->width),
                               static_cast<HPDF_UINT>(stored->height), space, 8);
  if (!image)
    return Error{raster.source, 0, "cannot put the picture into the PDF",
                 "save the picture again as PNG or JPEG, or make it smaller"};
  images_.emplace(&raster, image);
  return image;
}

}  // namespace leafpress::pdf
