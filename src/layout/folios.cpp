#include "layout/folios.hpp"

#include <algorithm>

#include "layout/blocks.hpp"
#include "layout/sheet_plan.hpp"

namespace leafpress::layout {
namespace {

constexpr double kFolioScale = 0.8;  // of the body size
constexpr Cmyk kRuleColor{0, 0, 0, 0.35};

std::string notes_word(const std::string& lang) {
  if (lang.rfind("zh-Hant", 0) == 0 || lang.rfind("zh-TW", 0) == 0 || lang.rfind("zh-HK", 0) == 0)
    return "筆記";
  if (lang.rfind("zh", 0) == 0) return "笔记";
  if (lang.rfind("ja", 0) == 0) return "メモ";
  if (lang.rfind("ko", 0) == 0) return "메모";
  return "Notes";
}

Result<text::Line> one_line(const Scene& s, const std::string& text, text::ParagraphStyle st,
                            std::vector<std::string>& warnings) {
  st.align = text::Align::Left;
  st.hyphenate = false;
  auto para = compose_checked(s, {text::TextSpan{text}}, st, 1000, s.doc.meta.body_line, warnings);
  if (!para) return para.error();
  if (para->lines.empty()) return text::Line{};
  return para->lines.front();
}

}  // namespace

Status add_folios_and_notes(PageModel& model, const Scene& s, Pt column, Pt pitch, int last_text_page) {
  const Template& t = s.t;
  if (!t.booklet || model.pages.size() < 3) return Ok{};
  const Panel& panel = t.sides.front().panels.front();
  const BlockSpan block = text_block(t, panel, column);
  std::vector<std::string> warnings;  // the fonts were used for the body already
  auto st = heading_style(s, 3, model.body_size);
  st.bold = false;
  st.size = std::clamp(model.body_size * kFolioScale, 8.0, 10.0);
  const std::size_t n = model.pages.size();
  for (std::size_t i = 1; i + 1 < n; ++i) {
    Page& page = model.pages[i];
    auto folio = one_line(s, std::to_string(i + 1), st, warnings);
    if (!folio) return folio.error();
    const bool right = (i + 1) % 2 == 1;
    const Pt x = page.trim.x0 + (right ? block.x1 - folio->width : block.x0);
    const Pt y = page.trim.y0 + std::max(t.margin_bottom / 2, t.safe_margin + st.size * 0.3);
    page.runs.push_back(GlyphRun{x, y, st.size, t.accent, folio->glyphs,
                                 Tag{.element = kArtifact, .artifact = ArtifactKind::Pagination}});
  }
  // Notes pages: the padding between the text and the back cover.
  if (pitch <= 0) pitch = model.body_size * t.leading;
  auto heading = heading_style(s, 2, model.body_size);
  for (std::size_t i = static_cast<std::size_t>(std::max(last_text_page + 1, 1)); i + 1 < n; ++i) {
    Page& page = model.pages[i];
    auto word = one_line(s, notes_word(s.lang), heading, warnings);
    if (!word) return word.error();
    const Pt top = page.trim.y1 - std::max(t.margin_top, t.safe_margin);
    const Pt x0 = page.trim.x0 + block.x0, x1 = page.trim.x0 + block.x1;
    const Pt first = top - heading.size * kLineAscent;
    page.runs.push_back(GlyphRun{x0, first, heading.size, t.accent, word->glyphs});
    const Pt bottom = page.trim.y0 + std::max(t.margin_bottom, t.safe_margin);
    // Writing lines every two grid lines, from the third grid line under the heading.
    const Pt grid_top = top - model.body_size * kLineAscent;
    for (Pt y = grid_top - 3 * pitch; y >= bottom; y -= 2 * pitch)
      page.rules.push_back(Rule{x0, y, x1, y, 0.4, kRuleColor});
  }
  return Ok{};
}

}  // namespace leafpress::layout
