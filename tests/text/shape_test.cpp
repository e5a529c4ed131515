// Tests for text/shape.cpp: runs of one face → glyphs, and the cap on clusters.
#include <hb.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "core/utf8.hpp"
#include "doc/document.hpp"
#include "tests/support/test_support.hpp"
#include "text/itemize.hpp"
#include "text/shape.hpp"

using leafpress::test::installed_fonts;
using leafpress::text::Run;
using leafpress::text::shape;

namespace {

const leafpress::text::Face* serif() {
  auto face = installed_fonts().face({"Noto Serif", false, false});
  REQUIRE(face.has_value());
  return *face;
}

}  // namespace

// HarfBuzz is quadratic in the length of a cluster: 50,000 marks on one letter took
// 4.5 s. Marks past 30 in a row (UAX #15 Stream-Safe) are shaped apart from the letter,
// so the font's mark-on-mark stacking (GPOS mkmk) starts again after each 30.
TEST_CASE("shape: a letter under thousands of combining marks is shaped in bounded pieces", "[text]") {
  std::string text = "a";
  for (int i = 0; i < 5000; ++i) leafpress::append_utf8(text, U'\u0301');  // combining acute
  text += " b";
  const auto glyphs = shape(text, {Run{0, text.size(), serif(), HB_SCRIPT_LATIN}}, "en", 10);
  std::map<std::uint32_t, int> per_cluster;
  for (const auto& g : glyphs) ++per_cluster[g.cluster];
  double highest = 0;
  for (const auto& g : glyphs) highest = std::max(highest, g.y_offset);
  INFO(per_cluster.size() << " clusters; the highest mark " << highest << " pt above the baseline");
  CHECK(highest > 10);           // the font stacks marks...
  CHECK(highest < 200);          // ...30 of them at most (5,000 stacked would reach 10,000 pt)
  CHECK(glyphs.size() >= 5002);  // "á" may compose into one glyph; every other mark keeps its own
  CHECK(per_cluster.begin()->first == 0);
  CHECK(per_cluster.rbegin()->first == text.size() - 1);  // "b": offsets into the whole text
}

TEST_CASE("shape: ordinary text is one cluster per character and keeps its ligatures", "[text]") {
  const std::string text = "e\u0301te\u0301 office";  // two accents, and ffi
  const auto glyphs = shape(text, {Run{0, text.size(), serif(), HB_SCRIPT_LATIN}}, "en", 10);
  std::map<std::uint32_t, int> per_cluster;
  for (const auto& g : glyphs) ++per_cluster[g.cluster];
  CHECK(per_cluster.count(0) == 1);
  CHECK(per_cluster.count(1) == 0);  // the accent belongs to the e before it
  CHECK(glyphs.size() < 13);         // "ffi" is one glyph, accents compose or attach
}

// Words are shaped apart and put together only where the font does nothing across a
// space (shape.cpp): the glyphs must be those of the whole runs, on every article we
// have, in every face the articles use (serif and sans, regular and bold, CJK and Latin).
TEST_CASE("shape: shaping word by word gives the glyphs of shaping each run whole, on every article",
          "[text]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const char* dir : {"content", "content/handouts", "tests/articles", "tests/articles/gfm"})
    for (const auto& e : fs::directory_iterator(fs::path(LEAFPRESS_SOURCE_DIR) / dir))
      if (e.path().extension() == ".md") files.push_back(e.path());
  REQUIRE(files.size() >= 15);
  std::size_t compared = 0, words = 0;
  for (const auto& file : files) {
    auto document = leafpress::doc::load_document(file.string());
    REQUIRE(document.has_value());
    for (const bool bold : {false, true})
      for (const char* cjk : {"Noto Serif CJK", "Noto Sans CJK"})
        for (const auto& block : document->blocks) {
          const std::string text = block.plain_text();
          if (text.empty()) continue;
          leafpress::text::ParagraphStyle style;
          style.lang = document->meta.lang.empty() ? "en" : document->meta.lang;
          style.bold = bold;
          style.fonts.cjk = cjk;
          style.fonts.latin = std::string(cjk).starts_with("Noto Sans") ? "Noto Sans" : "Noto Serif";
          auto itemized = leafpress::text::itemize(text, {}, style, installed_fonts());
          REQUIRE(itemized.has_value());
          const auto by_words = leafpress::text::shape_uncached(text, itemized->runs, style.lang, 10, true);
          const auto whole = leafpress::text::shape_uncached(text, itemized->runs, style.lang, 10, false);
          INFO(file.filename().string() << " line " << block.line << ": " << text);
          REQUIRE(by_words.size() == whole.size());
          for (std::size_t i = 0; i < whole.size(); ++i) {
            INFO("glyph " << i << " at byte " << whole[i].cluster);
            CHECK(by_words[i].face == whole[i].face);
            CHECK(by_words[i].glyph == whole[i].glyph);
            CHECK(by_words[i].cluster == whole[i].cluster);
            CHECK(by_words[i].advance == whole[i].advance);
            CHECK(by_words[i].x_offset == whole[i].x_offset);
            CHECK(by_words[i].y_offset == whole[i].y_offset);
            CHECK(by_words[i].unsafe_to_break == whole[i].unsafe_to_break);
          }
          ++compared;
          words += static_cast<std::size_t>(std::count(text.begin(), text.end(), ' '));
        }
  }
  INFO(compared << " paragraphs, " << words << " spaces");
  CHECK(compared > 500);
}

// shape.cpp answers "is it a mark?" without asking HarfBuzz below U+0300 and among the unified
// ideographs: no character there is one.
TEST_CASE("shape: no mark below U+0300 or among the unified ideographs", "[text]") {
  std::size_t marks = 0;
  for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0, 0x2FF}, {0x4E00, 0x9FFF}})
    for (char32_t cp = first; cp <= last; ++cp) {
      const auto category = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
      marks += category == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
               category == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
               category == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
    }
  CHECK(marks == 0);
  CHECK(hb_unicode_general_category(hb_unicode_funcs_get_default(), 0x300) ==
        HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK);  // the first one
}
