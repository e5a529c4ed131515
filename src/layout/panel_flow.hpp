// layout/panel_flow.hpp: stack lines into panels, top to bottom, panel after panel.
//
// An Element is a block already composed into lines (a heading, a paragraph,
// a list item). flow() places elements in the given column frames in order:
//   - space before an element is dropped at the top of a frame;
//   - a line marked on_grid (body text) sits on the frame's baseline grid: its
//     baseline moves down to the next grid line (grid_top - k × pitch), so body
//     lines of every panel and column stand in register whatever came above
//     them; the grid starts at the panel's top, not at a header's foot;
//   - a heading sits right above the grid line of the text it introduces: the
//     room a grid line adds goes above the heading, never between it and its text,
//     at the top of a frame too (the heading drops less than a line below the other
//     panels' first lines rather than leave its text a grid line lower);
//   - a heading keeps with the first two lines of what follows (never ends a frame);
//   - an element that keeps together (a picture and its caption, a table) and a
//     group of elements (a call-out box, a short list: the same `group`) is never
//     split unless it is taller than a whole frame; an element that is starts where
//     it is when its first repeat_lines + 2 lines fit (a table's header and two rows);
//   - so does a table of five rows or more (three, when its rows stand three grid lines tall on
//     average; its last row then may go on alone, under the header, if it is that tall), outside
//     a group, where moving it on whole would
//     leave six grid lines or more empty at the frame's foot, when the next frame is on the
//     same page or the facing one (Frame::faces_next), never overleaf;
//   - an element with repeat_lines (a table's header row) that goes on in another frame
//     has those lines placed again at the top of that frame (FlowResult::repeats);
//   - an element that asks for a new panel starts at the top of the next frame
//     (the next panel, or the next column of a handout), unless nothing is above it;
//   - a paragraph leaves no single first line at the foot of a frame (orphan)
//     and carries no single last line to the next (widow) when it can avoid it;
//   - in a folded leaflet or a two-sided handout, a paragraph of up to six lines, with the headings
//     above it and the start of the list it leads in to (or, under headings, the
//     table or picture it stands before), does not part across the turn of a side
//     (the last frame of a page of several panels), and a heading keeps three lines
//     of a longer one with it there, where the text still fits all the frames so.
// Output: for each element line, the frame and baseline where it goes; or the
// index of the first element line that found no room.
//
// feather() then spreads what a frame whose last paragraph runs on has left at its foot
// over the gaps between its sections and paragraphs, in whole grid lines (vertical
// justification that keeps the grid), so that it ends on its neighbours' line.
#pragma once

#include <optional>
#include <vector>

#include "core/units.hpp"

namespace leafpress::layout {

struct Frame {  // a column in a panel; y grows upward, top > bottom
  int page = 0;
  Pt x = 0, top = 0, bottom = 0;
  int panel = 0;     // frames with the same number are columns of one panel (for proofs and tests)
  Pt grid_top = 0;   // the baseline of the grid's first line (the panel's first body line)
  Pt pitch = 0;      // the grid's line pitch; 0: no grid
  Pt panel_top = 0;  // the top of the panel's text area, before a header took its share
  // The next frame is on the page that faces this one (a booklet's left page, then its right):
  // the reader sees both at once. Any other change of page is a turn of the sheet.
  bool faces_next = false;
  // A booklet's page: text runs on overleaf as in any book, and no turn keeps a paragraph whole.
  bool book_page = false;
};

struct FlowLine {
  Pt height = 0;         // baseline-to-baseline distance to the previous line
  Pt ascent = 0;         // how far the line rises above its baseline (first line of a frame)
  bool on_grid = false;  // body text: the baseline snaps to the frame's grid
};

struct Element {
  std::vector<FlowLine> lines;
  Pt space_before = 0, space_after = 0;
  bool keep_with_next = false;   // headings
  bool keep_together = false;    // pictures with their captions, tables
  bool new_panel = false;        // start at the top of the next panel
  int group = -1;                // consecutive elements with one group (>= 0) keep together
  int heading_level = 0;         // a heading's level: feather() opens gaps above sections first
  std::size_t repeat_lines = 0;  // the first lines come again at the top of each further frame
  // A paragraph that introduces the list after it ("…straight away if you notice:"): feather()
  // opens no gap between them, which would cut the list from what it completes; and where it
  // ends on a colon (`introduces`), flow() keeps its last lines in the frame where the list starts
  // (with the list's first kept lines).
  bool leads_in = false;
  bool introduces = false;
};

struct Placement {
  int frame = 0;
  Pt baseline = 0;
};

struct Repeat {  // a line placed again: element line `line` at `at`
  std::size_t line = 0;
  Placement at;
};

struct FlowResult {
  std::vector<std::vector<Placement>> placements;  // per element, per line
  std::vector<std::vector<Repeat>> repeats{};      // per element: its repeated lines
  std::optional<std::size_t> overflow_element;     // first element that did not fit
  std::size_t lines_left = 0;                      // lines that found no room
  std::vector<Pt> frame_fill;                      // used height per frame
  int parted_tables = 0;  // tables that fit a frame parted rather than leave a hole (kTableHoleLines)
  // The text fitted only without the keeps at the sides' turns (flow): copy-fit may take a size a
  // little smaller where they hold (layout/copy_fit.cpp kTurnKeepSteps).
  bool turn_keeps_dropped = false;
};

// For each frame: does it end a side of a sheet (the next frame is on another page), where a
// folded leaflet is turned over or unfolded, or a two-sided handout turned over? A patient who
// reads the front of a handout stops at its foot: reviewers found "aspirin 100 mg 每天一 | 次，或
// clopidogrel 75 mg" and "atorvastatin | 40 mg" across a handout's turn, a dose read in two
// halves. Not a booklet's page (Frame::book_page), where a paragraph runs on overleaf as in any
// book.
std::vector<bool> side_turns(const std::vector<Frame>& frames);

// A table long enough to part between two columns or panels of a page rather than move on whole
// (kTableSplitRows rows, or kTallTableRows rows as tall as kTallRowLines lines of `pitch` on
// average; above): a shorter one parted reads as two small tables.
bool table_may_part(const Element& table, Pt pitch);

// `part_tables`: a table that fits a frame may part where moving it on would leave a hole (above).
FlowResult flow(const std::vector<Element>& elements, const std::vector<Frame>& frames,
                bool part_tables = true);

// The first element with a line in a frame after f, and whether it began in f or before (its
// text runs on past f); nothing when no text follows f.
struct NextElement {
  std::size_t element = 0;
  bool runs_on = false;
};
std::optional<NextElement> element_after(const FlowResult& flowed, int f);

// Where a full frame (any but the last one holding text) ends in mid-paragraph (its last
// paragraph runs on into the next frame, a sentence broken at the foot), spreads the room left at
// its foot over its gaps, in whole grid pitches: up to two lines above a heading (higher levels
// first), then one between paragraphs, never after a paragraph that leads in to a list, so that
// the frame ends on its neighbours' line. A frame that ends after a paragraph keeps its gaps and
// may end short, as one ending a section does: a gap opened there, between paragraphs or above
// a heading, stands beside the same gap unopened in the next column and reads as a hole. What
// is left stays at the frame's foot. Frames without a grid, and frames on `keep_page` (a page
// whose columns were balanced), are left alone.
void feather(const std::vector<Element>& elements, const std::vector<Frame>& frames, FlowResult& flowed,
             int keep_page = -1);

}  // namespace leafpress::layout
