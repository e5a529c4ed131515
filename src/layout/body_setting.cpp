#include "layout/body_setting.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "layout/column_ends.hpp"

namespace leafpress::layout {
namespace {

// Which of the scene's alignment switches a setting turns on (styles.hpp).
enum class Variant { AsIs, ByMeasure, TightRag, Ragged, RaggedTight };

Scene scene_of(const Scene& s, Variant v) {
  Scene out = s;
  out.by_measure = v == Variant::ByMeasure;
  out.tight_rag = v == Variant::TightRag || v == Variant::RaggedTight;
  out.ragged_for_budget = v == Variant::Ragged || v == Variant::RaggedTight;
  return out;
}

constexpr std::size_t kNoFit = std::numeric_limits<std::size_t>::max();

std::size_t sides(const Result<Trial>& t) {
  return t && t->fits() ? t->plan.sides.size() : kNoFit;
}

// A smaller body takes less room, and copy-fit's looser rhythm may not take it up: the text can
// stop a panel short or leave the last one nearly empty (a tri-fold's back panel with two lines,
// or none). A size that does is no better than its hyphens. Each frame the text filled (to
// kFullFrame) stays so, within a line, where it ends mid-section (a paragraph runs on, or the
// next frame opens with another paragraph or list item): a panel that stops short there reads
// as a misprint. A frame whose next one opens with a heading, a box or a list (ends_with_block)
// may end shorter, as a page does at a section's end, and, like the last frame, holds at least
// three quarters of what it held. The pharmacology sheet in the A4 tri-fold: at 11.75 pt its
// flap ends four lines short before the next section's heading, which keeps with its list, and
// 10 of 107 lines are hyphenated; at 12.5 pt, 18 of 117.
constexpr double kFullFrame = 0.9;
constexpr double kShorterFrameKept = 0.75;

// Whether frame f's text ends where a section or a block ends: no block runs on from it into a
// later frame, and the first block after it is a heading, a kept block (a box, a table, a
// picture) or the start of a list. A panel that ends between two paragraphs of a section, or
// between two items of a list, ends mid-section, however the flow parted them.
bool ends_with_block(const Trial& t, int f) {
  const auto next = element_after(t.flowed, f);
  const auto& blocks = t.collection.blocks;
  if (!next || next->runs_on || next->element >= blocks.size()) return false;
  const std::size_t e = next->element;
  const Element& el = blocks[e].element;
  const bool new_group = el.group >= 0 && (e == 0 || blocks[e - 1].element.group != el.group);
  return el.heading_level > 0 || el.keep_together || new_group;
}

bool fills_as_well(const Trial& smaller, const Trial& before) {
  const int last = last_frame(before.flowed);
  if (smaller.frames.size() != before.frames.size() || last_frame(smaller.flowed) != last) return false;
  for (int f = 0; f < last; ++f) {
    const Frame& fr = before.frames[static_cast<std::size_t>(f)];
    const double line = fr.pitch / std::max(1.0, fr.top - fr.bottom);  // a grid line, as a share
    const double filled = std::min(frame_fill(before, f), kFullFrame);
    const double least = ends_with_block(smaller, f) ? kShorterFrameKept * filled : filled - line;
    if (frame_fill(smaller, f) < least - 1e-9) return false;
  }
  return last < 0 || frame_fill(smaller, last) >= kShorterFrameKept * frame_fill(before, last);
}

}  // namespace

BudgetCount settle_hyphens(Trial& t) {
  end_turns_at_sentences(t.collection, t.flowed, t.frames);
  unhyphenate_column_ends(t.collection, t.flowed);
  ration_hyphens(t.collection, t.flowed);
  ration_loose_lines(t.collection, t.flowed);
  BudgetCount out = count_budget(t.collection);
  out.broken_ends = broken_column_ends(t.collection, t.flowed);
  return out;
}

BodySetting settle_body(const Scene& s, Trial first, const FitRange& range, Pt smallest_column,
                        std::size_t fewest_sides, const FitScene& fit) {
  Variant variant = Variant::AsIs;
  Trial trial = std::move(first);
  const auto try_variant = [&](Variant v, const FitRange& r) { return fit(scene_of(s, v), r); };

  // 1. Paper: the word rules' rag on no more pages than justified lines take.
  if (trial.plan.sides.size() > fewest_sides && aligned_by_words(s, smallest_column, range.smallest)) {
    auto tight = try_variant(Variant::TightRag, range);
    // Justified lines cannot take fewer pages than the fewest.
    Result<Trial> justified = Error{};
    if (sides(tight) > fewest_sides) justified = try_variant(Variant::ByMeasure, range);
    const std::size_t least = std::min({sides(justified), sides(tight), trial.plan.sides.size()});
    if (least < trial.plan.sides.size()) {
      const bool rag = sides(tight) == least;
      variant = rag ? Variant::TightRag : Variant::ByMeasure;
      trial = std::move(rag ? *tight : *justified);
    }
  }

  // 2. The budgets: a justified Latin-led article that overspends is set ragged, on no more
  // pages and no more than kMaxHyphenSizeSteps smaller.
  const Pt fitted = trial.collection.body;
  Pt floor = std::max(range.smallest, fitted - kMaxHyphenSizeSteps * kStep);
  // Copy-fit kept a handout to one side only at a readable size (copy_fit.hpp fewer_sides_min):
  // the budgets shrink it no further.
  if (range.fewer_sides_min > 0 && trial.plan.sides.size() == fewest_sides)
    floor = std::max(floor, std::min(range.fewer_sides_min, fitted));
  BudgetCount budget = settle_hyphens(trial);
  if (!budget.within() && variant == Variant::AsIs && s.t.body_align == BodyAlign::Auto &&
      s.mix.latin_share > kLatinLedShare &&
      body_align(s, trial.collection.column, trial.collection.body) == text::Align::Justify) {
    for (const Variant v : {Variant::Ragged, Variant::RaggedTight}) {
      auto ragged = try_variant(v, range);
      if (sides(ragged) > trial.plan.sides.size() || ragged->collection.body < floor - 1e-6) continue;
      const BudgetCount spent = settle_hyphens(*ragged);
      if (spent.within() || spent.fewer_hyphens_than(budget)) {
        variant = v;
        trial = std::move(*ragged);
        budget = spent;
      }
      break;
    }
  }

  // 3. Size: a quarter point smaller at a time while the hyphens overspend, or a line ends a
  // column in a hyphen that no re-setting in as many lines could avoid (a reviewer's handout:
  // "…a family his- | tory" across its columns at 11.25 pt), down to the floor. A size is taken
  // when its hyphens are within the budget and it leaves fewer such lines, or as many where the
  // hyphens overspent.
  const Pt ends_floor = std::max(floor, fitted - kMaxBrokenEndSizeSteps * kStep);
  for (Pt size = trial.collection.body - kStep;
       size > floor - 1e-6 &&
       (!budget.hyphens_within() || (budget.broken_ends > 0 && size > ends_floor - 1e-6));
       size -= kStep) {
    FitRange one = range;
    one.smallest = one.largest = size;
    auto smaller = try_variant(variant, one);
    if (sides(smaller) != trial.plan.sides.size() || !fills_as_well(*smaller, trial)) continue;
    if (const BudgetCount spent = settle_hyphens(*smaller);
        spent.hyphens_within() && (spent.broken_ends < budget.broken_ends ||
                                   (!budget.hyphens_within() && spent.broken_ends <= budget.broken_ends))) {
      trial = std::move(*smaller);
      budget = spent;
    }
  }
  return BodySetting{scene_of(s, variant), std::move(trial), budget};
}

}  // namespace leafpress::layout
