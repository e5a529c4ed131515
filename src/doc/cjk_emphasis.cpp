#include "doc/cjk_emphasis.hpp"

#include <cmark-gfm-extension_api.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "doc/cmark_gfm.hpp"

// Defined by libcmark-gfm-extensions (extensions/strikethrough.h, not installed).
extern "C" cmark_node_type CMARK_NODE_STRIKETHROUGH;

namespace leafpress::doc {

bool is_cjk_character(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if ((width == U_EA_WIDE || width == U_EA_FULLWIDTH || width == U_EA_HALFWIDTH) &&
      !u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION))
    return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HANGUL && U_SUCCESS(status);
}

bool is_unicode_punctuation(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

namespace {

constexpr char32_t kLineEdge = U' ';  // the start and end of a line count as whitespace

bool is_whitespace(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' ||
         u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR;
}
bool is_variation_selector(char32_t cp) {
  return cp >= 0xFE00 && cp <= 0xFE0E;
}  // not U+FE0F (emoji)
bool is_ideographic_variation_selector(char32_t cp) {
  return cp >= 0xE0100 && cp <= 0xE01EF;
}
bool is_non_cjk_punctuation(char32_t cp) {
  return is_unicode_punctuation(cp) && !is_cjk_character(cp);
}

// What flanks a delimiter run: the two characters before it (the nearer first) and the one after.
struct Around {
  char32_t before = kLineEdge, before2 = kLineEdge, after = kLineEdge;
};

struct Flanks {
  bool left = false, right = false;
};

// The CJK-friendly amendments (header comment). A variation selector before the run
// belongs to the character before it.
Flanks amended_flanks(const Around& a) {
  const char32_t p = a.before, p2 = a.before2, n = a.after;
  const bool selector = is_variation_selector(p);
  // An ambiguous-width mark with U+FE01 asks for its full-width (CJK) form.
  const bool fullwidth_form =
      selector && p == 0xFE01 && is_unicode_punctuation(p2) &&
      u_getIntPropertyValue(static_cast<UChar32>(p2), UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS;
  const bool non_cjk_punct_before =
      is_non_cjk_punctuation(p) || (selector && is_non_cjk_punctuation(p2) && !fullwidth_form);
  const bool cjk_before = is_cjk_character(p) || (selector && (is_cjk_character(p2) || fullwidth_form));
  return {
      .left = !is_whitespace(n) && (!is_non_cjk_punctuation(n) || is_whitespace(p) || non_cjk_punct_before ||
                                    cjk_before || is_ideographic_variation_selector(p)),
      .right = !is_whitespace(p) && (!non_cjk_punct_before || is_whitespace(n) || is_non_cjk_punctuation(n) ||
                                     is_cjk_character(n))};
}

struct Can {
  bool open = false, close = false;
};

// Rules 1-8 of section 6.2: `_` does not open or close inside a word unless punctuation allows it.
Can can_for(char mark, const Flanks& f, const Around& a) {
  if (mark != '_') return {f.left, f.right};  // `*`, and `~` as cmark-gfm's strikethrough has it
  const bool punct_before = is_unicode_punctuation(a.before) ||
                            (is_variation_selector(a.before) && is_unicode_punctuation(a.before2));
  return {f.left && (!f.right || punct_before), f.right && (!f.left || is_unicode_punctuation(a.after))};
}

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? std::string_view(text) : std::string_view();
}

char32_t first_of(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? kLineEdge : next_code_point(text, pos);
}

// The last two code points of `text`, the last first.
std::pair<char32_t, char32_t> last_two_of(std::string_view text) {
  std::pair<char32_t, char32_t> out{kLineEdge, kLineEdge};
  for (std::size_t pos = text.size() > 8 ? text.size() - 8 : 0; pos < text.size();) {
    // Start on a lead byte: skip continuation bytes of a character cut by the window.
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
      ++pos;
      continue;
    }
    out.second = out.first;
    out.first = next_code_point(text, pos);
  }
  return out;
}

bool is_autolink(cmark_node* link) {
  cmark_node* child = cmark_node_first_child(link);
  if (child == nullptr || cmark_node_next(child) != nullptr || cmark_node_get_type(child) != CMARK_NODE_TEXT)
    return false;
  const std::string_view url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
  const std::string_view text = literal(child);
  return url == text || url.ends_with(text);
}

// The character the source has where an inline node begins or ends.
char32_t edge_of(cmark_node* node, bool at_start) {
  const auto type = cmark_node_get_type(node);
  switch (type) {
    case CMARK_NODE_TEXT:
      return at_start ? first_of(literal(node)) : last_two_of(literal(node)).first;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      return U'\n';
    case CMARK_NODE_CODE:
      return U'`';
    case CMARK_NODE_HTML_INLINE:
      return at_start ? U'<' : U'>';
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      return U'*';
    case CMARK_NODE_LINK:
      if (is_autolink(node)) return edge_of(cmark_node_first_child(node), at_start);
      return at_start ? U'[' : U')';
    case CMARK_NODE_IMAGE:
      return at_start ? U'!' : U')';
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return at_start ? U'[' : U']';
    default:
      return gfm_kind(node) == GfmKind::Strikethrough ? U'~' : kLineEdge;
  }
}

// Delimiter scopes: nodes whose inline children cmark-gfm paired among themselves
// (emphasis nested in them belongs to their scope), and the source characters just
// inside their edges.
bool is_scope(cmark_node* node, char32_t& open, char32_t& close) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      open = close = kLineEdge;
      return true;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      open = U'[', close = U']';
      return true;
    default:
      switch (gfm_kind(node)) {
        case GfmKind::TableCell:
          open = close = kLineEdge;
          return true;
        default:
          return false;
      }
  }
}

