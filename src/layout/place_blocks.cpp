#include "layout/place_blocks.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

using LinkPieces = std::map<std::size_t, std::vector<LinkPiece>>;  // per page

// One table row whose bottom edge is at `bottom`: its cells' lines, the rule under it (100 % K
// under the header and at the table's or frame's foot, the accent between body rows) and, when it
// opens the frame, the rule above it.
// The tag of a run in cell `col` of the row being drawn: of the cell, or of a link in it.
using CellTagger = std::function<Tag(std::size_t col, int occurrence)>;

void draw_row(Page& page, const Scene& s, const TableLayout& t, std::size_t r, Pt x, Pt bottom, bool first,
              bool last, std::vector<LinkPiece>& links, const CellTagger& tag) {
  const TableRowLayout& row = t.rows[r];
  const Pt top = bottom + row.height;
  for (std::size_t col = 0; col < row.cells.size(); ++col) {
    const auto& cell = row.cells[col];
    const RunTagger cell_tag = [&](int occurrence) { return tag(col, occurrence); };
    for (std::size_t i = 0; i < cell.lines.size(); ++i)
      draw_line(page, cell.lines[i], x + cell.x + cell.line_x(i, t.pad_x),
                t.first_baseline(top) - static_cast<double>(i) * t.leading, t.size, s.t.text_color,
                s.t.accent, cell.marks, links, cell_tag);
  }
  if (first) page.rules.push_back(Rule{x, top, x + t.width, top, kTableRule, s.t.text_color});
  const bool strong = last || row.header || r + 1 == t.rows.size();
  page.rules.push_back(
      Rule{x, bottom, x + t.width, bottom, kTableRule, strong ? s.t.text_color : s.t.accent});
}

