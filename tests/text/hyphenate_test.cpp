// Tests for text/hyphenate.cpp: Liang's patterns (hyph_en_US.dic) through libhyphen.
// Expectations are drawn as the word with "-" at each hyphenation point.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "text/hyphenate.hpp"

using leafpress::text::hyphenation_points;
using leafpress::text::kMinAfter;
using leafpress::text::kMinBefore;

namespace {

std::string draw(const std::string& word) {
  std::string out;
  std::size_t from = 0;
  for (const std::size_t p : hyphenation_points(word)) {
    REQUIRE(p > from);  // increasing, inside the word
    REQUIRE(p < word.size());
    out += word.substr(from, p - from) + "-";
    from = p;
  }
  return out + word.substr(from);
}

}  // namespace

TEST_CASE("hyphenate: words get their points", "[text]") {
  struct Row {
    const char* word;
    const char* hyphenated;
  };
  const Row rows[] = {
      {"hyphenation", "hy-phen-ation"},
      {"Hyphenation", "Hy-phen-ation"},  // case does not matter
      {"HYPHENATION", "HY-PHEN-ATION"},
      {"internationalization", "in-ter-na-tion-al-iza-tion"},
      {"typesetting", "type-set-ting"},
      {"medication", "med-i-ca-tion"},
      {"accessible", "ac-ces-si-ble"},
      {"table", "ta-ble"},  // five letters: the shortest that can take a hyphen
  };
  for (const Row& row : rows) CHECK(draw(row.word) == row.hyphenated);
}

TEST_CASE("hyphenate: short words, non-letters and digits get none", "[text]") {
  // clang-format off
  const char* const words[] = {
      "",             "a",           "tab",       "idea",          // fewer than kMinBefore + kMinAfter letters
      "co-operate",   "hyphen4tion", "don't",     "hyphenation.",  // not only letters
      "hyphen ation", "naïve",       "éducation", "Übersetzung",   // non-ASCII letters
      "1234567890",   "covid19",     "3hyphenation",               // digits
  };
  // clang-format on
  for (const char* word : words) {
    INFO(word);
    CHECK(hyphenation_points(word).empty());
  }
}

TEST_CASE("hyphenate: at least 2 letters before and 3 after a hyphen", "[text]") {
  CHECK(kMinBefore == 2);
  CHECK(kMinAfter == 3);
  const char* const words[] = {
      "hyphenation", "eagerly",  "every",     "apple",     "asphalt",    "abbreviation", "aerobic",
      "ordinary",    "enabled",  "begin",     "belief",    "declared",   "decided",      "lucidi",
      "diabetes",    "patient",  "treatment", "important", "happily",    "creative",     "candidate",
      "ecology",     "academy",  "abandoned", "running",   "uniqueness", "goodbye",      "rhythmically",
      "atonement",   "equality", "orangutan", "ideology",  "elevator",   "enormously",   "unity",
  };
  int with_points = 0;
  for (const std::string word : words) {
    const auto points = hyphenation_points(word);
    INFO(word << ": " << draw(word));
    if (!points.empty()) ++with_points;
    for (const std::size_t p : points) {
      CHECK(p >= kMinBefore);
      CHECK(word.size() - p >= kMinAfter);
    }
  }
  CHECK(with_points >= 25);  // the dictionary was found and used
}

TEST_CASE("hyphenate: the same on many threads at once", "[text]") {
  const auto want = hyphenation_points("internationalization");
  REQUIRE(want.size() == 6);
  std::vector<int> ok(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < ok.size(); ++t)
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 500; ++i) same = same && hyphenation_points("internationalization") == want;
      ok[t] = same ? 1 : 0;
    });
  for (auto& th : threads) th.join();
  for (const int o : ok) CHECK(o == 1);
}
