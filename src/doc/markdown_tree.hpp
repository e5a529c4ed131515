// doc/markdown_tree.hpp: the cmark-gfm tree flattened into a Document's blocks and spans.
//
// flatten_tree walks the blocks (markdown_blocks.cpp); collect_spans turns the
// inline content of one paragraph, heading or table cell into styled spans
// (markdown_inlines.cpp). Both report what will not print (raw HTML, a footnote
// reference without a definition) as Warnings with the line in the article.
// Lines: cmark-gfm counts from the body's first line; `line_offset` (body_line - 1)
// makes them lines of the file.
#pragma once

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "doc/cmark_gfm.hpp"
#include "doc/document.hpp"

namespace leafpress::doc {

struct InlineContext {
  const Escapes& escapes;
  std::vector<Warning>& warnings;
  int line_offset = 0;
  int block_line = 0;  // the line of the block, for nodes without a position of their own
};

// Spans of `container` (a paragraph, heading, table cell or image). Raw inline HTML
// prints nothing and gives one warning per line (`<br>` is a line break, comments are
// silent); a footnote reference becomes Span{text = its number, footnote = number}.
std::vector<Span> collect_spans(cmark_node* container, InlineContext& context);

// Fills doc.blocks (and doc.warnings) from the tree. `body` is the Markdown as parsed,
// for finding footnote definitions that no reference uses.
Status flatten_tree(const GfmTree& tree, std::string_view body, Document& doc);

}  // namespace leafpress::doc
