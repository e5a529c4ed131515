#include "layout/column_ends.hpp"

#include <algorithm>

namespace leafpress::layout {

std::size_t unhyphenate_column_ends(Collection& collection, const FlowResult& flowed) {
  std::size_t changed = 0;
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  for (std::size_t b = 0; b < count; ++b) {
    Collected& c = collection.blocks[b];
    const auto& places = flowed.placements[b];
    if (!c.recompose || places.size() != c.lines.size()) continue;
    // The element's last line may end a frame too: the next element starts the next frame.
    const auto next_frame = [&](std::size_t i) -> int {
      if (i + 1 < places.size()) return places[i + 1].frame;
      for (std::size_t k = b + 1; k < flowed.placements.size(); ++k)
        if (!flowed.placements[k].empty()) return flowed.placements[k].front().frame;
      return places[i].frame + 1;
    };
    text::ComposeOptions options;
    for (std::size_t i = 0; i < c.lines.size(); ++i)
      if ((c.lines[i].hyphenated || c.lines[i].ends_at_hyphen) && next_frame(i) != places[i].frame)
        options.no_hyphen_lines.push_back(static_cast<int>(i));
    if (options.no_hyphen_lines.empty()) continue;
    options.exact_lines = static_cast<int>(c.lines.size());
    auto again = c.recompose(options);
    if (!again || again->lines.size() != c.lines.size()) continue;
    c.lines = std::move(again->lines);
    ++changed;
  }
  return changed;
}

}  // namespace leafpress::layout
