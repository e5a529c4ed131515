#include "core/hyphenated_word.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace leafpress {

std::string hyphenated_word_fault(std::string_view entry) {
  if (entry.empty()) return "is empty";
  std::size_t letters = 0;
  for (std::size_t i = 0; i < entry.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(entry, i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
    } else if (c == '-') {
      if (at == 0 || i == entry.size())
        return "starts or ends with a hyphen: a hyphen goes between two letters";
      if (entry[at - 1] == '-') return "has two hyphens in a row";
    } else if (c == ' ' || c == '\t') {
      return "has a space: list one word per entry";
    } else if (c < 0x80) {
      return std::string("has '") + static_cast<char>(c) + "': only letters A-Z and plain hyphens (-)";
    } else {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return "has " + std::string(entry.substr(at, i - at)) + " (" + code +
             "): only letters A-Z and plain hyphens (-); the patterns hyphenate English words only";
    }
  }
  if (letters > kMaxHyphenatedWordLetters)
    return "has " + std::to_string(letters) + " letters; at most " +
           std::to_string(kMaxHyphenatedWordLetters);
  return {};
}

}  // namespace leafpress
