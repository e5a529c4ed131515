#include "pdf/preflight.hpp"

#include <cstdio>

#include "pdf/color.hpp"
#include "pdf/images.hpp"

namespace leafpress::pdf {
namespace {

std::string percent(const layout::Cmyk& c) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "C %.0f %% M %.0f %% Y %.0f %% K %.0f %%", c.c * 100, c.m * 100, c.y * 100,
                c.k * 100);
  return buf;
}

// The style key that chose `c`, where it was written (layout/page_model.hpp ColorSource).
const layout::ColorSource* source_of(const layout::PageModel& model, const layout::Cmyk& c) {
  for (const auto& s : model.color_sources)
    if (s.color == c) return &s;
  return nullptr;
}

Status check_color(const layout::PageModel& model, const layout::Cmyk& c, Standard standard) {
  const double total = c.c + c.m + c.y + c.k;
  const bool in_range =
      c.c >= 0 && c.c <= 1 && c.m >= 0 && c.m <= 1 && c.y >= 0 && c.y <= 1 && c.k >= 0 && c.k <= 1;
  // Called for every run, rule and dot: the messages are made only for a colour that fails.
  if (in_range && !(standard == Standard::Print && total > kMaxTotalInk + 1e-9)) return Ok{};
  const layout::ColorSource* source = source_of(model, c);
  const std::string file = source ? source->file : "";
  const int line = source ? source->line : 0;
  const std::string what = source ? "'" + source->key + "' (" + percent(c) + ")" : "the colour " + percent(c);
  const std::string where = !source                   ? "in the layout's colours"
                            : source->file == "--set" ? "in --set " + source->key
                                                      : "in the layout's " + source->key;
  if (!in_range) return Error{file, line, what + " is outside 0..100 %", "fix the colour " + where};
  char ink[32];
  std::snprintf(ink, sizeof ink, "%.0f %%", total * 100);
  return Error{file, line,
               what + " puts down " + ink +
                   " ink in total, more than FOGRA39 allows (330 %); the print shop would reject the file",
               "lower C+M+Y+K to at most 330 % " + where + ", or build with --standard none"};
}

bool inside(const layout::Rect& inner, const layout::Rect& outer) {
  constexpr double eps = 0.01;
  return inner.x0 >= outer.x0 - eps && inner.y0 >= outer.y0 - eps && inner.x1 <= outer.x1 + eps &&
         inner.y1 <= outer.y1 + eps;
}

Status check_image(const layout::Image& image, Standard standard) {
  const std::string file = image.article.empty() ? (image.raster ? image.raster->source : "") : image.article;
  const std::string claim = standard == Standard::Print     ? " for --standard print (PDF/X-1a)"
                            : standard == Standard::Archive ? " for --standard archive (PDF/A-2u)"
                                                            : "";
  if (!image.raster)
    return Error{"", 0, "a picture has no pixels", "report a bug: layout placed a picture it did not load"};
  if (!(image.rect.width() > 0) || !(image.rect.height() > 0))
    return Error{image.raster->source, 0, "a picture was placed with no width or height",
                 "report a bug, with the article and layout"};
  const doc::Raster& r = *image.raster;
  if (!r.complete())
    return Error{r.source, 0,
                 "cannot convert the picture" + claim + ": its pixel data does not match its size",
                 "save the picture again as PNG or JPEG"};
  if (!can_convert(r.space, stored_space(r.space, standard)))
    return Error{r.source, 0, "cannot convert the picture's colours" + claim,
                 "save the picture in RGB, CMYK or grey"};
  const double ppi = r.width / (image.rect.width() / 72);
  if (standard == Standard::Print && ppi < kMinPrintPpi) {
    char what[160];
    std::snprintf(what, sizeof what, "prints at %.0f ppi, less than the %.0f ppi print needs", ppi,
                  kMinPrintPpi);
    return Error{
        file, image.line,
        "the picture '" + (image.article.empty() ? r.source : doc::shown_path(r.source, image.article)) +
            "' " + what + claim,
        "use a picture with more pixels (300 ppi at its printed size), or build with --standard none"};
  }
  return Ok{};
}

}  // namespace

Status preflight(const layout::PageModel& model, Standard standard) {
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    const layout::Page& p = model.pages[i];
    for (const auto& image : p.images)
      if (auto s = check_image(image, standard); !s) return s;
    if (standard == Standard::None) continue;
    const layout::Rect media{0, 0, p.width, p.height};
    if (standard == Standard::Print &&
        (p.trim.width() <= 0 || p.trim.height() <= 0 || !inside(p.trim, p.bleed) || !inside(p.bleed, media)))
      return Error{"", 0,
                   "page " + std::to_string(i + 1) + " has no trim box inside its bleed and media boxes",
                   "report a bug: layout must place the trim inside the bleed"};
    for (const auto& f : p.fills)
      if (auto s = check_color(model, f.color, standard); !s) return s;
    for (const auto& r : p.runs) {
      if (auto s = check_color(model, r.color, standard); !s) return s;
      if (standard == Standard::Archive)
        for (const auto& g : r.glyphs)
          if (g.glyph == 0)  // ISO 19005-2 6.2.11.8: no reference to .notdef
            return Error{"", 0,
                         "page " + std::to_string(i + 1) + ": no font has the character \"" + g.text +
                             "\"; PDF/A forbids the empty box drawn for it",
                         "install a font that has it, or build with --standard none"};
    }
    for (const auto& d : p.dots)
      if (auto s = check_color(model, d.color, standard); !s) return s;
    for (const auto& r : p.rules)
      if (r.purpose != layout::RulePurpose::CropMark && r.purpose != layout::RulePurpose::FoldMark)
        if (auto s = check_color(model, r.color, standard); !s) return s;
  }
  return Ok{};
}

}  // namespace leafpress::pdf
