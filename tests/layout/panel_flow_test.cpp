// Tests for layout/panel_flow.cpp: synthetic elements (no fonts) flowed through
// synthetic frames. Lines are 10 pt apart with an 8 pt ascent unless a test says
// otherwise; a 100 pt frame holds 10 such lines (baselines 92, 82 ... 2).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "layout/panel_flow.hpp"

using leafpress::Pt;
using leafpress::layout::Element;
using leafpress::layout::FlowLine;
using leafpress::layout::FlowResult;
using leafpress::layout::Frame;
using leafpress::layout::Placement;

namespace {

constexpr Pt kHeight = 10, kAscent = 8;

Element para(std::size_t lines, Pt space_before = 0, Pt space_after = 0) {
  Element e;
  for (std::size_t i = 0; i < lines; ++i) e.lines.push_back(FlowLine{kHeight, kAscent});
  e.space_before = space_before;
  e.space_after = space_after;
  return e;
}

Element heading(std::size_t lines = 1, Pt space_before = 6, Pt space_after = 2) {
  Element e;
  for (std::size_t i = 0; i < lines; ++i) e.lines.push_back(FlowLine{14, 11});
  e.space_before = space_before;
  e.space_after = space_after;
  e.keep_with_next = true;
  return e;
}

// `count` frames of the same height, side by side on page 0.
std::vector<Frame> frames(std::size_t count, Pt height = 100) {
  std::vector<Frame> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(Frame{0, 100.0 * static_cast<double>(i), 500, 500 - height});
  return out;
}

bool near(Pt a, Pt b) {
  return std::abs(a - b) < 1e-9;
}

// "element.line -> frame @ baseline", for INFO when a check fails.
std::string dump(const FlowResult& r) {
  std::ostringstream out;
  for (std::size_t e = 0; e < r.placements.size(); ++e)
    for (std::size_t l = 0; l < r.placements[e].size(); ++l)
      out << e << "." << l << " -> " << r.placements[e][l].frame << " @ " << r.placements[e][l].baseline
          << "\n";
  if (r.overflow_element)
    out << "overflow at element " << *r.overflow_element << ", " << r.lines_left << " left\n";
  return out.str();
}

// What must hold for any flow: lines in order, inside their frame, never above the
// top less the ascent nor below the bottom.
void check_geometry(const std::vector<Element>& elements, const std::vector<Frame>& fr, const FlowResult& r) {
  INFO(dump(r));
  REQUIRE(r.placements.size() == elements.size());
  REQUIRE(r.frame_fill.size() == fr.size());
  int last_frame = 0;
  Pt last_y = 1e9;
  std::size_t placed = 0, total = 0;
  for (std::size_t e = 0; e < elements.size(); ++e) {
    total += elements[e].lines.size();
    REQUIRE(r.placements[e].size() <= elements[e].lines.size());
    for (std::size_t l = 0; l < r.placements[e].size(); ++l) {
      const Placement& p = r.placements[e][l];
      REQUIRE(p.frame >= 0);
      REQUIRE(static_cast<std::size_t>(p.frame) < fr.size());
      const Frame& f = fr[static_cast<std::size_t>(p.frame)];
      CHECK(p.frame >= last_frame);
      if (p.frame == last_frame) CHECK(p.baseline < last_y);
      CHECK(p.baseline >= f.bottom - 1e-9);
      CHECK(p.baseline <= f.top - elements[e].lines[l].ascent + 1e-9);
      last_frame = p.frame;
      last_y = p.baseline;
      ++placed;
    }
  }
  CHECK(placed + r.lines_left == total);
  CHECK(r.overflow_element.has_value() == (r.lines_left > 0));
}

// Index of the frame where element e's line l went.
int frame_of(const FlowResult& r, std::size_t e, std::size_t l) {
  return r.placements.at(e).at(l).frame;
}

// Two frames side by side on one 10 pt grid (baselines 492, 482 ... down to `bottom`), for feather().
std::vector<Frame> grid_frames(Pt bottom) {
  std::vector<Frame> out;
  for (int i = 0; i < 2; ++i)
    out.push_back(Frame{.page = 0,
                        .x = 100.0 * i,
                        .top = 500,
                        .bottom = bottom,
                        .panel = i,
                        .grid_top = 492,
                        .pitch = 10,
                        .panel_top = 500});
  return out;
}

// `e` with its lines on the grid (body text).
Element on_grid(Element e) {
  for (auto& l : e.lines) l.on_grid = true;
  return e;
}

}  // namespace

TEST_CASE("panel_flow: lines fill the first frame, then the second", "[layout]") {
  const std::vector<Element> elements{para(20)};
  const auto fr = frames(2);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  CHECK_FALSE(r.overflow_element.has_value());
  CHECK(r.lines_left == 0);
  REQUIRE(r.placements[0].size() == 20);
  for (std::size_t i = 0; i < 20; ++i) {
    INFO("line " << i);
    CHECK(frame_of(r, 0, i) == (i < 10 ? 0 : 1));
    CHECK(near(r.placements[0][i].baseline, 500 - kAscent - kHeight * static_cast<double>(i % 10)));
  }
  CHECK(near(r.frame_fill[0], 98));
  CHECK(near(r.frame_fill[1], 98));
}

TEST_CASE("panel_flow: elements stack with their spacing", "[layout]") {
  const std::vector<Element> elements{para(2, 0, 5), para(2, 7, 0), para(1, 3, 0)};
  const auto fr = frames(1);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  REQUIRE_FALSE(r.overflow_element.has_value());
  CHECK(near(r.placements[0][0].baseline, 492));
  CHECK(near(r.placements[0][1].baseline, 482));
  CHECK(near(r.placements[1][0].baseline, 482 - 5 - 7 - 10));  // space after + space before + line
  CHECK(near(r.placements[1][1].baseline, 460 - 10));
  CHECK(near(r.placements[2][0].baseline, 450 - 3 - 10));
  CHECK(near(r.frame_fill[0], 500 - 437));
}

