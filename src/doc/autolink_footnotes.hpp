// doc/autolink_footnotes.hpp: a footnote reference written right after a bare address.
//
// GFM's autolink extension ends `https://…` and `www.…` only at white space or `<`, so in
// `…are at https://clinic.example/copd.[^2]` it links "https://clinic.example/copd.[^2]"; the
// reference is then part of the address, and cmark-gfm drops the definition nothing else
// refers to: the note was lost from the leaflet (a reviewer's COPD handout lost its NICE
// citation; cmark-gfm issues #121 and #278 are the same parser's autolink and bracket troubles).
// end_autolinks_at_footnotes rewrites each such address, before the parse, as the link it
// was meant to be, `[https://clinic.example/copd](https://clinic.example/copd).[^2]`: the
// address ends where GFM would end it had a space followed (trailing `?!.,:*_~'"` and an
// unbalanced `)` go back to the text, as does a first CJK character and what follows it,
// doc/cjk_autolinks.hpp), and the reference is a reference again. Lines stay where they were
// (nothing is inserted but on the same line); fenced code and code spans are left as written.
#pragma once

#include <string>
#include <string_view>

namespace leafpress::doc {

std::string end_autolinks_at_footnotes(std::string_view text);

}  // namespace leafpress::doc
