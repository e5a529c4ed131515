// Tests for doc/parse_markdown.cpp: article bytes into a Document; blocks are
// compared as one-line dumps so an expectation reads like the article.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "doc/document.hpp"
#include "tests/support/test_support.hpp"

using leafpress::doc::Block;
using leafpress::doc::BlockKind;
using leafpress::doc::Document;
using leafpress::doc::parse_document;

namespace {

Document parse_ok(std::string_view text) {
  auto doc = parse_document(text, "a.md");
  INFO((doc ? std::string() : doc.error().describe()));
  REQUIRE(doc.has_value());
  return std::move(doc).value();
}

leafpress::Error parse_error(std::string_view text) {
  auto doc = parse_document(text, "a.md");
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().file == "a.md");
  CHECK_FALSE(doc.error().hint.empty());
  return doc.error();
}

// "L3 item d1 q0 #2 cont: text" — enough to see kind, nesting and place.
std::string dump(const Block& b) {
  std::string out = "L" + std::to_string(b.line) + " ";
  switch (b.kind) {
    case BlockKind::Heading:
      out += "h" + std::to_string(b.level);
      break;
    case BlockKind::Paragraph:
      out += "p";
      break;
    case BlockKind::Image:
      out += "img " + b.image;
      break;
    case BlockKind::ListItem:
      out += "item";
      if (b.ordered) out += " #" + std::to_string(b.number);
      if (!b.first_in_item) out += " cont";
      break;
    case BlockKind::Code:
      out += "code";
      break;
    case BlockKind::ThematicBreak:
      out += "hr";
      break;
    case BlockKind::Table:
      out += "table " + std::to_string(b.table.rows.size()) + "x" + std::to_string(b.table.align.size());
      break;
    case BlockKind::Footnote:
      out += "note " + std::to_string(b.footnote);
      break;
  }
  if (b.depth > 0) out += " d" + std::to_string(b.depth);
  if (b.quote_depth > 0) out += " q" + std::to_string(b.quote_depth);
  if (!b.spans.empty()) out += ": " + b.plain_text();
  return out;
}

std::vector<std::string> dump(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.push_back(dump(b));
  return out;
}

using Lines = std::vector<std::string>;

leafpress::doc::Span span(std::string text) {
  leafpress::doc::Span s;
  s.text = std::move(text);
  return s;
}

}  // namespace

TEST_CASE("parse_markdown: plain_text joins the spans", "[doc]") {
  Block block;
  block.spans = {span("a "), span("b"), span("")};
  CHECK(block.plain_text() == "a b");
  CHECK(Block{}.plain_text().empty());
}

TEST_CASE("parse_markdown: headings and paragraphs with their lines", "[doc]") {
  const auto doc = parse_ok(
      "# Title\n"
      "\n"
      "First paragraph\n"
      "goes on.\n"
      "\n"
      "## Section\n"
      "\n"
      "Setext\n"
      "------\n"
      "Last.\n");
  CHECK(dump(doc) == Lines{"L1 h1: Title", "L3 p: First paragraph goes on.", "L6 h2: Section",
                           "L8 h2: Setext", "L10 p: Last."});
  CHECK(doc.path == "a.md");
  CHECK(doc.meta.body_line == 1);
}

