// doc/parse_markdown.cpp: article bytes -> Document (front matter + flat blocks).
//
// Order of work: check UTF-8 on the bytes as read (so the reported line is the
// one an editor shows), drop a BOM, turn CRLF and lone CR into LF, split off the
// front matter, then let cmark parse the body and flatten its tree.
//
// cmark numbers lines from the start of the text it is given; the body is
// handed over starting at body_line, so every block line is cmark's line plus
// body_line - 1. Blocks are walked by recursion, bounded by kMaxDepth; inlines
// are walked with cmark's iterator, which needs no stack however deeply
// emphasis nests (`*****a*****` nests one node per pair of stars).
//
// Pictures: a paragraph that holds one image and nothing else becomes an Image
// block; its path is resolved inside the article's folder here (doc/image.hpp),
// so a bad path stops the build at the line that names it. An image among
// other text in a paragraph stays inline: its alt text is kept as text, its
// file is neither read nor checked (a leaflet line has no room for a picture).
//
// Panel breaks: an HTML comment `<!-- new-panel -->` on its own, right before a
// heading, sets that heading's new_panel. Any other HTML is dropped unrendered.
#include <cmark.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "core/utf8.hpp"
#include "doc/document.hpp"
#include "doc/image.hpp"

namespace leafpress::doc {

std::string Block::plain_text() const {
  std::string out;
  for (const auto& span : spans) out += span.text;
  return out;
}

namespace {

using CmarkNode = Handle<cmark_node, cmark_node_free>;
using CmarkIter = Handle<cmark_iter, cmark_iter_free>;

// Han, kana, bopomofo and full-width punctuation; not Hangul, which Korean separates with spaces.
bool is_wide_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool joins_without_space(cmark_node* softbreak) {
  cmark_node* prev = cmark_node_previous(softbreak);
  cmark_node* next = cmark_node_next(softbreak);
  if (!prev || !next || cmark_node_get_type(prev) != CMARK_NODE_TEXT ||
      cmark_node_get_type(next) != CMARK_NODE_TEXT)
    return false;
  const std::string_view before = cmark_node_get_literal(prev) ? cmark_node_get_literal(prev) : "";
  const std::string_view after = cmark_node_get_literal(next) ? cmark_node_get_literal(next) : "";
  if (before.empty() || after.empty()) return false;
  std::size_t last = before.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(before[last]) & 0xC0) == 0x80) --last;
  std::size_t first = 0;
  return is_wide_cjk(next_code_point(before, last)) && is_wide_cjk(next_code_point(after, first));
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// CommonMark treats CRLF and a lone CR as line ends; yaml-cpp and our line
// counting want LF only, so both see the same lines as the author's editor.
std::string normalize_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

// A fence line is exactly `---` (or `...` to close, as YAML itself allows);
// trailing blanks are tolerated because editors leave them invisibly.
bool is_fence(std::string_view line, bool closing) {
  const auto end = line.find_last_not_of(" \t");
  const auto trimmed = end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
  return trimmed == "---" || (closing && trimmed == "...");
}

struct Parts {
  std::optional<std::string_view> yaml;  // between the fences, when there are any
  std::string_view body;
  int body_line = 1;
};

// Front matter exists only when the very first line is `---`.
Result<Parts> split_front_matter(std::string_view text, std::string_view path) {
  auto line_end = text.find('\n');
  if (!is_fence(text.substr(0, line_end), false))
    return Parts{.yaml = std::nullopt, .body = text, .body_line = 1};
  const std::size_t yaml_start = line_end == std::string_view::npos ? text.size() : line_end + 1;
  std::size_t pos = yaml_start;
  int line = 2;
  while (pos < text.size()) {
    line_end = std::min(text.find('\n', pos), text.size());
    const auto next = std::min(line_end + 1, text.size());
    if (is_fence(text.substr(pos, line_end - pos), true))
      return Parts{.yaml = text.substr(yaml_start, pos - yaml_start),
                   .body = text.substr(next),
                   .body_line = line + 1};
    pos = next;
    ++line;
  }
  return Error{std::string(path), 1, "the front matter opened on line 1 is never closed",
               "end it with a line of three dashes `---` before the article text"};
}

void append_span(std::vector<Span>& spans, Span span) {
  if (span.text.empty()) return;
  if (!spans.empty()) {
    auto& last = spans.back();
    if (last.strong == span.strong && last.emphasis == span.emphasis && last.code == span.code &&
        last.link == span.link) {
      last.text += span.text;
      return;
    }
  }
  spans.push_back(std::move(span));
}

std::string literal_of(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? std::string(text) : std::string();
}

// The inline content of a paragraph or heading as styled spans. Raw HTML is
// dropped (leafpress does not render HTML); an inline image stands for its alt
// text, as plain text in the surrounding style (an image alone in its paragraph
// never gets here: it is a block of its own).
std::vector<Span> collect_spans(cmark_node* leaf_block) {
  std::vector<Span> spans;
  int strong = 0;
  int emphasis = 0;
  int image = 0;
  std::vector<std::string> links;
  const CmarkIter iter(cmark_iter_new(leaf_block));
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const int step = event == CMARK_EVENT_ENTER ? 1 : -1;
    const auto styled = [&](std::string text, bool code) {
      return Span{.text = std::move(text),
                  .strong = strong > 0,
                  .emphasis = emphasis > 0,
                  .code = code && image == 0,
                  .link = links.empty() ? std::string() : links.back()};
    };
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        append_span(spans, styled(literal_of(node), false));
        break;
      case CMARK_NODE_CODE:
        append_span(spans, styled(literal_of(node), true));
        break;
      case CMARK_NODE_SOFTBREAK:
        // CSS Text 3 (segment break transformation): a line wrapped between two
        // wide CJK characters joins without a space; elsewhere it is one space.
        if (!joins_without_space(node)) append_span(spans, styled(" ", false));
        break;
      case CMARK_NODE_LINEBREAK:
        append_span(spans, styled(image > 0 ? " " : "\n", false));
        break;
      case CMARK_NODE_EMPH:
        if (image == 0) emphasis += step;
        break;
      case CMARK_NODE_STRONG:
        if (image == 0) strong += step;
        break;
      case CMARK_NODE_LINK:
        if (step > 0) {
          const char* url = cmark_node_get_url(node);
          links.emplace_back(url != nullptr ? url : "");
        } else {
          links.pop_back();
        }
        break;
      case CMARK_NODE_IMAGE:
        image += step;
        break;
      default:  // HTML_INLINE, CUSTOM_INLINE and the block itself
        break;
    }
  }
  return spans;
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

