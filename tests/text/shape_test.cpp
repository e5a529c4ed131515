// Tests for text/shape.cpp: runs of one face → glyphs, and the cap on clusters.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/utf8.hpp"
#include "tests/support/test_support.hpp"
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
