// text/hyphenate.hpp: where a Latin word may take a hyphen.
//
// Liang's patterns through libhyphen with Debian's dictionaries: hyph_en_GB.dic
// (hyphen-en-gb) for en-GB and other British-spelling regions (en-AU, en-NZ, en-IE,
// en-IN, en-ZA...), hyph_en_US.dic (hyphen-en-us) for en, en-US and for the English
// words inside a CJK article. Only words of ASCII letters are hyphenated, never CJK,
// digits, code or URLs. As TeX's \lefthyphenmin and \righthyphenmin, at least
// kMinBefore letters stay before the hyphen and kMinAfter after it; words shorter
// than kMinWord letters are never hyphenated (a broken "si-lent" reads worse than a
// loose line).
// Each dictionary is loaded once per process, on first use, and shared (restored from the
// machine the build saved when the installed file is the one it was saved from:
// text/hyphen_machine.hpp); lookups only read it and may run on many threads at once.
// Each thread remembers the words it has hyphenated (bounded), so a word is looked up
// once per thread, not once per use.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::text {

constexpr std::size_t kMinBefore = 3;
constexpr std::size_t kMinAfter = 3;
constexpr std::size_t kMinWord = 6;

// Byte offsets inside `word` before which a hyphen may be inserted, with the patterns
// for `lang` (BCP 47). Empty when the word is too short, not all ASCII letters, or no
// dictionary is installed.
std::vector<std::size_t> hyphenation_points(std::string_view word, std::string_view lang = "en");

// Words the author hyphenates by hand, as TeX's \hyphenation{ri-za-trip-tan}: a listed word
// breaks only where its entry has a hyphen, and a word listed without one never breaks,
// whatever the patterns say. Drug names are why: patterns made for English words break
// "rizat-riptan" and "metoclopram-ide", and a patient looks for the name as the box says it.
// A word matches whatever its case, so a listed capitalised name may break too (TeX's
// \uchyph=0 keeps the patterns off it). kMinBefore and kMinAfter still hold. Built once
// per article and only read: it may be shared by threads.
struct HyphenExceptions {
  // Lower-case word, without hyphens -> byte offsets before which a hyphen may go.
  std::map<std::string, std::vector<std::size_t>, std::less<>> words;
  std::string key;  // the list in one canonical text, for caches keyed by what changes a paragraph

  // From entries as written in the front matter ("ri-za-trip-tan", "Metoclopramide"); an
  // entry that is not one (core/hyphenated_word.hpp) is skipped: doc/ reports it first.
  static HyphenExceptions from(const std::vector<std::string>& entries);
  // The offsets for `word` (any case), or nullptr when it is not listed.
  [[nodiscard]] const std::vector<std::size_t>* find(std::string_view word) const;
};

// True when `lang` uses the British patterns.
bool uses_british_patterns(std::string_view lang);

// Makes the patterns `lang` uses ready, if not yet: restored from the machine saved at
// build time (text/hyphen_machine.hpp, under 1 ms) or, when the installed dictionary is not the
// file it was made from, built by libhyphen from the file (~10 ms). A warm-up, on another
// thread, for the first word that needs them.
void load_patterns(std::string_view lang);

// True when `text` holds a word the patterns may break: kMinWord ASCII letters in a row.
// An article without one (all Chinese, Japanese or Korean) never needs the patterns.
bool has_hyphenatable_word(std::string_view text);

}  // namespace leafpress::text
