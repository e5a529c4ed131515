// Tests for batch/variables.cpp: {{placeholders}} filled after parsing, so values
// stay plain text, and a missing value names the article line, variable and row.
#include <catch2/catch.hpp>

#include "batch/variables.hpp"
#include "doc/document.hpp"
#include "tests/support/test_support.hpp"

using leafpress::batch::fill;
using leafpress::batch::fill_document;
using leafpress::batch::placeholders;
using leafpress::batch::Variables;

namespace {

leafpress::doc::Document parse(const std::string& markdown) {
  auto d = leafpress::doc::parse_document(markdown, "handout.md");
  REQUIRE(d);
  return std::move(d).value();
}

}  // namespace

TEST_CASE("variables: placeholders are {{name}} with optional spaces, other braces are text", "[batch]") {
  CHECK(placeholders("Call {{clinic.phone}} or {{ phone }}, {{ }} {{a b}} {x}") ==
        std::set<std::string>{"clinic.phone", "phone"});
  auto filled =
      fill("Call {{clinic.phone}} or {{ phone }}; {{ }} stays", {{"clinic.phone", "1"}, {"phone", "2"}});
  REQUIRE(filled);
  CHECK(*filled == "Call 1 or 2; {{ }} stays");
}

TEST_CASE("variables: a missing or empty value is an error naming the variable", "[batch]") {
  auto missing = fill("Call {{clinic.fax}}", {{"clinic.phone", "1"}});
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().message, Catch::Contains("unknown variable {{clinic.fax}}"));
  auto empty = fill("Call {{clinic.phone}}", {{"clinic.phone", ""}});
  REQUIRE_FALSE(empty);
  CHECK_THAT(empty.error().message, Catch::Contains("{{clinic.phone}} is empty"));
}

TEST_CASE("variables: values with Markdown or YAML syntax stay plain text", "[batch]") {
  auto d = parse(
      "---\ntitle: \"Flu shots at {{clinic.name}}\"\nlang: en\n---\n\nVisit *us* at {{clinic.name}}.\n");
  const Variables row{{"clinic.name", "*Sunrise*: East [1]"}, {"clinic.phone", "555-0100"}};
  REQUIRE(fill_document(d, row, "clinics.csv:2"));
  CHECK(d.meta.title == "Flu shots at *Sunrise*: East [1]");
  REQUIRE(d.blocks.size() == 1);
  std::string text;
  for (const auto& s : d.blocks[0].spans) text += s.text;
  CHECK(text == "Visit us at *Sunrise*: East [1].");
  // clinic.* values fill the back-panel slot even where the article does not name them.
  CHECK(d.meta.clinic.name == "*Sunrise*: East [1]");
  CHECK(d.meta.clinic.phone == "555-0100");
}

TEST_CASE("variables: link targets are filled although cmark percent-encodes the braces", "[batch]") {
  auto d = parse("Call [{{phone}}](tel:{{phone}}).\n");
  REQUIRE(fill_document(d, {{"phone", "5550100"}}, "row 1"));
  bool found = false;
  for (const auto& s : d.blocks[0].spans)
    if (!s.link.empty()) {
      CHECK(s.link == "tel:5550100");
      CHECK(s.text == "5550100");
      found = true;
    }
  CHECK(found);
}

TEST_CASE("variables: an unknown variable names the article, its line and the row", "[batch]") {
  auto d = parse("# Title\n\nFirst paragraph.\n\nCall {{clinic.fax}} today.\n");
  auto r = fill_document(d, {{"clinic.phone", "1"}}, "clinics.csv:7");
  REQUIRE_FALSE(r);
  CHECK(r.error().file == "handout.md");
  CHECK(r.error().line == 5);
  CHECK_THAT(r.error().describe(), Catch::Contains("{{clinic.fax}}") && Catch::Contains("clinics.csv:7"));
}

TEST_CASE("variables: a picture named by a variable is resolved inside the article's folder", "[batch]") {
  const leafpress::test::TempDir dir;
  std::filesystem::create_directories(dir.path / "sub" / "photos");
  leafpress::test::write_bytes(dir.path / "sub" / "photos" / "east.jpg", "x");
  leafpress::test::write_bytes(dir.path / "secret.png", "x");
  const std::string article = (dir.path / "sub" / "handout.md").string();
  auto parsed =
      leafpress::doc::parse_document("Text.\n\n![Our team]({{photo}})\n\n![QR](qr:{{url}})\n", article);
  REQUIRE(parsed);
  auto d = *parsed;
  REQUIRE(fill_document(d, {{"photo", "photos/east.jpg"}, {"url", "https://e.org/east"}}, "row 1"));
  CHECK(d.blocks[1].image == std::filesystem::canonical(dir.path / "sub" / "photos" / "east.jpg").string());
  CHECK(d.blocks[2].qr == "https://e.org/east");
  // The same check as any picture: nothing outside the article's folder, nothing missing.
  for (const char* bad : {"../secret.png", "photos/west.jpg"}) {
    auto copy = *parsed;
    auto r = fill_document(copy, {{"photo", bad}, {"url", "u"}}, "row 2");
    INFO(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().line == 3);
  }
}

