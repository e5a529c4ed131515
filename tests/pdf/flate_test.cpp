// Tests for pdf/flate.cpp: libdeflate's zlib streams decode with zlib, the same input gives the
// same bytes, and every stream of a written PDF is compressed once, marked /FlateDecode.
#include <zlib.h>

#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "pdf/flate.hpp"
#include "tests/pdf/pdf_test_support.hpp"

using leafpress::pdf::Standard;
using namespace leafpress::test;

namespace {

std::string inflate(const std::string& z, std::size_t size) {
  std::string out(size, '\0');
  uLongf n = size;
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(z.data()),
                     z.size()) == Z_OK);
  out.resize(n);
  return out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("flate: deflate gives zlib's format, smaller, and the same bytes every time", "[pdf]") {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "1 0 0 1 " + std::to_string(i % 97) + " 700 Tm [<0A1B0C2D>-120<0E0F>] TJ\n";
  const auto a = leafpress::pdf::deflate(text);
  const auto b = leafpress::pdf::deflate(text);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  CHECK(a->size() < text.size() / 5);
  CHECK(inflate(*a, text.size()) == text);
  const auto empty = leafpress::pdf::deflate("");
  REQUIRE(empty);
  CHECK(inflate(*empty, 1).empty());
}

TEST_CASE("flate: every stream libharu fills is compressed by us, with one /FlateDecode name", "[pdf]") {
  TempDir dir;
  const std::string pdf = write_to(marked_sheet(), Standard::Print, dir);
  const std::string raw = read_bytes(pdf);
  // libharu's own compression writes the filter as an array; ours as a name.
  CHECK_THAT(raw, !Catch::Contains("/Filter ["));
  const auto streams = count(raw, "\nstream\r\n");
  const auto flate = count(raw, "/Filter /FlateDecode");
  CHECK(streams >= 2);      // the page and the ICC profile
  CHECK(flate == streams);  // Print has no XMP stream, the only one left plain
  CHECK(run_tool("qpdf --check " + shell_quoted(pdf)).status == 0);
  // The page's operators read back: the blue band's rectangle, the rules.
  const std::string q = qdf(pdf);
  CHECK(std::regex_search(q, std::regex(" re\\s+f")));
  CHECK(std::regex_search(q, std::regex(" l\\s+S")));
}
