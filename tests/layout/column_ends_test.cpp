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

// What unhyphenate_column_ends could not avoid is counted, for body_setting to try a smaller
// size (a reviewer's handout kept "…a family his- | tory" across its columns: no set of as many
// lines avoided it).
TEST_CASE("column_ends: a hyphen left at a column's end is counted, one inside a column is not") {
  std::vector<text::ComposeOptions> asked;
  Collection c;
  c.blocks.push_back(paragraph({line(true), line(true), line()}, {line(), line(), line(), line()}, asked));
  CHECK(unhyphenate_column_ends(c, split_at(3, 2)) == 0);  // four lines: refused
  CHECK(broken_column_ends(c, split_at(3, 2)) == 1);       // line 1 ends frame 0; line 0 does not
  CHECK(broken_column_ends(c, split_at(3, 1)) == 1);       // line 0 ends it
  CHECK(broken_column_ends(c, split_at(3, 3)) == 0);       // one frame: the paragraph's end only
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

// A tri-fold's side: frames 0 and 1 are panels of page 0, frame 2 is overleaf. A paragraph whose
// lines 0-2 stand in frame 1 and 3-4 overleaf is asked to end line 2 at a sentence.
TEST_CASE("column_ends: a paragraph going on over a leaflet's turn is asked to end its side at a sentence") {
  const std::vector<Frame> frames = {Frame{.page = 0, .panel = 0}, Frame{.page = 0, .panel = 1},
                                     Frame{.page = 1, .panel = 0}};
  FlowResult f;
  f.placements.emplace_back();
  for (int i = 0; i < 5; ++i) f.placements.back().push_back(Placement{i < 3 ? 1 : 2, 0});
  std::vector<text::ComposeOptions> asked;
  Collection c;
  text::Line ended = line();
  ended.width = 40;  // the sentence ends it short
  c.blocks.push_back(
      paragraph({line(), line(), line(), line(), line()}, {line(), line(), ended, line(), line()}, asked));
  CHECK(end_turns_at_sentences(c, f, frames) == 1);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].sentence_end_line == 2);
  CHECK(asked[0].exact_lines == 5);
  CHECK(c.blocks[0].lines[2].width == 40);
  // Set again later (a hyphen budget), it still asks for it.
  text::ComposeOptions later;
  later.fewer_hyphens = true;
  REQUIRE(c.blocks[0].recompose(later));
  REQUIRE(asked.size() == 2);
  CHECK(asked[1].sentence_end_line == 2);
  CHECK(asked[1].fewer_hyphens);

  // Between two panels of one side, or in a booklet, nothing is asked.
  std::vector<text::ComposeOptions> none;
  Collection same_side;
  same_side.blocks.push_back(paragraph({line(), line(), line(), line(), line()}, {}, none));
  FlowResult g = f;
  for (auto& p : g.placements.back()) p.frame = p.frame == 2 ? 1 : 0;
  CHECK(end_turns_at_sentences(same_side, g, frames) == 0);
  const std::vector<Frame> booklet = {Frame{.page = 0, .book_page = true},
                                      Frame{.page = 1, .book_page = true},
                                      Frame{.page = 2, .book_page = true}};
  CHECK(end_turns_at_sentences(same_side, f, booklet) == 0);
  CHECK(none.empty());
  // A two-sided handout (one panel of two columns a side) is turned over as a leaflet is.
  const std::vector<Frame> handout = {Frame{.page = 0, .panel = 0}, Frame{.page = 0, .panel = 0},
                                      Frame{.page = 1, .panel = 1}};
  std::vector<text::ComposeOptions> turned;
  Collection two_sided;
  two_sided.blocks.push_back(
      paragraph({line(), line(), line(), line(), line()}, {line(), line(), ended, line(), line()}, turned));
  CHECK(end_turns_at_sentences(two_sided, f, handout) == 1);
  REQUIRE(turned.size() == 1);
  CHECK(turned[0].sentence_end_line == 2);
}
