// Tests for layout/body_setting.cpp: which setting is kept after the first fit. The fits are
// fakes (a number of pages and a tally of lines for each setting asked for): what is weighed
// here is the choice; copy_fit_test.cpp and the e2e tests have the composing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/body_setting.hpp"
#include "tests/layout/layout_fixtures.hpp"

using namespace leafpress;
using namespace leafpress::layout;

namespace {

// A trial on `sides` pages at `body` pt in a `column`-pt column: one body paragraph of `lines`
// lines, `hyphens` of them ending in an inserted hyphen (never its last), all in one frame of
// 1000 pt, 10 pt a line.
Trial trial(std::size_t sides, Pt body, Pt column, int lines, int hyphens) {
  Trial t;
  t.plan.sides.assign(sides, 0);
  t.collection.body = body;
  t.collection.column = column;
  Collected c;
  c.role = Role::Body;
  c.size = body;
  for (int i = 0; i < lines; ++i) {
    text::Line l;
    l.ratio = 0.5;
    l.hyphenated = i < hyphens;
    c.lines.push_back(l);
  }
  // Set again, the paragraph comes out as it was: the budgets' re-sets change nothing here.
  c.recompose = [same = c.lines](const text::ComposeOptions&) -> Result<text::Paragraph> {
    text::Paragraph p;
    p.lines = same;
    return p;
  };
  t.collection.blocks.push_back(std::move(c));
  t.flowed.placements.emplace_back(static_cast<std::size_t>(lines), Placement{0, 0});
  Frame f;
  f.top = 1000;
  f.bottom = 0;
  t.frames.push_back(f);
  t.flowed.frame_fill.push_back(10.0 * lines);
  return t;
}

// t's text in two frames of 1000 pt on a 50-pt grid (a line is 5 %): `first` pt of the first
// filled, 500 of the second.
Trial in_two_frames(Trial t, Pt first) {
  Frame f;
  f.top = 1000, f.bottom = 0, f.pitch = 50;
  t.frames = {f, f};
  t.flowed.frame_fill = {first, 500};
  return t;
}

struct Fixture {
  doc::Document doc;
  Template t = test::shipped_layout("booklet-a5");
  Scene scene{doc, t, test::project_fonts(), "en-GB", {}};
  FitRange range;
  std::vector<std::string> asked;  // the settings the fits were asked for, in order

  // English words of `word_em` em on average, as layout measures them (styles.hpp).
  explicit Fixture(double word_em) {
    scene.mix.latin_share = 1;
    scene.mix.latin_word_em = word_em;
    range.smallest = 10;
    range.largest = 14;
  }

  static std::string name(const Scene& s, const FitRange& r) {
    std::string n = s.by_measure                         ? "justified"
                    : s.tight_rag && s.ragged_for_budget ? "ragged-tight"
                    : s.tight_rag                        ? "tight"
                    : s.ragged_for_budget                ? "ragged"
                                                         : "as-is";
    if (r.smallest == r.largest) n += "@" + std::to_string(r.smallest).substr(0, 5);
    return n;
  }
};

}  // namespace

TEST_CASE("body_setting: a rag that takes more pages is tightened before the text is justified", "[layout]") {
  // Long words (8 em with their space: ten need 55 em) in a 35-em column: ragged by the word
  // rules, which took an 8-page booklet where 4 would do.
  Fixture f(5.25);
  std::size_t tight_pages = 4;
  const FitScene fit = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
    f.asked.push_back(Fixture::name(s, r));
    if (s.by_measure) return trial(4, 10, 350, 55, 5);
    if (s.tight_rag) return trial(tight_pages, 10, 350, 58, 3);
    return trial(8, 14, 350, 80, 4);
  };
  SECTION("the tight rag fits the 4 pages: it is kept, ragged") {
    tight_pages = 4;
    const BodySetting b = settle_body(f.scene, trial(8, 14, 350, 80, 4), f.range, 350, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"tight"});  // nothing takes fewer than 4
    CHECK(b.scene.tight_rag);
    CHECK_FALSE(b.scene.by_measure);
    CHECK(b.trial.plan.sides.size() == 4);
    CHECK(b.budget.hyphens == 3);
  }
  SECTION("the tight rag needs 8 pages too: justified, on the 4 pages it fitted before") {
    tight_pages = 8;
    const BodySetting b = settle_body(f.scene, trial(8, 14, 350, 80, 4), f.range, 350, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"tight", "justified"});
    CHECK(b.scene.by_measure);
    CHECK_FALSE(b.scene.tight_rag);
    CHECK(b.trial.plan.sides.size() == 4);
  }
}

