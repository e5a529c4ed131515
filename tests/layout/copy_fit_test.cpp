// Tests for layout/copy_fit.cpp: synthetic articles whose length grows with the
// size (so the answer is known), then the real seed article.
#include <catch2/catch.hpp>

#include <cmath>

#include "layout/copy_fit.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::Pt;
using leafpress::layout::Collection;
using leafpress::layout::copy_fit;
using leafpress::layout::Frame;
using leafpress::layout::PagePlan;

namespace {

// An article of `words` words in 10 paragraphs: at size s, a line holds 600/s words and is s × 1.5 tall.
// Frames are 500 pt tall, `frames_per_page` of them per page.
struct Synthetic {
  double words = 2000;
  int frames_per_page = 3;
  int compositions = 0;

  Collection compose(Pt size) {
    ++compositions;
    Collection c;
    c.body = size;
    c.column = 200;
    const int per_line = static_cast<int>(600 / size);
    for (int p = 0; p < 10; ++p) {
      leafpress::layout::Collected b;
      const int lines = static_cast<int>(std::ceil(words / 10 / per_line));
      for (int i = 0; i < lines; ++i) b.element.lines.push_back({size * 1.5, size});
      c.blocks.push_back(b);
    }
    return c;
  }
  std::vector<Frame> frames(const PagePlan& plan) const {
    std::vector<Frame> out;
    for (std::size_t page = 0; page < plan.sides.size(); ++page)
      for (int f = 0; f < frames_per_page; ++f)
        out.push_back(Frame{static_cast<int>(page), f * 250.0, 500, 0});
    return out;
  }
  leafpress::Result<leafpress::layout::Trial> fit(Pt lo, Pt hi, const std::vector<PagePlan>& plans) {
    return copy_fit(
        lo, hi, plans, [&](Pt s) -> leafpress::Result<Collection> { return compose(s); },
        [&](const PagePlan& p, const Collection&) { return frames(p); });
  }
};

const std::vector<PagePlan> kOnePage = {PagePlan{{0}, 0, 0, false}};

// The largest size in quarter points at which `s` fits, found by trying every one.
Pt by_hand(Synthetic s, Pt lo, Pt hi, const std::vector<PagePlan>& plans) {
  Pt best = 0;
  for (Pt size = lo; size <= hi + 1e-9; size += 0.25) {
    auto t = s.fit(size, size, plans);
    REQUIRE(t.has_value());
    if (t->fits()) best = size;
  }
  return best;
}

}  // namespace

TEST_CASE("copy_fit: picks the largest quarter-point size that fits, in a few compositions", "[layout]") {
  for (const double words : {1500.0, 2000.0, 2600.0, 3100.0}) {
    INFO(words << " words");
    Synthetic s;
    s.words = words;
    const Pt want = by_hand(s, 8, 14, kOnePage);
    REQUIRE(want > 0);
    auto t = s.fit(8, 14, kOnePage);
    REQUIRE(t.has_value());
    CHECK(t->fits());
    CHECK(t->collection.body == want);
    CHECK(std::fmod(t->collection.body * 4, 1) == 0);
    CHECK(s.compositions <= 2 + 5);  // the smallest, then at most log2(24 steps) + 1 more
  }
}

TEST_CASE("copy_fit: a short article takes the largest size, a fixed size is tried once", "[layout]") {
  Synthetic s;
  s.words = 100;
  auto t = s.fit(9, 12, kOnePage);
  REQUIRE(t.has_value());
  CHECK(t->collection.body == 12);
  Synthetic fixed;
  auto f = fixed.fit(10, 10, kOnePage);
  REQUIRE(f.has_value());
  CHECK(f->collection.body == 10);
  CHECK(fixed.compositions == 1);
}

TEST_CASE("copy_fit: too long at the smallest size gives the overflowing trial", "[layout]") {
  Synthetic s;
  s.words = 20000;
  auto t = s.fit(9, 12, kOnePage);
  REQUIRE(t.has_value());
  CHECK_FALSE(t->fits());
  CHECK(t->collection.body == 9);
  CHECK(t->flowed.lines_left > 0);
}

TEST_CASE("copy_fit: the first plan that fits at the smallest size, then the largest size in it",
          "[layout]") {
  const std::vector<PagePlan> plans = {PagePlan{{0}, 0, 0, false}, PagePlan{{0, 0}, 0, 1, false},
                                       PagePlan{{0, 0, 0}, 0, 2, false}};
  Synthetic s;
  s.words = 10000;  // more than one page holds at 9 pt, less than two
  auto t = s.fit(9, 12, plans);
  REQUIRE(t.has_value());
  CHECK(t->fits());
  CHECK(t->plan.sides.size() == 2);
  CHECK(t->collection.body == by_hand(s, 9, 12, {plans[1]}));
}

TEST_CASE("copy_fit: the seed tri-fold is set above 9 pt and a size larger does not fit", "[layout]") {
  const auto text =
      leafpress::test::read_bytes(std::string(LEAFPRESS_SOURCE_DIR) + "/content/stem-cell-therapy.md");
  auto t = leafpress::test::shipped_layout("trifold-a4");
  auto m = leafpress::test::lay_out_text(text, t, "seed.md");
  if (!m) FAIL(m.error().describe());
  CHECK(m->body_size > 9);
  CHECK(m->body_size <= 12);
  t.body_size = t.body_size_min = m->body_size + 0.25;
  CHECK_FALSE(leafpress::test::lay_out_text(text, t, "seed.md").has_value());
}
