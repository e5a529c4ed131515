// render/render_pdf.hpp: the pages of a PDF as pictures, with poppler.
//
// Input:  the bytes of a PDF (the one leafpress just wrote: a preview shows what
//         prints, CMYK and overprint as poppler's Splash renderer shows them),
//         and a resolution in dots per inch (36-600).
// Output: one Picture per page (the whole MediaBox, marks included, on white)
//         and where the page's TrimBox lies on it, in pixels.
// Errors: poppler cannot read the bytes (a damaged or encrypted file), or a page
//         would be larger than kMaxPixels.
// Thread-safety: reentrant (one poppler document per call).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "render/picture.hpp"

namespace leafpress::render {

constexpr double kMinDpi = 36, kMaxDpi = 600;
constexpr long long kMaxPixels = 100'000'000;  // one page: A3 at 600 dpi is 70 megapixels

struct RenderedPage {
  Picture picture{};
  PixelBox trim{};
  double scale = 1;  // pixels per PDF point
};

Result<std::vector<RenderedPage>> render_pdf(std::string_view pdf, double dpi);

}  // namespace leafpress::render
