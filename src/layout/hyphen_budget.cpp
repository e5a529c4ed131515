#include "layout/hyphen_budget.hpp"

#include <algorithm>
#include <cmath>

#include "layout/column_ends.hpp"

namespace leafpress::layout {
namespace {

bool counts(const Collected& c, Pt body) {
  return c.role == Role::Body && c.recompose && c.size == body;
}

std::size_t hyphens_in(const std::vector<text::Line>& lines) {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const text::Line& l) { return l.hyphenated; }));
}

// The loosest word spaces of a setting (text::Line::space_ratio).
double loosest(const std::vector<text::Line>& lines) {
  double worst = 0;
  for (const auto& l : lines) worst = std::max(worst, l.space_ratio);
  return worst;
}

// How unevenly a setting's spaces read: TeX's badness, 100·|r|³ a line (The TeXbook,
// ch. 14), summed over the lines: a line at r = 1.4 (0.6 em) weighs 274, one at 0.5 12.
double badness(const std::vector<text::Line>& lines) {
  double sum = 0;
  for (const auto& l : lines) sum += 100 * std::pow(std::abs(l.space_ratio), 3);
  return sum;
}

struct Candidate {
  std::size_t block;
  std::vector<text::Line> lines;
  std::size_t saved;  // hyphens fewer than before
  double cost;        // the badness it adds, per hyphen saved
};

}  // namespace

std::size_t ration_hyphens(Collection& collection, const FlowResult& flowed) {
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  std::size_t lines = 0, hyphens = 0;
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    if (!counts(c, collection.body)) continue;
    lines += c.lines.size();
    hyphens += hyphens_in(c.lines);
  }
  const auto allowed =
      static_cast<std::size_t>(std::floor(kMaxHyphenShare * static_cast<double>(lines) + 1e-9));
  if (hyphens <= allowed) return 0;

  std::vector<Candidate> candidates;
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    const std::size_t before = hyphens_in(c.lines);
    if (!counts(c, collection.body) || before == 0 || flowed.placements[b].size() != c.lines.size()) continue;
    text::ComposeOptions options;
    options.fewer_hyphens = true;
    options.exact_lines = static_cast<int>(c.lines.size());
    options.no_hyphen_lines = lines_ending_frames(flowed, b);
    auto again = c.recompose(options);
    if (!again || again->lines.size() != c.lines.size()) continue;
    const std::size_t after = hyphens_in(again->lines);
    const bool overfull =
        std::any_of(again->lines.begin(), again->lines.end(), [](const text::Line& l) { return l.overfull; });
    const double worst = loosest(again->lines);
    if (after >= before || overfull || worst > text::kTolerance) continue;
    const double cost = (badness(again->lines) - badness(c.lines)) / static_cast<double>(before - after);
    candidates.push_back(Candidate{b, std::move(again->lines), before - after, cost});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.saved > b.saved;
  });
  std::size_t changed = 0;
  for (auto& candidate : candidates) {
    if (hyphens <= allowed) break;
    collection.blocks[candidate.block].lines = std::move(candidate.lines);
    hyphens -= candidate.saved;
    ++changed;
  }
  return changed;
}

}  // namespace leafpress::layout
