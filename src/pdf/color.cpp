#include "pdf/color.hpp"

#include <algorithm>
#include <cstdint>

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

// CMYK → CMYK through the output profile: FOGRA39's A2B table to Lab, its B2A table back. The
// B2A tables were made with a total ink limit of 300 % (make-fogra39.sh: colprof -l 300 -L 95),
// so every colour comes back separated within it; relative colorimetric keeps in-gamut colours.
cmsHTRANSFORM cmyk8_to_cmyk8() {
  static const Transform t = [] {
    const IccProfile fogra = open_profile(fogra39_profile());
    if (!fogra) return Transform{};
    return Transform{IccTransform(cmsCreateTransform(fogra.get(), TYPE_CMYK_8, fogra.get(), TYPE_CMYK_8,
                                                     INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE))};
  }();
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

double max_total_ink(const doc::Raster& raster) {
  if (raster.space != doc::ColorSpace::Cmyk || !raster.complete()) return 0;
  unsigned most = 0;
  for (std::size_t i = 0; i + 3 < raster.pixels.size(); i += 4)
    most = std::max(
        most, 0u + raster.pixels[i] + raster.pixels[i + 1] + raster.pixels[i + 2] + raster.pixels[i + 3]);
  return most / 255.0;
}

Result<doc::Raster> limit_ink(const doc::Raster& raster, double limit) {
  if (!raster.complete())
    return Error{raster.source, 0, "the picture's pixel data does not match its size",
                 "save the picture again as PNG or JPEG"};
  if (raster.space != doc::ColorSpace::Cmyk || max_total_ink(raster) <= limit) return raster;
  cmsHTRANSFORM transform = cmyk8_to_cmyk8();
  if (!transform) return failure(raster.source);
  doc::Raster out = raster;
  const std::size_t row = static_cast<std::size_t>(raster.width) * 4;
  for (int y = 0; y < raster.height; ++y)
    cmsDoTransform(transform, raster.pixels.data() + y * row, out.pixels.data() + y * row,
                   static_cast<cmsUInt32Number>(raster.width));
  // The tables are interpolated: a pixel a little over the limit loses it from C, M and Y,
  // never from K, which carries the detail.
  const unsigned most = static_cast<unsigned>(limit * 255);
  for (std::size_t i = 0; i + 3 < out.pixels.size(); i += 4) {
    std::uint8_t* p = out.pixels.data() + i;
    const unsigned cmy = 0u + p[0] + p[1] + p[2];
    if (cmy + p[3] <= most || cmy == 0) continue;
    const double keep = std::max(0.0, static_cast<double>(most) - p[3]) / cmy;
    for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(p[c] * keep);
  }
  return out;
}

}  // namespace leafpress::pdf
