#include "layout/hyphen_budget.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/column_ends.hpp"
#include "text/knuth_plass.hpp"

namespace leafpress::layout {
namespace {

bool counts(const Collected& c, Pt body) {
  return c.role == Role::Body && c.recompose && c.size == body;
}

struct Tally {
  std::size_t inserted = 0;   // lines ending in an inserted hyphen
  std::size_t any = 0;        // ... or at a compound's own
  std::size_t loose = 0;      // lines with spaces past 0.55 em
  std::size_t contrasts = 0;  // neighbouring lines two fitness classes apart or more
  double badness = 0;         // TeX's, 100·|r|³, summed
  double loosest = 0;         // the largest ratio of a justified line
  bool fits = true;           // no line overfull or past kTolerance
};

// Justified lines are judged by their spaces (Line::ratio); ragged ones by how short they end
// (the ratio of the rag's 2 em), where no line but the last may end more than
// kMaxRaggedShortShare of the measure short, and a short line beside a long one is the rag.
Tally tally(const Collected& c, const std::vector<text::Line>& lines) {
  Tally t;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const text::Line& l = lines[i];
    t.inserted += l.hyphenated;
    t.any += l.hyphenated || l.ends_at_hyphen;
    t.badness += 100 * std::pow(std::abs(l.ratio), 3);
    if (c.ragged) {
      const bool last = i + 1 == lines.size();
      t.fits = t.fits && !l.overfull && (last || c.measure - l.width <= kMaxRaggedShortShare * c.measure);
      continue;
    }
    t.loose += l.ratio > kLooseRatio;
    t.loosest = std::max(t.loosest, l.ratio);
    t.fits = t.fits && !l.overfull && l.ratio <= text::kTolerance;
    if (i > 0 && std::abs(text::fitness_class(l.ratio) - text::fitness_class(lines[i - 1].ratio)) > 1)
      ++t.contrasts;
  }
  return t;
}

struct Candidate {
  std::size_t block;
  std::vector<text::Line> lines;
  std::size_t saved;  // inserted hyphens fewer than before
  long loose;         // lines past 0.55 em more than before (or fewer, < 0)
  double cost;        // the badness it adds, per hyphen saved
};

BudgetCount totals(const Collection& collection, std::size_t count) {
  BudgetCount out;
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    if (!counts(c, collection.body)) continue;
    const Tally t = tally(c, c.lines);
    out.lines += c.lines.size();
    out.hyphens += t.inserted;
    out.loose += t.loose;
  }
  return out;
}

// Block b set again asking for `what` (ComposeOptions::fewer_hyphens or fewer_loose_lines), as
// many lines as before and none ending in a hyphen where the flow ends a frame: its lines, or
// nothing.
std::optional<std::vector<text::Line>> set_again(const Collected& c, std::size_t b, const FlowResult& flowed,
                                                 bool text::ComposeOptions::*what) {
  text::ComposeOptions options;
  options.*what = true;
  options.exact_lines = static_cast<int>(c.lines.size());
  options.no_hyphen_lines = lines_ending_frames(flowed, b);
  auto again = c.recompose(options);
  if (!again || again->lines.size() != c.lines.size()) return std::nullopt;
  return std::move(again->lines);
}

}  // namespace

std::size_t BudgetCount::allowed(double share) const {
  return static_cast<std::size_t>(std::floor(share * static_cast<double>(lines) + 1e-9));
}

BudgetCount count_budget(const Collection& collection) {
  return totals(collection, collection.blocks.size());
}

std::size_t ration_hyphens(Collection& collection, const FlowResult& flowed) {
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  const BudgetCount all = totals(collection, count);
  std::size_t hyphens = all.hyphens, loose = all.loose;
  const std::size_t allowed = all.allowed(kMaxHyphenShare);
  if (hyphens <= allowed) return 0;
  const std::size_t max_loose = std::max(loose, all.allowed(kMaxLooseShare));

  std::vector<Candidate> candidates;
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    if (!counts(c, collection.body) || flowed.placements[b].size() != c.lines.size()) continue;
    const Tally before = tally(c, c.lines);
    if (before.inserted == 0) continue;
    auto again = set_again(c, b, flowed, &text::ComposeOptions::fewer_hyphens);
    if (!again) continue;
    const Tally after = tally(c, *again);
    if (after.inserted >= before.inserted || after.any >= before.any || !after.fits || after.contrasts > 0)
      continue;
    const std::size_t saved = before.inserted - after.inserted;
    candidates.push_back(Candidate{b, std::move(*again), saved,
                                   static_cast<long>(after.loose) - static_cast<long>(before.loose),
                                   (after.badness - before.badness) / static_cast<double>(saved)});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.saved > b.saved;
  });
  // Least cost first, while the loose lines stay within theirs; all or nothing.
  std::vector<Candidate*> taken;
  for (auto& candidate : candidates) {
    if (hyphens <= allowed) break;
    const long now = static_cast<long>(loose) + candidate.loose;
    if (now > static_cast<long>(max_loose)) continue;
    loose = static_cast<std::size_t>(std::max(0L, now));
    hyphens -= candidate.saved;
    taken.push_back(&candidate);
  }
  if (hyphens > allowed) return 0;
  for (Candidate* candidate : taken) collection.blocks[candidate->block].lines = std::move(candidate->lines);
  return taken.size();
}

std::size_t ration_loose_lines(Collection& collection, const FlowResult& flowed) {
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  const BudgetCount all = totals(collection, count);
  std::size_t hyphens = all.hyphens, loose = all.loose;
  const std::size_t allowed = all.allowed(kMaxHyphenShare), max_loose = all.allowed(kMaxLooseShare);
  if (loose <= max_loose || hyphens >= allowed) return 0;

  struct Trade {
    std::size_t block;
    std::vector<text::Line> lines;
    std::size_t saved, added;  // loose lines fewer, hyphens more
  };
  std::vector<Trade> trades;
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    if (!counts(c, collection.body) || flowed.placements[b].size() != c.lines.size()) continue;
    const Tally before = tally(c, c.lines);
    if (before.loose == 0) continue;  // ragged lines are never loose (tally)
    auto again = set_again(c, b, flowed, &text::ComposeOptions::fewer_loose_lines);
    if (!again) continue;
    const Tally after = tally(c, *again);
    // Fewer loose lines, none looser than before: two lines at 0.56 em are not traded for one at 0.7.
    if (after.loose >= before.loose || after.loosest > before.loosest || !after.fits ||
        after.contrasts > before.contrasts)
      continue;
    trades.push_back(Trade{b, std::move(*again), before.loose - after.loose,
                           after.inserted > before.inserted ? after.inserted - before.inserted : 0});
  }
  std::sort(trades.begin(), trades.end(), [](const Trade& a, const Trade& b) {
    // Fewest hyphens per loose line saved; among equals, the most loose lines saved.
    const std::size_t x = a.added * b.saved, y = b.added * a.saved;
    return x != y ? x < y : a.saved > b.saved;
  });
  std::size_t taken = 0;
  for (auto& trade : trades) {
    if (loose <= max_loose) break;
    if (hyphens + trade.added > allowed) continue;
    hyphens += trade.added;
    loose -= std::min(loose, trade.saved);
    collection.blocks[trade.block].lines = std::move(trade.lines);
    ++taken;
  }
  return taken;
}

}  // namespace leafpress::layout
