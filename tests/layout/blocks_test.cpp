// Tests for layout/blocks.cpp and layout/place_blocks.cpp: pictures with captions,
// quotes on a tinted box, thematic breaks, nested lists, sections on a new panel.
#include <catch2/catch.hpp>

#include "doc/document.hpp"
#include "layout/blocks.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::PageModel;
using leafpress::test::find_run;
using leafpress::test::lay_out_text;
using leafpress::test::shipped_layout;
using leafpress::test::TempDir;

namespace {

PageModel must(leafpress::Result<PageModel> m) {
  if (!m) FAIL(m.error().describe());
  return std::move(m).value();
}

}  // namespace

TEST_CASE("blocks: a picture is scaled to the column, its alt text a caption under it", "[layout]") {
  TempDir dir;
  leafpress::test::write_bytes(dir.path / "photo.png", leafpress::test::tiny_png());
  const auto m = must(lay_out_text("# T\n\nBefore the picture.\n\n![Warm up first](photo.png)\n\nAfter it.\n",
                                   shipped_layout("trifold-a4"), (dir.path / "a.md").string()));
  REQUIRE(m.pages[1].images.size() == 1);
  const auto& image = m.pages[1].images[0];
  REQUIRE(image.raster);
  CHECK(image.raster->width == 4);
  CHECK(image.rect.width() == Approx(2 * image.rect.height()));  // 4 × 2 pixels: the aspect is kept
  const auto [page, before] = find_run(m, "Before");
  const auto [cpage, caption] = find_run(m, "Warm up first");
  const auto [apage, after] = find_run(m, "After");
  REQUIRE(caption);
  CHECK(page == 1);
  CHECK(cpage == 1);
  // The picture spans the column: from the text's left edge, as wide as a line can be.
  CHECK(image.rect.x0 == Approx(before->x).margin(0.5));
  CHECK(image.rect.width() > mm(70));
  CHECK(before->y > image.rect.y1);   // text above,
  CHECK(caption->y < image.rect.y0);  // the caption under it,
  CHECK(after->y < caption->y);       // then the text goes on
  CHECK(caption->size < before->size);
}

TEST_CASE("blocks: a block quote sits on a tinted box inside the column", "[layout]") {
  const auto t = shipped_layout("trifold-a4");
  const auto m =
      must(lay_out_text("# T\n\nA paragraph.\n\n> Quoted advice, in a box.\n>\n> A second quoted "
                        "paragraph.\n\nAfter the quote.\n",
                        t));
  const auto& page = m.pages[1];
  std::vector<leafpress::layout::Fill> tints;
  for (const auto& f : page.fills)
    if (f.color == t.quote_tint) tints.push_back(f);
  REQUIRE(tints.size() == 1);  // one box for both paragraphs
  const auto& box = tints[0].rect;
  for (const char* text : {"Quoted", "second"}) {
    const auto [p, run] = find_run(m, text);
    REQUIRE(run);
    CHECK(run->y > box.y0);
    CHECK(run->y < box.y1);
    CHECK(run->x > box.x0);
  }
  for (const char* text : {"A paragraph", "After the quote"}) {
    const auto [p, run] = find_run(m, text);
    REQUIRE(run);
    CHECK((run->y > box.y1 || run->y < box.y0));
  }
}

TEST_CASE("blocks: a thematic break is a short rule, nested lists hang their markers", "[layout]") {
  const auto t = shipped_layout("trifold-a4");
  const auto m =
      must(lay_out_text("# T\n\nAbove.\n\n---\n\nBelow.\n\n- Outer item\n  - Inner item that is long "
                        "enough to wrap onto a second line in a narrow column of a tri-fold leaflet\n",
                        t));
  int rules = 0;
  for (const auto& r : m.pages[1].rules)
    if (r.purpose == leafpress::layout::RulePurpose::Decoration && r.color == t.accent) ++rules;
  CHECK(rules == 1);
  const auto [p1, outer] = find_run(m, "Outer");
  const auto [p2, inner] = find_run(m, "Inner");
  REQUIRE(outer);
  REQUIRE(inner);
  CHECK(inner->x > outer->x + 5);  // one more level, one more indent
  const auto [p3, bullet] = find_run(m, "•");
  const auto [p4, dash] = find_run(m, "–");
  REQUIRE(bullet);
  REQUIRE(dash);
  CHECK(bullet->x < outer->x);  // hung left of the text
  CHECK(dash->x < inner->x);
  CHECK(dash->y == inner->y);
}

