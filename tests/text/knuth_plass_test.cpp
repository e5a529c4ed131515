// Tests for text/knuth_plass.cpp and text/first_fit.cpp: line breaking over
// fixed-width fake items, no fonts. A paragraph is written as a string of tokens:
//   12    a box 12 pt wide
//   _     word glue (the row's width, stretch and shrink)
//   -     a hyphen: flagged penalty, width 1 pt, cost 50
//   /     a plain penalty (a break with no hyphen), cost 0
//   ~     a forbidden break (penalty cost +infinity)
//   |     a forced break (Glue{Fill} then a penalty of cost -infinity)
// and the paragraph's own forced break is added at the end. Results are drawn the
// one line after another: "10 10 | 6-" / "4+5 2" lists the boxes of each line, glue
// as a space, boxes joined without glue (syllables of one word) by "+", a hyphen break as "-".
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/knuth_plass.hpp"

using leafpress::Pt;
using leafpress::text::Box;
using leafpress::text::first_fit;
using leafpress::text::Glue;
using leafpress::text::GlueKind;
using leafpress::text::Item;
using leafpress::text::kInfinitePenalty;
using leafpress::text::knuth_plass;
using leafpress::text::KnuthPlassParams;
using leafpress::text::Penalty;

namespace {

struct GlueSpec {
  Pt width = 2, stretch = 1, shrink = 1;
};

void add_forced_break(std::vector<Item>& items) {
  items.emplace_back(Glue{.width = 0, .stretch = 0, .shrink = 0, .kind = GlueKind::Fill});
  items.emplace_back(Penalty{.width = 0, .cost = -kInfinitePenalty});
}

std::vector<Item> parse(const std::string& spec, GlueSpec glue = {}) {
  std::vector<Item> items;
  std::istringstream in(spec);
  std::string token;
  while (in >> token) {
    if (token == "_")
      items.emplace_back(Glue{.width = glue.width, .stretch = glue.stretch, .shrink = glue.shrink});
    else if (token == "-")
      items.emplace_back(Penalty{.width = 1, .cost = 50, .flagged = true});
    else if (token == "/")
      items.emplace_back(Penalty{.width = 0, .cost = 0});
    else if (token == "~")
      items.emplace_back(Penalty{.width = 0, .cost = kInfinitePenalty});
    else if (token == "|")
      add_forced_break(items);
    else
      items.emplace_back(Box{.width = std::stod(token)});
  }
  add_forced_break(items);
  return items;
}

std::string number(Pt w) {
  std::ostringstream out;
  out << w;
  return out.str();
}

// The lines that `breaks` cut `items` into, drawn as described at the top.
std::string draw(const std::vector<Item>& items, const std::vector<std::size_t>& breaks) {
  std::string out;
  std::size_t begin = 0;
  for (const std::size_t end : breaks) {
    REQUIRE(end < items.size());
    REQUIRE(end >= begin);
    std::string line;
    bool space = false;
    for (std::size_t i = begin; i < end; ++i) {
      if (const auto* b = std::get_if<Box>(&items[i])) {
        if (!line.empty()) line += space ? " " : "+";
        line += number(b->width);
        space = false;
      } else if (std::holds_alternative<Glue>(items[i]) && std::get<Glue>(items[i]).kind != GlueKind::Fill) {
        space = true;
      }
    }
    if (const auto* p = std::get_if<Penalty>(&items[end]); p && p->flagged) line += '-';
    if (!out.empty()) out += " | ";
    out += line;
    begin = end + 1;
  }
  return out;
}

struct LineMeasure {
  Pt natural = 0, stretch = 0, shrink = 0;
  bool fill = false;
  int boxes = 0;
};

// What the line that ends at `end` holds: discardable items at its start are gone,
// the break's penalty width counts.
LineMeasure measure(const std::vector<Item>& items, std::size_t begin, std::size_t end) {
  LineMeasure m;
  while (begin < end && !std::holds_alternative<Box>(items[begin])) {
    if (const auto* g = std::get_if<Glue>(&items[begin]); g && g->kind == GlueKind::Fill) break;
    ++begin;
  }
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&items[i])) {
      m.natural += b->width;
      ++m.boxes;
    } else if (const auto* g = std::get_if<Glue>(&items[i])) {
      m.natural += g->width;
      m.stretch += g->stretch;
      m.shrink += g->shrink;
      m.fill = m.fill || g->kind == GlueKind::Fill;
    }
  }
  if (const auto* p = std::get_if<Penalty>(&items[end])) m.natural += p->width;
  return m;
}

