// Tests for doc/front_matter.cpp: YAML keys into FrontMatter, and errors that
// name the key and the line of the user's file.
#include <catch2/catch.hpp>

#include <filesystem>

#include "doc/document.hpp"
#include "tests/support/test_support.hpp"

using leafpress::doc::FrontMatter;
using leafpress::doc::parse_front_matter;

namespace {

// The YAML starts on line 2 of the file, right after the opening `---`.
constexpr int kFirstLine = 2;

FrontMatter parse_ok(std::string_view yaml) {
  auto meta = parse_front_matter(yaml, "a.md", kFirstLine);
  INFO((meta ? std::string() : meta.error().describe()));
  REQUIRE(meta.has_value());
  return meta.value();
}

leafpress::Error parse_error(std::string_view yaml) {
  auto meta = parse_front_matter(yaml, "a.md", kFirstLine);
  REQUIRE_FALSE(meta.has_value());
  CHECK(meta.error().file == "a.md");
  CHECK_FALSE(meta.error().hint.empty());
  return meta.error();
}

}  // namespace

TEST_CASE("front_matter: reads every known key", "[doc]") {
  const auto meta = parse_ok(
      "title: 干细胞治疗\n"
      "subtitle: \"What it can do: and what not\"\n"
      "lang: zh-Hans\n"
      "author: Dr. Li\n"
      "date: 2024-03-05\n"
      "layout: trifold\n"
      "keywords: [stem cells, therapy]\n"
      "clinic:\n"
      "  name: Harbour Clinic\n"
      "  address: 1 Quay St\n"
      "  phone: \"+852 1234 5678\"\n"
      "  url: https://example.org\n");
  CHECK(meta.title == "干细胞治疗");
  CHECK(meta.subtitle == "What it can do: and what not");
  CHECK(meta.lang == "zh-Hans");
  CHECK(meta.author == "Dr. Li");
  CHECK(meta.date == "2024-03-05");
  CHECK(meta.layout == "trifold");
  CHECK(meta.keywords == std::vector<std::string>{"stem cells", "therapy"});
  CHECK(meta.clinic == leafpress::doc::Clinic{.name = "Harbour Clinic",
                                              .address = "1 Quay St",
                                              .phone = "+852 1234 5678",
                                              .url = "https://example.org",
                                              .logo = ""});
  CHECK(meta.extra.empty());
  // 12 YAML lines from line 2, the closing fence on 14, the body on 15.
  CHECK(meta.body_line == 15);
}

TEST_CASE("front_matter: keywords as a block list", "[doc]") {
  const auto meta = parse_ok("keywords:\n  - 干细胞\n  - \" therapy \"\n  -\n");
  CHECK(meta.keywords == std::vector<std::string>{"干细胞", "therapy"});
}

TEST_CASE("front_matter: keywords as comma-separated text, CJK commas included", "[doc]") {
  CHECK(parse_ok("keywords: a, b ,c,,\n").keywords == std::vector<std::string>{"a", "b", "c"});
  CHECK(parse_ok("keywords: 干细胞，再生医学、临床试验\n").keywords ==
        std::vector<std::string>{"干细胞", "再生医学", "临床试验"});
  CHECK(parse_ok("keywords:\n").keywords.empty());
}

TEST_CASE("front_matter: a nested list among keywords names the key and its line", "[doc]") {
  const auto error = parse_error("title: T\nkeywords:\n  - a\n  - [b, c]\n");
  CHECK(error.line == 5);  // YAML line 4
  CHECK_THAT(error.message, Catch::Contains("`keywords`"));
}

TEST_CASE("front_matter: keywords as a map is an error", "[doc]") {
  const auto error = parse_error("keywords:\n  a: b\n");
  CHECK(error.line == 2);
  CHECK_THAT(error.message, Catch::Contains("`keywords`"));
}

TEST_CASE("front_matter: a list where text belongs names the key and its line", "[doc]") {
  const auto error = parse_error("lang: en\ntitle:\n  - one\n  - two\n");
  CHECK(error.line == 3);  // the line of `title:`, YAML line 2
  CHECK_THAT(error.message, Catch::Contains("`title`") && Catch::Contains("a list"));
  CHECK_THAT(error.hint, Catch::Contains("one line"));
}

TEST_CASE("front_matter: a map where text belongs names the key", "[doc]") {
  for (const char* key : {"subtitle", "lang", "author", "date", "layout"}) {
    const auto error = parse_error(std::string("title: T\n") + key + ":\n  first: x\n");
    CHECK(error.line == 3);
    CHECK_THAT(error.message, Catch::Contains(std::string("`") + key + "`"));
  }
}

