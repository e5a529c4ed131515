// layout/article_style.hpp: the style keys an article may set in its front matter.
//
// An article may ask for its clinic's brand colour without copying a layout:
//   accent: "#0E7C7B"      headings, the title and the cover band (heading.color)
//   fonts: {serif: Source Serif 4, sans: Source Sans 3, serif.cjk: Noto Serif CJK SC}
//                          font families by name (fontconfig), as --set fonts.serif=...
// in any form of color_value.hpp. Precedence, lowest first: the layout, then the
// article's front matter, then --set on the command line (or a manifest's set:).
// Errors: a value that is not a colour names the article, the key's line and the
//         accepted forms.
#pragma once

#include "doc/document.hpp"
#include "layout/template.hpp"

namespace leafpress::layout {

Status apply_article_style(Template& t, const doc::Document& d);

}  // namespace leafpress::layout
