#include "text/knuth_plass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace leafpress::text {
namespace {

// Running totals up to an item index, so a line's natural width, stretch and
// shrink are differences of two sums: O(1) per candidate line.
struct Sums {
  Pt width = 0, stretch = 0, shrink = 0;
  Pt cjk_stretch = 0;  // the part of stretch between CJK characters (capped: see visible_ratio)
  Pt tie_stretch = 0;  // the part of stretch in ties (never past r = 1: see visible_ratio)
  Pt expandable = 0;   // the width of expandable boxes (KnuthPlassParams::expansion)
  int fill = 0;        // count of infinitely stretchable glue (the paragraph's end)
};

// A line whose material is as wide as the measure fits, though summing widths in another order
// (a table column made as wide as its widest word, padding added and taken away again) leaves it
// a rounding error over: with no glue to shrink, that read as overfull and cut "Amber" to
// "Ambe- | r" in a column made for it.
constexpr Pt kExactFit = 1e-6;

struct Node {
  std::size_t position = 0;  // item index of the break
  int line = 0;              // number of lines before this break
  int fitness = 1;           // 0 tight, 1 decent, 2 loose, 3 very loose
  bool flagged = false;      // break at a flagged penalty
  int hyphens_in_a_row = 0;  // lines ending in a hyphen, this one included
  double total_demerits = 0;
  Sums after;         // totals after the break, discardable items skipped
  int previous = -1;  // node index of the break before, -1 for the start
};

// The ratio the reader sees in a justified line's spaces. Justification fills the word
// spaces and the Han–Latin gaps to r = 1 first, then the glue between CJK characters up to
// its cap (kCjkStretchCap); what is left opens the spaces past r = 1 (text/paragraph.cpp,
// set_line; CLReq 3.8). A line of a few Latin words among Han characters can thus show
// one word space at 1.2 em while the ratio over all its glue is a modest 1.5: the breaker
// must weigh the gap it will print. A pure CJK line (no spaces to open) is weighed by its r; past
// the cap its characters spread (cjk_spread_max) or it ends short, which the last passes weigh.
// Ties (a number's space to its unit) fill to r = 1 with the word spaces but open no further.
double visible_ratio(double r, Pt slack, Pt stretch, Pt cjk_stretch, Pt tie_stretch) {
  const Pt filled = stretch - cjk_stretch;  // word spaces, ties and Han–Latin gaps at r = 1
  const Pt open = filled - tie_stretch;     // what opens past r = 1
  if ((cjk_stretch <= 0 && tie_stretch <= 0) || filled <= 0) return r;
  const Pt past = slack - filled - (kCjkStretchCap / kCjkStretch) * cjk_stretch;
  if (past <= 0) return r;
  return open > 0 ? std::max(r, 1 + past / open) : std::numeric_limits<double>::infinity();
}

bool is_legal_break(std::span<const Item> items, std::size_t i, const KnuthPlassParams& params) {
  if (const auto* p = std::get_if<Penalty>(&items[i]))
    return p->cost < kInfinitePenalty && (p->cost < params.max_break_cost || p->cost <= -kInfinitePenalty) &&
           (!p->in_word || p->cost < params.max_in_word_cost) &&
           (params.discretionary || !p->flagged || p->width <= 0);
  if (std::holds_alternative<Glue>(items[i])) return i > 0 && std::holds_alternative<Box>(items[i - 1]);
  return false;
}

}  // namespace

