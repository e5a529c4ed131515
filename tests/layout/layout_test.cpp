// Tests for layout/layout.cpp: small articles on the shipped tri-fold, with the
// real fonts, checked as geometry: boxes, marks, where the text goes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "doc/document.hpp"
#include "layout/layout.hpp"
#include "layout/template.hpp"
#include "tests/layout/layout_fixtures.hpp"
#include "tests/support/test_support.hpp"
#include "text/font_set.hpp"

using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::GlyphRun;
using leafpress::layout::Page;
using leafpress::layout::PageModel;
using leafpress::layout::Rect;
using leafpress::layout::Rule;
using leafpress::layout::RulePurpose;
using leafpress::layout::Template;
using leafpress::test::near;
using leafpress::test::project_fonts;
using leafpress::test::trifold_a4;

namespace {

const std::string kEnglish = R"(# Caring for Your Knees

Your knees carry you through every day: walking, climbing stairs, getting up from a chair. A little
care keeps them working well for decades, and most of it costs nothing but a few minutes.

## Warming up

Before a walk or a game, spend five minutes moving gently. March on the spot, swing each leg and bend
the knees slowly. Warm muscles protect the joint better than cold ones.

- Walk briskly for two minutes.
- Bend and straighten each knee ten times.
- Stretch the front and the back of the thigh.

## When to see a doctor

See your doctor when a knee is swollen, hot or red, when it gives way under you, or when pain wakes
you at night. Bring a list of your medicines and tell us when the pain started.
)";

const std::string kChinese = R"(---
title: 造血干细胞移植
subtitle: 患者须知
lang: zh-Hans
author: 示例诊所
---

## 什么是造血干细胞

造血干细胞存在于骨髓中，能够生成各种血细胞，包括红细胞、白细胞和血小板。移植前，医生会详细评估您的身体状况，并解释治疗的过程和可能的风险。

## 移植之后

移植后的几周内，您的免疫力较低，请注意洗手，避免去人多的地方。如果出现发热、出血或呼吸困难，请立即联系医院。
)";

leafpress::doc::Document parse(const std::string& text, const std::string& path = "article.md") {
  auto d = leafpress::doc::parse_document(text, path);
  if (!d) FAIL(d.error().describe());
  return std::move(d).value();
}

leafpress::Result<PageModel> lay_out(const std::string& text, const std::string& path = "article.md") {
  return leafpress::layout::lay_out(parse(text, path), trifold_a4(), project_fonts());
}

PageModel must_lay_out(const std::string& text) {
  auto m = lay_out(text);
  if (!m) FAIL(m.error().describe());
  return std::move(m).value();
}

std::string text_of(const GlyphRun& run) {
  std::string s;
  for (const auto& g : run.glyphs) s += g.text;
  return s;
}

// The horizontal extent of a run's glyphs, by their advances.
std::pair<Pt, Pt> x_extent(const GlyphRun& run) {
  Pt lo = 1e9, hi = -1e9;
  for (const auto& g : run.glyphs) {
    lo = std::min(lo, run.x + g.x);
    hi = std::max(hi, run.x + g.x + std::max<Pt>(g.advance, 0));
  }
  return {lo, hi};
}

// The vertical extent, by each glyph's face ascender and descender.
std::pair<Pt, Pt> y_extent(const GlyphRun& run) {
  Pt lo = 1e9, hi = -1e9;
  for (const auto& g : run.glyphs) {
    REQUIRE(g.face != nullptr);
    lo = std::min(lo, run.y + g.y + run.size * g.face->descender);
    hi = std::max(hi, run.y + g.y + run.size * g.face->ascender);
  }
  return {lo, hi};
}

// Fold positions from the trim's left edge, per side, for the tri-fold.
std::vector<Pt> folds(std::size_t page) {
  return page == 0 ? std::vector<Pt>{mm(97), mm(197)} : std::vector<Pt>{mm(100), mm(200)};
}

