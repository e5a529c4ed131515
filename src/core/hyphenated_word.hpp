// core/hyphenated_word.hpp: one entry of an author's hyphenation list, as TeX's
// \hyphenation{ri-za-trip-tan} takes it.
//
// An entry is one English word of ASCII letters with a hyphen wherever it may break
// ("ri-za-trip-tan") or none where it must not ("metoclopramide"): no other character,
// no hyphen at either end or two in a row, at most kMaxHyphenatedWordLetters letters
// (the longest word the patterns are run on). doc/ reports an entry that is not one at
// its line; text/ builds its exceptions only from entries that are.
#pragma once

#include <cstddef>
#include <string_view>

namespace leafpress {

constexpr std::size_t kMaxHyphenatedWordLetters = 64;

[[nodiscard]] bool is_hyphenated_word(std::string_view entry);

}  // namespace leafpress