// Emphasis, strong emphasis and strikethrough: what delimiter runs make.
bool is_emphasis(cmark_node* node) {
  const auto type = cmark_node_get_type(node);
  return type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || gfm_kind(node) == GfmKind::Strikethrough;
}

// The next node of a scope in document order, descending into emphasis only.
cmark_node* next_in_scope(cmark_node* node, cmark_node* scope) {
  if (is_emphasis(node) && cmark_node_first_child(node) != nullptr) return cmark_node_first_child(node);
  while (node != scope) {
    if (cmark_node* next = cmark_node_next(node)) return next;
    node = cmark_node_parent(node);
  }
  return nullptr;
}

// Work only where it can matter: CJK text and some emphasis or a leftover mark.
bool needs_pairing(cmark_node* scope) {
  bool cjk = false, marks = false;
  for (cmark_node* node = cmark_node_first_child(scope); node != nullptr && !(cjk && marks);
       node = next_in_scope(node, scope)) {
    if (is_emphasis(node)) {
      marks = true;
      continue;
    }
    if (cmark_node_get_type(node) != CMARK_NODE_TEXT) continue;
    const std::string_view text = literal(node);
    marks = marks || text.find_first_of("*_~") != std::string_view::npos;
    for (std::size_t pos = 0; pos < text.size() && !cjk;) {
      if (static_cast<unsigned char>(text[pos]) < 0x80) {
        ++pos;
        continue;
      }
      cjk = is_cjk_character(next_code_point(text, pos));
    }
  }
  return cjk && marks;
}

