// tests/fuzz/fuzz_support.hpp: what the fuzz targets share.
//
// Each target is one LLVMFuzzerTestOneInput. Built with clang -fsanitize=fuzzer
// (LEAFPRESS_FUZZ=ON) it is a libFuzzer binary; built with replay_main.cpp under
// the normal compiler it runs every file of its corpus and regression folders
// once, under ctest, so CI keeps every input that ever crashed.
// A target reports a broken promise (an Ok result that violates the stage's
// spec) with fuzz_check, which aborts: libFuzzer and the replay both see a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/result.hpp"

namespace leafpress::fuzz {

inline void fuzz_check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// With LEAFPRESS_FUZZ_VERBOSE set, says why an input was refused: to check that the
// seeds get as far as they should (a seed refused by the first stage tests little).
inline void note(const Error& error) {
  static const bool verbose = std::getenv("LEAFPRESS_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "refused: %s\n", error.describe().c_str());
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace leafpress::fuzz
