#include "layout/panel_flow.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace leafpress::layout {
namespace {

constexpr std::size_t kKeepLines = 2;  // a heading keeps with this many lines of what follows
// A paragraph of up to this many lines does not part across the turn of a sheet's side (flow):
// the reader turns the sheet over, or unfolds it, in mid-sentence ("…a child who weighs 20 kg |
// would take 300 mg of acetaminophen" above the clinic's block on a Z-fold's back panel, "(about
// 9.4 mL of children's liquid)" overleaf: a dose in two halves). A longer one parts as anywhere
// else: moved whole it would leave most of a panel empty.
constexpr std::size_t kTurnKeepLines = 6;
// ... and a heading keeps this many lines of a longer one with it there (two elsewhere).
constexpr std::size_t kTurnHeadingLines = 3;
constexpr Pt kEps = 1e-6;
// A table that fits a frame is kept whole, unless moving it on would leave at least this many
// grid lines empty at the foot of the frame it would start in (a quarter of a frame without a
// grid): then it parts between rows, its header repeated, as long tables do (two reviewers of six
// fresh articles: a handout column ended "…about two thirds." above nine blank lines, the table
// at the top of the next; a tri-fold's "The table below describes…" stood above as many). Only a
// table of five rows or more (a 4-row table parted 2 and 2 read as two small tables), and only
// into the next column or panel of the same page, or the facing page of a booklet: never over a
// turn of the sheet (a weight-dose table read "8–15 kg" on one page and "16–25 kg" overleaf).
constexpr int kTableHoleLines = 6;
constexpr double kTableHoleShare = 0.25;
constexpr std::size_t kTableSplitRows = 5;
// ... or of kTallTableRows rows or more whose rows stand kTallRowLines grid lines tall on average: a
// drug table of four rows of eight lines each moved whole to a handout's second column and left
// the first 45 % empty (a reviewer), and an asthma plan's three zones of five to eight lines a
// tri-fold's first inside panel; parted, each part is a table of its own size.
constexpr std::size_t kTallTableRows = 3;
constexpr double kTallRowLines = 3;
// feather(): a gap between paragraphs ranks after every heading level, and opens by at most
// this many grid lines (a heading's gap by up to kRunOnHeadingLines), and only in a frame whose
// last paragraph runs on into the next (below).
constexpr int kParagraphGap = 10;
constexpr int kMaxParagraphGapLines = 1;
// Where a frame's last paragraph runs on into the next frame (its sentence goes on), the frame's
// foot is brought down to the frame's foot as far as this many lines above a heading and one
// between paragraphs allow: a panel that stops a line short in mid-sentence reads as a misprint
// ("…stomach problems. Heat"). One that ends short after a paragraph reads as designed, and its
// gaps keep their size: opened there, a paragraph gap of two blank lines and a heading four lines
// below its text read as holes (two reviewers of twelve fresh articles, "Fluids come first" 77 pt
// below the paragraph before it where 32 pt is usual), and so did a heading two lines lower than
// the one in the next column (two reviewers of six more: "Anticoagulants…" 75 pt below its
// paragraph, "Checking your pulse…" 43 pt, on one handout page).
constexpr int kRunOnHeadingLines = 2;

struct Cursor {
  std::size_t f = 0;  // the frame
  Pt y = 0;           // baseline of the last placed line, less its element's space after
  bool empty = true;  // nothing placed in frame f yet
};

// The highest grid line at or below y.
Pt snap(const Frame& fr, Pt y) {
  if (fr.pitch <= 0) return y;
  const double k = std::max(0.0, std::ceil((fr.grid_top - y) / fr.pitch - kEps));
  return fr.grid_top - k * fr.pitch;
}

// Where line li of e goes after the cursor, in the cursor's frame.
Pt baseline(const Element& e, std::size_t li, const Cursor& c, const Frame& fr) {
  const FlowLine& l = e.lines[li];
  const Pt y = c.empty ? fr.top - l.ascent : c.y - l.height - (li == 0 ? e.space_before : 0);
  return l.on_grid ? snap(fr, y) : y;
}

bool group_start(const std::vector<Element>& els, std::size_t i) {
  return els[i].group >= 0 && (i == 0 || els[i - 1].group != els[i].group);
}

// Whether a kept span that does not fit from the cursor on ends in a table that may part here
// rather than move on whole (kTableHoleLines): what its keep rules then ask is the span kept
// not whole (the headings above it and its header with two rows). Only where the next frame is on
// the same page or the facing one.
bool parts_table(const std::vector<Element>& els,
                 const std::vector<std::pair<std::size_t, std::size_t>>& span, const Cursor& c,
                 const std::vector<Frame>& frames) {
  if (span.empty() || c.f + 1 >= frames.size()) return false;
  const Frame& fr = frames[c.f];
  if (frames[c.f + 1].page != fr.page && !fr.faces_next) return false;
  if (!table_may_part(els[span.back().first], fr.pitch)) return false;
  const Pt room = c.y - fr.bottom;
  const Pt hole = fr.pitch > 0 ? kTableHoleLines * fr.pitch : kTableHoleShare * (fr.top - fr.bottom);
  return room >= hole - kEps;
}

// How many lines of e must stand together at its start: all of a heading or a kept picture or
// table; two of a paragraph (no orphan), three of a three-line one (2 + 1 would leave a widow).
// Not `whole` (the kept span is taller than a frame and must split anyway, so it need not wait
// for a fresh one): a kept table needs only its header (repeat_lines) and two rows.
std::size_t kept_lines(const Element& e, bool whole) {
  if (!whole && e.keep_together && !e.keep_with_next)
    return std::min(e.lines.size(), e.repeat_lines + kKeepLines);
  if (e.keep_with_next || (whole && e.keep_together) || e.lines.size() <= 3) return e.lines.size();
  return kKeepLines;
}

// The lines that must share the frame with the start of elements[i]: (element, line count) pairs.
// After a heading (or a chain of them) the next kKeepLines lines, even when they belong to more
// than one element (a heading over a list of one-line items); a group that starts here, whole
// (`whole`: false when it is taller than a frame, and only the basic rules apply).
std::vector<std::pair<std::size_t, std::size_t>> kept_span(const std::vector<Element>& els, std::size_t i,
                                                           bool whole) {
  std::vector<std::pair<std::size_t, std::size_t>> span;
  bool after_heading = false;
  std::size_t kept_after_heading = 0;
  for (; i < els.size(); ++i) {
    if (whole && group_start(els, i)) {
      const int g = els[i].group;
      for (; i < els.size() && els[i].group == g; ++i) {
        span.emplace_back(i, els[i].lines.size());
        kept_after_heading += els[i].lines.size();
      }
      break;  // a whole group is more than the two lines a heading asks for
    }
    const Element& e = els[i];
    const std::size_t n = kept_lines(e, whole);
    span.emplace_back(i, n);
    // A lead-in kept whole (three lines or fewer) keeps with what it introduces, as a heading
    // does; a longer one keeps its last lines with it when they are placed (flow, tail_fits).
    if (e.keep_with_next || (e.leads_in && n == e.lines.size())) {
      after_heading = true;
    } else {
      kept_after_heading += n;
      if (!after_heading || kept_after_heading >= kKeepLines) break;
    }
  }
  return span;
}

// Whether the span fits in the cursor's frame from the cursor on.
bool span_fits(const std::vector<Element>& els, const std::vector<std::pair<std::size_t, std::size_t>>& span,
               Cursor c, const Frame& fr) {
  for (std::size_t k = 0; k < span.size(); ++k) {
    const Element& e = els[span[k].first];
    for (std::size_t li = 0; li < span[k].second && li < e.lines.size(); ++li) {
      const Pt y = baseline(e, li, c, fr);
      if (y < fr.bottom - kEps) return false;
      c.y = y;
      c.empty = false;
    }
    c.y -= e.space_after;
  }
  return true;
}

// Whether lines `from`.. of els[i], and after them the first lines of what it leads in to, fit
// in the cursor's frame: what els[i + 1] will ask for where it is placed (flow's keep rules, a
// kept group or table whole where an empty frame holds it, else its first lines).
bool tail_fits(const std::vector<Element>& els, std::size_t i, std::size_t from, Cursor c, const Frame& fr) {
  const Element& e = els[i];
  for (std::size_t li = from; li < e.lines.size(); ++li) {
    const Pt y = baseline(e, li, c, fr);
    if (y < fr.bottom - kEps) return false;
    c.y = y;
    c.empty = false;
  }
  c.y -= e.space_after;
  if (i + 1 >= els.size()) return true;
  auto span = kept_span(els, i + 1, true);
  if (!span_fits(els, span, Cursor{c.f, 0, true}, fr)) span = kept_span(els, i + 1, false);
  return span_fits(els, span, c, fr);
}

// What must not part across the turn of a sheet's side, from els[i] on: the headings
// there whole, then the paragraph they lead to whole when it has kTurnKeepLines lines or fewer
// (and is not a kept block, which has its own rules), and when that paragraph leads in to a list,
// the list's first lines as flow keeps them with it. Empty when nothing there is kept so.
// Under headings, a short paragraph right before a table or a picture goes with it whether or
// not it ends on a colon: a z-fold's inside ended `复查时间表` and its three lines ("下表为一般情况
// 下的复查安排，具体以医生的建议为准。"), the table they announce overleaf (a reviewer).
std::vector<std::pair<std::size_t, std::size_t>> turn_span(const std::vector<Element>& els, std::size_t i,
                                                           const Frame& empty) {
  std::vector<std::pair<std::size_t, std::size_t>> span;
  for (; i < els.size() && els[i].keep_with_next; ++i) span.emplace_back(i, els[i].lines.size());
  if (i >= els.size() || els[i].keep_together) return {};
  if (els[i].lines.size() > kTurnKeepLines) {
    // A longer paragraph parts at the turn, but not right under its heading: the heading and
    // kTurnHeadingLines of its text, or all of it overleaf (a z-fold's inside ended `Semaglutide
    // (Ozempic)` and two lines, "…agonist. It | helps your body release insulin after meals,").
    if (span.empty()) return {};
    span.emplace_back(i, std::min(els[i].lines.size(), kTurnHeadingLines));
    return span;
  }
  span.emplace_back(i, els[i].lines.size());
  const bool announces_block =
      span.size() > 1 && i + 1 < els.size() && els[i + 1].keep_together && els[i + 1].group < 0;
  if ((els[i].leads_in || announces_block) && i + 1 < els.size()) {
    // What it leads in to: a short paragraph whole (its own check is skipped: it follows a
    // lead-in), else its first lines as flow keeps them with the lead-in.
    const Element& next_el = els[i + 1];
    if (!next_el.keep_together && !next_el.keep_with_next && next_el.group < 0 &&
        next_el.lines.size() <= kTurnKeepLines) {
      span.emplace_back(i + 1, next_el.lines.size());
    } else {
      auto next = kept_span(els, i + 1, true);
      if (!span_fits(els, next, Cursor{0, 0, true}, empty)) next = kept_span(els, i + 1, false);
      span.insert(span.end(), next.begin(), next.end());
    }
  }
  return span;
}

}  // namespace