// A segment (with its line width) lies wholly on one side outside the rectangle.
bool outside(const Rule& r, const Rect& box) {
  const Pt half = r.width / 2;
  return std::max(r.x0, r.x1) + half < box.x0 || std::min(r.x0, r.x1) - half > box.x1 ||
         std::max(r.y0, r.y1) + half < box.y0 || std::min(r.y0, r.y1) - half > box.y1;
}

std::string describe(const Rule& r) {
  std::ostringstream out;
  out << "rule (" << r.x0 << ", " << r.y0 << ") - (" << r.x1 << ", " << r.y1 << ")";
  return out.str();
}

std::vector<Rule> rules_for(const Page& page, RulePurpose purpose) {
  std::vector<Rule> out;
  for (const auto& r : page.rules)
    if (r.purpose == purpose) out.push_back(r);
  return out;
}

// A long article: `paragraphs` paragraphs of some 90 words, a section every ten.
std::string long_article(int paragraphs) {
  std::string s = "# A Very Long Leaflet\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    if (i % 10 == 0) s += "## Section " + std::to_string(i / 10 + 1) + "\n\n";
    for (int k = 0; k < 6; ++k)
      s += "Regular exercise strengthens the muscles around the joint and keeps the cartilage healthy. ";
    s += "\n\n";
  }
  return s;
}

}  // namespace

TEST_CASE("layout: a tri-fold has two pages with A4 trim, 3 mm bleed and room for marks", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  REQUIRE(m.pages.size() == 2);
  for (std::size_t i = 0; i < m.pages.size(); ++i) {
    INFO("page " << i);
    const Page& p = m.pages[i];
    CHECK(near(p.trim.width(), mm(297)));
    CHECK(near(p.trim.height(), mm(210)));
    CHECK(near(p.trim.x0 - p.bleed.x0, mm(3)));
    CHECK(near(p.trim.y0 - p.bleed.y0, mm(3)));
    CHECK(near(p.bleed.x1 - p.trim.x1, mm(3)));
    CHECK(near(p.bleed.y1 - p.trim.y1, mm(3)));
    // MediaBox [0 0 width height] ⊇ bleed ⊇ trim, with room for the marks.
    CHECK(p.bleed.x0 >= 0);
    CHECK(p.bleed.y0 >= 0);
    CHECK(p.bleed.x1 <= p.width);
    CHECK(p.bleed.y1 <= p.height);
    CHECK(p.trim.x0 >= mm(4) + mm(6));
    CHECK(p.width - p.trim.x1 >= mm(4) + mm(6));
    CHECK(p.trim.y0 >= mm(4) + mm(6));
    CHECK(p.height - p.trim.y1 >= mm(4) + mm(6));
  }
  CHECK(m.pages[0].trim == m.pages[1].trim);
  CHECK(m.title == "Caring for Your Knees");
  CHECK(m.body_size == 14);  // a short article: copy-fit takes the largest size of the range
}

TEST_CASE("layout: crop marks sit at the trim corners, outside the bleed", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  REQUIRE(m.pages.size() == 2);
  for (std::size_t i = 0; i < m.pages.size(); ++i) {
    const Page& p = m.pages[i];
    const auto crops = rules_for(p, RulePurpose::CropMark);
    INFO("page " << i);
    CHECK(crops.size() == 8);  // two at each corner
    for (const Rule& r : crops) {
      INFO(describe(r));
      CHECK(outside(r, p.bleed));
      CHECK_FALSE(r.dashed);
      // On the extension of a trim edge, and inside the MediaBox.
      const bool horizontal = near(r.y0, r.y1);
      const bool vertical = near(r.x0, r.x1);
      CHECK(horizontal != vertical);
      if (horizontal) CHECK((near(r.y0, p.trim.y0) || near(r.y0, p.trim.y1)));
      if (vertical) CHECK((near(r.x0, p.trim.x0) || near(r.x0, p.trim.x1)));
      CHECK(near(std::hypot(r.x1 - r.x0, r.y1 - r.y0), mm(6)));
      CHECK(std::min(r.x0, r.x1) >= 0);
      CHECK(std::max(r.x0, r.x1) <= p.width);
      CHECK(std::min(r.y0, r.y1) >= 0);
      CHECK(std::max(r.y0, r.y1) <= p.height);
    }
  }
}

