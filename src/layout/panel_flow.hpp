// layout/panel_flow.hpp: stack lines into panels, top to bottom, panel after panel.
//
// An Element is a block already composed into lines (a heading, a paragraph,
// a list item). flow() places elements in the given column frames in order:
//   - space before an element is dropped at the top of a frame;
//   - a heading keeps with the first two lines of what follows (never ends a frame);
//   - an element that keeps together (a picture and its caption, a table) is never split
//     unless it is taller than a whole frame; one that is starts where it is when its
//     first repeat_lines + 2 lines fit (a table's header and two rows);
//   - an element with repeat_lines (a table's header row) that goes on in another frame
//     has those lines placed again at the top of that frame (FlowResult::repeats);
//   - an element that asks for a new panel starts at the top of the next frame
//     (the next panel, or the next column of a handout), unless nothing is above it;
//   - a paragraph leaves no single first line at the foot of a frame (orphan)
//     and carries no single last line to the next (widow) when it can avoid it.
// Output: for each element line, the frame and baseline where it goes; or the
// index of the first element line that found no room.
#pragma once

#include <optional>
#include <vector>

#include "core/units.hpp"

namespace leafpress::layout {

struct Frame {  // a column in a panel; y grows upward, top > bottom
  int page = 0;
  Pt x = 0, top = 0, bottom = 0;
  int panel = 0;  // frames with the same number are columns of one panel (for proofs and tests)
};

struct FlowLine {
  Pt height = 0;  // baseline-to-baseline distance to the previous line
  Pt ascent = 0;  // how far the line rises above its baseline (first line of a frame)
};

struct Element {
  std::vector<FlowLine> lines;
  Pt space_before = 0, space_after = 0;
  bool keep_with_next = false;   // headings
  bool keep_together = false;    // pictures with their captions
  bool new_panel = false;        // start at the top of the next panel
  std::size_t repeat_lines = 0;  // the first lines come again at the top of each further frame
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
};

FlowResult flow(const std::vector<Element>& elements, const std::vector<Frame>& frames);

}  // namespace leafpress::layout