// A random paragraph of words of one to three syllables, 3 to 12 pt each.
std::string random_paragraph(std::mt19937& rng) {
  std::string spec;
  const unsigned words = 2 + rng() % 12;
  for (unsigned w = 0; w < words; ++w) {
    if (w > 0) spec += " _ ";
    const unsigned syllables = 1 + rng() % 3;
    for (unsigned s = 0; s < syllables; ++s) {
      if (s > 0) spec += " - ";
      spec += std::to_string(3 + rng() % 10);
    }
  }
  return spec;
}

std::string kp(const std::vector<Item>& items, Pt width, KnuthPlassParams params = {}) {
  const auto breaks = knuth_plass(items, width, params);
  if (!breaks) return "nullopt";
  REQUIRE_FALSE(breaks->empty());
  CHECK(breaks->back() == items.size() - 1);  // the paragraph's own forced break ends it
  return draw(items, *breaks);
}

std::string ff(const std::vector<Item>& items, Pt width) {
  const auto breaks = first_fit(items, width);
  REQUIRE_FALSE(breaks.empty());
  CHECK(breaks.back() == items.size() - 1);
  return draw(items, breaks);
}

}  // namespace

TEST_CASE("knuth_plass: lines come out as expected", "[text]") {
  struct Row {
    const char* paragraph;
    GlueSpec glue;
    Pt width;
    double tolerance;
    const char* lines;
  };
  // clang-format off
  const Row rows[] = {
      // Two words fill a line exactly (r = 0).
      {"10 _ 10 _ 10 _ 10 _ 10",        {2, 1, 1}, 22, 2, "10 10 | 10 10 | 10"},
      // Shrinking the glue (r = -0.5) gets three words on a line; stretching for two would need r = 11.
      {"10 _ 10 _ 10 _ 10 _ 10 _ 10 _ 10", {2, 1, 1}, 33, 2, "10 10 10 | 10 10 10 | 10"},
      // Total fit: a tight first line (r = -2/3) spares the second a loose one (r = 4/3).
      {"4 _ 4 _ 4 _ 4 _ 10 _ 8 _ 5",    {2, 3, 1}, 20, 2, "4 4 4 4 | 10 8 | 5"},
      // A lone word; a paragraph shorter than the line.
      {"7",                             {2, 1, 1}, 20, 2, "7"},
      {"3 _ 4",                         {2, 1, 1}, 20, 2, "3 4"},
      // Glue after a forbidding penalty (a no-break space) is no break.
      {"10 _ 10 _ 10 _ 10",             {2, 1, 1}, 34, 20, "10 10 10 | 10"},
      {"10 _ 10 _ 10 ~ _ 10",           {2, 1, 1}, 34, 20, "10 10 | 10 10"},
      // A plain penalty is a break without a hyphen.
      {"10 / 10",                       {2, 1, 1}, 10, 2, "10 | 10"},
      // The hyphen's width counts when its penalty is taken: 8 + 1 fills 9 exactly.
      {"8 - 8",                         {2, 1, 1},  9, 2, "8- | 8"},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.paragraph << " at " << row.width << " pt, tolerance " << row.tolerance);
    KnuthPlassParams params;
    params.tolerance = row.tolerance;
    CHECK(kp(parse(row.paragraph, row.glue), row.width, params) == row.lines);
  }
}

TEST_CASE("knuth_plass: total fit differs from first fit", "[text]") {
  struct Row {
    const char* paragraph;
    GlueSpec glue;
    Pt width;
    const char* total_fit;
    const char* first_fit;
  };
  // clang-format off
  const Row rows[] = {
      // First fit fills lines at natural width and never shrinks.
      {"10 _ 10 _ 10 _ 10 _ 10 _ 10 _ 10", {2, 1, 1}, 33, "10 10 10 | 10 10 10 | 10", "10 10 | 10 10 | 10 10 | 10"},
      // First fit takes all it can on line 1 and leaves line 2 loose.
      {"4 _ 4 _ 4 _ 4 _ 10 _ 8 _ 5",       {2, 3, 1}, 20, "4 4 4 4 | 10 8 | 5",        "4 4 4 | 4 10 | 8 5"},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.paragraph << " at " << row.width << " pt");
    const auto items = parse(row.paragraph, row.glue);
    CHECK(kp(items, row.width) == row.total_fit);
    CHECK(ff(items, row.width) == row.first_fit);
  }
}

