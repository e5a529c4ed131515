#include "text/knuth_plass.hpp"

namespace leafpress::text {

// Greedy breaking: each line takes the last legal break that still fits, at
// natural widths (no shrink), so ragged lines never look squeezed. "Fits" allows
// kFitSlack: a table column set to its content's own width (max-content, summed the
// same way in another order) must hold that content on one line, not lose to rounding.
constexpr Pt kFitSlack = 0.01;

std::vector<std::size_t> first_fit(std::span<const Item> items, Pt line_width) {
  line_width += kFitSlack;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> breaks;
  const std::size_t n = items.size();
  std::size_t start = 0;
  while (start < n) {
    // Glue and penalties at a line start disappear (a forced break does not).
    while (start < n && !std::holds_alternative<Box>(items[start])) {
      if (const auto* p = std::get_if<Penalty>(&items[start]); p && p->cost <= -kInfinitePenalty) break;
      ++start;
    }
    if (start >= n) break;
    Pt width = 0;
    std::size_t candidate = kNone;
    for (std::size_t i = start; i < n; ++i) {
      if (const auto* b = std::get_if<Box>(&items[i])) {
        if (width + b->width > line_width && candidate != kNone) break;
        width += b->width;
      } else if (const auto* g = std::get_if<Glue>(&items[i])) {
        if (std::holds_alternative<Box>(items[i - 1])) candidate = i;
        width += g->width;
      } else {
        const auto& p = std::get<Penalty>(items[i]);
        if (p.cost <= -kInfinitePenalty) {
          candidate = i;
          break;
        }
        if (p.cost < kInfinitePenalty && (width + p.width <= line_width || candidate == kNone)) candidate = i;
      }
    }
    if (candidate == kNone) candidate = n - 1;
    breaks.push_back(candidate);
    start = candidate + 1;
  }
  return breaks;
}

}  // namespace leafpress::text
