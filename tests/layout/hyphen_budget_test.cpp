// Tests for layout/hyphen_budget.cpp: paragraphs set again, least loosening first, only
// while an article has more hyphenated lines than one in ten. Fake compositions: what is
// weighed here is the choice, not the breaking (text/paragraph_test.cpp has that).
#include <catch2/catch.hpp>

#include <vector>

#include "layout/hyphen_budget.hpp"

using namespace leafpress;
using namespace leafpress::layout;

namespace {

// A line opened to `ratio` of its spaces' stretch, ending in an inserted hyphen or not.
text::Line line(double ratio, bool hyphen = false) {
  text::Line l;
  l.ratio = ratio;
  l.hyphenated = hyphen;
  return l;
}

struct Asked {
  std::vector<text::ComposeOptions> options;
};

// A body paragraph set as `lines`, which, asked for fewer hyphens, gives `fewer`.
Collected paragraph(std::vector<text::Line> lines, std::vector<text::Line> fewer, Asked& asked) {
  Collected c;
  c.role = Role::Body;
  c.size = 10;
  c.lines = std::move(lines);
  c.recompose = [fewer = std::move(fewer), &asked](const text::ComposeOptions& o) -> Result<text::Paragraph> {
    asked.options.push_back(o);
    text::Paragraph p;
    p.lines = fewer;
    return p;
  };
  return c;
}

// Every line of every block in frame 0.
FlowResult one_frame(const Collection& c) {
  FlowResult f;
  for (const auto& b : c.blocks) f.placements.emplace_back(b.lines.size(), Placement{0, 0});
  return f;
}

// Lines a little loose (fitness class 2): neither a tight nor a very loose line beside them
// is two classes away.
std::vector<text::Line> plain(int n) {
  return std::vector<text::Line>(static_cast<std::size_t>(n), line(0.6));
}

}  // namespace