TEST_CASE("parse_markdown: soft breaks become a space, hard breaks a newline", "[doc]") {
  const auto doc = parse_ok("one\ntwo  \nthree\\\nfour\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].spans.size() == 1);
  CHECK(doc.blocks[0].plain_text() == "one two\nthree\nfour");
}

TEST_CASE("parse_markdown: strong, emphasis, code and links become spans", "[doc]") {
  const auto doc = parse_ok("Plain **bold *both*** _it_ `x < y` [a **b**](https://e.org) <https://f.org>.\n");
  REQUIRE(doc.blocks.size() == 1);
  using leafpress::doc::Span;
  const std::vector<Span> expected = {
      span("Plain "),
      Span{.text = "bold ", .strong = true, .emphasis = false, .code = false, .link = ""},
      Span{.text = "both", .strong = true, .emphasis = true, .code = false, .link = ""},
      span(" "),
      Span{.text = "it", .strong = false, .emphasis = true, .code = false, .link = ""},
      span(" "),
      Span{.text = "x < y", .strong = false, .emphasis = false, .code = true, .link = ""},
      span(" "),
      Span{.text = "a ", .strong = false, .emphasis = false, .code = false, .link = "https://e.org"},
      Span{.text = "b", .strong = true, .emphasis = false, .code = false, .link = "https://e.org"},
      span(" "),
      Span{.text = "https://f.org",
           .strong = false,
           .emphasis = false,
           .code = false,
           .link = "https://f.org"},
      span("."),
  };
  CHECK(doc.blocks[0].spans == expected);
}

TEST_CASE("parse_markdown: adjacent spans of one style merge", "[doc]") {
  // cmark splits text at `&amp;`, `[` and around the unmatched `*`.
  const auto doc = parse_ok("a &amp; [b *c\n**d** **e**\n");
  REQUIRE(doc.blocks.size() == 1);
  using leafpress::doc::Span;
  const std::vector<Span> expected = {
      span("a & [b *c "),
      Span{.text = "d", .strong = true, .emphasis = false, .code = false, .link = ""},
      span(" "),
      Span{.text = "e", .strong = true, .emphasis = false, .code = false, .link = ""},
  };
  CHECK(doc.blocks[0].spans == expected);
}

TEST_CASE("parse_markdown: bullet and ordered lists", "[doc]") {
  const auto doc = parse_ok(
      "- one\n"
      "- two\n"
      "  still two\n"
      "\n"
      "3. three\n"
      "4. four\n");
  CHECK(dump(doc) ==
        Lines{"L1 item d1: one", "L2 item d1: two still two", "L5 item #3 d1: three", "L6 item #4 d1: four"});
}

TEST_CASE("parse_markdown: a loose item's second paragraph continues the item", "[doc]") {
  const auto doc = parse_ok(
      "1. first\n"
      "\n"
      "   more of first\n"
      "\n"
      "   ```\n"
      "   code in item\n"
      "   ```\n"
      "2. second\n");
  CHECK(dump(doc) == Lines{"L1 item #1 d1: first", "L3 item #1 cont d1: more of first",
                           "L5 code d1: code in item", "L8 item #2 d1: second"});
}

TEST_CASE("parse_markdown: nested lists count depth", "[doc]") {
  const auto doc = parse_ok(
      "- a\n"
      "  1. b\n"
      "     - c\n"
      "  2. d\n"
      "- e\n"
      "\n"
      "after\n");
  CHECK(dump(doc) == Lines{"L1 item d1: a", "L2 item #1 d2: b", "L3 item d3: c", "L4 item #2 d2: d",
                           "L5 item d1: e", "L7 p: after"});
}

TEST_CASE("parse_markdown: empty items are skipped", "[doc]") {
  CHECK(dump(parse_ok("-\n- b\n")) == Lines{"L2 item d1: b"});
}

TEST_CASE("parse_markdown: block quotes set quote_depth", "[doc]") {
  const auto doc = parse_ok(
      "> quoted\n"
      ">\n"
      "> > deeper\n"
      ">\n"
      "> - listed\n"
      "\n"
      "- > quote in item\n"
      "\n"
      "plain\n");
  CHECK(dump(doc) == Lines{"L1 p q1: quoted", "L3 p q2: deeper", "L5 item d1 q1: listed",
                           "L7 p d1 q1: quote in item", "L9 p: plain"});
}

TEST_CASE("parse_markdown: code blocks keep their text without the last newline", "[doc]") {
  const auto doc = parse_ok(
      "```cpp\n"
      "int main() {\n"
      "  return 0; // *not* emphasis\n"
      "}\n"
      "```\n"
      "\n"
      "    indented\n"
      "    code\n"
      "\n"
      "```\n"
      "```\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(dump(doc.blocks[0]) == "L1 code: int main() {\n  return 0; // *not* emphasis\n}");
  REQUIRE(doc.blocks[0].spans.size() == 1);
  CHECK(doc.blocks[0].spans[0].code);
  CHECK(dump(doc.blocks[1]) == "L7 code: indented\ncode");
}

TEST_CASE("parse_markdown: thematic breaks", "[doc]") {
  CHECK(dump(parse_ok("a\n\n***\n\nb\n")) == Lines{"L1 p: a", "L3 hr", "L5 p: b"});
}

TEST_CASE("parse_markdown: raw HTML is left out", "[doc]") {
  const auto doc = parse_ok(
      "<div class=\"x\">\n"
      "hidden\n"
      "</div>\n"
      "\n"
      "<!-- a comment -->\n"
      "\n"
      "a <span>b</span> <script>c</script>\n");
  CHECK(dump(doc) == Lines{"L7 p: a b c"});
}

TEST_CASE("parse_markdown: an image among text keeps only its alt text", "[doc]") {
  // No file is checked: cell.png and b.png do not exist.
  const auto doc = parse_ok("See ![a *cell* `diagram`](cell.png) and **![b](b.png)**.\n");
  REQUIRE(doc.blocks.size() == 1);
  using leafpress::doc::Span;
  const std::vector<Span> expected = {
      span("See a cell diagram and "),
      Span{.text = "b", .strong = true, .emphasis = false, .code = false, .link = ""},
      span("."),
  };
  CHECK(doc.blocks[0].spans == expected);
}

namespace {

// An article in its own folder with two pictures beside it.
struct ArticleDir {
  leafpress::test::TempDir dir;
  std::string article = (dir.path / "flu.md").string();
  std::string photo, chart;
  ArticleDir() {
    std::filesystem::create_directories(dir.path / "img");
    leafpress::test::write_bytes(dir.path / "img" / "arm.jpg", "x");
    leafpress::test::write_bytes(dir.path / "chart.png", "x");
    photo = std::filesystem::canonical(dir.path / "img" / "arm.jpg").string();
    chart = std::filesystem::canonical(dir.path / "chart.png").string();
  }
};

}  // namespace

TEST_CASE("parse_markdown: a paragraph that is only an image is an Image block", "[doc]") {
  const ArticleDir a;
  auto doc = parse_document(
      "# Flu\n"
      "\n"
      "![Roll up the *sleeve*](img/arm.jpg \"title\")\n"
      "\n"
      "Text.\n"
      "\n"
      "  ![](chart.png)  \n"
      "\n"
      "> ![Quoted](chart.png)\n",
      a.article);
  INFO((doc ? std::string() : doc.error().describe()));
  REQUIRE(doc.has_value());
  CHECK(dump(*doc) == Lines{"L1 h1: Flu", "L3 img " + a.photo + ": Roll up the sleeve", "L5 p: Text.",
                            "L7 img " + a.chart, "L9 img " + a.chart + " q1: Quoted"});
  // The alt text is plain: the caption takes the caption style.
  CHECK(doc->blocks[1].spans.size() == 1);
  CHECK_FALSE(doc->blocks[1].spans[0].emphasis);
}

TEST_CASE("parse_markdown: two images in one paragraph stay inline", "[doc]") {
  const ArticleDir a;
  auto doc = parse_document("![a](img/arm.jpg) ![b](chart.png)\n", a.article);
  REQUIRE(doc.has_value());
  CHECK(dump(*doc) == Lines{"L1 p: a b"});
}

TEST_CASE("parse_markdown: a bad image path names the article and the line", "[doc]") {
  const ArticleDir a;
  for (const std::string_view ref : {"img/leg.jpg", "../flu.md", "/etc/passwd", "https://x.org/a.png", ""}) {
    auto doc = parse_document("---\ntitle: T\n---\n\nText.\n\n![alt](" + std::string(ref) + ")\n", a.article);
    INFO(ref);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.error().file == a.article);
    CHECK(doc.error().line == 7);
    CHECK_FALSE(doc.error().hint.empty());
  }
}

TEST_CASE("parse_markdown: <!-- new-panel --> before a heading starts a new panel", "[doc]") {
  const auto doc = parse_ok(
      "# A\n"
      "\n"
      "text\n"
      "\n"
      "<!-- new-panel -->\n"
      "## B\n"
      "\n"
      "<!--new-panel-->\n"
      "\n"
      "## C\n"
      "\n"
      "<!-- a comment -->\n"
      "## D\n");
  REQUIRE(doc.blocks.size() == 5);
  CHECK_FALSE(doc.blocks[0].new_panel);
  CHECK(dump(doc.blocks[2]) == "L6 h2: B");
  CHECK(doc.blocks[2].new_panel);
  CHECK(doc.blocks[3].new_panel);
  CHECK_FALSE(doc.blocks[4].new_panel);
}

TEST_CASE("parse_markdown: <!-- new-panel --> with no heading after it is an error at its line", "[doc]") {
  auto error = parse_error("# A\n\n<!-- new-panel -->\n\ntext\n");
  CHECK(error.line == 3);
  CHECK_THAT(error.message, Catch::Contains("new-panel"));
  CHECK(parse_error("# A\n\ntext\n\n<!-- new-panel -->\n").line == 5);
  CHECK(parse_error("# A\n\n<!-- new-panel -->\n<!-- new-panel -->\n\n## B\n").line == 3);
}

TEST_CASE("parse_markdown: block lines count the front matter", "[doc]") {
  const auto doc = parse_ok(
      "---\n"
      "title: T\n"
      "lang: en\n"
      "---\n"
      "# Heading\n"
      "\n"
      "- item\n");
  CHECK(doc.meta.body_line == 5);
  CHECK(doc.meta.title == "T");
  CHECK(doc.meta.lang == "en");
  CHECK(dump(doc) == Lines{"L5 h1: Heading", "L7 item d1: item"});
}

TEST_CASE("parse_markdown: front matter may close with ... and fences may have trailing blanks", "[doc]") {
  const auto doc = parse_ok("--- \ntitle: T\n...\t\nbody\n");
  CHECK(doc.meta.title == "T");
  CHECK(dump(doc) == Lines{"L4 p: body"});
}

TEST_CASE("parse_markdown: `---` after the first line is Markdown, not front matter", "[doc]") {
  const auto doc = parse_ok("\n---\ntitle: T\n---\n");
  CHECK(dump(doc) == Lines{"L2 hr", "L3 h2: title: T"});  // the second `---` underlines a setext heading
  CHECK(doc.meta.title == "title: T");  // no front matter title: the first heading (fallback_title)
}

TEST_CASE("parse_markdown: the first level-1 heading is the title when front matter has none", "[doc]") {
  SECTION("no front matter") {
    const auto doc = parse_ok("## Intro\n\n# The **real** title\n\n# Another\n");
    CHECK(doc.meta.title == "The real title");
    CHECK(dump(doc) == Lines{"L1 h2: Intro", "L3 h1: The real title", "L5 h1: Another"});
  }
  SECTION("front matter without a title") {
    CHECK(parse_ok("---\nlang: en\n---\n# Heading\n").meta.title == "Heading");
  }
  SECTION("the front matter title wins") {
    CHECK(parse_ok("---\ntitle: Given\n---\n# Heading\n").meta.title == "Given");
  }
  SECTION("no level-1 heading: the first heading of another level") {
    CHECK(parse_ok("## Only h2\n").meta.title == "Only h2");
  }
}

TEST_CASE("parse_markdown: a UTF-8 byte order mark is dropped", "[doc]") {
  const auto doc = parse_ok("\xEF\xBB\xBF---\ntitle: T\n---\nx\xEF\xBB\xBFy\n");
  CHECK(doc.meta.title == "T");
  // Only the leading BOM is the file's; one inside the text is U+FEFF and stays.
  CHECK(dump(doc) == Lines{"L4 p: x\xEF\xBB\xBFy"});
  CHECK(dump(parse_ok("\xEF\xBB\xBF# Heading\n")) == Lines{"L1 h1: Heading"});
}

TEST_CASE("parse_markdown: CRLF and CR line ends read as LF", "[doc]") {
  const auto doc =
      parse_ok("---\r\ntitle: T\r\n---\r\n# H\r\n\r\none\r\ntwo\r\n\r\n```\r\nx\r\ny\r\n```\r\n");
  CHECK(doc.meta.title == "T");
  CHECK(dump(doc) == Lines{"L4 h1: H", "L6 p: one two", "L9 code: x\ny"});
  CHECK(dump(parse_ok("a\rb\r\rc\r")) == Lines{"L1 p: a b", "L4 p: c"});
}

TEST_CASE("parse_markdown: invalid UTF-8 names its line", "[doc]") {
  // "中文" in GBK is D6 D0 CE C4: not UTF-8.
  const auto error = parse_error("# Title\n\nfine\n\xD6\xD0\xCE\xC4\n");
  CHECK(error.line == 4);
  CHECK_THAT(error.message, Catch::Contains("UTF-8") && Catch::Contains("0xD6"));
  CHECK_THAT(error.hint, Catch::Contains("save the file as UTF-8"));
  // Lines count as the file has them, CRLF or not, front matter included.
  CHECK(parse_error("---\r\ntitle: \xFF\r\n---\r\n").line == 2);
}

TEST_CASE("parse_markdown: a PDF given for the article says so", "[doc]") {
  // `leafpress preview out/leaflet.pdf` said "not valid UTF-8 (byte 0xB7)" and blamed GBK.
  const auto error = parse_error(std::string("%PDF-1.7\n%\xB5\xB6\xB7\xB8\n1 0 obj\n"));
  CHECK(error.message == "this is a PDF, not a Markdown article");
  CHECK_THAT(error.hint, Catch::Contains(".md"));
}

TEST_CASE("parse_markdown: a Word, old Word or RTF document given for the article says so", "[doc]") {
  // A .docx said "not valid UTF-8 (byte 0x88)" and blamed GBK; an .rtf was set as text.
  const std::pair<std::string, std::string> cases[] = {
      {std::string("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x88", 16), "this is a Word document"},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10), "this is an old Word document (.doc)"},
      {"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}", "this is a rich text document (.rtf)"}};
  for (const auto& [bytes, says] : cases) {
    const auto error = parse_error(bytes);
    CHECK_THAT(error.message, Catch::StartsWith(says) && Catch::EndsWith("not a Markdown article"));
    CHECK_THAT(error.hint, Catch::Contains("Plain Text") && Catch::Contains(".md"));
  }
}

