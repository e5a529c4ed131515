// doc/markdown_inlines.cpp: inline content -> styled spans.
//
// Walked with cmark's iterator, which needs no stack however deeply emphasis
// nests (`*****a*****` nests one node per pair of stars).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string>

#include "core/utf8.hpp"
#include "doc/markdown_tree.hpp"

namespace leafpress::doc {

bool is_wide_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

namespace {

std::string_view literal_view(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? std::string_view(text) : std::string_view();
}

bool joins_without_space(cmark_node* softbreak) {
  cmark_node* prev = cmark_node_previous(softbreak);
  cmark_node* next = cmark_node_next(softbreak);
  if (!prev || !next || cmark_node_get_type(prev) != CMARK_NODE_TEXT ||
      cmark_node_get_type(next) != CMARK_NODE_TEXT)
    return false;
  const std::string_view before = literal_view(prev);
  const std::string_view after = literal_view(next);
  if (before.empty() || after.empty()) return false;
  std::size_t first = 0;
  return is_wide_cjk(code_point_before(before, before.size()).first) &&
         is_wide_cjk(next_code_point(after, first));
}

void append_span(std::vector<Span>& spans, Span span) {
  if (span.text.empty()) return;
  if (!spans.empty()) {
    auto& last = spans.back();
    // A footnote reference is a span of its own: `[^1][^2]` must not read as note 12.
    if (last.strong == span.strong && last.emphasis == span.emphasis && last.code == span.code &&
        last.strike == span.strike && last.link == span.link && last.footnote == 0 && span.footnote == 0) {
      last.text += span.text;
      return;
    }
  }
  spans.push_back(std::move(span));
}

// `<br>`, `<br/>`, `<br />` (any case): a line break, as in HTML.
bool is_line_break_tag(std::string_view html) {
  std::string tag;
  for (char c : html)
    if (c != ' ' && c != '\t' && c != '\n')
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tag == "<br>" || tag == "<br/>" || tag == "</br>";
}

bool is_comment(std::string_view html) {
  return html.starts_with("<!--");
}

// What a warning shows of a piece of HTML: its first line, shortened.
std::string excerpt(std::string_view html) {
  std::string_view first = html.substr(0, html.find('\n'));
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
  constexpr std::size_t kMax = 60;
  if (first.size() <= kMax) return std::string(first);
  return std::string(utf8_prefix(first, kMax)) + "…";
}

// cmark-gfm leaves a reference to an undefined footnote as the text `[^label]` (a label of
// characters other than `]` and white space). Read by hand: std::regex recurses once a
// character, and a 30 KB line of `a[^` overflowed the stack.
void warn_undefined_footnotes(std::string_view text, int line, std::vector<Warning>& warnings) {
  for (std::size_t at = text.find("[^"); at != std::string_view::npos; at = text.find("[^", at + 2)) {
    std::size_t end = at + 2;
    while (end < text.size() && text[end] != ']' && text[end] != ' ' && text[end] != '\t' &&
           text[end] != '\n' && text[end] != '\r')
      ++end;
    if (end == at + 2 || end >= text.size() || text[end] != ']') continue;
    const std::string label(text.substr(at + 2, end - at - 2));
    warnings.push_back(Warning{line, "the footnote reference [^" + label +
                                         "] has no definition and is printed as written (add a line `[^" +
                                         label + "]: the note`)"});
  }
}

}  // namespace

std::vector<Span> collect_spans(cmark_node* container, InlineContext& context) {
  std::vector<Span> spans;
  int strong = 0, emphasis = 0, strike = 0, image = 0;
  std::vector<std::string> links;
  std::set<int> html_lines;  // one warning per line, however many tags it holds
  const auto line_of = [&](cmark_node* node) {
    const int line = cmark_node_get_start_line(node);
    return line > 0 ? line + context.line_offset : context.block_line;
  };
  const CmarkIter iter(cmark_iter_new(container));
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const int step = event == CMARK_EVENT_ENTER ? 1 : -1;
    const auto styled = [&](std::string text, bool code) {
      return Span{.text = std::move(text),
                  .strong = strong > 0,
                  .emphasis = emphasis > 0,
                  .code = code && image == 0,
                  .strike = strike > 0,
                  .link = links.empty() ? std::string() : links.back()};
    };
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT: {
        const std::string_view text = literal_view(node);
        if (text.find("[^") != std::string_view::npos)
          warn_undefined_footnotes(text, line_of(node), context.warnings);
        append_span(spans, styled(context.escapes.restore(text, true), false));
        break;
      }
      case CMARK_NODE_CODE:
        append_span(spans, styled(context.escapes.restore(literal_view(node), false), true));
        break;
      case CMARK_NODE_SOFTBREAK:
        // CSS Text 3 (segment break transformation): a line wrapped between two
        // wide CJK characters joins without a space; elsewhere it is one space.
        if (!joins_without_space(node)) append_span(spans, styled(" ", false));
        break;
      case CMARK_NODE_LINEBREAK:
        append_span(spans, styled(image > 0 ? " " : "\n", false));
        break;
      case CMARK_NODE_HTML_INLINE: {
        const std::string_view html = literal_view(node);
        if (is_line_break_tag(html)) {
          append_span(spans, styled(image > 0 ? " " : "\n", false));
        } else if (!is_comment(html) && html_lines.insert(line_of(node)).second) {
          context.warnings.push_back(Warning{
              line_of(node), "inline HTML is not printed (" + context.escapes.restore(excerpt(html), false) +
                                 "); the text between the tags is kept"});
        }
        break;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        if (event != CMARK_EVENT_ENTER) break;  // cmark's iterator does not count it as a leaf
        const std::string number(literal_view(node));
        Span span = styled(number, false);
        span.footnote = std::max(0, std::atoi(number.c_str()));
        span.link.clear();
        append_span(spans, std::move(span));
        break;
      }
      case CMARK_NODE_EMPH:
        if (image == 0) emphasis += step;
        break;
      case CMARK_NODE_STRONG:
        if (image == 0) strong += step;
        break;
      case CMARK_NODE_LINK:
        if (step > 0) {
          const char* url = cmark_node_get_url(node);
          links.emplace_back(context.escapes.restore(url != nullptr ? url : "", true));
        } else {
          links.pop_back();
        }
        break;
      case CMARK_NODE_IMAGE:
        // A picture's alt text is plain: as a caption, or standing for an image among text.
        image += step;
        break;
      default:
        if (gfm_kind(node) == GfmKind::Strikethrough && image == 0) strike += step;
        break;  // the container itself
    }
  }
  return spans;
}

}  // namespace leafpress::doc
