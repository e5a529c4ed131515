#include "layout/copy_fit.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace leafpress::layout {
namespace {

constexpr double kGuessShare =
    0.97;  // the first guess aims a little low: a fit is kept, a miss is thrown away
constexpr double kLeadingStep = 0.025;
// What a rhythm costs in looks, against what it gains in fill: a line above sections reads as
// design, a looser leading less so, a leading under the layout's own least of all.
constexpr double kSectionCost = 0.3, kLooserCost = 10, kTighterCost = 20;
constexpr int kFillBuckets = 20;  // fill of the last frame counts in 5 % steps
// A dose is not read in two halves where the sheet is turned (panel_flow.hpp side_turns), but the
// keep yields where the text would not fit: at the largest size that fits, three reviewers' tri-folds
// still parted "at least another | 1 L" and a drug's warning over the turn. A size this many
// quarter points smaller is taken where the keeps hold there, never the layout's smallest size:
// the seed's bi-fold, kept at any price, went to 9 pt.
constexpr int kTurnKeepSteps = 2;

std::vector<Element> elements_of(const Collection& c) {
  std::vector<Element> out;
  out.reserve(c.blocks.size());
  for (const auto& b : c.blocks) out.push_back(b.element);
  return out;
}

void set_grid(std::vector<Frame>& frames, Pt body, const Rhythm& r) {
  for (auto& f : frames) {
    f.pitch = r.grid ? body * r.leading : 0;
    f.grid_top = f.panel_top - body * kLineAscent;
  }
}

struct Flowed {
  std::vector<Frame> frames;
  FlowResult flowed;
};

// `part_tables`: a table may part rather than leave a hole (panel_flow.hpp). Not while the size,
// the plan and the rhythm are chosen: they are chosen as for tables kept whole, and a table
// parts only in the flow of what was chosen. Else parting bought a looser leading where the
// table fitted whole at the tighter one (a reviewer's tri-fold: 6 rows parted 4 + 2).
Flowed flow_with(Collection& c, const Rhythm& r, const PagePlan& plan, const FramesFor& frames,
                 bool part_tables = false) {
  apply_rhythm(c, r);
  Flowed out;
  out.frames = frames(plan, c);
  set_grid(out.frames, c.body, r);
  out.flowed = flow(elements_of(c), out.frames, part_tables);
  return out;
}

Trial make_trial(Collection c, const Rhythm& r, const PagePlan& plan, const FramesFor& frames,
                 bool part_tables = false) {
  Flowed f = flow_with(c, r, plan, frames, part_tables);
  Trial t;
  t.frames = std::move(f.frames);
  t.flowed = std::move(f.flowed);
  t.plan = plan;
  t.rhythm = r;
  t.collection = std::move(c);
  return t;
}

// How far into the frames the text reaches: the last frame used, and how full it is.
double reach(const Flowed& f) {
  const int last = last_frame(f.flowed);
  if (last < 0) return 0;
  const Frame& fr = f.frames[static_cast<std::size_t>(last)];
  const double fill = f.flowed.frame_fill[static_cast<std::size_t>(last)] / std::max(1.0, fr.top - fr.bottom);
  return last * 1000.0 + std::floor(std::min(fill, 1.0) * kFillBuckets) * 10;
}

// The rhythm that carries the text furthest into the frames, the least changed among equals.
Rhythm loosest_fit(Collection& c, const FitRange& range, const PagePlan& plan, const FramesFor& frames) {
  Rhythm best{range.leading_min, 1, 0, true};
  double best_score = -1e18;
  const int leading_steps =
      static_cast<int>(std::floor((range.leading_max - range.leading_min) / kLeadingStep + 1e-6));
  // A looser leading or more space above sections only takes more room: past the first rhythm
  // that overflows, the looser ones of that row (and, at the tightest leading, the rows below) are
  // not flowed.
  for (int section = 0; section <= range.section_lines_max; ++section)
    for (int step = 0; step <= leading_steps; ++step) {
      const Rhythm r{range.leading_min + step * kLeadingStep, 1, static_cast<double>(section), true};
      const Flowed f = flow_with(c, r, plan, frames);
      if (f.flowed.overflow_element) {
        if (step == 0) section = range.section_lines_max;
        break;
      }
      const double cost = section * kSectionCost + std::max(0.0, r.leading - range.leading) * kLooserCost +
                          std::max(0.0, range.leading - r.leading) * kTighterCost;
      const double score = reach(f) - cost;
      if (score > best_score + 1e-9) best_score = score, best = r;
    }
  return best;
}

// Evens the columns of the last page (LaTeX multicol's balancing): the lowest foot for the
// page's columns at which everything still fits, in grid lines.
// Returns the page balanced, or -1.
int balance_last_page(Trial& t) {
  const int last = last_frame(t.flowed);
  if (last < 0) return -1;
  const Frame lf = t.frames[static_cast<std::size_t>(last)];  // a copy: t.frames is replaced below
  std::vector<std::size_t> columns;
  for (std::size_t f = 0; f < t.frames.size(); ++f)
    if (t.frames[f].page == lf.page && t.frames[f].panel == lf.panel) columns.push_back(f);
  if (columns.size() < 2) return -1;
  const Pt step = lf.pitch > 0 ? lf.pitch : t.collection.body;
  Pt room = 1e9;
  for (const std::size_t f : columns) room = std::min(room, t.frames[f].top - t.frames[f].bottom);
  const std::vector<Element> elements = elements_of(t.collection);
  auto raised = [&](int k) {
    std::vector<Frame> frames = t.frames;
    for (const std::size_t f : columns) frames[f].bottom += k * step;
    return frames;
  };
  // Balancing moves lines between the last page's columns and nothing else. A foot that sends a
  // line to another page is too high: a paragraph the keeps at the turn had moved overleaf with
  // its heading (panel_flow.hpp), sent back where the shorter column could not hold it (a
  // Japanese handout's "下の表は…" at page 1's foot, its table overleaf), or a page's text sent
  // on to the next when the last page was the first. So is one that spreads a block kept
  // together (a picture, a call-out box, a short list, a short table) over more columns than it
  // took: a 4-row table whole in one column was parted 2 and 2. A table long enough to part
  // between columns (panel_flow.hpp table_may_part) may, as flow parts it, and one that runs on
  // may move where it parts (a code review: a 30-row table stayed 25 rows and 5).
  const auto same_pages = [&](const FlowResult& f) {
    std::map<int, std::set<int>> before_cols, after_cols;  // per block kept together: its columns
    for (std::size_t e = 0; e < elements.size(); ++e) {
      const auto& before = t.flowed.placements[e];
      const auto& after = f.placements[e];
      if (after.size() != before.size()) return false;
      const Element& el = elements[e];
      const bool kept = el.group >= 0 || (el.keep_together && !table_may_part(el, lf.pitch));
      const int block = el.group >= 0 ? el.group : -1 - static_cast<int>(e);  // groups count from 0
      for (std::size_t l = 0; l < after.size(); ++l) {
        if (t.frames[static_cast<std::size_t>(after[l].frame)].page !=
            t.frames[static_cast<std::size_t>(before[l].frame)].page)
          return false;
        if (kept) before_cols[block].insert(before[l].frame), after_cols[block].insert(after[l].frame);
      }
    }
    for (const auto& [block, cols] : after_cols)
      if (cols.size() > before_cols[block].size()) return false;
    // Nor may a heading come to end a column where what it heads starts the next: a foot raised to a
    // Korean handout's last heading sent its three lines to column 2 and left "문의" alone, and
    // one raised to just under a heading sent its 22-row table, which the lower column fitted
    // whole, to the top of column 2. Flow keeps a heading with the lines under it only where
    // the two fit an empty column together (panel_flow.hpp kept_span), and a raised column is
    // short.
    const auto alone = [](const FlowResult& r, std::size_t e) {
      return !r.placements[e].empty() && !r.placements[e + 1].empty() &&
             r.placements[e].back().frame != r.placements[e + 1].front().frame;
    };
    for (std::size_t e = 0; e + 1 < elements.size(); ++e)
      if (elements[e].keep_with_next && alone(f, e) && !alone(t.flowed, e)) return false;
    return true;
  };
  int lo = 0, hi = static_cast<int>(std::floor(room / step));  // fits at lo; hi: too high
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    // Too high, too, where a table that was whole parts to make the columns even.
    const FlowResult f = flow(elements, raised(mid));
    if (f.overflow_element || f.parted_tables > t.flowed.parted_tables || !same_pages(f))
      hi = mid;
    else
      lo = mid;
  }
  if (lo > 0) {
    t.frames = raised(lo);
    t.flowed = flow(elements, t.frames);
  }
  return lf.page;
}

}  // namespace

