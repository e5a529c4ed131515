#include "layout/panel_flow.hpp"

#include <algorithm>

namespace leafpress::layout {
namespace {

constexpr std::size_t kKeepLines = 2;  // a heading keeps with this many lines of what follows

// How many lines of e must stand together at its start: all of a heading; two of a
// paragraph (no orphan), three of a three-line one (2 + 1 would leave a widow).
std::size_t kept_lines(const Element& e, Pt frame_height) {
  if (e.keep_together && !e.lines.empty()) {
    Pt h = e.lines[0].ascent;
    for (std::size_t k = 1; k < e.lines.size(); ++k) h += e.lines[k].height;
    // Taller than a whole frame: it must split anyway, so it need not wait for a fresh one.
    if (h > frame_height) return std::min(e.lines.size(), e.repeat_lines + kKeepLines);
  }
  if (e.keep_with_next || e.keep_together || e.lines.size() <= 3) return e.lines.size();
  return kKeepLines;
}

// The height from the current position to the last line that must share the frame
// with the start of elements[i]. After a heading (or a chain of them) that is the
// next kKeepLines lines, even when they belong to more than one element (a heading
// over a list of one-line items).
Pt kept_height(const std::vector<Element>& elements, std::size_t i, bool at_top, Pt frame_height) {
  Pt h = 0;
  bool after_heading = false;
  std::size_t kept_after_heading = 0;
  for (; i < elements.size(); ++i) {
    const Element& e = elements[i];
    const std::size_t n = kept_lines(e, frame_height);
    if (!at_top) h += e.space_before;
    for (std::size_t k = 0; k < n; ++k) h += (at_top && k == 0) ? e.lines[k].ascent : e.lines[k].height;
    at_top = false;
    if (e.keep_with_next) {
      after_heading = true;
    } else {
      kept_after_heading += n;
      if (!after_heading || kept_after_heading >= kKeepLines) break;
    }
    h += e.space_after;
  }
  return h;
}

}  // namespace

FlowResult flow(const std::vector<Element>& elements, const std::vector<Frame>& frames) {
  FlowResult out;
  out.placements.resize(elements.size());
  out.repeats.resize(elements.size());
  out.frame_fill.assign(frames.size(), 0);
  std::size_t f = 0;
  Pt y = frames.empty() ? 0 : frames[0].top;  // baseline of the last placed line
  bool frame_empty = true;

  auto next_frame = [&]() {
    ++f;
    if (f < frames.size()) y = frames[f].top;
    frame_empty = true;
  };

  for (std::size_t ei = 0; ei < elements.size(); ++ei) {
    const Element& e = elements[ei];
    if (f >= frames.size()) {
      if (!out.overflow_element) out.overflow_element = ei;
      out.lines_left += e.lines.size();
      continue;
    }
    if (e.new_panel && !frame_empty) {
      next_frame();
      if (f >= frames.size()) {
        if (!out.overflow_element) out.overflow_element = ei;
        out.lines_left += e.lines.size();
        continue;
      }
    }
    // Keep rules, decided before the first line is placed: the element's first
    // lines, and for a heading everything it keeps with (a chain of headings too).
    if (!frame_empty &&
        y - kept_height(elements, ei, false, frames[f].top - frames[f].bottom) < frames[f].bottom)
      next_frame();

    for (std::size_t li = 0; li < e.lines.size(); ++li) {
      if (f >= frames.size()) {  // the keep rules above moved past the last panel
        if (!out.overflow_element) out.overflow_element = ei;
        out.lines_left += e.lines.size() - li;
        break;
      }
      Pt step = frame_empty ? e.lines[li].ascent : e.lines[li].height + (li == 0 ? e.space_before : 0);
      // A widow: the last line alone at the top of the next frame. Move one more line along.
      const bool second_last = li + 2 == e.lines.size() && e.lines.size() >= 4;
      if (!frame_empty && (y - step < frames[f].bottom ||
                           (second_last && y - step - e.lines[li + 1].height < frames[f].bottom))) {
        next_frame();
        if (f >= frames.size()) {  // out of panels: count what is left of this element
          if (!out.overflow_element) out.overflow_element = ei;
          out.lines_left += e.lines.size() - li;
          break;
        }
        step = e.lines[li].ascent;
        if (li >= e.repeat_lines && e.repeat_lines > 0) {
          // The header again, then this line under it.
          for (std::size_t k = 0; k < e.repeat_lines; ++k) {
            y -= k == 0 ? e.lines[k].ascent : e.lines[k].height;
            out.repeats[ei].push_back(Repeat{k, Placement{static_cast<int>(f), y}});
          }
          frame_empty = false;
          step = e.lines[li].height;
        }
      }
      y -= step;
      frame_empty = false;
      out.placements[ei].push_back(Placement{static_cast<int>(f), y});
      out.frame_fill[f] = frames[f].top - y;
    }
    if (f < frames.size()) y -= e.space_after;
  }
  return out;
}

}  // namespace leafpress::layout