TEST_CASE("front_matter: clinic must be a map of text fields", "[doc]") {
  SECTION("text is the clinic's name; a list is an error") {
    CHECK(parse_ok("title: T\nclinic: Harbour Clinic\n").clinic.name == "Harbour Clinic");
    const auto error = parse_error("title: T\nclinic: [Harbour Clinic]\n");
    CHECK(error.line == 3);
    CHECK_THAT(error.message, Catch::Contains("`clinic`"));
    CHECK_THAT(error.hint, Catch::Contains("name:"));
  }
  SECTION("a list as a field") {
    const auto error = parse_error("clinic:\n  name: H\n  phone:\n    - 1\n    - 2\n");
    CHECK(error.line == 4);
    CHECK_THAT(error.message, Catch::Contains("`clinic.phone`"));
  }
  SECTION("unknown fields are kept as clinic.<field>") {
    const auto meta = parse_ok("clinic:\n  name: H\n  fax: 9-17\n  staff: [a, b]\n");
    CHECK(meta.clinic.name == "H");
    CHECK(meta.extra == std::map<std::string, std::string>{{"clinic.fax", "9-17"}});
  }
}

TEST_CASE("front_matter: YAML syntax errors point at the file line", "[doc]") {
  const auto error = parse_error("title: T\nsubtitle: x\n  lang: en\n");
  CHECK(error.line == 4);  // yaml-cpp: 0-based line 2 of the YAML
  CHECK_THAT(error.message, Catch::Contains("not valid YAML"));
}

TEST_CASE("front_matter: YAML errors take the first line as given", "[doc]") {
  auto meta = parse_front_matter("title: \"\\q\"\n", "b.md", 10);
  REQUIRE_FALSE(meta.has_value());
  CHECK(meta.error().file == "b.md");
  CHECK(meta.error().line == 10);
}

TEST_CASE("front_matter: must be key: value lines", "[doc]") {
  SECTION("a list") {
    const auto error = parse_error("- title\n- lang\n");
    CHECK(error.line == 2);
    CHECK_THAT(error.message, Catch::Contains("key: value"));
  }
  SECTION("plain text") {
    CHECK_THAT(parse_error("just a title\n").message, Catch::Contains("key: value"));
  }
}

TEST_CASE("front_matter: lang must look like a BCP 47 tag", "[doc]") {
  for (const char* good : {"zh-Hans", "zh-Hant", "ja", "ko", "en", "en-GB", "zh-Hant-TW", "es-419", "x-lp"})
    CHECK(parse_ok(std::string("lang: ") + good + "\n").lang == good);
  for (const char* bad : {"zh_CN", "中文", "-en", "en-", "en--GB", "1en", "en-toolongsubtag",
                          "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s"}) {
    INFO(bad);
    const auto error = parse_error(std::string("title: T\nlang: ") + bad + "\n");
    CHECK(error.line == 3);
    CHECK_THAT(error.message, Catch::Contains("`lang`"));
    CHECK_THAT(error.hint, Catch::Contains("zh-Hans"));
  }
  CHECK(parse_ok("lang:\n").lang.empty());
}

TEST_CASE("front_matter: other scalar keys go to extra, other lists are ignored", "[doc]") {
  const auto meta = parse_ok("title: T\ndraft: true\nversion: 3\nnote:\ntags_extra: [a]\nmore:\n  k: v\n");
  CHECK(meta.extra == std::map<std::string, std::string>{{"draft", "true"}, {"version", "3"}, {"note", ""}});
}

TEST_CASE("front_matter: empty values and text are trimmed", "[doc]") {
  const auto meta = parse_ok("title:\nsubtitle: |\n  two\n  lines\n");
  CHECK(meta.title.empty());
  CHECK(meta.subtitle == "two\nlines");
}

TEST_CASE("front_matter: empty or comment-only front matter is no front matter", "[doc]") {
  // Designated initializers would trip -Wmissing-field-initializers here.
  FrontMatter empty;
  empty.body_line = 3;
  CHECK(parse_ok("") == empty);
  empty.body_line = 4;
  CHECK(parse_ok("# only a comment\n") == empty);
}

