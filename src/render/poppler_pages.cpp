// render/poppler_pages.cpp: the poppler module (poppler_pages.hpp): PDF pages to pictures.
// Built as its own shared object and loaded by render_pdf.cpp only when a page is rendered.
#include "render/poppler_pages.hpp"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>

namespace leafpress::render {

namespace {

// poppler's argb32 is one native-endian 32-bit word per pixel (0xAARRGGBB); on white paper
// every pixel is opaque.
Picture from_poppler(const poppler::image& image) {
  Picture p;
  p.width = image.width();
  p.height = image.height();
  p.rgb.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 3);
  const char* data = image.const_data();
  for (int y = 0; y < p.height; ++y) {
    const char* row = data + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row();
    for (int x = 0; x < p.width; ++x) {
      std::uint32_t px = 0;
      std::memcpy(&px, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
      // Picture::set lives in the binary, not in this module: write the bytes here.
      std::uint8_t* out = &p.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + x) * 3];
      out[0] = static_cast<std::uint8_t>(px >> 16);
      out[1] = static_cast<std::uint8_t>(px >> 8);
      out[2] = static_cast<std::uint8_t>(px);
    }
  }
  return p;
}

Result<std::vector<RenderedPage>> render_pages(std::string_view pdf, double dpi) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked())
    return Error{"", 0, "poppler cannot read the PDF", "build it again; report a bug if this repeats"};
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_paper_color(0xffffffff);
  const double scale = dpi / 72;
  std::vector<RenderedPage> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return Error{"", 0, "poppler cannot read page " + std::to_string(i + 1), "report a bug"};
    const poppler::rectf media = page->page_rect(poppler::media_box);
    const poppler::rectf trim = page->page_rect(poppler::trim_box);
    if (media.width() * scale * media.height() * scale > static_cast<double>(kMaxPixels))
      return Error{"", 0, "page " + std::to_string(i + 1) + " is too large to render at this resolution",
                   "use a smaller --dpi"};
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid())
      return Error{"", 0, "poppler cannot render page " + std::to_string(i + 1), "report a bug"};
    RenderedPage out;
    out.picture = from_poppler(image);
    out.scale = scale;
    // poppler's rectangles are in PDF space (y up) relative to the MediaBox; pictures run top down.
    const auto px = [&](double v) { return static_cast<int>(std::lround(v * scale)); };
    out.trim = PixelBox{px(trim.left() - media.left()), px(media.bottom() - trim.bottom()),
                        px(trim.right() - media.left()), px(media.bottom() - trim.top())};
    if (out.trim.y0 > out.trim.y1) std::swap(out.trim.y0, out.trim.y1);
    out.trim.x0 = std::clamp(out.trim.x0, 0, out.picture.width);
    out.trim.x1 = std::clamp(out.trim.x1, 0, out.picture.width);
    out.trim.y0 = std::clamp(out.trim.y0, 0, out.picture.height);
    out.trim.y1 = std::clamp(out.trim.y1, 0, out.picture.height);
    pages.push_back(std::move(out));
  }
  return pages;
}

}  // namespace

// The name the loader looks up (kRenderPagesSymbol); the type is RenderPagesFn.
extern "C" [[gnu::visibility("default")]] Result<std::vector<RenderedPage>> leafpress_render_pages(
    std::string_view pdf, double dpi) {
  return render_pages(pdf, dpi);
}
static_assert(std::is_same_v<decltype(&leafpress_render_pages), RenderPagesFn>);

}  // namespace leafpress::render
