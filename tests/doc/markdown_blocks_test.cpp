// Tests for doc/markdown_blocks.cpp and doc/markdown_inlines.cpp: what cmark-gfm's
// extensions give a Document (tables, footnotes, task lists, strikethrough,
// autolinks, smart punctuation, `qr:` pictures) and the warnings for what does not print.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "tests/support/test_support.hpp"

using leafpress::doc::BlockKind;
using leafpress::doc::ColumnAlign;
using leafpress::doc::Document;
using leafpress::doc::parse_document;
using leafpress::doc::Span;
using leafpress::doc::Task;
using leafpress::doc::Warning;

namespace {

Document parse_ok(std::string_view text, std::string_view path = "a.md") {
  auto doc = parse_document(text, path);
  INFO((doc ? std::string() : doc.error().describe()));
  REQUIRE(doc.has_value());
  return std::move(doc).value();
}

std::string text_of(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) out += s.text;
  return out;
}

// "line: message" for each warning.
std::vector<std::string> warnings(const Document& doc) {
  std::vector<std::string> out;
  for (const Warning& w : doc.warnings) out.push_back(std::to_string(w.line) + ": " + w.message);
  return out;
}

}  // namespace

TEST_CASE("markdown_blocks: a GFM table keeps alignment, header and styled cells", "[doc][gfm]") {
  const auto doc = parse_ok(
      "# 准备\n"
      "\n"
      "| 时间 | 饮食 | 剂量 |\n"
      "|:-----|:----:|-----:|\n"
      "| 前一天 | **可以吃：**白米粥 | 1 |\n"
      "| 当天 | `禁食` | 12 |\n"
      "| 只有一格 |\n");
  REQUIRE(doc.blocks.size() == 2);
  const auto& b = doc.blocks[1];
  CHECK(b.kind == BlockKind::Table);
  CHECK(b.line == 3);
  CHECK(b.table.align ==
        std::vector<ColumnAlign>{ColumnAlign::Left, ColumnAlign::Center, ColumnAlign::Right});
  CHECK(b.table.header_rows == 1);
  REQUIRE(b.table.rows.size() == 4);
  for (const auto& row : b.table.rows) CHECK(row.size() == 3);  // a short row is padded with empty cells
  CHECK(text_of(b.table.rows[0][1].spans) == "饮食");
  CHECK(text_of(b.table.rows[1][1].spans) == "可以吃：白米粥");
  REQUIRE(b.table.rows[1][1].spans.size() == 2);
  CHECK(b.table.rows[1][1].spans[0].strong);  // CJK-friendly emphasis inside a cell
  CHECK_FALSE(b.table.rows[1][1].spans[1].strong);
  CHECK(b.table.rows[2][1].spans.at(0).code);
  CHECK(text_of(b.table.rows[3][0].spans) == "只有一格");
  CHECK(b.table.rows[3][2].spans.empty());
}

