// layout/copy_fit.hpp: the body size, leading and spacing that fill the leaflet.
//
// The layout gives a size range [body_size_min, body_size] (a fixed size when
// they are equal) and a leading range. copy_fit composes the article at the
// smallest size, takes the first page plan it fits in (a handout's one side
// before two, a booklet's fewest pages) — with `fewer_sides_min`, the first it fits
// at that size, when any, and the search starts there — then searches the range in kStep steps
// for the largest size that still fits that plan at the tightest rhythm on the
// grid: a first guess from how full the frames are at the smallest size (text
// area grows with the square of the size), one step up from it, then bisection;
// when a fitting trial's frames are full, the next step up is tried first (it is
// usually the answer's upper bound). Usually 3 or 4 compositions, each linear in
// the article; never more than log2(steps) + 4 (+ 1 with fewer_sides_min).
//
// Then the slack between that size and the panels' height is spread as a
// designer would (rhythm.hpp), without composing again: more space above
// sections (0 to 2 whole lines), then a looser leading, in steps, keeping the
// rhythm that brings the text furthest into the last panel with the least
// change. Full frames are feathered (panel_flow.hpp: their foot room spread over
// their gaps, in whole lines), and with `balance` (handouts), the last page's
// columns are made even (as LaTeX multicol does) instead of loosening the rhythm:
// a handout's white foot is by design.
// An article that does not fit on the grid even at the smallest size and
// tightest leading is set off the grid, paragraphs `paragraph_spacing` apart, at
// the largest size that holds it there (the same search).
// Output: the chosen size, rhythm, plan, composed blocks, frames and where every
// line goes; or, when nothing fits at the smallest size, the trial that
// overflows the largest plan (the caller names the section and the lines left over).
#pragma once

#include <functional>

#include "layout/blocks.hpp"
#include "layout/rhythm.hpp"
#include "layout/sheet_plan.hpp"

namespace leafpress::layout {

constexpr Pt kStep = 0.25;  // copy-fit sizes are whole quarter points

struct FitRange {
  Pt smallest = 10, largest = 10;  // body sizes
  double leading_min = 1.45, leading = 1.45, leading_max = 1.45;
  double paragraph_spacing = 0.45;  // body lines, off the grid
  // Extra lines above sections, at most. Two (a heading some three blank lines below the text
  // before it, mid-panel) read as a hole to both reviewers of six fresh articles ("おうちでのケア"
  // pushed down its panel, "Seven days before" mid-page): the rest of the room stays at the foot.
  int section_lines_max = 1;
  bool balance = false;             // even the last page's columns
  // > 0: a plan with fewer sides is taken only where the article fits it at this size or larger;
  // below it, the next plan (a handout's second side), if the article fits that one at it.
  Pt fewer_sides_min = 0;
};

struct Trial {
  Collection collection;
  Rhythm rhythm;
  PagePlan plan;
  std::vector<Frame> frames;
  FlowResult flowed;
  [[nodiscard]] bool fits() const { return !flowed.overflow_element; }
};

// compose(size) sets the article at one size; frames(plan, collection) gives the frames of a plan
// (copy_fit sets their grid).
using ComposeAt = std::function<Result<Collection>(Pt)>;
using FramesFor = std::function<std::vector<Frame>(const PagePlan&, const Collection&)>;

Result<Trial> copy_fit(const FitRange& range, const std::vector<PagePlan>& plans, const ComposeAt& compose,
                       const FramesFor& frames);

// The last frame that holds a line (-1: none), and how full a frame is (its used height over its
// height).
int last_frame(const FlowResult& flowed);
double frame_fill(const Trial& t, int frame);

// The frames used (holding at least one line) and their panels, for the "fills N of M" warning.
struct Usage {
  int panels = 0, panels_used = 0;
};
Usage usage(const Trial& t);

}  // namespace leafpress::layout
