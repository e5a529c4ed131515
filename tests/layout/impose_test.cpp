// Tests for layout/impose.cpp: the saddle-stitch order as tables, and reader
// pages moved onto printer spreads: content in the right half, bleed cut at the
// spine, marks redrawn for the sheet, bookmarks following their pages.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/units.hpp"
#include "layout/impose.hpp"
#include "layout/marks.hpp"
#include "tests/support/test_support.hpp"

using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::Fill;
using leafpress::layout::GlyphRun;
using leafpress::layout::Image;
using leafpress::layout::impose_saddle_stitch;
using leafpress::layout::Outline;
using leafpress::layout::Page;
using leafpress::layout::PageModel;
using leafpress::layout::Rect;
using leafpress::layout::Rule;
using leafpress::layout::RulePurpose;
using leafpress::layout::saddle_stitch_order;
using leafpress::layout::Template;
using leafpress::test::near;

namespace {

using Spreads = std::vector<std::pair<int, int>>;

// "8|1 2|7 6|3 4|5": 1-based, "-" for a blank.
std::string table(const Spreads& spreads) {
  std::string out;
  auto name = [](int page) { return page < 0 ? std::string("-") : std::to_string(page + 1); };
  for (const auto& [left, right] : spreads) out += (out.empty() ? "" : " ") + name(left) + "|" + name(right);
  return out;
}

const Pt kA5W = mm(148), kA5H = mm(210);

Template booklet_template() {
  Template t;
  t.name = "booklet-test";
  t.path = "booklet-test.yaml";
  t.sheet_width = kA5W;
  t.sheet_height = kA5H;
  return t;
}

// Reader page `n` (0-based): an A5 page with a full-bleed background, one run at the trim's
// left edge + 10 pt whose x encodes the page, a crop mark, and a rule.
Page reader_page(const Template& t, int n) {
  const Pt room = t.mark_offset + t.mark_length + mm(3);
  Page p;
  p.width = kA5W + 2 * room;
  p.height = kA5H + 2 * room;
  p.trim = Rect{room, room, room + kA5W, room + kA5H};
  p.bleed = Rect{room - t.bleed, room - t.bleed, room + kA5W + t.bleed, room + kA5H + t.bleed};
  p.fills.push_back(Fill{p.bleed, {0, 0, 0, 0.1 * n}});
  GlyphRun run;
  run.x = p.trim.x0 + 10;
  run.y = p.trim.y0 + 100 + n;  // the page's number, read back from y
  p.runs.push_back(run);
  p.rules.push_back(Rule{p.trim.x0 + 20,
                         p.trim.y0 + 20,
                         p.trim.x0 + 40,
                         p.trim.y0 + 20,
                         0.5,
                         {},
                         false,
                         RulePurpose::Decoration});
  leafpress::layout::add_crop_marks(p, t.mark_offset, t.mark_length);
  return p;
}

PageModel reader_model(const Template& t, int pages) {
  PageModel m;
  for (int i = 0; i < pages; ++i) {
    m.pages.push_back(reader_page(t, i));
    m.outline.push_back(Outline{"Section " + std::to_string(i + 1), i, 500});
  }
  return m;
}

// Which reader page's run sits in each half of `sheet`: -1 for none.
std::pair<int, int> halves(const Page& sheet) {
  std::pair<int, int> out{-1, -1};
  const Pt spine = sheet.trim.x0 + sheet.trim.width() / 2;
  for (const auto& run : sheet.runs) {
    const int page = static_cast<int>(std::lround(run.y - sheet.trim.y0 - 100));
    (run.x < spine ? out.first : out.second) = page;
    // Always 10 pt right of its own half's left trim.
    CHECK(near(run.x, (run.x < spine ? sheet.trim.x0 : spine) + 10, 1e-6));
  }
  return out;
}

}  // namespace