TEST_CASE("parse_markdown: an empty article is an error", "[doc]") {
  for (std::string_view text : {"", " \n\t\n\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n\n"}) {
    const auto error = parse_error(text);
    CHECK(error.message == "the article is empty");
    CHECK(error.line == 0);
  }
}

TEST_CASE("parse_markdown: an article with nothing to typeset is an error", "[doc]") {
  const auto error = parse_error("---\ntitle: T\n---\n\n<!-- to do -->\n");
  CHECK(error.line == 4);
  CHECK_THAT(error.message, Catch::Contains("no text"));
}

TEST_CASE("parse_markdown: unclosed front matter names the line it opened on", "[doc]") {
  const auto error = parse_error("---\ntitle: T\n\n# Heading\n\nText.\n");
  CHECK(error.line == 1);
  CHECK_THAT(error.message, Catch::Contains("never closed") && Catch::Contains("line 1"));
  CHECK_THAT(error.hint, Catch::Contains("---"));
  CHECK(parse_error("---").line == 1);
}

TEST_CASE("parse_markdown: front matter errors carry the file line", "[doc]") {
  SECTION("YAML syntax") {
    const auto error = parse_error("---\ntitle: T\nsubtitle: x\n  lang: en\n---\nbody\n");
    CHECK(error.line == 4);
  }
  SECTION("wrong type, after a BOM and CRLF") {
    const auto error =
        parse_error("\xEF\xBB\xBF---\r\ntitle: T\r\nauthor:\r\n  - A\r\n  - B\r\n---\r\nbody\r\n");
    CHECK(error.line == 3);
    CHECK_THAT(error.message, Catch::Contains("`author`"));
  }
  SECTION("a list as front matter") {
    const auto error = parse_error("---\n- a\n- b\n---\nbody\n");
    CHECK(error.line == 2);
  }
  SECTION("a bad language tag") {
    const auto error = parse_error("---\ntitle: T\n\nlang: zh_CN\n---\nbody\n");
    CHECK(error.line == 4);
    CHECK_THAT(error.message, Catch::Contains("`lang`"));
  }
}

