// doc/cjk_autolinks.hpp: bare addresses that run into CJK text.
//
// GFM's autolink extension ends `https://…` and `www.…` only at white space or `<`,
// so in Chinese, Japanese or Korean, where no space follows, `访问 https://clinic.example。谢谢`
// links "https://clinic.example。谢谢" and the leaflet's link goes nowhere.
// trim_cjk_from_autolinks ends every such link before its first CJK character
// (doc/cjk_emphasis.hpp: East Asian Width W/F/H, or Hangul); the rest is text again.
// A link written as `[text](url)` is left as written: its author marked the end. (`<url>`
// looks the same as a bare address in the tree and is trimmed too: an address with CJK
// characters in it is written percent-encoded, as browsers copy it.)
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <string_view>

namespace leafpress::doc {

void trim_cjk_from_autolinks(cmark_node* root);

// The scheme GFM's autolink extension put before the text it linked ("" when the text is the
// whole address, "http://" before www.…, "mailto:" before an e-mail address), or nullptr for a
// link that the extension did not make.
const char* autolink_prefix(std::string_view url, std::string_view text);

// Where the first CJK character of an address starts (npos: none), and the ASCII marks GFM drops
// from an address's end (`?!.,:*_~'"`): an address ends before both.
std::size_t first_cjk_character(std::string_view address);
bool is_trailing_address_mark(char c);

}  // namespace leafpress::doc