TEST_CASE("body_setting: an article that keeps its pages and budgets is fitted once", "[layout]") {
  Fixture f(3);  // ordinary words: ten need 32.5 em; a 40-em column is justified
  const FitScene fit = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
    f.asked.push_back(Fixture::name(s, r));
    return trial(4, 10, 400, 40, 0);
  };
  const BodySetting b = settle_body(f.scene, trial(4, 11.5, 400, 40, 4), f.range, 400, 4, fit);
  CHECK(f.asked.empty());
  CHECK(b.trial.collection.body == 11.5);
  CHECK(b.budget.hyphens == 4);
  CHECK(b.budget.within());
}

TEST_CASE("body_setting: a justified article over its budgets is set ragged where that fits and spends less",
          "[layout]") {
  Fixture f(3);
  std::size_t ragged_pages = 4;
  int ragged_hyphens = 2;
  const FitScene fit = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
    f.asked.push_back(Fixture::name(s, r));
    if (s.ragged_for_budget && !s.tight_rag) return trial(ragged_pages, 12, 400, 40, ragged_hyphens);
    if (s.ragged_for_budget) return trial(4, 12, 400, 39, 3);
    return trial(4, r.smallest, 400, 40, 6);  // as it was, at any smaller size
  };
  // 6 hyphenated lines of 40 (4 allowed), and the size cannot go down: the range is one size.
  f.range.largest = f.range.smallest = 12;
  SECTION("ragged within budget on the same pages") {
    const BodySetting b = settle_body(f.scene, trial(4, 12, 400, 40, 6), f.range, 400, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"ragged@12.00"});  // the range is one size
    CHECK(b.scene.ragged_for_budget);
    CHECK(body_align(b.scene, 400, 12) == text::Align::Ragged);
    CHECK(b.budget.hyphens == 2);
  }
  SECTION("the usual rag takes more pages: the tight rag is tried") {
    ragged_pages = 8;
    const BodySetting b = settle_body(f.scene, trial(4, 12, 400, 40, 6), f.range, 400, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"ragged@12.00", "ragged-tight@12.00"});
    CHECK(b.scene.ragged_for_budget);
    CHECK(b.scene.tight_rag);
    CHECK(b.budget.hyphens == 3);
  }
  SECTION("ragged hyphenates more lines: justified stays") {
    ragged_hyphens = 8;
    const BodySetting b = settle_body(f.scene, trial(4, 12, 400, 40, 6), f.range, 400, 4, fit);
    CHECK_FALSE(b.scene.ragged_for_budget);
    CHECK(body_align(b.scene, 400, 12) == text::Align::Justify);
    CHECK(b.budget.hyphens == 6);
  }
  SECTION("a layout that asks for justified text keeps it") {
    f.t.body_align = BodyAlign::Justify;
    const BodySetting b = settle_body(f.scene, trial(4, 12, 400, 40, 6), f.range, 400, 4, fit);
    CHECK(f.asked.empty());
    CHECK_FALSE(b.scene.ragged_for_budget);
  }
}

