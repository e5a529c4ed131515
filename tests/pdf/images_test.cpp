// Tests for pdf/images.cpp through write_pdf: pictures drawn in the colours each standard allows.
#include <catch2/catch.hpp>

#include <regex>

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
  const auto rgb = solid(ColorSpace::Rgb, {200, 30, 30});
  auto& page = m.pages[0];
  page.images.push_back(Image{Rect{100, 100, 200, 175}, rgb});
  page.images.push_back(Image{Rect{300, 100, 400, 175}, rgb});  // the same picture twice: stored once
  page.images.push_back(Image{Rect{100, 200, 200, 275}, solid(ColorSpace::Cmyk, {0, 0, 255, 0})});
  page.images.push_back(Image{Rect{300, 200, 400, 275}, solid(ColorSpace::Gray, {128})});
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
                          std::regex(R"(\n\s+1\s+0\s+image\s+4\s+3\s+cmyk)")));
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