TEST_CASE("markdown_blocks: a table in a list keeps its nesting", "[doc][gfm]") {
  const auto doc = parse_ok("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].kind == BlockKind::Table);
  CHECK(doc.blocks[1].depth == 1);
  CHECK(doc.blocks[1].table.align == std::vector<ColumnAlign>{ColumnAlign::None, ColumnAlign::None});
}

TEST_CASE("markdown_blocks: footnotes are numbered by first reference and set at the end", "[doc][gfm]") {
  const auto doc = parse_ok(
      "Text[^b] and more[^a], again[^b].\n"
      "\n"
      "[^a]: Note *A*.\n"
      "\n"
      "    Its second paragraph.\n"
      "[^b]: Note B.\n"
      "\n"
      "Last paragraph.\n");
  REQUIRE(doc.blocks.size() == 5);
  const auto& p = doc.blocks[0];
  REQUIRE(p.spans.size() == 7);
  CHECK(p.spans[1] == Span{.text = "1", .link = "", .footnote = 1});
  CHECK(p.spans[3] == Span{.text = "2", .link = "", .footnote = 2});
  CHECK(p.spans[5] == Span{.text = "1", .link = "", .footnote = 1});
  CHECK(doc.blocks[1].plain_text() == "Last paragraph.");
  // b is referred to first: note 1.
  CHECK(doc.blocks[2].kind == BlockKind::Footnote);
  CHECK(doc.blocks[2].footnote == 1);
  CHECK(doc.blocks[2].plain_text() == "Note B.");
  CHECK(doc.blocks[2].line == 6);
  CHECK(doc.blocks[3].footnote == 2);
  CHECK(doc.blocks[3].plain_text() == "Note A.");
  CHECK(doc.blocks[3].first_in_item);
  CHECK(doc.blocks[4].kind == BlockKind::Footnote);
  CHECK(doc.blocks[4].footnote == 2);
  CHECK_FALSE(doc.blocks[4].first_in_item);  // the same note's second paragraph
  CHECK(doc.warnings.empty());
}

TEST_CASE("markdown_blocks: consecutive footnote references stay apart", "[doc][gfm]") {
  const auto doc = parse_ok("See[^1][^2].\n\n[^1]: One.\n[^2]: Two.\n");
  REQUIRE(doc.blocks.size() == 3);
  REQUIRE(doc.blocks[0].spans.size() == 4);
  CHECK(doc.blocks[0].spans[1].footnote == 1);
  CHECK(doc.blocks[0].spans[2].footnote == 2);
}

TEST_CASE("markdown_blocks: a footnote reference right after a bare address is a reference", "[doc][gfm]") {
  // GFM's autolink runs to the next space, so it took "[^2]" into the address and the note
  // was dropped as never referred to (a COPD handout lost its NICE citation).
  const auto doc = parse_ok(
      "Plans are at https://clinic.example.nhs.uk/copd.[^2] Ask us.\n"
      "See www.example.org[^1], (https://x.example.com/a_(b))[^1] or 访问 https://c.example.cn/x。[^1]\n"
      "Code `https://k.example.com/[^1]` stays.\n"
      "\n"
      "[^1]: One.\n"
      "[^2]: Two.\n");
  REQUIRE(doc.blocks.size() == 3);
  const auto& spans = doc.blocks[0].spans;
  CHECK(text_of(spans) ==
        "Plans are at https://clinic.example.nhs.uk/copd.1 Ask us. See www.example.org2, "
        "(https://x.example.com/a_(b))2 or 访问 https://c.example.cn/x。2 Code https://k.example.com/[^1] "
        "stays.");
  std::vector<std::string> links, notes;
  for (const auto& s : spans) {
    if (!s.link.empty()) links.push_back(s.text + " -> " + s.link);
    if (s.footnote > 0) notes.push_back(std::to_string(s.footnote));
  }
  CHECK(links ==
        std::vector<std::string>{"https://clinic.example.nhs.uk/copd -> https://clinic.example.nhs.uk/copd",
                                 "www.example.org -> http://www.example.org",
                                 "https://x.example.com/a_(b) -> https://x.example.com/a_(b)",
                                 "https://c.example.cn/x -> https://c.example.cn/x"});
  CHECK(notes == std::vector<std::string>{"1", "2", "2", "2"});
  CHECK(doc.blocks[1].plain_text() == "Two.");
  CHECK(doc.blocks[2].plain_text() == "One.");
  CHECK(warnings(doc).empty());

  // Only the extension's own links are rewritten: a written link keeps its address, code and an
  // indented code block keep their text, and the address is not read as Markdown.
  const auto written = parse_ok(
      "See [NICE guideline](https://www.nice.org.uk/ng115)[^1] and HTTPS://A.example.com/x[^1].\n"
      "Also https://a.example.com/a*b*c[^1] and `https://k.example.com/[^1]`.\n"
      "\n"
      "    https://code.example.com/[^1]\n"
      "\n"
      "[^1]: One.\n");
  REQUIRE(written.blocks.size() == 3);
  std::vector<std::string> targets;
  for (const auto& s : written.blocks[0].spans)
    if (!s.link.empty()) targets.push_back(s.text + " -> " + s.link);
  CHECK(targets == std::vector<std::string>{"NICE guideline -> https://www.nice.org.uk/ng115",
                                            "HTTPS://A.example.com/x -> HTTPS://A.example.com/x",
                                            "https://a.example.com/a*b*c -> https://a.example.com/a*b*c"});
  CHECK(text_of(written.blocks[0].spans).ends_with("https://k.example.com/[^1]."));
  CHECK(written.blocks[1].plain_text() == "https://code.example.com/[^1]");
  CHECK(warnings(written).empty());
}

TEST_CASE("markdown_blocks: an unused footnote and an undefined reference give warnings", "[doc][gfm]") {
  const auto doc = parse_ok(
      "Text[^missing] here.\n"
      "\n"
      "```\n"
      "[^code]: not a definition\n"
      "```\n"
      "\n"
      "[^unused]: Nobody refers to me.\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].plain_text() == "Text[^missing] here.");
  CHECK(
      warnings(doc) ==
      std::vector<std::string>{
          "1: the footnote reference [^missing] has no definition and is printed as written (add a line "
          "`[^missing]: the note`)",
          "7: the footnote [^unused] is never referred to and is not printed (refer to it with [^unused] in "
          "the text, or delete it)"});
}

TEST_CASE("markdown_blocks: task list items carry their box", "[doc][gfm]") {
  const auto doc = parse_ok("- [ ] 空腹\n- [x] 服药\n\n  second paragraph\n- plain\n");
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].task == Task::Open);
  CHECK(doc.blocks[0].plain_text() == "空腹");
  CHECK(doc.blocks[1].task == Task::Done);
  CHECK(doc.blocks[2].task == Task::None);  // the box goes with the item's first paragraph
  CHECK_FALSE(doc.blocks[2].first_in_item);
  CHECK(doc.blocks[3].task == Task::None);
}