// The source, by lines, to read the mark of an emphasis cmark-gfm made.
class SourceLines {
 public:
  explicit SourceLines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  // `*`, `_` or `~` (or `~~`): the marks at the node's start. cmark-gfm's columns count within the
  // block's content, which drops each continuation line's container prefix and
  // indentation (`> `, spaces): those are added back. `block` is the enclosing
  // paragraph, heading or cell.
  [[nodiscard]] std::string marks_of(cmark_node* emphasis, cmark_node* block) const {
    const bool strike = gfm_kind(emphasis) == GfmKind::Strikethrough;
    const std::string fallback = strike                                               ? "~~"
                                 : cmark_node_get_type(emphasis) == CMARK_NODE_STRONG ? "**"
                                                                                      : "*";
    const int line = cmark_node_get_start_line(emphasis);
    const int column = cmark_node_get_start_column(emphasis);
    if (line <= 0 || static_cast<std::size_t>(line) > starts_.size() || column <= 0) return fallback;
    const auto index = static_cast<std::size_t>(line) - 1;
    const std::size_t start = starts_[index];
    const std::size_t end = index + 1 < starts_.size() ? starts_[index + 1] - 1 : text_.size();
    const std::string_view row = text_.substr(start, end - start);
    std::size_t pos = static_cast<std::size_t>(column) - 1;
    if (line != cmark_node_get_start_line(block)) {
      const std::size_t prefix = std::min(row.find_first_not_of(" \t>"), row.size());
      const int shift = column - cmark_node_get_start_column(block);
      pos = shift >= 0 ? prefix + static_cast<std::size_t>(shift) : row.size();
    }
    if (pos >= row.size()) return fallback;
    if (strike) {
      // A strikethrough is two tildes (cmark_gfm.cpp kOptions).
      return fallback;
    }
    if (row[pos] == '*' || row[pos] == '_') return std::string(fallback.size(), row[pos]);
    return fallback;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

cmark_node* enclosing_block(cmark_node* node) {
  while (node != nullptr && (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
    node = cmark_node_parent(node);
  return node;
}

cmark_node* new_text(std::string_view text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, std::string(text).c_str());
  return node;
}

// Takes cmark-gfm's emphasis in the scope apart again: each node becomes its marks,
// its children, its marks. Then adjacent text joins, so every run is whole again.
void unpair(cmark_node* scope, const SourceLines& source) {
  cmark_node* block = enclosing_block(scope);
  for (cmark_node* child = cmark_node_first_child(scope); child != nullptr;) {
    if (!is_emphasis(child)) {
      child = cmark_node_next(child);
      continue;
    }
    const std::string marks = source.marks_of(child, block != nullptr ? block : scope);
    cmark_node* open = new_text(marks);
    cmark_node_insert_before(child, open);
    while (cmark_node* inner = cmark_node_first_child(child)) cmark_node_insert_before(child, inner);
    cmark_node_insert_before(child, new_text(marks));
    cmark_node_free(child);
    child = open;  // the children moved up may be emphasis themselves
  }
  for (cmark_node* child = cmark_node_first_child(scope); child != nullptr; child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) != CMARK_NODE_TEXT) continue;
    cmark_node* next = cmark_node_next(child);
    if (next == nullptr || cmark_node_get_type(next) != CMARK_NODE_TEXT) continue;
    std::string joined(literal(child));
    while (next != nullptr && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
      joined += literal(next);
      cmark_node* after = cmark_node_next(next);
      cmark_node_free(next);
      next = after;
    }
    cmark_node_set_literal(child, joined.c_str());
  }
}

// A delimiter run left as text by cmark-gfm.
struct Run {
  cmark_node* text = nullptr;  // the text node holding it (after splitting: the run alone)
  std::size_t offset = 0;      // byte offset in that node's literal (before splitting)
  char mark = '*';
  int count = 0;   // characters left
  int length = 0;  // characters at the start, for the rule of three
  Can can;
};

std::vector<Run> find_runs(cmark_node* container, char32_t open, char32_t close) {
  std::vector<Run> runs;
  for (cmark_node* child = cmark_node_first_child(container); child != nullptr;
       child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) != CMARK_NODE_TEXT) continue;
    const std::string_view text = literal(child);
    if (text.find_first_of("*_~") == std::string_view::npos) continue;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] != '*' && text[i] != '_' && text[i] != '~') {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && text[end] == text[i]) ++end;
      Around a;
      if (i > 0) {
        std::tie(a.before, a.before2) = last_two_of(text.substr(0, i));
      } else if (cmark_node* prev = cmark_node_previous(child)) {
        if (cmark_node_get_type(prev) == CMARK_NODE_TEXT)
          std::tie(a.before, a.before2) = last_two_of(literal(prev));
        else
          a.before = edge_of(prev, false);
      } else {
        a.before = open;
      }
      if (end < text.size()) {
        a.after = first_of(text.substr(end));
      } else if (cmark_node* next = cmark_node_next(child)) {
        a.after = edge_of(next, true);
      } else {
        a.after = close;
      }
      const Can amended = can_for(text[i], amended_flanks(a), a);
      const int n = static_cast<int>(end - i);
      if (text[i] == '~' && n != 2) {  // only two tildes strike through (cmark_gfm.cpp kOptions)
        i = end;
        continue;
      }
      runs.push_back(
          Run{.text = child, .offset = i, .mark = text[i], .count = n, .length = n, .can = amended});
      i = end;
    }
  }
  return runs;
}

