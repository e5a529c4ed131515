// Tests for layout/folios.cpp and the keep and fit rules seen on a whole PageModel:
// folios, where a booklet's padding goes, call-out boxes kept whole, pages.max.
#include <catch2/catch.hpp>

#include <set>

#include "tests/layout/layout_fixtures.hpp"

using leafpress::mm;
using leafpress::test::lay_out_text;
using leafpress::test::run_text;
using leafpress::test::shipped_layout;

namespace {

std::string paragraphs(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "Regular exercise strengthens the muscles around the joint and keeps the cartilage healthy. "
         "Walk, swim or cycle for half an hour on most days of the week.\n\n";
  return s;
}

leafpress::layout::LayoutOptions reader_pages() {
  leafpress::layout::LayoutOptions o;
  o.impose = false;
  return o;
}

}  // namespace

TEST_CASE("folios: every reader page of a booklet but the covers has its number at the foot", "[layout]") {
  auto m = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(40), shipped_layout("booklet-a5"), "a.md",
                        reader_pages());
  if (!m) FAIL(m.error().describe());
  const std::size_t n = m->pages.size();
  REQUIRE(n >= 4);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& page = m->pages[i];
    bool folio = false;
    for (const auto& r : page.runs)
      if (run_text(r) == std::to_string(i + 1) && r.y < page.trim.y0 + mm(16)) {
        folio = true;
        // Running furniture: a Pagination artifact (ISO 32000-1 14.8.2.2.2), not text to read.
        CHECK(r.tag.element == leafpress::layout::kArtifact);
        CHECK(r.tag.artifact == leafpress::layout::ArtifactKind::Pagination);
        // The outside corner: right on odd pages, left on even ones.
        if ((i + 1) % 2 == 1)
          CHECK(r.x > page.trim.x0 + page.trim.width() / 2);
        else
          CHECK(r.x < page.trim.x0 + page.trim.width() / 2);
      }
    INFO("page " << i + 1);
    CHECK(folio == (i != 0 && i + 1 != n));
  }
}

TEST_CASE("folios: a booklet's padding pages come after the text, before the back cover", "[layout]") {
  auto t = shipped_layout("booklet-a5");
  t.body_size = t.body_size_min = 10;  // a fixed size, so the text cannot grow to fill the pages
  for (const int n : {12, 20, 28, 36}) {
    auto m = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(n), t, "a.md", reader_pages());
    if (!m) FAIL(m.error().describe());
    INFO(n << " paragraphs, " << m->pages.size() << " pages");
    // Pages with body text form one run from page 2; what follows until the back cover is notes.
    std::vector<bool> text(m->pages.size(), false);
    for (std::size_t i = 0; i < m->pages.size(); ++i)
      for (const auto& r : m->pages[i].runs)
        text[i] = text[i] || run_text(r).find("exercise") != std::string::npos;
    std::size_t last = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i]) last = i;
    for (std::size_t i = 1; i <= last; ++i) CHECK(text[i]);
    for (std::size_t i = last + 1; i + 1 < m->pages.size(); ++i) {
      bool notes = false;
      for (const auto& r : m->pages[i].runs) notes = notes || run_text(r) == "Notes";
      CHECK(notes);
    }
  }
}

TEST_CASE("keep: a call-out box never splits across a fold", "[layout]") {
  const std::string quote =
      "> A call-out box of several lines that must stay in one panel: the reader should never have to "
      "turn the leaflet over in the middle of it. It goes on for a while so that it takes four or five lines "
      "in the column of a tri-fold panel at any size copy-fit may choose.\n\n";
  auto t = shipped_layout("trifold-a4");
  t.body_size = t.body_size_min = 10;
  for (int before = 4; before <= 14; ++before) {
    auto m = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(before) + quote + paragraphs(4), t);
    if (!m) FAIL(m.error().describe());
    INFO(before << " paragraphs before the box");
    std::size_t boxes = 0;
    for (const auto& page : m->pages)
      for (const auto& f : page.fills) boxes += f.color == t.quote_tint ? 1 : 0;
    CHECK(boxes == 1);
  }
}

TEST_CASE("fit: pages.max=1 fits a handout on one side, or says it cannot", "[layout]") {
  auto t = shipped_layout("handout-a4");
  REQUIRE(leafpress::layout::set_template_key(t, "pages.max=1").has_value());
  auto m = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(30), t);
  if (!m) FAIL(m.error().describe());
  CHECK(m->pages.size() == 1);
  auto two = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(30), shipped_layout("handout-a4"));
  if (!two) FAIL(two.error().describe());
  CHECK(m->body_size <= two->body_size);  // shrunk to fit
  auto too_long = lay_out_text("---\ntitle: Knees\n---\n\n" + paragraphs(120), t);
  REQUIRE_FALSE(too_long.has_value());
  CHECK(too_long.error().message.find("pages.max") != std::string::npos);
  CHECK_FALSE(leafpress::layout::set_template_key(t, "pages.max=0").has_value());
}
