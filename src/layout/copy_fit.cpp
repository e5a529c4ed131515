#include "layout/copy_fit.hpp"

#include <cmath>

namespace leafpress::layout {
namespace {

std::vector<Element> elements_of(const Collection& c) {
  std::vector<Element> out;
  out.reserve(c.blocks.size());
  for (const auto& b : c.blocks) out.push_back(b.element);
  return out;
}

Trial flow_into(Collection c, const PagePlan& plan, const FramesFor& frames) {
  Trial t;
  t.frames = frames(plan, c);
  t.flowed = flow(elements_of(c), t.frames);
  t.plan = plan;
  t.collection = std::move(c);
  return t;
}

}  // namespace

Result<Trial> copy_fit(Pt smallest, Pt largest, const std::vector<PagePlan>& plans, const ComposeAt& compose,
                       const FramesFor& frames) {
  auto at_min = compose(smallest);
  if (!at_min) return at_min.error();
  // The first plan the article fits at the smallest size; or the overflow of the largest.
  std::size_t p = 0;
  std::vector<Element> elements = elements_of(*at_min);
  for (; p + 1 < plans.size(); ++p)
    if (!flow(elements, frames(plans[p], *at_min)).overflow_element) break;
  Trial best = flow_into(std::move(*at_min), plans[p], frames);
  if (!best.fits()) return best;

  const int steps = static_cast<int>(std::floor((largest - smallest) / kStep + 1e-6));
  if (steps <= 0) return best;
  auto size_at = [&](int step) { return smallest + step * kStep; };
  auto trial = [&](int step) -> Result<Trial> {
    auto c = compose(size_at(step));
    if (!c) return c.error();
    return flow_into(std::move(*c), plans[p], frames);
  };
  auto top = trial(steps);
  if (!top) return top.error();
  if (top->fits()) return std::move(*top);
  int lo = 0, hi = steps;  // fits at lo, not at hi
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    auto t = trial(mid);
    if (!t) return t.error();
    if (t->fits())
      lo = mid, best = std::move(*t);
    else
      hi = mid;
  }
  return best;
}

}  // namespace leafpress::layout
