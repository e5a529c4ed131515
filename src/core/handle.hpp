// core/handle.hpp: one RAII idiom for every C handle.
//
// Handle<T, Destroy> is a unique_ptr whose deleter calls the library's own
// destroy function. Each library's aliases live in one header of the stage
// that uses it (text/hb_handles.hpp, pdf/hpdf_handles.hpp...).
#pragma once

#include <memory>

namespace leafpress {

template <auto Destroy>
struct Deleter {
  void operator()(auto* p) const noexcept {
    if (p) Destroy(p);
  }
};

template <class T, auto Destroy>
using Handle = std::unique_ptr<T, Deleter<Destroy>>;

}  // namespace leafpress
