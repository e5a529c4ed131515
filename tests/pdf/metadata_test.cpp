// Tests for pdf/metadata.cpp and pdf/text_string.cpp: Info strings in the simplest form a reader
// takes, and /Lang only where the PDF version has it.
#include <catch2/catch.hpp>

#include <regex>

#include "pdf/hpdf_handles.hpp"
#include "pdf/text_string.hpp"
#include "tests/pdf/pdf_test_support.hpp"

using leafpress::pdf::Standard;
using namespace leafpress::test;

TEST_CASE("text_string: plain ASCII only is a literal string", "[pdf]") {
  using leafpress::pdf::is_plain_ascii;
  CHECK(is_plain_ascii("Riverside Clinic (East) \\ 1"));
  CHECK(is_plain_ascii(""));
  CHECK_FALSE(is_plain_ascii("Café"));
  CHECK_FALSE(is_plain_ascii("干细胞"));
  CHECK_FALSE(is_plain_ascii("tab\there"));
}

TEST_CASE("metadata: ASCII Info values are literal strings, others UTF-16 with a BOM", "[pdf]") {
  auto m = marked_sheet();
  m.title = "Hand washing (a guide)";
  m.author = "Riverside Clinic";
  m.keywords = {"soap", "干细胞"};
  TempDir dir;
  const std::string pdf = write_to(m, Standard::Archive, dir);
  const std::string q = qdf(pdf);
  CHECK_THAT(q, Catch::Contains("/Title (Hand washing \\(a guide\\))"));
  CHECK_THAT(q, Catch::Contains("/Author (Riverside Clinic)"));
  CHECK(std::regex_search(q, std::regex("/Keywords <feff")));
  CHECK_THAT(q, Catch::Contains("/Title (First section)"));  // a bookmark
  const auto info = run_tool("pdfinfo -enc UTF-8 " + shell_quoted(pdf)).output;
  CHECK(std::regex_search(info, std::regex("Title:\\s+Hand washing \\(a guide\\)\\n")));
  CHECK(std::regex_search(info, std::regex("Keywords:\\s+soap, 干细胞\\n")));
}

TEST_CASE("metadata: no /Lang in a PDF 1.3 (PDF/X-1a) catalog, /Lang in the others", "[pdf]") {
  auto m = marked_sheet();
  TempDir dir;
  CHECK_THAT(qdf(write_to(m, Standard::Print, dir, "p.pdf")), !Catch::Contains("/Lang"));
  CHECK_THAT(qdf(write_to(m, Standard::Archive, dir, "a.pdf")), Catch::Contains("/Lang (en)"));
  CHECK_THAT(qdf(write_to(m, Standard::None, dir, "n.pdf")), Catch::Contains("/Lang (en)"));
}

TEST_CASE("hpdf_errors: libharu's codes are said in words, with the code kept for a report", "[pdf]") {
  leafpress::pdf::ErrorState e;
  e.error = HPDF_PAGE_INVALID_SIZE;  // 0x1054: once printed as "error 0x1054 (detail 0)" alone
  CHECK_THAT(e.describe(), Catch::Contains("14,400 pt") && Catch::Contains("0x1054"));
  e.error = HPDF_STRING_OUT_OF_RANGE;
  CHECK_THAT(e.describe(), Catch::Contains("65,535 bytes"));
  e.error = 0x1099;  // not one leafpress can meet: the code alone
  CHECK(e.describe() == "libharu error 0x1099, detail 0");
}
