#include "layout/cover.hpp"

#include <algorithm>
#include <cmath>

#include "layout/sheet_plan.hpp"
#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

constexpr Pt kBand = mm(16);       // the accent band of a cover without a picture
constexpr Pt kHeaderBand = mm(6);  // the band above a handout's title
constexpr double kHeaderImageShare = 0.34;

struct Setter {  // sets centred or left-aligned lines downward from y
  const Scene& s;
  std::vector<std::string>& warnings;
  Decoration& d;
  Pt x = 0, width = 0, y = 0;

  // Sets `text` as one structure element of `type` (structure.hpp) under the cover's root.
  Status lines(const std::string& text, text::ParagraphStyle st, Cmyk color, Pt leading, bool centred,
               StructType type) {
    const int element = local_element(d, type);
    st.align = centred ? text::Align::Center : text::Align::Left;
    st.hyphenate = false;
    auto para = compose_checked(s, {text::TextSpan{text}}, st, width, s.doc.meta.body_line, warnings);
    if (!para) return para.error();
    for (const auto& line : para->lines) {
      y -= leading;
      d.runs.push_back(GlyphRun{centred ? x + (width - line.width) / 2 : x, y, st.size, color, line.glyphs,
                                next_tag(d, element)});
    }
    return Ok{};
  }
};

std::shared_ptr<const doc::Raster> cover_image(const Scene& s) {
  if (s.doc.meta.cover_image.empty()) return nullptr;
  const auto it = s.images.find(s.doc.meta.cover_image);
  return it == s.images.end() ? nullptr : it->second;
}

Status title_and_subtitle(const Scene& s, Setter& set) {
  const Template& t = s.t;
  auto title_style = heading_style(s, 1, 10);
  title_style.size = t.title_size;
  const std::string title = s.doc.meta.title.empty() ? std::string("Untitled") : s.doc.meta.title;
  const bool centred = t.cover_style == CoverStyle::Panel;
  if (auto r = set.lines(title, title_style, t.accent, t.title_size * 1.25, centred, StructType::H1); !r)
    return r;
  if (!s.doc.meta.subtitle.empty()) {
    set.y -= t.subtitle_size * 0.5;
    auto st = heading_style(s, 2, 10);
    st.bold = false;
    st.size = t.subtitle_size;
    if (auto r =
            set.lines(s.doc.meta.subtitle, st, t.text_color, t.subtitle_size * 1.3, centred, StructType::P);
        !r)
      return r;
  }
  return Ok{};
}

Result<Decoration> panel_cover(const Scene& s, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const Page page = blank_page(t);
  const Panel* panel = find_panel(t, t.cover_panel);
  const Pt left = page.trim.x0 + panel->x, right = left + panel->width;
  // Backgrounds bleed where the panel meets the trim, and stop at a fold.
  const Pt x0 = panel->x < 0.01 ? page.bleed.x0 : left;
  const Pt x1 = std::abs(panel->x + panel->width - t.sheet_width) < 0.01 ? page.bleed.x1 : right;
  Decoration d;
  const Pt margin = text_margin(t, *panel);
  Setter set{s, warnings, d, left + margin, panel->width - 2 * margin, 0};
  if (const auto raster = cover_image(s)) {
    const Pt box_bottom = page.trim.y1 - page.trim.height() * t.cover_image_share;
    d.images.push_back(fit_image(raster, Rect{x0, box_bottom, x1, page.bleed.y1}));
    set.y = std::min(d.images.back().rect.y0, page.trim.y1 - std::max(t.margin_top, t.safe_margin)) -
            t.title_size * 0.6;
  } else {
    d.fills.push_back(Fill{Rect{x0, page.trim.y1 - kBand, x1, page.bleed.y1}, t.accent});
    set.y = page.trim.y1 - page.trim.height() * 0.30;
  }
  if (auto r = title_and_subtitle(s, set); !r) return r.error();
  // The title block must end above the author line (and inside the safe area).
  const Pt floor = page.trim.y0 + std::max(t.margin_bottom, t.safe_margin) + t.body_size * 3;
  if (set.y - t.subtitle_size < floor)
    return Error{s.doc.path, 1, "the title and subtitle are too long for the cover",
                 "shorten them, or set a smaller title size, e.g. --set title.size=18pt"};
  const std::string author = s.doc.meta.clinic.name.empty() ? s.doc.meta.author : s.doc.meta.clinic.name;
  if (!author.empty()) {
    auto st = heading_style(s, 3, 10);
    st.bold = false;
    st.size = std::clamp(t.body_size_min, 8.0, 11.0);
    set.y = page.trim.y0 + std::max(t.margin_bottom, t.safe_margin) + st.size * 1.3;
    if (auto r = set.lines(author, st, t.text_color, st.size * 1.3, true, StructType::P); !r)
      return r.error();
  }
  return d;
}

Result<Decoration> header_cover(const Scene& s, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const Page page = blank_page(t);
  const Panel* panel = find_panel(t, t.cover_panel);
  const Pt left = page.trim.x0 + panel->x;
  const Pt x0 = panel->x < 0.01 ? page.bleed.x0 : left;
  const Pt x1 =
      std::abs(panel->x + panel->width - t.sheet_width) < 0.01 ? page.bleed.x1 : left + panel->width;
  Decoration d;
  d.fills.push_back(Fill{Rect{x0, page.trim.y1 - kHeaderBand, x1, page.bleed.y1}, t.accent});
  const Pt margin = text_margin(t, *panel);
  const Pt top = page.trim.y1 - std::max(t.margin_top, t.safe_margin);
  const Pt inner = panel->width - 2 * margin;
  const auto raster = cover_image(s);
  const Pt image_width = raster ? inner * kHeaderImageShare : 0;
  Setter set{s, warnings, d, left + margin, inner - (raster ? image_width + t.gutter : 0), top};
  if (auto r = title_and_subtitle(s, set); !r) return r.error();
  Pt bottom = set.y - t.subtitle_size * 0.4;
  if (raster) {
    // Beside the title, as tall as the title block or a little more, never taller than a fifth of the sheet.
    const Pt height = std::clamp(top - bottom, mm(30), page.trim.height() / 5);
    d.images.push_back(fit_image(
        raster, Rect{left + margin + inner - image_width, top - height, left + margin + inner, top}));
    bottom = std::min(bottom, d.images.back().rect.y0);
  }
  d.rules.push_back(
      Rule{left + margin, bottom - mm(2), left + margin + inner, bottom - mm(2), 0.75, t.accent});
  d.reserved = top - bottom + mm(5);
  if (d.reserved > page.trim.height() / 2)
    return Error{s.doc.path, 1, "the title and subtitle take more than half the page",
                 "shorten them, or set a smaller title size, e.g. --set title.size=18pt"};
  return d;
}

}  // namespace

Result<Decoration> set_cover(const Scene& s, std::vector<std::string>& warnings) {
  return s.t.cover_style == CoverStyle::Header ? header_cover(s, warnings) : panel_cover(s, warnings);
}

}  // namespace leafpress::layout