TEST_CASE("knuth_plass: a forced break always ends a line", "[text]") {
  struct Row {
    const char* paragraph;
    const char* lines;
  };
  const Row rows[] = {
      {"10 _ 10 | 10 _ 10", "10 10 | 10 10"},  // it all would fit on one line
      {"10 | 10 _ 10 | 10", "10 | 10 10 | 10"},
  };
  for (const Row& row : rows) {
    INFO(row.paragraph);
    const auto items = parse(row.paragraph);
    CHECK(kp(items, 100) == row.lines);
    CHECK(ff(items, 100) == row.lines);
  }
}

// Two forced breaks in a row (a blank line, "\n\n") need something to make a line of:
// build_items puts an empty box between them (knuth_plass.hpp states the contract).
// Without it the fill glue after the first break is discarded with the break, no
// line between the two can stretch, and knuth_plass has no solution.
TEST_CASE("knuth_plass: a blank line is an empty box between two forced breaks", "[text]") {
  leafpress::text::Items text;
  text.items = {Box{.width = 10},
                Glue{.width = 5, .stretch = 2, .shrink = 1},
                Box{.width = 10},
                Glue{.kind = GlueKind::Fill},
                Penalty{.cost = -kInfinitePenalty},
                Box{},
                Glue{.kind = GlueKind::Fill},
                Penalty{.cost = -kInfinitePenalty},
                Box{.width = 10},
                Glue{.kind = GlueKind::Fill},
                Penalty{.cost = -kInfinitePenalty}};
  const auto breaks = knuth_plass(text.items, 100, KnuthPlassParams{});
  REQUIRE(breaks.has_value());
  CHECK(*breaks == std::vector<std::size_t>{4, 7, 10});
  CHECK(first_fit(text.items, 100) == std::vector<std::size_t>{4, 7, 10});
  // Without the empty box there is no way through.
  std::vector<Item> bare = text.items;
  bare.erase(bare.begin() + 5);
  KnuthPlassParams any;
  any.tolerance = 1e6;
  CHECK_FALSE(knuth_plass(bare, 100, any).has_value());
}

TEST_CASE("knuth_plass: a tolerance too tight gives nullopt", "[text]") {
  // "10 10" on a 30 pt line needs r = 8 (8 pt over one glue that stretches 1);
  // all three words (34 pt, glue that cannot shrink) are too long.
  const auto items = parse("10 _ 10 _ 10", {2, 1, 0});
  struct Row {
    double tolerance;
    const char* lines;
  };
  const Row rows[] = {
      {1, "nullopt"}, {2, "nullopt"}, {7.9, "nullopt"}, {8, "10 10 | 10"}, {1e6, "10 10 | 10"}};
  for (const Row& row : rows) {
    INFO("tolerance " << row.tolerance);
    KnuthPlassParams params;
    params.tolerance = row.tolerance;
    CHECK(kp(items, 30, params) == row.lines);
  }
  // A box wider than the line can never be set: no tolerance helps.
  KnuthPlassParams loose;
  loose.tolerance = 1e6;
  CHECK(kp(parse("5 _ 50 _ 5"), 20, loose) == "nullopt");
  // first_fit still sets all of it.
  CHECK(ff(items, 30) == "10 10 | 10");
}

TEST_CASE("knuth_plass: an exact fit at r = -1 is accepted", "[text]") {
  // 10 + 2 + 10 + 2 + 10 = 34 pt, two glues that shrink 1 pt each: 32 pt is r = -1 exactly.
  // "10 10" alone would need r = 10, so the exact fit is the only way.
  const auto items = parse("10 _ 10 _ 10 _ 10", {2, 1, 1});
  CHECK(kp(items, 32) == "10 10 10 | 10");
  CHECK(kp(items, 31.9) == "nullopt");  // r = -1.05: too long
  // The same in decimals that do not add up exactly in binary: 0.1 + 0.2 + 0.1 + 0.2 + 0.1
  // less two shrinks of 0.1 is 0.5, which double arithmetic makes r = -1.0000000000000002.
  const auto decimal = parse("0.1 _ 0.1 _ 0.1 _ 0.1", {0.2, 0, 0.1});
  CHECK(kp(decimal, 0.5) == "0.1 0.1 0.1 | 0.1");
  // A lone word with no glue to shrink, on a measure made as wide as the word (a table column:
  // padding added and taken away again): 25.37 + 2 * 4.39 - 2 * 4.39 is 25.369999999999997.
  const Pt measure = (25.37 + 2 * 4.39) - 2 * 4.39;
  REQUIRE(measure < 25.37);
  CHECK(kp(parse("25.37"), measure) == "25.37");
  CHECK(kp(parse("25.37"), 25.36) == "nullopt");
}

