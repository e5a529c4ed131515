// Tests for text/items.cpp: a paragraph's items made once (plan_items) and given widths at
// another size (build_items(plan, in)) are the items build_items makes at that size, bit for
// bit, on every paragraph of every article we have, at copy-fit's sizes, with and without a
// line width that splits long words.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "tests/support/test_support.hpp"
#include "text/break_opportunities.hpp"
#include "text/hyphenate.hpp"
#include "text/itemize.hpp"
#include "text/items.hpp"
#include "text/shape.hpp"

using leafpress::Pt;
using leafpress::test::installed_fonts;
using namespace leafpress::text;

namespace {

bool same_glyphs(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].face != b[i].face || a[i].glyph != b[i].glyph || a[i].cluster != b[i].cluster ||
        a[i].advance != b[i].advance || a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset ||
        a[i].unsafe_to_break != b[i].unsafe_to_break || a[i].emphasis_mark != b[i].emphasis_mark)
      return false;
  return true;
}

// Where the first item differs, or -1.
long first_difference(const Items& a, const Items& b) {
  const std::size_t n = std::min(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < n; ++i)
    if (!(a.items[i] == b.items[i])) return static_cast<long>(i);
  return a.items.size() == b.items.size() ? -1 : static_cast<long>(n);
}

// Hyphenation points of every ASCII word (the articles' own rules are paragraph.cpp's; here
// they only have to give the items hyphen breaks to scale).
std::vector<std::uint8_t> hyphen_map(std::string_view text) {
  std::vector<std::uint8_t> map(text.size() + 1, 0);
  for (std::size_t i = 0; i < text.size();) {
    auto letter = [&](std::size_t at) { return std::isalpha(static_cast<unsigned char>(text[at])) != 0; };
    if (!letter(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && letter(j)) ++j;
    for (std::size_t p : hyphenation_points(text.substr(i, j - i), "en")) map[i + p] = 1;
    i = j;
  }
  return map;
}

}  // namespace

TEST_CASE("items: the items of a plan at any size are build_items' at that size, on every article",
          "[text]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const char* dir : {"content", "content/handouts", "tests/articles", "tests/articles/gfm",
                          "tests/articles/unseen", "tests/articles/justify"})
    for (const auto& e : fs::directory_iterator(fs::path(LEAFPRESS_SOURCE_DIR) / dir))
      if (e.path().extension() == ".md") files.push_back(e.path());
  REQUIRE(files.size() >= 20);
  std::size_t compared = 0, held = 0, not_held = 0, hyphens = 0, marks = 0, ties = 0;
  for (const auto& file : files) {
    auto document = leafpress::doc::load_document(file.string());
    REQUIRE(document.has_value());
    for (const auto& block : document->blocks) {
      std::string text = block.plain_text();
      if (text.empty()) continue;
      ParagraphStyle style;
      style.lang = document->meta.lang.empty() ? "en" : document->meta.lang;
      auto itemized = itemize(text, {}, style, installed_fonts());
      REQUIRE(itemized.has_value());
      auto breaks = find_break_opportunities(text, style.lang, LineBreakStrictness::Normal);
      // An address's breaks (kUrlBreak) after every '/' of the text, as paragraph.cpp marks URLs.
      // and on the first character of an address after a space (the space's break, which may end
      // the line short).
      for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '/' ||
            (text[i] == ' ' && (text.compare(i + 1, 4, "http") == 0 || text.compare(i + 1, 4, "www.") == 0)))
          breaks[i + 1] = kUrlBreak;
      const auto hyphen_points = hyphen_map(text);
      const auto shaped = shaped_in_font_units(text, itemized->runs, style.lang);
      const bool zh_hant = regional_cjk_family("CJK", style.lang) == "CJK TC";
      const auto input = [&](const std::vector<ShapedGlyph>& glyphs, Pt size, Pt max_box_width) {
        return ItemInput{.text = text,
                         .classes = itemized->classes,
                         .breaks = breaks,
                         .hyphens = hyphen_points,
                         .glyphs = glyphs,
                         .em = size,
                         .centered_stops = zh_hant,
                         .max_box_width = max_box_width};
      };
      const auto at_plan = scaled(*shaped, itemized->runs, 10);
      const ItemPlan plan = plan_items(input(at_plan, 10, 0));
      for (const Pt size : {7.0, 8.25, 9.0, 9.75, 10.0, 12.5, 14.0})
        for (const Pt max_box_width : {0.0, 60.0, 150.0}) {
          const auto glyphs = scaled(*shaped, itemized->runs, size);
          const ItemInput in = input(glyphs, size, max_box_width);
          const Items direct = build_items(in);
          const Items planned = build_items(plan, in);
          INFO(file.filename().string() << " line " << block.line << " at " << size << " pt, max box "
                                        << max_box_width << ": " << text);
          CHECK(first_difference(direct, planned) == -1);
          CHECK(same_glyphs(direct.glyphs, planned.glyphs));
          CHECK(same_glyphs(direct.hyphens, planned.hyphens));
          const auto from_plan = items_at(plan, in);
          if (from_plan) {
            ++held;
            CHECK(first_difference(direct, *from_plan) == -1);
          } else {
            ++not_held;
          }
          hyphens += direct.hyphens.size();
          for (const Item& item : direct.items) {
            if (const auto* box = std::get_if<Box>(&item); box && box->shift < 0) ++marks;
            if (const auto* glue = std::get_if<Glue>(&item); glue && glue->kind == GlueKind::Tie) ++ties;
          }
          ++compared;
        }
    }
  }
  INFO(compared << " compared, " << held << " from the plan, " << not_held << " built again, " << hyphens
                << " hyphen breaks, " << marks << " opening marks, " << ties << " ties");
  CHECK(compared > 5000);
  CHECK(held > compared * 9 / 10);  // the plan serves almost every size
  CHECK(not_held > 0);              // and a 60 pt line splitting a word is seen and built again
  CHECK(hyphens > 1000);
  CHECK(marks > 100);
  CHECK(ties > 0);
}

TEST_CASE("items: a plan made with other breaks or hyphen costs is not used", "[text]") {
  const std::string text = "Wash your hands before meals.";
  ParagraphStyle style;
  auto itemized = itemize(text, {}, style, installed_fonts());
  REQUIRE(itemized.has_value());
  const auto breaks = find_break_opportunities(text, "en", LineBreakStrictness::Normal);
  const std::vector<std::uint8_t> hyphens(text.size() + 1, 0);
  const auto glyphs = shape(text, itemized->runs, "en", 9);
  ItemInput in{.text = text,
               .classes = itemized->classes,
               .breaks = breaks,
               .hyphens = hyphens,
               .glyphs = glyphs,
               .em = 9};
  const ItemPlan plan = plan_items(in);
  CHECK(items_at(plan, in).has_value());
  in.hyphen_penalty = 50;
  CHECK_FALSE(items_at(plan, in).has_value());
  CHECK(items_at(ItemPlan{}, in) == std::nullopt);
}
