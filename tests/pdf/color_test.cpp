// Tests for pdf/color.cpp: FOGRA39 ↔ sRGB through lcms2 and the built-in profiles.
#include <catch2/catch.hpp>

#include "pdf/color.hpp"
#include "pdf/icc_profiles.hpp"

using leafpress::doc::ColorSpace;
using leafpress::doc::Raster;
using leafpress::layout::Cmyk;
using leafpress::pdf::convert_raster;
using leafpress::pdf::to_rgb;

namespace {

Raster raster(ColorSpace space, std::vector<std::uint8_t> pixels, int width = 1) {
  Raster r;
  r.space = space;
  r.width = width;
  r.height = static_cast<int>(pixels.size()) / (width * r.components());
  r.pixels = std::move(pixels);
  r.source = "photo.png";
  return r;
}

}  // namespace

TEST_CASE("color: the built-in profiles are ICC profiles of the right kind", "[pdf]") {
  const auto fogra = leafpress::pdf::fogra39_profile();
  const auto srgb = leafpress::pdf::srgb_profile();
  REQUIRE(fogra.size() > 10000);
  REQUIRE(srgb.size() > 1000);
  CHECK(fogra.substr(36, 4) == "acsp");  // the ICC signature
  CHECK(fogra.substr(12, 4) == "prtr");  // an output (printer) profile
  CHECK(fogra.substr(16, 4) == "CMYK");
  CHECK(srgb.substr(16, 4) == "RGB ");
  // The build time colprof wrote is replaced with the data's own date: every build embeds the same bytes.
  CHECK(static_cast<unsigned char>(fogra[24]) * 256 + static_cast<unsigned char>(fogra[25]) == 2006);
}

TEST_CASE("color: FOGRA39 colours come out as the sRGB a screen shows", "[pdf]") {
  const auto white = to_rgb(Cmyk{0, 0, 0, 0});
  REQUIRE(white.has_value());
  CHECK(white->r > 0.95);
  CHECK(white->g > 0.95);
  CHECK(white->b > 0.95);
  const auto black = to_rgb(Cmyk{0, 0, 0, 1});  // text: near black with black point compensation
  REQUIRE(black.has_value());
  CHECK(black->r < 0.15);
  CHECK(black->g < 0.15);
  CHECK(black->b < 0.15);
  const auto blue = to_rgb(Cmyk{1, 0.45, 0, 0.1});  // the accent of the layouts
  REQUIRE(blue.has_value());
  CHECK(blue->b > 0.5);
  CHECK(blue->b > blue->g);
  CHECK(blue->g > blue->r);
}

TEST_CASE("color: RGB pixels become FOGRA39 CMYK, and CMYK pixels sRGB", "[pdf]") {
  // white, red, 50 % grey
  const auto cmyk =
      convert_raster(raster(ColorSpace::Rgb, {255, 255, 255, 255, 0, 0, 128, 128, 128}), ColorSpace::Cmyk);
  REQUIRE(cmyk.has_value());
  CHECK(cmyk->space == ColorSpace::Cmyk);
  REQUIRE(cmyk->pixels.size() == 12);
  for (int i = 0; i < 4; ++i) CHECK(cmyk->pixels[i] < 8);  // paper white: no ink
  CHECK(cmyk->pixels[4] < 40);                             // red: little cyan,
  CHECK(cmyk->pixels[5] > 200);                            // much magenta
  CHECK(cmyk->pixels[6] > 200);                            // and yellow
  CHECK(cmyk->source == "photo.png");

  const auto rgb = convert_raster(raster(ColorSpace::Cmyk, {0, 0, 0, 0, 0, 0, 0, 255}), ColorSpace::Rgb);
  REQUIRE(rgb.has_value());
  REQUIRE(rgb->pixels.size() == 6);
  CHECK(rgb->pixels[0] > 240);
  CHECK(rgb->pixels[3] < 40);
}

TEST_CASE("color: pixels that do not match the size are refused, naming the picture", "[pdf]") {
  Raster r = raster(ColorSpace::Rgb, {1, 2, 3, 4, 5, 6});
  r.height = 5;
  const auto out = convert_raster(r, ColorSpace::Cmyk);
  REQUIRE_FALSE(out.has_value());
  CHECK(out.error().file == "photo.png");
  CHECK_FALSE(out.error().hint.empty());
}