TEST_CASE("panel_flow: space before is dropped at the top of a frame", "[layout]") {
  SECTION("the first element of the first frame") {
    const std::vector<Element> elements{para(3, 40)};
    const FlowResult r = flow(elements, frames(1));
    INFO(dump(r));
    CHECK(near(r.placements[0][0].baseline, 500 - kAscent));
  }
  SECTION("an element that starts the second frame") {
    // 9 lines leave 10 pt: not enough for 2 more lines, so the next paragraph moves.
    const std::vector<Element> elements{para(9), para(4, 25)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    REQUIRE(r.placements[1].size() == 4);
    CHECK(frame_of(r, 1, 0) == 1);
    CHECK(near(r.placements[1][0].baseline, 500 - kAscent));
  }
  SECTION("a heading that starts the second frame") {
    const std::vector<Element> elements{para(10), heading(1, 30), para(3)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    CHECK(frame_of(r, 1, 0) == 1);
    CHECK(near(r.placements[1][0].baseline, 500 - 11));
  }
  SECTION("but kept in the middle of a frame") {
    const std::vector<Element> elements{para(2), para(2, 25)};
    const FlowResult r = flow(elements, frames(1));
    INFO(dump(r));
    CHECK(near(r.placements[1][0].baseline, 482 - 25 - kHeight));
  }
}

// On a 10 pt grid a 14 pt heading with 2 pt after it stands 12 pt above its text mid-column
// (placed at 462, its text's grid line 442: it drops 8 pt onto it). At the top of a frame it
// stood at 489 and its text a grid line lower, 17 pt under it: reviewers saw the heading float
// away from its text at every panel's top. It drops there too, by less than a line.
TEST_CASE("panel_flow: a heading stands as far above its text at a frame's top as mid-column", "[layout]") {
  const std::vector<Element> elements{on_grid(para(2)), heading(1, 6, 2), on_grid(para(3)), heading(1, 6, 2),
                                      on_grid(para(3))};
  const auto fr = grid_frames(400);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  REQUIRE(frame_of(r, 1, 0) == 0);
  REQUIRE(frame_of(r, 3, 0) == 1);  // the second heading opens the second frame
  const Pt mid = r.placements[1][0].baseline - r.placements[2][0].baseline;
  const Pt top = r.placements[3][0].baseline - r.placements[4][0].baseline;
  CHECK(near(mid, 12));
  CHECK(near(top, mid));
  CHECK(near(r.placements[4][0].baseline, 472));                // the text keeps its grid line
  CHECK(500 - 11 - r.placements[3][0].baseline < fr[1].pitch);  // less than a line lower
}

TEST_CASE("panel_flow: a heading does not end a frame (paragraphs of 1, 2 or 4+ lines)", "[layout]") {
  // Slide the heading down the first frame with filler lines; whatever the filler,
  // the heading's last line shares its frame with the first line that follows it.
  // (Headings with space after them: see the  case below.)
  for (std::size_t filler = 1; filler <= 10; ++filler)
    for (const std::size_t heading_lines : {1u, 2u})
      for (const std::size_t next_lines : {1u, 2u, 4u, 5u, 8u})
        for (const Pt next_before : {0.0, 5.0}) {
          const std::vector<Element> elements{para(filler, 0, 4), heading(heading_lines, 6, 0),
                                              para(next_lines, next_before, 4), para(2)};
          const auto fr = frames(3);
          const FlowResult r = flow(elements, fr);
          INFO("filler " << filler << ", heading lines " << heading_lines << ", next " << next_lines
                         << ", next space before " << next_before << "\n"
                         << dump(r));
          check_geometry(elements, fr, r);
          REQUIRE_FALSE(r.overflow_element.has_value());
          CHECK(frame_of(r, 1, 0) == frame_of(r, 1, heading_lines - 1));  // a heading is not split
          CHECK(frame_of(r, 1, heading_lines - 1) == frame_of(r, 2, 0));
          if (next_lines >= 2) CHECK(frame_of(r, 2, 1) == frame_of(r, 1, 0));  // and keeps two lines
        }
}

TEST_CASE("panel_flow: a heading's space after counts when it keeps with the next lines", "[layout]") {
  // Known bug: the keep-with-next test adds the heading's lines and the next element's
  // space before and first two lines, but not the heading's own space_after.
  // 6 lines end at baseline 442; the heading needs 6 + 14 and two lines 20: 402 >= 400,
  // so it stays, at 422. Then 5 pt space after leaves 417, and two lines need 20: 397 < 400,
  // so the paragraph moves to frame 1 and the heading ends frame 0.
  const std::vector<Element> elements{para(6), heading(1, 6, 5), para(4)};
  const auto fr = frames(2);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  CHECK(frame_of(r, 1, 0) == frame_of(r, 2, 0));
}

TEST_CASE("panel_flow: a heading does not end a frame before a 3-line paragraph", "[layout]") {
  // Known bug: the heading keeps with 2 lines of what follows, but a 3-line paragraph
  // is kept whole (no widow), so when exactly heading + 2 lines fit the heading stays
  // at the foot and the paragraph moves on without it.
  for (std::size_t filler = 1; filler <= 10; ++filler) {
    const std::vector<Element> elements{para(filler, 0, 4), heading(), para(3, 0, 4), para(2)};
    const auto fr = frames(3);
    const FlowResult r = flow(elements, fr);
    INFO("filler " << filler << "\n" << dump(r));
    check_geometry(elements, fr, r);
    CHECK(frame_of(r, 1, 0) == frame_of(r, 2, 0));
  }
}

TEST_CASE("panel_flow: a heading does not end a frame before another heading", "[layout]") {
  // "## Section" directly followed by "### Subsection": the first heading keeps with the
  // second, the second with its paragraph; the pair must move together.
  for (std::size_t filler = 1; filler <= 10; ++filler) {
    const std::vector<Element> elements{para(filler, 0, 4), heading(), heading(), para(6)};
    const auto fr = frames(3);
    const FlowResult r = flow(elements, fr);
    INFO("filler " << filler << "\n" << dump(r));
    check_geometry(elements, fr, r);
    CHECK(frame_of(r, 1, 0) == frame_of(r, 2, 0));
    CHECK(frame_of(r, 2, 0) == frame_of(r, 3, 0));
  }
}

TEST_CASE("panel_flow: a heading at the very end stays where it is", "[layout]") {
  const std::vector<Element> elements{para(9), heading()};
  const auto fr = frames(2);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  CHECK_FALSE(r.overflow_element.has_value());
}

TEST_CASE("panel_flow: no single first line at the foot of a frame (orphan)", "[layout]") {
  for (std::size_t filler = 1; filler <= 10; ++filler)
    for (std::size_t lines = 2; lines <= 9; ++lines) {
      const std::vector<Element> elements{para(filler), para(lines)};
      const auto fr = frames(2);
      const FlowResult r = flow(elements, fr);
      INFO("filler " << filler << ", paragraph " << lines << "\n" << dump(r));
      check_geometry(elements, fr, r);
      REQUIRE(r.placements[1].size() == lines);
      CHECK(frame_of(r, 1, 0) == frame_of(r, 1, 1));
    }
}

TEST_CASE("panel_flow: the orphan rule in numbers: 9 lines used, a 2-line paragraph moves", "[layout]") {
  const std::vector<Element> elements{para(9), para(2)};
  const auto fr = frames(2);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  CHECK(frame_of(r, 1, 0) == 1);
  CHECK(near(r.placements[1][0].baseline, 500 - kAscent));
  CHECK(near(r.frame_fill[0], 500 - 412));  // the 9th baseline
}

TEST_CASE("panel_flow: no single last line at the top of a frame (widow)", "[layout]") {
  for (std::size_t filler = 1; filler <= 10; ++filler)
    for (std::size_t lines = 3; lines <= 9; ++lines) {
      const std::vector<Element> elements{para(filler), para(lines), para(1)};
      const auto fr = frames(3);
      const FlowResult r = flow(elements, fr);
      INFO("filler " << filler << ", paragraph " << lines << "\n" << dump(r));
      check_geometry(elements, fr, r);
      REQUIRE(r.placements[1].size() == lines);
      CHECK(frame_of(r, 1, lines - 1) == frame_of(r, 1, lines - 2));
    }
}

TEST_CASE("panel_flow: a single-line paragraph fills the last slot", "[layout]") {
  const std::vector<Element> elements{para(9), para(1)};
  const FlowResult r = flow(elements, frames(2));
  INFO(dump(r));
  CHECK(frame_of(r, 1, 0) == 0);
  CHECK(near(r.placements[1][0].baseline, 402));
}

TEST_CASE("panel_flow: a paragraph longer than a frame is split across frames", "[layout]") {
  const std::vector<Element> elements{para(3), para(25)};
  const auto fr = frames(3);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  REQUIRE_FALSE(r.overflow_element.has_value());
  CHECK(frame_of(r, 1, 0) == 0);
  CHECK(frame_of(r, 1, 24) == 2);
}

TEST_CASE("panel_flow: overflow reports the element and the lines left", "[layout]") {
  SECTION("one long paragraph") {
    const std::vector<Element> elements{para(25)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    REQUIRE(r.overflow_element.has_value());
    CHECK(*r.overflow_element == 0);
    CHECK(r.lines_left == 5);
    CHECK(r.placements[0].size() == 20);
  }
  SECTION("several elements: the first that did not fit, and every line after it") {
    // 8 | 2 + 6 | 4 + (4 left) ; then 3 more.
    const std::vector<Element> elements{para(8), para(8), para(8), para(3)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    REQUIRE(r.overflow_element.has_value());
    CHECK(*r.overflow_element == 2);
    CHECK(r.lines_left == 7);
    CHECK(r.placements[2].size() == 4);
    CHECK(r.placements[3].empty());
  }
  SECTION("an element that moves past the last frame whole") {
    const std::vector<Element> elements{para(9), para(9), para(2)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    REQUIRE(r.overflow_element.has_value());
    CHECK(*r.overflow_element == 2);
    CHECK(r.lines_left == 2);
    CHECK(r.placements[2].empty());
  }
  SECTION("no frames at all") {
    const std::vector<Element> elements{para(2), heading(), para(3)};
    const FlowResult r = flow(elements, {});
    REQUIRE(r.overflow_element.has_value());
    CHECK(*r.overflow_element == 0);
    CHECK(r.lines_left == 6);
    CHECK(r.frame_fill.empty());
  }
  SECTION("exactly full is not an overflow") {
    const std::vector<Element> elements{para(10), para(10)};
    const auto fr = frames(2);
    const FlowResult r = flow(elements, fr);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    CHECK_FALSE(r.overflow_element.has_value());
    CHECK(r.lines_left == 0);
  }
}

TEST_CASE("panel_flow: nothing to flow", "[layout]") {
  const FlowResult r = flow({}, frames(2));
  CHECK(r.placements.empty());
  CHECK_FALSE(r.overflow_element.has_value());
  CHECK(r.frame_fill == std::vector<Pt>{0, 0});
}

TEST_CASE("panel_flow: a heading keeps with two lines even when they are two one-line items", "[layout]") {
  // 7 lines end at baseline 432; the heading (6 + 14) at 412 leaves room for one line
  // (402) but not two (392 < 400): heading and both items move to frame 1.
  const std::vector<Element> elements{para(7), heading(1, 6, 0), para(1), para(1), para(3)};
  const auto fr = frames(2);
  const FlowResult r = flow(elements, fr);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  CHECK(frame_of(r, 1, 0) == 1);
  CHECK(frame_of(r, 2, 0) == 1);
  CHECK(frame_of(r, 3, 0) == 1);
  // With room for both, all stay.
  const std::vector<Element> fits{para(6), heading(1, 6, 0), para(1), para(1), para(3)};
  const FlowResult r2 = flow(fits, fr);
  INFO(dump(r2));
  CHECK(frame_of(r2, 1, 0) == 0);
  CHECK(frame_of(r2, 3, 0) == 0);
}

TEST_CASE("panel_flow: repeat_lines places a table's header again at the top of the next frame", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> frames{{0, 0, 100, 0, 0}, {0, 200, 100, 0, 1}};
  Element table;
  table.keep_together = true;
  table.repeat_lines = 1;
  for (int i = 0; i < 8; ++i) table.lines.push_back(FlowLine{20, 20});  // 160 pt: taller than a frame
  Element before;
  before.lines = {FlowLine{12, 10}};
  const auto r = flow({before, table}, frames);
  CHECK_FALSE(r.overflow_element);
  // It does not wait for a fresh frame (it could not fit one): it starts under `before`.
  CHECK(r.placements[1][0].frame == 0);
  std::size_t in_first = 0;
  for (const auto& p : r.placements[1]) in_first += p.frame == 0;
  CHECK(in_first == 4);  // 10 + 4 × 20 = 90 ≤ 100
  REQUIRE(r.repeats[1].size() == 1);
  CHECK(r.repeats[1][0].line == 0);
  CHECK(r.repeats[1][0].at.frame == 1);
  CHECK(r.repeats[1][0].at.baseline == Approx(80));  // the header's line, at the top
  CHECK(r.placements[1][4].baseline == Approx(60));  // the next row under it
}

TEST_CASE("panel_flow: a table that fits a frame is kept together and not repeated", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> frames{{0, 0, 100, 0, 0}, {0, 200, 100, 0, 1}};
  Element before;
  before.lines = {FlowLine{12, 10}, FlowLine{12, 10}, FlowLine{12, 10}};
  Element table;
  table.keep_together = true;
  table.repeat_lines = 1;
  for (int i = 0; i < 4; ++i) table.lines.push_back(FlowLine{20, 20});  // 80 pt: fits a frame, not the rest
  const auto r = flow({before, table}, frames);
  for (const auto& p : r.placements[1]) CHECK(p.frame == 1);
  CHECK(r.repeats[1].empty());
}

// A table that fits a frame but not the room left in this one moved on whole, and left a hole: a
// handout column ended "…about two thirds." above nine blank lines, the table at the top of the
// next. Where six grid lines or more would stay empty, it parts between rows, its header again
// at the top of the next frame; with less room, it still moves on whole.
TEST_CASE("panel_flow: a table parts rather than leave six empty lines at a frame's foot", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> fr = grid_frames(300);  // 20 grid lines a frame
  Element table;
  table.keep_together = true;
  table.repeat_lines = 1;
  for (int i = 0; i < 9; ++i) table.lines.push_back(FlowLine{20, 16, true});  // 180 pt: fits a frame
  for (const std::size_t text : {10u, 12u, 14u, 15u, 17u}) {
    const std::vector<Element> elements{on_grid(para(text, 0, 10)), table};
    const FlowResult r = flow(elements, fr);
    INFO(text << " lines of text before it\n" << dump(r));
    check_geometry(elements, fr, r);
    REQUIRE_FALSE(r.overflow_element);
    const Pt room = r.placements[0].back().baseline - 10 - 300;  // below the text's last line
    const bool hole = room >= 60;
    CHECK((r.parted_tables > 0) == hole);
    CHECK(frame_of(r, 1, 0) == (hole ? 0 : 1));
    if (hole) {
      CHECK(frame_of(r, 1, 2) == 0);  // the header and two rows at least, here
      REQUIRE(r.repeats[1].size() == 1);
      CHECK(r.repeats[1][0].at.frame == 1);
      CHECK(frame_of(r, 1, 8) == 1);
    } else {
      CHECK(r.repeats[1].empty());
    }
  }
}

// A lead-in ("…the surgery the same day if you notice:") ended a booklet's page and its list
// began over the page. Now its end shares the frame with the list's first lines: a lead-in of
// three lines or fewer goes whole, a longer one takes its last two lines along.
TEST_CASE("panel_flow: a paragraph that leads in to a list ends in the frame where the list starts",
          "[layout]") {
  int moved = 0;
  for (std::size_t filler = 1; filler <= 10; ++filler)
    for (std::size_t lines = 1; lines <= 7; ++lines) {
      Element lead_in = para(lines);
      lead_in.leads_in = lead_in.introduces = true;
      const std::vector<Element> elements{para(filler), lead_in, para(2), para(3)};
      const auto fr = frames(3);
      const FlowResult r = flow(elements, fr);
      INFO("filler " << filler << ", lead-in " << lines << "\n" << dump(r));
      check_geometry(elements, fr, r);
      REQUIRE(r.placements[1].size() == lines);
      CHECK(frame_of(r, 1, lines - 1) == frame_of(r, 2, 0));
      CHECK(frame_of(r, 2, 0) == frame_of(r, 2, 1));
      // No widow: the lead-in's last line never goes alone.
      if (lines >= 2) CHECK(frame_of(r, 1, lines - 1) == frame_of(r, 1, lines - 2));
      if (lines <= 3) CHECK(frame_of(r, 1, 0) == frame_of(r, 1, lines - 1));
      moved += frame_of(r, 1, 0) != frame_of(r, 1, lines - 1);
    }
  CHECK(moved > 0);  // long lead-ins were split, their ends taken along
}

// A paragraph before a list that ends on a full stop is whole without the list: where it fits
// its frame it stays there, and the list starts the next (a heart-failure handout's paragraph lost
// its last two lines to the list's frame, and feathering opened the five lines it left as holes).
TEST_CASE("panel_flow: a paragraph that ends on a full stop before a list keeps its lines in its frame",
          "[layout]") {
  int list_moved = 0;
  for (std::size_t filler = 1; filler <= 9; ++filler)
    for (std::size_t lines = 4; lines + filler <= 10; ++lines) {
      Element before = para(lines);
      before.leads_in = true;  // a list follows; no colon
      const std::vector<Element> elements{para(filler), before, para(2), para(3)};
      const auto fr = frames(3);
      const FlowResult r = flow(elements, fr);
      INFO("filler " << filler << ", paragraph " << lines << "\n" << dump(r));
      check_geometry(elements, fr, r);
      CHECK(frame_of(r, 1, 0) == 0);
      CHECK(frame_of(r, 1, lines - 1) == 0);
      list_moved += frame_of(r, 2, 0) == 1;
    }
  CHECK(list_moved > 0);  // where the list did not fit below it, it went on alone
}

// A long lead-in's last two lines go along only where the next frame holds them with what
// follows: beside a 9-line block kept whole in 10-line frames they would stand alone in a frame
// and the block move on again (a frame lost).
TEST_CASE("panel_flow: a lead-in's tail never stands alone in a frame", "[layout]") {
  // Fillers that leave the whole lead-in room in the first frame (past them the widow rule
  // moves its last two lines, as for any paragraph).
  for (std::size_t filler = 1; filler <= 5; ++filler)
    for (std::size_t kept_lines = 6; kept_lines <= 10; ++kept_lines) {
      Element lead_in = para(5);
      lead_in.leads_in = lead_in.introduces = true;
      Element kept = para(kept_lines);
      kept.keep_together = true;
      const std::vector<Element> elements{para(filler), lead_in, kept};
      const auto fr = frames(4);
      const FlowResult r = flow(elements, fr);
      INFO("filler " << filler << ", kept " << kept_lines << "\n" << dump(r));
      check_geometry(elements, fr, r);
      REQUIRE(r.placements[2].size() == kept_lines);
      // The frame of the lead-in's last line holds more than its last two lines.
      const int tail = frame_of(r, 1, 4);
      CHECK((frame_of(r, 1, 2) == tail || frame_of(r, 2, 0) == tail));
    }
}

TEST_CASE("panel_flow: feather opens no gap between a list and the paragraph that leads in to it",
          "[layout]") {
  // One grid of 10 pt in a 100 pt frame (baselines 492 ... 402), a second frame for the rest. The
  // last paragraph runs on into the second frame, leaving the first a line short (its widow rule):
  // feathering brings the frame's foot down to its neighbours' line.
  const std::vector<Frame> fr = grid_frames(400);
  Element lead_in = on_grid(para(2));  // "…if you notice:"
  lead_in.leads_in = true;
  const std::vector<Element> elements{on_grid(para(1, 0, 10)), lead_in, on_grid(para(2, 0, 10)),
                                      on_grid(para(4, 0, 10))};
  FlowResult r = flow(elements, fr);
  INFO(dump(r));
  REQUIRE(frame_of(r, 2, 1) == 0);
  REQUIRE(frame_of(r, 3, 0) == 0);                 // the last paragraph begins in frame 0 ...
  REQUIRE(frame_of(r, 3, 3) == 1);                 // ... and runs on,
  REQUIRE(r.placements[3][1].baseline > 402 + 1);  // leaving a line to spare
  const Pt list_gap = r.placements[1][1].baseline - r.placements[2][0].baseline;
  const Pt lead_in_gap = r.placements[0][0].baseline - r.placements[1][0].baseline;
  leafpress::layout::feather(elements, fr, r);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  // The spare line opens between paragraphs, never between the lead-in and its list.
  CHECK(near(r.placements[1][1].baseline - r.placements[2][0].baseline, list_gap));
  CHECK((r.placements[0][0].baseline - r.placements[1][0].baseline > lead_in_gap + 1 ||
         r.placements[2][1].baseline - r.placements[3][0].baseline > 20 + 1));
  CHECK(near(r.placements[3][1].baseline, 402));
}

namespace {

// A 200 pt frame on a 10 pt grid (baselines 492 ... 302): paragraphs of 3 and 2 lines, a heading,
// a paragraph of 2; then 15 lines kept together, which go to the next frame and leave many lines
// at the foot of the first. `new_section`: a heading before them, so that the frame ends a section.
std::vector<Element> section_then_kept(bool new_section) {
  Element kept = on_grid(para(15, 10, 0));
  kept.keep_together = true;
  Element head = heading(1, 10, 0);
  head.heading_level = 2;
  std::vector<Element> out{on_grid(para(3, 0, 10)), on_grid(para(2, 0, 10)), head, on_grid(para(2, 0, 10))};
  if (new_section) out.push_back(head);
  out.push_back(kept);
  return out;
}

// section_then_kept flowed: the gap between its first two paragraphs, above its heading, and the
// baseline of the first frame's last line.
struct Gaps {
  Pt paragraph, heading, lowest;
};
Gaps gaps_of(const FlowResult& r) {
  return Gaps{r.placements[0][2].baseline - r.placements[1][0].baseline,
              r.placements[1][1].baseline - r.placements[2][0].baseline, r.placements[3][1].baseline};
}

}  // namespace

// Where a frame ends after a paragraph (what follows it is a table kept whole), feathering opens no
// gap, above a heading or between paragraphs: a paragraph gap opened by a line read as a hole
// ("…five to seven days, sometimes longer." then two blank lines), and a heading two lines lower
// than the one in the next column ("Anticoagulants…" 75 pt below its paragraph, "Checking your
// pulse…" 43 pt). The frame may end short, as one ending a section does.
TEST_CASE("panel_flow: feather opens no gap where the frame ends after a paragraph", "[layout]") {
  const std::vector<Frame> fr = grid_frames(300);
  const bool new_section = GENERATE(false, true);
  INFO("new section " << new_section);
  const std::vector<Element> elements = section_then_kept(new_section);
  FlowResult r = flow(elements, fr);
  INFO(dump(r));
  REQUIRE(frame_of(r, 3, 0) == 0);
  REQUIRE(frame_of(r, 4 + (new_section ? 1 : 0), 0) == 1);
  const Gaps before = gaps_of(r);
  REQUIRE(before.lowest - 300 > 50);  // room for more than feather may open
  leafpress::layout::feather(elements, fr, r);
  INFO(dump(r));
  check_geometry(elements, fr, r);
  const Gaps after = gaps_of(r);
  CHECK(near(after.paragraph, before.paragraph));
  CHECK(near(after.heading, before.heading));
  CHECK(near(after.lowest, before.lowest));  // the room stays at the foot
}

// Where the frame's last paragraph runs on (its widow rule left a line at the foot), the frame
// ends on its neighbours' line: a panel that stops a line short in mid-sentence reads as a
// misprint. The line opens above the heading first.
TEST_CASE("panel_flow: feather brings a frame whose paragraph runs on down to its foot", "[layout]") {
  const std::vector<Frame> fr = grid_frames(300);
  Element head = heading(1, 10, 0);
  head.heading_level = 2;
  // A paragraph after the heading that the widow rule splits a line short of the frame's foot.
  for (std::size_t lines = 2; lines <= 30; ++lines) {
    const std::vector<Element> elements{on_grid(para(3, 0, 10)), on_grid(para(2, 0, 10)), head,
                                        on_grid(para(lines))};
    FlowResult r = flow(elements, fr);
    const auto& last = r.placements[3];
    if (last.front().frame != 0 || last.back().frame != 1) continue;
    const auto in_first = static_cast<std::size_t>(
        std::count_if(last.begin(), last.end(), [](const Placement& p) { return p.frame == 0; }));
    if (last[in_first - 1].baseline < 302 + 1) continue;  // the frame is full
    INFO("paragraph of " << lines << " lines\n" << dump(r));
    const Gaps before = gaps_of(r);
    leafpress::layout::feather(elements, fr, r);
    INFO(dump(r));
    check_geometry(elements, fr, r);
    const Gaps after = gaps_of(r);
    CHECK(near(after.paragraph, before.paragraph));
    CHECK(near(after.heading, before.heading + 10));
    CHECK(near(r.placements[3][in_first - 1].baseline, 302));
    return;
  }
  FAIL("no paragraph ran on a line short");
}

namespace {

// A folded leaflet: side one of three panels (page 0), side two of two (page 1), one column
// each, 10 lines a frame.
std::vector<Frame> folded_sides() {
  std::vector<Frame> out;
  for (int i = 0; i < 5; ++i)
    out.push_back(Frame{.page = i < 3 ? 0 : 1, .x = 100.0 * (i % 3), .top = 500, .bottom = 400, .panel = i});
  return out;
}

}  // namespace

// A Z-fold's back panel ended "…a child who weighs 20 kg | would take 300 mg of acetaminophen"
// above the clinic's block, and the dose went on overleaf. A paragraph of up to six lines no
// longer parts across the turn of a side; between panels of one side, on a booklet's pages (one
// panel a page), and when longer it parts as before.
TEST_CASE("panel_flow: a short paragraph does not part across the turn of a folded leaflet's side",
          "[layout]") {
  const std::vector<Frame> folded = folded_sides();
  std::vector<Frame> booklet = folded;
  for (int i = 0; i < 5; ++i) {
    booklet[static_cast<std::size_t>(i)].page = i;
    booklet[static_cast<std::size_t>(i)].book_page = true;
  }
  int parted_in_side = 0, parted_long = 0, parted_in_booklet = 0;
  for (std::size_t lines = 2; lines <= 9; ++lines)
    for (std::size_t filler = 1; filler <= 29; ++filler) {
      const std::vector<Element> elements{para(filler, 0, 10), para(lines, 0, 10), para(4)};
      const FlowResult r = flow(elements, folded);
      INFO("filler " << filler << ", paragraph " << lines << "\n" << dump(r));
      check_geometry(elements, folded, r);
      const int first = frame_of(r, 1, 0), last = frame_of(r, 1, lines - 1);
      if (lines <= 6) CHECK_FALSE((first == 2 && last == 3));
      parted_long += lines > 6 && first == 2 && last == 3;
      parted_in_side += first != last && first < 2;
      const FlowResult b = flow(elements, booklet);
      parted_in_booklet += frame_of(b, 1, 0) == 2 && frame_of(b, 1, lines - 1) == 3;
    }
  CHECK(parted_in_side > 0);
  CHECK(parted_long > 0);
  CHECK(parted_in_booklet > 0);
  // A heading and the paragraph under it that leads in to a list ("Exercises", "Do these exercises
  // three or four times a day…", then the exercises): the paragraph's last two lines went over the
  // turn with the list (the lead-in rule); now heading, paragraph and the list's start go together.
  int moved = 0;
  for (std::size_t filler = 1; filler <= 29; ++filler) {
    Element lead_in = para(4, 0, 10);
    lead_in.leads_in = true;
    const std::vector<Element> elements{para(filler, 0, 10), heading(), lead_in, para(2), para(2)};
    const FlowResult r = flow(elements, folded);
    INFO("filler " << filler << "\n" << dump(r));
    check_geometry(elements, folded, r);
    const int h = frame_of(r, 1, 0);
    if (h == 2 || h == 3) {
      CHECK(frame_of(r, 2, 0) == h);
      CHECK(frame_of(r, 2, 3) == h);
      CHECK(frame_of(r, 3, 0) == h);
    }
    moved += h == 3 && frame_of(r, 0, filler - 1) == 2;
  }
  CHECK(moved > 0);
  // A lead-in ending on a colon and the short paragraph or item it introduces (a reviewer's
  // repro: the paragraph, not fitting whole, went overleaf and left the lead-in alone at the foot
  // of the side): they go over the turn together, or stay together.
  for (const std::size_t lead_lines : {2, 3, 5})
    for (const std::size_t next_lines : {4, 5, 6})
      for (std::size_t filler = 10; filler <= 29; ++filler) {
        Element lead_in = para(lead_lines);
        lead_in.leads_in = lead_in.introduces = true;
        const std::vector<Element> elements{para(filler, 0, 10), lead_in, para(next_lines, 0, 10), para(3)};
        const FlowResult r = flow(elements, folded);
        INFO("filler " << filler << ", lead-in " << lead_lines << ", next " << next_lines << "\n" << dump(r));
        check_geometry(elements, folded, r);
        const int end = frame_of(r, 1, lead_lines - 1), start = frame_of(r, 2, 0);
        CHECK_FALSE((end == 2 && start == 3));
      }
}

// A two-sided handout (one panel of two columns a side) is turned over as a leaflet is: a patient
// who reads the front stops at its foot. Reviewers found "aspirin 100 mg 每天一 | 次，或 clopidogrel
// 75 mg" and "atorvastatin | 40 mg" parted there. A short paragraph no longer parts between the
// front's second column and the back's first; between the columns of one side it parts as before.
TEST_CASE("panel_flow: a short paragraph does not part across a two-sided handout's turn", "[layout]") {
  std::vector<Frame> handout;
  for (int i = 0; i < 4; ++i)
    handout.push_back(Frame{.page = i / 2, .x = 100.0 * (i % 2), .top = 500, .bottom = 400, .panel = i / 2});
  CHECK(side_turns(handout) == std::vector<bool>{false, true, false, false});
  int parted_in_side = 0, kept = 0;
  for (std::size_t lines = 2; lines <= 6; ++lines)
    for (std::size_t filler = 1; filler <= 19; ++filler) {
      const std::vector<Element> elements{para(filler, 0, 10), para(lines, 0, 10), para(4)};
      const FlowResult r = flow(elements, handout);
      INFO("filler " << filler << ", paragraph " << lines << "\n" << dump(r));
      check_geometry(elements, handout, r);
      const int first = frame_of(r, 1, 0), last = frame_of(r, 1, lines - 1);
      CHECK_FALSE((first == 1 && last == 2));
      kept += first == 2 && frame_of(r, 0, filler - 1) == 1;
      parted_in_side += first == 0 && last == 1;
    }
  CHECK(kept > 0);
  CHECK(parted_in_side > 0);
}

// A table of four tall rows (a drug table, eight lines a row) moved whole to a handout's second
// column and left the first 45 % empty: it parts, its header repeated (three and one where three
// fit: a row of eight lines is no widow). Four rows of a line each still move on whole (parted,
// they read as two small tables).
TEST_CASE("panel_flow: a table of four tall rows parts rather than leave half a column empty", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> fr = grid_frames(100);  // 40 lines a frame
  const auto table_of = [](Pt row) {
    Element t;
    t.keep_together = true;
    t.repeat_lines = 1;
    t.lines.push_back(FlowLine{20, 16});
    for (int i = 0; i < 4; ++i) t.lines.push_back(FlowLine{row, 16});
    return t;
  };
  const std::vector<Element> tall{on_grid(para(12, 0, 10)), table_of(80)};
  const FlowResult parted = flow(tall, fr);
  INFO(dump(parted));
  check_geometry(tall, fr, parted);
  CHECK(parted.parted_tables == 1);
  CHECK(frame_of(parted, 1, 0) == 0);
  CHECK(frame_of(parted, 1, 3) == 0);  // three rows fit: a tall last row goes on alone
  CHECK(frame_of(parted, 1, 4) == 1);
  CHECK(parted.repeats[1].size() == 1);
  const std::vector<Element> small{on_grid(para(32, 0, 10)), table_of(15)};
  const FlowResult whole = flow(small, fr);
  INFO(dump(whole));
  CHECK(whole.parted_tables == 0);
  CHECK(frame_of(whole, 1, 0) == 1);
}

// A reviewer's asthma zones, three rows of five to eight lines, moved whole to a tri-fold's
// second panel and left the first 45 % empty. Three tall rows part too.
TEST_CASE("panel_flow: a table of three tall rows parts rather than leave half a panel empty", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> fr = grid_frames(100);  // 40 lines a frame
  const auto table_of = [](int rows, Pt row) {
    Element t;
    t.keep_together = true;
    t.repeat_lines = 1;
    t.lines.push_back(FlowLine{20, 16});
    for (int i = 0; i < rows; ++i) t.lines.push_back(FlowLine{row, 16});
    return t;
  };
  // 12 lines of text, then 28 lines of room: the header (2) and two rows of 10 lines fit, not three.
  const std::vector<Element> three{on_grid(para(12, 0, 10)), table_of(3, 100)};
  const FlowResult parted = flow(three, fr);
  INFO(dump(parted));
  check_geometry(three, fr, parted);
  CHECK(parted.parted_tables == 1);
  CHECK(frame_of(parted, 1, 2) == 0);
  CHECK(frame_of(parted, 1, 3) == 1);
  CHECK(parted.repeats[1].size() == 1);
  // Three rows of two and a half lines each still move on whole.
  const std::vector<Element> small{on_grid(para(33, 0, 10)), table_of(3, 25)};  // 7 lines left, 9.5 asked
  const FlowResult whole = flow(small, fr);
  INFO(dump(whole));
  CHECK(whole.parted_tables == 0);
}

// A heading and a short paragraph that announces a table or a picture without a colon ("下表为
// 一般情况下的复查安排，具体以医生的建议为准。"): a z-fold's side ended on them, the table overleaf.
// At a side's turn they go over with it (or all three stay); not without a heading above them.
TEST_CASE("panel_flow: a heading and its short paragraph go over a side's turn with the table after them",
          "[layout]") {
  const std::vector<Frame> folded = folded_sides();
  Element table;
  table.keep_together = true;
  table.repeat_lines = 1;
  for (int i = 0; i < 4; ++i) table.lines.push_back(FlowLine{kHeight, kAscent});
  int together = 0, alone = 0;
  for (std::size_t filler = 20; filler <= 29; ++filler) {
    const std::vector<Element> elements{para(filler, 0, 10), heading(), para(2, 0, 10), table, para(3)};
    const FlowResult r = flow(elements, folded);
    INFO("filler " << filler << "\n" << dump(r));
    check_geometry(elements, folded, r);
    const int h = frame_of(r, 1, 0), p = frame_of(r, 2, 1), t = frame_of(r, 3, 0);
    CHECK_FALSE((h == 2 && t == 3));
    if (t == 3) CHECK((h == 3 && p == 3));
    together += h == 3 && t == 3 && frame_of(r, 0, filler - 1) == 2;
    // Without the heading the paragraph is not a section's start: it stays where it fits.
    const std::vector<Element> bare{para(filler, 0, 10), para(2, 0, 10), table, para(3)};
    const FlowResult b = flow(bare, folded);
    alone += frame_of(b, 1, 0) == 2 && frame_of(b, 2, 0) == 3;
  }
  CHECK(together > 0);
  CHECK(alone > 0);
  // A longer paragraph parts at the turn, but keeps three lines with its heading there (two
  // elsewhere): "Semaglutide (Ozempic)" and two lines ended a z-fold's inside.
  int kept = 0;
  for (std::size_t filler = 21; filler <= 29; ++filler) {
    const std::vector<Element> elements{para(filler, 0, 10), heading(), para(9, 0, 10), para(3)};
    const FlowResult r = flow(elements, folded);
    INFO("filler " << filler << "\n" << dump(r));
    check_geometry(elements, folded, r);
    const int h = frame_of(r, 1, 0);
    if (h == 2) CHECK(frame_of(r, 2, 2) == 2);
    kept += h == 3 && frame_of(r, 0, filler - 1) == 2;
  }
  CHECK(kept > 0);
}

// Above a table that parts, a heading or a lead-in stays with it: the choice to part is made at
// the heading, where the room is measured, and kept at the table (measured again under the
// heading, less than six lines were left, and the table moved on alone, leaving the heading at
// the frame's foot). And the frame before a parted table ends on a row, as designed: feathering
// opens no gap there as it does where a sentence runs on.
TEST_CASE("panel_flow: a parted table keeps its heading or lead-in, and feathering leaves its frame",
          "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> fr = grid_frames(300);
  Element table;
  table.keep_together = true;
  table.repeat_lines = 1;
  for (int i = 0; i < 9; ++i) table.lines.push_back(FlowLine{20, 16, true});
  Element head = heading(1, 10, 0);
  head.heading_level = 2;
  Element lead_in = on_grid(para(3, 0, 10));
  lead_in.leads_in = true;
  for (const Element& above : {head, lead_in}) {
    const std::vector<Element> elements{on_grid(para(5, 0, 10)), on_grid(para(2, 0, 10)), above, table};
    FlowResult r = flow(elements, fr);
    INFO((above.leads_in ? "lead-in" : "heading") << "\n" << dump(r));
    check_geometry(elements, fr, r);
    REQUIRE(r.parted_tables == 1);
    CHECK(frame_of(r, 2, 0) == 0);
    CHECK(frame_of(r, 3, 0) == 0);  // the table starts under it
    CHECK(frame_of(r, 3, 2) == 0);
    const FlowResult before = r;
    leafpress::layout::feather(elements, fr, r);
    for (std::size_t e = 0; e < 3; ++e)
      for (std::size_t l = 0; l < r.placements[e].size(); ++l)
        CHECK(near(r.placements[e][l].baseline, before.placements[e][l].baseline));
  }
}

// Not over a turn of the sheet (the next panel overleaf, a booklet's next leaf, a handout's other
// side: "8–15 kg" on one page, "16–25 kg" overleaf), nor a table of fewer than five rows (parted
// 2 and 2, it read as two small tables): those move on whole. Onto a booklet's facing page, it
// parts.
TEST_CASE("panel_flow: a table does not part over a turn of the sheet, nor when it is short", "[layout]") {
  using namespace leafpress::layout;
  const std::vector<Frame> folded = folded_sides();
  std::vector<Frame> overleaf = folded;  // one panel a page, each page the back of the one before
  for (int i = 0; i < 5; ++i) overleaf[static_cast<std::size_t>(i)].page = i;
  std::vector<Frame> facing = overleaf;  // the third frame's page faces the fourth's
  facing[2].faces_next = true;
  const auto table_of = [](int rows) {
    Element t;
    t.keep_together = true;
    t.repeat_lines = 1;
    for (int i = 0; i <= rows; ++i) t.lines.push_back(FlowLine{kHeight, kAscent});
    return t;
  };
  // 23 lines of text: three in the third frame, the last of the side, 70 pt left under them.
  const std::vector<Element> long_table{para(20, 0, 10), para(3), table_of(8)};
  for (const std::vector<Frame>* frames : std::array<const std::vector<Frame>*, 2>{&folded, &overleaf}) {
    const FlowResult turned = flow(long_table, *frames);
    INFO(dump(turned));
    CHECK(frame_of(turned, 2, 0) == 3);
    CHECK(turned.repeats[2].empty());
  }
  const FlowResult in_booklet = flow(long_table, facing);
  INFO(dump(in_booklet));
  CHECK(frame_of(in_booklet, 2, 0) == 2);
  CHECK(in_booklet.repeats[2].size() == 1);
  for (const int rows : {3, 4}) {
    const std::vector<Element> short_table{para(20, 0, 10), para(3), table_of(rows)};
    const FlowResult kept = flow(short_table, facing);
    INFO(rows << " rows\n" << dump(kept));
    CHECK(kept.repeats[2].empty());
    CHECK(frame_of(kept, 2, 0) == frame_of(kept, 2, static_cast<std::size_t>(rows)));
  }
}
