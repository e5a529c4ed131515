#include "layout/back_panel.hpp"

#include "layout/clinic_qr.hpp"

#include <algorithm>

#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

constexpr Pt kLogoHeight = mm(14);  // the largest a logo is drawn
constexpr Pt kGap = mm(4);          // between the body and the rule above the block

struct Line {
  text::Line line;
  Pt size = 0;
  Cmyk color;
  int element = kArtifact;  // its P in the block's Sect (structure.hpp)
};

}  // namespace

Result<Decoration> set_clinic(const Scene& s, bool footer, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const doc::Clinic& c = s.doc.meta.clinic;
  Decoration d;
  std::shared_ptr<const doc::Raster> logo;
  if (!c.logo.empty())
    if (const auto it = s.images.find(c.logo); it != s.images.end()) logo = it->second;
  if (c.name.empty() && c.address.empty() && c.phone.empty() && c.url.empty() && !logo) return d;

  const Page page = blank_page(t);
  Pt x = page.trim.x0 + text_margin(t), width = t.sheet_width - 2 * text_margin(t);
  if (!footer && !t.booklet) {
    const Panel* panel = find_panel(t, t.back_panel);
    x = page.trim.x0 + panel->x + text_margin(t, *panel);
    width = panel->width - 2 * text_margin(t, *panel);
  }
  const Pt size = std::clamp(t.body_size_min, 8.0, 10.0);
  std::vector<Line> lines;
  // The clinic block is a Sect of its own, read last (structure.hpp); each field a P.
  const int sect = local_element(d, StructType::Sect);
  const int figure =
      logo ? local_element(d, StructType::Figure, sect) : kArtifact;  // drawn on top: read first
  if (logo)
    d.structure.elements[static_cast<std::size_t>(figure)].alt = c.name.empty() ? "Logo" : c.name + " logo";
  auto add = [&](const std::string& text, text::ParagraphStyle st, Cmyk color, bool url) -> Status {
    if (text.empty()) return Ok{};
    st.align = text::Align::Center;
    st.hyphenate = false;
    auto para = compose_checked(s, {text::TextSpan{text, false, false, false, url}}, st, width,
                                s.doc.meta.body_line, warnings);
    if (!para) return para.error();
    const int element = local_element(d, StructType::P, sect);
    for (auto& l : para->lines) lines.push_back(Line{std::move(l), st.size, color, element});
    return Ok{};
  };
  auto name_style = heading_style(s, 3, 10);
  name_style.size = size * 1.15;
  auto info = heading_style(s, 3, 10);
  info.bold = false;
  info.size = size;
  if (auto r = add(c.name, name_style, t.accent, false); !r) return r.error();
  if (footer) {
    std::string joined;
    for (const auto* f : {&c.address, &c.phone, &c.url})
      if (!f->empty()) joined += (joined.empty() ? "" : "  ·  ") + *f;
    if (auto r = add(joined, info, t.text_color, false); !r) return r.error();
  } else {
    if (auto r = add(c.address, info, t.text_color, false); !r) return r.error();
    if (auto r = add(c.phone, info, t.text_color, false); !r) return r.error();
    if (auto r = add(c.url, info, t.text_color, true); !r) return r.error();
  }

  // Set from the foot margin upward: the last line's baseline stands on it.
  const Pt foot = page.trim.y0 + std::max(t.margin_bottom, t.safe_margin) + size * 0.25;
  Pt height = 0;
  for (const auto& l : lines) height += l.size * 1.35;
  Pt logo_height = 0, logo_width = 0;
  if (logo) {
    logo_height = std::min(kLogoHeight, width / 2 * logo->height / logo->width);
    logo_width = logo_height * logo->width / logo->height;
  }
  auto qr_width = clinic_qr_width(s, footer, width / 2);
  if (!qr_width) return qr_width.error();
  Pt y = foot + height + (logo ? logo_height + size * 0.6 : 0);
  if (*qr_width > 0) {  // the QR code above the logo and the text
    y += *qr_width + size * 0.4;
    if (auto r = add_clinic_qr(s, d, x + width / 2, y, *qr_width); !r) return r.error();
    y -= *qr_width + size * 0.4;
  }
  const Pt top = y + size + (*qr_width > 0 ? *qr_width + size * 0.4 : 0);
  if (logo) {
    const Pt lx = x + (width - logo_width) / 2;
    d.images.push_back(Image{Rect{lx, y - logo_height, lx + logo_width, y}, logo, next_tag(d, figure)});
    y -= logo_height + size * 0.6;
  }
  for (const auto& l : lines) {
    y -= l.size * 1.35;
    d.runs.push_back(GlyphRun{x + (width - l.line.width) / 2, y + l.size * 0.35, l.size, l.color,
                              l.line.glyphs, next_tag(d, l.element)});
  }
  d.rules.push_back(Rule{x, top, x + width, top, 0.5, t.accent});
  d.reserved = top - (page.trim.y0 + std::max(t.margin_bottom, t.safe_margin)) + kGap;
  if (d.reserved > page.trim.height() / 2)
    return Error{s.doc.path, 1, "the clinic block is taller than half the panel",
                 "shorten the clinic's address, or leave out the logo"};
  return d;
}

}  // namespace leafpress::layout