TEST_CASE("blocks: <!-- new-panel --> starts a section at the top of the next panel", "[layout]") {
  const std::string text = "# T\n\nA paragraph.\n\n<!-- new-panel -->\n## Fresh start\n\nText.\n";
  const auto m = must(lay_out_text(text, shipped_layout("trifold-a4")));
  const auto [p1, first] = find_run(m, "A paragraph");
  const auto [p2, heading] = find_run(m, "Fresh start");
  REQUIRE(first);
  REQUIRE(heading);
  CHECK(p1 == p2);
  CHECK(heading->x > first->x + mm(90));  // the next panel, 100 mm along
  // At its top: the heading stands on the grid line above its text, so within one pitch.
  CHECK(heading->y == Approx(first->y).margin(m.line_pitch));
}

TEST_CASE("blocks: Chinese list and quote indents are whole ems, so characters stay on the grid",
          "[layout]") {
  const auto m =
      must(lay_out_text("---\nlang: zh-Hans\n---\n# 标题\n\n正文第一段的文字。\n\n- 列表第一层\n  - "
                        "列表第二层\n\n> 引用的文字\n",
                        shipped_layout("trifold-a4")));
  const auto [p0, body] = find_run(m, "正文");
  REQUIRE(body);
  // The x of the first glyph of a run whose text contains `needle`, from the body's.
  const auto offset_ems = [&](const std::string& needle) {
    const auto [p, run] = find_run(m, needle);
    REQUIRE(run);
    REQUIRE(p == p0);
    std::size_t g = 0;
    while (g < run->glyphs.size() && needle.find(run->glyphs[g].text) == std::string::npos) ++g;
    REQUIRE(g < run->glyphs.size());
    return (run->x + run->glyphs[g].x - body->x - body->glyphs.front().x) / body->size;
  };
  for (const char* needle : {"列表第一层", "列表第二层", "引用的文字"}) {
    INFO(needle);
    const double ems = offset_ems(needle);
    CHECK(ems > 0.5);
    CHECK(ems == Approx(std::round(ems)).margin(0.01));
  }
}

// Layout composes a paragraph again after the flow (no hyphen at a column's end, the hyphen
// budget): from the very spans it was first set from, so a footnote's number stays a
// superscript and an address printed after its link text stays printed.
TEST_CASE("blocks: a paragraph composed again keeps its footnote number and printed address", "[layout]") {
  auto doc = leafpress::doc::parse_document(
      "Keep using the drops for four weeks.[^1] Read [our leaflet](https://example.org/eye) too.\n\n"
      "[^1]: Stopping early can bring the inflammation back.\n",
      "a.md");
  REQUIRE(doc);
  auto t = shipped_layout("trifold-a4");
  t.print_urls = true;
  const leafpress::layout::Scene s{*doc, t, leafpress::test::project_fonts(), "en", {}};
  auto c = leafpress::layout::collect_blocks(s, 10, 200, 1000);
  REQUIRE(c);
  REQUIRE_FALSE(c->blocks.empty());
  const auto& first = c->blocks.front();
  REQUIRE(first.recompose);
  auto again = first.recompose({});
  REQUIRE(again);
  auto text_of = [](const std::vector<leafpress::text::Line>& lines) {
    std::string out;
    int superscripts = 0;
    for (const auto& l : lines) {
      out += l.text() + "\n";
      for (const auto& g : l.glyphs) superscripts += g.superscript;
    }
    return out + std::to_string(superscripts);
  };
  const std::string set_first = text_of(first.lines);
  std::string joined = set_first;
  std::erase(joined, '\n');
  CHECK(joined.find("(https://example.org/eye)") != std::string::npos);
  CHECK(text_of(again->lines) == set_first);
}