bool table_may_part(const Element& t, Pt pitch) {
  if (t.repeat_lines == 0 || t.group >= 0 || t.lines.size() < t.repeat_lines + kTallTableRows) return false;
  if (t.lines.size() >= t.repeat_lines + kTableSplitRows) return true;
  Pt rows = 0;
  for (std::size_t i = t.repeat_lines; i < t.lines.size(); ++i) rows += t.lines[i].height;
  const auto count = static_cast<double>(t.lines.size() - t.repeat_lines);
  return pitch > 0 && rows / count >= kTallRowLines * pitch;
}

std::vector<bool> side_turns(const std::vector<Frame>& frames) {
  std::vector<bool> turns(frames.size(), false);
  for (std::size_t f = 0; f + 1 < frames.size(); ++f) {
    turns[f] = frames[f + 1].page != frames[f].page && !frames[f].faces_next && !frames[f].book_page;
  }
  return turns;
}

namespace {

// flow(), keeping short paragraphs off the frames that end a side (`turns`; none: all false), and
// parting a table rather than leave a hole where `part_tables` (kTableHoleLines).
FlowResult flow_frames(const std::vector<Element>& elements, const std::vector<Frame>& frames,
                       const std::vector<bool>& turns, bool part_tables) {
  FlowResult out;
  out.placements.resize(elements.size());
  out.repeats.resize(elements.size());
  out.frame_fill.assign(frames.size(), 0);
  Cursor c{0, frames.empty() ? 0 : frames[0].top, true};
  std::size_t parting = elements.size();  // the table parts_table chose to part, once reached

  auto next_frame = [&]() {
    ++c.f;
    if (c.f < frames.size()) c.y = frames[c.f].top;
    c.empty = true;
  };
  auto overflow = [&](std::size_t ei, std::size_t lines) {
    if (!out.overflow_element) out.overflow_element = ei;
    out.lines_left += lines;
  };

  for (std::size_t ei = 0; ei < elements.size(); ++ei) {
    const Element& e = elements[ei];
    if (c.f >= frames.size()) {
      overflow(ei, e.lines.size());
      continue;
    }
    if (e.new_panel && !c.empty) {
      next_frame();
      if (c.f >= frames.size()) {
        overflow(ei, e.lines.size());
        continue;
      }
    }
    // Keep rules, decided before the first line is placed: the element's first lines, for a
    // heading everything it keeps with, for a group or a kept picture all of it, unless even
    // an empty frame cannot hold that much.
    if (!c.empty) {
      auto span = kept_span(elements, ei, true);
      if (ei == parting || !span_fits(elements, span, Cursor{c.f, 0, true}, frames[c.f])) {
        // (a table to part, decided at the heading or lead-in above it, where the room was
        // measured: under the heading, less room is left, and the table would move on whole
        // and leave the heading alone at the frame's foot)
        span = kept_span(elements, ei, false);
      } else if (part_tables && !span_fits(elements, span, c, frames[c.f]) &&
                 parts_table(elements, span, c, frames)) {
        auto parted = kept_span(elements, ei, false);
        if (span_fits(elements, parted, c, frames[c.f])) {
          parting = parted.back().first;
          ++out.parted_tables;
          span = std::move(parted);
        }
      }
      if (!span_fits(elements, span, c, frames[c.f])) {
        next_frame();
      } else if (turns[c.f] && (ei == 0 || !(elements[ei - 1].keep_with_next || elements[ei - 1].leads_in))) {
        // Not across a side's turn: a short paragraph, with the headings above it and the start
        // of the list it leads in to, goes whole to the next frame where it fits there (decided
        // at the first heading or at the lead-in, which would otherwise stay behind alone).
        const auto span = turn_span(elements, ei, frames[c.f + 1]);
        if (!span.empty() && !span_fits(elements, span, c, frames[c.f]) &&
            span_fits(elements, span, Cursor{c.f + 1, 0, true}, frames[c.f + 1]))
          next_frame();
      }
    }

    const std::size_t first_frame = c.f;
    for (std::size_t li = 0; li < e.lines.size(); ++li) {
      if (c.f >= frames.size()) {  // the keep rules above moved past the last panel
        overflow(ei, e.lines.size() - li);
        break;
      }
      Pt y = baseline(e, li, c, frames[c.f]);
      // A widow: the last line alone at the top of the next frame. Move one more line along.
      // Not the last row of kTallRowLines lines or more of a table of fewer than kTableSplitRows rows
      // (the tall tables parts_table parts): under its repeated header it stands
      // as a part of its own (a reviewer's asthma zones, three rows of five to eight lines: held
      // back, the first part was the header and one row above a third of a panel left empty).
      const bool tall_last_row = e.repeat_lines > 0 && e.lines.size() < e.repeat_lines + kTableSplitRows &&
                                 frames[c.f].pitch > 0 &&
                                 e.lines.back().height >= kTallRowLines * frames[c.f].pitch - kEps;
      const bool second_last = li + 2 == e.lines.size() && e.lines.size() >= 4 && !tall_last_row;
      const Pt bottom = frames[c.f].bottom - kEps;
      // A lead-in ("…the same day if you notice:") ends in the frame where what it introduces
      // starts: its last two lines go along with the list rather than end a page before it.
      // Only where the next frame holds them together: else the list, kept whole, would move on
      // again and leave the two lines alone in a frame. Only a lead-in that ends on a colon: a
      // paragraph that ends on a full stop before a list is whole without it, and taken along it
      // left its column five lines short, feathered into holes (a heart-failure handout).
      const bool lead_in_parted = !c.empty && second_last && e.leads_in && e.introduces &&
                                  c.f + 1 < frames.size() && !tail_fits(elements, ei, li, c, frames[c.f]) &&
                                  tail_fits(elements, ei, li, Cursor{c.f + 1, 0, true}, frames[c.f + 1]);
      if (!c.empty && (y < bottom || lead_in_parted ||
                       (second_last && baseline(e, li + 1, Cursor{c.f, y, false}, frames[c.f]) < bottom))) {
        next_frame();
        if (c.f >= frames.size()) {  // out of panels: count what is left of this element
          overflow(ei, e.lines.size() - li);
          break;
        }
        if (li >= e.repeat_lines && e.repeat_lines > 0) {
          // The header again at the top of the new frame, then this line under it.
          for (std::size_t k = 0; k < e.repeat_lines; ++k) {
            const Pt yk = baseline(e, k, c, frames[c.f]);
            out.repeats[ei].push_back(Repeat{k, Placement{static_cast<int>(c.f), yk}});
            c.y = yk;
            c.empty = false;
          }
        }
        y = baseline(e, li, c, frames[c.f]);
      }
      c.y = y;
      c.empty = false;
      out.placements[ei].push_back(Placement{static_cast<int>(c.f), y});
      out.frame_fill[c.f] = frames[c.f].top - y;
    }
    if (c.f >= frames.size()) continue;
    // A heading sits right above its text's grid line: the room the grid adds goes above it, at
    // the top of a frame too, so the text stands under it as it does mid-column (reviewers
    // measured 1.86 line pitches under a heading that stayed level with its neighbours' first
    // lines, 1.26 under the same heading mid-column). What it drops is less than a line.
    if (e.keep_with_next && ei + 1 < elements.size() && c.f == first_frame && !e.lines.empty() &&
        !e.lines.back().on_grid && !elements[ei + 1].lines.empty() && elements[ei + 1].lines[0].on_grid &&
        out.placements[ei].size() == e.lines.size()) {
      const Element& next = elements[ei + 1];
      const Frame& fr = frames[c.f];
      const Pt raw = c.y - e.space_after - next.space_before - next.lines[0].height;
      const Pt delta = raw - snap(fr, raw);
      if (delta > kEps && snap(fr, raw) >= fr.bottom - kEps) {
        for (auto& p : out.placements[ei]) p.baseline -= delta;
        c.y -= delta;
        out.frame_fill[c.f] = fr.top - c.y;
      }
    }
    c.y -= e.space_after;
  }
  return out;
}

}  // namespace

