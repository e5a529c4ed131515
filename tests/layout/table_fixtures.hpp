// tests/layout/table_fixtures.hpp: hand-made tables, links, notes and QR codes as
// doc::Blocks, so the layout tests do not depend on the Markdown parser.
#pragma once

#include <string>
#include <vector>

#include "doc/document.hpp"
#include "tests/layout/layout_fixtures.hpp"

namespace leafpress::test {

inline doc::Span span(std::string text, std::string link = "") {
  doc::Span s;
  s.text = std::move(text);
  s.link = std::move(link);
  return s;
}

// A table from rows of plain cell texts; the first row is the header.
inline doc::Block table_block(std::vector<doc::ColumnAlign> align,
                              const std::vector<std::vector<std::string>>& rows, int line = 5) {
  doc::Block b;
  b.kind = doc::BlockKind::Table;
  b.line = line;
  b.table.align = std::move(align);
  for (const auto& r : rows) {
    auto& row = b.table.rows.emplace_back();
    for (const auto& text : r) row.push_back(doc::TableCell{{span(text)}});
  }
  b.table.header_rows = 1;
  return b;
}

inline doc::Block paragraph(std::vector<doc::Span> spans, int line = 3) {
  doc::Block b;
  b.kind = doc::BlockKind::Paragraph;
  b.spans = std::move(spans);
  b.line = line;
  return b;
}

// "# Title\n\n" + intro, parsed, then `blocks` appended.
inline doc::Document document_with(std::vector<doc::Block> blocks, const std::string& intro = "An intro.",
                                   const std::string& front = "") {
  auto d = doc::parse_document(front + "# Title\n\n" + intro + "\n", "article.md");
  if (!d) FAIL(d.error().describe());
  for (auto& b : blocks) d->blocks.push_back(std::move(b));
  return std::move(*d);
}

inline layout::PageModel laid_out(const doc::Document& d, const std::string& layout = "trifold-a4") {
  auto m = layout::lay_out(d, shipped_layout(layout), project_fonts());
  if (!m) FAIL(m.error().describe());
  return std::move(*m);
}

}  // namespace leafpress::test
