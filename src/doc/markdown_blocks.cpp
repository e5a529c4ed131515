// doc/markdown_blocks.cpp: the cmark-gfm block tree -> a flat list of Blocks.
//
// Blocks are walked by recursion, bounded by kMaxDepth (lists and quotes).
//
// Pictures: a paragraph that holds one image and nothing else becomes an Image
// block; its path is resolved inside the article's folder here (doc/image.hpp),
// so a bad path stops the build at the line that names it. Two exceptions: a
// source `qr:URL` is a QR code (Block::qr, no file), and a path holding a
// `{{placeholder}}` is left as written for a batch run to fill and resolve
// (batch/variables.cpp). An image among other text stays inline: its alt text is
// kept as text, its file is neither read nor checked.
//
// Tables become one Table block; footnote definitions, which cmark-gfm moves to the
// end of the document in the order of their first reference, become Footnote blocks.
// A definition no reference uses is dropped by cmark-gfm: it is found again in the
// source and reported.
//
// Raw HTML: `<!-- new-panel -->` on its own, right before a heading, sets that
// heading's new_panel. Other comments are silent, as they are in a browser. Every
// other HTML block prints nothing and gives one warning at its first line.
#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <string>

#include "core/utf8.hpp"
#include "doc/image.hpp"
#include "doc/markdown_tree.hpp"

namespace leafpress::doc {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::string literal_of(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? std::string(text) : std::string();
}

// The one image a paragraph holds, when it holds nothing else (blanks aside).
cmark_node* sole_image(cmark_node* paragraph) {
  cmark_node* image = nullptr;
  for (cmark_node* child = cmark_node_first_child(paragraph); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_IMAGE:
        if (image != nullptr) return nullptr;
        image = child;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        break;
      case CMARK_NODE_TEXT:
        if (!is_blank(literal_of(child))) return nullptr;
        break;
      default:
        return nullptr;
    }
  }
  return image;
}

// `<!-- new-panel -->`, blanks inside the comment and around it allowed.
bool is_new_panel_marker(cmark_node* html_block) {
  std::string text = literal_of(html_block);
  std::erase_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  return text == "<!--new-panel-->";
}

// An HTML block that is only comments (`<!-- a note for the editor -->`) prints nothing
// in a browser either: no warning.
bool is_comment_only(cmark_node* html_block) {
  const std::string literal = literal_of(html_block);
  std::string_view text = literal;
  while (true) {
    const auto start = text.find_first_not_of(" \t\n");
    if (start == std::string_view::npos) return true;
    text.remove_prefix(start);
    if (!text.starts_with("<!--")) return false;
    const auto end = text.find("-->", 4);
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + 3);
  }
}

bool is_break_only(cmark_node* html_block) {
  std::string tag;
  for (char c : literal_of(html_block))
    if (c != ' ' && c != '\t' && c != '\n')
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tag == "<br>" || tag == "<br/>";
}

bool has_placeholder(std::string_view path) {
  return path.find("{{") != std::string_view::npos || path.find("%7B%7B") != std::string_view::npos ||
         path.find("%7b%7b") != std::string_view::npos;
}

ColumnAlign align_of(std::uint8_t a) {
  switch (a) {
    case 'l':
      return ColumnAlign::Left;
    case 'c':
      return ColumnAlign::Center;
    case 'r':
      return ColumnAlign::Right;
    default:
      return ColumnAlign::None;
  }
}

// Where a block sits: what encloses it, for layout to indent and number.
struct Nesting {
  int containers = 0;  // lists + quotes, bounded by kMaxDepth
  int list_depth = 0;
  int quote_depth = 0;
  bool ordered = false;
  int number = 0;
  Task task = Task::None;
  std::size_t item_start = 0;  // index of the enclosing item's (or footnote's) first block
  int footnote = 0;            // inside footnote definition n: text blocks are Footnote blocks
};

class BlockWalker {
 public:
  BlockWalker(const GfmTree& tree, Document& doc)
      : escapes_(tree.escapes),
        source_(tree.text),
        path_(doc.path),
        line_offset_(doc.meta.body_line - 1),
        doc_(doc) {
    // Where each line starts, found once: looking a block's lines up from the top of the
    // source for every paragraph made a 60 000-item list quadratic (minutes).
    line_starts_.push_back(0);
    for (std::size_t at = source_.find('\n'); at != std::string_view::npos; at = source_.find('\n', at + 1))
      line_starts_.push_back(at + 1);
  }

  Status walk_children(cmark_node* parent, const Nesting& at) {
    for (cmark_node* child = cmark_node_first_child(parent); child != nullptr; child = cmark_node_next(child))
      if (auto status = walk(child, at); !status) return status;
    return Ok{};
  }

