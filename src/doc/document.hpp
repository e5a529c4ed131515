// doc/document.hpp: the article as the rest of leafpress sees it.
//
// Input:  a Markdown file (CommonMark with GitHub's extensions, parsed by cmark-gfm:
//         tables, strikethrough, autolinks, task lists, footnotes; smart punctuation)
//         that may open with YAML front matter between two `---` lines (yaml-cpp).
// Output: a Document: its front matter, a flat list of blocks in reading order and
//         the warnings. Nested structure (a list inside a quote) is kept as `depth`
//         and `kind` on each block, which is all that layout needs.
// Text:   UTF-8; inline styles are spans. Soft line breaks become one space (none
//         between two wide CJK characters), hard line breaks and `<br>` become '\n'
//         inside a span. Straight quotes, `--`, `---` and `...` become “” ‘’ – — …;
//         quotes typed as 「」『』“” stay as written. Emphasis follows the CommonMark
//         CJK-friendly amendments (doc/cjk_emphasis.hpp): `**可以吃：**白米粥` is bold.
//         The front matter the leaflet prints (title, subtitle, author, the clinic's name,
//         address and hours) gets the same quotes and dashes (doc/smart_punctuation.hpp);
//         a value holding a {{placeholder}} once a data merge fills it (batch/variables.hpp).
// Lines:  every block carries the 1-based line in the file where it starts
//         (front matter included), so errors and warnings can point at it.
// Tables: one Table block (Block::table): alignment from the `:---:` row, the header
//         row(s) first, every row padded to the column count, cells as spans.
// Notes:  a footnote reference `[^x]` is a Span whose text is the note's number and
//         whose `footnote` is that number, numbered in order of first reference. Each
//         paragraph of a definition becomes a Footnote block after the article's last
//         block, in number order; the first paragraph of a note has first_in_item.
// Tasks:  `- [ ]` / `- [x]` set Block::task on the item's first paragraph.
// Images: a paragraph that is only `![alt](path)` becomes an Image block: the
//         file resolved inside the article's folder (doc/image.hpp), the alt
//         text as its spans (the caption). `![alt](qr:URL)` is an Image block with
//         `qr` = URL and no file. A path holding `{{placeholder}}` is kept as written,
//         for a batch run to fill and resolve (batch/variables.hpp). An image among
//         other text keeps only its alt text, as text; its file is not checked.
//         `cover_image:` and `clinic: {logo:}` in the front matter are resolved the
//         same way. Resolving reads the file system (relative to `path`); decoding the
//         pixels is left to whoever draws them (doc::load_image).
// Panels: `<!-- new-panel -->` alone on its line(s), right before a heading,
//         sets that heading's new_panel.
// Warnings: what will not print as written, with its line: each raw HTML block (at
//         its first line) and each line with inline HTML (comments and `<br>` are
//         silent), a footnote definition nothing refers to (dropped), a reference to
//         an undefined footnote (kept as the text `[^x]`).
// Errors: invalid UTF-8, front matter that is not YAML or has keys of the wrong
//         type, a document nested deeper than kMaxDepth, a picture that is
//         missing or outside the article's folder, `qr:` without an address,
//         `<!-- new-panel -->` with no heading after it: an Error with the file and
//         line. Unknown front matter keys are kept in `extra`.
// Thread-safety: parse_document is reentrant; a Document is plain data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace leafpress::doc {

// Limits that keep a hostile file from exhausting memory or the stack (README,
// "Limits and bad input"). Measured at 1 MiB (/usr/bin/time -v): 140 MB for
// ordinary English paragraphs, 80 MB for Chinese, 310 MB when the whole MiB is one
// paragraph (composed whole: about 300 bytes per byte); under 400 MB. A leaflet
// holds under 20 KB and a 64-page booklet (layout::kMaxPages) under 300 KB.
constexpr std::size_t kMaxArticleBytes = 1u << 20;  // 1 MiB of Markdown
constexpr int kMaxDepth = 32;                       // nested lists and quotes

struct Clinic {  // the back-panel slot; every field optional
  std::string name, address, phone, url;
  std::string hours{}, email{};  // printed in the clinic block on the back
  std::string logo;  // a PNG/JPEG, resolved inside the article's folder (doc/image.hpp)
  bool operator==(const Clinic&) const = default;
};

struct FrontMatter {
  std::string title;     // the cover title; parse_document falls back to fallback_title()
  std::string subtitle;  // optional line under the title
  std::string lang;      // BCP 47: "zh-Hans", "zh-Hant", "ja", "ko", "en"...; "" = unknown
  std::string author;
  std::string date;         // as written (YYYY-MM-DD expected)
  std::string layout;       // a layout name the article asks for; the CLI may override
  std::string cover_image;  // a PNG/JPEG for the cover, resolved inside the article's folder (doc/image.hpp)
  std::vector<std::string> keywords;
  // Words the author hyphenates by hand, as written: "ri-za-trip-tan" breaks only at its
  // hyphens, "metoclopramide" never (text/hyphenate.hpp HyphenExceptions).
  std::vector<std::string> hyphenation;
  Clinic clinic;
  std::map<std::string, std::string> extra;  // other scalar keys, kept for templates
  std::map<std::string, int> key_lines{};    // the file line of every top-level key, for errors
  int body_line = 1;                         // line of the file where the Markdown body starts
  int cover_image_line = 0, logo_line = 0;   // where `cover_image:` and `logo:` are written, for errors
  int date_line = 0;                         // where `date:` is written, for errors
  bool operator==(const FrontMatter&) const = default;
};

