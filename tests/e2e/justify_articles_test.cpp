// End to end (issue 11): the seed at its default size and at 9 pt, the shipped handouts
// and every article in tests/articles, in three layouts, read back by the independent
// ../shared/tools/pdfcheck. No Latin or Hangul letter-spacing, no ladder of three
// hyphens, no hyphen at the end of a column, panel or page, no kinsoku fault, a quarter
// em beside every unit sign. Skipped where pdfcheck is absent.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <vector>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace {

namespace fs = std::filesystem;

struct Built {
  std::string name;
  std::string report;
};

// Every article × layout (and the seed at 9 pt too), built and measured once.
const std::vector<Built>& built() {
  static const std::vector<Built> all = [] {
    std::vector<Built> out;
    std::vector<std::pair<fs::path, std::string>> jobs;  // article, extra options
    jobs.emplace_back(kSeed, "");
    jobs.emplace_back(kSeed, " --set body.size=9pt");
    for (const auto& dir : {kSource / "content/handouts", kSource / "tests/articles"})
      for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".md") jobs.emplace_back(e.path(), "");
    static TempDir dir;
    for (const auto& [article, extra] : jobs) {
      for (const char* layout : {"trifold-a4", "handout-a4", "bifold-a4"}) {
        const auto pdf = dir.path / "out.pdf";
        const auto build = run_tool(kBinary + " build " + shell_quoted(article) + " --layout " +
                                    shell_quoted(kSource / "layouts" / (std::string(layout) + ".yaml")) +
                                    extra + " -o " + shell_quoted(pdf));
        const std::string name = article.filename().string() + " " + layout + extra;
        if (build.status != 0) {
          out.push_back({name, "build failed: " + build.output});
          continue;
        }
        out.push_back({name, pdfcheck_report(pdf, " --source " + shell_quoted(article))});
      }
    }
    return out;
  }();
  return all;
}

}  // namespace

TEST_CASE("justify articles: no tracking, no hyphen ladders or hyphens at column ends, kinsoku clean",
          "[e2e][text]") {
  if (!pdfcheck_found()) return;
  for (const Built& b : built()) {
    INFO(b.name << "\n" << b.report);
    REQUIRE(b.report.find("build failed") == std::string::npos);
    CHECK(figure(b.report, "latin_tracked_lines") == 0);
    CHECK(figure(b.report, "korean_tracked_lines") == 0);
    CHECK(figure(b.report, "hyphen_ladders") == 0);
    CHECK(figure(b.report, "hyphen_at_column_end") == 0);
    CHECK(figure(b.report, "kinsoku_start") == 0);
    CHECK(figure(b.report, "kinsoku_end") == 0);
    CHECK(figure(b.report, "autospace_unit_tight") == 0);
    // Han spaced past 0.1 em only in the few lines no break could fill (JLReq 3.8.3 c; that they
    // reach the column's edge is cjk_articles_test's). pdfcheck reads a table row as one line
    // and its cells' gaps as spread CJK: the booking form is a table.
    REQUIRE(figure(b.report, "cjk_spread_lines") >= 0);  // -1: pdfcheck left it out
    if (b.name.find("booking") == std::string::npos)
      CHECK(figure(b.report, "cjk_spread_lines") <= figure(b.report, "body_lines") / 10);
    CHECK(figure(b.report, "korean_gap_p95_em") <= 0.50);  // -1 where there is no Korean
    // At most one body line in ten hyphenated.
    // figure() is -1 for a key pdfcheck left out: the bars below must not pass for want of a figure.
    REQUIRE(figure(b.report, "hyphenated_share") >= 0);
    const bool latin =
        b.name.starts_with("en-") || b.name.starts_with("stem-cell") || b.name.starts_with("flu-shot.en");
    if (latin) REQUIRE(figure(b.report, "word_gap_p95_em") > 0);
    CHECK(figure(b.report, "hyphenated_share") <= 0.10);
    // Word gaps (Latin: p95 0.55 em, max 0.80 em): narrow Latin-led columns are set ragged
    // right (layout/styles.hpp), wide ones justified with hyphens weighed first. pdfcheck
    // reads a table row as one line and the gaps between its cells as word gaps; and in a
    // two-column handout, a ragged line that reaches into the gutter pdfcheck finds (it lets
    // two rows cross it) is read together with the line beside it: there only p95 holds.
    const bool table = b.name.find("booking") != std::string::npos;
    const bool two_columns = b.name.find("handout-") != std::string::npos;
    if (!table) CHECK(figure(b.report, "word_gap_p95_em") <= 0.55);
    if (!table && !two_columns) CHECK(figure(b.report, "word_gap_max_em") <= 0.80);
  }
}