TEST_CASE("front_matter: cover_image and the clinic logo resolve inside the article's folder", "[doc]") {
  const leafpress::test::TempDir dir;
  std::filesystem::create_directories(dir.path / "art" / "img");
  const std::string article = (dir.path / "art" / "flu.md").string();
  leafpress::test::write_bytes(dir.path / "art" / "img" / "cover.jpg", "x");
  leafpress::test::write_bytes(dir.path / "art" / "logo.png", "x");
  leafpress::test::write_bytes(dir.path / "outside.png", "x");

  auto meta = parse_front_matter(
      "title: T\ncover_image: img/cover.jpg\nclinic:\n  name: H\n  logo: logo.png\n", article, kFirstLine);
  INFO((meta ? std::string() : meta.error().describe()));
  REQUIRE(meta.has_value());
  CHECK(meta->cover_image == std::filesystem::canonical(dir.path / "art" / "img" / "cover.jpg").string());
  CHECK(meta->clinic.logo == std::filesystem::canonical(dir.path / "art" / "logo.png").string());
  CHECK(meta->clinic.name == "H");
  CHECK(meta->cover_image_line == 3);
  CHECK(meta->logo_line == 6);

  SECTION("empty means no picture") {
    auto empty = parse_front_matter("cover_image:\nclinic:\n  logo: \"\"\n", article, kFirstLine);
    REQUIRE(empty.has_value());
    CHECK(empty->cover_image.empty());
    CHECK(empty->clinic.logo.empty());
  }
  SECTION("a missing cover names the article and its front-matter line") {
    auto bad = parse_front_matter("title: T\n\ncover_image: img/nope.jpg\n", article, kFirstLine);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().file == article);
    CHECK(bad.error().line == 4);
    CHECK_THAT(bad.error().message, Catch::Contains("'img/nope.jpg' not found"));
  }
  SECTION("a logo outside the folder is refused at its line") {
    auto bad = parse_front_matter("clinic:\n  name: H\n  logo: ../outside.png\n", article, kFirstLine);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().line == 4);
    CHECK_THAT(bad.error().message, Catch::Contains("outside the article's folder"));
    CHECK_FALSE(bad.error().hint.empty());
  }
  SECTION("a list where the path belongs is a type error") {
    auto bad = parse_front_matter("cover_image: [a.png]\n", article, kFirstLine);
    REQUIRE_FALSE(bad.has_value());
    CHECK_THAT(bad.error().message, Catch::Contains("`cover_image`"));
  }
}

// yaml-cpp stops at 500 levels with the message "bad file"; say what is wrong instead.
TEST_CASE("front_matter: brackets nested hundreds deep are an error that says so", "[doc]") {
  const std::string yaml = "title: " + std::string(5000, '[') + "1" + std::string(5000, ']') + "\n";
  const auto e = parse_error(yaml);
  CHECK(e.line == kFirstLine);
  CHECK_THAT(e.message, Catch::Contains("levels deep"));
}

TEST_CASE("front_matter: date must be a real day written YYYY-MM-DD", "[doc]") {
  using leafpress::doc::date_epoch;
  CHECK(date_epoch("1970-01-01") == 0);
  CHECK(date_epoch("2026-11-24") == 1795478400);
  CHECK(date_epoch("2024-02-29") == 1709164800);  // a leap day
  CHECK(date_epoch("9999-12-31").has_value());
  for (const char* bad :
       {"2026-13-45", "9999-99-99", "2023-02-29", "2026-04-31", "2026-00-10", "1969-12-31", "0000-01-01",
        "26-11-24", "2026-1-24", "2026/11/24", "24.11.2026", "2026-11-24T10:00", "next week", ""}) {
    INFO(bad);
    CHECK_FALSE(date_epoch(bad).has_value());
  }
  // In the front matter: the error names the line of `date:` and the form expected.
  const auto e = parse_error("title: T\ndate: 2026-13-45\n");
  CHECK(e.line == kFirstLine + 1);
  CHECK_THAT(e.message, Catch::Contains("date") && Catch::Contains("2026-13-45"));
  CHECK_THAT(e.hint, Catch::Contains("YYYY-MM-DD"));
  CHECK(parse_error("date: 9999-99-99\n").line == kFirstLine);
  const auto ok = parse_ok("title: T\n\ndate: 2026-11-24\n");
  CHECK(ok.date == "2026-11-24");
  CHECK(ok.date_line == kFirstLine + 2);
  CHECK(parse_ok("date: \"{{visit_date}}\"\n").date ==
        "{{visit_date}}");  // a batch variable: checked when filled
  CHECK(parse_ok("date:\n").date.empty());
}

TEST_CASE("front_matter: without a title, the first heading, the file name or the language's word", "[doc]") {
  using leafpress::doc::parse_document;
  auto title = [](const std::string& text, const std::string& path) {
    auto d = parse_document(text, path);
    REQUIRE(d.has_value());
    return d->meta.title;
  };
  CHECK(title("## Second level\n\n# First\n\ntext\n", "a.md") == "First");
  CHECK(title("## Only a second level\n\ntext\n", "a.md") == "Only a second level");
  CHECK(title("Just text.\n", "notes/hand-washing.md") == "hand-washing");
  CHECK(title("---\nlang: zh-Hans\n---\n只有正文。\n", "洗手.md") == "洗手");
  // A plain ASCII file name is not put on a Chinese, Japanese or Korean cover.
  CHECK(title("---\nlang: zh-Hans\n---\n只有正文。\n", "article.md") == "无标题");
  CHECK(title("---\nlang: zh-Hant\n---\n只有正文。\n", "article.md") == "無標題");
  CHECK(title("---\nlang: ja\n---\n本文だけ。\n", "article.md") == "無題");
  CHECK(title("---\nlang: ko\n---\n본문만.\n", "article.md") == "제목 없음");
  CHECK(leafpress::doc::untitled("en") == "Untitled");
  CHECK(leafpress::doc::untitled("zh-TW") == "無標題");
}

