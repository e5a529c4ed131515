// The pattern machines hyphen_machine_gen saved at build time (src/text/CMakeLists.txt).
// .incbin keeps the bytes out of the compiler, as color/icc_profiles.cpp does.
#include "text/hyphen_machine.hpp"

asm(".pushsection .rodata\n"
    ".balign 16\n"
    "leafpress_hyphen_machines_begin:\n"
    ".incbin \"" LEAFPRESS_HYPHEN_MACHINES
    "\"\n"
    "leafpress_hyphen_machines_end:\n"
    ".popsection\n");

extern "C" const char leafpress_hyphen_machines_begin[], leafpress_hyphen_machines_end[];

namespace leafpress::text {

std::string_view embedded_machines() {
  return {leafpress_hyphen_machines_begin,
          static_cast<std::size_t>(leafpress_hyphen_machines_end - leafpress_hyphen_machines_begin)};
}

}  // namespace leafpress::text
