#include "render/render_pdf.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/handle.hpp"
#include "render/poppler_pages.hpp"

namespace leafpress::render {
namespace {

using Module = Handle<void, dlclose>;

// The poppler module (poppler_pages.hpp), loaded once per process on first use: beside
// the running binary (how it is built and shipped), else where this tree built it (the
// tests, which run from build/tests/). Kept until exit; the entry point stays valid.
struct Loaded {
  Module module;
  RenderPagesFn render = nullptr;
  std::string error;
};

Loaded load_module() {
  Loaded out;
  std::vector<std::string> candidates;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((exe.parent_path() / kPopplerModuleName).string());
  candidates.emplace_back(LEAFPRESS_POPPLER_MODULE);
  for (const auto& path : candidates) {
    if (::access(path.c_str(), R_OK) != 0) continue;
    out.module.reset(::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!out.module) {
      const char* why = ::dlerror();
      out.error = path + ": " + (why ? why : "dlopen failed");
      return out;
    }
    out.render = reinterpret_cast<RenderPagesFn>(::dlsym(out.module.get(), kRenderPagesSymbol));
    if (!out.render) out.error = path + ": no " + kRenderPagesSymbol;
    return out;
  }
  out.error = std::string(kPopplerModuleName) + " is not beside the leafpress program";
  return out;
}

}  // namespace

Result<std::vector<RenderedPage>> render_pdf(std::string_view pdf, double dpi) {
  if (!(dpi >= kMinDpi && dpi <= kMaxDpi))
    return Error{"", 0, "the resolution must be between 36 and 600 dpi", "e.g. --dpi 110"};
  static const Loaded loaded = load_module();  // thread-safe initialisation (C++11 [stmt.dcl])
  if (!loaded.render)
    return Error{"", 0, "cannot load the page renderer: " + loaded.error,
                 "it is built with leafpress; install the two together"};
  return loaded.render(pdf, dpi);
}

}  // namespace leafpress::render
