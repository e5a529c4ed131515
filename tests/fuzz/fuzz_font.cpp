// tests/fuzz/fuzz_font.cpp: font bytes → Face → shaped glyphs → an embeddable subset.
//
// Fonts come from anywhere (a clinic drops its own into fonts/), so everything
// leafpress does with a face is run on arbitrary bytes: the loading checks of
// Face (text/font_set.hpp), shaping a line of mixed text with HarfBuzz
// (text/shape.hpp) and subsetting for the PDF (pdf/font_subset.hpp).
// Promise checked: no crash, and a face that loads has a positive units-per-em.
#include <algorithm>
#include <vector>

#include "pdf/font_subset.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/font_set.hpp"
#include "text/shape.hpp"

using namespace leafpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto face = text::Face::from_bytes(fuzz::as_text(data, size), "fuzz.otf", 0);
  if (!face) {
    fuzz::note(face.error());
    fuzz::fuzz_check(!face.error().message.empty(), "an Error without a message");
    return 0;
  }
  const text::Face& f = **face;
  fuzz::fuzz_check(f.upem > 0, "a face with upem 0");
  constexpr std::string_view kText = "Wash hands: ffi “fl” 手を洗う 洗手 손 씻기 – 1½";
  const std::vector<text::Run> runs{text::Run{0, kText.size(), &f, HB_SCRIPT_LATIN}};
  std::vector<unsigned> glyphs{0};
  for (const auto& g : text::shape(kText, runs, "en", 10)) glyphs.push_back(g.glyph);
  for (const char32_t cp : {U'a', U'A', U'0', U'手', U'씻'}) {
    glyphs.push_back(f.glyph_for(cp));
    (void)f.advance_em(f.glyph_for(cp));
  }
  std::sort(glyphs.begin(), glyphs.end());
  glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
  auto subset = pdf::make_subset(f, glyphs);
  if (subset) fuzz::fuzz_check(!subset->program.empty(), "an empty font program");
  return 0;
}
