// Tests for text/hyphenate.cpp: Liang's patterns (hyph_en_US.dic, hyph_en_GB.dic) through libhyphen.
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

std::string draw(const std::string& word, const char* lang = "en") {
  std::string out;
  std::size_t from = 0;
  for (const std::size_t p : hyphenation_points(word, lang)) {
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
      {"hyphenation", "hyphen-ation"},  // never fewer than 3 letters before the hyphen: no "hy-"
      {"Hyphenation", "Hyphen-ation"},  // case does not matter
      {"HYPHENATION", "HYPHEN-ATION"},
      {"internationalization", "inter-na-tion-al-iza-tion"},
      {"typesetting", "type-set-ting"},
      {"medication", "med-i-ca-tion"},
      {"accessible", "acces-si-ble"},
      {"knowledge", "knowl-edge"},
      {"tablet", "tablet"},  // six letters, but no point leaves 3 on each side
      {"table", "table"},    // five letters: too short to hyphenate at all
  };
  for (const Row& row : rows) CHECK(draw(row.word) == row.hyphenated);
}

TEST_CASE("hyphenate: en-GB uses the British patterns, en and en-US the American", "[text]") {
  using leafpress::text::uses_british_patterns;
  CHECK(draw("democracy", "en-GB") == "demo-cracy");
  CHECK(draw("democracy", "en") == "democ-racy");
  CHECK(draw("democracy", "en-US") == "democ-racy");
  CHECK(draw("knowledge", "en-GB") == "know-ledge");
  CHECK(draw("hyphenation", "en-GB") == "hyphen-a-tion");
  CHECK(draw("hyphenation", "zh-Hans") == "hyphen-ation");  // English inside CJK: en-US
  CHECK(uses_british_patterns("en-GB"));
  CHECK(uses_british_patterns("en-AU"));
  CHECK_FALSE(uses_british_patterns("en"));
  CHECK_FALSE(uses_british_patterns("en-US"));
  CHECK_FALSE(uses_british_patterns("zh-Hans"));
}

TEST_CASE("hyphenate: short words, non-letters and digits get none", "[text]") {
  // clang-format off
  const char* const words[] = {
      "",             "a",           "tab",       "idea",          // fewer than kMinWord letters
      "table",        "happy",       "water",                                   // five letters
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

TEST_CASE("hyphenate: at least 3 letters before and 3 after a hyphen", "[text]") {
  CHECK(kMinBefore == 3);
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
  CHECK(with_points >= 18);  // the dictionary was found and used
}

TEST_CASE("hyphenate: the same on many threads at once", "[text]") {
  const auto want = hyphenation_points("internationalization");
  REQUIRE(want.size() == 5);
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

TEST_CASE("hyphenate: an author's exceptions, as TeX's \\hyphenation", "[text]") {
  using leafpress::text::HyphenExceptions;
  const auto ex =
      HyphenExceptions::from({"ri-za-trip-tan", "Metoclopramide", "two words", "-lead", "a--b", ""});
  REQUIRE(ex.words.size() == 2);              // entries that are not one word with inner hyphens are skipped
  const auto* riza = ex.find("Rizatriptan");  // any case
  REQUIRE(riza != nullptr);
  CHECK(*riza == std::vector<std::size_t>{2, 4, 8});
  const auto* meto = ex.find("METOCLOPRAMIDE");
  REQUIRE(meto != nullptr);
  CHECK(meto->empty());  // listed without a hyphen: never broken
  CHECK(ex.find("sumatriptan") == nullptr);
  // The British patterns disagree with the author ("rizat-riptan"): that is what the list is for.
  CHECK(hyphenation_points("rizatriptan", "en-GB") != std::vector<std::size_t>{4, 8});
  // One canonical text for caches: the same list in another order or case gives the same key.
  CHECK(ex.key == HyphenExceptions::from({"metoclopramide", "RI-ZA-TRIP-TAN"}).key);
  CHECK(ex.key != HyphenExceptions::from({"metoclopramide", "riza-triptan"}).key);
  CHECK(HyphenExceptions::from({}).key.empty());
}