TEST_CASE("layout: fold marks at the panel joins, outside the trim and bleed", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  REQUIRE(m.pages.size() == 2);
  for (std::size_t i = 0; i < m.pages.size(); ++i) {
    const Page& p = m.pages[i];
    INFO("page " << i);
    const auto marks = rules_for(p, RulePurpose::FoldMark);
    CHECK(marks.size() == 4);  // above and below each of two folds
    std::multiset<long> at;    // positions in 1/1000 mm from the trim's left edge
    for (const Rule& r : marks) {
      INFO(describe(r));
      CHECK(near(r.x0, r.x1));
      CHECK(outside(r, p.trim));
      CHECK(outside(r, p.bleed));
      at.insert(std::lround(leafpress::to_mm(r.x0 - p.trim.x0) * 1000));
    }
    const auto want = folds(i);
    const std::multiset<long> expected{
        std::lround(leafpress::to_mm(want[0]) * 1000), std::lround(leafpress::to_mm(want[0]) * 1000),
        std::lround(leafpress::to_mm(want[1]) * 1000), std::lround(leafpress::to_mm(want[1]) * 1000)};
    CHECK(at == expected);
  }
}

// The cover title's size: the largest on the cover's page.
static leafpress::Pt cover_title_size(const PageModel& m) {
  leafpress::Pt size = 0;
  for (const GlyphRun& run : m.pages.at(0).runs) size = std::max(size, run.size);
  return size;
}

TEST_CASE("layout: the title is set on the front panel", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  REQUIRE(m.pages.size() == 2);
  const Template& t = trifold_a4();
  // The title's size: the layout's, or a few points less where that sets it better (cover.cpp).
  const leafpress::Pt title_size = cover_title_size(m);
  CHECK(title_size >= t.title_size * 0.75);
  std::string title;
  for (std::size_t i = 0; i < m.pages.size(); ++i)
    for (const GlyphRun& run : m.pages[i].runs) {
      if (run.size != title_size) continue;
      INFO("page " << i << ": '" << text_of(run) << "'");
      CHECK(i == 0);
      const auto [lo, hi] = x_extent(run);
      const Rect& trim = m.pages[i].trim;
      CHECK(lo >= trim.x0 + mm(197) + t.safe_margin);
      CHECK(hi <= trim.x1 - t.safe_margin);
      // White on the accent band, which lies under it.
      CHECK(run.color == (leafpress::layout::Cmyk{0, 0, 0, 0}));
      bool on_band = false;
      for (const auto& f : m.pages[i].fills)
        on_band = on_band || (f.color == t.accent && f.rect.x0 <= lo && f.rect.x1 >= hi &&
                              f.rect.y0 < run.y && f.rect.y1 > run.y + run.size * 0.7);
      CHECK(on_band);
      title += (title.empty() ? "" : " ") + text_of(run);
    }
  CHECK(title == "Caring for Your Knees");
}

TEST_CASE("layout: body text stays inside the trim and clear of the folds", "[layout]") {
  const Template& t = trifold_a4();
  for (const std::string* article : {&kEnglish, &kChinese}) {
    const PageModel m = must_lay_out(*article);
    REQUIRE(m.pages.size() == 2);
    std::size_t runs = 0;
    for (std::size_t i = 0; i < m.pages.size(); ++i) {
      const Page& p = m.pages[i];
      for (const GlyphRun& run : p.runs) {
        if (run.glyphs.empty()) continue;
        ++runs;
        INFO("page " << i << ": '" << text_of(run) << "' at " << run.x << ", " << run.y);
        const auto [left, right] = x_extent(run);
        const auto [bottom, top] = y_extent(run);
        CHECK(left >= p.trim.x0 + t.safe_margin);
        CHECK(right <= p.trim.x1 - t.safe_margin);
        CHECK(bottom >= p.trim.y0 + t.safe_margin);
        CHECK(top <= p.trim.y1 - t.safe_margin);
        for (const Pt fold : folds(i)) {
          const Pt x = p.trim.x0 + fold;
          INFO("fold at " << leafpress::to_mm(fold) << " mm");
          CHECK((right <= x - t.safe_margin || left >= x + t.safe_margin));
        }
      }
    }
    CHECK(runs > 10);
  }
}

