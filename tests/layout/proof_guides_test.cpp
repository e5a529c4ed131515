// Tests for layout/proof_guides.cpp: the guides --proof draws over a leaflet,
// checked as geometry on the shipped tri-fold: trim, bleed, safe area, panels,
// folds, the baseline grid where the body's baselines are, and the label.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "layout/layout.hpp"
#include "layout/proof_guides.hpp"
#include "layout/template.hpp"
#include "tests/layout/layout_fixtures.hpp"
#include "tests/support/test_support.hpp"

using leafpress::Pt;
using leafpress::layout::add_proof_guides;
using leafpress::layout::Page;
using leafpress::layout::PageModel;
using leafpress::layout::Rule;
using leafpress::layout::RulePurpose;
using leafpress::layout::Template;
using leafpress::test::near;
using leafpress::test::project_fonts;
using leafpress::test::trifold_a4;

namespace {

PageModel laid_out() {
  auto doc = leafpress::doc::parse_document(
      "---\ntitle: Knees\n---\n\nYour knees carry you through every day: walking, climbing stairs, getting "
      "up "
      "from a chair. A little care keeps them working well for decades.\n\n## Warming up\n\nBefore a walk, "
      "spend five minutes moving gently. March on "
      "the spot, swing each leg and bend the knees slowly.\n\nWarm muscles protect the joint.\n",
      "knees.md");
  if (!doc) FAIL(doc.error().describe());
  auto m = leafpress::layout::lay_out(*doc, trifold_a4(), project_fonts());
  if (!m) FAIL(m.error().describe());
  return std::move(m).value();
}

std::vector<Rule> guides(const Page& page) {
  std::vector<Rule> out;
  for (const auto& r : page.rules)
    if (r.purpose == RulePurpose::Guide) out.push_back(r);
  return out;
}

bool has_horizontal(const std::vector<Rule>& rules, Pt y, Pt x0, Pt x1) {
  return std::any_of(rules.begin(), rules.end(), [&](const Rule& r) {
    return near(r.y0, y, 0.01) && near(r.y1, y, 0.01) && std::min(r.x0, r.x1) <= x0 + 0.01 &&
           std::max(r.x0, r.x1) >= x1 - 0.01;
  });
}

bool has_vertical(const std::vector<Rule>& rules, Pt x, bool dashed) {
  return std::any_of(rules.begin(), rules.end(), [&](const Rule& r) {
    return near(r.x0, x, 0.01) && near(r.x1, x, 0.01) && r.dashed == dashed;
  });
}

}  // namespace

TEST_CASE("proof_guides: trim, bleed and safe area on every page, and the model is a proof", "[layout]") {
  PageModel m = laid_out();
  const std::size_t rules_before = m.pages[0].rules.size();
  CHECK_FALSE(m.proof);
  REQUIRE(add_proof_guides(m, trifold_a4(), project_fonts()).has_value());
  CHECK(m.proof);
  CHECK(m.pages[0].rules.size() > rules_before);
  const Pt safe = trifold_a4().safe_margin;
  for (const Page& page : m.pages) {
    const auto g = guides(page);
    CHECK(has_horizontal(g, page.trim.y1, page.trim.x0, page.trim.x1));
    CHECK(has_horizontal(g, page.trim.y0, page.trim.x0, page.trim.x1));
    CHECK(has_horizontal(g, page.bleed.y1, page.bleed.x0, page.bleed.x1));
    CHECK(has_horizontal(g, page.trim.y1 - safe, page.trim.x0 + safe, page.trim.x1 - safe));
    CHECK(has_vertical(g, page.bleed.x0, false));
    CHECK(has_vertical(g, page.trim.x1, false));
    for (const auto& r : g) CHECK(r.width <= 0.3);
    // Guides never move the job: the runs that were there are still there.
  }
}

TEST_CASE("proof_guides: folds are dashed, with the safe area either side", "[layout]") {
  PageModel m = laid_out();
  REQUIRE(add_proof_guides(m, trifold_a4(), project_fonts()).has_value());
  const Template& t = trifold_a4();
  for (std::size_t s = 0; s < 2; ++s) {
    const Page& page = m.pages[s];
    const auto g = guides(page);
    for (std::size_t i = 1; i < t.sides[s].panels.size(); ++i) {
      const Pt fold = page.trim.x0 + t.sides[s].panels[i].x;
      INFO("side " << s << " fold " << i);
      CHECK(has_vertical(g, fold, true));
      CHECK(has_vertical(g, fold - t.safe_margin, false));
      CHECK(has_vertical(g, fold + t.safe_margin, false));
    }
    // No dashed guide anywhere but at a fold.
    std::size_t dashed = 0;
    for (const auto& r : g) dashed += r.dashed ? 1 : 0;
    CHECK(dashed == t.sides[s].panels.size() - 1);
  }
}

TEST_CASE("proof_guides: the baseline grid runs through the body's baselines", "[layout]") {
  PageModel m = laid_out();
  // The body's baselines on the inside (the first flow panels): every run of body size.
  std::set<long> body_baselines;
  for (const auto& run : m.pages[1].runs)
    if (near(run.size, m.body_size, 1e-6)) body_baselines.insert(std::lround(run.y * 100));
  REQUIRE(body_baselines.size() >= 3);
  REQUIRE(add_proof_guides(m, trifold_a4(), project_fonts()).has_value());
  std::set<long> grid;
  for (const auto& r : guides(m.pages[1]))
    if (near(r.y0, r.y1, 1e-9) && r.width < 0.2) grid.insert(std::lround(r.y0 * 100));
  // Every body line sits on the grid (panel_flow snaps them to it), the first exactly.
  CHECK(grid.count(*body_baselines.rbegin()) == 1);
  for (const long y : body_baselines) {
    INFO(y / 100.0);
    CHECK(grid.count(y) == 1);
  }
  // Evenly spaced by the pitch copy-fit chose.
  REQUIRE(grid.size() > 10);
  REQUIRE(m.line_pitch > 0);
  const Pt step = m.line_pitch;
  auto it = grid.rbegin();
  const long first = *it++;
  CHECK(near((first - *it) / 100.0, step, 0.02));
}

TEST_CASE("proof_guides: the label says proof, above the trim and outside the bleed", "[layout]") {
  PageModel m = laid_out();
  std::vector<std::size_t> runs_before;
  for (const auto& p : m.pages) runs_before.push_back(p.runs.size());
  REQUIRE(add_proof_guides(m, trifold_a4(), project_fonts()).has_value());
  for (std::size_t i = 0; i < m.pages.size(); ++i) {
    const Page& page = m.pages[i];
    REQUIRE(page.runs.size() == runs_before[i] + 1);
    const auto& label = page.runs.back();
    std::string text;
    for (const auto& g : label.glyphs) text += g.text;
    CHECK(text == "PROOF \xE2\x80\x94 not for print");
    CHECK(label.y > page.bleed.y1);
    CHECK(label.y + label.size < page.height);
    CHECK(label.x > page.trim.x0);
    CHECK_FALSE(label.color == leafpress::layout::Cmyk{});  // not the job's black
  }
}

TEST_CASE("proof_guides: pages beyond the template's sides repeat its last side", "[layout]") {
  PageModel m = laid_out();
  m.pages.push_back(m.pages[1]);
  m.pages.back().rules.clear();
  REQUIRE(add_proof_guides(m, trifold_a4(), project_fonts()).has_value());
  CHECK(guides(m.pages[2]).size() == guides(m.pages[1]).size());
}
