// doc/cmark_gfm.hpp: GitHub's cmark (cmark-gfm), set up the way leafpress reads articles.
//
// parse_gfm parses a Markdown body with the GFM extensions (tables, strikethrough,
// autolinks, task lists), footnotes and smart punctuation, and returns the tree
// with a RAII handle. Before returning it ends bare addresses at CJK text
// (doc/cjk_autolinks.hpp), pairs emphasis by the CJK-friendly rules and mends smart
// quotes in CJK text (doc/cjk_emphasis.hpp).
//
// Escaped emphasis marks: cmark-gfm merges adjacent text nodes after parsing, so
// `\*` and an unmatched `*` look alike in the tree. Before parsing, each `\*` and
// `\_` is replaced by a sentinel: a punctuation character (so the delimiter runs
// around it flank exactly as they would next to `*`) that does not occur in the
// text. Readers of the tree map it back with Escapes::restore: to the bare mark
// where backslash escapes apply (text, link targets), to the two characters as
// written where they do not (code, raw HTML).
//
// Tables typed in Chinese mode (`｜` for `|`, `：` and `－` in the delimiter row) are
// read as tables: their bars become ASCII before parsing.
//
// Node kinds: the extensions' node types are not in cmark-gfm's public headers,
// so tables, rows, cells, strikethrough and task items are told by their type names.
// Thread-safety: the extensions are registered once (std::call_once); parsing is reentrant.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>

#include "core/handle.hpp"
#include "core/result.hpp"

namespace leafpress::doc {

// The longest line a std::regex here reads (a table's delimiter row): libstdc++'s regex recurses
// once a character, and a hostile 100 KB line overflowed the stack. Longer lines are no table row.
constexpr std::size_t kMaxRegexLine = 1024;

using CmarkNode = Handle<cmark_node, cmark_node_free>;
using CmarkIter = Handle<cmark_iter, cmark_iter_free>;
using CmarkParser = Handle<cmark_parser, cmark_parser_free>;

// The sentinels that stand for `\*` and `\_` while cmark-gfm parses (see above).
struct Escapes {
  char32_t star = 0, underscore = 0;  // 0: the text used every candidate; escapes left as written

  // Chooses two sentinels absent from `body` and returns it with `\*` and `\_` replaced.
  std::string protect(std::string_view body);
  // `text` with the sentinels turned back: `*` and `_` (escaped = true, for text and
  // link targets) or `\*` and `\_` (escaped = false, for code and raw HTML).
  [[nodiscard]] std::string restore(std::string_view text, bool escaped) const;
};

struct GfmTree {
  CmarkNode root;
  Escapes escapes;
  std::string text;  // the body as cmark-gfm parsed it (escapes protected): source positions point here
};

// Parses `body` (LF line ends). Fails only when cmark-gfm runs out of memory.
Result<GfmTree> parse_gfm(std::string_view body, std::string_view path);

enum class GfmKind { Other, Table, TableRow, TableHeader, TableCell, Strikethrough, TaskItem };
GfmKind gfm_kind(cmark_node* node);

}  // namespace leafpress::doc
