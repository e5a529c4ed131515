// Tests for layout/inline_marks.cpp and its use in blocks.cpp and place_blocks.cpp: link
// areas over the link's glyphs, in the accent colour; strikethrough rules; footnote
// references as superscripts and the notes after the article; task item boxes.
#include <catch2/catch.hpp>

#include "layout/blocks.hpp"
#include "layout/inline_marks.hpp"
#include "tests/layout/table_fixtures.hpp"

using namespace leafpress::layout;
using namespace leafpress::test;
using leafpress::Pt;

namespace {

// The horizontal extent of the glyphs of `needle` in run `r` (by their text).
std::pair<Pt, Pt> extent(const GlyphRun& r) {
  Pt x0 = 1e9, x1 = -1e9;
  for (const auto& g : r.glyphs) {
    if (g.text == " " || g.text.empty()) continue;
    x0 = std::min(x0, r.x + g.x);
    x1 = std::max(x1, r.x + g.x + g.advance);
  }
  return {x0, x1};
}

}  // namespace

TEST_CASE("inline_marks: a link gets one LinkArea over its glyphs, set in the accent colour",
          "[layout][links]") {
  const auto d = document_with(
      {paragraph({span("Book a visit at "), span("our website", "https://riverside.example/book"),
                  span(" or call us.")})});
  const auto m = laid_out(d);
  const LinkArea* link = nullptr;
  std::size_t links = 0, page = 0;
  for (std::size_t p = 0; p < m.pages.size(); ++p)
    for (const auto& l : m.pages[p].links) ++links, link = &l, page = p;
  REQUIRE(links == 1);
  CHECK(link->uri == "https://riverside.example/book");
  CHECK(link->contents == "our website");
  const auto [rp, run] = find_run(m, "our website");
  REQUIRE(run);
  CHECK(static_cast<std::size_t>(rp) == page);
  CHECK(run_text(*run) == "our website");  // a run of its own, in the accent colour
  CHECK(run->color == shipped_layout("trifold-a4").accent);
  const auto [x0, x1] = extent(*run);
  CHECK(link->rect.x0 == Approx(x0).margin(0.01));
  CHECK(link->rect.x1 == Approx(x1).margin(0.01));
  CHECK(link->rect.y0 < run->y);
  CHECK(link->rect.y1 > run->y + run->size * 0.7);
  // The text around it stays in the text colour.
  const auto [bp, before] = find_run(m, "Book a visit");
  REQUIRE(before);
  CHECK(before->color == Cmyk{0, 0, 0, 1});
}

TEST_CASE("inline_marks: links.print_urls prints the address after a link whose text is not it",
          "[layout][links]") {
  const auto d = document_with({paragraph({span("See "), span("our website", "https://riverside.example"),
                                           span(" and "), span("https://x.example", "https://x.example")})});
  auto t = shipped_layout("trifold-a4");
  {
    auto m = lay_out(d, t, project_fonts());
    REQUIRE(m);
    std::string all;
    for (const auto& p : m->pages)
      for (const auto& r : p.runs) all += run_text(r);
    CHECK(all.find("(https://riverside") == std::string::npos);
  }
  REQUIRE(set_template_key(t, "links.print_urls=true"));
  auto m = lay_out(d, t, project_fonts());
  REQUIRE(m);
  std::string all;  // the address may break over lines (after / - .)
  for (const auto& p : m->pages)
    for (const auto& r : p.runs) all += run_text(r);
  CHECK(all.find("our website (https://riverside.example)") != std::string::npos);
  CHECK(all.find("(https://x.example)") == std::string::npos);  // an autolink shows its address already
}

TEST_CASE("inline_marks: a link broken over two lines is one area with a quad per piece", "[layout][links]") {
  std::vector<leafpress::doc::Span> spans{
      span("A long sentence that runs on so that the link text starts near "
           "the end of the first line and then ")};
  spans.push_back(span("continues well onto the second line of the paragraph", "https://example.org/a"));
  spans.push_back(span(" and ends."));
  const auto m = laid_out(document_with({paragraph(spans)}));
  std::size_t links = 0;
  for (const auto& p : m.pages)
    for (const auto& l : p.links) {
      ++links;
      CHECK(l.quads.size() >= 2);  // one per line the link's text spans (copy-fit picks the size)
      for (const auto& q : l.quads) {
        CHECK(q.x0 >= l.rect.x0);
        CHECK(q.x1 <= l.rect.x1);
      }
    }
  CHECK(links == 1);
}

