#include "layout/table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/utf8.hpp"
#include "text/break_opportunities.hpp"

namespace leafpress::layout {
namespace {

constexpr double kDescent = 0.25;  // of the size: below the last baseline of a cell

// How far a table's cells may break to fit: each step is taken only when the one before
// does not fit at the smallest size (see table.hpp).
struct Breaking {
  bool hyphenate = false;         // words at their hyphenation points (CSS hyphens: auto)
  bool korean_syllables = false;  // Korean words between syllables (KLREQ's fallback), not keep-all
  bool every_word = false;        // names and capitalised words too (ParagraphStyle::hyphenate_every_word)
  bool last_words = false;        // a cell's last word too, where wider than its share (hyphenate_last_word)
  bool part_units = false;        // a number from its unit ("10 | mg"), as the breaker's last pass
};

// Hyphenated only for a table whose longest words do not fit (CSS hyphens: auto); otherwise
// min-content is the longest word, as in CSS without it.
text::ParagraphStyle cell_style(const Scene& s, Pt size, bool header, const Breaking& breaking) {
  text::ParagraphStyle st = body_style(s, size);
  st.align = text::Align::Left;  // justified narrow cells open rivers
  st.hyphenate = breaking.hyphenate;
  st.hyphenate_every_word = breaking.every_word || breaking.last_words;
  st.hyphenate_last_word = breaking.last_words;
  st.bold = header;
  // A header cell is a heading over its column: its lines balanced as a heading's are, so no word
  // is left alone under the others ("How to use | it", "Things to be aware | of" in a tri-fold's
  // panel; now "How to | use it"). Balancing keeps first fit's count of lines: the row is as tall.
  st.balance = header;
  // Chinese and Japanese words whole where the column has room: a cell's few characters a line
  // read as the words they are ("琥珀酸亚铁 | （ferrous", not "琥珀酸亚 | 铁（ferrous").
  st.keep_words = true;
  return st;
}

// Korean words as a column's min-content counts them: a line break for every space, and one
// before a Latin gloss in brackets after a syllable ("아세트아미노펜 | (acetaminophen)"), where
// KLREQ allows a line to break too; a unit in Hangul stays on its word ("시간(분)"). Whole, the name and its
// gloss made one word 14 em wide, the other columns were set at their minima with half the padding, and
// "10~15mg/kg 4~6시간" ran together.
std::string korean_words(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  char32_t prev = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    const bool syllable_before = prev >= 0xAC00 && prev <= 0xD7A3;
    const bool latin_gloss = pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]));
    if (syllable_before && latin_gloss && (cp == U'(' || cp == U'（' || cp == U'[')) out += '\n';
    out.append(text.substr(at, pos - at));
    if (out.back() == ' ') out.back() = '\n';
    prev = cp;
  }
  return out;
}

// A line that starts a gloss in brackets: the break before it parts a word from its gloss
// ("아세트아미노펜 | (acetaminophen)", which KLREQ allows as it does a space), not a word.
bool starts_gloss(const text::Line& line) {
  const std::string t = line.text();
  return t.starts_with("(") || t.starts_with("（") || t.starts_with("[");
}

// A cell line that holds one Chinese or Japanese character and nothing else:
// "每 | 6 个月" in a schedule's narrow column reads as a stray character, as CLReq's 孤字 does at a
// paragraph's end. Counted by set_rows as a word broken across lines.
bool lone_wide_character(const text::Line& line) {
  const std::string text = line.text();
  std::string_view t = text;
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  std::size_t pos = 0;
  if (t.empty()) return false;
  const char32_t cp = next_code_point(t, pos);
  // Not Hangul: a Korean word of one syllable ("및", "약") stands alone as any word does.
  const bool hangul =
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
  return pos == t.size() && text::is_wide(cp) && !hangul;
}

// The last character of a line's text but spaces (0: none).
char32_t last_code_point(std::string_view t) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return code_point_before(t, t.size()).first;
}

