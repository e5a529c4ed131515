#include "pdf/color.hpp"

#include <algorithm>
#include <mutex>

#include "pdf/icc_profiles.hpp"
#include "pdf/lcms_handles.hpp"

namespace leafpress::pdf {
namespace {

struct Transforms {
  IccTransform cmyk_to_rgb;    // one colour, doubles: CMYK in percent, RGB in 0..1
  IccTransform rgb8_to_cmyk8;  // pixels
  IccTransform cmyk8_to_rgb8;  // pixels
  std::string error;           // why the transforms could not be made; empty when they were
};

IccProfile open_profile(std::string_view bytes) {
  return IccProfile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
}

const Transforms& transforms() {
  static const Transforms t = [] {
    Transforms out;
    const IccProfile fogra = open_profile(fogra39_profile());
    const IccProfile srgb = open_profile(srgb_profile());
    if (!fogra || !srgb) {
      out.error = "lcms2 cannot open the built-in ICC profiles";
      return out;
    }
    constexpr cmsUInt32Number flags = cmsFLAGS_NOCACHE | cmsFLAGS_BLACKPOINTCOMPENSATION;
    out.cmyk_to_rgb.reset(cmsCreateTransform(fogra.get(), TYPE_CMYK_DBL, srgb.get(), TYPE_RGB_DBL,
                                             INTENT_RELATIVE_COLORIMETRIC, flags));
    out.cmyk8_to_rgb8.reset(cmsCreateTransform(fogra.get(), TYPE_CMYK_8, srgb.get(), TYPE_RGB_8,
                                               INTENT_RELATIVE_COLORIMETRIC, flags));
    out.rgb8_to_cmyk8.reset(cmsCreateTransform(srgb.get(), TYPE_RGB_8, fogra.get(), TYPE_CMYK_8,
                                               INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE));
    if (!out.cmyk_to_rgb || !out.cmyk8_to_rgb8 || !out.rgb8_to_cmyk8)
      out.error = "lcms2 cannot make a colour transform between FOGRA39 and sRGB";
    return out;
  }();
  return t;
}

Error failure(const std::string& file, const std::string& message) {
  return Error{file, 0, message, "reinstall leafpress (its ICC profiles are built in) or report a bug"};
}

}  // namespace

Result<Rgb> to_rgb(const layout::Cmyk& color) {
  const Transforms& t = transforms();
  if (!t.error.empty()) return failure("", t.error);
  const double in[4] = {color.c * 100, color.m * 100, color.y * 100, color.k * 100};
  double out[3] = {0, 0, 0};
  cmsDoTransform(t.cmyk_to_rgb.get(), in, out, 1);
  return Rgb{std::clamp(out[0], 0.0, 1.0), std::clamp(out[1], 0.0, 1.0), std::clamp(out[2], 0.0, 1.0)};
}

Result<doc::Raster> convert_raster(const doc::Raster& raster, doc::ColorSpace to) {
  const std::size_t pixels = static_cast<std::size_t>(std::max(raster.width, 0)) *
                             static_cast<std::size_t>(std::max(raster.height, 0));
  if (pixels == 0 || raster.pixels.size() != pixels * static_cast<std::size_t>(raster.components()))
    return Error{raster.source, 0, "the picture's pixel data does not match its size",
                 "save the picture again as PNG or JPEG"};
  if (raster.space == to) return raster;
  const Transforms& t = transforms();
  if (!t.error.empty()) return failure(raster.source, t.error);
  cmsHTRANSFORM transform = nullptr;
  if (raster.space == doc::ColorSpace::Rgb && to == doc::ColorSpace::Cmyk) transform = t.rgb8_to_cmyk8.get();
  if (raster.space == doc::ColorSpace::Cmyk && to == doc::ColorSpace::Rgb) transform = t.cmyk8_to_rgb8.get();
  if (!transform)
    return Error{raster.source, 0, "leafpress cannot convert this picture's colours",
                 "save the picture in RGB or CMYK"};
  doc::Raster out;
  out.width = raster.width;
  out.height = raster.height;
  out.space = to;
  out.source = raster.source;
  out.pixels.resize(pixels * static_cast<std::size_t>(out.components()));
  // Row by row: cmsDoTransform counts pixels in a cmsUInt32Number.
  const std::size_t in_row = static_cast<std::size_t>(raster.width) * raster.components();
  const std::size_t out_row = static_cast<std::size_t>(raster.width) * out.components();
  for (int y = 0; y < raster.height; ++y)
    cmsDoTransform(transform, raster.pixels.data() + y * in_row, out.pixels.data() + y * out_row,
                   static_cast<cmsUInt32Number>(raster.width));
  return out;
}

}  // namespace leafpress::pdf
