// Tests for pdf/paint.cpp through write_pdf: which colour operators each standard writes,
// registration colour for marks, overprint for 100 % K.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/pdf/pdf_test_support.hpp"

using leafpress::pdf::Standard;
using namespace leafpress::test;

namespace {

int count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);  // kept alive: the iterators refer to it
  return static_cast<int>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

const std::string kRgbOp = R"((^|\s)[-\d.]+ [-\d.]+ [-\d.]+ (rg|RG)\s)";
const std::string kCmykOp = R"((^|\s)[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ (k|K)\s)";

}  // namespace

TEST_CASE("paint: print writes CMYK only, marks in /Separation /All, and K overprints", "[pdf]") {
  TempDir dir;
  const std::string q = qdf(write_to(marked_sheet(), Standard::Print, dir));
  CHECK(count(q, kRgbOp) == 0);
  CHECK_THAT(q, !Catch::Contains("/DeviceRGB"));
  CHECK(count(q, R"(\n1 0.45 0 0.1 k\n)") == 1);  // the band, as the layout gave it
  CHECK(count(q, R"(/All0 CS 1 SCN)") == 2);      // crop and fold mark
  CHECK(std::regex_search(q, std::regex(R"(/Separation\s+/All\s+/DeviceCMYK)")));
  CHECK(std::regex_search(q, std::regex(R"(/C1 \[\s*1\s+1\s+1\s+1\s*\])")));
  // Overprint is switched on before the K dot and rule, and off before the marks.
  CHECK_THAT(q, Catch::Contains("/OP true") && Catch::Contains("/op true") && Catch::Contains("/OPM 1"));
  CHECK(std::regex_search(q, std::regex(R"(/E\d gs\n0 0 0 1 k\n)")));
  CHECK(std::regex_search(q, std::regex(R"(/E\d gs\n/All0 CS 1 SCN)")));
}

TEST_CASE("paint: archive and none write the layout's CMYK as sRGB", "[pdf]") {
  for (const Standard s : {Standard::Archive, Standard::None}) {
    TempDir dir;
    const std::string q = qdf(write_to(marked_sheet(), s, dir));
    INFO(leafpress::pdf::standard_name(s));
    CHECK(count(q, kCmykOp) == 0);
    CHECK(count(q, kRgbOp) >= 2);
    CHECK_THAT(q, !Catch::Contains("/DeviceCMYK"));
    CHECK_THAT(q, !Catch::Contains(" gs\n"));  // no overprint on a screen
    CHECK(std::regex_search(q, std::regex(R"(/Separation\s+/All\s+/DeviceRGB)")));
  }
}
