// Tests for text/itemize.cpp: what each character is, for fonts, glue and breaks.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <catch2/catch.hpp>

#include <utility>

#include "tests/support/test_support.hpp"
#include "text/itemize.hpp"
#include "text/paragraph.hpp"

using leafpress::text::CharClass;
using leafpress::text::classify;

// ASCII is classified without ICU (most characters of most articles are ASCII): the
// answer must be the one ICU's properties give, as for every other character.
TEST_CASE("itemize: classify gives every ASCII character the class ICU's properties give", "[text]") {
  for (char32_t cp = 0; cp < 0x80; ++cp) {
    const CharClass expected = cp == U' ' || cp == U'\t'             ? CharClass::Space
                               : cp == U'\n'                         ? CharClass::Newline
                               : u_isalnum(static_cast<UChar32>(cp)) ? CharClass::Latin
                                                                     : CharClass::LatinPunct;
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(classify(cp) == expected);
  }
  CHECK(classify(0x2028) == CharClass::Newline);
  CHECK(classify(U'中') == CharClass::Cjk);
  CHECK(classify(U'「') == CharClass::CjkOpen);
  CHECK(classify(U'é') == CharClass::Latin);
  CHECK(classify(0xA0) == CharClass::NoBreakSpace);
}

// Half-width katakana is kana, its prolonged sound mark and voiced-sound marks too (ICU gives
// them the Common script and calls them letters): read as Latin, "ﾌｪｷｿﾌｪﾅｼﾞﾝ" took the Han–Latin
// quarter em on both sides of ﾞ.
TEST_CASE("itemize: half-width katakana and its sound marks are kana", "[text]") {
  for (char32_t cp = 0xFF66; cp <= 0xFF9F; ++cp) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(classify(cp) == CharClass::Cjk);
  }
}

// is_default_ignorable answers without ICU before U+00AD and among the unified ideographs:
// ICU agrees that none there is default-ignorable, and that U+00AD is.
TEST_CASE("itemize: no default-ignorable character before U+00AD or among the unified ideographs", "[text]") {
  std::size_t ignorable = 0;
  for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0, 0xAC}, {0x4E00, 0x9FFF}})
    for (char32_t cp = first; cp <= last; ++cp)
      ignorable += u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
  CHECK(ignorable == 0);
  CHECK(leafpress::text::is_default_ignorable(0xAD));
  CHECK(leafpress::text::is_default_ignorable(0xFE0F));
  CHECK_FALSE(leafpress::text::is_default_ignorable(U'中'));
}

// classify takes every unified ideograph for Han without asking ICU: ICU agrees.
TEST_CASE("itemize: every unified ideograph is Han", "[text]") {
  std::size_t other = 0;
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    UErrorCode err = U_ZERO_ERROR;
    other += uscript_getScript(static_cast<UChar32>(cp), &err) != USCRIPT_HAN;
  }
  CHECK(other == 0);
  CHECK(leafpress::text::classify(U'中') == leafpress::text::CharClass::Cjk);
}

// A dash or an ellipsis takes the script of the words either side, across spaces and across
// other dashes and ellipses, however many ("……" in Chinese, "wait…… then" in English); a quote
// takes the script of the word it touches. A line break ends the search.
TEST_CASE("itemize: dashes, ellipses and quotes take their neighbours' script, in runs of any length",
          "[text]") {
  using leafpress::text::ParagraphStyle;
  struct Row {
    const char* lang;
    std::string text;
    std::string mark;  // every occurrence of it is checked
    CharClass expected;
  };
  std::string run;
  for (int i = 0; i < 20000; ++i) run += "…";
  const Row rows[] = {
      {"zh-Hans", "治疗——预防", "—", CharClass::CjkOther},
      {"en", "twenty seconds — about as long", "—", CharClass::LatinPunct},
      {"zh-Hans", "治疗" + run + "预防", "…", CharClass::CjkOther},
      {"en", "wait" + run + " then", "…", CharClass::LatinPunct},
      {"en", "治疗 " + run + " 预防", "…", CharClass::CjkOther},    // Han on both sides, across spaces
      {"zh-Hans", "请服用“warfarin”", "“", CharClass::LatinPunct},  // the quote touches the Latin word
      {"zh-Hans", "他说“好”", "“", CharClass::CjkOpen},
      // A pair takes the script of what it encloses, both marks alike (按“0、1、6 个月” had a Latin
      // opening mark beside a CJK closing one).
      {"zh-Hans", "按“0、1、6 个月”接种", "“", CharClass::CjkOpen},
      {"zh-Hans", "按“0、1、6 个月”接种", "”", CharClass::CjkClose},
      {"zh-Hans", "称为“HBV DNA 阳性”。", "“", CharClass::CjkOpen},
      {"zh-Hans", "即“e-GFR”", "”", CharClass::LatinPunct},
      {"ja", "「‘patient’s plan’ を」", "’", CharClass::LatinPunct},
      {"en", "治疗\n" + run + " then", "…", CharClass::LatinPunct},  // the line break ends the search
  };
  for (const Row& row : rows) {
    ParagraphStyle style;
    style.lang = row.lang;
    auto itemized = leafpress::text::itemize(row.text, {}, style, leafpress::test::installed_fonts());
    REQUIRE(itemized);
    INFO(row.lang << " " << row.text.substr(0, 40) << " " << row.mark);
    int checked = 0;
    for (std::size_t at = row.text.find(row.mark); at != std::string::npos;
         at = row.text.find(row.mark, at + 1))
      if (itemized->classes[at] != row.expected) {
        CHECK(static_cast<int>(itemized->classes[at]) == static_cast<int>(row.expected));
        break;
      } else {
        ++checked;
      }
    CHECK(checked > 0);
  }
}