// Where a block sits: what encloses it, for layout to indent and number.
struct Nesting {
  int containers = 0;  // lists + quotes, bounded by kMaxDepth
  int list_depth = 0;
  int quote_depth = 0;
  bool ordered = false;
  int number = 0;
  std::size_t item_start = 0;  // index of the enclosing item's first block
};

class BlockWalker {
 public:
  BlockWalker(std::string_view path, int body_line, std::vector<Block>& out)
      : path_(path), line_offset_(body_line - 1), out_(out) {}

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
        // Only a paragraph directly in an item carries the item's marker; one
        // inside a quote inside an item is a plain paragraph at that depth.
        const bool in_item = cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_ITEM;
        Block block = make(in_item ? BlockKind::ListItem : BlockKind::Paragraph, node, at);
        block.spans = collect_spans(node);
        if (block.spans.empty()) return Ok{};  // only raw HTML, or an image without alt text
        if (in_item) {
          block.ordered = at.ordered;
          block.number = at.number;
          block.first_in_item = out_.size() == at.item_start;
        }
        return push(std::move(block));
      }
      case CMARK_NODE_HEADING: {
        Block block = make(BlockKind::Heading, node, at);
        block.level = cmark_node_get_heading_level(node);
        block.spans = collect_spans(node);
        if (block.spans.empty()) return Ok{};
        block.new_panel = new_panel_line_ != 0;
        new_panel_line_ = 0;
        return push(std::move(block));
      }
      case CMARK_NODE_HTML_BLOCK:
        if (is_new_panel_marker(node)) {
          if (new_panel_line_ != 0) return new_panel_without_heading(new_panel_line_);
          new_panel_line_ = line_of(node);
        }
        return Ok{};
      case CMARK_NODE_CODE_BLOCK: {
        std::string text = literal_of(node);
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
        return push(make(BlockKind::ThematicBreak, node, at));
      default:  // CUSTOM_BLOCK: cmark's parser never makes one
        return Ok{};
    }
  }

  // Every block but a heading: a pending `<!-- new-panel -->` was not followed by one.
  Status push(Block block) {
    if (new_panel_line_ != 0 && block.kind != BlockKind::Heading)
      return new_panel_without_heading(new_panel_line_);
    out_.push_back(std::move(block));
    return Ok{};
  }

  [[nodiscard]] Status new_panel_without_heading(int line) const {
    return Error{std::string(path_), line, "`<!-- new-panel -->` is not followed by a heading",
                 "put it on the line right before the heading of the section that should start a new panel"};
  }

  // A paragraph that is only a picture: the file resolved now, the alt text kept as the caption.
  Status add_image(cmark_node* paragraph, cmark_node* image, const Nesting& at) {
    Block block = make(BlockKind::Image, paragraph, at);
    const char* url = cmark_node_get_url(image);
    auto file = resolve_asset(path_, url != nullptr ? url : "", block.line);
    if (!file) return file.error();
    block.image = file->string();
    block.spans = collect_spans(image);
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
      inner.item_start = out_.size();
      if (auto status = walk_children(item, inner); !status) return status;
    }
    return Ok{};
  }

  [[nodiscard]] Status check_depth(cmark_node* node, const Nesting& at) const {
    if (at.containers < kMaxDepth) return Ok{};
    return Error{std::string(path_), line_of(node),
                 "lists and quotes are nested more than " + std::to_string(kMaxDepth) + " levels deep",
                 "flatten the nesting; a leaflet rarely needs more than three levels"};
  }

  [[nodiscard]] int line_of(cmark_node* node) const { return cmark_node_get_start_line(node) + line_offset_; }

  [[nodiscard]] Block make(BlockKind kind, cmark_node* node, const Nesting& at) const {
    Block block;
    block.kind = kind;
    block.depth = at.list_depth;
    block.quote_depth = at.quote_depth;
    block.line = line_of(node);
    return block;
  }

  std::string_view path_;
  int line_offset_;
  std::vector<Block>& out_;
  int new_panel_line_ = 0;  // line of a `<!-- new-panel -->` waiting for its heading
};

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

}  // namespace

