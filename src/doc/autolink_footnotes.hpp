// doc/autolink_footnotes.hpp: a footnote reference written right after a bare address.
//
// GFM's autolink extension ends `https://…` and `www.…` only at white space or `<`, so in
// `…are at https://clinic.example/copd.[^2]` it links "https://clinic.example/copd.[^2]"; the
// reference is then part of the address, and cmark-gfm drops the definition nothing else
// refers to: the note was lost from the leaflet (a reviewer's COPD handout lost its NICE
// citation; cmark-gfm issues #121 and #278 are the same parser's autolink and bracket troubles).
//
// end_autolinks_at_footnotes reads the parsed tree for such links (the extension's own, so no
// written link `[text](url)`, no code and no link definition is touched) and returns the text
// with each written as the link it was meant to be, for a second parse:
// `<https://clinic.example/copd>.[^2]`, `[www.example.org](<http://www.example.org>)[^1]`.
// The address ends where GFM would end it had a space followed (trailing `?!.,:*_~'"` and an
// unbalanced `)` go back to the text, as does a first CJK character and what follows it,
// doc/cjk_autolinks.hpp). Nothing is inserted but on the same line, so lines keep their
// numbers. A link whose text appears in the file more often than as such links (the same
// address in code too) is left alone, as are links past the first kMaxMendedAddresses and
// longer than kMaxMendedLength bytes (no handout's address is; a hostile one costs no search).
#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>

namespace leafpress::doc {

constexpr std::size_t kMaxMendedAddresses = 64, kMaxMendedLength = 2048;

// The text to parse again, or nothing when no link swallowed a reference.
std::optional<std::string> end_autolinks_at_footnotes(cmark_node* root, std::string_view text);

}  // namespace leafpress::doc
