// layout/copy_fit.hpp: the largest body size at which the whole article fits.
//
// The layout gives a range [body_size_min, body_size] (a fixed size when they
// are equal). copy_fit composes the article at the smallest size, takes the
// first page plan it fits in (a handout's one side before two, a booklet's
// fewest pages), then searches the range in kStep steps for the largest size
// that still fits that plan: a first guess from how full the frames are at the
// smallest size (text area grows with the square of the size), one step up
// from it, then bisection. Usually 3 or 4 compositions, each linear in the
// article; never more than log2(steps) + 3. Headings, captions and leading scale with the size (blocks.hpp).
// Output: the chosen size, plan, composed blocks, frames and where every line
// goes; or, when nothing fits at the smallest size, the trial that overflows
// the largest plan (the caller names the section and the lines left over).
#pragma once

#include <functional>

#include "layout/blocks.hpp"
#include "layout/sheet_plan.hpp"

namespace leafpress::layout {

constexpr Pt kStep = 0.25;  // copy-fit sizes are whole quarter points

struct Trial {
  Collection collection;
  PagePlan plan;
  std::vector<Frame> frames;
  FlowResult flowed;
  [[nodiscard]] bool fits() const { return !flowed.overflow_element; }
};

// compose(size) sets the article at one size; frames(plan, collection) gives the frames of a plan.
using ComposeAt = std::function<Result<Collection>(Pt)>;
using FramesFor = std::function<std::vector<Frame>(const PagePlan&, const Collection&)>;

Result<Trial> copy_fit(Pt smallest, Pt largest, const std::vector<PagePlan>& plans, const ComposeAt& compose,
                       const FramesFor& frames);

}  // namespace leafpress::layout
