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

namespace leafpress::doc {

void trim_cjk_from_autolinks(cmark_node* root);

}  // namespace leafpress::doc