TEST_CASE("markdown_blocks: strikethrough and autolinks become spans", "[doc][gfm]") {
  const auto doc = parse_ok("~~old~~ new, see www.example.com or https://e.org/x.\n");
  REQUIRE(doc.blocks.size() == 1);
  const auto& s = doc.blocks[0].spans;
  REQUIRE(s.size() == 6);
  CHECK(s[0] == Span{.text = "old", .strike = true, .link = ""});
  CHECK(s[1].text == " new, see ");
  CHECK(s[2] == Span{.text = "www.example.com", .link = "http://www.example.com"});
  CHECK(s[4] == Span{.text = "https://e.org/x", .link = "https://e.org/x"});
  CHECK(s[5].text == ".");
}

TEST_CASE("markdown_blocks: smart punctuation in English", "[doc][gfm]") {
  const auto doc = parse_ok("\"Don't\" -- wait --- 'now'... `\"code\" --`\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].plain_text() == "“Don’t” – wait — ‘now’… \"code\" --");
}

TEST_CASE("markdown_blocks: raw HTML prints nothing and warns once per block or line", "[doc][gfm]") {
  const auto doc = parse_ok(
      "<div align=\"center\">\n"
      "hidden\n"
      "</div>\n"
      "\n"
      "<!-- a note for the editor -->\n"
      "\n"
      "a <span style=\"color:red\">b</span> <b>c</b>\n"
      "line<br>break <!-- aside --> and <br/> again\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].plain_text() == "a b c line\nbreak  and \n again");
  CHECK(warnings(doc) ==
        std::vector<std::string>{
            "1: raw HTML is not printed (<div align=\"center\">); write it in Markdown instead",
            "7: inline HTML is not printed (<span style=\"color:red\">); the text between the tags is kept"});
}

TEST_CASE("markdown_blocks: a qr: picture is a QR code with its caption, no file", "[doc][gfm]") {
  const auto doc = parse_ok("Text.\n\n![Book *online*](qr:https://clinic.example/book?a=1)\n");
  REQUIRE(doc.blocks.size() == 2);
  const auto& b = doc.blocks[1];
  CHECK(b.kind == BlockKind::Image);
  CHECK(b.qr == "https://clinic.example/book?a=1");
  CHECK(b.image.empty());
  CHECK(b.plain_text() == "Book online");
  auto empty = parse_document("Text.\n\n![x](qr:)\n", "a.md");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().line == 3);
}