// The seed at 9 pt in the layouts built() does not take. In the A5 booklet (37-em lines)
// Knuth–Plass, weighing each paragraph alone, broke words on 10 of 86 lines; the article's
// hyphen budget (layout/hyphen_budget.hpp) sets again the paragraphs where a hyphen bought
// least: 7 of 86, the spaces within the bars.
TEST_CASE("justify articles: the seed at 9 pt keeps to one hyphenated line in ten in every layout",
          "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  for (const char* layout : {"trifold-letter", "zfold-a4", "handout-letter", "booklet-a5"}) {
    const auto pdf = dir.path / "seed.pdf";
    const auto build = run_tool(kBinary + " build " + shell_quoted(kSeed) + " --layout " + layout +
                                " --set body.size=9pt -o " + shell_quoted(pdf));
    INFO(layout << "\n" << build.output);
    REQUIRE(build.status == 0);
    const std::string report = pdfcheck_report(pdf, " --source " + shell_quoted(kSeed));
    INFO(report);
    REQUIRE(figure(report, "hyphenated_share") >= 0);
    CHECK(figure(report, "hyphenated_share") <= 0.10);
    CHECK(figure(report, "hyphen_ladders") == 0);
    CHECK(figure(report, "hyphen_at_column_end") == 0);
    CHECK(figure(report, "latin_tracked_lines") == 0);
    CHECK(figure(report, "word_gap_p95_em") <= 0.55);
    if (std::string(layout) != "handout-letter") CHECK(figure(report, "word_gap_max_em") <= 0.80);
    CHECK(figure(report, "fidelity") >= 0.99);
  }
}