// A cell's line that ends inside a katakana word the next line finishes ("アセトアミノ | フェン",
// "カ | プセル", "デキストロメトル | ファン"): in a handout's table, a drug's or a device's name, a
// loanword with no parts a reader knows. ICU's dictionary splits a name it lacks anywhere
// ("ア|セ|ト|アミ|ノ|フェ|ン"), so the break is no better for being at one of its word
// boundaries. Parted, the name a patient must recognise reads as two words, where a phrase parted
// at a word's edge ("出しや | すくする") still reads: set_rows counts it as kKatakanaPartedWeight
// parted words.
bool parts_katakana_word(const text::Line& line, const text::Line& next) {
  if (!line.ends_in_word) return false;
  const std::string a = line.text(), b = next.text();
  std::size_t pos = 0;
  return text::is_katakana(last_code_point(a)) && !b.empty() && text::is_katakana(next_code_point(b, pos));
}
// Three: counted as one, a reviewer's drug table parted its names in all seven layouts
// ("アセトアミノ | フェン", "デキストロメトル | ファン", 20 names parted) to keep a dose's or a
// verb's line whole; at three, 5 in four layouts (the tri-folds, the z-fold and the A4 handout),
// where the width search finds no widths that keep them whole for less.
constexpr int kKatakanaPartedWeight = 3;

// What one cell composed at one width costs (set_rows): its lines and the words it parts; kept by
// row, column and width (in thousandths of a point) while the widths are searched. Not its lines:
// a table of long cells kept them for every width tried (885 MB for 45 rows of 1000 words).
struct CellSet {
  std::size_t lines = 0;
  int broken = 0;
};
using CellCache = std::map<std::tuple<std::size_t, std::size_t, long long>, CellSet>;

// How many column widths the local search (set_at) tries at one size at most.
constexpr int kWidthSearchTries = 240;
// ... and how many cells it composes at most: a table of 45 rows of long cells took twice as long
// to build with the search as without.
constexpr std::size_t kWidthSearchCells = 1500;

struct Cells {  // the cells' spans and marks, read once for every trial size
  std::vector<std::vector<InlineText>> rows;
  // An even share of the table's width: where last words may break (Breaking::last_words), a cell
  // whose words fit it keeps them whole (measure_columns).
  Pt share = 0;
};

// Min- and max-content widths of each column at `size`, padding included.
Status measure_columns(const Scene& s, const doc::Table& table, const Cells& cells, Pt size, Pt pad,
                       Breaking breaking, std::vector<Pt>& min, std::vector<Pt>& max,
                       std::vector<Pt>* min_words = nullptr) {
  const std::size_t n = table.align.size();
  min.assign(n, 2 * pad);
  max.assign(n, 2 * pad);
  if (min_words) min_words->assign(n, 2 * pad);
  for (std::size_t r = 0; r < cells.rows.size(); ++r)
    for (std::size_t c = 0; c < n && c < cells.rows[r].size(); ++c) {
      const auto st = cell_style(s, size, static_cast<int>(r) < table.header_rows, breaking);
      const auto& spans = cells.rows[r][c].spans;
      auto w = text::measure(spans, st, s.fonts);
      if (!w) return w.error();
      Pt cell_min = breaking.part_units ? w->min_parted : w->min;
      if (st.hyphenate_last_word) {
        // A last word breaks only where it is wider than an even share of the table: a cell whose
        // words all fit one keeps them whole. With every cell's last word unlocked, a tablet
        // table's column of times read "morn- | ing", "break- | fast", "even- | ing" (a code
        // review), where its share held each word whole.
        auto plain = st;
        plain.hyphenate_last_word = false;
        auto whole = text::measure(spans, plain, s.fonts);
        if (!whole) return whole.error();
        const Pt whole_min = breaking.part_units ? whole->min_parted : whole->min;
        if (whole_min + 2 * pad <= cells.share + 0.01) cell_min = whole_min;
      }
      min[c] = std::max(min[c], cell_min + 2 * pad);
      max[c] = std::max(max[c], w->max + 2 * pad);
      if (min_words)
        (*min_words)[c] = std::max({(*min_words)[c], std::min(w->min_words, w->max) + 2 * pad, min[c]});
      // Korean keeps its words whole (KLREQ; CSS word-break: keep-all): a column is at least
      // as wide as its widest word, though a word may break between syllables as a last
      // resort (the min-content above). Measured as the widest line with every space a line
      // break (korean_words). Without it "패키지" and "심혈관" were split in a column that had
      // room for them.
      if (st.lang.rfind("ko", 0) == 0 && !breaking.korean_syllables) {
        auto words = spans;
        for (auto& span : words) span.text = korean_words(span.text);
        auto whole = text::measure(words, st, s.fonts);
        if (!whole) return whole.error();
        min[c] = std::max(min[c], std::min(whole->max, w->max) + 2 * pad);
        if (min_words) (*min_words)[c] = std::max((*min_words)[c], min[c]);
      }
    }
  return Ok{};
}

