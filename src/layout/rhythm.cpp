#include "layout/rhythm.hpp"

#include <algorithm>
#include <cmath>

namespace leafpress::layout {
namespace {

constexpr double kHeadingAbove = 0.5;     // body lines above a heading, before section_lines
constexpr double kHeadingBelow = 0.3;     // of the heading's size
constexpr double kQuotePadOffGrid = 0.6;  // of the body size, above and below a quote, off the grid
constexpr std::size_t kOpeningItemLines = 2;  // an item this short keeps with the nested list it opens

// Consecutive blocks inside one quote form a box; consecutive items of a short list a group, and
// so do a few notes after the article.
void set_groups(Collection& c) {
  int next = 0;
  std::size_t i = 0;
  while (i < c.blocks.size()) {
    Collected& b = c.blocks[i];
    b.element.group = -1;
    if (b.quote_depth > 0) {
      const int g = next++;
      for (; i < c.blocks.size() && c.blocks[i].quote_depth > 0; ++i) c.blocks[i].element.group = g;
      continue;
    }
    // The notes after the article, when they are few (as a short list): parted, a booklet's last
    // page held one note alone, without the rule that tells what it is.
    // Many notes part as a long list does, each keeping its own box or list group (below).
    if (b.note_rule && c.blocks.size() - i > 1) {
      std::size_t lines = 0;
      for (std::size_t j = i; j < c.blocks.size(); ++j) lines += c.blocks[j].element.lines.size();
      if (lines <= kShortListLines) {
        const int g = next++;
        for (; i < c.blocks.size(); ++i) c.blocks[i].element.group = g;
        continue;
      }
    }
    if (b.list_item) {
      std::size_t j = i, lines = 0;
      for (; j < c.blocks.size() && c.blocks[j].list_item && c.blocks[j].quote_depth == 0; ++j)
        lines += c.blocks[j].element.lines.size();
      const int g = lines <= kShortListLines && j - i > 1 ? next++ : -1;
      for (; i < j; ++i) c.blocks[i].element.group = g;
      continue;
    }
    ++i;
  }
}

// Does the block's text end on a colon ("…believed to be involved:")? Its last line's last
// character, read without building the line's text: apply_rhythm runs for every rhythm tried.
bool ends_on_colon(const Collected& b) {
  if (b.lines.empty()) return false;
  const auto& glyphs = b.lines.back().glyphs;
  const auto last = std::find_if(glyphs.rbegin(), glyphs.rend(),
                                 [](const text::PlacedGlyph& g) { return !g.text.empty(); });
  return last != glyphs.rend() && (last->text.ends_with(":") || last->text.ends_with("："));
}

}  // namespace

void apply_rhythm(Collection& c, const Rhythm& r) {
  const Pt body = c.body, line = body * r.leading;
  for (std::size_t i = 0; i < c.blocks.size(); ++i) {
    Collected& b = c.blocks[i];
    Element& e = b.element;
    const Collected* next = i + 1 < c.blocks.size() ? &c.blocks[i + 1] : nullptr;
    switch (b.role) {
      case Role::Body: {
        for (auto& l : e.lines) l.height = line, l.on_grid = r.grid;
        e.space_before = 0;
        const bool list_goes_on =
            b.list_item && next && next->list_item && next->quote_depth == b.quote_depth;
        e.space_after = list_goes_on ? 0 : r.paragraph_lines * line;
        // A paragraph that leads in to a list, or ends on a colon ("…believed to be involved:",
        // before a paragraph, a table or a picture), introduces what follows: feathering opens
        // no gap after it, and panel_flow keeps its end with the start of what follows.
        // Not out of a call-out box to what follows it: the box is kept whole on its own; nor
        // into the notes after the article, which it does not introduce.
        const bool colon = ends_on_colon(b);
        e.leads_in = !b.list_item && next &&
                     ((next->list_item && next->quote_depth == b.quote_depth) ||
                      (colon && next->quote_depth >= b.quote_depth && next->role != Role::Heading &&
                       next->role != Role::Rule && !next->note_rule));
        e.introduces = e.leads_in && colon;
        // A short item that opens a nested list ("• 情緒與睡眠", then its sub-items) keeps with
        // them as a heading does with its text, its first two lines: left at a panel's foot it
        // read as a list of its own (a reviewer's z-fold and handout), and "• Please avoid, for
        // the first two weeks:" with one of its four restrictions before a handout's turn hid
        // the others overleaf (a reviewer). Only before a sub-item of two lines or more, or two
        // sub-items: before a lone sub-item of a line the keep reached on to the next opener and
        // its sub-item, four lines and more held together, and short lists of pairs left a hole
        // at every page's foot (a code review). Not in a call-out box, kept whole as it is: there
        // the keep reached past the box's end.
        const Collected* after = i + 2 < c.blocks.size() ? &c.blocks[i + 2] : nullptr;
        const bool two_subitems = next && after && after->list_item &&
                                  after->quote_depth == next->quote_depth &&
                                  std::abs(after->indent - next->indent) < 0.01;
        e.keep_with_next = b.list_item && b.quote_depth == 0 && next && next->list_item &&
                           next->quote_depth == b.quote_depth && next->indent > b.indent + 0.01 &&
                           e.lines.size() <= kOpeningItemLines &&
                           (next->element.lines.size() >= 2 || two_subitems);
        break;
      }
      case Role::Heading: {
        const double extra = b.element.heading_level <= 2 ? r.section_lines : r.section_lines / 2;
        e.space_before = (kHeadingAbove + extra) * line;
        e.space_after = b.size * kHeadingBelow;
        break;
      }
      case Role::Rule:
        for (auto& l : e.lines) l.height = line, l.on_grid = r.grid;
        e.space_before = 0;
        e.space_after = r.grid ? 0 : body * 0.8;  // on the grid the rule's own line is the space
        break;
      case Role::Picture:
        e.space_before = body * 0.5;
        e.space_after = line * 0.6;
        break;
      case Role::Other:
        break;
    }
  }
  if (!r.grid) {  // the box needs room above and below where a quote starts and ends
    int previous = 0;
    for (std::size_t i = 0; i < c.blocks.size(); ++i) {
      Collected& b = c.blocks[i];
      if (b.quote_depth > previous) b.element.space_before += body * kQuotePadOffGrid;
      if (b.quote_depth < previous && i > 0) c.blocks[i - 1].element.space_after += body * kQuotePadOffGrid;
      previous = b.quote_depth;
    }
    if (previous > 0 && !c.blocks.empty()) c.blocks.back().element.space_after += body * kQuotePadOffGrid;
  }
  set_groups(c);
}

}  // namespace leafpress::layout