struct Span {
  std::string text;
  bool strong = false;
  bool emphasis = false;
  bool code = false;
  bool strike = false;  // ~~struck~~ (GFM strikethrough)
  std::string link;     // target URL when the span is (inside) a link
  // A footnote reference: the span's text is the note's number, set as a
  // superscript; `footnote` is that number (1-based; 0 = not a reference).
  int footnote = 0;
  bool operator==(const Span&) const = default;
};

// GFM tables (cmark-gfm's table extension). Alignment comes from the `:---:` row.
enum class ColumnAlign { None, Left, Center, Right };

struct TableCell {
  std::vector<Span> spans;
  bool operator==(const TableCell&) const = default;
};

struct Table {
  std::vector<ColumnAlign> align;           // one per column
  std::vector<std::vector<TableCell>> rows;  // rows[0..header_rows) are the header; every row has align.size() cells
  int header_rows = 1;
  bool operator==(const Table&) const = default;
};

// GFM task list items: `- [ ] to do`, `- [x] done`.
enum class Task { None, Open, Done };

// Heading, Paragraph, ListItem, Code, ThematicBreak and Image as in CommonMark;
// Table: a GFM table (Block::table); Footnote: one paragraph of a footnote's text,
// collected after the article's last block in the order of first reference
// (Block::footnote is its number; its spans hold the text).
enum class BlockKind { Heading, Paragraph, ListItem, Code, ThematicBreak, Image, Table, Footnote };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;              // Heading: 1-6
  int depth = 0;              // list nesting: 1 for a top-level item; 0 outside lists
  int quote_depth = 0;        // how many block quotes enclose it
  bool ordered = false;       // ListItem: numbered list
  int number = 0;             // ListItem: its number when ordered
  bool first_in_item = true;  // ListItem: false for a second paragraph of the same item
  bool new_panel = false;     // Heading: the section asks to start at the top of a new panel
  Task task = Task::None;     // ListItem: a task list item's box
  std::string image;          // Image: the file, resolved inside the article's folder (doc/image.hpp)
  std::string qr{};           // Image whose source is `qr:URL`: the URL to encode (image stays empty)
  std::vector<Span> spans;    // Image: the alt text, set as the caption
  Table table{};              // Table: its cells
  int footnote = 0;           // Footnote: the note's number (1-based)
  int line = 0;               // 1-based line in the file
  bool operator==(const Block&) const = default;

  [[nodiscard]] std::string plain_text() const;
};

// Something the article holds that will not print as written (raw HTML, say):
// not an error, but the user hears of it, with the line.
struct Warning {
  int line = 0;
  std::string message;
  bool operator==(const Warning&) const = default;
};

struct Document {
  std::string path;  // as given, for messages
  FrontMatter meta;
  std::vector<Block> blocks;
  std::vector<Warning> warnings{};
};

// `date:` checked: exactly YYYY-MM-DD, a day that exists, from kFirstYear to 9999. The PDF's
// date (CreationDate, ModDate, XMP) as seconds since 1970-01-01 00:00 UTC; nullopt for
// anything else ("2026-13-45", "9999-99-99", "24.11.2026"): the front matter is refused at its
// line (date_error, kDateHint) rather than a date rolled over or a PDF with an invalid date.
constexpr int kFirstYear = 1970;  // PDF dates before the epoch would need a negative time
std::optional<long long> date_epoch(std::string_view date);
// A list written as one line of text ("a, b，c、d": the ASCII, full-width and enumeration
// commas), each item trimmed, empty ones left out: `keywords:`, `hyphenation:`, and the
// value a data merge fills into them.
std::vector<std::string> split_keywords(std::string_view text);
std::string date_error(std::string_view date);
constexpr const char* kDateHint = "write the date as YYYY-MM-DD, a real day from 1970 on, e.g. `date: 2026-11-24`";

// The cover's title when the front matter gives none: the first `#` heading (else the first
// heading of any level), else the file's name without `.md`, else (a plain ASCII name on a
// zh/ja/ko leaflet, or no usable name) untitled(lang). parse_document fills meta.title with it.
std::string fallback_title(const Document& doc);
// "Untitled" in the document's language: 无标题 (zh-Hans), 無標題 (zh-Hant), 無題 (ja), 제목 없음 (ko).
std::string untitled(std::string_view lang);

// A value the author broke into lines by hand (`title: |`, each line where the cover is to break
// it; or a heading's `<br>`), on one line: for the PDF's Title and Subject, the back panel's
// signature, messages, and to compare the title with the opening heading. Two Chinese or Japanese
// characters join without a space, as across a soft line break in the Markdown (Han and kana are
// set without spaces, CLReq 3.1.1); any other line break (\n, U+2028, U+2029, U+0085) becomes one
// space. Blanks at the ends of each line go.
std::string one_line(std::string_view text);
// Han, kana, bopomofo and full-width punctuation; not Hangul, which Korean separates with spaces.
bool is_wide_cjk(char32_t cp);

// Splits off and reads the front matter. `path` is used in messages only.
Result<FrontMatter> parse_front_matter(std::string_view yaml, std::string_view path, int first_line);

// Parses a whole article (front matter + Markdown).
Result<Document> parse_document(std::string_view bytes, std::string_view path);

// Reads and parses a file (size limit, UTF-8 check).
Result<Document> load_document(const std::string& path);

}  // namespace leafpress::doc