TEST_CASE("impose: saddle-stitch order for 4, 8 and 12 pages", "[layout]") {
  CHECK(table(saddle_stitch_order(4)) == "4|1 2|3");
  CHECK(table(saddle_stitch_order(8)) == "8|1 2|7 6|3 4|5");
  CHECK(table(saddle_stitch_order(12)) == "12|1 2|11 10|3 4|9 8|5 6|7");
  // Every page exactly once, and each spread's pages add up to P + 1 (1-based): the fold's rule.
  const auto order = saddle_stitch_order(16);
  std::vector<int> seen;
  for (const auto& [l, r] : order) {
    CHECK(l + r + 2 == 17);
    seen.push_back(l);
    seen.push_back(r);
  }
  std::sort(seen.begin(), seen.end());
  for (int i = 0; i < 16; ++i) CHECK(seen[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("impose: page counts are padded to a multiple of 4 with blanks", "[layout]") {
  CHECK(table(saddle_stitch_order(5)) == "-|1 2|- -|3 4|5");
  CHECK(table(saddle_stitch_order(1)) == "-|1 -|-");
  CHECK(table(saddle_stitch_order(6)) == "-|1 2|- 6|3 4|5");
  CHECK(saddle_stitch_order(0).empty());
}

TEST_CASE("impose: each reader page lands in its half of the right sheet side", "[layout]") {
  const Template t = booklet_template();
  auto imposed = impose_saddle_stitch(reader_model(t, 8), t);
  REQUIRE(imposed.has_value());
  const PageModel& m = *imposed;
  REQUIRE(m.pages.size() == 4);
  const Spreads expected = {{7, 0}, {1, 6}, {5, 2}, {3, 4}};
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("sheet side " << k + 1);
    const Page& sheet = m.pages[k];
    CHECK(near(sheet.trim.width(), 2 * kA5W, 1e-6));
    CHECK(near(sheet.trim.height(), kA5H, 1e-6));
    CHECK(near(sheet.bleed.x0, sheet.trim.x0 - t.bleed, 1e-6));
    CHECK(near(sheet.bleed.x1, sheet.trim.x1 + t.bleed, 1e-6));
    CHECK(sheet.width >= sheet.bleed.x1 + t.mark_offset + t.mark_length);
    CHECK(halves(sheet) == expected[k]);
  }
}

TEST_CASE("impose: bleed stays on the sheet's outer edges, cut at the spine", "[layout]") {
  const Template t = booklet_template();
  auto imposed = impose_saddle_stitch(reader_model(t, 4), t);
  REQUIRE(imposed.has_value());
  const Page& sheet = imposed->pages[0];  // 4|1
  const Pt spine = sheet.trim.x0 + kA5W;
  REQUIRE(sheet.fills.size() == 2);
  const Rect& left = sheet.fills[0].rect;  // page 4's background
  const Rect& right = sheet.fills[1].rect;
  CHECK(near(left.x0, sheet.bleed.x0, 1e-6));
  CHECK(near(left.x1, spine, 1e-6));
  CHECK(near(right.x0, spine, 1e-6));
  CHECK(near(right.x1, sheet.bleed.x1, 1e-6));
  CHECK(near(left.y0, sheet.bleed.y0, 1e-6));
  CHECK(near(left.y1, sheet.bleed.y1, 1e-6));
}

TEST_CASE("impose: reader marks are replaced by the sheet's crop marks and a spine fold mark", "[layout]") {
  const Template t = booklet_template();
  auto imposed = impose_saddle_stitch(reader_model(t, 4), t);
  REQUIRE(imposed.has_value());
  const Page& sheet = imposed->pages[1];
  const Pt spine = sheet.trim.x0 + kA5W;
  int crop = 0, fold = 0, decoration = 0;
  for (const auto& r : sheet.rules) {
    if (r.purpose == RulePurpose::CropMark) {
      ++crop;
      // Only at the sheet's corners: none at the spine.
      CHECK((near(r.x0, sheet.trim.x0, 40) || near(r.x0, sheet.trim.x1, 40)));
    }
    if (r.purpose == RulePurpose::FoldMark) {
      ++fold;
      CHECK(near(r.x0, spine, 1e-6));
      CHECK(r.dashed);
      CHECK((r.y0 > sheet.bleed.y1 || r.y0 < sheet.bleed.y0));
    }
    if (r.purpose == RulePurpose::Decoration) ++decoration;
  }
  CHECK(crop == 8);
  CHECK(fold == 2);
  CHECK(decoration == 2);  // each page's own rule, moved
}

TEST_CASE("impose: blanks pad a 5-page booklet to two sheets", "[layout]") {
  const Template t = booklet_template();
  auto imposed = impose_saddle_stitch(reader_model(t, 5), t);
  REQUIRE(imposed.has_value());
  REQUIRE(imposed->pages.size() == 4);
  CHECK(halves(imposed->pages[0]) == std::pair{-1, 0});
  CHECK(halves(imposed->pages[1]) == std::pair{1, -1});
  CHECK(halves(imposed->pages[2]) == std::pair{-1, 2});
  CHECK(halves(imposed->pages[3]) == std::pair{3, 4});
  // A blank half has nothing but the sheet's marks.
  CHECK(imposed->pages[0].fills.size() == 1);
}

TEST_CASE("impose: bookmarks follow their pages to the sheet and half", "[layout]") {
  const Template t = booklet_template();
  const PageModel reader = reader_model(t, 8);
  auto imposed = impose_saddle_stitch(reader, t);
  REQUIRE(imposed.has_value());
  REQUIRE(imposed->outline.size() == 8);
  // Page 1 is the right half of side 1; page 2 the left half of side 2; page 7 the right half of side 2.
  const auto& o = imposed->outline;
  CHECK(o[0].title == "Section 1");
  CHECK(o[0].page == 0);
  CHECK(near(o[0].x, kA5W, 1e-6));
  CHECK(o[1].page == 1);
  CHECK(near(o[1].x, 0, 1e-6));
  CHECK(o[6].page == 1);
  CHECK(near(o[6].x, kA5W, 1e-6));
  CHECK(o[7].page == 0);
  CHECK(near(o[7].x, 0, 1e-6));
  CHECK(near(o[0].y, 500, 1e-6));
}

// A link's clickable area moves with its text (a booklet built as archive or none once had no
// Link annotation at all: imposing dropped them).
TEST_CASE("impose: link areas follow their text to the sheet and half", "[layout]") {
  const Template t = booklet_template();
  PageModel reader = reader_model(t, 8);
  for (int i = 0; i < 8; ++i) {
    auto& page = reader.pages[static_cast<std::size_t>(i)];
    leafpress::layout::LinkArea link;
    link.rect = Rect{page.trim.x0 + 10, page.trim.y0 + 100, page.trim.x0 + 60, page.trim.y0 + 112};
    link.quads = {link.rect};
    link.uri = "https://example.org/" + std::to_string(i + 1);
    page.links.push_back(link);
  }
  auto imposed = impose_saddle_stitch(reader, t);
  REQUIRE(imposed.has_value());
  std::size_t links = 0;
  for (const auto& sheet : imposed->pages) {
    const auto [left, right] = halves(sheet);
    const Pt spine = sheet.trim.x0 + sheet.trim.width() / 2;
    for (const auto& link : sheet.links) {
      ++links;
      const bool on_left = link.rect.x0 < spine;
      INFO(link.uri);
      CHECK(link.uri == "https://example.org/" + std::to_string((on_left ? left : right) + 1));
      CHECK(near(link.rect.x0, (on_left ? sheet.trim.x0 : spine) + 10, 1e-6));
      REQUIRE(link.quads.size() == 1);
      CHECK(near(link.quads[0].x0, link.rect.x0, 1e-6));
      CHECK(near(link.quads[0].y1, link.rect.y1, 1e-6));
    }
  }
  CHECK(links == 8);
}

TEST_CASE("impose: an image bleeding over the spine is cropped there, unscaled", "[layout]") {
  const Template t = booklet_template();
  PageModel reader = reader_model(t, 4);
  auto raster = std::make_shared<leafpress::doc::Raster>();
  raster->width = 100;
  raster->height = 1;
  raster->space = leafpress::doc::ColorSpace::Gray;
  for (int i = 0; i < 100; ++i) raster->pixels.push_back(static_cast<std::uint8_t>(i));
  // Page 1 (right half of side 1): a picture from 20 pt left of its trim, 1 pixel per pt.
  Page& first = reader.pages[0];
  first.images.push_back(
      Image{Rect{first.trim.x0 - 20, first.trim.y0, first.trim.x0 + 80, first.trim.y0 + 1}, raster});
  auto imposed = impose_saddle_stitch(reader, t);
  REQUIRE(imposed.has_value());
  const Page& sheet = imposed->pages[0];
  const Pt spine = sheet.trim.x0 + kA5W;
  REQUIRE(sheet.images.size() == 1);
  const Image& kept = sheet.images[0];
  CHECK(near(kept.rect.x0, spine, 1e-6));
  CHECK(near(kept.rect.x1, spine + 80, 1e-6));
  REQUIRE(kept.raster->width == 80);
  CHECK(kept.raster->pixels.front() == 20);
  CHECK(kept.raster->pixels.back() == 99);
  CHECK(raster->width == 100);  // the reader's raster is shared, never changed
}

TEST_CASE("impose: pages of different sizes are an error naming the layout", "[layout]") {
  const Template t = booklet_template();
  PageModel reader = reader_model(t, 4);
  reader.pages[2].trim.x1 += 10;
  auto imposed = impose_saddle_stitch(reader, t);
  REQUIRE_FALSE(imposed.has_value());
  CHECK(imposed.error().file == t.path);
  CHECK_THAT(imposed.error().message, Catch::Contains("page 3"));
  CHECK_FALSE(imposed.error().hint.empty());
}

TEST_CASE("impose: a proof's guides stop at the spine", "[layout]") {
  const Template t = booklet_template();
  PageModel reader = reader_model(t, 4);
  for (auto& page : reader.pages) {
    const Rect& b = page.bleed;
    page.rules.push_back(Rule{b.x0, b.y1, b.x1, b.y1, 0.3, {0, 1, 0, 0}, false, RulePurpose::Guide});
    page.rules.push_back(Rule{b.x0, b.y0, b.x0, b.y1, 0.3, {0, 1, 0, 0}, false, RulePurpose::Guide});
    page.rules.push_back(Rule{b.x1, b.y0, b.x1, b.y1, 0.3, {0, 1, 0, 0}, false, RulePurpose::Guide});
  }
  auto imposed = impose_saddle_stitch(reader, t);
  REQUIRE(imposed.has_value());
  const Page& sheet = imposed->pages[0];
  const Pt spine = sheet.trim.x0 + kA5W;
  int horizontal = 0, vertical = 0;
  for (const auto& r : sheet.rules) {
    if (r.purpose != RulePurpose::Guide) continue;
    const bool left = std::min(r.x0, r.x1) < spine - 0.01;
    const bool right = std::max(r.x0, r.x1) > spine + 0.01;
    CHECK_FALSE((left && right));  // nothing crosses the spine
    (near(r.y0, r.y1, 1e-9) ? horizontal : vertical) += 1;
  }
  CHECK(horizontal == 2);  // one per page, each cut at the spine
  CHECK(vertical == 2);    // the outer bleed edges; the spine-side ones fall on the other page
}