// Gives every run a text node of its own, the text around it in nodes before and after.
void split_runs(std::vector<Run>& runs) {
  for (std::size_t i = 0; i < runs.size();) {
    cmark_node* original = runs[i].text;
    const std::string text(literal(original));
    std::size_t copied = 0;
    for (; i < runs.size() && runs[i].text == original; ++i) {
      Run& run = runs[i];
      if (run.offset > copied)
        cmark_node_insert_before(original,
                                 new_text(std::string_view(text).substr(copied, run.offset - copied)));
      run.text = new_text(std::string_view(text).substr(run.offset, static_cast<std::size_t>(run.count)));
      cmark_node_insert_before(original, run.text);
      copied = run.offset + static_cast<std::size_t>(run.count);
    }
    if (copied < text.size())
      cmark_node_insert_before(original, new_text(std::string_view(text).substr(copied)));
    cmark_node_free(original);  // unlinks it
  }
}

// A strikethrough node as cmark-gfm's extension makes it (its type is not in the public headers).
cmark_node* new_strikethrough() {
  return cmark_node_new_with_ext(CMARK_NODE_STRIKETHROUGH, cmark_find_syntax_extension("strikethrough"));
}

// Everything strictly between `opener` and `closer` moves into `emphasis`, put after the opener.
void wrap(cmark_node* opener, cmark_node* closer, cmark_node* emphasis) {
  cmark_node_insert_after(opener, emphasis);
  for (cmark_node* node = cmark_node_next(emphasis); node != nullptr && node != closer;) {
    cmark_node* next = cmark_node_next(node);
    cmark_node_append_child(emphasis, node);
    node = next;
  }
}

void set_count(Run& run, int count) {
  run.count = count;
  cmark_node_set_literal(run.text, std::string(static_cast<std::size_t>(count), run.mark).c_str());
}

// CommonMark's "process emphasis" (appendix A) over the runs of one container.
void pair_runs(std::vector<Run>& runs) {
  std::vector<std::size_t> openers;  // indices into runs, bottom first
  // Where the search for an opener may stop, by closer kind: no opener below it matched before.
  std::array<std::size_t, 14> bottom{};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    Run& closer = runs[i];
    const std::size_t kind = closer.mark == '~'
                                 ? 11u + static_cast<std::size_t>(closer.length)
                                 : (closer.mark == '_' ? 6u : 0u) + (closer.can.open ? 3u : 0u) +
                                       static_cast<std::size_t>(closer.length % 3);
    while (closer.can.close && closer.count > 0) {
      std::size_t found = openers.size();
      for (std::size_t k = openers.size(); k > bottom[kind]; --k) {
        const Run& opener = runs[openers[k - 1]];
        if (opener.mark != closer.mark) continue;
        if (closer.mark == '~') {
          if (opener.count != closer.count) continue;  // `~` closes `~`, `~~` closes `~~`
          found = k - 1;
          break;
        }
        // The rule of three (rules 9 and 10).
        if ((opener.can.close || closer.can.open) && closer.length % 3 != 0 &&
            (opener.length + closer.length) % 3 == 0)
          continue;
        found = k - 1;
        break;
      }
      if (found == openers.size()) {
        bottom[kind] = openers.size();
        break;
      }
      Run& opener = runs[openers[found]];
      const int use = closer.mark == '~' ? closer.count : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      wrap(opener.text, closer.text,
           closer.mark == '~' ? new_strikethrough()
           : use == 2         ? cmark_node_new(CMARK_NODE_STRONG)
                              : cmark_node_new(CMARK_NODE_EMPH));
      set_count(opener, opener.count - use);
      set_count(closer, closer.count - use);
      openers.resize(found + (opener.count > 0 ? 1 : 0));  // the runs in between stay text
      for (auto& b : bottom) b = std::min(b, openers.size());
    }
    if (closer.can.open && closer.count > 0) openers.push_back(i);
  }
  for (Run& run : runs)
    if (run.count == 0) cmark_node_free(run.text);
}

