#include "layout/panel_flow.hpp"

#include <algorithm>

namespace leafpress::layout {
namespace {

constexpr std::size_t kKeepLines = 2;  // a heading keeps with this many lines of what follows

}  // namespace

FlowResult flow(const std::vector<Element>& elements, const std::vector<Frame>& frames) {
  FlowResult out;
  out.placements.resize(elements.size());
  out.frame_fill.assign(frames.size(), 0);
  std::size_t f = 0;
  Pt y = frames.empty() ? 0 : frames[0].top;  // baseline of the last placed line
  bool frame_empty = true;

  // Height that `count` lines of element e need when started here.
  auto needed = [&](const Element& e, std::size_t from, std::size_t count, bool at_top) {
    Pt h = at_top ? 0 : e.space_before;
    for (std::size_t i = from; i < std::min(e.lines.size(), from + count); ++i)
      h += (at_top && i == from) ? e.lines[i].ascent : e.lines[i].height;
    return h;
  };
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
    // Keep rules, decided before the first line is placed.
    std::size_t keep = std::min<std::size_t>(e.lines.size(), 2);  // no orphan
    if (e.lines.size() == 3) keep = 3;  // 2+1 would leave a widow
    Pt extra = 0;
    if (e.keep_with_next && ei + 1 < elements.size()) {
      keep = e.lines.size();
      const Element& next = elements[ei + 1];
      extra = needed(next, 0, kKeepLines, false);
    }
    if (!frame_empty && y - needed(e, 0, keep, false) - extra < frames[f].bottom) next_frame();

    for (std::size_t li = 0; li < e.lines.size(); ++li) {
      if (f >= frames.size()) {
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
        if (f >= frames.size()) {
          --li;  // re-enter to count the lines left
          continue;
        }
        step = e.lines[li].ascent;
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
