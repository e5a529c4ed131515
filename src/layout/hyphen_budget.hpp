// layout/hyphen_budget.hpp: at most one body line in ten ends in a hyphen.
//
// Knuth–Plass weighs each paragraph alone: it breaks a word wherever that keeps the word
// spaces of its lines under 0.58 em (text/paragraph.cpp, kHyphenTolerance), which is
// right for a narrow column but, over a whole article on a wide measure, may hyphenate
// more lines than a reader should meet: the seed at 9 pt in the A5 booklet (37-em lines)
// had one line in nine. A typographer then goes back over the article and sets again
// the paragraphs where a hyphen buys least, letting their spaces open a little more.
//
// This step does so once the flow is known. When more than kMaxHyphenShare of the body's
// lines end in an inserted hyphen, each paragraph with one is composed again with
// text::ComposeOptions::fewer_hyphens (a word broken only where no set of lines keeps
// every space within 0.78 em), with as many lines as before (so nothing else moves) and
// no hyphen on a line that ends a column, panel or page (column_ends.hpp). A new setting
// is a candidate only when it
//   - ends fewer lines in a hyphen, a compound's own ("5- | aminolevulinic") counted too,
//     so that one is not traded for the other;
//   - opens no space past kTolerance (0.78 em) and sets no line beside another two fitness
//     classes away (TeX's \adjdemerits: a tight or even line next to a very loose one,
//     0.22 em above 0.68 em, reads worse than the hyphen it saves).
// Candidates are taken by the badness they add (100·|r|³ a line) per hyphen saved, least
// first, until the article is within its budget, as long as no more than kMaxLooseShare of
// its lines have spaces past 0.55 em (r > kLooseRatio): the hyphens must not become holes.
// If the budget cannot be met so, nothing is set again: at that measure the text needs its
// hyphens, and loosening some paragraphs would cost their evenness for no gain; the setting
// changes instead (body_setting.hpp: ragged, or a smaller size).
// Ragged text counts too: it takes a hyphen where a line would end more than 4.3 em short
// (text/paragraph.cpp, kRaggedStretchEm), which in a narrow column of long words ("echocar- |
// diographic", "postoperat- | ively" in a tri-fold's 19-em panels) was one line in seven. Set
// again with fewer hyphens, it breaks a word only where a line would end 6.5 em short; a
// re-set is a candidate when no line but the last ends more than kMaxRaggedShortShare of the
// measure short (a notch that deep reads as a paragraph's end), weighed by the same badness
// of how short its lines end. Its lines are neither loose nor tight: the two rules on spaces
// do not apply.
#pragma once

#include <cstddef>

#include "layout/blocks.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

// Hyphenated lines, as a share of the body's lines, an article may have (issue 11's bar).
constexpr double kMaxHyphenShare = 0.10;
// Lines whose spaces open past 0.55 em (r = kLooseRatio) the re-set may leave, as a share.
constexpr double kMaxLooseShare = 0.05;
constexpr double kLooseRatio = text::kLooseTolerance;
// The deepest a ragged line but a paragraph's last may end short after a re-set, as a share
// of its measure.
constexpr double kMaxRaggedShortShare = 0.3;

// Returns the number of paragraphs set again.
std::size_t ration_hyphens(Collection& collection, const FlowResult& flowed);

// The opposite trade, once the hyphens are within budget: where more than kMaxLooseShare of
// the body's lines open their spaces past 0.55 em, each justified paragraph with such a line is
// composed again with text::ComposeOptions::fewer_loose_lines (a word broken wherever that
// keeps its spaces within 0.55 em), with as many lines as before and no hyphen at a column's
// end. A setting with fewer loose lines, none looser than the loosest before, none overfull and
// no more lines two fitness classes apart is a candidate; candidates are taken by the hyphens
// they add per loose line saved, fewest first, while the hyphens stay within budget. TeX weighs
// a hyphen against one paragraph's spaces; over an article with hyphens to spare, a 0.57-em
// line is the worse of the two (the cataract sheet in the A5 booklet: 3 lines of 40 past
// 0.55 em and no hyphen; now `Do not take more than the recom- | mended dose.`).
// Returns the number of paragraphs set again.
std::size_t ration_loose_lines(Collection& collection, const FlowResult& flowed);

// What an article's body lines spend of the two budgets above: lines ending in an inserted
// hyphen, and justified lines with spaces past 0.55 em, of how many lines.
struct BudgetCount {
  std::size_t hyphens = 0, loose = 0, lines = 0;
  // Lines that end a column, panel or page in a hyphen or inside a word all the same
  // (column_ends.hpp broken_column_ends): settle_body tries a smaller size for them.
  std::size_t broken_ends = 0;
  [[nodiscard]] bool hyphens_within() const { return hyphens <= allowed(kMaxHyphenShare); }
  [[nodiscard]] bool within() const { return hyphens_within() && loose <= allowed(kMaxLooseShare); }
  // A smaller share of lines ending in a hyphen than `other`'s.
  [[nodiscard]] bool fewer_hyphens_than(const BudgetCount& other) const {
    return hyphens * other.lines < other.hyphens * lines;
  }
  [[nodiscard]] std::size_t allowed(double share) const;
};
BudgetCount count_budget(const Collection& collection);

}  // namespace leafpress::layout
