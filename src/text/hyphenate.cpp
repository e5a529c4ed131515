#include "text/hyphenate.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>

namespace leafpress::text {
namespace {

constexpr std::size_t kMaxKnownWords = 20000;  // per thread and pattern set: some 2 MB at most

// Liang's patterns (TeX's hyphenation algorithm, as libhyphen applies them with
// hnj_hyphen_hyphenate2), read straight from Debian's .dic files. libhyphen builds a
// state machine from them, which took longer than composing a leaflet (8 ms of a 40 ms
// cold build); a table of the ~10 000 patterns reads in a millisecond and finds the same
// points (tests/text/hyphenate_test.cpp checks it against libhyphen; it agreed on 50 000
// words of Debian's documentation, British and American).
class Patterns {
 public:
  // nullptr when the file cannot be read.
  static std::unique_ptr<const Patterns> load(const std::string& path) {
    std::ifstream in(path);
    if (!in) return nullptr;
    auto p = std::make_unique<Patterns>();
    std::string line;
    std::getline(in, line);  // the character set ("UTF-8")
    while (std::getline(in, line)) {
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
      // Keywords (LEFTHYPHENMIN...: leafpress has its own minima) are upper case; a pattern with
      // anything but a-z (ligatures, hyphens) never meets the ASCII words leafpress hyphenates.
      if (line.empty() || line[0] == '%' || line[0] == '#' ||
          std::isupper(static_cast<unsigned char>(line[0])))
        continue;
      std::string letters;
      std::string digits(1, 0);
      bool letters_only = true;
      for (const char c : line) {
        if (c >= '0' && c <= '9') {
          digits.back() = static_cast<char>(c - '0');
        } else if (c == '.' || (c >= 'a' && c <= 'z')) {
          letters += c;
          digits += '\0';
        } else {  // a ligature, a hyphen ("self-s8"), a non-standard pattern: never in a word of letters
          letters_only = false;
          break;
        }
      }
      if (!letters_only || letters.empty()) continue;
      p->longest_ = std::max(p->longest_, letters.size());
      p->by_letters_.emplace(std::move(letters), std::move(digits));
    }
    return p;
  }

  // For each byte of `word` (lower-case ASCII letters), the highest digit of the patterns
  // that put one between it and the next: odd allows a hyphen after it.
  [[nodiscard]] std::string levels(const std::string& word) const {
    const std::string w = "." + word + ".";
    std::string between(w.size() + 1, 0);  // [k]: between w[k - 1] and w[k]
    for (std::size_t i = 0; i < w.size(); ++i)
      for (std::size_t n = 1; n <= longest_ && i + n <= w.size(); ++n) {
        const auto it = by_letters_.find(w.substr(i, n));
        if (it == by_letters_.end()) continue;
        for (std::size_t k = 0; k < it->second.size(); ++k)
          between[i + k] = std::max(between[i + k], it->second[k]);
      }
    std::string out(word.size(), 0);
    for (std::size_t i = 0; i < word.size(); ++i) out[i] = between[i + 2];  // after word[i]
    return out;
  }

 private:
  std::unordered_map<std::string, std::string> by_letters_;  // letters → the digits around them
  std::size_t longest_ = 0;
};

std::unique_ptr<const Patterns> load(const char* name) {
  return Patterns::load(std::string(LEAFPRESS_HYPHEN_DIR) + "/" + name);
}

const Patterns* dictionary(bool british) {
  // Function-local statics: loaded once, thread-safe initialisation (C++11 [stmt.dcl]).
  if (british) {
    static const auto gb = load("hyph_en_GB.dic");
    if (gb) return gb.get();
  }
  static const auto us = load("hyph_en_US.dic");
  return us.get();
}

}  // namespace

bool uses_british_patterns(std::string_view lang) {
  if (lang.size() < 5 || !(lang.starts_with("en-") || lang.starts_with("en_"))) return false;
  const std::string_view region = lang.substr(lang.size() - 2);
  for (const std::string_view r : {"GB", "UK", "AU", "NZ", "IE", "IN", "ZA"})
    if (region == r) return true;
  return false;
}

std::vector<std::size_t> hyphenation_points(std::string_view word, std::string_view lang) {
  std::vector<std::size_t> points;
  if (word.size() < kMinWord || word.size() < kMinBefore + kMinAfter || word.size() > 64) return points;
  std::string lower(word);
  for (char& c : lower) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return points;
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const bool british = uses_british_patterns(lang);
  // Words recur (a leaflet says "stem cells" forty times, a batch prints the same
  // vocabulary in every leaflet): each thread keeps the words it has hyphenated.
  thread_local std::unordered_map<std::string, std::vector<std::size_t>> known[2];
  auto& cache = known[british ? 1 : 0];
  if (const auto it = cache.find(lower); it != cache.end()) return it->second;
  const Patterns* dict = dictionary(british);
  if (!dict) return points;
  const std::string levels = dict->levels(lower);
  for (std::size_t i = kMinBefore - 1; i + kMinAfter < lower.size(); ++i)
    if (levels[i] & 1) points.push_back(i + 1);
  if (cache.size() >= kMaxKnownWords) cache.clear();  // memory stays flat
  cache.emplace(std::move(lower), points);
  return points;
}

}  // namespace leafpress::text