Result<Document> parse_document(std::string_view bytes, std::string_view path) {
  if (const auto bad = first_invalid_utf8(bytes))
    return Error{
        std::string(path), line_of_offset(bytes, *bad),
        "the text is not valid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(bytes[*bad])) + ")",
        "save the file as UTF-8; it may be in a legacy encoding such as GBK, Big5 or Shift-JIS"};
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  if (is_blank(bytes))
    return Error{std::string(path), 0, "the article is empty",
                 "write the article in Markdown, optionally after front matter between two `---` lines"};
  const std::string text = normalize_line_ends(bytes);

  auto parts = split_front_matter(text, path);
  if (!parts) return parts.error();
  Document doc;
  doc.path = std::string(path);
  if (parts->yaml) {
    auto meta = parse_front_matter(*parts->yaml, path, 2);
    if (!meta) return meta.error();
    doc.meta = std::move(meta.value());
  }
  doc.meta.body_line = parts->body_line;

  const CmarkNode root(cmark_parse_document(parts->body.data(), parts->body.size(), CMARK_OPT_DEFAULT));
  if (!root) return Error{std::string(path), 0, "the Markdown parser ran out of memory", ""};
  BlockWalker walker(path, doc.meta.body_line, doc.blocks);
  if (auto status = walker.walk_children(root.get(), Nesting{}); !status) return status.error();
  if (auto status = walker.finish(); !status) return status.error();
  if (doc.blocks.empty())
    return Error{std::string(path), doc.meta.body_line, "the article has no text to typeset",
                 "write the article in Markdown below the front matter (raw HTML is not typeset)"};

  if (doc.meta.title.empty())
    for (const auto& block : doc.blocks)
      if (block.kind == BlockKind::Heading && block.level == 1) {
        doc.meta.title = block.plain_text();
        break;
      }
  return doc;
}

Result<Document> load_document(const std::string& path) {
  auto bytes = read_file(path, kMaxArticleBytes);
  if (!bytes) return bytes.error();
  return parse_document(*bytes, path);
}

}  // namespace leafpress::doc
