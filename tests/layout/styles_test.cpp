// Tests for layout/styles.cpp: how body paragraphs are aligned (styles.body.align).
#include <catch2/catch.hpp>

#include "doc/document.hpp"
#include "layout/styles.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::Pt;
using leafpress::layout::body_align;
using leafpress::layout::BodyAlign;
using leafpress::layout::latin_share;
using leafpress::layout::Scene;
using leafpress::layout::Template;
using leafpress::test::project_fonts;
using leafpress::test::shipped_layout;
namespace text = leafpress::text;

namespace {

leafpress::doc::Document parsed(const std::string& markdown) {
  auto d = leafpress::doc::parse_document(markdown, "article.md");
  if (!d) FAIL(d.error().describe());
  return *d;
}

}  // namespace

TEST_CASE("styles: latin_share weighs a Latin letter at half a CJK character", "[layout]") {
  CHECK(latin_share(parsed("Wash your hands.\n")) == Approx(1.0));
  CHECK(latin_share(parsed("请洗手。\n")) == Approx(0.0));
  // 8 Latin letters (4 em) beside 6 Han characters and a stop (7 em): CJK-led.
  CHECK(latin_share(parsed("华法林 warfarin 请服用。\n")) == Approx(4.0 / 11.0));
  // Headings and code are not body text.
  CHECK(latin_share(parsed("# A long English heading over Chinese\n\n请洗手。\n")) == Approx(0.0));
}

TEST_CASE("styles: body text is ragged where justified Latin would open its spaces", "[layout]") {
  const Template t = shipped_layout("trifold-a4");
  const auto english = parsed("Wash your hands with soap and water for twenty seconds.\n");
  const auto chinese = parsed("用肥皂和清水洗手至少二十秒钟，尤其是在饭前便后。Soap 很重要。\n");
  Scene en{english, t, project_fonts(), "en", {}, latin_share(english)};
  Scene zh{chinese, t, project_fonts(), "zh-Hans", {}, latin_share(chinese)};
  const Pt size = 10;
  // A 22-em column: English ragged, Chinese justified; a 32-em one: both justified.
  CHECK(body_align(en, 22 * size, size) == text::Align::Ragged);
  CHECK(body_align(zh, 22 * size, size) == text::Align::Justify);
  CHECK(body_align(en, 32 * size, size) == text::Align::Justify);
  // The layout (or --set body.align) decides when it says so.
  Template justify = t;
  justify.body_align = BodyAlign::Justify;
  Scene en_justified{english, justify, project_fonts(), "en", {}, latin_share(english)};
  CHECK(body_align(en_justified, 22 * size, size) == text::Align::Justify);
  Template left = t;
  left.body_align = BodyAlign::Left;
  Scene zh_left{chinese, left, project_fonts(), "zh-Hans", {}, latin_share(chinese)};
  CHECK(body_align(zh_left, 40 * size, size) == text::Align::Ragged);
}
