// Tests for layout/column_ends.cpp: no hyphen on a line that ends a column, panel or page.
// Fake compositions: what is weighed here is the choice, not the breaking.
#include <catch2/catch.hpp>

#include <vector>

#include "layout/column_ends.hpp"

using namespace leafpress;
using namespace leafpress::layout;

namespace {

text::Line line(bool hyphen = false, bool overfull = false) {
  text::Line l;
  l.hyphenated = hyphen;
  l.overfull = overfull;
  return l;
}

// A body paragraph set as `lines`, which, composed again, gives `again`.
Collected paragraph(std::vector<text::Line> lines, std::vector<text::Line> again,
                    std::vector<text::ComposeOptions>& asked) {
  Collected c;
  c.role = Role::Body;
  c.size = 10;
  c.lines = std::move(lines);
  c.recompose = [again = std::move(again), &asked](const text::ComposeOptions& o) -> Result<text::Paragraph> {
    asked.push_back(o);
    text::Paragraph p;
    p.lines = again;
    return p;
  };
  return c;
}

// The block's lines 0..split-1 in frame 0, the rest in frame 1.
FlowResult split_at(std::size_t lines, std::size_t split) {
  FlowResult f;
  f.placements.emplace_back();
  for (std::size_t i = 0; i < lines; ++i) f.placements.back().push_back(Placement{i < split ? 0 : 1, 0});
  return f;
}

}  // namespace

TEST_CASE("column_ends: a hyphen at a column's last line is set again without it, the line count kept") {
  std::vector<text::ComposeOptions> asked;
  Collection c;
  c.blocks.push_back(paragraph({line(), line(true), line()}, {line(), line(), line()}, asked));
  CHECK(unhyphenate_column_ends(c, split_at(3, 2)) == 1);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].no_hyphen_lines == std::vector<int>{1});
  CHECK(asked[0].exact_lines == 3);
  CHECK_FALSE(c.blocks[0].lines[1].hyphenated);
}

TEST_CASE("column_ends: a re-set that runs a line past the measure is refused, the hyphen kept") {
  std::vector<text::ComposeOptions> asked;
  Collection c;
  // "…/eye/cataract- | aftercare." at a page turn: kept whole, the address overruns its line.
  c.blocks.push_back(paragraph({line(), line(true), line()}, {line(), line(false, true), line()}, asked));
  CHECK(unhyphenate_column_ends(c, split_at(3, 2)) == 0);
  CHECK(asked.size() == 1);
  CHECK(c.blocks[0].lines[1].hyphenated);
}

TEST_CASE("column_ends: a hyphen inside a column is left alone") {
  std::vector<text::ComposeOptions> asked;
  Collection c;
  c.blocks.push_back(paragraph({line(true), line(), line()}, {line(), line(), line()}, asked));
  CHECK(unhyphenate_column_ends(c, split_at(3, 2)) == 0);
  CHECK(asked.empty());
}

TEST_CASE("column_ends: a Korean word split between syllables at a column's end is set again too") {
  std::vector<text::ComposeOptions> asked;
  Collection c;
  text::Line split = line();
  split.ends_in_word = true;  // "보습 | 제는": no hyphen shows, but half a word crosses the fold
  c.blocks.push_back(paragraph({line(), split, line()}, {line(), line(), line()}, asked));
  CHECK(unhyphenate_column_ends(c, split_at(3, 2)) == 1);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].no_hyphen_lines == std::vector<int>{1});
  CHECK_FALSE(c.blocks[0].lines[1].ends_in_word);
}