  // A `<!-- new-panel -->` that no heading followed.
  [[nodiscard]] Status finish() const {
    if (new_panel_line_ == 0) return Ok{};
    return new_panel_without_heading(new_panel_line_);
  }

  [[nodiscard]] const std::set<int>& footnote_lines() const { return footnote_lines_; }

 private:
  Status walk(cmark_node* node, const Nesting& at) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE: {
        if (auto status = check_depth(node, at); !status) return status;
        Nesting inner = at;
        ++inner.containers;
        ++inner.quote_depth;
        return walk_children(node, inner);
      }
      case CMARK_NODE_LIST:
        return walk_list(node, at);
      case CMARK_NODE_PARAGRAPH: {
        if (cmark_node* image = sole_image(node)) return add_image(node, image, at);
        warn_broken_table(node);
        // Only a paragraph directly in an item carries the item's marker; one
        // inside a quote inside an item is a plain paragraph at that depth.
        const bool in_item = cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_ITEM;
        Block block = make(in_item ? BlockKind::ListItem : BlockKind::Paragraph, node, at);
        block.spans = spans_of(node, block.line);
        if (block.spans.empty()) return Ok{};  // only raw HTML, or an image without alt text
        if (in_item && block.kind == BlockKind::ListItem) {
          block.ordered = at.ordered;
          block.number = at.number;
          block.first_in_item = doc_.blocks.size() == at.item_start;
          if (block.first_in_item) block.task = at.task;
        }
        return push(std::move(block));
      }
      case CMARK_NODE_HEADING: {
        Block block = make(BlockKind::Heading, node, at);
        block.level = cmark_node_get_heading_level(node);
        block.spans = spans_of(node, block.line);
        if (block.spans.empty()) return Ok{};
        block.new_panel = new_panel_line_ != 0;
        new_panel_line_ = 0;
        return push(std::move(block));
      }
      case CMARK_NODE_HTML_BLOCK:
        if (is_new_panel_marker(node)) {
          if (new_panel_line_ != 0) return new_panel_without_heading(new_panel_line_);
          new_panel_line_ = line_of(node);
        } else if (!is_comment_only(node) && !is_break_only(node)) {
          std::string first = literal_of(node);
          first = first.substr(0, first.find('\n'));
          if (first.size() > 60) first = std::string(utf8_prefix(first, 60)) + "…";
          doc_.warnings.push_back(Warning{line_of(node), "raw HTML is not printed (" +
                                                             escapes_.restore(first, false) +
                                                             "); write it in Markdown instead"});
        }
        return Ok{};
      case CMARK_NODE_CODE_BLOCK: {
        std::string text = escapes_.restore(literal_of(node), false);
        if (!text.empty() && text.back() == '\n') text.pop_back();  // cmark ends every code line with '\n'
        if (text.empty()) return Ok{};
        Block block = make(BlockKind::Code, node, at);
        Span span;
        span.text = std::move(text);
        span.code = true;
        block.spans.push_back(std::move(span));
        return push(std::move(block));
      }
      case CMARK_NODE_THEMATIC_BREAK:
        if (at.footnote != 0) return Ok{};
        return push(make(BlockKind::ThematicBreak, node, at));
      case CMARK_NODE_FOOTNOTE_DEFINITION: {
        footnote_lines_.insert(line_of(node));
        Nesting inner;  // a note stands alone, outside whatever enclosed its definition
        inner.footnote = ++footnotes_;
        inner.item_start = doc_.blocks.size();
        return walk_children(node, inner);
      }
      default:
        if (gfm_kind(node) == GfmKind::Table) return add_table(node, at);
        return Ok{};  // CUSTOM_BLOCK: cmark's parser never makes one
    }
  }

  std::vector<Span> spans_of(cmark_node* node, int line) {
    InlineContext context{escapes_, doc_.warnings, line_offset_, line};
    return collect_spans(node, context);
  }

  // Every block but a heading: a pending `<!-- new-panel -->` was not followed by one.
  Status push(Block block) {
    if (new_panel_line_ != 0 && block.kind != BlockKind::Heading)
      return new_panel_without_heading(new_panel_line_);
    doc_.blocks.push_back(std::move(block));
    return Ok{};
  }

  [[nodiscard]] Status new_panel_without_heading(int line) const {
    return Error{path_, line, "`<!-- new-panel -->` is not followed by a heading",
                 "put it on the line right before the heading of the section that should start a new panel"};
  }

  // A paragraph that is only a picture: the file resolved now, the alt text kept as the caption.
  Status add_image(cmark_node* paragraph, cmark_node* image, const Nesting& at) {
    Block block = make(BlockKind::Image, paragraph, at);
    const char* raw = cmark_node_get_url(image);
    const std::string url = escapes_.restore(raw != nullptr ? raw : "", true);
    block.spans = spans_of(image, block.line);
    if (at.footnote != 0) {  // a note is text: its picture is its alt text
      block.kind = BlockKind::Footnote;
      return block.spans.empty() ? Status{Ok{}} : push(std::move(block));
    }
    if (url.starts_with("qr:")) {
      block.qr = url.substr(3);
      if (block.qr.empty())
        return Error{path_, block.line, "the QR code has no address",
                     "write the address after `qr:`, e.g. ![Book online](qr:https://clinic.example/book)"};
      return push(std::move(block));
    }
    if (has_placeholder(url)) {
      block.image = url;  // resolved once a batch run has filled it in (batch/variables.cpp)
      return push(std::move(block));
    }
    auto file = resolve_asset(path_, url, block.line);
    if (!file) return file.error();
    block.image = file->string();
    return push(std::move(block));
  }

  Status add_table(cmark_node* table, const Nesting& at) {
    Block block = make(BlockKind::Table, table, at);
    const auto columns = static_cast<std::size_t>(cmark_gfm_extensions_get_table_columns(table));
    const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(table);
    for (std::size_t c = 0; c < columns; ++c)
      block.table.align.push_back(align_of(aligns != nullptr ? aligns[c] : 0));
    block.table.header_rows = 0;
    for (cmark_node* row = cmark_node_first_child(table); row != nullptr; row = cmark_node_next(row)) {
      const GfmKind kind = gfm_kind(row);
      if (kind != GfmKind::TableRow && kind != GfmKind::TableHeader) continue;
      if (kind == GfmKind::TableHeader) ++block.table.header_rows;
      std::vector<TableCell> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr; cell = cmark_node_next(cell))
        if (gfm_kind(cell) == GfmKind::TableCell) {
          const int line = cmark_node_get_start_line(cell) > 0 ? line_of(cell) : block.line;
          cells.push_back(TableCell{spans_of(cell, line)});
        }
      if (kind == GfmKind::TableRow) warn_extra_cells(row, columns);
      cells.resize(columns);  // GFM: missing cells are empty, excess ones are dropped
      block.table.rows.push_back(std::move(cells));
    }
    if (at.footnote != 0) block.footnote = at.footnote;
    return push(std::move(block));
  }

  Status walk_list(cmark_node* list, const Nesting& at) {
    if (auto status = check_depth(list, at); !status) return status;
    Nesting inner = at;
    ++inner.containers;
    ++inner.list_depth;
    inner.ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    const int start = cmark_node_get_list_start(list);
    int index = 0;
    for (cmark_node* item = cmark_node_first_child(list); item != nullptr; item = cmark_node_next(item)) {
      inner.number = inner.ordered ? start + index++ : 0;
      inner.task = gfm_kind(item) != GfmKind::TaskItem                    ? Task::None
                   : cmark_gfm_extensions_get_tasklist_item_checked(item) ? Task::Done
                                                                          : Task::Open;
      if (at.footnote == 0) inner.item_start = doc_.blocks.size();
      if (auto status = walk_children(item, inner); !status) return status;
    }
    return Ok{};
  }

  [[nodiscard]] Status check_depth(cmark_node* node, const Nesting& at) const {
    if (at.containers < kMaxDepth) return Ok{};
    return Error{path_, line_of(node),
                 "lists and quotes are nested more than " + std::to_string(kMaxDepth) + " levels deep",
                 "flatten the nesting; a leaflet rarely needs more than three levels"};
  }

  // cmark-gfm leaves some nodes without a position (a paragraph after an empty footnote
  // definition): they take the line of the block before, which is where they follow.
  [[nodiscard]] int line_of(cmark_node* node) const {
    const int line = cmark_node_get_start_line(node);
    if (line > 0) return line + line_offset_;
    return doc_.blocks.empty() ? line_offset_ + 1 : doc_.blocks.back().line;
  }

  // A footnote's text blocks are Footnote blocks; the first carries the number (first_in_item).
  [[nodiscard]] Block make(BlockKind kind, cmark_node* node, const Nesting& at) const {
    Block block;
    block.kind = kind;
    block.depth = at.list_depth;
    block.quote_depth = at.quote_depth;
    block.line = line_of(node);
    if (at.footnote != 0 && kind != BlockKind::Table && kind != BlockKind::ThematicBreak) {
      block.kind = BlockKind::Footnote;
      block.footnote = at.footnote;
      block.first_in_item = doc_.blocks.size() == at.item_start;
    }
    return block;
  }

  // GFM drops the cells of a row beyond the header's count: say so, with the row's line.
  void warn_extra_cells(cmark_node* row, std::size_t columns) {
    const std::string_view line = source_line(cmark_node_get_start_line(row));
    std::size_t cells = 1;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\')
        ++i;  // `\|` is a bar inside a cell
      else if (line[i] == '|')
        ++cells;
    }
    const auto trimmed = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
    if (trimmed.starts_with('|')) --cells;
    const auto last = line.find_last_not_of(" \t");
    if (last != std::string_view::npos && line[last] == '|' && trimmed.size() > 1 &&
        (last == 0 || line[last - 1] != '\\'))
      --cells;
    if (cells <= columns) return;
    doc_.warnings.push_back(Warning{line_of(row), "this table row has " + std::to_string(cells) +
                                                      " cells and the header " + std::to_string(columns) +
                                                      ": the last " + std::to_string(cells - columns) +
                                                      " are not printed (add columns to the header, or write "
                                                      "\\| for a bar inside a cell)"});
  }

  // Line `line` (1-based, of the body) of the source as parsed; empty when out of range.
  [[nodiscard]] std::string_view source_line(int line) const {
    if (line <= 0 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const std::size_t pos = line_starts_[static_cast<std::size_t>(line) - 1];
    return source_.substr(pos, std::min(source_.find('\n', pos), source_.size()) - pos);
  }

  // A paragraph with a table's delimiter row (`|---|:--:|`) in it is a table that GFM
  // did not take (the rows have different numbers of cells): it would print its pipes.
  void warn_broken_table(cmark_node* paragraph) {
    const int first = cmark_node_get_start_line(paragraph), last = cmark_node_get_end_line(paragraph);
    if (first <= 0 || last < first) return;
    for (int line = first; line <= last; ++line) {
      const std::string row(source_line(line));
      // The cheap test first: the regex is compiled only for an article that needs it. A row
      // longer than kMaxRegexLine is no delimiter row anyone typed, and std::regex recurses once
      // a character (100 KB of spaces overflowed the stack).
      if (row.size() > kMaxRegexLine || row.find('|') == std::string::npos ||
          row.find('-') == std::string::npos)
        continue;
      static const std::regex kDelimiterRow(R"(^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$)");
      if (std::regex_match(row, kDelimiterRow)) {
        doc_.warnings.push_back(
            Warning{line + line_offset_,
                    "this table prints as text: its `|---|` row must have as many cells as "
                    "the header row above it (and the table a blank line before it)"});
        return;
      }
    }
  }

  const Escapes& escapes_;
  std::string_view source_;               // the body as parsed, for looking at a block's own lines
  std::vector<std::size_t> line_starts_;  // offset of each line of source_ (line 1 at [0])
  std::string path_;
  int line_offset_;
  Document& doc_;
  int new_panel_line_ = 0;  // line of a `<!-- new-panel -->` waiting for its heading
  int footnotes_ = 0;       // definitions seen: the next one is number footnotes_ + 1
  std::set<int> footnote_lines_;
};

