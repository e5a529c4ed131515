// Merges that tell: per-language values and the warning when a row replaces the article's value.
#include <catch2/catch.hpp>

#include "batch/merge_rules.hpp"

using leafpress::batch::for_language;
using leafpress::batch::override_warnings;
using leafpress::batch::Variables;

TEST_CASE("merge_rules: a per-language value is chosen by the article's lang", "[batch][daily]") {
  const Variables row{{"clinic.name", "Riverside Clinic"},
                      {"clinic.name.zh-Hans", "河畔诊所"},
                      {"clinic.name.ja", "リバーサイド診療所"},
                      {"clinic.phone", "+1 555 0100"}};
  CHECK(for_language(row, "zh-Hans").at("clinic.name") == "河畔诊所");
  CHECK(for_language(row, "ZH-hans").at("clinic.name") == "河畔诊所");
  CHECK(for_language(row, "ja").at("clinic.name") == "リバーサイド診療所");
  CHECK(for_language(row, "en").at("clinic.name") == "Riverside Clinic");
  CHECK(for_language(row, "").at("clinic.name") == "Riverside Clinic");
  CHECK(for_language(row, "zh-Hans").at("clinic.phone") == "+1 555 0100");
  // The primary language serves every region; the full tag wins over it.
  const Variables zh{{"greeting", "Hello"}, {"greeting.zh", "你好"}, {"greeting.zh-Hant", "妳好"}};
  CHECK(for_language(zh, "zh-Hans").at("greeting") == "你好");
  CHECK(for_language(zh, "zh-Hant").at("greeting") == "妳好");
}

TEST_CASE("merge_rules: a row that replaces the article's own clinic value is a warning", "[batch][daily]") {
  leafpress::doc::Document d;
  d.path = "flu.md";
  d.meta.clinic.name = "Riverside Clinic";
  d.meta.clinic.phone = "{{clinic.phone}}";  // asks for the row's value: no warning
  d.meta.key_lines["clinic"] = 5;
  const Variables row{{"clinic.name", "Eastside Clinic"}, {"clinic.phone", "+1 555 0101"}};
  const auto w = override_warnings(d, row, "clinics.csv:3");
  REQUIRE(w.size() == 1);
  CHECK(w[0].find("flu.md:5: clinic.name 'Riverside Clinic' in the article is replaced by 'Eastside Clinic' "
                  "from clinics.csv:3") == 0);
  CHECK(override_warnings(d, {{"clinic.name", "Riverside Clinic"}}, "r").empty());
}

TEST_CASE("merge_rules: a row's clinic name typed with a straight apostrophe is the article's, no warning",
          "[batch][daily]") {
  auto d = leafpress::doc::parse_document("---\nclinic:\n  name: St Aldhelm's\n---\n\nText.\n", "a.md");
  REQUIRE(d);
  REQUIRE(d->meta.clinic.name == "St Aldhelm’s");
  CHECK(override_warnings(*d, {{"clinic.name", "St Aldhelm's"}}, "r").empty());
  CHECK(override_warnings(*d, {{"clinic.name", "St Aldhelm’s"}}, "r").empty());
  CHECK(override_warnings(*d, {{"clinic.name", "St Aldhelm"}}, "r").size() == 1);
}