namespace {

// A paragraph inside `depth` nested block quotes, on line 3.
std::string nested_quotes(int depth) {
  std::string text = "intro\n\n";
  for (int i = 0; i < depth; ++i) text += "> ";
  return text + "deep\n";
}

}  // namespace

TEST_CASE("parse_markdown: nesting deeper than kMaxDepth is an error with the line", "[doc]") {
  using leafpress::doc::kMaxDepth;
  const auto doc = parse_ok(nested_quotes(kMaxDepth));
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].quote_depth == kMaxDepth);

  const auto error = parse_error(nested_quotes(kMaxDepth + 1));
  CHECK(error.line == 3);
  CHECK_THAT(error.message, Catch::Contains(std::to_string(kMaxDepth)));

  std::string lists = "text\n\n";
  for (int i = 0; i <= kMaxDepth; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  CHECK(parse_error(lists).line == 3 + kMaxDepth);

  // A hostile file: far deeper than the limit, and no stack overflow.
  CHECK(parse_error(std::string(100000, '>') + " x\n").line == 1);
}

TEST_CASE("parse_markdown: deeply nested emphasis does not exhaust the stack", "[doc]") {
  const std::string stars(20000, '*');
  const auto doc = parse_ok(stars + "a" + stars + "\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].plain_text() == "a");
}

TEST_CASE("parse_markdown: load_document reports a missing file", "[doc]") {
  auto doc = leafpress::doc::load_document("/nonexistent/leafpress/article.md");
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().file == "/nonexistent/leafpress/article.md");
}