TEST_CASE("markdown_blocks: a picture path with a placeholder waits for the batch run", "[doc][gfm]") {
  const auto doc = parse_ok("Text.\n\n![Our team](photos/{{clinic.id}}.jpg)\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].kind == BlockKind::Image);
  CHECK(doc.blocks[1].image == "photos/{{clinic.id}}.jpg");
}

TEST_CASE("markdown_blocks: backslash escapes survive in code and text", "[doc][gfm]") {
  const auto doc = parse_ok("a \\* b \\_c\\_ `x\\*y` [l](u\\_v)\n\n```\n\\*raw\\_\n```\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].plain_text() == "a * b _c_ x\\*y l");
  CHECK(doc.blocks[0].spans.back().link == "u_v");
  CHECK(doc.blocks[1].plain_text() == "\\*raw\\_");
}

TEST_CASE("markdown_blocks: the sentinel characters in the text are kept as written", "[doc][gfm]") {
  // U+2E2E and U+2E2D stand in for escaped marks while parsing; an article that uses
  // them gets other stand-ins.
  const auto doc = parse_ok("⸮ ⸭ \\* ⸬\n");
  CHECK(doc.blocks.at(0).plain_text() == "⸮ ⸭ * ⸬");
}

TEST_CASE("markdown_blocks: a bare address ends where CJK text begins", "[doc][gfm]") {
  const auto doc = parse_ok(
      "访问 https://clinic.example/book。谢谢，或者 www.clinic.example，电话\n\n"
      "予約は https://clinic.example/予約 から。[链接](https://e.org/路径)\n");
  REQUIRE(doc.blocks.size() == 2);
  const auto& s = doc.blocks[0].spans;
  REQUIRE(s.size() == 5);
  CHECK(s[1] == Span{.text = "https://clinic.example/book", .link = "https://clinic.example/book"});
  CHECK(s[2].text == "。谢谢，或者 ");
  CHECK(s[3].link == "http://www.clinic.example");
  CHECK(s[4].text == "，电话");
  CHECK(doc.blocks[0].plain_text() ==
        "访问 https://clinic.example/book。谢谢，或者 www.clinic.example，电话");
  const auto& t = doc.blocks[1].spans;
  REQUIRE(t.size() == 4);
  CHECK(t[1].link == "https://clinic.example/");
  CHECK(t[2].text == "予約 から。");
  CHECK(t[3].link == "https://e.org/路径");  // written as a link: kept whole
}

TEST_CASE("markdown_blocks: a table GFM does not take gives a warning", "[doc][gfm]") {
  const auto doc = parse_ok("Text.\n\n| 时间 | 饮食 |\n|---|---|---|\n| a | b |\n\n- a\n  - b\n---\n");
  CHECK(doc.blocks.at(1).kind == BlockKind::Paragraph);
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0].line == 4);
  CHECK_THAT(doc.warnings[0].message, Catch::Contains("as many cells as the header row"));
}

TEST_CASE("markdown_blocks: a table typed with full-width bars is a table", "[doc][gfm]") {
  const auto doc = parse_ok(
      "准备：\n\n｜ 时间 ｜ 饮食 ｜\n｜：－－－｜－－－：｜\n｜ 前一天 ｜ 粥｜汤 ｜\n\n电话｜地址 stay as "
      "text.\n\n```\n｜a｜\n｜---｜\n```\n");
  REQUIRE(doc.blocks.size() == 4);
  const auto& t = doc.blocks[1];
  REQUIRE(t.kind == BlockKind::Table);
  CHECK(t.table.align == std::vector<ColumnAlign>{ColumnAlign::Left, ColumnAlign::Right});
  REQUIRE(t.table.rows.size() == 2);
  CHECK(text_of(t.table.rows[1][0].spans) == "前一天");
  CHECK(text_of(t.table.rows[1][1].spans) == "粥");  // a third cell: dropped, as GFM does, with a warning
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0].line == 5);
  CHECK_THAT(doc.warnings[0].message, Catch::Contains("has 3 cells and the header 2"));
  CHECK(doc.blocks[2].plain_text() == "电话｜地址 stay as text.");
  CHECK(doc.blocks[3].plain_text() == "｜a｜\n｜---｜");
}
