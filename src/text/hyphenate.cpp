#include "text/hyphenate.hpp"

#include <hyphen.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "core/hyphenated_word.hpp"
#include "text/hyphen_machine.hpp"

namespace leafpress::text {
namespace {

using HyphenDictHandle = Handle<HyphenDict, hnj_hyphen_free>;

constexpr std::size_t kMaxKnownWords = 20000;           // per thread and pattern set: some 2 MB at most
constexpr std::size_t kMaxDictionaryBytes = 16u << 20;  // Debian's are 110 KB

// One dictionary's machine: restored from the one saved at build time when the
// installed file is the file it was made from (1.6 M instructions, reading and hashing
// it included), else loaded by libhyphen from the file (39 M for hyph_en_US.dic).
struct Dictionary {
  std::unique_ptr<RestoredMachine> restored;
  HyphenDictHandle loaded;
  HyphenDict* get() const { return restored ? restored->dict() : loaded.get(); }
};

Dictionary load(const char* name) {
  const std::string path = std::string(LEAFPRESS_HYPHEN_DIR) + "/" + name;
  Dictionary d;
  if (const auto bytes = read_file(path, kMaxDictionaryBytes))
    d.restored = restore(embedded_machines(), name, fingerprint(*bytes));
  if (!d.restored) d.loaded = HyphenDictHandle(hnj_hyphen_load(path.c_str()));
  return d;
}

HyphenDict* dictionary(bool british) {
  // Function-local statics: loaded once, thread-safe initialisation (C++11 [stmt.dcl]).
  if (british) {
    static const Dictionary gb = load("hyph_en_GB.dic");
    if (gb.get()) return gb.get();
  }
  static const Dictionary us = load("hyph_en_US.dic");
  return us.get();
}

}  // namespace

HyphenExceptions HyphenExceptions::from(const std::vector<std::string>& entries) {
  HyphenExceptions out;
  for (const std::string& entry : entries) {
    if (!is_hyphenated_word(entry)) continue;
    std::string word;
    std::vector<std::size_t> points;
    for (const char c : entry) {
      if (c == '-')
        points.push_back(word.size());
      else
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.words[word] = std::move(points);  // a word listed twice: the later entry, as TeX
  }
  for (const auto& [word, points] : out.words) {
    std::size_t at = 0;
    for (const std::size_t p : points) out.key.append(word, at, p - at) += '-', at = p;
    out.key.append(word, at) += ' ';
  }
  return out;
}

const std::vector<std::size_t>* HyphenExceptions::find(std::string_view word) const {
  if (words.empty() || word.size() > kMaxHyphenatedWordLetters) return nullptr;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto it = words.find(lower);
  return it == words.end() ? nullptr : &it->second;
}

bool uses_british_patterns(std::string_view lang) {
  if (lang.size() < 5 || !(lang.starts_with("en-") || lang.starts_with("en_"))) return false;
  const std::string_view region = lang.substr(lang.size() - 2);
  for (const std::string_view r : {"GB", "UK", "AU", "NZ", "IE", "IN", "ZA"})
    if (region == r) return true;
  return false;
}

void load_patterns(std::string_view lang) {
  (void)dictionary(uses_british_patterns(lang));
}

bool has_hyphenatable_word(std::string_view text) {
  std::size_t run = 0;
  for (const char c : text) {
    run = std::isalpha(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run >= kMinWord) return true;
  }
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
  HyphenDict* dict = dictionary(british);
  if (!dict) return points;
  std::string hyphens(lower.size() + 5, '\0');
  std::string hyphenated(lower.size() * 2 + 1, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  // libhyphen takes a non-const dictionary but only reads it.
  const int failed = hnj_hyphen_hyphenate2(dict, lower.c_str(), static_cast<int>(lower.size()),
                                           hyphens.data(), hyphenated.data(), &rep, &pos, &cut);
  if (rep) {  // non-standard hyphenation (not used by the English patterns): free and ignore
    for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  if (failed) return points;
  for (std::size_t i = kMinBefore - 1; i + kMinAfter < lower.size(); ++i)
    if (hyphens[i] & 1) points.push_back(i + 1);
  if (cache.size() >= kMaxKnownWords) cache.clear();  // memory stays flat
  cache.emplace(std::move(lower), points);
  return points;
}

}  // namespace leafpress::text