TEST_CASE("layout: the body starts in the first flow panel and is black", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  REQUIRE(m.pages.size() == 2);
  const Template& t = trifold_a4();
  // The flow starts on inside-1: the inside (page 1), left panel.
  bool found = false;
  for (const GlyphRun& run : m.pages[1].runs)
    if (text_of(run).find("Your knees carry") != std::string::npos) {
      found = true;
      CHECK(run.x < m.pages[1].trim.x0 + mm(100));
      CHECK(run.color == t.text_color);
      CHECK(run.size == t.body_size);
    }
  CHECK(found);
}

TEST_CASE("layout: the first # Title heading is not repeated in the body", "[layout]") {
  const PageModel m = must_lay_out(kEnglish);
  const leafpress::Pt title_size = cover_title_size(m);
  for (std::size_t i = 0; i < m.pages.size(); ++i)
    for (const GlyphRun& run : m.pages[i].runs) {
      if (run.size == title_size) continue;  // the cover title itself
      // The back's signature (no clinic, no author: the title) at the foot of the back panel.
      if (i == 0 && run.y < m.pages[i].trim.y0 + leafpress::mm(30)) continue;
      INFO("page " << i << ": '" << text_of(run) << "'");
      CHECK(text_of(run).find("Caring") == std::string::npos);
      CHECK(text_of(run).find("Knees") == std::string::npos);
    }
  for (const auto& o : m.outline) CHECK(o.title != "Caring for Your Knees");
  std::vector<std::string> outline;
  for (const auto& o : m.outline) outline.push_back(o.title);
  CHECK(outline == std::vector<std::string>{"Warming up", "When to see a doctor"});
}

TEST_CASE("layout: a # heading that is not the title stays in the body", "[layout]") {
  const std::string text = "---\ntitle: Knee Care\n---\n\n# Before you start\n\nA short paragraph of text.\n";
  const PageModel m = must_lay_out(text);
  bool found = false;
  for (const auto& page : m.pages)
    for (const GlyphRun& run : page.runs)
      if (text_of(run).find("Before") != std::string::npos) found = true;
  CHECK(found);
}

// Only an article that opens with its title leaves that heading to the cover: a later section
// that happens to share the title's words (however its quotes are typed) keeps its heading.
TEST_CASE("layout: a later # heading that repeats the title stays in the body", "[layout]") {
  const std::string text =
      "---\ntitle: Your child's fever\n---\n\n# Before you call us\n\nA short paragraph.\n\n"
      "# Your child’s fever\n\nWhat the numbers mean.\n";
  const PageModel m = must_lay_out(text);
  std::vector<std::string> outline;
  for (const auto& o : m.outline) outline.push_back(o.title);
  CHECK(outline == std::vector<std::string>{"Before you call us", "Your child’s fever"});
}

TEST_CASE("layout: a Chinese article keeps its title and subtitle on the cover", "[layout]") {
  const PageModel m = must_lay_out(kChinese);
  const Template& t = trifold_a4();
  CHECK(m.lang == "zh-Hans");
  std::string title, subtitle;
  for (const GlyphRun& run : m.pages.at(0).runs) {
    const auto [lo, hi] = x_extent(run);
    if (lo < m.pages[0].trim.x0 + mm(197)) continue;  // not on the front panel
    if (run.size == t.title_size) title += text_of(run);
    if (run.size == t.subtitle_size) subtitle += text_of(run);
  }
  CHECK(title == "造血干细胞移植");
  CHECK(subtitle == "患者须知");
}

