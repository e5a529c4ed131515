// core/hex_colors.hpp: `color: #0E7C7B` in YAML, read as people mean it.
//
// YAML takes ` #` as the start of a comment, so `accent: #0E7C7B` is `accent:`
// with no value, and the user hears that their colour is empty. Before a layout
// or a front matter is read, quote_hex_colors quotes a hex colour that is the
// whole value of a key or a list item (`key: #0E7C7B` → `key: "#0E7C7B"`), a
// trailing comment kept. A line that is only `#abc` stays a comment. Line
// numbers do not change, so errors still point at the user's line.
#pragma once

#include <string>
#include <string_view>

namespace leafpress {

std::string quote_hex_colors(std::string_view yaml);

}  // namespace leafpress
