// render/: PNG bytes and the folded view, without poppler (plain pictures in, pictures out).
#include <catch2/catch.hpp>

#include "doc/image.hpp"
#include "render/folded_view.hpp"
#include "render/png_write.hpp"
#include "tests/support/test_support.hpp"

using namespace leafpress::render;

TEST_CASE("folded_view: panels are cut at the trim and set side by side in the order given", "[render]") {
  // One 'page' of 30 x 10 px: trim is x 3..27; three 8 px panels red, green, blue (1 px per point).
  RenderedPage page;
  page.picture = Picture::blank(30, 10, Rgb8{255, 255, 255});
  page.trim = PixelBox{3, 1, 27, 9};
  page.scale = 1;
  const Rgb8 colors[3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
  for (int p = 0; p < 3; ++p)
    for (int x = 3 + 8 * p; x < 11 + 8 * p; ++x)
      for (int y = 1; y < 9; ++y) page.picture.set(x, y, colors[p]);
  // Reading order: blue (the cover), red, green.
  const Picture v = folded_view({page}, {{0, 16, 8}, {0, 0, 8}, {0, 8, 8}});
  // The gap at 1 px per point: 0.12 in = 9 px, between and around the panels.
  REQUIRE(v.height == 8 + 2 * 9);
  REQUIRE(v.width == 3 * 8 + 4 * 9);
  CHECK(v.at(9, 9) == colors[2]);
  CHECK(v.at(9 + 8 + 9, 9) == colors[0]);
  CHECK(v.at(9 + 2 * (8 + 9), 9) == colors[1]);
  CHECK(v.at(1, 1) == Rgb8{0xd8, 0xd8, 0xd8});
}

TEST_CASE("png_write: a picture survives a PNG round trip", "[render]") {
  Picture p = Picture::blank(7, 5, Rgb8{14, 124, 123});
  p.set(6, 4, Rgb8{1, 2, 3});
  const auto png = encode_png(p, 110);
  REQUIRE(png);
  leafpress::test::TempDir dir;
  const auto file = leafpress::test::write_bytes(dir.path / "p.png", *png);
  const auto back = leafpress::doc::load_image(file);
  REQUIRE(back);
  CHECK(back->width == 7);
  CHECK(back->height == 5);
  CHECK(back->pixels == p.rgb);
  CHECK(!encode_png(Picture{}, 110));
}