TEST_CASE("layout: an article that does not fit is an error naming the section", "[layout]") {
  const std::string text = long_article(40);
  auto m = lay_out(text, "long.md");
  REQUIRE_FALSE(m.has_value());
  const auto& e = m.error();
  INFO(e.describe());
  CHECK(e.file == "long.md");
  CHECK_THAT(e.message, Catch::Contains("does not fit"));
  CHECK_THAT(e.message, Catch::Contains("trifold-a4"));
  CHECK_THAT(e.message, Catch::Matches(".*section 'Section [1-4]'.*"));
  CHECK_THAT(e.message, Catch::Matches(".*[1-9][0-9]* lines are left over.*"));
  CHECK_THAT(e.hint, Catch::Contains("--set body.size="));
  // The line points into the article, at a paragraph of the section it names.
  REQUIRE(e.line > 0);
  std::istringstream lines(text);
  std::string line, section;
  for (int n = 1; n <= e.line && std::getline(lines, line); ++n)
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
  CHECK_THAT(e.message, Catch::Contains("section '" + section + "'"));
}

TEST_CASE("layout: a short article fits where a long one does not", "[layout]") {
  CHECK(lay_out(long_article(4)).has_value());
  CHECK_FALSE(lay_out(long_article(40)).has_value());
}

TEST_CASE("layout: a booklet's reader pages come in fours, imposed, two to a sheet side", "[layout]") {
  const auto t = leafpress::test::shipped_layout("booklet-a5");
  const std::string text = long_article(12);
  leafpress::layout::LayoutOptions reader;
  reader.impose = false;
  auto pages = leafpress::test::lay_out_text(text, t, "a.md", reader);
  if (!pages) FAIL(pages.error().describe());
  CHECK(pages->pages.size() % 4 == 0);
  CHECK(pages->pages.size() >= 4);
  CHECK(pages->pages[0].trim.width() == Approx(mm(148)));
  auto sheets = leafpress::test::lay_out_text(text, t, "a.md");
  if (!sheets) FAIL(sheets.error().describe());
  CHECK(sheets->pages.size() * 2 == pages->pages.size());
  CHECK(sheets->pages[0].trim.width() == Approx(mm(296)));
}

TEST_CASE("layout: a booklet longer than kMaxPages is an error", "[layout]") {
  auto m = leafpress::test::lay_out_text(long_article(700), leafpress::test::shipped_layout("booklet-a5"));
  REQUIRE_FALSE(m.has_value());
  CHECK_THAT(m.error().message, Catch::Contains("64 pages"));
  CHECK_THAT(m.error().message, Catch::Contains("section 'Section"));
}

TEST_CASE("layout: --proof marks the model as a proof", "[layout]") {
  leafpress::layout::LayoutOptions proof;
  proof.proof = true;
  auto m = leafpress::test::lay_out_text(kEnglish, trifold_a4(), "a.md", proof);
  if (!m) FAIL(m.error().describe());
  CHECK(m->proof);
  auto plain = lay_out(kEnglish);
  REQUIRE(plain.has_value());
  CHECK_FALSE(plain->proof);
}

TEST_CASE("layout: a text column narrower than six body ems is an error naming the layout", "[layout]") {
  auto t = leafpress::test::shipped_layout("trifold-a4");
  const auto margin = t.margin_side;
  t.margin_side = mm(44);  // a 100 mm panel keeps a 12 mm column: less than 6 em at 9 pt (19 mm)
  const auto m = leafpress::test::lay_out_text("# T\n\nA paragraph.\n", t);
  REQUIRE_FALSE(m.has_value());
  CHECK(m.error().file == t.path);
  CHECK_THAT(m.error().message, Catch::Contains("too narrow"));
  CHECK_FALSE(m.error().hint.empty());
  t.margin_side = margin;
  CHECK(leafpress::test::lay_out_text("# T\n\nA paragraph.\n", t).has_value());
}
