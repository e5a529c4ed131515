// text/hyphenate.hpp: where a Latin word may take a hyphen.
//
// Liang's patterns through libhyphen with Debian's hyph_en_US.dic (the only
// dictionary shipped; Latin words in CJK articles are English). Only words of
// ASCII letters are hyphenated, never CJK, digits, code or URLs; at least
// kMinBefore letters stay before the hyphen and kMinAfter after it.
// The dictionary is loaded once per process, on first use; lookups only read
// it and may run on many threads at once.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace leafpress::text {

constexpr std::size_t kMinBefore = 2;
constexpr std::size_t kMinAfter = 3;

// Byte offsets inside `word` before which a hyphen may be inserted. Empty when
// the word is too short, not all ASCII letters, or no dictionary is installed.
std::vector<std::size_t> hyphenation_points(std::string_view word);

}  // namespace leafpress::text
