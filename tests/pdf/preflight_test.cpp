// Tests for pdf/preflight.cpp: a standard the model cannot meet is refused before a byte is written.
#include <catch2/catch.hpp>

#include "pdf/preflight.hpp"
#include "tests/pdf/pdf_test_support.hpp"

using leafpress::doc::ColorSpace;
using leafpress::layout::Image;
using leafpress::layout::Rect;
using leafpress::pdf::preflight;
using leafpress::pdf::Standard;
using namespace leafpress::test;

TEST_CASE("preflight: a good sheet passes for every standard", "[pdf]") {
  const auto m = marked_sheet();
  for (const Standard s : {Standard::Print, Standard::Archive, Standard::None})
    CHECK(preflight(m, s).has_value());
}

TEST_CASE("preflight: a picture whose pixels do not match its size is refused, naming it", "[pdf]") {
  auto m = marked_sheet();
  auto broken = std::make_shared<leafpress::doc::Raster>(*solid(ColorSpace::Rgb, {1, 2, 3}));
  broken->pixels.pop_back();
  broken->source = "photos/arm.png";
  m.pages[0].images.push_back(Image{Rect{10, 10, 50, 50}, broken});
  const auto s = preflight(m, Standard::Print);
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().file == "photos/arm.png");
  CHECK_THAT(s.error().message, Catch::Contains("PDF/X"));
  CHECK_FALSE(s.error().hint.empty());

  // And the writer refuses too: no file at all, rather than one that says PDF/X and is not.
  TempDir dir;
  const auto path = (dir.path / "out.pdf").string();
  CHECK_FALSE(leafpress::pdf::write_pdf_file(m, path, options(Standard::Print)).has_value());
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("preflight: more ink than FOGRA39 allows is refused for print only", "[pdf]") {
  auto m = marked_sheet();
  m.pages[0].fills.push_back({Rect{10, 10, 50, 50}, {1, 1, 1, 1}});  // 400 %: never
  const auto s = preflight(m, Standard::Print);
  REQUIRE_FALSE(s.has_value());
  CHECK_THAT(s.error().message, Catch::Contains("330 %"));
  CHECK(preflight(m, Standard::Archive).has_value());
  CHECK(preflight(m, Standard::None).has_value());
}

TEST_CASE("preflight: print needs a trim box inside the bleed", "[pdf]") {
  auto m = marked_sheet();
  m.pages[0].trim = m.pages[0].bleed;
  m.pages[0].trim.x1 += 20;
  CHECK_FALSE(preflight(m, Standard::Print).has_value());
  CHECK(preflight(m, Standard::None).has_value());
}

TEST_CASE("preflight: a proof claims no standard, so it is written as a plain PDF", "[pdf]") {
  auto m = marked_sheet();
  m.proof = true;
  TempDir dir;
  const std::string q = qdf(write_to(m, Standard::Print, dir));
  CHECK_THAT(q, !Catch::Contains("GTS_PDFX"));
  CHECK_THAT(q, !Catch::Contains("/OutputIntents"));
  CHECK_THAT(q, Catch::Contains(" rg\n"));
}

TEST_CASE("preflight: archive refuses a character no font has (.notdef), print and none let it be", "[pdf]") {
  auto m = marked_sheet();
  leafpress::layout::GlyphRun run;
  leafpress::text::PlacedGlyph missing;
  missing.face = project_fonts().face({"Noto Serif", false, false}).value();
  missing.glyph = 0;
  missing.text = "\xF0\x9F\xA6\xB4";  // 🦴
  run.glyphs.push_back(missing);
  m.pages[0].runs.push_back(run);
  const auto s = preflight(m, Standard::Archive);
  REQUIRE_FALSE(s.has_value());
  CHECK_THAT(s.error().message, Catch::Contains("\xF0\x9F\xA6\xB4") && Catch::Contains("PDF/A"));
  CHECK(preflight(m, Standard::Print).has_value());
  CHECK(preflight(m, Standard::None).has_value());
}