// `[^label]:` starting a line (up to three spaces in), outside fenced code: a footnote
// definition. Returns label and line for each.
std::vector<std::pair<std::string, int>> footnote_definitions(std::string_view body, int line_offset) {
  std::vector<std::pair<std::string, int>> out;
  if (body.find("[^") == std::string_view::npos) return out;
  std::string fence;  // the open code fence, if any
  int line = 1;
  for (std::size_t pos = 0; pos <= body.size(); ++line) {
    const auto end = std::min(body.find('\n', pos), body.size());
    const std::string text(body.substr(pos, end - pos));
    const auto indent = text.find_first_not_of(' ');
    const std::string_view trimmed = indent == std::string::npos || indent > 3
                                         ? std::string_view()
                                         : std::string_view(text).substr(indent);
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      const std::string mark(trimmed.substr(0, 3));
      if (fence.empty())
        fence = mark;
      else if (mark == fence)
        fence.clear();
    } else if (fence.empty() && trimmed.starts_with("[^")) {
      // `[^label]:`, a label of anything but `]`. Read by hand: std::regex recursed once a
      // character, and a 200 KB label overflowed the stack.
      const std::size_t close = trimmed.find(']', 2);
      if (close != std::string_view::npos && close > 2 && close + 1 < trimmed.size() &&
          trimmed[close + 1] == ':')
        out.emplace_back(std::string(trimmed.substr(2, close - 2)), line + line_offset);
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace

Status flatten_tree(const GfmTree& tree, std::string_view body, Document& doc) {
  BlockWalker walker(tree, doc);
  if (auto status = walker.walk_children(tree.root.get(), Nesting{}); !status) return status;
  if (auto status = walker.finish(); !status) return status;
  if (body.find("[^") != std::string_view::npos)
    for (const auto& [label, line] : footnote_definitions(body, doc.meta.body_line - 1))
      if (!walker.footnote_lines().contains(line))
        doc.warnings.push_back(
            Warning{line, "the footnote [^" + tree.escapes.restore(label, true) +
                              "] is never referred to and is not printed (refer to it with [^" + label +
                              "] in the text, or delete it)"});
  std::stable_sort(doc.warnings.begin(), doc.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  return Ok{};
}

}  // namespace leafpress::doc
