// Tests for layout/styles.cpp: how body paragraphs are aligned (styles.body.align).
#include <catch2/catch.hpp>

#include "doc/document.hpp"
#include "layout/styles.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::Pt;
using leafpress::layout::body_align;
using leafpress::layout::BodyAlign;
using leafpress::layout::Scene;
using leafpress::layout::Template;
using leafpress::layout::text_mix;
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
  CHECK(text_mix(parsed("Wash your hands.\n")).latin_share == Approx(1.0));
  CHECK(text_mix(parsed("请洗手。\n")).latin_share == Approx(0.0));
  // 8 Latin letters (4 em) beside 6 Han characters and a stop (7 em): CJK-led.
  CHECK(text_mix(parsed("华法林 warfarin 请服用。\n")).latin_share == Approx(4.0 / 11.0));
  // Headings and code are not body text.
  CHECK(text_mix(parsed("# A long English heading over Chinese\n\n请洗手。\n")).latin_share == Approx(0.0));
}

TEST_CASE("styles: text_mix finds the mean Latin word, parted at hyphens and slashes only", "[layout]") {
  // "Take" "500" "mg" "twice" "daily" "don't" "skip" "e.g" "a" "dose": 10 words of 34 characters.
  const auto mix = text_mix(parsed("Take 500 mg twice daily; don't skip, e.g. a dose.\n"));
  CHECK(mix.latin_word_em == Approx(34 * 0.5 / 10));
  // A hyphen and a slash part words ("angiotensin" "converting" "enzyme"), as a line may break there.
  CHECK(text_mix(parsed("angiotensin-converting-enzyme\n")).latin_word_em == Approx(27 * 0.5 / 3));
  CHECK(text_mix(parsed("and/or\n")).latin_word_em == Approx(5 * 0.5 / 2));
  // Han beside a Latin word ends it; an article without Latin has no Latin word.
  CHECK(text_mix(parsed("华法林warfarin请服用。\n")).latin_word_em == Approx(4.0));
  CHECK(text_mix(parsed("请洗手。\n")).latin_word_em == 0);
}

TEST_CASE("styles: body text is ragged where justified Latin would open its spaces", "[layout]") {
  const Template t = shipped_layout("trifold-a4");
  const auto english = parsed("Wash your hands with soap and water for twenty seconds.\n");
  const auto chinese = parsed("用肥皂和清水洗手至少二十秒钟，尤其是在饭前便后。Soap 很重要。\n");
  Scene en{english, t, project_fonts(), "en", {}, text_mix(english)};
  Scene zh{chinese, t, project_fonts(), "zh-Hans", {}, text_mix(chinese)};
  const Pt size = 10;
  // A 22-em column: English ragged, Chinese justified; a 32-em one: both justified.
  CHECK(body_align(en, 22 * size, size) == text::Align::Ragged);
  CHECK(body_align(zh, 22 * size, size) == text::Align::Justify);
  CHECK(body_align(en, 32 * size, size) == text::Align::Justify);
  // Words of 13.6 letters (7 em with a space) need a column that holds ten of them: 32 em does not.
  const auto long_words =
      parsed("Postoperative glomerulonephritis necessitates nephrologists' surveillance.\n");
  Scene nephrology{long_words, t, project_fonts(), "en", {}, text_mix(long_words)};
  REQUIRE(nephrology.mix.latin_word_em > 4);
  CHECK(body_align(nephrology, 32 * size, size) == text::Align::Ragged);
  CHECK(body_align(nephrology, 10 * (nephrology.mix.latin_word_em + 0.25) * size + 1, size) ==
        text::Align::Justify);
  // The layout (or --set body.align) decides when it says so.
  Template justify = t;
  justify.body_align = BodyAlign::Justify;
  Scene en_justified{english, justify, project_fonts(), "en", {}, text_mix(english)};
  CHECK(body_align(en_justified, 22 * size, size) == text::Align::Justify);
  Template left = t;
  left.body_align = BodyAlign::Left;
  Scene zh_left{chinese, left, project_fonts(), "zh-Hans", {}, text_mix(chinese)};
  CHECK(body_align(zh_left, 40 * size, size) == text::Align::Ragged);
}

TEST_CASE("styles: in a Chinese article an English paragraph is ragged where an English article would be",
          "[layout]") {
  const Template t = shipped_layout("trifold-a4");
  const auto article = parsed(
      "用肥皂和清水洗手至少二十秒钟，尤其是在饭前便后、照顾病人前后、咳嗽或打喷嚏之后。"
      "如果没有肥皂和清水，可以使用含酒精的免洗洗手液，揉搓双手直到完全干燥。"
      "指甲缝、指尖和拇指最容易被忽略，请特别注意清洗这些部位。\n\n"
      "Wash your hands with soap and water for at least twenty seconds, before meals and after "
      "using the toilet.\n\n"
      "咨询电话：0791-8836 5120（工作日），夜间急诊请拨打 0791-8836 5000。\n");
  REQUIRE(article.blocks.size() == 3);
  Scene zh{article, t, project_fonts(), "zh-Hans", {}, text_mix(article)};
  REQUIRE(zh.mix.latin_share < 0.5);
  const Pt size = 10;
  CHECK(body_align(zh, 22 * size, size, article.blocks[0]) == text::Align::Justify);
  CHECK(body_align(zh, 22 * size, size, article.blocks[1]) == text::Align::Ragged);
  // Digits are no English: a phone number in a Chinese sentence leaves it justified.
  CHECK(body_align(zh, 22 * size, size, article.blocks[2]) == text::Align::Justify);
  // A column wide enough for English justifies it; so does a layout that says so.
  CHECK(body_align(zh, 32 * size, size, article.blocks[1]) == text::Align::Justify);
  Template justify = t;
  justify.body_align = BodyAlign::Justify;
  Scene zh_justified{article, justify, project_fonts(), "zh-Hans", {}, text_mix(article)};
  CHECK(body_align(zh_justified, 22 * size, size, article.blocks[1]) == text::Align::Justify);
}