TEST_CASE("knuth_plass: flagged penalties", "[text]") {
  const GlueSpec glue{2, 2, 1};
  KnuthPlassParams base;
  base.tolerance = 3;
  base.flagged_demerits = 0;
  base.final_hyphen_demerits = 0;

  SECTION("two hyphenated lines in a row cost flagged_demerits") {
    // Line 1 "3 3 7-" fits exactly either way. Line 2 is "8 6-" (r = 0.5, cost 50) or the
    // last line "8 6+3" at r = -1 (badness 100): cheaper with a hyphen unless two hyphens in
    // a row cost more.
    const auto items = parse("3 _ 3 _ 7 - 8 _ 6 - 3", glue);
    CHECK(kp(items, 18, base) == "3 3 7- | 8 6- | 3");
    KnuthPlassParams params = base;
    params.flagged_demerits = 1e6;
    CHECK(kp(items, 18, params) == "3 3 7- | 8 6+3");
  }
  SECTION("a hyphen on the second-last line costs final_hyphen_demerits") {
    // "8 7-" (r = 1, cost 50) then "4", or the last line "8 7+4" at r = -1, which also
    // pays fitness_demerits for following a loose line.
    const auto items = parse("8 _ 5 - 3 _ 8 _ 7 - 4", glue);
    CHECK(kp(items, 20, base) == "8 5+3 | 8 7- | 4");
    KnuthPlassParams params = base;
    params.final_hyphen_demerits = 1e6;
    CHECK(kp(items, 20, params) == "8 5+3 | 8 7+4");
  }
  SECTION("a hyphen penalty that is not taken adds no width") {
    // "8+8" is 16 pt; were the unused hyphen counted, it would be 17.
    CHECK(kp(parse("8 - 8"), 16, base) == "8+8");
  }
}

TEST_CASE("knuth_plass: first_fit never fails", "[text]") {
  struct Row {
    const char* paragraph;
    Pt width;
    const char* lines;
  };
  // clang-format off
  const Row rows[] = {
      {"5 _ 50 _ 5 _ 5", 20, "5 | 50 | 5 5"},  // the over-wide box stands alone
      {"50 _ 5",         20, "50 | 5"},
      {"50",             20, "50"},
      {"30 _ 30 _ 30",   20, "30 | 30 | 30"},
      {"8 - 6 _ 2",      10, "8- | 6 2"},       // a hyphen break, its width included: 9 pt
      {"8 - 6 _ 2",       9, "8- | 6 | 2"},     // 8 + 1 fits exactly
      // No room for the hyphen: 8- (9 pt) is the least overfull line, better than 8+6.
      {"8 - 6 _ 2",       8, "8- | 6 | 2"},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.paragraph << " at " << row.width << " pt");
    CHECK(ff(parse(row.paragraph), row.width) == row.lines);
  }
}

TEST_CASE("knuth_plass: every line of a random paragraph keeps within the tolerance", "[text]") {
  std::mt19937 rng(20240305);
  int found = 0;
  for (int iter = 0; iter < 300; ++iter) {
    const std::string spec = random_paragraph(rng);
    const auto items = parse(spec, {3, 1.5, 1});
    const Pt width = 20 + rng() % 30;
    bool found_before = false;
    for (const double tolerance : {1.0, 2.0, 10.0}) {
      INFO(spec << " at " << width << " pt, tolerance " << tolerance);
      KnuthPlassParams params;
      params.tolerance = tolerance;
      const auto breaks = knuth_plass(items, width, params);
      CHECK((breaks.has_value() || !found_before));  // a larger tolerance never loses a solution
      if (!breaks) continue;
      found_before = true;
      ++found;
      std::size_t begin = 0;
      for (const std::size_t end : *breaks) {
        const LineMeasure m = measure(items, begin, end);
        double r = 0;
        if (m.natural > width)
          r = m.shrink > 0 ? (width - m.natural) / m.shrink : -1e9;
        else if (m.natural < width && !m.fill)
          r = m.stretch > 0 ? (width - m.natural) / m.stretch : 1e9;
        INFO("line ending at item " << end << ": r = " << r);
        CHECK(r >= -1 - 1e-9);
        CHECK(r <= tolerance + 1e-9);
        begin = end + 1;
      }
    }
  }
  CHECK(found > 300);  // the test did see solutions
}

