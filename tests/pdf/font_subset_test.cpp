// Tests for pdf/font_subset.cpp: hb-subset per (face, glyph set), and the cache a batch shares.
#include <catch2/catch.hpp>

#include <thread>

#include "pdf/font_subset.hpp"
#include "tests/support/test_support.hpp"

using leafpress::pdf::make_subset;
using leafpress::pdf::SubsetCache;
using leafpress::test::installed_fonts;

TEST_CASE("font_subset: TrueType codes are the subset's glyph ids, CFF codes the original ids", "[pdf]") {
  const auto serif = installed_fonts().face({"Noto Serif"});
  const auto cjk = installed_fonts().face({"Noto Serif CJK SC"});
  REQUIRE(serif.has_value());
  REQUIRE(cjk.has_value());
  const unsigned a = (*serif)->glyph_for(U'A'), z = (*serif)->glyph_for(U'z');
  auto latin = make_subset(**serif, {a, z});
  REQUIRE(latin.has_value());
  CHECK(latin->code.size() == 2);
  CHECK(latin->code.at(a) != a);  // renumbered: .notdef, then the two glyphs
  CHECK(latin->code.at(a) < 3);
  CHECK(latin->program.substr(0, 4) == std::string("\0\1\0\0", 4));  // a TrueType font file

  CHECK((*cjk)->is_cid_keyed);
  CHECK_FALSE((*serif)->is_cid_keyed);
  const unsigned han = (*cjk)->glyph_for(U'造');
  auto cff = make_subset(**cjk, {han});
  REQUIRE(cff.has_value());
  CHECK(cff->code.at(han) == han);
  CHECK(static_cast<unsigned char>(cff->program[0]) == 1);  // a bare CFF table (major version 1)
  CHECK(cff->program.size() < 20000);                       // a subset, not the 16 MB font
}

TEST_CASE("font_subset: the cache returns one subset per face and glyph set, from any thread", "[pdf]") {
  const auto serif = installed_fonts().face({"Noto Serif"});
  REQUIRE(serif.has_value());
  const std::vector<unsigned> glyphs{(*serif)->glyph_for(U'a'), (*serif)->glyph_for(U'b')};
  SubsetCache cache;
  auto first = cache.get(**serif, glyphs);
  REQUIRE(first.has_value());
  std::vector<std::shared_ptr<const leafpress::pdf::FontSubset>> seen(4);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
      threads.emplace_back([&, t] {
        auto got = cache.get(**serif, glyphs);
        if (got) seen[t] = *got;
      });
  }
  for (const auto& s : seen) CHECK(s.get() == first->get());
  auto other = cache.get(**serif, {(*serif)->glyph_for(U'c')});
  REQUIRE(other.has_value());
  CHECK(other->get() != first->get());
}