TEST_CASE("hyphen_budget: an article within one hyphenated line in ten is left as it is") {
  Asked asked;
  Collection c;
  c.body = 10;
  auto lines = plain(9);
  lines[2] = line(0.4, true);  // 1 of 10
  c.blocks.push_back(paragraph(lines, plain(9), asked));
  c.blocks.push_back(paragraph(plain(1), plain(1), asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 0);
  CHECK(asked.options.empty());
  CHECK(c.blocks[0].lines[2].hyphenated);
}

TEST_CASE("hyphen_budget: past the budget, the paragraphs that loosen least are set again, and no more") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 20 lines, 4 hyphenated: 2 too many. A re-set costs TeX's badness (100·r³) a hyphen saved.
  auto a = plain(5), b = plain(5), d = plain(5), e = plain(5);
  a[1] = line(0.6, true);
  b[1] = line(0.6, true);
  d[1] = line(0.6, true);
  d[3] = line(0.6, true);
  auto a_fewer = plain(5), b_fewer = plain(5), d_fewer = plain(5);
  a_fewer[0] = line(1.6);  // +388 for one hyphen
  b_fewer[0] = line(1.2);  // +151 for one: the cheapest
  d_fewer[0] = line(1.4);  // +253 for two: 127 each, cheaper still
  d_fewer[2] = line(0.5);
  c.blocks.push_back(paragraph(a, a_fewer, asked));
  c.blocks.push_back(paragraph(b, b_fewer, asked));
  c.blocks.push_back(paragraph(d, d_fewer, asked));
  c.blocks.push_back(paragraph(e, plain(5), asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 1);
  CHECK(c.blocks[2].lines[0].ratio == 1.4);  // the two hyphens that cost least went
  CHECK(c.blocks[0].lines[1].hyphenated);    // the dearer ones stay
  CHECK(c.blocks[1].lines[1].hyphenated);
  // Asked of the three paragraphs with hyphens only: fewer hyphens, the same number of lines.
  REQUIRE(asked.options.size() == 3);
  for (const auto& o : asked.options) {
    CHECK(o.fewer_hyphens);
    CHECK(o.exact_lines == 5);
  }
}

TEST_CASE(
    "hyphen_budget: a re-set that changes the line count, overruns or opens past the tolerance is refused") {
  Asked asked;
  Collection c;
  c.body = 10;
  auto a = plain(4), b = plain(4), d = plain(4);
  for (auto* p : {&a, &b, &d}) (*p)[0] = line(0.2, true), (*p)[1] = line(0.2, true);  // 6 of 12
  auto longer = plain(5);
  auto overfull = plain(4);
  overfull[0].overfull = true;
  auto loose = plain(4);
  loose[0] = line(text::kTolerance + 0.1);
  c.blocks.push_back(paragraph(a, longer, asked));
  c.blocks.push_back(paragraph(b, overfull, asked));
  c.blocks.push_back(paragraph(d, loose, asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 0);
  for (const auto& block : c.blocks) CHECK(block.lines[0].hyphenated);
}

TEST_CASE(
    "hyphen_budget: no hyphen is asked for on a line that ends a column, and other blocks do not count") {
  Asked asked;
  Collection c;
  c.body = 10;
  auto a = plain(4);
  a[0] = line(0.2, true);
  c.blocks.push_back(paragraph(a, plain(4), asked));
  Collected heading = paragraph(plain(3), plain(3), asked);  // a heading's lines are not body lines
  heading.role = Role::Heading;
  c.blocks.push_back(heading);
  Collected note = paragraph(plain(3), plain(3), asked);  // nor are a footnote's, set smaller
  note.size = 8;
  c.blocks.push_back(note);
  FlowResult f = one_frame(c);
  f.placements[0][1].frame = 0;  // lines 0-1 in frame 0, 2-3 in frame 1
  f.placements[0][2].frame = 1;
  f.placements[0][3].frame = 1;
  f.placements[1] = std::vector<Placement>(3, Placement{2, 0});
  f.placements[2] = std::vector<Placement>(3, Placement{2, 0});
  // 1 hyphen in 4 body lines: over the budget.
  CHECK(ration_hyphens(c, f) == 1);
  REQUIRE(asked.options.size() == 1);
  CHECK(asked.options[0].no_hyphen_lines == std::vector<int>{1, 3});
}

TEST_CASE(
    "hyphen_budget: a re-set that puts a tight line beside a very loose one, or trades a hyphen "
    "for a compound's own, is refused") {
  Asked asked;
  Collection c;
  c.body = 10;
  auto a = plain(5), b = plain(5);
  a[1] = line(0.6, true);
  b[1] = line(0.6, true);  // 2 of 10: one too many
  auto contrast = plain(5);
  contrast[1] = line(-0.8);  // tight, then very loose: 0.18 em beside 0.75 em
  contrast[2] = line(2.0);
  auto compound = plain(5);
  compound[3].ends_at_hyphen = true;  // "5- | aminolevulinic" instead of "amin- | olevulinic"
  c.blocks.push_back(paragraph(a, contrast, asked));
  c.blocks.push_back(paragraph(b, compound, asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 0);
  CHECK(c.blocks[0].lines[1].hyphenated);
  CHECK(c.blocks[1].lines[1].hyphenated);
}

TEST_CASE("hyphen_budget: all or nothing, and the loose lines stay within one in twenty") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 20 lines, 4 hyphenated: 2 must go. Each paragraph saves one hyphen for one line past
  // 0.55 em: one such line (1 in 20) is allowed, two are not, and one saved hyphen alone does
  // not meet the budget, so nothing changes.
  std::vector<std::vector<text::Line>> sets(4, plain(5));
  for (auto& s : sets) s[1] = line(0.6, true);
  auto fewer = plain(5);
  fewer[0] = line(1.5);
  for (auto& s : sets) c.blocks.push_back(paragraph(s, fewer, asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 0);
  for (const auto& block : c.blocks) CHECK(block.lines[1].hyphenated);
  // Without the loose line each re-set is free to take: two are.
  Asked asked2;
  Collection even;
  even.body = 10;
  for (auto& s : sets) even.blocks.push_back(paragraph(s, plain(5), asked2));
  CHECK(ration_hyphens(even, one_frame(even)) == 2);
}

namespace {

// A ragged line `short_pt` short of a 190-pt measure, its ratio in the rag's 2 em (at 10 pt).
text::Line ragged_line(Pt short_pt, bool hyphen = false) {
  text::Line l = line(short_pt / 20, hyphen);
  l.width = 190 - short_pt;
  return l;
}

Collected ragged(std::vector<text::Line> lines, std::vector<text::Line> fewer, Asked& asked) {
  Collected c = paragraph(std::move(lines), std::move(fewer), asked);
  c.ragged = true;
  c.measure = 190;
  return c;
}

}  // namespace

TEST_CASE(
    "hyphen_budget: ragged paragraphs are set again too, unless a line but the last would end "
    "deeper than 0.3 of the measure") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 10 lines, 3 hyphenated: 2 must go. The rag's lines are judged by how short they end, not by
  // their spaces: a line 50 pt short (2.5 of the rag's 2 em, "loose" by a justified line's
  // measure) and a long line beside it are no fault.
  std::vector<text::Line> a{ragged_line(5, true), ragged_line(10), ragged_line(30), ragged_line(120)};
  std::vector<text::Line> b{ragged_line(8, true), ragged_line(12), ragged_line(100)};
  std::vector<text::Line> d{ragged_line(4, true), ragged_line(20), ragged_line(150)};
  std::vector<text::Line> a_fewer{ragged_line(50), ragged_line(0), ragged_line(30), ragged_line(110)};
  std::vector<text::Line> b_fewer{ragged_line(40), ragged_line(6), ragged_line(90)};
  std::vector<text::Line> d_fewer{ragged_line(60), ragged_line(2), ragged_line(150)};  // 60 > 0.3 · 190
  c.blocks.push_back(ragged(a, a_fewer, asked));
  c.blocks.push_back(ragged(b, b_fewer, asked));
  c.blocks.push_back(ragged(d, d_fewer, asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 2);
  CHECK_FALSE(c.blocks[0].lines[0].hyphenated);
  CHECK_FALSE(c.blocks[1].lines[0].hyphenated);
  CHECK(c.blocks[2].lines[0].hyphenated);  // its re-set was refused
  REQUIRE(asked.options.size() == 3);
  CHECK(asked.options[0].fewer_hyphens);
  // The same re-set of the third with its deep line judged as justified spaces would be refused
  // for its looseness; set ragged, only the depth counts: the last line may be any length.
  Asked asked2;
  Collection last;
  last.body = 10;
  std::vector<text::Line> e{ragged_line(4, true), ragged_line(180)};
  std::vector<text::Line> e_fewer{ragged_line(30), ragged_line(180)};
  last.blocks.push_back(ragged(e, e_fewer, asked2));
  last.blocks.push_back(ragged(std::vector<text::Line>(7, ragged_line(10)), {}, asked2));  // 1 of 9
  CHECK(ration_hyphens(last, one_frame(last)) == 1);
  CHECK_FALSE(last.blocks[0].lines[0].hyphenated);
}

namespace {

// A paragraph that, asked for fewer loose lines, gives `snug`; asked for fewer hyphens, itself.
Collected loose_paragraph(std::vector<text::Line> lines, std::vector<text::Line> snug, Asked& asked) {
  Collected c = paragraph(lines, {}, asked);
  c.recompose = [lines, snug = std::move(snug),
                 &asked](const text::ComposeOptions& o) -> Result<text::Paragraph> {
    asked.options.push_back(o);
    text::Paragraph p;
    p.lines = o.fewer_loose_lines ? snug : lines;
    return p;
  };
  return c;
}

}  // namespace

TEST_CASE(
    "hyphen_budget: past one loose line in twenty, paragraphs take a hyphen for their loose lines, "
    "fewest hyphens first, within the hyphen budget") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 40 lines: 2 may be loose (r > 1.2, spaces past 0.55 em), 4 may end in a hyphen; 4 are loose,
  // 2 hyphenated.
  auto a = plain(10), b = plain(10), d = plain(10), e = plain(10);
  a[0] = line(1.3);
  b[0] = line(1.3);
  b[1] = line(1.25);
  d[0] = line(1.4);
  e[0] = line(0.6, true);
  e[4] = line(0.6, true);
  auto a_snug = plain(10), b_snug = plain(10), d_snug = plain(10);
  a_snug[0] = line(0.9, true);  // one hyphen for one loose line
  b_snug[0] = line(0.8, true);  // one hyphen for two: the cheapest
  b_snug[1] = line(0.7);
  d_snug[0] = line(0.9, true);
  d_snug[5] = line(0.9, true);  // two hyphens for one: too dear, and past the budget
  c.blocks.push_back(loose_paragraph(a, a_snug, asked));
  c.blocks.push_back(loose_paragraph(b, b_snug, asked));
  c.blocks.push_back(loose_paragraph(d, d_snug, asked));
  c.blocks.push_back(loose_paragraph(e, e, asked));
  const BudgetCount before = count_budget(c);
  CHECK(before.loose == 4);
  CHECK(before.hyphens == 2);
  CHECK_FALSE(before.within());
  CHECK(ration_loose_lines(c, one_frame(c)) == 1);  // b's re-set brings it to 2 of 40
  CHECK(c.blocks[1].lines[0].hyphenated);
  CHECK_FALSE(c.blocks[0].lines[0].hyphenated);
  CHECK_FALSE(c.blocks[2].lines[0].hyphenated);
  const BudgetCount after = count_budget(c);
  CHECK(after.loose == 2);
  CHECK(after.hyphens == 3);
  CHECK(after.within());
  // Asked of the three paragraphs with loose lines only, with as many lines as before.
  REQUIRE(asked.options.size() == 3);
  for (const auto& o : asked.options) {
    CHECK(o.fewer_loose_lines);
    CHECK_FALSE(o.fewer_hyphens);
    CHECK(o.exact_lines == 10);
  }
}

TEST_CASE("hyphen_budget: no loose line is traded for a hyphen the budget has not got, nor in ragged text") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 20 lines: 1 may be loose, 2 may end in a hyphen; 2 loose, 2 hyphenated already.
  auto a = plain(10), b = plain(10);
  a[0] = line(1.3);
  a[2] = line(0.6, true);
  b[0] = line(1.3);
  b[2] = line(0.6, true);
  auto snug = plain(10);
  snug[0] = line(0.9, true);
  snug[2] = line(0.6, true);
  c.blocks.push_back(loose_paragraph(a, snug, asked));
  c.blocks.push_back(loose_paragraph(b, snug, asked));
  CHECK(ration_loose_lines(c, one_frame(c)) == 0);
  CHECK(count_budget(c).loose == 2);
  // A ragged paragraph has no loose lines: its ratio is how short it ends.
  Asked asked2;
  Collection r;
  r.body = 10;
  for (int i = 0; i < 3; ++i) {
    Collected p = loose_paragraph({ragged_line(40), ragged_line(30), ragged_line(100)}, plain(3), asked2);
    p.ragged = true;
    p.measure = 190;
    r.blocks.push_back(std::move(p));
  }
  CHECK(count_budget(r).loose == 0);
  CHECK(ration_loose_lines(r, one_frame(r)) == 0);
  CHECK(asked2.options.empty());
}

TEST_CASE(
    "hyphen_budget: a loose-line trade that would overrun the hyphen budget, or open a line "
    "further, is passed over for the next") {
  Asked asked;
  Collection c;
  c.body = 10;
  // 40 lines: 2 may be loose, 4 hyphenated; 3 are loose (r 1.3), 3 hyphenated.
  auto a = plain(10), b = plain(10), d = plain(10), e = plain(10);
  a[0] = line(1.3);
  a[1] = line(1.3);
  b[0] = line(1.3);
  d[0] = line(1.15);  // 0.54 em: not loose
  for (std::size_t i : {2u, 4u, 6u}) e[i] = line(0.6, true);
  auto a_snug = plain(10), b_snug = plain(10), d_snug = plain(10);
  a_snug[0] = line(0.9, true);  // two loose lines for two hyphens: 3 + 2 overruns the 4 allowed
  a_snug[3] = line(0.9, true);
  b_snug[0] = line(1.6);  // no line past 0.55 em... but one at 0.64: looser than before
  c.blocks.push_back(loose_paragraph(a, a_snug, asked));
  c.blocks.push_back(loose_paragraph(b, b_snug, asked));
  c.blocks.push_back(loose_paragraph(d, d_snug, asked));
  c.blocks.push_back(loose_paragraph(e, e, asked));
  CHECK(ration_loose_lines(c, one_frame(c)) == 0);
  CHECK(count_budget(c).loose == 3);
  // With one hyphen to spare more (a third fewer before), the two-for-two trade is taken.
  Asked asked2;
  Collection more;
  more.body = 10;
  e[6] = line(0.6);
  more.blocks.push_back(loose_paragraph(a, a_snug, asked2));
  more.blocks.push_back(loose_paragraph(b, b_snug, asked2));
  more.blocks.push_back(loose_paragraph(e, e, asked2));
  more.blocks.push_back(loose_paragraph(plain(10), plain(10), asked2));
  CHECK(ration_loose_lines(more, one_frame(more)) == 1);
  CHECK(count_budget(more).loose == 1);
  CHECK(count_budget(more).hyphens == 4);
}
