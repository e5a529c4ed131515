// doc/smart_punctuation.hpp: the body's typographic quotes and dashes for front matter text,
// and the rule that tells a body heading repeating the title.
//
// smarten: the front matter the leaflet prints (title, subtitle, author, the clinic's name,
// address and hours) is plain text, not Markdown, but it is set beside the body and must
// read like it: straight quotes, `--`, `---` and `...` become “” ‘’ – — … exactly as in the
// body, because the body's own parser makes them (parse_gfm, doc/cmark_gfm.hpp: cmark-gfm's
// smart punctuation, then fix_cjk_smart_quotes for quotes beside CJK text). No second
// converter: each line is handed to parse_gfm as the text of an ATX heading (inline
// content only, so no list, quote or code block can start) with every other ASCII
// punctuation mark backslash-escaped, so nothing else is read as Markdown (`*`, `_`, `[`,
// `<`, `&`, `\`, `#` print as typed). What must stay as typed is escaped whole (cmark never
// curls an escaped quote or joins escaped dashes): web addresses (`scheme://…`, `www.…`),
// e-mail addresses (`mary.o'brien@…`), phone numbers (7 or more digits with single
// separators: `+41 44 668'18'00`) and `{{placeholders}}`, which a data merge fills later
// (batch/variables.hpp) with values that, as in the body, print as given. Each line of a
// multi-line value is converted on its own; blanks at its ends are kept.
// Which quote glyph prints (font, width) follows the language of the text, as in the body:
// that is the text stage's choice, not this one.
//
// repeats_title: the article's first `#` heading is left to the cover when it says the
// title (layout/blocks.hpp). Author and template often type the two differently (`child's`
// in the front matter, `child’s` in the heading; `--` and `–`), so they are compared with
// every quote folded to one straight quote, every dash (and `--`, `---`) to `-`, `…` to
// `...`, runs of white space to one space, letter case folded (`Flu Vaccination`, `Flu
// vaccination`) and full-width forms to ASCII (`：`, `:`); a line break the author typed in either
// (`title: |`) as document.hpp one_line joins it (`孩子得了` + `手足口病…` is `孩子得了手足口病…`).
// Thread-safety: pure functions (parse_gfm is reentrant).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "doc/document.hpp"

namespace leafpress::doc {

// `text` (UTF-8, plain text) with the body's smart punctuation. On running out of memory
// (parse_gfm's only failure) the text comes back as typed.
std::string smarten(std::string_view text);

// The front matter the leaflet prints as text, which smarten() is for: the title, subtitle,
// author and the clinic's name, address and hours. Phone, url, e-mail, date, keywords and
// paths stay as typed. front_matter converts them as read, a data merge once filled.
std::array<std::string*, 6> printed_fields(FrontMatter& meta);
bool printed_clinic_field(std::string Clinic::*member);

// True when `heading` (a heading's plain text) says `title`, whatever quotes and dashes
// either was typed with; never for an empty title.
bool repeats_title(std::string_view heading, std::string_view title);

}  // namespace leafpress::doc