TEST_CASE("variables: a hyphenation list filled from a row splits at commas and checks each word",
          "[batch]") {
  auto d = parse("---\ntitle: T\nhyphenation: [\"{{drugs}}\", metoclopramide]\n---\n\nText.\n");
  REQUIRE(fill_document(d, {{"drugs", "ri-za-trip-tan, su-ma-trip-tan"}}, "drugs.csv:2"));
  CHECK(d.meta.hyphenation == std::vector<std::string>{"ri-za-trip-tan", "su-ma-trip-tan", "metoclopramide"});
  auto bad = parse("---\ntitle: T\nhyphenation: [\"{{drugs}}\"]\n---\n\nText.\n");
  const auto error = fill_document(bad, {{"drugs", "riza triptan"}}, "drugs.csv:3");
  REQUIRE_FALSE(error);
  CHECK(error.error().line == 3);  // the line of `hyphenation:`
  CHECK_THAT(error.error().message,
             Catch::Contains("\"riza triptan\" has a space") && Catch::Contains("values from drugs.csv:3"));
}

TEST_CASE("variables: a value printed as text gets the body's smart punctuation, addresses and code do not",
          "[batch]") {
  auto d = parse(
      "---\ntitle: \"{{clinic.name}}'s flu clinic\"\nlang: en\nclinic:\n  name: \"{{clinic.name}}\"\n"
      "  url: \"{{clinic.url}}\"\n---\n\nVisit {{clinic.name}} -- `{{clinic.name}}`.\n\n| Where |\n|---|\n"
      "| {{clinic.name}} |\n");
  const Variables row{{"clinic.name", "St Aldhelm's"},
                      {"clinic.url", "https://x.example/o'brien--eye"},
                      {"clinic.hours", "Mon--Fri"},
                      {"clinic.email", "mary.o'brien@x.example"}};
  REQUIRE(fill_document(d, row, "clinics.csv:2"));
  // The whole title converted once filled: an apostrophe after the name, not an opening quote.
  CHECK(d.meta.title == "St Aldhelm’s’s flu clinic");
  CHECK(d.meta.clinic.name == "St Aldhelm’s");
  CHECK(d.meta.clinic.hours == "Mon–Fri");  // from the row alone, into the clinic slot
  CHECK(d.meta.clinic.url == "https://x.example/o'brien--eye");
  CHECK(d.meta.clinic.email == "mary.o'brien@x.example");
  REQUIRE(d.blocks.size() == 2);
  std::string text;
  for (const auto& s : d.blocks[0].spans) text += s.text + "|";
  CHECK(text == "Visit St Aldhelm’s – |St Aldhelm's|.|");
  CHECK(d.blocks[1].table.rows.at(1).at(0).spans.at(0).text == "St Aldhelm’s");
}

TEST_CASE("variables: an article built without data names the placeholders it prints as written", "[batch]") {
  auto d = parse(
      "---\ntitle: \"在{{clinic.name}}接种流感疫苗\"\nlang: zh-Hans\nclinic:\n  phone: "
      "\"{{clinic.phone}}\"\n---\n\n"
      "Call [us]({{booking}}).\n\n| Day | Hours |\n|---|---|\n| Mon | {{hours}} "
      "|\n\n```\n{{code.block}}\n```\n\n"
      "Again {{clinic.name}} and `{{code}}`.\n\n![map](qr:{{clinic.map}})\n");
  const auto unfilled = leafpress::batch::unfilled_placeholders(d);
  std::vector<std::pair<int, std::string>> got;
  for (const auto& u : unfilled) got.emplace_back(u.line, u.name);
  // Each name once, at its first place: the front matter at its key's line, the text (a link
  // target, a table, code, a QR code too, which a data merge fills as well) at its block's.
  CHECK(got == std::vector<std::pair<int, std::string>>{{2, "clinic.name"},
                                                        {4, "clinic.phone"},
                                                        {8, "booking"},
                                                        {10, "hours"},
                                                        {14, "code.block"},
                                                        {18, "code"},
                                                        {20, "clinic.map"}});
  CHECK(leafpress::batch::unfilled_placeholders(parse("# Plain\n\nNo {braces} {{ }} here.\n")).empty());
}
