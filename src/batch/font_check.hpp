// batch/font_check.hpp: does the chosen font family cover the article's characters?
//
// A family given by name (`--set fonts.serif=...`, `fonts:` in the front matter or the layout)
// may lack letters the article uses: a Latin font without Vietnamese or Polish accents, a CJK
// font for Japanese asked to set Korean. The build goes on (itemize falls back to another face
// or prints a box), but the user hears, once per family, which characters it lacks:
//   "fonts.serif 'Foo Serif' lacks 3 characters the article uses: ą ł ż"
// Han, kana, Hangul, CJK punctuation and full-width forms are checked
// against the role's `cjk` family, everything else printable against its `latin` family.
// The shipped Noto families are not checked (their gaps are filled by each other).
// Errors: a family fontconfig does not know (the FontSet refuses substitutes).
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "doc/document.hpp"
#include "layout/template.hpp"
#include "text/font_set.hpp"

namespace leafpress::batch {

Result<std::vector<std::string>> font_coverage_warnings(const doc::Document& d, const layout::Template& t,
                                                        const text::FontSet& fonts);

}  // namespace leafpress::batch