// A paragraph is kept off a side's turn only where the text still fits: a short panel before the
// turn is worth a sentence whole, not a much smaller type (kept at any price, the seed's bi-fold
// went to 9 pt, the layout's least, a Korean one from 13.25 to 12.5 pt). So is a table parted
// rather than leave a hole: its header, repeated, takes room, and a parted table made a bi-fold 5
// lines too long at its least size. Where a rule makes the text overflow, it flows as it did
// without it; where that drops the keeps at the turns, the result says so (turn_keeps_dropped),
// and copy-fit tries a size a little smaller.
FlowResult flow(const std::vector<Element>& elements, const std::vector<Frame>& frames, bool part_tables) {
  const std::vector<bool> turns = side_turns(frames);
  FlowResult parted = flow_frames(elements, frames, turns, part_tables);
  if (!parted.overflow_element) return parted;
  FlowResult kept =
      parted.parted_tables > 0 ? flow_frames(elements, frames, turns, false) : std::move(parted);
  if (!kept.overflow_element || std::none_of(turns.begin(), turns.end(), [](bool t) { return t; }))
    return kept;
  FlowResult loose = flow_frames(elements, frames, std::vector<bool>(frames.size(), false), false);
  loose.turn_keeps_dropped = true;
  return loose;
}

std::optional<NextElement> element_after(const FlowResult& flowed, int f) {
  for (std::size_t ei = 0; ei < flowed.placements.size(); ++ei) {
    const auto& lines = flowed.placements[ei];
    const auto next =
        std::find_if(lines.begin(), lines.end(), [&](const Placement& p) { return p.frame > f; });
    if (next != lines.end()) return NextElement{ei, next != lines.begin()};
  }
  return std::nullopt;
}

