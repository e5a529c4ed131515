// layout/color_value.hpp: a colour as people give it.
//
// Accepted forms (the same in layouts, --set and front matter `accent:`):
//   #0E7C7B, #0E7            sRGB in hex, as a style guide or a web page gives it
//   rgb(14, 124, 123)        sRGB, 0-255 each (or percentages: rgb(5%, 49%, 48%))
//   cmyk(100, 45, 0, 10)     CMYK percentages, as a print shop gives it ('%' allowed)
//   100,45,0,10              the same, bare (and [100, 45, 0, 10] as a YAML list)
// An sRGB colour is converted to the print condition (FOGRA39, color/convert.hpp)
// here, where it is read, and keeps its sRGB value (Cmyk::srgb) for archive and
// screen PDFs, which then print it exactly as given. CMYK stays as given for print
// and is shown through the profile on screens (pdf/color.hpp).
// In YAML, `color: #0E7C7B` reads as `color:` and a comment: quote_hex_colors
// quotes such a value before the YAML is read, so the form people write works.
// Errors: the message names what was written and lists the accepted forms; the
//         caller puts the key and the file in front.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "layout/page_model.hpp"

namespace leafpress::layout {

// "#0E7C7B, rgb(14, 124, 123), cmyk(100, 45, 0, 10) or 100,45,0,10"
extern const char* const kColorForms;

// The colour, or an Error whose message says why `text` is not one (no file, no key).
Result<Cmyk> parse_color(std::string_view text);

}  // namespace leafpress::layout
