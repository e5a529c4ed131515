#include "pdf/color.hpp"

#include <algorithm>

#include "color/lcms_handles.hpp"
#include "pdf/icc_profiles.hpp"

namespace leafpress::pdf {
namespace {

using color::IccProfile;
using color::IccTransform;

// A transform between the two built-in profiles, made the first time it is asked for (each one
// precomputes its tables: ~15 ms) and kept for the process; null when lcms2 cannot make it.
struct Transform {
  IccTransform handle;
  [[nodiscard]] cmsHTRANSFORM get() const { return handle.get(); }
};

IccProfile open_profile(std::string_view bytes) {
  return IccProfile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
}

Transform make(bool from_cmyk, cmsUInt32Number in, cmsUInt32Number out, cmsUInt32Number intent,
               cmsUInt32Number flags) {
  const IccProfile fogra = open_profile(fogra39_profile());
  const IccProfile srgb = open_profile(srgb_profile());
  if (!fogra || !srgb) return {};
  cmsHPROFILE from = from_cmyk ? fogra.get() : srgb.get(), to = from_cmyk ? srgb.get() : fogra.get();
  // No one-pixel cache: the transform is shared by every thread.
  return {IccTransform(cmsCreateTransform(from, in, to, out, intent, flags | cmsFLAGS_NOCACHE))};
}

constexpr cmsUInt32Number kBpc = cmsFLAGS_BLACKPOINTCOMPENSATION;

cmsHTRANSFORM cmyk_to_rgb() {  // one colour, doubles: CMYK in percent, RGB in 0..1
  static const Transform t = make(true, TYPE_CMYK_DBL, TYPE_RGB_DBL, INTENT_RELATIVE_COLORIMETRIC, kBpc);
  return t.get();
}

cmsHTRANSFORM cmyk8_to_rgb8() {
  static const Transform t = make(true, TYPE_CMYK_8, TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC, kBpc);
  return t.get();
}

cmsHTRANSFORM rgb8_to_cmyk8() {
  static const Transform t = make(false, TYPE_RGB_8, TYPE_CMYK_8, INTENT_PERCEPTUAL, 0);
  return t.get();
}

Error failure(const std::string& file) {
  return Error{file, 0, "lcms2 cannot make a colour transform between FOGRA39 and sRGB",
               "reinstall leafpress (its ICC profiles are built in) or report a bug"};
}

}  // namespace

Result<Rgb> to_rgb(const layout::Cmyk& color) {
  cmsHTRANSFORM transform = cmyk_to_rgb();
  if (!transform) return failure("");
  const double in[4] = {color.c * 100, color.m * 100, color.y * 100, color.k * 100};
  double out[3] = {0, 0, 0};
  cmsDoTransform(transform, in, out, 1);
  return Rgb{std::clamp(out[0], 0.0, 1.0), std::clamp(out[1], 0.0, 1.0), std::clamp(out[2], 0.0, 1.0)};
}

bool can_convert(doc::ColorSpace from, doc::ColorSpace to) {
  return from == to || (from == doc::ColorSpace::Rgb && to == doc::ColorSpace::Cmyk) ||
         (from == doc::ColorSpace::Cmyk && to == doc::ColorSpace::Rgb);
}

Result<doc::Raster> convert_raster(const doc::Raster& raster, doc::ColorSpace to) {
  if (!raster.complete())
    return Error{raster.source, 0, "the picture's pixel data does not match its size",
                 "save the picture again as PNG or JPEG"};
  if (raster.space == to) return raster;
  if (!can_convert(raster.space, to))
    return Error{raster.source, 0, "leafpress cannot convert this picture's colours",
                 "save the picture in RGB or CMYK"};
  const bool rgb_to_cmyk = raster.space == doc::ColorSpace::Rgb;
  const std::size_t pixels = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
  cmsHTRANSFORM transform = rgb_to_cmyk ? rgb8_to_cmyk8() : cmyk8_to_rgb8();
  if (!transform) return failure(raster.source);
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
