#include "layout/blocks.hpp"

#include <algorithm>

namespace leafpress::layout {
namespace {

constexpr double kListIndentEm = 1.2;   // hanging indent per list level
constexpr double kQuoteIndentEm = 0.9;  // block quotes: text inset from the box, each side, per level
constexpr double kHeadingLeading = 1.2;

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
  c.heading_text = block.plain_text();
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

Status collect_text(const Scene& s, const doc::Block& block, Pt body, Pt column, Pt quote, Collected& c,
                    std::vector<std::string>& warnings) {
  auto st = body_style(s, body);
  Pt indent = quote;
  const Pt right = quote;
  if (block.kind == doc::BlockKind::ListItem) {
    indent = std::min(indent + block.depth * kListIndentEm * body, column / 3);
    if (block.first_in_item) {
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
  auto para = compose_checked(s, to_text_spans(block), st, column - indent - right, block.line, warnings);
  if (!para) return para.error();
  c.lines = std::move(para->lines);
  c.role = Role::Body;
  c.list_item = block.kind == doc::BlockKind::ListItem;
  c.indent = indent;
  c.size = body;
  c.color = s.t.text_color;
  c.element.space_after = body * s.t.leading * s.t.paragraph_spacing;
  for (std::size_t i = 0; i < c.lines.size(); ++i)
    c.element.lines.push_back(FlowLine{body * s.t.leading, body * kLineAscent});
  return Ok{};
}

// A stand-in until tables, notes and QR codes have a layout of their own: a table as
// lines of cells (a row per line), a note as "n. text", a QR code as caption and address.
doc::Span plain(std::string text) {
  doc::Span span;
  span.text = std::move(text);
  return span;
}

doc::Block as_paragraph(const doc::Block& block) {
  doc::Block out = block;
  out.kind = doc::BlockKind::Paragraph;
  out.spans.clear();
  if (block.kind == doc::BlockKind::Table) {
    for (const auto& row : block.table.rows) {
      if (!out.spans.empty()) out.spans.push_back(plain("\n"));
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c > 0) out.spans.push_back(plain("  "));
        out.spans.insert(out.spans.end(), row[c].spans.begin(), row[c].spans.end());
      }
    }
  } else if (block.kind == doc::BlockKind::Footnote) {
    if (block.first_in_item) out.spans.push_back(plain(std::to_string(block.footnote) + ". "));
    out.spans.insert(out.spans.end(), block.spans.begin(), block.spans.end());
  } else {
    out.spans = block.spans;
    out.spans.push_back(plain((block.spans.empty() ? "" : " ") + block.qr));
  }
  return out;
}

}  // namespace

Result<Collection> collect_blocks(const Scene& s, Pt body, Pt column, Pt max_image_height) {
  Collection out;
  out.body = body;
  out.column = column;
  std::string section = s.doc.meta.title;
  bool title_skipped = false;
  for (std::size_t index = 0; index < s.doc.blocks.size(); ++index) {
    const doc::Block& block = s.doc.blocks[index];
    Collected c;
    c.block = static_cast<int>(index);
    c.source_line = block.line;
    c.quote_depth = block.quote_depth;
    // Deep nesting indents no further than a sixth of the column: text must stay readable.
    const Pt quote = std::min(block.quote_depth * kQuoteIndentEm * body, column / 6);
    Status st = Ok{};
    switch (block.kind) {
      case doc::BlockKind::Heading:
        if (block.level == 1 && !title_skipped && block.plain_text() == s.doc.meta.title) {
          title_skipped = true;  // shown on the cover
          continue;
        }
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
      case doc::BlockKind::Table:
      case doc::BlockKind::Footnote:
        st = collect_text(s, as_paragraph(block), body, column, quote, c, out.warnings);
        break;
      case doc::BlockKind::Image:
        if (!block.qr.empty()) {
          st = collect_text(s, as_paragraph(block), body, column, quote, c, out.warnings);
          break;
        }
        st = collect_image(s, block, body, column - 2 * quote, max_image_height, c, out.warnings);
        c.indent += quote;
        break;
      default:
        st = collect_text(s, block, body, column, quote, c, out.warnings);
        break;
    }
    if (!st) return st.error();
    c.section = section;
    if (!c.element.lines.empty()) out.blocks.push_back(std::move(c));
  }
  return out;
}

}  // namespace leafpress::layout