int fitness_class(double r) {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

double soft_line_demerits(const KnuthPlassParams& params, double short_em) {
  return std::pow(params.line_penalty + 100 * std::pow(params.soft_tolerance, 3), 2) *
         (1 + short_em * short_em);
}

std::optional<std::vector<std::size_t>> knuth_plass(std::span<const Item> items, Pt line_width,
                                                    const KnuthPlassParams& params) {
  const std::size_t n = items.size();
  std::vector<Sums> sum(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    sum[i + 1] = sum[i];
    if (const auto* b = std::get_if<Box>(&items[i])) {
      sum[i + 1].width += b->width;
      if (b->expandable) sum[i + 1].expandable += b->width;
    } else if (const auto* g = std::get_if<Glue>(&items[i])) {
      sum[i + 1].width += g->width;
      if (g->kind == GlueKind::Fill)
        ++sum[i + 1].fill;
      else
        sum[i + 1].stretch += g->stretch, sum[i + 1].shrink += g->shrink;
      if (g->kind == GlueKind::Cjk || g->kind == GlueKind::CjkHeld || g->kind == GlueKind::Punctuation)
        sum[i + 1].cjk_stretch += g->stretch;
      if (g->kind == GlueKind::Tie) sum[i + 1].tie_stretch += g->stretch;
    }
  }
  // Totals after a break at i: skip glue and non-forced penalties up to the next box.
  auto totals_after = [&](std::size_t i) {
    std::size_t j = i;
    if (j < n && !std::holds_alternative<Box>(items[j])) ++j;  // the break item itself
    while (j < n) {
      if (std::holds_alternative<Box>(items[j])) break;
      if (const auto* p = std::get_if<Penalty>(&items[j]); p && p->cost <= -kInfinitePenalty && j > i) break;
      ++j;
    }
    return sum[j];
  };

  std::vector<Node> nodes;
  nodes.push_back(Node{.position = 0, .after = sum[0]});
  std::vector<int> active{0};

  struct Candidate {
    double demerits = std::numeric_limits<double>::infinity();
    int from = -1;
  };
  // One best candidate per fitness class and per count of hyphenated lines in a
  // row, so that the hard limit (kMaxHyphensInARow) cannot cut off a better path; with
  // exact_lines, also per line count (as TeX keeps one per line number for \looseness).
  using Best = std::array<std::array<Candidate, kMaxHyphensInARow + 1>, 4>;
  // Both emptied at every break and reused: allocated once per paragraph, not per break.
  std::vector<std::pair<int, Best>> best_by_line;
  std::vector<int> still_active;

  for (std::size_t b = 0; b < n; ++b) {
    if (!is_legal_break(items, b, params)) continue;
    const auto* pen = std::get_if<Penalty>(&items[b]);
    const double cost = pen ? pen->cost : 0;
    const bool forced = pen && cost <= -kInfinitePenalty;
    const bool flagged = pen && pen->flagged;
    const Pt break_width = pen ? pen->width : 0;

    best_by_line.clear();
    const auto best_for = [&](int line) -> Best& {
      const int key = params.exact_lines > 0 ? line : 0;
      for (auto& [l, b] : best_by_line)
        if (l == key) return b;
      best_by_line.emplace_back(key, Best{});
      return best_by_line.back().second;
    };
    still_active.clear();
    for (const int a : active) {
      const Node& from = nodes[static_cast<std::size_t>(a)];
      const Pt natural = sum[b].width - from.after.width + break_width;
      // Ragged lines: spaces keep their width; a line may fall short by the ragged stretch.
      const bool ragged = params.ragged_stretch > 0;
      // Glyph expansion widens or narrows the line's Latin boxes with its glue, up to r = 1.
      const Pt expand = ragged ? 0 : params.expansion * (sum[b].expandable - from.after.expandable);
      const Pt glue_stretch = sum[b].stretch - from.after.stretch + params.background_stretch + expand;
      const Pt stretch = ragged ? params.ragged_stretch + params.background_stretch : glue_stretch;
      const Pt shrink = ragged ? 0 : sum[b].shrink - from.after.shrink + expand;
      const bool fill = sum[b].fill - from.after.fill > 0;
      double r = 0;
      if (natural < line_width) {
        r = fill ? 0
                 : (stretch > 0 ? (line_width - natural) / stretch : std::numeric_limits<double>::infinity());
        if (!fill && !ragged)
          r = visible_ratio(r, line_width - natural, glue_stretch,
                            sum[b].cjk_stretch - from.after.cjk_stretch,
                            sum[b].tie_stretch - from.after.tie_stretch + expand);
      } else if (natural > line_width + kExactFit) {
        r = shrink > 0 ? (line_width - natural) / shrink : -std::numeric_limits<double>::infinity();
      }
      const bool too_long = r < -1 - 1e-9;  // rounding must not make an exact fit overfull
      if (!too_long && !forced) still_active.push_back(a);
      // Past the soft tolerance every line is weighed by how short it is, a line with no
      // glue at all too ("09:00～12:00、"): held back until the emergency pass, it made the
      // breaker split "週一至週 | 五" to give that line a space to open.
      const double opens_to = params.soft_open_ratio > 0 ? params.soft_open_ratio : params.soft_tolerance;
      const bool weighed = params.soft_tolerance > 0 && r > opens_to;
      if (too_long || (r > params.tolerance && !weighed)) continue;
      const int in_a_row = flagged ? from.hyphens_in_a_row + 1 : 0;
      if (in_a_row > kMaxHyphensInARow) continue;
      if (params.exact_lines > 0 && from.line + 1 > params.exact_lines) continue;
      if ((flagged || (pen && pen->in_word)) &&
          std::find(params.no_flagged_lines.begin(), params.no_flagged_lines.end(), from.line) !=
              params.no_flagged_lines.end())
        continue;

      // TeX caps badness at 10000 (inf_bad); past params.soft_tolerance a line costs by the
      // width it is short (see there).
      double d = 0;
      if (weighed) {
        const Pt excess = std::max<Pt>(0, (line_width - natural) - opens_to * stretch);
        // Glue that stops opening short of the tolerance: from a line at that ratio up, by the
        // width the line ends short (what soft_line_demerits adds for it), so a line a hair short
        // costs what a full one does and one about 2 em short what a name's break does.
        d = params.soft_open_ratio > 0
                ? std::pow(params.line_penalty + 100 * std::pow(opens_to, 3), 2) +
                      soft_line_demerits(params, excess / params.em) - soft_line_demerits(params, 0)
                : soft_line_demerits(params, excess / params.em);
        if (pen && pen->fills && excess > params.unfilled_split_slack) d += params.unfilled_split_demerits;
      } else {
        d = std::pow(params.line_penalty + std::min(100 * std::pow(std::abs(r), 3), kInfiniteBadness), 2);
      }
      if (cost >= 0)
        d += cost * cost;
      else if (!forced)
        d -= cost * cost;
      if (flagged && from.flagged) d += params.flagged_demerits;
      const int fit = fitness_class(r);
      if (std::abs(fit - from.fitness) > 1) d += params.fitness_demerits;
      if (forced && from.flagged) d += params.final_hyphen_demerits;
      // The paragraph's last line: its natural width, without the fill that ends it.
      if (forced && a > 0 && from.position > params.lone_tail_after)
        d += std::max(params.short_last_line_demerits, params.lone_tail_demerits);
      else if (forced && natural < params.short_last_line)
        d += params.short_last_line_demerits;
      d += from.total_demerits;
      auto& slot = best_for(from.line + 1)[static_cast<std::size_t>(fit)][static_cast<std::size_t>(in_a_row)];
      if (d < slot.demerits) slot = {d, a};
    }
    std::swap(active, still_active);
    const Sums after = totals_after(b);
    for (const auto& [line, best] : best_by_line) {
      for (int fit = 0; fit < 4; ++fit) {
        for (int run = 0; run <= kMaxHyphensInARow; ++run) {
          const Candidate& c = best[static_cast<std::size_t>(fit)][static_cast<std::size_t>(run)];
          if (c.from < 0) continue;
          nodes.push_back(Node{.position = b,
                               .line = nodes[static_cast<std::size_t>(c.from)].line + 1,
                               .fitness = fit,
                               .flagged = flagged,
                               .hyphens_in_a_row = run,
                               .total_demerits = c.demerits,
                               .after = after,
                               .previous = c.from});
          active.push_back(static_cast<int>(nodes.size() - 1));
        }
      }
    }
    if (active.empty()) return std::nullopt;  // no way on within the tolerance
  }

  // The paragraph ends with a forced break: pick the best node there.
  int best_end = -1;
  for (const int a : active) {
    const Node& node = nodes[static_cast<std::size_t>(a)];
    if (node.position != n - 1 || a == 0) continue;
    if (params.exact_lines > 0 && node.line != params.exact_lines) continue;
    if (best_end < 0 || node.total_demerits < nodes[static_cast<std::size_t>(best_end)].total_demerits)
      best_end = a;
  }
  if (best_end < 0) return std::nullopt;
  std::vector<std::size_t> breaks;
  for (int k = best_end; k > 0; k = nodes[static_cast<std::size_t>(k)].previous)
    breaks.push_back(nodes[static_cast<std::size_t>(k)].position);
  return std::vector<std::size_t>(breaks.rbegin(), breaks.rend());
}

}  // namespace leafpress::text
