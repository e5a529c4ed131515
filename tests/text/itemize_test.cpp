// Tests for text/itemize.cpp: what each character is, for fonts, glue and breaks.
#include <unicode/uchar.h>

#include <catch2/catch.hpp>

#include "text/itemize.hpp"

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
