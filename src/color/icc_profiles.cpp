#include "color/icc_profiles.hpp"

// The paths come from CMake (src/color/CMakeLists.txt); OBJECT_DEPENDS rebuilds this file when they change.
// .incbin keeps the bytes out of the compiler: a C array of 41 KB would take longer to compile than to make.
asm(".pushsection .rodata\n"
    ".balign 16\n"
    "leafpress_fogra39_icc_begin:\n"
    ".incbin \"" LEAFPRESS_FOGRA39_ICC
    "\"\n"
    "leafpress_fogra39_icc_end:\n"
    ".balign 16\n"
    "leafpress_srgb_icc_begin:\n"
    ".incbin \"" LEAFPRESS_SRGB_ICC
    "\"\n"
    "leafpress_srgb_icc_end:\n"
    ".popsection\n");

extern "C" const char leafpress_fogra39_icc_begin[], leafpress_fogra39_icc_end[];
extern "C" const char leafpress_srgb_icc_begin[], leafpress_srgb_icc_end[];

namespace leafpress::color {

std::string_view fogra39_profile() {
  return {leafpress_fogra39_icc_begin,
          static_cast<std::size_t>(leafpress_fogra39_icc_end - leafpress_fogra39_icc_begin)};
}

std::string_view srgb_profile() {
  return {leafpress_srgb_icc_begin,
          static_cast<std::size_t>(leafpress_srgb_icc_end - leafpress_srgb_icc_begin)};
}

}  // namespace leafpress::color
