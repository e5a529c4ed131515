// layout/table.hpp: a GFM table set in cells, columns sized from their content.
//
// Input:  a doc::Table, the body size and the width it may take (the column, less
//         any quote indent).
// Cells:  composed by text::compose like body text (same fonts, line breaking,
//         CJK rules and Han–Latin autospace), left-aligned, never justified (narrow
//         cells would open rivers), not hyphenated unless the table's longest words do
//         not fit (below); the header row bold. Alignment
//         comes from the `:---:` row: `---:` right-aligns a column (numbers), `:---:`
//         centres it; otherwise left.
// Widths: CSS 2.1 automatic table layout (17.5.2.2): each column's minimum is its
//         widest unbreakable piece (text::measure's min-content, a dose with its unit one
//         piece: "10 mg"; in Korean its widest word, as CSS word-break: keep-all), its maximum its
//         widest cell on one line, both plus the cell padding. If the maxima fit, the
//         spare width is shared in proportion to them (the table fills the column);
//         if only the minima fit, short columns (up to a share of an even width on one
//         line), shortest first, keep their one-line width while the others still get
//         their minima (a time or a dose is not broken), and each other column gets its
//         minimum plus a share of the rest in proportion to (max − min). A few such
//         shares are tried (plain CSS among them), the same from the body rows' maxima (a long
//         header wraps over short values: "治疗开始 | 后第 1 年" over "每 12 个月"), and each column
//         given all the room the minima leave; the lowest table wins, each word it breaks across
//         lines ("経口 | 内 | 視鏡"), each number it parts from its unit ("로타바이러스 | 2차") and
//         each cell line of one Chinese, Japanese or Korean character ("每 | 6 个月") counted a line
//         taller. A table whose maxima do not fit is
//         first set at kTableShrink of the body size; if its minima (or its Chinese and Japanese
//         words, text::ContentWidths::min_words) still do not fit, a quarter point smaller at a
//         time down to kTableShrinkWhole (never under the layout's smallest body size) while its
//         words stay whole (where the Chinese and Japanese words fit at no such size, the first
//         where the others do); if they still do not fit, its cells are (from kTableShrink)
//         hyphenated (CSS hyphens: auto: the minima become the widest syllables) and, if they still do
//         not fit, set with half the cell padding, then smaller, down to the layout's smallest body size;
//         then a Korean word may break between syllables (KLREQ's fallback: the minima lose keep-all);
//         then every word, a name or a capitalised one too, at its patterns' points; then a number
//         may part from its unit ("10 | mg", the breaker's last resort too); then a cell's last word
//         too where the cell's words are wider than an even share of the table (a cell whose words fit
//         keeps them whole: "at bedtime", "morning"), first with the units whole again; if even that does
//         not fit, all but the units' step are undone (they would only narrow the minima of columns
//         that are cut anyway), the columns with the widest minima are cut to one common width (the others
//         keep their minima, so a short word or a single CJK character is never broken) and only their long
//         words break between characters, in even parts (text::compose never runs past a line). The table is
//         never wider than `width`. A table whose Chinese or Japanese words fit whole at no size down to
//         kTableShrinkWhole is then tried a point smaller at a time, down to the layout's smallest body size,
//         each size with the breaking steps above that it needs, and set at the largest size that parts
//         fewest words.
// Rows:   each row is as tall as its tallest cell; panel_flow sees one FlowLine per
//         row (a row never splits), its "baseline" being the row's bottom edge.
// Rules:  0.4 pt: above and below the table and under the header in 100 % K, between
//         body rows in the accent colour (place_blocks draws them).
#pragma once

#include <map>
#include <vector>

#include "layout/inline_marks.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

constexpr double kTableShrink = 0.85;  // of the body size, for a table wider than its column
constexpr double kTableShrinkWhole =
    0.75;                               // ... and down to this, a quarter point at a time, before words break
constexpr double kCellPadX = 0.4;       // em of the table's size, left and right of a cell's text
// The same, in a table whose longest syllables do not fit: columns 0.6 em apart, still clearly
// wider than a word space. At 0.2 (0.4 em) a dose table read across its columns as one phrase,
// "11–15 kg 160 mg（5 mL）100 mg（5 mL）每" (two reviewers: a dose read against the wrong drug).
constexpr double kCellPadXTight = 0.3;
// ... and the last resort before a word is cut between any two letters or a dose parted from its
// unit: a six-column table in a tri-fold's panel fits its names whole only so ("Fluticaso- | ne").
constexpr double kCellPadXLeast = 0.2;
constexpr double kCellPadY = 0.3;       // em, above and below
constexpr double kTableLeading = 1.3;   // baseline distance in a cell, in multiples of the size
constexpr Pt kTableRule = 0.4;

struct TableCellLayout {
  std::vector<text::Line> lines;
  std::vector<SpanMark> marks;  // per span of the cell (text::PlacedGlyph::span)
  Pt x = 0;                     // of the cell's left edge, from the table's left edge
  Pt width = 0;                 // the cell's outer width (padding included)
  doc::ColumnAlign align = doc::ColumnAlign::None;
  // Where line i starts, from the cell's left edge (alignment applied).
  [[nodiscard]] Pt line_x(std::size_t i, Pt pad) const;
};

struct TableRowLayout {
  std::vector<TableCellLayout> cells;
  Pt height = 0;  // rule to rule
  bool header = false;
};

struct TableLayout {
  std::vector<TableRowLayout> rows;
  std::vector<Pt> widths;  // per column, padding included; they add up to `width`
  Pt width = 0;
  Pt size = 10;     // the text size in the cells: the body size or kTableShrink of it
  Pt leading = 13;  // baseline to baseline inside a cell
  Pt pad_x = 4, pad_y = 3;
  int header_rows = 0;
  std::map<int, std::string> link_text;  // the links of all cells (their /Contents)
  // The first baseline of a row whose top edge is at `top`.
  [[nodiscard]] Pt first_baseline(Pt top) const { return top - pad_y - size * 0.8; }
};

// Column widths from content (CSS 2.1 17.5.2.2), exposed for tests: `min` and `max` per
// column (padding included); returns widths that add up to `width`.
// `keep_share`: a column whose max is at most this share of an even width keeps it (0: plain CSS).
std::vector<Pt> distribute_widths(const std::vector<Pt>& min, const std::vector<Pt>& max, Pt width,
                                  double keep_share = 1.0);

Result<TableLayout> set_table(const Scene& s, const doc::Table& table, Pt body, Pt width, int line,
                              std::vector<std::string>& warnings, int& next_link);

}  // namespace leafpress::layout
