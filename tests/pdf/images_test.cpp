// Tests for pdf/images.cpp through write_pdf: pictures drawn in the colours each standard allows.
#include <catch2/catch.hpp>

#include <regex>

#include "pdf/images.hpp"
#include "tests/pdf/pdf_test_support.hpp"

using leafpress::doc::ColorSpace;
using leafpress::layout::Image;
using leafpress::layout::Rect;
using leafpress::pdf::Standard;
using namespace leafpress::test;

namespace {

// pdfimages -list: one row per image drawn, the colour space in the sixth column.
std::vector<std::string> image_spaces(const std::string& pdf) {
  const auto r = run_tool("pdfimages -list " + shell_quoted(pdf));
  REQUIRE(r.status == 0);
  std::vector<std::string> spaces;
  std::istringstream lines(r.output);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string w;
    for (int i = 0; i < 6 && words >> w; ++i) {
    }
    spaces.push_back(w);
  }
  return spaces;
}

leafpress::layout::PageModel with_pictures() {
  auto m = marked_sheet();
  // 120 x 90 pixels drawn 100 pt wide: 86 ppi, above what print refuses (72).
  const auto rgb = solid(ColorSpace::Rgb, {200, 30, 30}, 120, 90);
  auto& page = m.pages[0];
  page.images.push_back(Image{Rect{100, 100, 200, 175}, rgb});
  page.images.push_back(Image{Rect{300, 100, 400, 175}, rgb});  // the same picture twice: stored once
  page.images.push_back(Image{Rect{100, 200, 200, 275}, solid(ColorSpace::Cmyk, {0, 0, 255, 0}, 120, 90)});
  page.images.push_back(Image{Rect{300, 200, 400, 275}, solid(ColorSpace::Gray, {128}, 120, 90)});
  return m;
}

}  // namespace

TEST_CASE("images: print converts RGB pictures to CMYK and keeps CMYK and grey", "[pdf]") {
  TempDir dir;
  const std::string pdf = write_to(with_pictures(), Standard::Print, dir);
  CHECK(image_spaces(pdf) == std::vector<std::string>{"cmyk", "cmyk", "cmyk", "gray"});
  const std::string q = qdf(pdf);
  CHECK(std::regex_search(q, std::regex(R"(/ColorSpace /DeviceCMYK)")));
  CHECK_THAT(q, !Catch::Contains("/DeviceRGB"));
  // The red picture, stored once, is now magenta and yellow ink: one 4-byte pixel repeated.
  CHECK(std::regex_search(run_tool("pdfimages -list " + shell_quoted(pdf)).output,
                          std::regex(R"(\n\s+1\s+0\s+image\s+120\s+90\s+cmyk)")));
  const std::regex image_xobject("/Subtype /Image");
  const auto xobjects =
      std::distance(std::sregex_iterator(q.begin(), q.end(), image_xobject), std::sregex_iterator());
  CHECK(xobjects == 3);
}

TEST_CASE("images: archive and none convert CMYK pictures to sRGB", "[pdf]") {
  for (const Standard s : {Standard::Archive, Standard::None}) {
    TempDir dir;
    INFO(leafpress::pdf::standard_name(s));
    const std::string pdf = write_to(with_pictures(), s, dir);
    CHECK(image_spaces(pdf) == std::vector<std::string>{"rgb", "rgb", "rgb", "gray"});
    CHECK_THAT(qdf(pdf), !Catch::Contains("/DeviceCMYK"));
  }
}

TEST_CASE("images: the pictures are drawn where layout placed them, and Ghostscript reads them quietly",
          "[pdf]") {
  TempDir dir;
  const std::string pdf = write_to(with_pictures(), Standard::Print, dir);
  // One pixel in the middle of the grey picture (x 300..400, y 200..275 up from the bottom) and one
  // beside it, at 72 dpi: pdftoppm -gray writes a binary PGM to stdout, the pixel is its last byte.
  const double height = with_pictures().pages[0].height;
  auto pixel = [&](int x, int y_up) {
    const auto r =
        run_tool("pdftoppm -r 72 -gray -x " + std::to_string(x) + " -y " +
                 std::to_string(static_cast<int>(height) - y_up) + " -W 1 -H 1 " + shell_quoted(pdf));
    REQUIRE(r.status == 0);
    REQUIRE_FALSE(r.output.empty());
    return static_cast<int>(static_cast<unsigned char>(r.output.back()));
  };
  CHECK(pixel(350, 237) == Approx(128).margin(12));
  CHECK(pixel(450, 237) > 240);  // paper
  const auto r = run_tool("gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage " + shell_quoted(pdf));
  CHECK(r.status == 0);
  CHECK(r.output.empty());
}

TEST_CASE("images: a picture far finer than print needs is averaged down to 300-450 ppi", "[pdf]") {
  CHECK(leafpress::pdf::reduction_factor(3000, 72) == 10);  // 3000 ppi → 300
  CHECK(leafpress::pdf::reduction_factor(2195, 72) == 7);   // → 314 ppi
  CHECK(leafpress::pdf::reduction_factor(450, 72) == 1);    // fine enough: kept
  CHECK(leafpress::pdf::reduction_factor(100, 0) == 1);

  // 5 x 2 grey pixels by a factor of 2: blocks average, the odd edge column keeps its own value.
  leafpress::doc::Raster r;
  r.width = 5, r.height = 2, r.space = ColorSpace::Gray;
  r.pixels = {0, 100, 10, 20, 77, 200, 100, 30, 50, 77};
  const auto half = leafpress::pdf::box_average(r, 2);
  CHECK(half.width == 3);
  CHECK(half.height == 1);
  CHECK(half.pixels == std::vector<std::uint8_t>{100, 28, 77});

  // Written: a 1200-pixel-wide picture drawn one inch wide is stored 300 pixels wide; the same
  // picture also drawn four inches wide keeps all its pixels.
  auto m = marked_sheet();
  const auto wide = solid(ColorSpace::Rgb, {10, 20, 30}, 1200, 8);
  m.pages[0].images.push_back(Image{Rect{100, 100, 172, 101}, wide});
  TempDir dir;
  CHECK(
      std::regex_search(run_tool("pdfimages -list " + shell_quoted(write_to(m, Standard::Print, dir))).output,
                        std::regex(R"(image\s+300\s+2\s+cmyk)")));
  m.pages[0].images.push_back(Image{Rect{100, 200, 388, 204}, wide});
  TempDir dir2;
  CHECK(std::regex_search(
      run_tool("pdfimages -list " + shell_quoted(write_to(m, Standard::Print, dir2))).output,
      std::regex(R"(image\s+1200\s+8\s+cmyk)")));
}
