// layout/body_setting.hpp: how the body is set in the end (justified or ragged, the depth of
// the rag, the size), once copy-fit has found the largest size that fills the fewest pages
// (a handout: the fewest at which its body is readable, copy_fit.hpp fewer_sides_min).
//
// Copy-fit (copy_fit.hpp) and the word rules (styles.hpp: an English article of long words,
// or in a narrow column, is set ragged) give a first setting. A typographer then looks at
// it again, and so does this step, in order:
//   1. Paper. Ragged lines take a little more room than justified ones; where the word rules'
//      rag carries a booklet or a handout onto more pages, the rag is tightened
//      (kTightRagEm: fuller lines, a long word broken a little sooner), and only where that
//      still takes more pages than justified lines is the text justified by the measure
//      alone, on the pages it fitted before those rules. The neuro-oncology sheet in the A5
//      booklet: ragged, 8 pages at 14 pt (copy-fitted to the next booklet); tightened, 4 pages
//      at 10 pt, where justified it had 12 of 55 lines hyphenated and its word spaces at
//      0.68 em (p95).
//   2. The budgets (hyphen_budget.hpp): at most one body line in ten ends in a hyphen, and at
//      most one justified line in twenty opens its spaces past 0.55 em. No hyphen is left at a
//      column's end, then paragraphs are set again to ration hyphens. Where a justified
//      Latin-led article still spends more, its words are too long for its measure: it is
//      set ragged (the usual rag, else the tight one), if that takes no more pages, is no more
//      than 2 pt smaller, and keeps within budget or hyphenates fewer lines. (The cataract
//      sheet in the A5 booklet stays justified: ragged, it needs 8 pages, either rag.)
//   3. Size. Where the hyphens are still over budget, the body is set a quarter point smaller
//      at a time, down to kMaxHyphenSizeSteps under the size step 1 left (never under the
//      layout's smallest size), and the largest size whose hyphens keep within budget on the
//      same pages, filling them as well (fills_as_well: no panel the text filled stops more
//      than a line shorter mid-section, none before a heading, a box or a list loses more than
//      a quarter, the last one not emptied), is taken. The cardiothoracic sheet (words of 10
//      letters and more) in the tri-fold's 17-em panels: 14 of 105 lines hyphenated at 14 pt,
//      10 of 100 at 13.25 pt.
// Each trial is a whole copy_fit; an article that keeps its pages and budgets takes none.
#pragma once

#include <functional>
#include <vector>

#include "layout/copy_fit.hpp"
#include "layout/hyphen_budget.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

// A quarter point at a time (copy_fit.hpp's kStep), the body may be set this many steps (2 pt)
// smaller to keep its hyphens within budget.
constexpr int kMaxHyphenSizeSteps = 8;
// ... and a point at most for a line that ends a column in a hyphen or inside a word where no
// re-setting in as many lines avoids it (hyphen_budget.hpp BudgetCount::broken_ends).
constexpr int kMaxBrokenEndSizeSteps = 4;

// Copy-fits the article as `scene` sets it, within `range`.
using FitScene = std::function<Result<Trial>(const Scene& scene, const FitRange& range)>;

struct BodySetting {
  Scene scene;  // as the body was set: s, or s with by_measure, tight_rag or ragged_for_budget
  Trial trial;  // its hyphens at column ends taken out and rationed
  BudgetCount budget;
};

// `first`: copy-fit's trial of `s` in `range`, which fits; `smallest_column`: the column at the
// range's smallest size; `fewest_sides`: the sides of the smallest page plan.
BodySetting settle_body(const Scene& s, Trial first, const FitRange& range, Pt smallest_column,
                        std::size_t fewest_sides, const FitScene& fit);

// No hyphen on the last line of a column (column_ends.hpp), the hyphens rationed
// (hyphen_budget.hpp), where the flow put them: what the body spends then.
BudgetCount settle_hyphens(Trial& t);

}  // namespace leafpress::layout
