// Tests for layout/sheet_plan.cpp: page plans and column frames of the shipped layouts.
#include <catch2/catch.hpp>

#include "layout/sheet_plan.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::make_frames;
using leafpress::layout::page_plans;
using leafpress::test::near;
using leafpress::test::shipped_layout;

TEST_CASE("sheet_plan: a tri-fold has one plan: both sides, cover on the outside, clinic on the back",
          "[layout]") {
  const auto t = shipped_layout("trifold-a4");
  const auto plans = page_plans(t);
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].sides == std::vector<int>{0, 1});
  CHECK(plans[0].cover_page == 0);
  CHECK(plans[0].back_page == 0);
  CHECK_FALSE(plans[0].footer);
  const auto frames = make_frames(t, plans[0], mm(80), 0, mm(30));
  REQUIRE(frames.size() == 5);  // inside-1, 2, 3, flap, back
  CHECK(frames[0].page == 1);
  CHECK(frames[3].page == 0);
  CHECK(frames[4].bottom - frames[3].bottom == Approx(mm(30)));  // the back panel stops above the clinic
  for (const auto& f : frames) CHECK_FALSE(f.faces_next);        // each side turns to the other
}

TEST_CASE("sheet_plan: a handout tries one side, then two, two columns a gutter apart", "[layout]") {
  const auto t = shipped_layout("handout-a4");
  const auto plans = page_plans(t);
  REQUIRE(plans.size() == 2);
  CHECK(plans[0].sides == std::vector<int>{0});
  CHECK(plans[1].sides == std::vector<int>{0, 1});
  CHECK(plans[0].footer);
  CHECK(plans[1].back_page == 1);
  const Pt column = leafpress::layout::column_width(t, 10, false);
  const auto frames = make_frames(t, plans[1], column, mm(40), mm(20));
  REQUIRE(frames.size() == 4);
  CHECK(near(frames[1].x - frames[0].x, column + t.gutter));
  CHECK(frames[0].panel == frames[1].panel);
  CHECK(frames[2].panel != frames[1].panel);
  CHECK(frames[2].top - frames[0].top == Approx(mm(40)));        // the header on page 1 only
  CHECK_FALSE(frames[1].faces_next);                             // page 2 is overleaf
  CHECK(frames[2].bottom - frames[0].bottom == Approx(mm(20)));  // the footer on the last page only
}

TEST_CASE("sheet_plan: a booklet grows four pages at a time up to kMaxPages", "[layout]") {
  const auto t = shipped_layout("booklet-a5");
  const auto plans = page_plans(t);
  REQUIRE(plans.size() == leafpress::layout::kMaxPages / 4);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    CHECK(plans[i].sides.size() == 4 * (i + 1));
    CHECK(plans[i].cover_page == 0);
    CHECK(plans[i].back_page == static_cast<int>(plans[i].sides.size()) - 1);
  }
  const auto frames = make_frames(t, plans[1], mm(100), 0, 0);
  REQUIRE(frames.size() == 6);  // pages 2 to 7
  CHECK(frames.front().page == 1);
  CHECK(frames.back().page == 6);
  // Pages 2 and 3 face each other, then 4 and 5, 6 and 7: a table may go on from 2 to 3, not
  // from 3 to 4, which is overleaf.
  for (const auto& f : frames) CHECK(f.faces_next == (f.page % 2 == 1));
}

TEST_CASE("sheet_plan: columns keep the safe margin from every fold and edge", "[layout]") {
  for (const char* name :
       {"trifold-a4", "trifold-letter", "zfold-a4", "bifold-a4", "handout-a4", "handout-letter"}) {
    INFO(name);
    const auto t = shipped_layout(name);
    const auto plan = page_plans(t).back();
    for (const bool cjk : {false, true}) {
      const Pt column = leafpress::layout::column_width(t, 12, cjk);
      const Pt room = t.mark_offset + t.mark_length + mm(3);  // trim's left edge on the page
      for (const auto& f : make_frames(t, plan, column, 0, 0)) {
        const auto& side = t.sides[static_cast<std::size_t>(plan.sides[static_cast<std::size_t>(f.page)])];
        for (const auto& p : side.panels) {
          const Pt x0 = room + p.x, x1 = x0 + p.width;
          if (f.x + column <= x0 || f.x >= x1) continue;  // another panel
          CHECK(f.x >= x0 + t.safe_margin);
          CHECK(f.x + column <= x1 - t.safe_margin);
        }
      }
    }
  }
}

TEST_CASE("sheet_plan: a wider panel margin narrows the column of every flow panel", "[layout]") {
  auto t = shipped_layout("trifold-a4");
  const Pt before = leafpress::layout::column_width(t, 10, false);
  t.sides[1].panels[1].margin = mm(15);     // inside-2
  CHECK(before == Approx(mm(97 - 2 * 8)));  // the 97 mm panels with 8 mm margins
  CHECK(leafpress::layout::column_width(t, 10, false) == Approx(mm(100 - 2 * 15)));
}
