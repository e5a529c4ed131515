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
  l.space_ratio = ratio;
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

std::vector<text::Line> plain(int n) {
  return std::vector<text::Line>(static_cast<std::size_t>(n), line(0.3));
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
  a[1] = line(0.2, true);
  b[1] = line(0.2, true);
  d[1] = line(0.2, true);
  d[3] = line(0.2, true);
  auto a_fewer = plain(5), b_fewer = plain(5), d_fewer = plain(5);
  a_fewer[0] = line(1.6);  // +409 for one hyphen
  b_fewer[0] = line(1.2);  // +172 for one: the cheapest
  d_fewer[0] = line(1.4);  // +285 for two: 143 each, cheaper still
  d_fewer[2] = line(0.5);
  c.blocks.push_back(paragraph(a, a_fewer, asked));
  c.blocks.push_back(paragraph(b, b_fewer, asked));
  c.blocks.push_back(paragraph(d, d_fewer, asked));
  c.blocks.push_back(paragraph(e, plain(5), asked));
  CHECK(ration_hyphens(c, one_frame(c)) == 1);
  CHECK(c.blocks[2].lines[0].space_ratio == 1.4);  // the two hyphens that cost least went
  CHECK(c.blocks[0].lines[1].hyphenated);          // the dearer ones stay
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
