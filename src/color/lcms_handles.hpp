// color/lcms_handles.hpp: owning handles for lcms2 profiles and transforms.
#pragma once

#include <lcms2.h>

#include <type_traits>

#include "core/handle.hpp"

namespace leafpress::color {

using IccProfile = Handle<std::remove_pointer_t<cmsHPROFILE>, cmsCloseProfile>;
using IccTransform = Handle<std::remove_pointer_t<cmsHTRANSFORM>, cmsDeleteTransform>;

}  // namespace leafpress::color