void repair(cmark_node* scope, char32_t open, char32_t close, const SourceLines& source) {
  if (!needs_pairing(scope)) return;  // cmark-gfm's pairing stands
  unpair(scope, source);
  std::vector<Run> runs = find_runs(scope, open, close);
  split_runs(runs);
  pair_runs(runs);
}

// Quotes: which of the four smart quotes a code point is.
constexpr char32_t kLeftDouble = 0x201C, kRightDouble = 0x201D, kLeftSingle = 0x2018, kRightSingle = 0x2019;

}  // namespace

void apply_cjk_friendly_emphasis(cmark_node* root, std::string_view source) {
  const SourceLines lines(source);
  const CmarkIter iter(cmark_iter_new(root));
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    if (event != CMARK_EVENT_EXIT) continue;
    // On the way out: the node's children are done, and only they are changed, so
    // the iterator's next step (the node's sibling or parent) is not disturbed.
    cmark_node* node = cmark_iter_get_node(iter.get());
    char32_t open = kLineEdge, close = kLineEdge;
    if (is_scope(node, open, close)) repair(node, open, close, lines);
  }
}

void fix_cjk_smart_quotes(cmark_node* root) {
  const CmarkIter iter(cmark_iter_new(root));
  bool double_open = false, single_open = false;
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const auto type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
      double_open = single_open = false;  // quotes pair within a paragraph, heading or cell
      continue;
    }
    if (type != CMARK_NODE_TEXT) continue;
    const std::string_view text = literal(node);
    if (text.find("\xE2\x80") == std::string_view::npos) continue;  // no U+2018-U+201D
    std::vector<char32_t> cps;
    for (std::size_t pos = 0; pos < text.size();) cps.push_back(next_code_point(text, pos));
    bool changed = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const bool is_double = cps[i] == kLeftDouble || cps[i] == kRightDouble;
      if (!is_double && cps[i] != kLeftSingle && cps[i] != kRightSingle) continue;
      bool& open = is_double ? double_open : single_open;
      if (cps[i] == kLeftDouble || cps[i] == kLeftSingle) {
        open = true;
        continue;
      }
      const char32_t before = i > 0 ? cps[i - 1] : kLineEdge;
      const char32_t after = i + 1 < cps.size() ? cps[i + 1] : kLineEdge;
      const auto latin = [](char32_t cp) {
        return u_isalnum(static_cast<UChar32>(cp)) && !is_cjk_character(cp);
      };
      if (!is_double && latin(before) && latin(after)) continue;  // an apostrophe: don't
      // Between two letters, cmark closes; an opening quote is due and CJK is on a side.
      if (!open && !is_whitespace(before) && !is_whitespace(after) && !is_unicode_punctuation(after) &&
          (is_cjk_character(before) || is_cjk_character(after))) {
        cps[i] = is_double ? kLeftDouble : kLeftSingle;
        open = true;
        changed = true;
        continue;
      }
      open = false;
    }
    if (!changed) continue;
    std::string out;
    for (char32_t cp : cps) append_utf8(out, cp);
    cmark_node_set_literal(node, out.c_str());
  }
}

}  // namespace leafpress::doc
