#include "doc/cmark_gfm.hpp"

#include <cmark-gfm-core-extensions.h>

#include <array>
#include <cctype>
#include <mutex>
#include <regex>
#include <vector>

#include "core/utf8.hpp"
#include "doc/autolink_footnotes.hpp"
#include "doc/cjk_autolinks.hpp"
#include "doc/cjk_emphasis.hpp"

namespace leafpress::doc {
namespace {

// Rare general punctuation (Po, narrow, and punctuation to cmark-gfm's own table): a
// sentinel must flank a delimiter run like the `*` it stands for. Two are needed; the
// first ones the article does not use are taken.
constexpr std::array<char32_t, 5> kSentinels{0x2E2E, 0x2E2D, 0x2E2C, 0x2E2B, 0x2E2A};

// GFM as GitHub renders it, plus footnotes and typographic quotes and dashes. Raw
// HTML is kept in the tree (CMARK_OPT_UNSAFE only affects renderers) so that it can
// be reported; leafpress never renders it. Strikethrough takes two tildes only: CJK and
// Korean text writes ranges with one ("10~15 mg씩, 4~6시간", "5~10分"), and GFM's
// single-tilde pair struck the dose through and dropped both tildes.
constexpr int kOptions =
    CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
constexpr std::array<const char*, 4> kExtensions{"table", "strikethrough", "autolink", "tasklist"};

// Chinese and Japanese input methods type `｜` for `|` (and `：`, `－` for `:`, `-`), so a
// table typed in Chinese mode is not a table to GFM and prints its bars. Where a line is
// a delimiter row once those are read as ASCII, the row, the header line above it and
// the rows below it (up to a blank line) get ASCII bars. Fenced code is left alone.
std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

bool is_delimiter_row(const std::string& line) {
  // The cheap test first: std::regex takes ~0.5 ms to compile, which most articles
  // (no table) need not pay.
  // Nor past kMaxRegexLine: std::regex recurses once a character (100 KB overflowed the stack).
  if (line.size() > kMaxRegexLine || line.find('|') == std::string::npos ||
      line.find('-') == std::string::npos)
    return false;
  static const std::regex kRow(R"(^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$)");
  return std::regex_match(line, kRow);
}

std::string ascii_table_bars(std::string_view body) {
  constexpr std::string_view kBar = "\xEF\xBD\x9C";  // U+FF5C FULLWIDTH VERTICAL LINE
  if (body.find(kBar) == std::string_view::npos) return std::string(body);
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos <= body.size();) {
    const std::size_t end = std::min(body.find('\n', pos), body.size());
    lines.emplace_back(body.substr(pos, end - pos));
    pos = end + 1;
  }
  const auto bars = [&](std::string& line) { line = replace_all(std::move(line), kBar, "|"); };
  const auto blank = [](const std::string& line) {
    return line.find_first_not_of(" \t") == std::string::npos;
  };
  bool fenced = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto first = lines[i].find_first_not_of(' ');
    if (first != std::string::npos && first <= 3 &&
        (lines[i].compare(first, 3, "```") == 0 || lines[i].compare(first, 3, "~~~") == 0))
      fenced = !fenced;
    if (fenced || i == 0 || lines[i].find(kBar) == std::string::npos || blank(lines[i - 1])) continue;
    std::string row = replace_all(replace_all(replace_all(lines[i], kBar, "|"), "\xEF\xBC\x9A", ":"),  // ：
                                  "\xEF\xBC\x8D", "-");                                                // －
    if (!is_delimiter_row(row)) continue;
    lines[i] = std::move(row);
    bars(lines[i - 1]);
    for (std::size_t j = i + 1; j < lines.size() && !blank(lines[j]); ++j) bars(lines[j]);
  }
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i > 0 ? "\n" : "") + lines[i];
  return out;
}

void register_extensions() {
  static std::once_flag once;
  // cmark-gfm's registration sets a plain static flag: not safe from two threads at once.
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

std::string Escapes::protect(std::string_view body) {
  if (body.find('\\') == std::string_view::npos) {  // nothing escaped: nothing to protect or restore
    star = underscore = 0;
    return std::string(body);
  }
  std::array<bool, kSentinels.size()> used{};
  for (std::size_t pos = 0; pos < body.size();) {
    const char32_t cp = next_code_point(body, pos);
    for (std::size_t i = 0; i < kSentinels.size(); ++i) used[i] = used[i] || cp == kSentinels[i];
  }
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < kSentinels.size() && chosen < 2; ++i)
    if (!used[i]) (chosen++ == 0 ? star : underscore) = kSentinels[i];
  if (chosen < 2) {
    star = underscore = 0;
    return std::string(body);
  }
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    // A backslash escapes the next ASCII punctuation, itself included (`\\*` is a
    // backslash then a real `*`), so pairs are consumed whole.
    if (body[i] == '\\' && i + 1 < body.size() && std::ispunct(static_cast<unsigned char>(body[i + 1]))) {
      if (body[i + 1] == '*' || body[i + 1] == '_') {
        append_utf8(out, body[i + 1] == '*' ? star : underscore);
      } else {
        out += body.substr(i, 2);
      }
      ++i;
      continue;
    }
    out += body[i];
  }
  return out;
}

std::string Escapes::restore(std::string_view text, bool escaped) const {
  if (star == 0) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == star || cp == underscore) {
      if (!escaped) out += '\\';
      out += cp == star ? '*' : '_';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

namespace {

// The text parsed with the extensions attached; nullptr when the parser ran out of memory.
CmarkNode parse_text(const std::string& text) {
  const CmarkParser parser(cmark_parser_new(kOptions));
  if (!parser) return CmarkNode(nullptr);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return CmarkNode(cmark_parser_finish(parser.get()));
}

}  // namespace

Result<GfmTree> parse_gfm(std::string_view body, std::string_view path) {
  register_extensions();
  GfmTree tree;
  tree.text = tree.escapes.protect(ascii_table_bars(body));
  tree.root = parse_text(tree.text);
  // A footnote reference a bare address swallowed: the text again, the address written as a link.
  if (tree.root)
    if (auto mended = end_autolinks_at_footnotes(tree.root.get(), tree.text)) {
      tree.text = std::move(*mended);
      tree.root = parse_text(tree.text);
    }
  if (!tree.root) return Error{std::string(path), 0, "the Markdown parser ran out of memory", ""};
  trim_cjk_from_autolinks(tree.root.get());  // before emphasis: the text it frees has marks to pair
  apply_cjk_friendly_emphasis(tree.root.get(), tree.text);
  fix_cjk_smart_quotes(tree.root.get());
  return tree;
}

GfmKind gfm_kind(cmark_node* node) {
  const std::string_view name = cmark_node_get_type_string(node);
  if (name == "table") return GfmKind::Table;
  if (name == "table_row") return GfmKind::TableRow;
  if (name == "table_header") return GfmKind::TableHeader;
  if (name == "table_cell") return GfmKind::TableCell;
  if (name == "strikethrough") return GfmKind::Strikethrough;
  if (name == "tasklist") return GfmKind::TaskItem;
  return GfmKind::Other;
}

}  // namespace leafpress::doc
