// Tests for batch/font_check.cpp: only a family someone chose is checked against the
// article's characters; the shipped families never are (and then nothing is gathered).
#include <catch2/catch.hpp>

#include "batch/font_check.hpp"
#include "doc/document.hpp"
#include "tests/support/test_support.hpp"

using leafpress::batch::font_coverage_warnings;

namespace {

leafpress::doc::Document parse(const std::string& markdown) {
  auto d = leafpress::doc::parse_document(markdown, "a.md");
  REQUIRE(d);
  return std::move(d).value();
}

const std::string kArticle = "---\ntitle: Hands ꙮ\nlang: en\n---\n\n# Wash ꙮ\n\nŁódź ąę, ꙮ and 中文.\n";

}  // namespace

TEST_CASE("font check: the shipped families are not checked, a chosen one is, in every role",
          "[batch][font_check]") {
  const auto d = parse(kArticle);
  const auto& fonts = leafpress::test::installed_fonts();
  const leafpress::layout::Template shipped;
  auto r = font_coverage_warnings(d, shipped, fonts);
  REQUIRE(r);
  CHECK(r->empty());  // Noto has no ꙮ either: not this check's business

  auto serif = shipped;
  serif.serif.latin = "DejaVu Sans Mono";
  r = font_coverage_warnings(d, serif, fonts);
  REQUIRE(r);
  REQUIRE(r->size() == 1);
  CHECK(r->front().find("fonts.serif 'DejaVu Sans Mono' lacks 1 character the article uses: ꙮ") == 0);

  auto sans = shipped;  // headings and the title
  sans.sans.latin = "DejaVu Sans Mono";
  r = font_coverage_warnings(d, sans, fonts);
  REQUIRE(r);
  REQUIRE(r->size() == 1);
  CHECK(r->front().find("fonts.sans 'DejaVu Sans Mono' lacks 1 character") == 0);

  auto unknown = shipped;
  unknown.sans.latin = "Nosuch Sans";
  r = font_coverage_warnings(d, unknown, fonts);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("fonts.sans 'Nosuch Sans'") == 0);
}