// Two sheets of long medical words (tests/articles/alignment, a reviewer's: 7.4 and 8 letters
// a word against ordinary English's 4.3 to 5.9) in the A5 booklet at 10 pt, a 33-em column.
// Justified there, the cardiothoracic sheet opened its spaces to 0.66 em (p95) and hyphenated a
// quarter of its lines: it has only seven words a line to justify with, so it is set ragged. The
// neuro-oncology sheet set ragged would need an 8-page booklet where justified it fits in 4; with
// a tighter rag it fits the 4 (justified there, 12 of its 55 lines were hyphenated and its spaces
// opened to 0.68 em, p95). A Japanese handout's English (a reviewer's) stays justified, on the
// page it had.
TEST_CASE("justify articles: long words are set ragged in a booklet, but not onto more pages",
          "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  const auto pdf = dir.path / "out.pdf";
  const fs::path articles = kSource / "tests/articles/alignment";
  auto build = run_tool(kBinary + " build " + shell_quoted(articles / "en-gb-cardiothoracic.md") +
                        " --layout booklet-a5 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  std::string report =
      pdfcheck_report(pdf, " --source " + shell_quoted(articles / "en-gb-cardiothoracic.md"));
  INFO(report);
  CHECK(figure(report, "pages") == 2);             // A5 pages on imposed sheets: a 4-page booklet, as before
  CHECK(figure(report, "word_gap_p95_em") < 0.3);  // ragged: every space at its natural width
  CHECK(figure(report, "word_gap_max_em") < 0.3);
  CHECK(figure(report, "hyphenated_share") <= 0.10);  // 0.245 justified; 0.118 before ragged text had a budget
  CHECK(figure(report, "hyphen_ladders") == 0);

  build = run_tool(kBinary + " build " + shell_quoted(articles / "en-gb-neuro-oncology.md") +
                   " --layout booklet-a5 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  CHECK(build.output.find("(2 pages, body 10 pt") != std::string::npos);  // the usual rag: 4 pages at 14 pt
  report = pdfcheck_report(pdf, " --source " + shell_quoted(articles / "en-gb-neuro-oncology.md"));
  INFO(report);
  CHECK(figure(report, "word_gap_p95_em") < 0.3);  // ragged
  CHECK(figure(report, "word_gap_max_em") < 0.3);
  CHECK(figure(report, "hyphenated_share") <= 0.10);  // 0.218 justified
  CHECK(figure(report, "hyphen_ladders") == 0);

  // A Japanese handout with an English paragraph after each Japanese one: the English set
  // ragged took it onto a second side at 13 pt; justified as before, it fits one when asked for
  // one side (pages.max), off the grid at 10 pt (at 9 pt, the smallest, before the size was
  // searched off the grid too). Unasked, it takes the second side rather than that
  // (copy_fit.hpp fewer_sides_min).
  build = run_tool(kBinary + " build " + shell_quoted(articles / "ja-en-cataract.md") +
                   " --layout handout-a4 --set pages.max=1 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  CHECK(build.output.find("(1 page, body 10 pt") != std::string::npos);
  build = run_tool(kBinary + " build " + shell_quoted(articles / "ja-en-cataract.md") +
                   " --layout handout-a4 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  CHECK(build.output.find("(2 pages, body 13 pt") != std::string::npos);
}

// The same two sheets where their hyphens could not be rationed to one line in ten. In the
// tri-folds and the Z-fold, ragged at 14 pt in 17-em panels, the cardiothoracic sheet broke
// 12.4-13.6 % of its lines: it is set a quarter point smaller at a time until it keeps within
// the budget (13.25 pt in the A4 tri-fold). Asked for 9 pt in the bi-fold, whose 41-em panels
// the word rules justify, the neuro-oncology sheet broke 14 % of its lines with spaces to
// 0.58 em (p95): it is set ragged, as its words are too long for that measure.
TEST_CASE("justify articles: over the hyphen budget, a smaller size or a rag", "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  const auto pdf = dir.path / "out.pdf";
  const fs::path articles = kSource / "tests/articles/alignment";
  for (const char* layout : {"trifold-a4", "trifold-letter", "zfold-a4"}) {
    const auto build = run_tool(kBinary + " build " + shell_quoted(articles / "en-gb-cardiothoracic.md") +
                                " --layout " + layout + " -o " + shell_quoted(pdf));
    INFO(layout << "\n" << build.output);
    REQUIRE(build.status == 0);
    const std::string report =
        pdfcheck_report(pdf, " --source " + shell_quoted(articles / "en-gb-cardiothoracic.md"));
    INFO(report);
    CHECK(figure(report, "hyphenated_share") <= 0.10);
    CHECK(figure(report, "body_size_pt") < 14);   // the layout's largest: too many hyphens there
    CHECK(figure(report, "body_size_pt") >= 12);  // at most 2 pt smaller
    CHECK(figure(report, "hyphen_ladders") == 0);
    CHECK(figure(report, "hyphen_at_column_end") == 0);
  }
  const auto build = run_tool(kBinary + " build " + shell_quoted(articles / "en-gb-neuro-oncology.md") +
                              " --layout bifold-a4 --set body.size=9pt -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  const std::string report =
      pdfcheck_report(pdf, " --source " + shell_quoted(articles / "en-gb-neuro-oncology.md"));
  INFO(report);
  CHECK(figure(report, "word_gap_p95_em") < 0.3);  // ragged
  CHECK(figure(report, "hyphenated_share") <= 0.10);
}

// A pharmacology sheet of words like immunosuppressive and posttransplantation, in the A4
// tri-fold: at 12.5 pt, 18 of 117 lines ended in a hyphen. A smaller size fills the panels as
// well but for two that end four lines short before the next section or box, which a page may
// do at a section's end: it is taken (11.75 pt, 10 of 107).
TEST_CASE("justify articles: a smaller size may end a panel short where a section ends", "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  const auto pdf = dir.path / "out.pdf";
  const fs::path article = kSource / "tests/articles/alignment/en-us-pharmacology-dense.md";
  const auto build =
      run_tool(kBinary + " build " + shell_quoted(article) + " --layout trifold-a4 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  const std::string report = pdfcheck_report(pdf, " --source " + shell_quoted(article));
  INFO(report);
  CHECK(figure(report, "hyphenated_share") <= 0.10);
  CHECK(figure(report, "body_size_pt") >= 10.5);  // at most 2 pt under the 12.5 pt copy-fit found
  CHECK(figure(report, "panel_fill_min") >= 0.75);
  CHECK(figure(report, "hyphen_ladders") == 0);
}

// Articles written to attack issue 11 after it was first closed, by three reviewers
// in turn (tests/articles/justify:
// Chinese with drug names, doses and units, Traditional Chinese, Japanese, Korean lists with
// ranges and glosses in brackets, English with long words, addresses and e-mail), each in a
// narrow and a wide layout. They found a line of three characters left before a number, a
// 6.8 em space in a Korean list item, doses parted from their units, names hyphenated,
// Korean titles split between syllables and 10~15 struck through as GFM strikethrough; the
// later ones one character alone on a last line (休 | 診。), particles starting Korean lines,
// titles split inside words, a compound's hyphen across a fold. Then two of a fourth review's
// handouts: English sentences inside a Chinese handout (zh-hans-travel-mixed), justified with
// the Chinese in a 14-em column at 0.67–0.75 em, and an English cataract sheet.
TEST_CASE(
    "justify articles: the attack articles keep every gap under 0.8 em, no tracking, kinsoku or ladders",
    "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  int checked = 0;
  for (const auto& e : fs::directory_iterator(kSource / "tests/articles/justify")) {
    if (e.path().extension() != ".md") continue;
    for (const char* layout : {"trifold-letter", "bifold-a4"}) {
      const auto pdf = dir.path / "out.pdf";
      const auto build = run_tool(kBinary + " build " + shell_quoted(e.path()) + " --layout " +
                                  shell_quoted(kSource / "layouts" / (std::string(layout) + ".yaml")) +
                                  " -o " + shell_quoted(pdf));
      INFO(e.path().filename().string() << " " << layout << "\n" << build.output);
      REQUIRE(build.status == 0);
      const std::string report = pdfcheck_report(pdf, " --source " + shell_quoted(e.path()));
      INFO(report);
      ++checked;
      CHECK(figure(report, "latin_tracked_lines") == 0);
      CHECK(figure(report, "korean_tracked_lines") == 0);
      CHECK(figure(report, "hyphen_ladders") == 0);
      CHECK(figure(report, "hyphen_at_column_end") == 0);
      CHECK(figure(report, "kinsoku_start") == 0);
      CHECK(figure(report, "kinsoku_end") == 0);
      CHECK(figure(report, "hyphenated_share") <= 0.10);
      // A line no break can fill ends short rather than open a space past the tolerance.
      CHECK(figure(report, "word_gap_max_em") <= 0.80);
      CHECK(figure(report, "word_gap_p95_em") <= 0.55);
      // Korean (KLREQ): a space opens to half an em at most; a line no break can fill (a
      // number with its unit in a 15-em column at 14 pt) ends short instead.
      CHECK(figure(report, "korean_gap_p95_em") <= 0.50);
    }
  }
  CHECK(checked == 44);
}

// Front matter `hyphenation:` (as TeX's \hyphenation), through the command line. Set at sizes
// that fit the A4 bifold and handout, the British patterns break the migraine article's drug
// names ("rizat- | riptan", "metoclo- | pramide" or "metoclopram- | ide") somewhere; listed, they
// break only at the author's points (ri-za-trip-tan) or not at all (metoclopramide). Several
// settings, as one setting's line ends move with any change to the flow.
TEST_CASE("justify articles: a word listed under hyphenation breaks only where its author says", "[e2e]") {
  TempDir dir;
  const std::string article = read_bytes(kSource / "tests/articles/justify/en-gb-migraine.md");
  REQUIRE(article.rfind("---\n", 0) == 0);
  const auto line_ends = [&](const std::string& front) {
    const auto md = dir.path / "migraine.md";
    write_bytes(md, "---\n" + front + article.substr(4));
    std::vector<std::string> out;  // every word piece that ends a line with a hyphen
    const std::pair<const char*, const char*> settings[] = {
        {"bifold-a4", "9.5pt"},   {"bifold-a4", "10pt"},   {"bifold-a4", "10.5pt"},
        {"handout-a4", "10.5pt"}, {"handout-a4", "11pt"},  {"handout-a4", "11.5pt"}};
    for (const auto& [layout, size] : settings) {
        const auto pdf = dir.path / "migraine.pdf";
        const auto build = run_tool(kBinary + " build " + shell_quoted(md) + " --layout " + layout +
                                    " --set body.size=" + size + " -o " + shell_quoted(pdf));
        INFO(build.output);
        REQUIRE(build.status == 0);
        // -layout: plain pdftotext joins a line that ends in a hyphen to the next.
        const std::string text = run_tool("pdftotext -layout -enc UTF-8 " + shell_quoted(pdf) + " -").output;
        const std::regex piece("([A-Za-z]+)-[ \t]*(\n|$)");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), piece); it != std::sregex_iterator(); ++it)
          out.push_back((*it)[1]);
      }
    return out;
  };
  // The pieces that start `word` (lower case), e.g. "rizat" of rizatriptan.
  const auto pieces_of = [](const std::vector<std::string>& v, std::string_view word) {
    std::set<std::string> out;
    for (const auto& p : v)
      if (p.size() < word.size() && word.starts_with(p)) out.insert(p);
    return out;
  };
  const auto by_patterns = line_ends("");
  INFO("by the patterns: " << Catch::Detail::stringify(by_patterns));
  // rizatriptan is a drug's name (its INN stem -triptan): the patterns' points are a last resort,
  // not taken at these sizes; metoclopramide is broken by them.
  CHECK(pieces_of(by_patterns, "rizatriptan").empty());
  CHECK_FALSE(pieces_of(by_patterns, "metoclopramide").empty());
  const auto listed = line_ends("hyphenation: [ri-za-trip-tan, metoclopramide]\n");
  INFO("listed: " << Catch::Detail::stringify(listed));
  // Listed, it breaks where its author says, as any word does: the author's list comes first.
  const auto riza = pieces_of(listed, "rizatriptan");
  CHECK_FALSE(riza.empty());
  for (const auto& p : riza) CHECK((p == "riza" || p == "rizatrip"));
  CHECK(pieces_of(listed, "metoclopramide").empty());

  const auto md = dir.path / "bad.md";
  write_bytes(md, "---\nhyphenation: [riza triptan]\n" + article.substr(4));
  const auto bad =
      run_tool(kBinary + " build " + shell_quoted(md) + " -o " + shell_quoted(dir.path / "bad.pdf"));
  CHECK(bad.status == 1);
  CHECK_THAT(bad.output, Catch::Contains("bad.md:2: front matter key `hyphenation`") &&
                             Catch::Contains("\"riza triptan\" has a space"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "bad.pdf"));
}

// styles.body.expansion (off unless set): the seed at 9 pt in the A5 booklet, whose 37-em
// lines the breaker fills with a hyphen on one line in nine, set with ±2 % glyph expansion.
// pdfcheck reads the widened letters at their drawn advance: no tracking; fewer hyphens, no
// wider spaces.
TEST_CASE("justify articles: glyph expansion sets the seed with fewer hyphens and no tracking",
          "[e2e][text]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  const auto report_for = [&](const std::string& extra) {
    const auto pdf = dir.path / "seed.pdf";
    const auto build =
        run_tool(kBinary + " build " + shell_quoted(kSeed) + " --layout booklet-a5 --set body.size=9pt" +
                 extra + " -o " + shell_quoted(pdf));
    INFO(build.output);
    REQUIRE(build.status == 0);
    return pdfcheck_report(pdf, " --source " + shell_quoted(kSeed));
  };
  const std::string off = report_for("");
  const std::string on = report_for(" --set body.expansion=2%");
  INFO("off:\n" << off << "\non:\n" << on);
  REQUIRE(figure(on, "hyphenated_share") >= 0);
  CHECK(figure(on, "latin_tracked_lines") == 0);
  CHECK(figure(on, "hyphenated_share") < figure(off, "hyphenated_share"));
  CHECK(figure(on, "hyphenated_share") <= 0.10);
  CHECK(figure(on, "hyphen_ladders") == 0);
  CHECK(figure(on, "word_gap_p95_em") <= std::max(0.55, figure(off, "word_gap_p95_em")));
  CHECK(figure(on, "word_gap_max_em") <= 0.80);
  CHECK(figure(on, "fidelity") >= 0.99);
  // Asked for where the body is ragged (the seed in the tri-fold), it says it changes nothing.
  const auto ragged = run_tool(kBinary + " build " + shell_quoted(kSeed) + " --set body.expansion=2% -o " +
                               shell_quoted(dir.path / "ragged.pdf"));
  CHECK(ragged.status == 0);
  CHECK_THAT(ragged.output, Catch::Contains("body.expansion changes nothing here") &&
                                Catch::Contains("--set body.align=justify"));
}