// A task item's box, a square of kTaskBox em standing on the baseline; ticked when done.
void draw_task_box(Page& page, Pt x, Pt baseline, Pt body, doc::Task task, Cmyk color) {
  const Pt a = body * kTaskBox, w = body * 0.06, y = baseline - body * 0.02;
  page.rules.push_back(Rule{x, y, x + a, y, w, color});
  page.rules.push_back(Rule{x + a, y, x + a, y + a, w, color});
  page.rules.push_back(Rule{x + a, y + a, x, y + a, w, color});
  page.rules.push_back(Rule{x, y + a, x, y, w, color});
  if (task == doc::Task::Done) {
    page.rules.push_back(Rule{x + a * 0.2, y + a * 0.5, x + a * 0.42, y + a * 0.22, w * 1.6, color});
    page.rules.push_back(Rule{x + a * 0.42, y + a * 0.22, x + a * 0.85, y + a * 0.85, w * 1.6, color});
  }
}

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
    LinkPieces links;
    // Each link is a Link element under the block's own (ISO 32000-1 14.8.4.4.2; PDF/UA-1 7.18.5):
    // its text is tagged with it, and pdf/ adds the annotation's /OBJR.
    std::map<int, int> link_elements;  // occurrence → element
    const RunTagger run_tag = [&](int occurrence) {
      if (occurrence < 0 || k.tags.text < 0) return tag(k.tags.text);
      auto [it, added] = link_elements.try_emplace(occurrence, kArtifact);
      if (added) it->second = model.structure.add(StructType::Link, k.tags.text);
      return tag(it->second);
    };
    // A table's rows and cells (ISO 32000-1 14.8.4.3.4): TR > TH (/Scope /Column) or TD, made as
    // they are drawn; a header repeated at the top of a panel is an artifact (ISO 14289-1 7.1).
    std::map<std::size_t, int> row_elements;
    std::map<std::pair<std::size_t, std::size_t>, int> cell_elements;
    auto cell_tagger = [&](std::size_t r, bool repeated) -> CellTagger {
      return [&, r, repeated](std::size_t col, int occurrence) -> Tag {
        if (repeated || k.tags.text < 0) return tag(kArtifact);
        auto [row, new_row] = row_elements.try_emplace(r, kArtifact);
        if (new_row) row->second = model.structure.add(StructType::TR, k.tags.text);
        auto [cell, new_cell] = cell_elements.try_emplace(std::pair{r, col}, kArtifact);
        if (new_cell) {
          const bool header = k.table->rows[r].header;
          cell->second = model.structure.add(header ? StructType::TH : StructType::TD, row->second);
          if (header)
            model.structure.elements[static_cast<std::size_t>(cell->second)].scope = TableScope::Column;
        }
        if (occurrence < 0) return tag(cell->second);
        auto [link, new_link] = link_elements.try_emplace(occurrence, kArtifact);
        if (new_link) link->second = model.structure.add(StructType::Link, cell->second);
        return tag(link->second);
      };
    };
    for (std::size_t i = 0; i < at.size(); ++i) {
      const Frame& frame = frames[static_cast<std::size_t>(at[i].frame)];
      const std::size_t pi = static_cast<std::size_t>(frame.page);
      Page& page = model.pages[pi];
      const Pt baseline = at[i].baseline;
      if (k.quote_depth > 0) {
        const Pt top = baseline + (k.table ? k.table->rows[i].height : k.size * 0.8) + body * kQuotePad;
        const Pt bottom = baseline -
                          ((k.image || k.qr) && i == 0 ? 0
                           : k.table                   ? 0
                                                       : k.size * 0.25) -
                          body * kQuotePad;
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
      if (k.table) {
        const bool first = i == 0 || at[i - 1].frame != at[i].frame;
        const bool last = i + 1 == at.size() || at[i + 1].frame != at[i].frame;
        // The header again at the top of a frame the table goes on in (panel_flow's repeats).
        // Its cells are artifacts, so a link in it gets no annotation: an annotation must belong
        // to a Link element (ISO 14289-1 7.18.1), and the header's own row has it already.
        if (first && i > 0)
          for (const auto& rep : flowed.repeats[b])
            if (rep.at.frame == at[i].frame) {
              std::vector<LinkPiece> repeated_links;
              draw_row(page, s, *k.table, rep.line, frame.x + k.indent, rep.at.baseline, rep.line == 0, false,
                       repeated_links, cell_tagger(rep.line, true));
            }
        const bool repeated = first && i > 0 && k.table->header_rows > 0;
        draw_row(page, s, *k.table, i, frame.x + k.indent, baseline, first && !repeated, last, links[pi],
                 cell_tagger(i, false));
        continue;
      }
      if (k.qr && i == 0) {
        const Pt x = frame.x + k.indent;
        for (auto& f : qr_fills(*k.qr, x, baseline + k.image_height, k.image_width, tag(k.tags.figure)))
          page.fills.push_back(f);
        continue;
      }
      if (k.image) {
        if (i == 0) {
          const Pt x = frame.x + k.indent;
          page.images.push_back(Image{Rect{x, baseline, x + k.image_width, baseline + k.image_height},
                                      k.image, tag(k.tags.figure)});
          continue;
        }
      }
      if (k.image || k.qr) {
        const text::Line& line = k.lines[i - 1];
        const Pt x = frame.x + k.indent + (k.image_width - line.width) / 2;
        page.runs.push_back(GlyphRun{x, baseline, k.caption_size, k.color, line.glyphs, tag(k.tags.text)});
        continue;
      }
      if (k.note_rule && i == 0) {  // a short rule over the notes (Chicago 14.24: the footnote rule)
        const Pt y = baseline + k.size * 0.8 + body * s.t.leading * 0.6;
        page.rules.push_back(Rule{frame.x, y, frame.x + c.column * 0.3, y, kTableRule, s.t.text_color});
      }
      draw_line(page, k.lines[i], frame.x + k.indent, baseline, k.size, k.color, s.t.accent, k.marks,
                links[pi], run_tag);
      add_emphasis_marks(page, s.lang, k.lines[i], frame.x + k.indent, baseline, k.size, k.color);
      if (i == 0 && k.marker)
        page.runs.push_back(
            GlyphRun{frame.x + k.marker_x, baseline, k.size, k.color, k.marker->glyphs, tag(k.tags.label)});
      if (i == 0 && k.task != doc::Task::None)
        draw_task_box(page, frame.x + k.marker_x, baseline, k.size, k.task, k.color);
      if (i == 0 && k.heading)
        model.outline.push_back(Outline{k.heading_text, frame.page, baseline + k.size});
    }
    for (const auto& [pi, pieces] : links) add_link_areas(model.pages[pi], pieces, k.link_text);
  }
}

}  // namespace leafpress::layout