// Each column's widest body cell on one line (the header rows left out), padding included, and
// never under `min`: a column of short values under a long header ("病情稳定后" over "每 6 个月")
// may keep its values whole while the header wraps, as a header cell is balanced (cell_style).
Result<std::vector<Pt>> body_maxima(const Scene& s, const doc::Table& table, const Cells& cells, Pt size,
                                    Pt pad, Breaking breaking, const std::vector<Pt>& min) {
  std::vector<Pt> out = min;
  const auto st = cell_style(s, size, false, breaking);
  for (std::size_t r = static_cast<std::size_t>(std::max(table.header_rows, 0)); r < cells.rows.size(); ++r)
    for (std::size_t c = 0; c < out.size() && c < cells.rows[r].size(); ++c) {
      auto w = text::measure(cells.rows[r][c].spans, st, s.fonts);
      if (!w) return w.error();
      out[c] = std::max(out[c], w->max + 2 * pad);
    }
  return out;
}

// The shares of an even column width up to which a short column is kept on one line, tried in
// this order; 0 is plain CSS. The one that gives the lowest table (ties: the first) is where the
// search for widths starts (set_at), a
// broken word counted as a line (set_rows).
constexpr double kKeepShares[] = {1.0, 0.0, 1.5, 2.0};

Pt sum(const std::vector<Pt>& v) {
  return std::accumulate(v.begin(), v.end(), Pt{0});
}

}  // namespace

Pt TableCellLayout::line_x(std::size_t i, Pt pad) const {
  const Pt room = width - 2 * pad - lines[i].width;
  switch (align) {
    case doc::ColumnAlign::Right:
      return pad + std::max<Pt>(room, 0);
    case doc::ColumnAlign::Center:
      return pad + std::max<Pt>(room / 2, 0);
    default:
      return pad;
  }
}

std::vector<Pt> distribute_widths(const std::vector<Pt>& min, const std::vector<Pt>& max, Pt width,
                                  double keep_share) {
  const std::size_t n = min.size();
  std::vector<Pt> out(n, 0);
  if (n == 0) return out;
  const Pt min_sum = sum(min), max_sum = sum(max);
  if (max_sum <= width) {  // everything fits on one line: share the spare room by the maxima
    for (std::size_t c = 0; c < n; ++c)
      out[c] = max_sum > 0 ? max[c] * width / max_sum : width / static_cast<double>(n);
    return out;
  }
  if (min_sum > width) {  // too wide even at the minima: only the widest minima give way
    // The columns whose longest word is longest are cut down to one common width L, so
    // sum(min(min[c], L)) == width: every other column keeps its minimum, and only the
    // longest words break. Shares by the minima would narrow every column below its
    // longest word, a one-character Japanese column to less than a character (each
    // character on its own line, past the cell) and "Yellow" to "Yello-w".
    std::vector<Pt> sorted = min;
    std::sort(sorted.begin(), sorted.end());
    Pt below = 0;  // the sum of the minima under the level being tried
    Pt level = width / static_cast<double>(n);
    for (std::size_t k = 0; k < n; ++k) {
      const Pt at = (width - below) / static_cast<double>(n - k);  // the columns k.. all at one width
      if (at <= sorted[k]) {
        level = at;
        break;
      }
      below += sorted[k];
    }
    for (std::size_t c = 0; c < n; ++c) out[c] = std::min(min[c], level);
    return out;
  }
  // Short columns first (a time, a dose, a number): in order of their one-line width, a column
  // no wider than keep_share of an even share keeps that width while the others still get their
  // minima, so "Three days before" is not broken to give a long column a few more points. The
  // rest follows CSS 2.1 17.5.2.2: each other column gets its minimum plus a share of what is
  // left in proportion to (max - min). The widest column is never fixed.
  std::vector<bool> narrow(n, false);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return max[a] < max[b]; });
  Pt fixed = 0, rest_min = min_sum, rest_max = 0;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const std::size_t c = order[k];
    if (max[c] > keep_share * width / static_cast<double>(n) || fixed + max[c] + rest_min - min[c] > width)
      break;
    narrow[c] = true;
    fixed += max[c];
    rest_min -= min[c];
  }
  for (std::size_t c = 0; c < n; ++c)
    if (!narrow[c]) rest_max += max[c];
  const Pt spare = width - fixed - rest_min;
  for (std::size_t c = 0; c < n; ++c)
    out[c] = narrow[c] ? max[c] : min[c] + (max[c] - min[c]) * spare / (rest_max - rest_min);
  return out;
}