TEST_CASE("inline_marks: struck text gets a rule through it", "[layout][strike]") {
  auto struck = span("old dose");
  struck.strike = true;
  const auto m = laid_out(document_with({paragraph({span("Take the "), struck, span(" new dose daily.")})}));
  const auto [p, run] = find_run(m, "old dose");
  REQUIRE(run);
  std::size_t found = 0;
  for (const auto& r : m.pages[static_cast<std::size_t>(p)].rules)
    if (r.y0 > run->y && r.y0 < run->y + run->size * 0.5 && r.x1 - r.x0 > 10) {
      ++found;
      // From the first struck glyph to the last, not over the spaces around.
      Pt x0 = 1e9, x1 = -1e9;
      for (const auto& g : run->glyphs) {
        const std::string t = g.text;
        if (t == "o" && x0 > 1e8) x0 = run->x + g.x;
      }
      (void)x1;
      CHECK(r.x0 == Approx(x0).margin(0.01));
    }
  CHECK(found == 1);
}

TEST_CASE("inline_marks: footnote references are superscripts, the notes follow the article",
          "[layout][notes]") {
  auto ref = span("1");
  ref.footnote = 1;
  leafpress::doc::Block note;
  note.kind = leafpress::doc::BlockKind::Footnote;
  note.footnote = 1;
  note.spans = {span("Take it with food.")};
  note.line = 9;
  const auto m =
      laid_out(document_with({paragraph({span("Take one tablet"), ref, span(" each morning.")}), note}));
  const auto [p, body] = find_run(m, "Take one tablet");
  REQUIRE(body);
  // The reference: a run of its own, smaller and raised, right after "tablet".
  const GlyphRun* sup = nullptr;
  for (const auto& r : m.pages[static_cast<std::size_t>(p)].runs)
    if (run_text(r) == "1" && r.y == body->y) sup = &r;
  REQUIRE(sup);
  CHECK(sup->size == Approx(body->size * leafpress::text::kSuperscriptScale));
  CHECK(sup->glyphs[0].y == Approx(body->size * leafpress::text::kSuperscriptRise));
  CHECK(sup->glyphs[0].superscript);
  // The note: after the text, smaller, numbered, under a short rule.
  const auto [np, text] = find_run(m, "Take it with food.");
  REQUIRE(text);
  CHECK(text->size == Approx(body->size * kNoteScale));
  CHECK((np > p || text->y < body->y));
  const auto [mp, number] = find_run(m, "1.");
  REQUIRE(number);
  CHECK(number->y == text->y);
  CHECK(number->x < text->x);
  bool rule = false;
  for (const auto& r : m.pages[static_cast<std::size_t>(np)].rules)
    if (r.y0 > text->y && r.y0 < text->y + 3 * body->size && r.x0 <= number->x + 1) rule = true;
  CHECK(rule);
}

TEST_CASE("inline_marks: task items get a drawn box as their marker, ticked when done", "[layout][tasks]") {
  auto item = [](std::string text, leafpress::doc::Task task) {
    leafpress::doc::Block b = paragraph({span(std::move(text))});
    b.kind = leafpress::doc::BlockKind::ListItem;
    b.depth = 1;
    b.task = task;
    return b;
  };
  const auto m = laid_out(document_with({item("Buy the laxative", leafpress::doc::Task::Done),
                                         item("Stop iron tablets", leafpress::doc::Task::Open)}));
  const auto [p, open] = find_run(m, "Stop iron");
  const auto [q, done] = find_run(m, "Buy the");
  REQUIRE(open);
  REQUIRE(done);
  auto rules_left_of = [&](const GlyphRun& r) {
    std::size_t n = 0;
    for (const auto& rule : m.pages[static_cast<std::size_t>(p)].rules)
      if (rule.x1 <= r.x && rule.x0 > r.x - r.size * 2 && rule.y0 >= r.y - r.size * 0.2 &&
          rule.y0 <= r.y + r.size)
        ++n;
    return n;
  };
  CHECK(rules_left_of(*open) == 4);           // a box
  CHECK(rules_left_of(*done) == 6);           // a box and a tick
  CHECK(find_run(m, "•").second == nullptr);  // no bullet besides the box
}
