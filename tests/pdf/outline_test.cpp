// Tests for pdf/outline.cpp: one bookmark per section, in order, with its title intact.
#include <catch2/catch.hpp>

#include "tests/pdf/pdf_test_support.hpp"

using leafpress::pdf::Standard;
using namespace leafpress::test;

TEST_CASE("outline: the sections become bookmarks that open their page", "[pdf]") {
  auto m = marked_sheet();
  m.outline.push_back({"a page that does not exist", 7, 100});  // skipped, not a broken file
  TempDir dir;
  const std::string pdf = write_to(m, Standard::Archive, dir);
  const auto r = run_tool("mutool show " + shell_quoted(pdf) + " outline");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto first = r.output.find("First section");
  const auto second = r.output.find("第二节");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK(r.output.find("does not exist") == std::string::npos);
  const std::string q = qdf(pdf);
  CHECK_THAT(q, Catch::Contains("/PageMode /UseOutlines"));
  CHECK(std::regex_search(q, std::regex(R"(\d+ 0 R\s+/XYZ\s+0\s+510\.\d+\s+0\s*\])")));
}

TEST_CASE("outline: a bookmark on an imposed sheet opens its half", "[pdf]") {
  auto m = marked_sheet();
  m.outline = {{"Right half", 0, 400, 421}};
  TempDir dir;
  const std::string q = qdf(write_to(m, Standard::None, dir));
  CHECK(std::regex_search(q, std::regex(R"(\d+ 0 R\s+/XYZ\s+421\s+400\s+0\s*\])")));
}

TEST_CASE("outline: no sections, no outline", "[pdf]") {
  auto m = marked_sheet();
  m.outline.clear();
  TempDir dir;
  const std::string q = qdf(write_to(m, Standard::None, dir));
  CHECK_THAT(q, !Catch::Contains("/UseOutlines"));
}

TEST_CASE("outline: items are written as ISO 32000-1 Table 153 has them", "[pdf]") {
  // PDFBox rejected every file with bookmarks: items carried /Type /Outlines (only the
  // root may) and their /Dest was an indirect object instead of an array.
  auto m = marked_sheet();
  TempDir dir;
  for (const Standard standard : {Standard::Print, Standard::Archive, Standard::None}) {
    const std::string q = qdf(write_to(m, standard, dir));
    const std::regex type("/Type /Outlines"), direct(R"(/Dest \[)");
    CHECK(std::distance(std::sregex_iterator(q.begin(), q.end(), type), std::sregex_iterator()) ==
          1);  // the root
    // Both items: /Dest followed by a direct array, never "/Dest 12 0 R".
    CHECK_FALSE(std::regex_search(q, std::regex(R"(/Dest \d+ 0 R)")));
    CHECK(std::distance(std::sregex_iterator(q.begin(), q.end(), direct), std::sregex_iterator()) == 2);
  }
}
