// layout/inline_marks.hpp: what a line's glyphs carry besides their text: links,
// strikethrough, footnote references; and drawing a composed line with them.
//
// spans_of turns an article's spans into text::TextSpans for text::compose and, in
// the same order, a SpanMark each (text::PlacedGlyph::span indexes both):
//   - a footnote reference (doc::Span::footnote) becomes a superscript;
//   - a link keeps its target and an occurrence number (consecutive spans with one
//     target are one link: `[**Book** now](url)`); with `links.print_urls: true` in
//     the layout, a link whose text is not its address is followed by " (address)";
//   - ~~struck~~ text is marked for a rule through it.
// draw_line puts one composed line on a page: its glyph runs (link text in the link
// colour, superscripts as a run of their own at text::kSuperscriptScale of the size),
// a rule through struck glyphs (kStrikeRise em above the baseline, kStrikeWeight em
// thick, in the text's colour), and returns the link pieces with the rectangle over
// each piece's glyphs (for a LinkArea: the whole line height, kLinkAscent above the
// baseline to kLinkDescent below).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "layout/page_model.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

constexpr double kStrikeRise = 0.28;  // em: about the middle of the lowercase letters and of Han
constexpr double kStrikeWeight = 0.05;
constexpr double kLinkAscent = 0.85, kLinkDescent = 0.25;  // em

struct SpanMark {
  std::string link{};   // the target, or empty
  int occurrence = -1;  // which link it belongs to (numbered by spans_of); -1: none
  bool strike = false;
};

struct InlineText {
  std::vector<text::TextSpan> spans;
  std::vector<SpanMark> marks;           // one per span
  std::map<int, std::string> link_text;  // per occurrence: the link's text (the annotation's /Contents)
};

// `next_occurrence` numbers links across several calls (the cells of one table).
InlineText spans_of(const std::vector<doc::Span>& spans, bool print_urls, int& next_occurrence);

struct LinkPiece {
  int occurrence = -1;
  std::string uri;
  Rect rect;
  int element = kArtifact;  // the Link structure element its text is tagged with
};

// The tag of the next run drawn: of a link's text (`occurrence` >= 0) or of plain text (-1).
using RunTagger = std::function<Tag(int occurrence)>;

void draw_line(Page& page, const text::Line& line, Pt x, Pt baseline, Pt size, Cmyk color, Cmyk link_color,
               const std::vector<SpanMark>& marks, std::vector<LinkPiece>& links, const RunTagger& tag);

// Adds the pieces of one block's links to `page` as LinkAreas, one per link and page: pieces of one
// link on two lines become one area over both (Rect: their union; quads: each piece).
void add_link_areas(Page& page, const std::vector<LinkPiece>& pieces,
                    const std::map<int, std::string>& link_text);

}  // namespace leafpress::layout
