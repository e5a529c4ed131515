#include "render/render_pdf.hpp"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace leafpress::render {

Picture Picture::blank(int width, int height, Rgb8 fill) {
  Picture p;
  p.width = width;
  p.height = height;
  p.rgb.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  for (std::size_t i = 0; i < p.rgb.size(); i += 3) {
    p.rgb[i] = fill.r;
    p.rgb[i + 1] = fill.g;
    p.rgb[i + 2] = fill.b;
  }
  return p;
}

Rgb8 Picture::at(int x, int y) const {
  const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3;
  return Rgb8{rgb[i], rgb[i + 1], rgb[i + 2]};
}

void Picture::set(int x, int y, Rgb8 c) {
  const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3;
  rgb[i] = c.r;
  rgb[i + 1] = c.g;
  rgb[i + 2] = c.b;
}

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
      p.set(x, y,
            Rgb8{static_cast<std::uint8_t>(px >> 16), static_cast<std::uint8_t>(px >> 8),
                 static_cast<std::uint8_t>(px)});
    }
  }
  return p;
}

}  // namespace

Result<std::vector<RenderedPage>> render_pdf(std::string_view pdf, double dpi) {
  if (!(dpi >= kMinDpi && dpi <= kMaxDpi))
    return Error{"", 0, "the resolution must be between 36 and 600 dpi", "e.g. --dpi 110"};
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

}  // namespace leafpress::render
