#include "layout/blocks.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "doc/smart_punctuation.hpp"

namespace leafpress::layout {
namespace {

constexpr double kListIndentEm = 1.2;   // hanging indent per list level
constexpr double kQuoteIndentEm = 0.9;  // block quotes: text inset from the box, each side, per level
constexpr double kHeadingLeading = 1.2;

// Chinese and Japanese text stands on a grid of whole ems from the column's edge
// (column_width rounds the measure to whole ems): list and quote indents are whole ems
// too, so that an indented line's characters stand under the body's (CLReq 3.2, JLReq
// 3.3.2: indents of one or more full ems). `limit` caps the indent, rounded down alike.
Pt indent_of(const Scene& s, double ems, Pt body, Pt limit) {
  if (!text::is_cjk_language(s.lang)) return std::min(ems * body, limit);
  return std::min(std::ceil(ems - 1e-9) * body, std::floor(limit / body) * body);
}

Status collect_heading(const Scene& s, const doc::Block& block, Pt body, Pt width, Collected& c,
                       std::vector<std::string>& warnings) {
  const auto st = heading_style(s, block.level, body);
  auto para = compose_checked(s, to_text_spans(block), st, width, block.line, warnings);
  if (!para) return para.error();
  c.lines = std::move(para->lines);
  c.size = st.size;
  c.color = s.t.accent;
  c.element.space_before = st.size * 0.9;
  c.element.space_after = st.size * 0.25;
  c.element.keep_with_next = true;
  c.element.new_panel = block.new_panel;
  for (std::size_t i = 0; i < c.lines.size(); ++i)
    c.element.lines.push_back(FlowLine{st.size * kHeadingLeading, st.size * kLineAscent});
  c.heading = true;
  c.role = Role::Heading;
  c.element.heading_level = block.level;
  c.heading_text = doc::one_line(block.plain_text());  // a bookmark's title: one line
  return Ok{};
}

// A figure (a picture or a QR code) w × h points, centred in the column, kept with
// its caption (the block's alt text) under it.
Status set_figure(const Scene& s, const doc::Block& block, Pt body, Pt column, Pt w, Pt h, Collected& c,
                  std::vector<std::string>& warnings) {
  c.role = Role::Picture;
  c.image_width = w;
  c.image_height = h;
  c.indent = (column - w) / 2;
  c.size = body;
  c.element.keep_together = true;
  c.element.space_before = body * 0.5;
  c.element.space_after = body * s.t.leading * 0.6;
  c.element.lines.push_back(FlowLine{h + body * 0.3, h});
  const auto st = caption_style(s, body);
  c.caption_size = st.size;
  c.color = s.t.text_color;
  if (!block.plain_text().empty()) {
    auto para = compose_checked(s, to_text_spans(block), st, column, block.line, warnings);
    if (!para) return para.error();
    c.lines = std::move(para->lines);
    for (std::size_t i = 0; i < c.lines.size(); ++i)
      c.element.lines.push_back(FlowLine{st.size * 1.3, st.size * kLineAscent});
  }
  return Ok{};
}

Status collect_image(const Scene& s, const doc::Block& block, Pt body, Pt column, Pt max_height, Collected& c,
                     std::vector<std::string>& warnings) {
  const auto found = s.images.find(block.image);
  if (found == s.images.end() || !found->second || found->second->width <= 0 || found->second->height <= 0)
    return Error{s.doc.path, block.line, "the picture '" + block.image + "' was not loaded",
                 "check the path after ![...]( in the article"};
  const doc::Raster& r = *found->second;
  if (max_height < 2 * body * s.t.leading || column <= 0)
    return Error{s.doc.path, block.line,
                 "there is no room for the picture '" + block.image + "' in this layout",
                 "shorten the title or the clinic block, or choose a layout with taller panels"};
  Pt w = column, h = column * r.height / r.width;
  if (h > max_height) w = w * max_height / h, h = max_height;
  c.image = found->second;
  return set_figure(s, block, body, column, w, h, c, warnings);
}

Status collect_text(const Scene& s, const doc::Block& block, Pt body, Pt column, Pt quote, Collected& c,
                    std::vector<std::string>& warnings, int& next_link) {
  auto st = body_style(s, body);
  align_body(s, st, column, body, block);
  Pt indent = quote;
  const Pt right = quote;
  if (block.kind == doc::BlockKind::ListItem) {
    indent = indent_of(s, indent / body + block.depth * kListIndentEm, body, column / 3);
    if (block.first_in_item && block.task != doc::Task::None) {
      c.task = block.task;  // place_blocks draws the box, kTaskBox em square, hung like a marker
      c.marker_x = indent - body / 3 - body * kTaskBox;
    } else if (block.first_in_item) {
      // The marker hangs left of the text, ending a third of an em before it, whatever its width.
      const std::string mark = block.ordered     ? std::to_string(block.number) + "."
                               : block.depth % 2 ? "•"
                                                 : "–";
      auto marker_style = st;
      marker_style.align = text::Align::Left;
      marker_style.hyphenate = false;
      auto m = compose_checked(s, {text::TextSpan{mark}}, marker_style, column, block.line, warnings);
      if (!m) return m.error();
      if (!m->lines.empty()) {
        c.marker = m->lines.front();
        c.marker_x = indent - body / 3 - c.marker->width;
      }
    }
  }
  if (block.kind == doc::BlockKind::Code) st.align = text::Align::Left, st.hyphenate = false;
  InlineText text = spans_of(block.spans, s.t.print_urls, next_link);
  c.marks = std::move(text.marks);
  c.link_text = std::move(text.link_text);
  auto para = compose_checked(s, text.spans, st, column - indent - right, block.line, warnings);
  if (!para) return para.error();
  c.lines = std::move(para->lines);
  c.role = Role::Body;
  c.ragged = st.align == text::Align::Ragged;
  c.measure = column - indent - right;
  c.list_item = block.kind == doc::BlockKind::ListItem;
  // Composed again after the flow (column_ends, hyphen_budget) from the very spans set here:
  // to_text_spans(block) has neither a footnote's superscript nor an address printed after its
  // link, and their glyphs would no longer match c.marks.
  // It holds the article's hyphenation list too, which its style points at.
  c.recompose = [&fonts = s.fonts, spans = std::move(text.spans), st, list = s.hyphenation,
                 width = column - indent - right](const text::ComposeOptions& o) {
    return text::compose(spans, st, width, fonts, o);
  };
  c.indent = indent;
  c.size = body;
  c.color = s.t.text_color;
  c.element.space_after = body * s.t.leading * s.t.paragraph_spacing;
  for (std::size_t i = 0; i < c.lines.size(); ++i)
    c.element.lines.push_back(FlowLine{body * s.t.leading, body * kLineAscent});
  return Ok{};
}

Status collect_table(const Scene& s, const doc::Block& block, Pt body, Pt width, Collected& c,
                     std::vector<std::string>& warnings, int& next_link) {
  auto table = set_table(s, block.table, body, width, block.line, warnings, next_link);
  if (!table) return table.error();
  c.size = table->size;
  c.color = s.t.text_color;
  c.element.space_before = body * 0.4;
  c.element.space_after = body * s.t.leading * 0.6;
  // Kept in one frame when it fits one, unless moving on would leave a hole (panel_flow splits
  // such a table, and a taller one, between rows); the header row comes again at the top of every
  // frame the table continues into.
  c.element.keep_together = true;
  c.element.repeat_lines = static_cast<std::size_t>(table->header_rows);
  for (const auto& row : table->rows) c.element.lines.push_back(FlowLine{row.height, row.height});
  c.link_text = table->link_text;
  c.table = std::make_shared<const TableLayout>(std::move(*table));
  return Ok{};
}

Status collect_qr(const Scene& s, const doc::Block& block, Pt body, Pt column, Collected& c,
                  std::vector<std::string>& warnings) {
  auto qr = encode_qr(block.qr);
  if (!qr) return Error{s.doc.path, block.line, qr.error().message, qr.error().hint};
  const Pt w = qr_width(*qr, column);
  c.qr = std::make_shared<const QrCode>(std::move(*qr));
  return set_figure(s, block, body, column, w, w, c, warnings);
}

// A footnote's paragraph: kNoteScale of the body, its number hung left like a list's.
Status collect_note(const Scene& s, const doc::Block& block, bool first_of_note, bool first_note, Pt body,
                    Pt column, Collected& c, std::vector<std::string>& warnings, int& next_link) {
  auto st = body_style(s, body * kNoteScale);
  align_body(s, st, column, body, block);
  const Pt indent = std::min(kListIndentEm * 1.2 * st.size, column / 4);
  if (first_of_note) {
    auto marker_style = st;
    marker_style.align = text::Align::Left;
    marker_style.hyphenate = false;
    auto m = compose_checked(s, {text::TextSpan{std::to_string(block.footnote) + "."}}, marker_style, column,
                             block.line, warnings);
    if (!m) return m.error();
    if (!m->lines.empty()) {
      c.marker = m->lines.front();
      c.marker_x = indent - st.size / 3 - c.marker->width;
    }
  }
  InlineText text = spans_of(block.spans, s.t.print_urls, next_link);
  c.marks = std::move(text.marks);
  c.link_text = std::move(text.link_text);
  auto para = compose_checked(s, text.spans, st, column - indent, block.line, warnings);
  if (!para) return para.error();
  c.lines = std::move(para->lines);
  c.indent = indent;
  c.size = st.size;
  c.color = s.t.text_color;
  c.note_rule = first_note;
  if (first_note) c.element.space_before = body * s.t.leading * 1.2;  // room for the rule above
  c.element.space_after = st.size * s.t.leading * 0.3;
  for (std::size_t i = 0; i < c.lines.size(); ++i)
    c.element.lines.push_back(FlowLine{st.size * s.t.leading, st.size * kLineAscent});
  return Ok{};
}

}  // namespace

Result<Collection> collect_blocks(const Scene& s, Pt body, Pt column, Pt max_image_height) {
  Collection out;
  out.body = body;
  out.column = column;
  std::string section = doc::one_line(s.doc.meta.title);  // for messages
  bool heading_seen = false;  // only the article's first heading may be the title's repeat
  int next_link = 0;          // numbers the links of the article (inline_marks.hpp)
  int previous_note = 0;      // the footnote number of the block before, if any
  bool notes_started = false;
  for (std::size_t index = 0; index < s.doc.blocks.size(); ++index) {
    const doc::Block& block = s.doc.blocks[index];
    Collected c;
    c.block = static_cast<int>(index);
    c.source_line = block.line;
    c.quote_depth = block.quote_depth;
    // Deep nesting indents no further than a sixth of the column: text must stay readable.
    const Pt quote = indent_of(s, block.quote_depth * kQuoteIndentEm, body, column / 6);
    Status st = Ok{};
    switch (block.kind) {
      case doc::BlockKind::Heading:
        // The title, shown on the cover, when the article opens with it; a later section that
        // happens to be called the same keeps its heading.
        if (!std::exchange(heading_seen, true) && block.level == 1 &&
            doc::repeats_title(block.plain_text(), s.doc.meta.title))
          continue;
        st = collect_heading(s, block, body, column - 2 * quote, c, out.warnings);
        c.indent = quote;
        section = c.heading_text;
        break;
      case doc::BlockKind::ThematicBreak:
        c.rule = true;
        c.role = Role::Rule;
        c.size = body;
        c.element.space_before = body * 0.3;
        c.element.space_after = body * 0.8;
        c.element.lines.push_back(FlowLine{body * s.t.leading, body * 0.5});
        break;
      case doc::BlockKind::Image:
        if (!block.qr.empty())
          st = collect_qr(s, block, body, column - 2 * quote, c, out.warnings);
        else
          st = collect_image(s, block, body, column - 2 * quote, max_image_height, c, out.warnings);
        c.indent += quote;
        break;
      case doc::BlockKind::Table:
        st = collect_table(s, block, body, column - 2 * quote, c, out.warnings, next_link);
        c.indent = quote;
        break;
      case doc::BlockKind::Footnote:
        st = collect_note(s, block, block.footnote != previous_note, !notes_started, body, column, c,
                          out.warnings, next_link);
        notes_started = true;
        break;
      default:
        st = collect_text(s, block, body, column, quote, c, out.warnings, next_link);
        break;
    }
    if (!st) return st.error();
    // (The space a quote box needs above and below is set with the rhythm: rhythm.cpp.)
    previous_note = block.kind == doc::BlockKind::Footnote ? block.footnote : 0;
    c.section = section;
    if (!c.element.lines.empty()) out.blocks.push_back(std::move(c));
  }
  return out;
}

}  // namespace leafpress::layout