namespace {

// Does a paragraph run on past frame f: is the first line after it the rest of one begun in f?
// Not a table that goes on with its header repeated: its frame ends on a row, as designed.
bool runs_on(const std::vector<Element>& elements, const FlowResult& flowed, int f) {
  const auto next = element_after(flowed, f);
  return next && next->runs_on && !elements[next->element].keep_together;
}

}  // namespace

void feather(const std::vector<Element>& elements, const std::vector<Frame>& frames, FlowResult& flowed,
             int keep_page) {
  if (frames.empty()) return;
  // The last frame holding a line: it ends where the text ends, and is left alone.
  int last = -1;
  for (const auto& lines : flowed.placements)
    for (const auto& p : lines) last = std::max(last, p.frame);
  for (int f = 0; f < last; ++f) {
    const Frame& fr = frames[static_cast<std::size_t>(f)];
    if (fr.pitch <= 0 || fr.page == keep_page) continue;
    // The lines in this frame, and its lowest baseline.
    Pt lowest = fr.top;
    bool any = false;
    for (const auto& lines : flowed.placements)
      for (const auto& p : lines)
        if (p.frame == f) lowest = std::min(lowest, p.baseline), any = true;
    if (!any) continue;
    const int room = static_cast<int>(std::floor((lowest - fr.bottom) / fr.pitch + kEps));
    if (room <= 0) continue;
    if (!runs_on(elements, flowed, f)) continue;
    // Gaps: where an element starts in this frame below another one, ranked: above a heading
    // (level 1 first), then after a paragraph's space; never inside a kept group, after a
    // heading or between a list and the paragraph that leads in to it.
    struct Gap {
      std::size_t element;
      int rank;
      int lines = 0;
    };
    std::vector<Gap> gaps;
    for (std::size_t ei = 1; ei < elements.size(); ++ei) {
      const auto& here = flowed.placements[ei];
      const auto& before = flowed.placements[ei - 1];
      if (here.empty() || before.empty() || here.front().frame != f || before.back().frame != f) continue;
      const Element& e = elements[ei];
      const Element& prev = elements[ei - 1];
      if (prev.keep_with_next || prev.leads_in) continue;
      if (e.group >= 0 && e.group == prev.group) continue;
      if (e.heading_level > 0)
        gaps.push_back(Gap{ei, e.heading_level});
      else if (prev.space_after > 0 || e.space_before > 0)
        gaps.push_back(Gap{ei, kParagraphGap});
    }
    if (gaps.empty()) continue;
    std::vector<std::size_t> order(gaps.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return gaps[a].rank < gaps[b].rank; });
    int left = room;
    for (int pass = 0; pass < std::max(kRunOnHeadingLines, kMaxParagraphGapLines) && left > 0; ++pass) {
      // Within one rank, spread the lines evenly over the gaps rather than filling the first ones.
      // A gap between paragraphs opens by kMaxParagraphGapLines at most: two more blank lines
      // there read as a section break inside a section, so the rest stays at the frame's foot.
      std::size_t i = 0;
      while (i < order.size() && left > 0) {
        std::size_t j = i;
        while (j < order.size() && gaps[order[j]].rank == gaps[order[i]].rank) ++j;
        const bool paragraph = gaps[order[i]].rank == kParagraphGap;
        if (pass >= (paragraph ? kMaxParagraphGapLines : kRunOnHeadingLines)) {
          i = j;
          continue;
        }
        const std::size_t n = j - i;
        const std::size_t take = std::min<std::size_t>(n, static_cast<std::size_t>(left));
        for (std::size_t k = 0; k < take; ++k) {
          const std::size_t pick = i + (take == n ? k : (2 * k + 1) * n / (2 * take));
          ++gaps[order[pick]].lines;
          --left;
        }
        i = j;
      }
    }
    // Move every line below a gap down by the lines opened above it.
    std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.element < b.element; });
    int shift = 0;
    std::size_t g = 0;
    for (std::size_t ei = 0; ei < elements.size(); ++ei) {
      while (g < gaps.size() && gaps[g].element == ei) shift += gaps[g++].lines;
      if (shift == 0) continue;
      for (auto& p : flowed.placements[ei])
        if (p.frame == f) p.baseline -= shift * fr.pitch;
    }
    flowed.frame_fill[static_cast<std::size_t>(f)] = fr.top - (lowest - shift * fr.pitch);
  }
}

}  // namespace leafpress::layout
