#include "layout/copy_fit.hpp"

#include <algorithm>
#include <cmath>

namespace leafpress::layout {
namespace {

constexpr double kGuessShare =
    0.97;  // the first guess aims a little low: a fit is kept, a miss is thrown away

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
  auto trial = [&](int step) -> Result<Trial> {
    auto c = compose(smallest + step * kStep);
    if (!c) return c.error();
    return flow_into(std::move(*c), plans[p], frames);
  };
  // A guess from a trial that fits: text area grows with the square of the size, so the size
  // that fills the frames is about size × sqrt(room / used); a little under it, for keep rules.
  auto guess_from = [&](const Trial& t) {
    Pt used = 0, room = 0;
    for (std::size_t f = 0; f < t.frames.size(); ++f) {
      used += t.flowed.frame_fill[f];
      room += t.frames[f].top - t.frames[f].bottom;
    }
    const double size = used > 0 ? t.collection.body * std::sqrt(room / used) * kGuessShare : largest;
    return static_cast<int>(std::floor((size - smallest) / kStep + 1e-6));
  };
  int lo = 0, hi = steps + 1;  // fits at lo; hi: does not fit (steps + 1: not tried)
  int probe = std::clamp(guess_from(best), 1, steps);
  int gap = 1;  // doubles while guesses keep fitting, so that a poor guess costs log2(steps) trials at most
  while (hi - lo > 1) {
    auto t = trial(probe);
    if (!t) return t.error();
    if (t->fits()) {
      lo = probe;
      const int next = guess_from(*t);
      best = std::move(*t);
      probe = std::clamp(std::max(next, lo + gap), lo + 1, hi - 1);  // the guess again, or further up
      gap *= 2;
    } else {
      hi = probe;
      probe = (lo + hi) / 2;
    }
  }
  return best;
}

}  // namespace leafpress::layout
