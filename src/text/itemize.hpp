// text/itemize.hpp: split a paragraph into runs that one face can shape.
//
// Each character gets a CharClass (text/items.hpp) from its Unicode script
// (ICU uscript) and a few tables of full-width punctuation. Characters of the
// Common script (quotes, dashes, ellipsis, middle dot) take the class of the
// text around them: ’ in "body’s" is Latin, “ before Han is CJK.
// Each character then gets a face: CJK classes the regional CJK family, the
// rest the Latin family (or mono for code), bold and italic from its span; CJK
// is never slanted (no fake italic). When that face lacks the character, the
// other one is tried (per-script fallback); a character no face has is counted
// in `missing` and set in whichever of the two has U+FFFD (the first if neither),
// where shaping draws the replacement character for it (shape.hpp).
// Default-ignorable characters (variation selectors U+FE00-FE0F and
// U+E0100-E01EF, ZWJ, ZWNJ...) stay in the run before them and are never missing.
// Runs: maximal ranges with one face and one script, byte offsets into the text.
#pragma once

#include <hb.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "text/items.hpp"
#include "text/paragraph.hpp"

namespace leafpress::text {

struct StyleRange {
  std::size_t begin = 0, end = 0;  // bytes
  bool bold = false, italic = false, code = false, url = false;
};

struct Run {
  std::size_t begin = 0, end = 0;  // bytes
  const Face* face = nullptr;
  hb_script_t script = HB_SCRIPT_COMMON;
};

struct Itemized {
  std::vector<CharClass> classes;  // per byte; continuation bytes repeat the class of their character
  std::vector<Run> runs;
  std::vector<char32_t> missing;  // characters no face has
};

CharClass classify(char32_t cp);

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Unicode's Default_Ignorable_Code_Point (ICU): variation selectors, joiners, soft hyphen...
bool is_default_ignorable(char32_t cp);

Result<Itemized> itemize(std::string_view text, const std::vector<StyleRange>& styles,
                         const ParagraphStyle& style, const FontSet& fonts);

}  // namespace leafpress::text
