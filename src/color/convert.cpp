#include "color/convert.hpp"

#include <algorithm>
#include <cmath>

#include "color/icc_profiles.hpp"
#include "color/lcms_handles.hpp"

namespace leafpress::color {
namespace {

IccTransform make_srgb_to_fogra39() {
  const auto open = [](std::string_view bytes) {
    return IccProfile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
  };
  const IccProfile srgb = open(srgb_profile()), fogra = open(fogra39_profile());
  if (!srgb || !fogra) return {};
  return IccTransform(cmsCreateTransform(srgb.get(), TYPE_RGB_DBL, fogra.get(), TYPE_CMYK_DBL,
                                         INTENT_RELATIVE_COLORIMETRIC,
                                         cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE));
}

}  // namespace

Result<std::array<double, 4>> srgb_to_print_cmyk(double r, double g, double b) {
  static const IccTransform transform = make_srgb_to_fogra39();
  if (!transform)
    return Error{"", 0, "lcms2 cannot make a colour transform from sRGB to FOGRA39",
                 "reinstall leafpress (its ICC profiles are built in) or report a bug"};
  const double in[3] = {std::clamp(r, 0.0, 1.0), std::clamp(g, 0.0, 1.0), std::clamp(b, 0.0, 1.0)};
  double out[4] = {0, 0, 0, 0};  // lcms2 gives CMYK doubles in percent
  cmsDoTransform(transform.get(), in, out, 1);
  std::array<double, 4> cmyk{};
  for (std::size_t i = 0; i < 4; ++i) cmyk[i] = std::clamp(std::round(out[i]), 0.0, 100.0) / 100;
  return cmyk;
}

}  // namespace leafpress::color
