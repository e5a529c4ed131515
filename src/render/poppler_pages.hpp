// render/poppler_pages.hpp: the one entry point of the poppler module.
//
// poppler (and through it NSS, TIFF, OpenJPEG, LCMS...) costs every process that links
// it some 12 M instructions and 4 ms at start (the dynamic loader's relocations), and
// only `preview` uses it. So poppler lives in a module of its own,
// libleafpress-poppler.so, built beside the leafpress binary; render_pdf.cpp loads it
// with dlopen the first time a page is rendered. This header is the contract between
// the two: one C-named symbol, `kRenderPagesSymbol`, of type `RenderPagesFn`.
// Both sides are built by the same compiler in the same tree, so C++ types cross.
// Input: PDF bytes and a resolution already checked by render_pdf (36-600 dpi).
// Output and errors: as render_pdf (render_pdf.hpp).
// Thread-safety: reentrant (one poppler document per call).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "render/render_pdf.hpp"

namespace leafpress::render {

using RenderPagesFn = Result<std::vector<RenderedPage>> (*)(std::string_view pdf, double dpi);
inline constexpr const char* kRenderPagesSymbol = "leafpress_render_pages";
inline constexpr const char* kPopplerModuleName = "libleafpress-poppler.so";

}  // namespace leafpress::render