TEST_CASE("front_matter: hyphenation lists words as TeX's \\hyphenation", "[doc]") {
  CHECK(parse_ok("hyphenation: [ri-za-trip-tan, Metoclopramide]\n").hyphenation ==
        std::vector<std::string>{"ri-za-trip-tan", "Metoclopramide"});
  CHECK(parse_ok("hyphenation:\n  - ri-za-trip-tan\n  -\n").hyphenation ==
        std::vector<std::string>{"ri-za-trip-tan"});
  CHECK(parse_ok("hyphenation: ri-za-trip-tan, metoclopramide\n").hyphenation.size() == 2);
  CHECK(parse_ok("hyphenation:\n").hyphenation.empty());
  CHECK(parse_ok("title: T\n").hyphenation.empty());
}

TEST_CASE("front_matter: a hyphenation entry that is not one word names it and its line", "[doc]") {
  for (const char* bad :
       {"  - two words\n", "  - -riza\n", "  - riza--triptan\n", "  - 华法林\n", "  - riza-\n"}) {
    const auto error = parse_error(std::string("title: T\nhyphenation:\n  - ri-za-trip-tan\n") + bad);
    INFO(bad);
    CHECK(error.line == 5);  // YAML line 4: the entry's own line
    CHECK_THAT(error.message, Catch::Contains("`hyphenation`"));
    CHECK_THAT(error.hint, Catch::Contains("ri-za-trip-tan"));
  }
  CHECK(parse_error("hyphenation:\n  a: b\n").line == 2);
  std::string many = "hyphenation: [";
  for (int i = 0; i < 2001; ++i) many += "word, ";
  CHECK_THAT(parse_error(many + "]\n").message, Catch::Contains("at most 2000"));
}

TEST_CASE("front_matter: a hyphenation entry's fault is named, a {{variable}} is left for the data merge",
          "[doc]") {
  CHECK_THAT(parse_error("hyphenation: [riza‑triptan]\n").message, Catch::Contains("U+2011"));
  CHECK_THAT(parse_error("hyphenation: [riza triptan]\n").message, Catch::Contains("has a space"));
  CHECK_THAT(parse_error("hyphenation: [riza--triptan]\n").message, Catch::Contains("two hyphens in a row"));
  CHECK_THAT(parse_error("hyphenation: [" + std::string(65, 'a') + "]\n").message,
             Catch::Contains("65 letters; at most 64"));
  CHECK(parse_ok("hyphenation: [\"{{drugs}}\", metoclopramide]\n").hyphenation ==
        std::vector<std::string>{"{{drugs}}", "metoclopramide"});
}

TEST_CASE("front_matter: printed text gets the body's smart punctuation, addresses stay as typed", "[doc]") {
  const auto meta = parse_ok(
      "title: \"Caring for your child's fever\"\n"
      "subtitle: A guide -- for \"parents\"\n"
      "author: Dr O'Neill\n"
      "date: 2026-12-04\n"
      "keywords: [child's fever]\n"
      "clinic:\n"
      "  name: St Aldhelm's Hospital\n"
      "  address: |\n"
      "    St Aldhelm's Hospital\n"
      "    Priory Lane\n"
      "  hours: Mon--Fri 8:00--18:00\n"
      "  phone: 01722 555--019\n"
      "  url: https://staldhelms.example/o'brien--eye\n"
      "  email: mary.o'brien@staldhelms.example\n");
  CHECK(meta.title == "Caring for your child’s fever");
  CHECK(meta.subtitle == "A guide – for “parents”");
  CHECK(meta.author == "Dr O’Neill");
  CHECK(meta.clinic.name == "St Aldhelm’s Hospital");
  CHECK(meta.clinic.address == "St Aldhelm’s Hospital\nPriory Lane");
  CHECK(meta.clinic.hours == "Mon–Fri 8:00–18:00");
  CHECK(meta.clinic.phone == "01722 555--019");
  CHECK(meta.clinic.url == "https://staldhelms.example/o'brien--eye");
  CHECK(meta.clinic.email == "mary.o'brien@staldhelms.example");
  CHECK(meta.date == "2026-12-04");
  CHECK(meta.keywords == std::vector<std::string>{"child's fever"});
}

TEST_CASE("front_matter: the clinic's name written as one line gets smart punctuation too", "[doc]") {
  CHECK(parse_ok("clinic: St Aldhelm's Hospital\n").clinic.name == "St Aldhelm’s Hospital");
}