TEST_CASE("body_setting: over the hyphen budget, the largest size a quarter point down that keeps it",
          "[layout]") {
  Fixture f(5.25);        // ragged by the word rules: the ragged re-set does not apply
  std::vector<int> over;  // sizes, in quarter points, whose setting has too many hyphens
  const FitScene fit = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
    f.asked.push_back(Fixture::name(s, r));
    const int quarter = static_cast<int>(r.smallest * 4 + 0.5);
    if (quarter == 53) return trial(6, r.smallest, 240, 100, 0);  // 13.25 pt: more pages
    const bool too_many = std::find(over.begin(), over.end(), quarter) != over.end();
    return trial(4, r.smallest, 240, 100, too_many ? 14 : 10);
  };
  SECTION("13.75 and 13.5 pt keep too many, 13.25 takes more pages: 13 pt") {
    over = {56, 55, 54};
    const BodySetting b = settle_body(f.scene, trial(4, 14, 240, 105, 14), f.range, 240, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"as-is@13.75", "as-is@13.50", "as-is@13.25", "as-is@13.00"});
    CHECK(b.trial.collection.body == 13);
    CHECK(b.budget.hyphens == 10);
    CHECK(b.budget.within());
  }
  SECTION("no size within 2 pt keeps it: the first fit stays") {
    for (int q = 40; q <= 56; ++q) over.push_back(q);
    const BodySetting b = settle_body(f.scene, trial(4, 14, 240, 105, 14), f.range, 240, 4, fit);
    CHECK(f.asked.size() == kMaxHyphenSizeSteps);
    CHECK(f.asked.back() == "as-is@12.00");
    CHECK(b.trial.collection.body == 14);
    CHECK(b.budget.hyphens == 14);
  }
  SECTION("a size that leaves its last panel less than half as full is passed over") {
    over = {56};
    const FitScene thin = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
      auto t = fit(s, r);
      // Within budget at 13.75 and 13.5 pt, but the text stops at 500 and 700 pt of the frame
      // where it reached 1050 at 14 pt.
      if (t && r.smallest == 13.75) t->flowed.frame_fill[0] = 500;
      if (t && r.smallest == 13.5) t->flowed.frame_fill[0] = 700;  // under three quarters
      return t;
    };
    const BodySetting b = settle_body(f.scene, trial(4, 14, 240, 105, 14), f.range, 240, 4, thin);
    CHECK(f.asked == std::vector<std::string>{"as-is@13.75", "as-is@13.50", "as-is@13.25", "as-is@13.00"});
    CHECK(b.trial.collection.body == 13);
  }
  SECTION("a panel the text filled may end a line shorter, not two") {
    // Two frames on a 50-pt grid (a line is 5 % of 1000 pt): the first full (950 pt), the last
    // holding 500. At 13.75 pt the first ends a line and a half short of 900: passed over; at
    // 13.5 pt, less than a line: taken.
    over = {56};
    const auto two_frames = [](Trial t, Pt first) {
      t = in_two_frames(std::move(t), first);
      t.flowed.placements[0].back().frame = 1;  // the paragraph runs on
      return t;
    };
    const FitScene framed = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
      auto t = fit(s, r);
      if (!t) return t;
      return two_frames(std::move(*t), r.smallest == 13.75 ? 820 : 860);
    };
    const BodySetting b =
        settle_body(f.scene, two_frames(trial(4, 14, 240, 105, 14), 950), f.range, 240, 4, framed);
    CHECK(f.asked == std::vector<std::string>{"as-is@13.75", "as-is@13.50"});
    CHECK(b.trial.collection.body == 13.5);
  }
  // The paragraph ends in the first frame and the next block opens the second. Full at 14 pt
  // (950 pt, counted as 900); at 13.75 pt the first frame stops at 650, at 13.5 pt at 700.
  const auto block_ends = [](Trial t, Pt first, bool heading) {
    t = in_two_frames(std::move(t), first);
    Collected next;  // a heading (kept with its list), or a plain paragraph
    next.role = heading ? Role::Heading : Role::Body;
    next.element.heading_level = heading ? 2 : 0;
    t.collection.blocks.push_back(std::move(next));
    t.flowed.placements.emplace_back(3, Placement{1, 0});
    return t;
  };
  SECTION("a panel whose text ends before a heading may end shorter, to three quarters of its fill") {
    // Before a heading the first frame ends a section, as a page may: 650 is under three
    // quarters of 900, passed over; 700, four lines short, taken.
    over = {56};
    const FitScene framed = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
      auto t = fit(s, r);
      if (!t) return t;
      return block_ends(std::move(*t), r.smallest == 13.75 ? 650 : 700, true);
    };
    const BodySetting b =
        settle_body(f.scene, block_ends(trial(4, 14, 240, 105, 14), 950, true), f.range, 240, 4, framed);
    CHECK(f.asked == std::vector<std::string>{"as-is@13.75", "as-is@13.50"});
    CHECK(b.trial.collection.body == 13.5);
  }
  SECTION("a panel that ends between two paragraphs keeps within a line") {
    over = {56};
    const FitScene framed = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
      auto t = fit(s, r);
      if (!t) return t;
      return block_ends(std::move(*t), 700, false);
    };
    const BodySetting b =
        settle_body(f.scene, block_ends(trial(4, 14, 240, 105, 14), 950, false), f.range, 240, 4, framed);
    CHECK(f.asked.size() == kMaxHyphenSizeSteps);  // every size tried, none taken
    CHECK(b.trial.collection.body == 14);
  }
  SECTION("never under the layout's smallest size") {
    over = {56, 55, 54};
    f.range.smallest = 13.5;
    const BodySetting b = settle_body(f.scene, trial(4, 14, 240, 105, 14), f.range, 240, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"as-is@13.75", "as-is@13.50"});
    CHECK(b.trial.collection.body == 14);
  }
}