TEST_CASE("knuth_plass: first_fit lines fit unless they hold one box", "[text]") {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 300; ++iter) {
    const std::string spec = random_paragraph(rng);
    const auto items = parse(spec, {3, 1.5, 1});
    const Pt width = 5 + rng() % 40;  // some words are wider than the line
    INFO(spec << " at " << width << " pt: " << ff(items, width));
    const auto breaks = first_fit(items, width);
    std::size_t begin = 0;
    for (const std::size_t end : breaks) {
      REQUIRE(end >= begin);
      const LineMeasure m = measure(items, begin, end);
      CHECK(m.boxes >= 1);
      if (m.natural > width) CHECK(m.boxes == 1);
      begin = end + 1;
    }
    CHECK(begin == items.size());
  }
}

TEST_CASE("knuth_plass: ragged lines keep their spaces and may fall short by the ragged stretch", "[text]") {
  // Width 20, glue 2 that would stretch by 10 and shrink by 1: justified, "8 8" opens its
  // space to 4 (r = 0.2); ragged, spaces neither stretch nor shrink and a line is judged
  // by how short it falls against ragged_stretch.
  const auto items = parse("8 _ 8 _ 8 _ 8 _ 3", GlueSpec{2, 10, 1});
  KnuthPlassParams params;
  params.ragged_stretch = 4;
  params.tolerance = 1;
  const auto breaks = knuth_plass(items, 20, params);
  REQUIRE(breaks);
  for (std::size_t k = 0, begin = 0; k < breaks->size(); begin = (*breaks)[k] + 1, ++k) {
    const LineMeasure m = measure(items, begin, (*breaks)[k]);
    CHECK(m.natural <= 20);                   // never shrunk
    if (!m.fill) CHECK(20 - m.natural <= 4);  // short by at most the ragged stretch at r = 1
  }
  // Ragged, "8 _ 8 _ 3" (natural 23) cannot shrink into 20: it is not a line.
  const auto tight = parse("8 _ 8 _ 3", GlueSpec{2, 10, 5});
  const auto r = knuth_plass(tight, 20, params);
  REQUIRE(r);
  CHECK(draw(tight, *r) == "8 8 | 3");
  params.ragged_stretch = 0;  // justified, the space shrinks by 3 of its 5
  CHECK(draw(tight, *knuth_plass(tight, 20, params)) == "8 8 3");
}

TEST_CASE("knuth_plass: a line is judged by the word spaces it will print, not by capped CJK glue",
          "[text]") {
  // A line of six Han characters (boxes of 10, CJK glue stretching 0.4 between them, capped
  // at twice that: kCjkStretchCap) and one word space (2, stretch 2.4) before a Latin word.
  // Justification opens the word space to r = 1, the CJK glue to its cap, then the word
  // space again (paragraph.cpp, set_line). With 9.5 of slack the ratio over all glue is
  // 9.5 / 4.4 = 2.16, but the space prints at r = (9.5 - 2 x 2) / 2.4 = 2.29.
  std::vector<Item> items;
  for (int k = 0; k < 6; ++k) {
    if (k) items.emplace_back(Glue{.width = 0, .stretch = 0.4, .shrink = 0, .kind = GlueKind::Cjk});
    items.emplace_back(Box{.width = 10});
  }
  items.emplace_back(Glue{.width = 2, .stretch = 2.4, .shrink = 0.8, .kind = GlueKind::Word});
  items.emplace_back(Box{.width = 10});
  // A break after it, so that the line is justified, not the paragraph's last.
  items.emplace_back(Glue{.width = 2, .stretch = 2.4, .shrink = 0.8, .kind = GlueKind::Word});
  items.emplace_back(Box{.width = 20});
  add_forced_break(items);
  KnuthPlassParams params;
  params.tolerance = 2.2;  // over 2.16 (all glue), under 2.29 (what is printed): refused
  CHECK_FALSE(knuth_plass(items, 81.5, params));
  params.tolerance = 2.3;
  const auto breaks = knuth_plass(items, 81.5, params);
  REQUIRE(breaks);
  CHECK(draw(items, *breaks) == "10 10 10 10 10 10 10 | 20");
}

