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
// no hyphen on a line that ends a column, panel or page (column_ends.hpp). The new
// settings are taken loosest-line-last, the least loose first, until the article is
// within its budget; a paragraph that cannot lose a hyphen that way keeps its lines.
// A compound's own hyphen ("long-term") is no inserted hyphen and is not counted.
#pragma once

#include <cstddef>

#include "layout/blocks.hpp"

namespace leafpress::layout {

// Hyphenated lines, as a share of the body's lines, an article may have (issue 11's bar;
// Bringhurst 2.4.9 asks for few, and never more than 3 in a row, which the breaker keeps
// to 2).
constexpr double kMaxHyphenShare = 0.10;

// Returns the number of paragraphs set again.
std::size_t ration_hyphens(Collection& collection, const FlowResult& flowed);

}  // namespace leafpress::layout