TEST_CASE("parse_markdown: the stem-cell therapy article", "[doc]") {
  const std::string path = std::string(LEAFPRESS_SOURCE_DIR) + "/content/stem-cell-therapy.md";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " does not exist yet");
    return;
  }
  auto loaded = leafpress::doc::load_document(path);
  INFO((loaded ? std::string() : loaded.error().describe()));
  REQUIRE(loaded.has_value());
  const auto& doc = loaded.value();
  CHECK_THAT(doc.meta.title, Catch::Contains("干细胞治疗"));
  CHECK(doc.meta.lang == "zh-Hans");
  int h2 = 0;
  int items = 0;
  int strong = 0;
  for (const auto& block : doc.blocks) {
    if (block.kind == BlockKind::Heading && block.level == 2) ++h2;
    if (block.kind == BlockKind::ListItem) ++items;
    for (const auto& s : block.spans)
      if (s.strong) ++strong;
    CHECK(block.line >= doc.meta.body_line);
  }
  CHECK(h2 >= 2);
  CHECK(items >= 1);
  CHECK(strong >= 1);
}

TEST_CASE("parse_markdown: a line wrapped between CJK characters joins without a space", "[doc]") {
  auto d = leafpress::doc::parse_document("干细胞疗法\n然而 stem\ncells\n한국어\n문장\n", "soft.md");
  REQUIRE(d.has_value());
  REQUIRE(d->blocks.size() == 1);
  CHECK(d->blocks[0].plain_text() == "干细胞疗法然而 stem cells 한국어 문장");
}

TEST_CASE("parse_markdown: one_line joins Chinese and Japanese lines without a space, others with one",
          "[doc]") {
  using leafpress::doc::one_line;
  CHECK(one_line("孩子得了\n手足口病怎么办：\n居家护理与就医提示") ==
        "孩子得了手足口病怎么办：居家护理与就医提示");
  CHECK(one_line("Caring for  \n  your child\n") == "Caring for your child");
  CHECK(one_line("갱년기 증상과\n호르몬 치료") == "갱년기 증상과 호르몬 치료");
  CHECK(one_line("B型肝炎\nHepatitis B") == "B型肝炎 Hepatitis B");  // Han beside Latin keeps its space
  CHECK(one_line("戒菸，\r\n從今天開始") == "戒菸，從今天開始");
  CHECK(one_line("\n\nOne line\n\n") == "One line");
  CHECK(one_line("") == "");
  CHECK(one_line("Caring for\u2028your child") == "Caring for your child");  // a line separator
  CHECK(one_line("孩子得了\u2029手足口病\u0085怎么办") == "孩子得了手足口病怎么办");
}