TEST_CASE("body_setting: settling a trial takes hyphens off column ends, rations them, then loose lines",
          "[layout]") {
  // 40 lines in two frames: a hyphen on the first frame's last line, and 3 loose lines (2 allowed)
  // that a re-set with a hyphen makes snug.
  Trial t = trial(4, 10, 400, 40, 0);
  Collected& c = t.collection.blocks[0];
  for (int i : {3, 9, 15}) c.lines[static_cast<std::size_t>(i)].ratio = 1.3;
  c.lines[19].hyphenated = true;
  for (std::size_t i = 20; i < 40; ++i) t.flowed.placements[0][i].frame = 1;
  std::vector<text::ComposeOptions> asked;
  c.recompose = [lines = c.lines, &asked](const text::ComposeOptions& o) -> Result<text::Paragraph> {
    asked.push_back(o);
    text::Paragraph p;
    p.lines = lines;
    p.lines[19].hyphenated = false;  // what any re-set with no hyphen there gives
    if (o.fewer_loose_lines) p.lines[3].ratio = 0.8, p.lines[4].hyphenated = true;
    return p;
  };
  const BudgetCount spent = settle_hyphens(t);
  REQUIRE(asked.size() == 2);
  CHECK(asked[0].no_hyphen_lines == std::vector<int>{19});  // the first column ends there
  CHECK(asked[1].fewer_loose_lines);
  CHECK_FALSE(t.collection.blocks[0].lines[19].hyphenated);
  CHECK(spent.loose == 2);
  CHECK(spent.hyphens == 1);
  CHECK(spent.within());
}

TEST_CASE("body_setting: loose lines alone set a justified article ragged, but not much smaller",
          "[layout]") {
  Fixture f(3);
  Pt ragged_size = 11.75;
  const FitScene fit = [&](const Scene& s, const FitRange& r) -> Result<Trial> {
    f.asked.push_back(Fixture::name(s, r));
    if (s.ragged_for_budget && !s.tight_rag) return trial(4, ragged_size, 450, 41, 2);
    if (s.ragged_for_budget) return trial(4, 12, 450, 40, 3);
    return trial(4, r.smallest, 450, 40, 0);
  };
  // A 36-em column (at 12.5 pt) justified; no hyphen, but 3 of 40 lines with spaces past
  // 0.55 em (2 allowed), which no re-set helps.
  Trial first = trial(4, 12.5, 450, 40, 0);
  Collected& c = first.collection.blocks[0];
  for (std::size_t i : {0u, 5u, 9u}) c.lines[i].ratio = 1.3;
  c.recompose = [same = c.lines](const text::ComposeOptions&) -> Result<text::Paragraph> {
    text::Paragraph p;
    p.lines = same;
    return p;
  };
  f.range.smallest = 9;
  SECTION("ragged at 11.75 pt") {
    const BodySetting b = settle_body(f.scene, first, f.range, 450, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"ragged"});
    CHECK(b.scene.ragged_for_budget);
    CHECK(b.trial.collection.body == 11.75);
    CHECK(b.budget.loose == 0);
  }
  SECTION("the usual rag at 10 pt, 2.5 pt smaller: the tight one at 12 pt") {
    ragged_size = 10;
    const BodySetting b = settle_body(f.scene, first, f.range, 450, 4, fit);
    CHECK(f.asked == std::vector<std::string>{"ragged", "ragged-tight"});
    CHECK(b.scene.tight_rag);
    CHECK(b.trial.collection.body == 12);
  }
}
