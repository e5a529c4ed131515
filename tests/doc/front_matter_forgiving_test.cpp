// Front matter as people write it: a clinic by name, hours and e-mail, language tags with a
// suggestion, every mistake of one article at once.
#include <catch2/catch.hpp>

#include "doc/document.hpp"

using leafpress::doc::parse_front_matter;

namespace {
constexpr int kFirstLine = 2;  // the line after the opening `---`
}

TEST_CASE("front_matter: clinic as plain text is the clinic's name", "[doc][daily]") {
  const auto meta = parse_front_matter("clinic: Riverside Clinic\n", "a.md", kFirstLine);
  REQUIRE(meta);
  CHECK(meta->clinic.name == "Riverside Clinic");
}

TEST_CASE("front_matter: clinic hours and e-mail are read into the clinic", "[doc][daily]") {
  const auto meta = parse_front_matter(
      "clinic:\n  name: Riverside\n  hours: Mon-Fri 8:00-18:00\n  email: desk@riverside.example\n", "a.md",
      kFirstLine);
  REQUIRE(meta);
  CHECK(meta->clinic.hours == "Mon-Fri 8:00-18:00");
  CHECK(meta->clinic.email == "desk@riverside.example");
  CHECK(meta->extra.count("clinic.hours") == 0);
}

TEST_CASE("front_matter: a mistaken language tag gets the tag that was meant", "[doc][daily]") {
  const std::pair<const char*, const char*> cases[] = {
      {"jp", "ja"}, {"zh-CN", "zh-Hans"}, {"zh_TW", "zh-Hant"}, {"zh", "zh-Hans"}, {"kr", "ko"}, {"en_US", "en-US"}};
  for (const auto& [written, meant] : cases) {
    INFO(written);
    const auto meta = parse_front_matter(std::string("title: T\nlang: ") + written + "\n", "a.md", kFirstLine);
    REQUIRE(!meta);
    CHECK(meta.error().line == 3);
    CHECK_THAT(meta.error().message, Catch::Contains("`lang`"));
    CHECK_THAT(meta.error().hint, Catch::Contains(std::string("`lang: ") + meant + "`"));
  }
  for (const char* fine : {"zh-Hans", "ja", "en-US", "en-us", "ko"}) {
    INFO(fine);
    CHECK(parse_front_matter(std::string("lang: ") + fine + "\n", "a.md", kFirstLine));
  }
}

TEST_CASE("front_matter: every mistake of one article is reported at once", "[doc][daily]") {
  const auto meta = parse_front_matter("title: [a, b]\nlang: jp\nclinic: Riverside\nauthor: {x: 1}\n", "a.md",
                                       kFirstLine);
  REQUIRE(!meta);
  const auto& e = meta.error();
  CHECK(e.line == 2);
  REQUIRE(e.more.size() == 2);
  CHECK(e.more[0].line == 3);
  CHECK(e.more[1].line == 5);
  const std::string text = e.describe();
  CHECK(text.find("a.md:2: ") == 0);
  CHECK(text.find("\nerror: a.md:3: ") != std::string::npos);
  CHECK(text.find("\nerror: a.md:5: ") != std::string::npos);
}
