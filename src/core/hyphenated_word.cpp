#include "core/hyphenated_word.hpp"

namespace leafpress {

bool is_hyphenated_word(std::string_view entry) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < entry.size(); ++i) {
    const char c = entry[i];
    if (c == '-') {
      if (i == 0 || i + 1 == entry.size() || entry[i - 1] == '-') return false;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
    } else {
      return false;
    }
  }
  return letters > 0 && letters <= kMaxHyphenatedWordLetters;
}

}  // namespace leafpress
