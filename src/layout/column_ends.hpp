// layout/column_ends.hpp: no hyphen on the last line of a column, panel or page.
//
// A reader who turns a fold or a page, or moves to the next column, must not carry half
// a word across (the typographer's rule that TeX's \brokenpenalty approximates). Only
// the flow knows where columns end, so after it this step composes again each paragraph
// whose line ends a frame with a hyphen (inserted, or a compound's own: "medication- |
// overuse" across a fold reads as badly) or inside a Korean word (KLREQ's break between
// syllables shows no hyphen: "보습 | 제는" across a panel reads as two words), asking
// text::compose for no such break at those
// lines. The new lines replace the old only when their count is the same (then every
// line keeps its place and nothing else moves) and none of them runs past the measure
// (a word or an address that only its hyphen let fit). Otherwise the paragraph stays as it was.
#pragma once

#include <vector>

#include "layout/blocks.hpp"

namespace leafpress::layout {

// The 0-based lines of block `b` after which the text goes on in another frame (column,
// panel or page), its own last line included when the next block starts a frame.
std::vector<int> lines_ending_frames(const FlowResult& flowed, std::size_t b);

// Returns the number of paragraphs set again.
std::size_t unhyphenate_column_ends(Collection& collection, const FlowResult& flowed);

// The lines that still end a frame in a hyphen or inside a word, where no re-setting in as many
// lines avoided it: body_setting tries a smaller size for them.
std::size_t broken_column_ends(const Collection& collection, const FlowResult& flowed);

// At the turn of a sheet's side (side_turns: a folded leaflet's or a handout's), a paragraph that
// goes on overleaf ends the side's last line at a sentence's end where one ends inside that line:
// set as a paragraph's last line (short), the next sentence starting overleaf, in as many lines
// (text::ComposeOptions::sentence_end_line). A reader turns the sheet between sentences: reviewers
// found "…20 mg once a day for three days for | a child aged two to five" and "こども医療電話相 |
// 談" across a z-fold's and a tri-fold's turn. The paragraph keeps the request when it is set
// again later (hyphen budgets). Returns the number of paragraphs set again.
std::size_t end_turns_at_sentences(Collection& collection, const FlowResult& flowed,
                                   const std::vector<Frame>& frames);

}  // namespace leafpress::layout