// KnuthPlassParams::expansion: an expandable box widens or narrows a little with the glue,
// at one ratio (pdfTeX's font expansion). Two 100 pt words and a 2 pt space that stretches
// 1 pt: 204 pt is r = 2; with 2 % expansion (4 pt more stretch) it is r = 0.4.
TEST_CASE("knuth_plass: expandable boxes add their expansion to a line's stretch and shrink", "[text]") {
  // A justified first line (it ends at a plain break), then a last line of one short word.
  std::vector<Item> items{Box{.width = 100, .expandable = true}, Glue{.width = 2, .stretch = 1, .shrink = 1},
                          Box{.width = 100, .expandable = true}, Penalty{.width = 0, .cost = 0},
                          Box{.width = 30}};
  add_forced_break(items);
  KnuthPlassParams params;
  params.tolerance = 1;
  const Pt width = 204;
  CHECK_FALSE(knuth_plass(items, width, params).has_value());  // r = 2: too loose
  params.expansion = 0.02;
  CHECK(knuth_plass(items, width, params).has_value());
  CHECK(knuth_plass(items, 197, params).has_value());          // shrinks: 202 - 1 - 4 = 197
  CHECK_FALSE(knuth_plass(items, 196.5, params).has_value());  // past what glue and glyphs give
  // Boxes that are not expandable (CJK, Hangul) give nothing.
  for (auto& item : items)
    if (auto* box = std::get_if<Box>(&item)) box->expandable = false;
  CHECK_FALSE(knuth_plass(items, width, params).has_value());
  // Expansion stops at r = 1, as a tie: past it only the spaces open, and the breaker weighs
  // the gap they print (visible_ratio). 208 pt: 5 pt of stretch at r = 1, then 1 pt more from
  // the space alone, which then shows r = 2 (over all the stretch r would be 1.2).
  for (auto& item : items)
    if (auto* box = std::get_if<Box>(&item)) box->expandable = true;
  params.tolerance = 1.9;
  CHECK_FALSE(knuth_plass(items, 208, params).has_value());
  params.tolerance = 2.1;
  CHECK(knuth_plass(items, 208, params).has_value());
}

// Penalty::fills (a Korean syllable break): a reviewer found "들이마 | 시기" on a line that still
// ended 2.8 em short, a parted word and a short line for one. A word of three 15 pt syllables after
// a 40 pt box, lines 72 pt, spaces that do not shrink: only its first syllable fits beside the box,
// and that line ends 1.2 em short with its space open. Without the extra cost the break is taken
// (the line alone would end 3.2 em short); with it the word goes whole to the next line. Within the
// slack (a line a syllable short) it costs nothing more.
TEST_CASE("knuth_plass: a break that fills lines costs more where its line still ends short", "[text]") {
  std::vector<Item> items{Box{.width = 40}, Glue{.width = 3, .stretch = 2, .shrink = 0}, Box{.width = 15}};
  for (int k = 0; k < 2; ++k) {
    items.emplace_back(Penalty{.cost = 100, .in_word = true, .fills = true});
    items.emplace_back(Box{.width = 15});
  }
  items.emplace_back(Glue{.width = 3, .stretch = 2, .shrink = 0});
  items.emplace_back(Box{.width = 20});
  add_forced_break(items);
  KnuthPlassParams params;
  params.tolerance = 100;
  params.soft_tolerance = 1;
  params.soft_open_ratio = 1;
  params.em = 10;
  const auto split = knuth_plass(items, 72, params);
  REQUIRE(split);
  CHECK(draw(items, *split) == "40 15 | 15+15 20");
  params.unfilled_split_demerits = leafpress::text::soft_line_demerits(params, 4);
  params.unfilled_split_slack = 10;
  const auto whole = knuth_plass(items, 72, params);
  REQUIRE(whole);
  CHECK(draw(items, *whole) == "40 | 15+15+15 20");
  params.unfilled_split_slack = 13;  // the line is 12 pt short: filled as well as syllables allow
  const auto within = knuth_plass(items, 72, params);
  REQUIRE(within);
  CHECK(draw(items, *within) == "40 15 | 15+15 20");
}