Result<TableLayout> set_table(const Scene& s, const doc::Table& table, Pt body, Pt width, int line,
                              std::vector<std::string>& warnings, int& next_link) {
  TableLayout out;
  out.width = width;
  out.header_rows = std::clamp(table.header_rows, 0, static_cast<int>(table.rows.size()));
  const std::size_t columns = table.align.size();
  Cells cells;
  cells.share = columns > 0 ? width / static_cast<double>(columns) : width;
  for (const auto& row : table.rows) {
    auto& texts = cells.rows.emplace_back();
    for (const auto& cell : row) {
      texts.push_back(spans_of(cell.spans, s.t.print_urls, next_link));
      for (auto& [id, text] : texts.back().link_text) out.link_text[id] = text;
    }
  }
  // The last steps before a word is cut between any two letters, taken in turn while the minima
  // (`mins`, as `measure` leaves them) do not fit:
  //   - a Korean word breaks between syllables, as KLREQ allows where whole words cannot fill a
  //     line: a drug table in a tri-fold's panel kept "양성자펌프억제제" whole and parted its
  //     doses instead, "20~40 | mg", "10~20 | mL", which CLReq and KLREQ never part;
  //   - a name or a capitalised word too takes a hyphen at its patterns' points, as CSS hyphens:
  //     auto gives every word: an eczema table in a tri-fold's panel set "Phosphodiesteras- |
  //     e-4 inhibitor" (capitalised, it had no points);
  //   - a dose parts from its unit ("10 | mg"), as the breaker's last pass allows (which lowers
  //     the minima; the widths are then searched for the fewest parted);
  //   - a cell's last word too, where it is wider than an even share of the table: a tablet
  //     table in a tri-fold's panel cut "hydrochlorothia- | zide" alone in its cell, a knee
  //     replacement's "Paracetam- | ol", "Constipatio- | n" (a last word has no points so that
  //     "at bedtime" never reads "at bed- | time"). Last, as its lower minima move the widths:
  //     taken before the units' step, it set a knee replacement's table in a handout's column
  //     "constip- | ation and drowsi- | ness", which the units' step fits with both whole and no
  //     dose parted.
  // Where even all four leave the table too wide, all but the units' step are undone: its columns are
  // then held at their minima and cut (the warning below), and minima of a syllable or a
  // syllable's hyphen set "대장 | 내 | 시경", "Pre- | para- | tion" beside a code cut anyway (a
  // code review).
  const auto last_steps = [&](Breaking& b, const std::function<Status()>& measure,
                              const std::vector<Pt>& mins) -> Status {
    const auto too_wide = [&] { return sum(mins) > width + 0.01; };
    const Breaking before = b;
    for (bool Breaking::*step : {&Breaking::korean_syllables, &Breaking::every_word, &Breaking::part_units}) {
      if (!too_wide()) return Ok{};
      b.*step = true;
      if (auto st = measure(); !st) return st;
    }
    // Last words, first with the doses' units whole again, as before the step above: a number
    // parted from its unit is the dearer fault. With that step kept on, the tablet table in a
    // handout's column read "50 | micrograms" beside "hydro- | chlorothiazide", where "50 micro- |
    // grams" and the name whole fit.
    for (const bool units : {before.part_units, true}) {
      if (!too_wide()) return Ok{};
      b.part_units = units;
      b.last_words = true;
      if (auto st = measure(); !st) return st;
    }
    if (!too_wide() || (before.korean_syllables == b.korean_syllables && before.every_word == b.every_word &&
                        before.last_words == b.last_words))
      return Ok{};
    b = before;
    b.part_units = true;
    return measure();
  };
  std::vector<Pt> min, max;
  Pt size = body;
  double pad_em = kCellPadX;
  Breaking breaking;
  // With every Chinese or Japanese word whole (text::ContentWidths::min_words): widths tried
  // beside those from `min` below.
  std::vector<Pt> min_words;
  if (auto st = measure_columns(s, table, cells, size, size * kCellPadX, breaking, min, max, &min_words); !st)
    return st.error();
  if (sum(max) > width + 0.01) {  // too wide for one line per cell: a smaller size first
    size = body * kTableShrink;
    if (auto st = measure_columns(s, table, cells, size, size * kCellPadX, breaking, min, max, &min_words);
        !st)
      return st.error();
  }
  // Its longest words do not fit: smaller, down to kTableShrinkWhole of the body size (not under
  // the layout's smallest body size), before any word is broken. At 13.75 pt in a tri-fold's
  // panel an asthma plan's zone table hyphenated "con- | troller" and "emer- | gency" at 85 %;
  // a table a point smaller reads better than a name in pieces.
  // Chinese and Japanese words count as whole words here too (min_words): a Japanese fee table
  // in a tri-fold's panel gave its two price columns ("9,000〜15,000円", never parted) their
  // width and set "胃カメラのみ" and "組織検査あり" one character a line beside them, at 85 %.
  const auto words_fit = [&](const std::vector<Pt>& mins, const std::vector<Pt>& words) {
    return sum(mins) <= width + 0.01 && (words.size() != mins.size() || sum(words) <= width + 0.01);
  };
  // Its Chinese or Japanese words (ParagraphStyle::keep_words) wider than its other pieces.
  const bool cjk_words = min_words.size() == min.size() && sum(min_words) > sum(min) + 0.01;
  if (!words_fit(min, min_words)) {
    const Pt whole_floor = std::max(std::min(s.t.layout_size_min, size), body * kTableShrinkWhole);
    // Where the Chinese or Japanese words fit at no size, the first where the others do (a Latin
    // name in a Japanese table kept whole, not hyphenated at 85 %).
    std::optional<std::tuple<Pt, std::vector<Pt>, std::vector<Pt>, std::vector<Pt>>> latin_whole;
    bool found = false;
    for (Pt smaller = size - 0.25; smaller >= whole_floor - 1e-6; smaller -= 0.25) {
      std::vector<Pt> smin, smax, swords;
      if (auto st =
              measure_columns(s, table, cells, smaller, smaller * kCellPadX, breaking, smin, smax, &swords);
          !st)
        return st.error();
      if (words_fit(smin, swords)) {
        size = smaller, min = std::move(smin), max = std::move(smax), min_words = std::move(swords);
        found = true;
        break;
      }
      if (!latin_whole && sum(min) > width + 0.01 && sum(smin) <= width + 0.01)
        latin_whole.emplace(smaller, std::move(smin), std::move(smax), std::move(swords));
    }
    if (!found && latin_whole) std::tie(size, min, max, min_words) = std::move(*latin_whole);
  }
  const bool words_whole = words_fit(min, min_words);
  const Pt whole_tried = size;  // the size the words were last tried whole at
  if (sum(min) > width + 0.01) {
    // Its longest words do not fit even so: hyphenate them where the patterns allow (Med-icine,
    // emer-gency), as CSS hyphens: auto would, before any word is cut between letters ("Puff-s",
    // "emergenc-y", "Refi-ll" in a six-column table of a tri-fold's panel).
    breaking.hyphenate = true;
    min_words.clear();  // measured without hyphens: no longer the table's
    if (auto st = measure_columns(s, table, cells, size, size * pad_em, breaking, min, max); !st)
      return st.error();
    // Still too wide (six columns in a tri-fold's panel): tighter cells, then smaller, down to the
    // smallest body size the layout allows, before a word is cut between any two letters.
    const Pt floor = std::min(s.t.layout_size_min, size);
    for (int tries = 0; tries < 5 && sum(min) > width + 0.01 && (size > floor + 0.01 || tries == 0);
         ++tries) {
      if (tries == 0)
        pad_em = kCellPadXTight;
      else
        size = std::max(floor, std::floor(size * width / sum(min) * 4) / 4);  // quarter points
      if (auto st = measure_columns(s, table, cells, size, size * pad_em, breaking, min, max); !st)
        return st.error();
    }
    if (sum(min) > width + 0.01) {
      pad_em = kCellPadXLeast;
      if (auto st = measure_columns(s, table, cells, size, size * pad_em, breaking, min, max); !st)
        return st.error();
    }
    if (auto st = last_steps(
            breaking,
            [&] { return measure_columns(s, table, cells, size, size * pad_em, breaking, min, max); }, min);
        !st)
      return st.error();
  }
  if (sum(min) > width + 0.01)
    warnings.push_back(
        s.doc.path + ":" + std::to_string(line) + ": a table is too wide for the column even at " +
        std::to_string(std::lround(kTableShrink * 100)) + " % of the body size: long words in it are broken");

  // The rows at some column widths in `t` (its size, padding and leading), and what they cost:
  // their height, and a line's height for each word they break across lines (`broken`: a hyphen,
  // a Korean word parted between syllables, a Chinese or Japanese word parted inside: "経口 | 内 |
  // 視鏡"). A reader takes a table a line taller more easily than a name in pieces.
  // Each cell's cost is found once per width (`cache`, one per size, padding and breaking): the
  // search for widths (set_at) tries many that differ in one or two columns. `rows`: null when only
  // the cost is wanted; else the cells are set (and their notes kept) at these widths.
  auto set_rows = [&](const TableLayout& t, const Breaking& breaking, const std::vector<Pt>& widths,
                      std::vector<TableRowLayout>* rows, std::vector<std::string>& notes, int& broken,
                      CellCache& cache, int* one_line = nullptr) -> Result<Pt> {
    Pt height = 0;
    broken = 0;
    if (one_line) *one_line = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      TableRowLayout row;
      row.header = static_cast<int>(r) < t.header_rows;
      std::size_t lines = 1;
      Pt x = 0;
      for (std::size_t c = 0; c < columns; ++c) {
        TableCellLayout cell;
        cell.x = x;
        cell.width = widths[c];
        cell.align = table.align[c];
        x += cell.width;
        if (c < cells.rows[r].size()) {
          const InlineText& text = cells.rows[r][c];
          // The words a cell's lines part, and a number parted from its unit, a name from its
          // number ("로타바이러스 | 2차"), and a Chinese or Japanese character alone on a line.
          const auto parted = [&](const std::vector<text::Line>& ls) {
            int n = 0;
            for (std::size_t i = 0; i + 1 < ls.size(); ++i)
              n += parts_katakana_word(ls[i], ls[i + 1])
                       ? kKatakanaPartedWeight
                       : ls[i].hyphenated || ls[i].ends_at_unit ||
                             (ls[i].ends_in_word && !starts_gloss(ls[i + 1]));
            if (ls.size() > 1)
              for (const auto& l : ls) n += lone_wide_character(l);
            return n;
          };
          const auto compose_cell = [&](std::vector<std::string>& cell_notes) {
            const auto st = cell_style(s, t.size, row.header, breaking);
            return compose_checked(s, text.spans, st, std::max<Pt>(cell.width - 2 * t.pad_x, 1), line,
                                   cell_notes);
          };
          CellSet set;
          if (rows) {  // the widths chosen: the cell itself
            auto para = compose_cell(notes);
            if (!para) return para.error();
            cell.marks = text.marks;
            cell.lines = std::move(para->lines);
            set = CellSet{cell.lines.size(), parted(cell.lines)};
          } else {
            const auto key = std::make_tuple(r, c, std::llround(cell.width * 1000));
            auto at = cache.find(key);
            if (at == cache.end()) {
              std::vector<std::string> unused;
              auto para = compose_cell(unused);
              if (!para) return para.error();
              at = cache.emplace(key, CellSet{para->lines.size(), parted(para->lines)}).first;
            }
            set = at->second;
          }
          broken += set.broken;
          if (one_line && !row.header) *one_line += set.lines <= 1;
          lines = std::max(lines, set.lines);
        }
        if (rows) row.cells.push_back(std::move(cell));
      }
      row.height =
          2 * t.pad_y + t.size * 0.8 + static_cast<double>(lines - 1) * t.leading + t.size * kDescent;
      height += row.height;
      if (rows) rows->push_back(std::move(row));
    }
    return height + broken * t.leading;
  };
  // The columns' widths as measured at one size, padding and breaking.
  struct Measured {
    Pt size = 0;
    double pad = kCellPadX;
    Breaking breaking;
    std::vector<Pt> min, max, words;
  };
  // The lowest rows at m's size, padding and breaking among the candidate widths from its
  // minima, maxima and word widths, into `t`; `t_broken`: the words they part.
  auto set_at = [&](const Measured& m, TableLayout& t, std::vector<std::string>& t_notes,
                    int& t_broken) -> Status {
    const Pt at = m.size;
    const double pad = m.pad;
    const auto& min = m.min;
    const auto& max = m.max;
    const auto& min_words = m.words;
    t.size = at;
    t.pad_x = at * pad;
    t.pad_y = at * kCellPadY;
    t.leading = at * kTableLeading;
    // The candidates: the shares of kKeepShares, then (where the minima leave room and the maxima
    // do not fit) every column in turn given all the room its minimum leaves, the others at their
    // minima: a column of short items beside a long one ("기본 + 복부 초음파, 위내시경" beside
    // "기본 검진", "120", "350,000") wrapped to four lines when each column took its share.
    std::vector<std::vector<Pt>> candidates;
    for (const double share : kKeepShares) candidates.push_back(distribute_widths(min, max, width, share));
    // ... and from the widths of every Chinese or Japanese word whole, where they fit: a Japanese
    // table of four columns in a tri-fold's panel set its brand names "ベ | オー | バ" and "ベタ |
    // ニス", two characters a line, beside a column of names kept whole, as no share of `min`
    // gave their column their width. They win only where the rows cost less (set_rows).
    if (min_words.size() == min.size() && min_words != min && sum(min_words) <= width + 0.01)
      for (const double share : kKeepShares) {
        auto widths = distribute_widths(min_words, max, width, share);
        if (std::find(candidates.begin(), candidates.end(), widths) == candidates.end())
          candidates.push_back(std::move(widths));
      }
    // ... and from the body rows' maxima (body_maxima), where the headers' are wider: the
    // columns of a schedule in a tri-fold's panel set "每 | 6 个月" under "病情 | 稳定后".
    if (sum(max) > width + 0.01) {
      auto body = body_maxima(s, table, cells, at, t.pad_x, m.breaking, min);
      if (!body) return body.error();
      if (*body != max)
        for (const double share : kKeepShares) {
          auto widths = distribute_widths(min, *body, width, share);
          if (std::find(candidates.begin(), candidates.end(), widths) == candidates.end())
            candidates.push_back(std::move(widths));
        }
    }
    if (const Pt room = width - sum(min); room >= -0.01 && sum(max) > width + 0.01)
      for (std::size_t c = 0; c < columns; ++c) {
        if (max[c] <= min[c] + 0.01) continue;
        auto widths = min;
        widths[c] += std::max<Pt>(0, room);
        candidates.push_back(std::move(widths));
      }
    CellCache cache;
    std::vector<std::string> unused;
    int broken = 0, best_broken = 0, one_line = 0, best_one_line = 0;
    Pt best = 0;
    std::vector<Pt> best_widths;
    for (const auto& widths : candidates) {
      if (!best_widths.empty() && widths == best_widths) continue;
      auto cost = set_rows(t, m.breaking, widths, nullptr, unused, broken, cache, &one_line);
      if (!cost) return cost.error();
      if (best_widths.empty() || *cost < best - 0.01)
        best = *cost, best_widths = widths, best_broken = broken, best_one_line = one_line;
    }
    // Then from the best of them, width moved from one column to another, an em or more at a
    // time, while the rows are lower (a local search; CSS's shares know nothing of where a cell's
    // words break): a COPD handout's drug table in a z-fold's panel gave its Notes column the
    // width of "tiotropium" and set "If you | need it | more than | usual, you | may be | starting
    // a | flare-up" beside columns of five lines. A move may part no more words and leave no fewer
    // body cells on one line (a name, a dose, a time: the short columns the shares keep; a header
    // may wrap, balanced), and a column keeps at least its minimum. First improvement, widest step
    // first, at most kWidthSearchTries widths and kWidthSearchCells cells: a local optimum, not the
    // lowest table there is.
    const std::array<double, 4> steps{4, 2, 1, 0.5};  // in ems of the table's size
    int tries = 0;
    const auto within = [&]() { return tries < kWidthSearchTries && cache.size() < kWidthSearchCells; };
    for (bool moved = true; moved && within();) {
      moved = false;
      for (const double step : steps)
        for (std::size_t to = 0; to < columns && !moved && within(); ++to)
          for (std::size_t from = 0; from < columns && !moved && within(); ++from) {
            const Pt d = step * at;
            if (from == to || best_widths[from] - d < min[from] - 0.01) continue;
            auto widths = best_widths;
            widths[to] += d;
            widths[from] -= d;
            ++tries;
            auto cost = set_rows(t, m.breaking, widths, nullptr, unused, broken, cache, &one_line);
            if (!cost) return cost.error();
            if (*cost < best - 0.01 && broken <= best_broken && one_line >= best_one_line)
              best = *cost, best_widths = std::move(widths), best_broken = broken, best_one_line = one_line,
              moved = true;
          }
    }
    t.rows.clear();
    t.widths = best_widths;
    t_notes.clear();
    auto cost = set_rows(t, m.breaking, best_widths, &t.rows, t_notes, t_broken, cache);
    if (!cost) return cost.error();
    return Ok{};
  };
  std::vector<std::string> notes;
  int broken = 0;
  if (auto st = set_at(Measured{size, pad_em, breaking, std::move(min), std::move(max), std::move(min_words)},
                       out, notes, broken);
      !st)
    return st.error();
  // A table whose Chinese or Japanese words do not fit whole at any size down to kTableShrinkWhole
  // (a week's menu in seven columns, a fee table with two columns of price ranges, in a tri-fold's
  // panel) had them parted a character a line ("燕 | 麦 | 粥、", "組 | 織 | 検 | 査") beside the
  // columns that cannot break. A point smaller at a time, down to the layout's smallest body size, it
  // is set where it parts the fewest words (the largest size of those): a word parted between two
  // characters shows no hyphen and reads as two words. At each size the breaking steps above are
  // taken again, only as far as that size needs them.
  if (cjk_words && !words_whole && broken > 0) {
    const Pt floor = std::min(s.t.layout_size_min, size);
    // From the size the words were tried whole at: the steps above shrank it to fit the tight
    // padding, where the least one might have kept more words whole.
    std::vector<Pt> sizes{whole_tried};
    for (Pt at = std::ceil(whole_tried - 1e-6) - 1; at > floor + 1e-6; at -= 1) sizes.push_back(at);
    if (floor < whole_tried - 1e-6) sizes.push_back(floor);
    for (const Pt at : sizes) {
      // At each size the padding too: the full one, then, where words are still parted, the tight
      // one and the least (a fee table in a tri-fold's panel kept "胃カ | メラ | のみ" at 0.2 em,
      // set "胃 | カ | メ | ラ" at 0.4). A closer padding is taken only where it parts fewer words.
      for (const double pad : {kCellPadX, kCellPadXTight, kCellPadXLeast}) {
        Measured m{at, pad, Breaking{}, {}, {}, {}};
        const auto measure = [&]() {
          return measure_columns(s, table, cells, at, at * m.pad, m.breaking, m.min, m.max, &m.words);
        };
        if (auto st = measure(); !st) return st.error();
        if (sum(m.min) > width + 0.01) {
          m.breaking.hyphenate = true;
          if (auto st = measure(); !st) return st.error();
        }
        if (sum(m.min) > width + 0.01 && pad != kCellPadXLeast) continue;  // closer, before units part
        if (auto st = last_steps(m.breaking, measure, m.min); !st) return st.error();
        TableLayout t;
        t.width = out.width;
        t.header_rows = out.header_rows;
        std::vector<std::string> t_notes;
        int t_broken = 0;
        if (auto st = set_at(m, t, t_notes, t_broken); !st) return st.error();
        if (t_broken < broken) {
          t.link_text = std::move(out.link_text);
          out = std::move(t), notes = std::move(t_notes), broken = t_broken;
        }
        if (broken == 0) break;
      }
      if (broken == 0) break;
    }
  }
  warnings.insert(warnings.end(), notes.begin(), notes.end());
  return out;
}

}  // namespace leafpress::layout
