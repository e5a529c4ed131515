// Tests for doc/smart_punctuation.cpp: the body's quotes and dashes for front matter text,
// and the rule that tells a heading repeating the title.
#include <catch2/catch.hpp>

#include <string>

#include "doc/document.hpp"
#include "doc/smart_punctuation.hpp"

using leafpress::doc::repeats_title;
using leafpress::doc::smarten;

namespace {

// What the body makes of `text` as a `#` heading: the reference smarten must match.
std::string as_body_heading(const std::string& text) {
  auto doc = leafpress::doc::parse_document("# " + text + "\n\nBody.\n", "a.md");
  REQUIRE(doc.has_value());
  REQUIRE(doc->blocks.front().kind == leafpress::doc::BlockKind::Heading);
  return doc->blocks.front().plain_text();
}

}  // namespace

TEST_CASE("smart_punctuation: quotes, dashes and ellipses become what the body prints", "[doc]") {
  CHECK(smarten("Caring for your child's fever at home") == "Caring for your child’s fever at home");
  CHECK(smarten("\"Fever\" -- what to do... and 'why'") == "“Fever” – what to do… and ‘why’");
  CHECK(smarten("Before --- and after") == "Before — and after");
  CHECK(smarten("St Aldhelm's Hospital, Priory Lane") == "St Aldhelm’s Hospital, Priory Lane");
}

TEST_CASE("smart_punctuation: the same text as the body's heading, CJK quotes included", "[doc]") {
  for (const std::string title : {"Caring for your child's fever at home: when to call us",
                                  "\"Dry eye\" -- 'what' now...", "他说\"你好\"就走了", "「目薬」の'さし方'",
                                  "Don't rub your eye --- even if it itches", "Rock 'n' roll and the '90s"}) {
    INFO(title);
    CHECK(smarten(title) == as_body_heading(title));
  }
}

TEST_CASE("smart_punctuation: Markdown marks in front matter print as typed", "[doc]") {
  for (const std::string text :
       {"*not emphasis* and _not_ either", "[a](b) ![c](d) <b>x</b>", "AT&amp;T &copy; C# \\ `code`",
        "# not a heading ##", "1. not a list", "- not an item", "> not a quote", "a | b ~~c~~ ^d^"}) {
    INFO(text);
    CHECK(smarten(text + " -- child's") == text + " – child’s");
  }
}

TEST_CASE("smart_punctuation: addresses, e-mail, phone numbers and placeholders stay as typed", "[doc]") {
  CHECK(smarten("See www.example.org/child's--care today") == "See www.example.org/child's--care today");
  CHECK(smarten("https://x.example/a'b...c (it's here)") == "https://x.example/a'b...c (it’s here)");
  CHECK(smarten("Write to mary.o'brien@clinic.example.") == "Write to mary.o'brien@clinic.example.");
  CHECK(smarten("'desk@clinic.example' or 'www.clinic.example'") ==
        "‘desk@clinic.example’ or ‘www.clinic.example’");
  CHECK(smarten("Call +41 44 668'18'00, Mon--Fri") == "Call +41 44 668'18'00, Mon–Fri");
  CHECK(smarten("{{clinic--name}}'s ward") == "{{clinic--name}}’s ward");
  // A year range is text, not a phone number: it gets its dash.
  CHECK(smarten("Flu season 2025--2026") == "Flu season 2025–2026");
}

TEST_CASE("smart_punctuation: lines of a multi-line value keep their breaks and blanks", "[doc]") {
  CHECK(smarten("St Aldhelm's Hospital\n  Priory Lane\n") == "St Aldhelm’s Hospital\n  Priory Lane\n");
  CHECK(smarten("") == "");
  CHECK(smarten("  ") == "  ");
}

TEST_CASE("smart_punctuation: a heading repeats the title whatever quotes and dashes were typed", "[doc]") {
  CHECK(repeats_title("Caring for your child’s fever", "Caring for your child's fever"));
  CHECK(repeats_title("Caring for your child's fever", "Caring for your child’s fever"));
  CHECK(repeats_title("“Dry eye” – what now…", "\"Dry eye\" -- what now..."));
  CHECK(repeats_title("Eye drops — a guide", "Eye drops - a guide"));
  CHECK(repeats_title("Eye  drops", "Eye drops"));
  // Letter case and full-width forms: a heading typed in sentence case repeats a title in title
  // case, and a full-width colon the ASCII one.
  CHECK(repeats_title("Flu vaccination for adults", "Flu Vaccination for Adults"));
  CHECK(repeats_title("抗凝药物：安全服用指南", "抗凝药物:安全服用指南"));
  CHECK(repeats_title("抗凝药物: 安全服用指南", "抗凝药物：安全服用指南"));
  CHECK(repeats_title("요로감염：예방과 치료", "요로감염: 예방과 치료"));
  CHECK(repeats_title("ÉTÉ ET SOLEIL", "Été et soleil"));
  CHECK_FALSE(repeats_title("抗凝药物：用药指南", "抗凝药物：安全服用指南"));
  CHECK_FALSE(repeats_title("Caring for your child", "Caring for your child’s fever"));
  CHECK_FALSE(repeats_title("Eyedrops", "Eye drops"));
  CHECK_FALSE(repeats_title("", ""));
}

// A title broken into lines by hand (`title: |`) printed twice: its opening heading, typed on one
// line, no longer said the same ("孩子得了 手足口病…" against "孩子得了手足口病…").
TEST_CASE("smart_punctuation: a title broken into lines by hand still repeats its heading", "[doc]") {
  CHECK(repeats_title("孩子得了手足口病怎么办：居家护理与就医提示",
                      "孩子得了\n手足口病怎么办：\n居家护理与就医提示\n"));
  CHECK(repeats_title("Caring for your child’s fever", "Caring for\nyour child's fever"));
  CHECK(repeats_title("갱년기 증상과 호르몬 치료 안내", "갱년기 증상과\n호르몬 치료 안내"));
  CHECK(repeats_title("花粉症の治療ガイド", "花粉症の\n治療ガイド"));
  CHECK(repeats_title("孩子得了\n手足口病", "孩子得了手足口病"));  // a heading's <br>
  // A line break is a space between words of a spaced script: "갱년기증상과" is another title.
  CHECK_FALSE(repeats_title("갱년기증상과 호르몬 치료 안내", "갱년기\n증상과 호르몬 치료 안내"));
  CHECK_FALSE(repeats_title("Caring foryour child", "Caring for\nyour child"));
}
