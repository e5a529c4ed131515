// layout/proof_guides.cpp: see proof_guides.hpp.
//
// Each guide has its own colour, so the prepress operator can tell them apart
// on screen: trim magenta, bleed cyan, safe area green, panel edges orange,
// text columns blue, folds magenta dashed, the baseline grid light cyan. All
// are hairline-thin and drawn last, over the job.
//
// Text columns and the baseline grid follow the body as sheet_plan.cpp and
// blocks.cpp place it: in a flow panel, its columns (column_width wide, centred,
// `gutter` apart); elsewhere the panel inside its text margins. The first
// baseline sits one body ascent (0.8 em) below the frame top (trim top less the
// larger of margin_top and safe_margin); then every pitch copy-fit chose, as panel_flow
// snaps body lines to it.
#include "layout/proof_guides.hpp"

#include <algorithm>

#include "layout/blocks.hpp"
#include "layout/sheet_plan.hpp"

namespace leafpress::layout {
namespace {

constexpr Pt kGuideWidth = 0.3;
constexpr Pt kGridWidth = 0.15;
constexpr Pt kLabelSize = 7;

constexpr Cmyk kTrimColor{0, 1, 0, 0};
constexpr Cmyk kBleedColor{1, 0, 0, 0};
constexpr Cmyk kSafeColor{0.8, 0, 1, 0};
constexpr Cmyk kPanelColor{0, 0.55, 1, 0};
constexpr Cmyk kColumnColor{0.9, 0.6, 0, 0};
constexpr Cmyk kFoldColor{0, 1, 0, 0};
constexpr Cmyk kGridColor{0.35, 0, 0, 0};
constexpr Cmyk kLabelColor{0, 1, 0, 0};

constexpr std::string_view kLabel = "PROOF \xE2\x80\x94 not for print";

void line(Page& page, Pt x0, Pt y0, Pt x1, Pt y1, Cmyk color, Pt width = kGuideWidth, bool dashed = false) {
  page.rules.push_back(Rule{x0, y0, x1, y1, width, color, dashed, RulePurpose::Guide});
}

void box(Page& page, const Rect& r, Cmyk color) {
  line(page, r.x0, r.y0, r.x1, r.y0, color);
  line(page, r.x1, r.y0, r.x1, r.y1, color);
  line(page, r.x1, r.y1, r.x0, r.y1, color);
  line(page, r.x0, r.y1, r.x0, r.y0, color);
}

Rect inset(const Rect& r, Pt dx_left, Pt dx_right, Pt dy_top, Pt dy_bottom) {
  return Rect{r.x0 + dx_left, r.y0 + dy_bottom, r.x1 - dx_right, r.y1 - dy_top};
}

bool flows(const Template& tmpl, const Panel& panel) {
  return std::find(tmpl.flow.begin(), tmpl.flow.end(), panel.name) != tmpl.flow.end();
}

void add_grid(Page& page, const Rect& column, Pt body_size, Pt step) {
  if (body_size <= 0 || step <= 0) return;
  for (Pt y = column.y1 - body_size * kLineAscent; y >= column.y0 - 0.01; y -= step)
    line(page, column.x0, y, column.x1, y, kGridColor, kGridWidth);
}

void add_side_guides(Page& page, const Side& side, const Template& tmpl, Pt body_size, Pt pitch,
                     Pt column_width) {
  const Rect& trim = page.trim;
  box(page, page.bleed, kBleedColor);
  box(page, trim, kTrimColor);
  box(page, inset(trim, tmpl.safe_margin, tmpl.safe_margin, tmpl.safe_margin, tmpl.safe_margin), kSafeColor);

  const Pt top = std::max(tmpl.margin_top, tmpl.safe_margin);
  const Pt bottom = std::max(tmpl.margin_bottom, tmpl.safe_margin);
  for (std::size_t i = 0; i < side.panels.size(); ++i) {
    const Panel& p = side.panels[i];
    const Pt side_margin = text_margin(tmpl, p);  // a panel may have its own margin
    const Rect panel{trim.x0 + p.x, trim.y0, trim.x0 + p.x + p.width, trim.y1};
    box(page, inset(panel, 0.5, 0.5, 0.5, 0.5), kPanelColor);  // inside the trim line, so both show
    const Rect text_area = inset(panel, side_margin, side_margin, top, bottom);
    if (text_area.width() > 0 && text_area.height() > 0) {
      if (!flows(tmpl, p) || column_width <= 0 || p.columns < 1) {
        box(page, text_area, kColumnColor);
      } else {
        const Pt total = p.columns * column_width + (p.columns - 1) * tmpl.gutter;
        const Pt x0 = panel.x0 + (p.width - total) / 2;
        for (int c = 0; c < p.columns; ++c) {
          const Pt left = x0 + c * (column_width + tmpl.gutter);
          const Rect column{left, text_area.y0, left + column_width, text_area.y1};
          box(page, column, kColumnColor);
          add_grid(page, column, body_size, pitch);
        }
      }
    }
    if (i == 0) continue;
    // The fold, across the bleed, and the safe area either side of it.
    const Pt fold = panel.x0;
    line(page, fold, page.bleed.y0, fold, page.bleed.y1, kFoldColor, kGuideWidth, true);
    for (const Pt x : {fold - tmpl.safe_margin, fold + tmpl.safe_margin})
      line(page, x, trim.y0 + tmpl.safe_margin, x, trim.y1 - tmpl.safe_margin, kSafeColor);
  }
}

}  // namespace

Status add_proof_guides(PageModel& model, const Template& tmpl, const text::FontSet& fonts,
                        const std::vector<int>& page_sides) {
  model.proof = true;
  if (tmpl.sides.empty()) return Ok{};
  text::ParagraphStyle style;
  style.size = kLabelSize;
  style.lang = "en";
  style.fonts.latin = tmpl.sans.latin;
  style.fonts.cjk = tmpl.sans.cjk;
  style.align = text::Align::Left;
  style.hyphenate = false;
  style.bold = true;
  auto label = text::compose({text::TextSpan{std::string(kLabel)}}, style, 1000, fonts);
  if (!label) {
    Error e = label.error();
    if (e.file.empty()) e.file = tmpl.path;
    return e;
  }

  const Pt body = model.body_size > 0 ? model.body_size : tmpl.body_size;
  const Pt column = column_width(tmpl, body, text::is_cjk_language(model.lang));
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    Page& page = model.pages[i];
    std::size_t side = std::min(i, tmpl.sides.size() - 1);
    if (i < page_sides.size() && page_sides[i] >= 0 &&
        static_cast<std::size_t>(page_sides[i]) < tmpl.sides.size())
      side = static_cast<std::size_t>(page_sides[i]);
    add_side_guides(page, tmpl.sides[side], tmpl, body,
                    model.line_pitch > 0 ? model.line_pitch : body * tmpl.leading, column);
    // Above the bleed, clear of the crop marks at the corners: they start at the trim's x.
    const Pt x = page.trim.x0 + tmpl.mark_offset + tmpl.mark_length;
    const Pt y = page.bleed.y1 + kLabelSize * 0.6;
    for (const auto& l : label->lines) page.runs.push_back(GlyphRun{x, y, kLabelSize, kLabelColor, l.glyphs});
  }
  return Ok{};
}

}  // namespace leafpress::layout
