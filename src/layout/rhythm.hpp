// layout/rhythm.hpp: the vertical rhythm of a collection: line pitch and spacing.
//
// Composition (blocks.hpp) fixes each block's lines at one body size; the
// rhythm fixes how far apart they stand, so copy-fit can try many rhythms on
// one composition without composing again. On the grid (the default):
//   - body lines are `leading` × body apart and sit on the baseline grid;
//   - paragraphs are `paragraph_lines` whole lines apart (the items of one
//     list stand tight: the list ends with the paragraph space);
//   - a heading has half a line above it (plus `section_lines` whole lines
//     above a level 1 or 2 heading, half as many above a deeper one) and
//     0.3 of its size below; panel_flow rounds heading + spacing up to whole
//     body lines, so the text under it returns to the grid;
//   - a call-out box (consecutive quoted blocks), a list of at most
//     kShortListLines lines and the notes after the article, as few, form a group
//     that panel_flow keeps together.
// Off the grid (the tight fallback for an article that does not fit on it),
// paragraphs are `paragraph_lines` apart, not rounded, and quotes take 0.6 em
// above and below.
#pragma once

#include "layout/blocks.hpp"

namespace leafpress::layout {

constexpr std::size_t kShortListLines = 8;  // a list this short is never split

struct Rhythm {
  double leading = 1.45;       // body line pitch, in multiples of the body size
  double paragraph_lines = 1;  // space between paragraphs, in body lines
  double section_lines = 0;    // extra space above a section heading, in whole body lines
  bool grid = true;            // body lines on the baseline grid
  bool operator==(const Rhythm&) const = default;
};

// Sets every element's line heights, spacing and groups for `r`.
void apply_rhythm(Collection& c, const Rhythm& r);

}  // namespace leafpress::layout