Result<Trial> copy_fit(const FitRange& range, const std::vector<PagePlan>& plans, const ComposeAt& compose,
                       const FramesFor& frames) {
  const Rhythm tight{range.leading_min, 1, 0, true};
  const Rhythm off_grid{range.leading_min, range.paragraph_spacing, 0, false};
  auto at_min = compose(range.smallest);
  if (!at_min) return at_min.error();
  // The first plan the article fits at the smallest size on the grid; else off it; or the
  // overflow of the largest.
  Rhythm rhythm = tight;
  std::size_t p = 0;
  bool found = false;
  for (const Rhythm& r : {tight, off_grid}) {
    for (p = 0; p < plans.size(); ++p)
      if (!flow_with(*at_min, r, plans[p], frames).flowed.overflow_element) break;
    if (p < plans.size()) {
      rhythm = r, found = true;
      break;
    }
  }
  if (!found) return make_trial(std::move(*at_min), off_grid, plans.back(), frames);
  // A handout's one side at 9 pt is no saving to a patient who cannot read it: where a plan
  // with more sides holds the article at fewer_sides_min and this one does not, take that one.
  // The trial at that size, when the plan taken holds it, is where the search for a larger
  // size starts (no composition twice).
  const int steps = static_cast<int>(std::floor((range.largest - range.smallest) / kStep + 1e-6));
  int lo = 0;
  std::optional<Trial> readable_trial;
  // The first step at or above fewer_sides_min (the steps count from `smallest`, which need not
  // be a whole quarter point).
  const int readable_step =
      static_cast<int>(std::ceil((range.fewer_sides_min - range.smallest) / kStep - 1e-6));
  if (rhythm.grid && readable_step > 0 && readable_step <= steps && p + 1 < plans.size()) {
    auto at_readable = compose(range.smallest + readable_step * kStep);
    if (!at_readable) return at_readable.error();
    const auto fits_readable = [&](std::size_t q) {
      return !flow_with(*at_readable, rhythm, plans[q], frames).flowed.overflow_element;
    };
    std::size_t q = p;
    while (q < plans.size() && !fits_readable(q)) ++q;
    if (q < plans.size()) {
      p = q;
      lo = readable_step;
      readable_trial = make_trial(std::move(*at_readable), rhythm, plans[p], frames);
    }
  }
  Trial best =
      readable_trial ? std::move(*readable_trial) : make_trial(std::move(*at_min), rhythm, plans[p], frames);
  const int lowest = lo;  // the least step this plan may take

  auto trial = [&](int step) -> Result<Trial> {
    auto c = compose(range.smallest + step * kStep);
    if (!c) return c.error();
    return make_trial(std::move(*c), rhythm, plans[p], frames);
  };
  // A guess from a trial that fits: text area grows with the square of the size, so the size
  // that fills the frames is about size × sqrt(room / used); a little under it, for keep rules.
  auto guess_from = [&](const Trial& t) {
    Pt used = 0, room = 0;
    for (std::size_t f = 0; f < t.frames.size(); ++f) {
      used += t.flowed.frame_fill[f];
      room += t.frames[f].top - t.frames[f].bottom;
    }
    const double size = used > 0 ? t.collection.body * std::sqrt(room / used) * kGuessShare : range.largest;
    return static_cast<int>(std::floor((size - range.smallest) / kStep + 1e-6));
  };
  // Off the grid too: an article that fits no size's grid still takes the largest size that holds
  // it (a reviewer's warfarin bi-fold was set at 9 pt, the smallest, where 9.25 pt fitted).
  if (steps > lo) {
    int hi = steps + 1;  // fits at lo; hi: does not fit (steps + 1: not tried)
    int probe = std::clamp(guess_from(best), lo + 1, steps);
    int gap = 1;  // doubles while guesses keep fitting, so that a poor guess costs log2(steps) trials at most
    bool trust = true;  // the guess has not yet been wrong about a full frame set
    while (hi - lo > 1) {
      auto t = trial(probe);
      if (!t) return t.error();
      if (t->fits()) {
        lo = probe;
        const int next = guess_from(*t);
        best = std::move(*t);
        if (next <= lo && trust) {
          // The frames are full at this size: most often the next step up is the one that does
          // not fit, and one trial settles it (a jump of `gap` would cost two).
          probe = lo + 1;
          trust = false;  // if it fits after all, jump as before
        } else {
          probe = std::clamp(std::max(next, lo + gap), lo + 1, hi - 1);  // the guess again, or further up
          gap *= 2;
        }
      } else {
        hi = probe;
        probe = (lo + hi) / 2;
      }
    }
  }
  // The rhythm the text is set in at a trial's size (below): the loosest that fits on the grid.
  const auto final_rhythm = [&](Trial& t) {
    return rhythm.grid && !range.balance ? loosest_fit(t.collection, range, t.plan, frames) : t.rhythm;
  };
  // The keeps at the turns, for at most kTurnKeepSteps quarter points: a size is taken where they
  // hold in the rhythm it will be set in, as the same size given with --set body.size is set.
  std::optional<Rhythm> chosen;
  if (best.flowed.turn_keeps_dropped && best.fits())
    for (int back = 1; back <= kTurnKeepSteps && lo - back >= std::max(lowest, 1); ++back) {
      auto t = trial(lo - back);
      if (!t) return t.error();
      if (!t->fits() || t->flowed.turn_keeps_dropped) continue;
      const Rhythm r = final_rhythm(*t);
      const Flowed set = flow_with(t->collection, r, t->plan, frames);
      if (!set.flowed.overflow_element && !set.flowed.turn_keeps_dropped) {
        best = std::move(*t);
        chosen = r;
        break;
      }
    }
  // The slack at this size: spread it (rhythm.hpp), then feather full frames and balance.
  // A page whose columns are balanced needs no fill: its foot is white by design.
  // The final flow, where a table may part rather than leave a hole.
  if (!chosen) chosen = final_rhythm(best);
  best = make_trial(std::move(best.collection), *chosen, best.plan, frames, true);
  const int balanced = range.balance ? balance_last_page(best) : -1;
  // Feathering opens gaps only in a frame that ends in mid-paragraph (panel_flow.hpp): the
  // rhythm's lines above sections are the same in every column.
  feather(elements_of(best.collection), best.frames, best.flowed, balanced);
  return best;
}

int last_frame(const FlowResult& flowed) {
  int last = -1;
  for (const auto& lines : flowed.placements)
    for (const auto& p : lines) last = std::max(last, p.frame);
  return last;
}

double frame_fill(const Trial& t, int frame) {
  const auto f = static_cast<std::size_t>(frame);
  return t.flowed.frame_fill[f] / std::max(1.0, t.frames[f].top - t.frames[f].bottom);
}

Usage usage(const Trial& t) {
  std::set<int> panels, used;
  for (const auto& f : t.frames) panels.insert(f.panel);
  for (const auto& lines : t.flowed.placements)
    for (const auto& p : lines) used.insert(t.frames[static_cast<std::size_t>(p.frame)].panel);
  return Usage{static_cast<int>(panels.size()), static_cast<int>(used.size())};
}

}  // namespace leafpress::layout
