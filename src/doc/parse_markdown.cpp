// doc/parse_markdown.cpp: article bytes -> Document (front matter + flat blocks).
//
// Order of work: check UTF-8 on the bytes as read (so the reported line is the
// one an editor shows), drop a BOM, turn CRLF and lone CR into LF, split off the
// front matter, then let cmark-gfm parse the body (doc/cmark_gfm.hpp) and flatten
// its tree (doc/markdown_tree.hpp).
//
// cmark-gfm numbers lines from the start of the text it is given; the body is
// handed over starting at body_line, so every block line is cmark's line plus
// body_line - 1.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/utf8.hpp"
#include "doc/cmark_gfm.hpp"
#include "doc/document.hpp"
#include "doc/markdown_tree.hpp"

namespace leafpress::doc {

std::string Block::plain_text() const {
  std::string out;
  for (const auto& span : spans) out += span.text;
  return out;
}

namespace {

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

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

}  // namespace

std::string untitled(std::string_view lang) {
  // By the language's first subtag and script: zh-Hant, zh-TW, zh-HK and zh-MO write Traditional.
  const auto is = [&](std::string_view prefix) {
    return lang.substr(0, prefix.size()) == prefix &&
           (lang.size() == prefix.size() || lang[prefix.size()] == '-');
  };
  if (is("zh")) {
    for (std::string_view traditional : {"-Hant", "-TW", "-HK", "-MO", "-hant", "-tw", "-hk", "-mo"})
      if (lang.find(traditional) != std::string_view::npos) return "無標題";
    return "无标题";
  }
  if (is("ja")) return "無題";
  if (is("ko")) return "제목 없음";
  return "Untitled";
}

std::string one_line(std::string_view typed) {
  // The line and paragraph separators (U+2028, U+2029, NEL) break a line as \n does: the cover
  // breaks there too ("Caring for\u2028your child" in a quoted YAML value).
  std::string lines(typed);
  for (const std::string_view separator : {"\u2028", "\u2029", "\u0085"})
    for (std::size_t at = lines.find(separator); at != std::string::npos; at = lines.find(separator, at))
      lines.replace(at, separator.size(), "\n");
  const std::string_view text = lines;
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && blank(line.back())) line.remove_suffix(1);
    if (!line.empty()) {
      if (!out.empty()) {
        std::size_t first = 0;
        if (!(is_wide_cjk(code_point_before(out, out.size()).first) &&
              is_wide_cjk(next_code_point(line, first))))
          out += ' ';
      }
      out += line;
    }
    pos = end + 1;
  }
  return out;
}

std::string fallback_title(const Document& doc) {
  const Block* first = nullptr;  // the first `#` heading, else the first heading of any level
  for (const auto& block : doc.blocks)
    if (block.kind == BlockKind::Heading && (!first || block.level < first->level)) {
      first = &block;
      if (block.level == 1) break;
    }
  if (first) {
    std::string text = first->plain_text();
    if (!text.empty()) return text;
  }
  // The file's name says what the author called it, unless it is plain ASCII on a Chinese,
  // Japanese or Korean leaflet ("article" on a Chinese cover): then the language's own word.
  const std::string stem = std::filesystem::path(doc.path).stem().string();
  const bool cjk = !untitled(doc.meta.lang).starts_with("Untitled");
  const bool ascii = std::all_of(stem.begin(), stem.end(), [](char c) { return (c & 0x80) == 0; });
  bool printable = !stem.empty() && first_invalid_utf8(stem) == std::nullopt;
  for (const char c : stem) printable = printable && (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
  if (printable && !(cjk && ascii)) return stem;
  return untitled(doc.meta.lang);
}

Result<Document> parse_document(std::string_view bytes, std::string_view path) {
  // A PDF (often the one leafpress wrote) or a word processor's file given where the article
  // belongs: said by its signature, not as text in a legacy encoding.
  if (bytes.starts_with("%PDF-"))
    return Error{std::string(path), 0, "this is a PDF, not a Markdown article",
                 "give the article's .md file; leafpress writes the PDF from it"};
  constexpr std::string_view kSaveAsText =
      "save it as plain text, UTF-8 (in Word: File, Save As, Plain Text) and name it .md, or copy its text "
      "into a new .md file";
  if (bytes.starts_with("PK\x03\x04"))  // the zip container of .docx, .odt, .pages
    return Error{std::string(path), 0,
                 "this is a Word document (or another zip file), not a Markdown article",
                 std::string(kSaveAsText)};
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))  // OLE2: Word 97-2003 .doc
    return Error{std::string(path), 0, "this is an old Word document (.doc), not a Markdown article",
                 std::string(kSaveAsText)};
  if (bytes.starts_with("{\\rtf"))
    return Error{std::string(path), 0, "this is a rich text document (.rtf), not a Markdown article",
                 std::string(kSaveAsText)};
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

  auto tree = parse_gfm(parts->body, path);
  if (!tree) return tree.error();
  if (auto status = flatten_tree(*tree, parts->body, doc); !status) return status.error();
  if (doc.blocks.empty())
    return Error{std::string(path), doc.meta.body_line, "the article has no text to typeset",
                 "write the article in Markdown below the front matter (raw HTML is not typeset)"};

  if (doc.meta.title.empty()) doc.meta.title = fallback_title(doc);
  return doc;
}

Result<Document> load_document(const std::string& path) {
  auto bytes = read_file(path, kMaxArticleBytes);
  if (!bytes) return bytes.error();
  return parse_document(*bytes, path);
}

}  // namespace leafpress::doc
