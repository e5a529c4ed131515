#include "layout/place_blocks.hpp"

#include <algorithm>
#include <cmath>

#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

constexpr double kQuotePad = 0.45;  // of the body size: the box's room above and below the text

// CLReq: a dot under each emphasised character (zh, ko); JLReq: a sesame dot above it (ja).
void add_emphasis_marks(Page& page, const std::string& lang, const text::Line& line, Pt x, Pt baseline,
                        Pt size, Cmyk color) {
  const bool above = lang.rfind("ja", 0) == 0;
  for (const auto& g : line.glyphs) {
    if (!g.emphasis_mark) continue;
    const Pt cx = x + g.x + g.advance / 2;
    const Pt cy = above ? baseline + size * 0.98 : baseline - size * 0.28;
    page.dots.push_back(Dot{cx, cy, size * 0.07, color});
  }
}

struct QuoteBox {  // the box being drawn: grows while the quote goes on in the same frame
  int frame = -1;
  int depth = 0;
  std::size_t page = 0, fill = 0;
};

}  // namespace

Cmyk quote_tint(const Cmyk& base, int depth) {
  const int levels = std::clamp(depth, 1, kDarkerQuoteLevels) - 1;
  const double factor = std::pow(1.5, levels);
  Cmyk tint{std::min(1.0, base.c * factor), std::min(1.0, base.m * factor), std::min(1.0, base.y * factor),
            std::min(1.0, base.k * factor)};
  const double base_total = base.c + base.m + base.y + base.k;
  const double most = std::max(base_total, 1.0), total = tint.c + tint.m + tint.y + tint.k;
  if (total > most) {
    const double keep = most / total;
    tint = Cmyk{tint.c * keep, tint.m * keep, tint.y * keep, tint.k * keep};
  }
  return tint;
}

void place_blocks(PageModel& model, const Scene& s, const Collection& c, const FlowResult& flowed,
                  const std::vector<Frame>& frames) {
  const Pt body = c.body;
  QuoteBox box;
  int drawn = 0;  // the order things are drawn in: the reading order within a block (structure.hpp)
  auto tag = [&](int element) { return Tag{element, drawn++}; };
  for (std::size_t b = 0; b < c.blocks.size(); ++b) {
    const Collected& k = c.blocks[b];
    const auto& at = flowed.placements[b];
    for (std::size_t i = 0; i < at.size(); ++i) {
      const Frame& frame = frames[static_cast<std::size_t>(at[i].frame)];
      const std::size_t pi = static_cast<std::size_t>(frame.page);
      Page& page = model.pages[pi];
      const Pt baseline = at[i].baseline;
      if (k.quote_depth > 0) {
        const Pt top = baseline + k.size * 0.8 + body * kQuotePad;
        const Pt bottom = baseline - (k.image && i == 0 ? 0 : k.size * 0.25) - body * kQuotePad;
        if (box.frame == at[i].frame && box.depth == k.quote_depth && box.page == pi) {
          page.fills[box.fill].rect.y0 = bottom;
        } else {
          // Nested quotes sit on a darker box, inset by their depth.
          const Pt inset = (k.quote_depth - 1) * body * 0.6;
          const Cmyk tint = quote_tint(s.t.quote_tint, k.quote_depth);
          page.fills.push_back(Fill{Rect{frame.x + inset, bottom, frame.x + c.column - inset, top}, tint});
          box = QuoteBox{at[i].frame, k.quote_depth, pi, page.fills.size() - 1};
        }
      } else {
        box = QuoteBox{};
      }
      if (k.rule) {
        const Pt y = baseline + k.size * 0.3;
        page.rules.push_back(
            Rule{frame.x + c.column * 0.35, y, frame.x + c.column * 0.65, y, 0.6, s.t.accent});
        continue;
      }
      if (k.image) {
        if (i == 0) {
          const Pt x = frame.x + k.indent;
          page.images.push_back(Image{Rect{x, baseline, x + k.image_width, baseline + k.image_height},
                                      k.image, tag(k.tags.figure)});
          continue;
        }
        const text::Line& line = k.lines[i - 1];
        const Pt x = frame.x + k.indent + (k.image_width - line.width) / 2;
        page.runs.push_back(GlyphRun{x, baseline, k.caption_size, k.color, line.glyphs, tag(k.tags.text)});
        continue;
      }
      page.runs.push_back(
          GlyphRun{frame.x + k.indent, baseline, k.size, k.color, k.lines[i].glyphs, tag(k.tags.text)});
      add_emphasis_marks(page, s.lang, k.lines[i], frame.x + k.indent, baseline, k.size, k.color);
      if (i == 0 && k.marker)
        page.runs.push_back(
            GlyphRun{frame.x + k.marker_x, baseline, k.size, k.color, k.marker->glyphs, tag(k.tags.label)});
      if (i == 0 && k.heading)
        model.outline.push_back(Outline{k.heading_text, frame.page, baseline + k.size});
    }
  }
}

}  // namespace leafpress::layout
