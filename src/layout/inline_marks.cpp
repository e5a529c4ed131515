#include "layout/inline_marks.hpp"

#include <algorithm>
#include <map>

namespace leafpress::layout {

InlineText spans_of(const std::vector<doc::Span>& spans, bool print_urls, int& next_occurrence) {
  InlineText out;
  const std::string* open_link = nullptr;  // the target of the link being read
  int occurrence = -1;
  auto close_link = [&](std::size_t end) {
    // `[text](https://x)` prints "text (https://x)" when the layout asks for it; an autolink's
    // text is its address already.
    if (open_link && print_urls && out.link_text[occurrence] != *open_link &&
        "mailto:" + out.link_text[occurrence] != *open_link) {
      out.spans.insert(out.spans.begin() + static_cast<std::ptrdiff_t>(end),
                       text::TextSpan{" (" + *open_link + ")", false, false, false, true});
      out.marks.insert(out.marks.begin() + static_cast<std::ptrdiff_t>(end), SpanMark{});
    }
    open_link = nullptr;
  };
  for (const auto& sp : spans) {
    if (open_link && sp.link != *open_link) close_link(out.spans.size());
    SpanMark mark;
    mark.strike = sp.strike;
    if (!sp.link.empty()) {
      if (!open_link) {
        open_link = &sp.link;
        occurrence = next_occurrence++;
      }
      mark.link = sp.link;
      mark.occurrence = occurrence;
      out.link_text[occurrence] += sp.text;
    }
    text::TextSpan t{sp.text, sp.strong, sp.emphasis, sp.code, !sp.link.empty() && sp.link == sp.text};
    t.superscript = sp.footnote > 0;
    out.spans.push_back(std::move(t));
    out.marks.push_back(std::move(mark));
  }
  close_link(out.spans.size());
  return out;
}

void draw_line(Page& page, const text::Line& line, Pt x, Pt baseline, Pt size, Cmyk color, Cmyk link_color,
               const std::vector<SpanMark>& marks, std::vector<LinkPiece>& links, const RunTagger& tag) {
  auto mark_of = [&](const text::PlacedGlyph& g) -> const SpanMark* {
    return g.span >= 0 && static_cast<std::size_t>(g.span) < marks.size()
               ? &marks[static_cast<std::size_t>(g.span)]
               : nullptr;
  };
  // Runs: consecutive glyphs of one colour and size.
  const std::vector<text::PlacedGlyph>& glyphs = line.glyphs;
  for (std::size_t i = 0; i < glyphs.size();) {
    const SpanMark* m = mark_of(glyphs[i]);
    const bool link = m && !m->link.empty();
    const bool sup = glyphs[i].superscript;
    std::size_t j = i;
    GlyphRun run{x,
                 baseline,
                 sup ? size * text::kSuperscriptScale : size,
                 link ? link_color : color,
                 {},
                 tag(link ? m->occurrence : -1)};
    for (; j < glyphs.size(); ++j) {
      const SpanMark* mj = mark_of(glyphs[j]);
      if (glyphs[j].superscript != sup || (mj && !mj->link.empty()) != link) break;
    }
    run.glyphs.assign(glyphs.begin() + static_cast<std::ptrdiff_t>(i),
                      glyphs.begin() + static_cast<std::ptrdiff_t>(j));  // one allocation
    // The hyphen a break inserted stands for no character of the text (kSoftHyphen).
    if (j == glyphs.size() && line.hyphenated && !run.glyphs.empty()) run.glyphs.back().text = kSoftHyphen;
    run.actual_text = line.spread;
    page.runs.push_back(std::move(run));
    i = j;
  }
  // Strikethrough and link pieces: consecutive glyphs with the same mark.
  for (std::size_t i = 0; i < glyphs.size();) {
    const SpanMark* m = mark_of(glyphs[i]);
    if (!m || (!m->strike && m->occurrence < 0)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    Pt x0 = glyphs[i].x, x1 = glyphs[i].x;
    bool strike = m->strike;
    for (; j < glyphs.size(); ++j) {
      const SpanMark* mj = mark_of(glyphs[j]);
      if (!mj || mj->occurrence != m->occurrence || mj->strike != strike) break;
      x0 = std::min(x0, glyphs[j].x);
      x1 = std::max(x1, glyphs[j].x + glyphs[j].advance);
    }
    // A piece ending in a space: the space is not struck, nor part of the link's area.
    while (j > i + 1 && glyphs[j - 1].text == " ") {
      --j;
      x1 = glyphs[j - 1].x + glyphs[j - 1].advance;
    }
    if (strike) {
      const Pt y = baseline + size * kStrikeRise;
      page.rules.push_back(Rule{x + x0, y, x + x1, y, size * kStrikeWeight, color});
    }
    if (m->occurrence >= 0)
      links.push_back(
          LinkPiece{m->occurrence, m->link,
                    Rect{x + x0, baseline - size * kLinkDescent, x + x1, baseline + size * kLinkAscent},
                    tag(m->occurrence).element});
    while (j < glyphs.size() && mark_of(glyphs[j]) == m) ++j;  // the trailing space of the piece
    i = j;
  }
}

void add_link_areas(Page& page, const std::vector<LinkPiece>& pieces,
                    const std::map<int, std::string>& link_text) {
  std::map<int, std::size_t> area;  // occurrence → index in page.links
  for (const auto& p : pieces) {
    const auto it = area.find(p.occurrence);
    if (it == area.end()) {
      const auto text = link_text.find(p.occurrence);
      const std::string contents = text != link_text.end() ? text->second : p.uri;
      page.links.push_back(LinkArea{p.rect, p.uri, contents, p.element});
      area[p.occurrence] = page.links.size() - 1;
      continue;
    }
    LinkArea& a = page.links[it->second];
    if (a.quads.empty()) a.quads.push_back(a.rect);
    a.quads.push_back(p.rect);
    a.rect = Rect{std::min(a.rect.x0, p.rect.x0), std::min(a.rect.y0, p.rect.y0),
                  std::max(a.rect.x1, p.rect.x1), std::max(a.rect.y1, p.rect.y1)};
  }
}

}  // namespace leafpress::layout
