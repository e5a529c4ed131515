// text/knuth_plass.hpp: total-fit line breaking.
//
// Chooses, among the legal breaks of an item list, the set that minimises the
// sum of demerits over the whole paragraph (Knuth & Plass 1981, as in TeX):
//   badness     100·|r|³ where r is the line's adjustment ratio, at most kInfiniteBadness
//   demerits    (line_penalty + badness)² ± penalty², plus extra for two flagged
//               (hyphen) breaks in a row and for a tight line next to a loose one
//               (fitness classes), plus a final-hyphen cost.
// The caller runs it with a tolerance (largest allowed r); when no break set
// fits, it returns nothing and the caller tries a larger tolerance, then the
// first-fit breaker, which never fails.
// Input: items ending with Glue{Fill} + a forced Penalty; every forced break is
// preceded by a Glue{Fill} and at least one Box since the break before it
// (build_items adds an empty Box for a blank line). The breaker sees only
// items and widths, never fonts, so tests use fixed-width fakes.
// Cost: linear in the item count times the number of active breaks, which the
// tolerance keeps small.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "text/items.hpp"

namespace leafpress::text {

// The badness of a line that cannot be worse (TeX's inf_bad).
constexpr double kInfiniteBadness = 10000;

// At most this many lines in a row may end with a hyphen (a hard limit, not only demerits).
constexpr int kMaxHyphensInARow = 2;

struct KnuthPlassParams {
  double tolerance = 2.0;               // largest adjustment ratio r a line may have
  double line_penalty = 10;             // TeX \linepenalty
  double flagged_demerits = 10000;      // two hyphenated lines in a row (TeX \doublehyphendemerits)
  double fitness_demerits = 10000;      // adjacent lines of very different tightness (plain TeX's
                                        // \adjdemerits)
  double final_hyphen_demerits = 5000;  // the second-last line hyphenated (\finalhyphendemerits)
  Pt background_stretch = 0;            // emergency stretch added to every line (TeX \emergencystretch)
  // > 0: ragged-right lines, as TeX's \raggedright (\rightskip=0pt plus 2em): glue neither
  // stretches nor shrinks, and a line may fall short of the measure by this at r = 1, so the
  // breaker evens the rag and weighs it against hyphens.
  Pt ragged_stretch = 0;
  // > 0: expandable boxes (Box::expandable) may widen or narrow by this share of their width,
  // pdfTeX's font expansion (microtype's stretch=20, shrink=20 is 0.02): counted in a line's
  // stretch and shrink with its glue, one ratio for both, and never past r = 1 (as a tie).
  double expansion = 0;
  bool discretionary = true;  // false: no break at a flagged penalty that adds width (an
                              // inserted hyphen); TeX's first pass, before hyphenating
  // > 0: a line looser than this ratio (one no break can fill, in a last pass at any
  // tolerance) costs the demerits of a line at this ratio times (1 + s²), s the width it is
  // short beyond it in em. TeX caps badness at kInfiniteBadness instead, where a line of three
  // characters costs no more than a full one a little loose ("腋下温 | 度达到 37.3℃…");
  // the cube uncapped spread what no break can avoid over three lines 3 em short each, and
  // a cost linear in s put it all on one line 7 em short, read as a paragraph's end. Such a
  // line is taken whatever `tolerance` says, a line without glue too.
  double soft_tolerance = 0;
  // > 0 (under soft_tolerance): the ratio the line's glue really opens to (it is capped there and
  // the line ends short). Past it a line costs what a line at this ratio does plus what
  // soft_line_demerits adds for the width it ends short. Korean spaces stop at half an em
  // (r = 1, KLREQ): weighed from 0.78 em, a line 1.6 em short counted as 0.9 em, and lines up to
  // 0.7 em short by their badness alone, so short lines stayed cheaper than any break between
  // syllables.
  double soft_open_ratio = 0;
  Pt em = 10;                                // the paragraph's size, for soft_tolerance
  double max_break_cost = kInfinitePenalty;  // breaks at penalties costing this or more are not taken
                                             // (a first pass without Korean syllable breaks)
  // The same for breaks inside a word (Penalty::in_word) alone: a Korean particle parted from its
  // word waits for the passes that weigh how short a line ends, where its cost means something.
  double max_in_word_cost = kInfinitePenalty;
  std::vector<int> no_flagged_lines;  // 0-based lines that may not end at a flagged or in-word break (a
                                      // column's last line: layout asks for it)
  int exact_lines = 0;     // > 0: only break sets of exactly this many lines (layout has placed them;
                           // TeX's \looseness, held at a count)
  Pt short_last_line = 0;  // a last line narrower than this (one character alone,
  double short_last_line_demerits = 0;  // CLReq's 孤字) costs these demerits
  // So does a last line that starts after a break at an item index greater than this: the
  // caller knows which items hold characters ("休 | 診。" is 2 em wide in Traditional
  // Chinese, whose stops keep their full width, yet one character alone).
  std::size_t lone_tail_after = std::numeric_limits<std::size_t>::max();
  // > 0: what such a last line costs instead, when it is dearer than a narrow one (Korean: the
  // tail of a word split between syllables, "있습 | 니다.").
  double lone_tail_demerits = 0;
  // > 0: what a break at a Penalty::fills costs on top where the line it ends is weighed (past
  // soft_open_ratio) and ends more than unfilled_split_slack short: a word parted to fill a line
  // that it does not fill.
  double unfilled_split_demerits = 0;
  Pt unfilled_split_slack = 0;
};

// Item indices where lines end (the last one is the final forced break), or
// nullopt when no break set keeps every line within the tolerance.
// The demerits of a line `short_em` em shorter than soft_tolerance can fill (before any
// penalty): what a line past the soft tolerance costs, and the measure a caller prices
// other faults in (a 孤字 "as bad as a line 2 em short").
double soft_line_demerits(const KnuthPlassParams& params, double short_em);

// TeX's fitness class of a line at adjustment ratio r (The TeXbook, ch. 14): 0 tight (r < -0.5),
// 1 decent, 2 loose (r ≤ 1), 3 very loose. Lines next to each other two classes apart read
// unevenly (fitness_demerits, TeX's \adjdemerits).
int fitness_class(double r);

std::optional<std::vector<std::size_t>> knuth_plass(std::span<const Item> items, Pt line_width,
                                                    const KnuthPlassParams& params);

// First fit: fills each line as far as it goes. Never fails; a box wider than
// the line stands alone on an overfull line. Used for ragged text and as the last resort.
std::vector<std::size_t> first_fit(std::span<const Item> items, Pt line_width);

}  // namespace leafpress::text
