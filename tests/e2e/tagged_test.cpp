// End to end: tagged PDF (issue 14). Real articles built as archive and none, read back by tools
// that know nothing of leafpress: poppler's `pdfinfo -struct-text` (the tag tree in tree order),
// qpdf (every MCID of every page in the ParentTree, every text operator tagged or an artifact) and
// ../shared/tools/pdfcheck --standard ua / archive (PDF/UA-1 and PDF/A-2 requirements, reading-order
// fidelity of the tag tree against the article). pdfcheck parts are skipped where it is absent.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/layout/layout_fixtures.hpp"
#include "tests/support/e2e_support.hpp"
#include "tests/support/tagged_pdf.hpp"

using namespace leafpress::test;

namespace {

std::string build(const std::filesystem::path& article, const std::filesystem::path& pdf,
                  const std::string& layout, const std::string& standard) {
  const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " --layout " + layout +
                          " --standard " + standard + " -o " + shell_quoted(pdf));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return r.output;
}

// Where `needle` first appears in `lines` joined (-1: nowhere).
long position(const std::vector<std::string>& lines, const std::string& needle) {
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  const auto at = all.find(needle);
  return at == std::string::npos ? -1 : static_cast<long>(at);
}

void check_pdfcheck(const std::filesystem::path& pdf, const std::filesystem::path& article,
                    const std::string& standard) {
  if (!pdfcheck_found()) return;
  const auto ua = pdfcheck_report(pdf, " --source " + shell_quoted(article) + " --standard ua");
  INFO(ua);
  CHECK(ua.find("tagged: true") != std::string::npos);
  CHECK(figure(ua, "untagged_content") == 0);
  CHECK(figure(ua, "figures_without_alt") == 0);
  CHECK(figure(ua, "heading_levels_skip") == 0);
  CHECK(figure(ua, "struct_reading_order_fidelity") >= 0.98);
  CHECK(std::regex_search(ua, std::regex(R"(standard: \{"checked": \d+, "failed": \[\]\})")));
  if (standard != "archive") return;
  const auto a = pdfcheck_report(pdf, " --standard archive");
  INFO(a);
  CHECK(std::regex_search(a, std::regex(R"(standard: \{"checked": \d+, "failed": \[\]\})")));
}

}  // namespace

TEST_CASE("tagged: the seed tri-fold's tag tree reads in article order, though its pages are in print order",
          "[e2e][pdf]") {
  TempDir dir;
  const auto article = kSeed;
  const std::vector<std::string> headings = {"干细胞治疗",          "Understanding Autoimmune",
                                             "The Promise of Stem", "How Stem Cells Work",
                                             "Types of Stem Cell",  "The Future of Stem"};
  for (const std::string standard : {"archive", "none"}) {
    DYNAMIC_SECTION(standard) {
      const auto pdf = dir.path / (standard + ".pdf");
      build(article, pdf, "trifold-a4", standard);
      const auto tree = struct_text(pdf.string());
      INFO(run_tool("pdfinfo -struct-text " + shell_quoted(pdf)).output);
      REQUIRE_FALSE(tree.empty());
      CHECK(tree.front().rfind("干细胞治疗", 0) == 0);  // the cover title first
      for (std::size_t i = 0; i + 1 < headings.size(); ++i) {
        INFO(headings[i] << " before " << headings[i + 1]);
        CHECK(position(tree, headings[i]) >= 0);
        CHECK(position(tree, headings[i]) < position(tree, headings[i + 1]));
      }
      // The premise: in page order the last section (on the outside flap, page 1) comes before the first.
      const auto page_order = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
      CHECK(page_order.find("The Future of Stem") < page_order.find("Understanding Autoimmune"));

      const auto mc = read_marked_content(pdf.string());
      CHECK(mc.pages == 2);
      CHECK(mc.text_ops > 100);
      CHECK(mc.untagged_text_ops == 0);
      CHECK(mc.mcids > 100);
      CHECK(mc.mcids_not_in_parent_tree == 0);
      CHECK(mc.mcids_repeated == 0);
      CHECK(mc.artifacts > 0);
      CHECK(mc.struct_parents_on_every_page);
      CHECK(mc.tabs_s_on_every_page);
      check_pdfcheck(pdf, article, standard);

      const auto xmp = run_tool("pdfinfo -meta " + shell_quoted(pdf)).output;
      CHECK_THAT(xmp, Catch::Contains("<pdfuaid:part>1</pdfuaid:part>"));
      CHECK_THAT(xmp, Catch::Contains("<dc:title>"));
    }
  }
}

TEST_CASE("tagged: cover first, clinic block last, figures with alt text, in every layout", "[e2e][pdf]") {
  TempDir dir;
  leafpress::test::write_bytes(dir.path / "steps.png", leafpress::test::tiny_png());
  leafpress::test::write_bytes(dir.path / "logo.png", leafpress::test::tiny_png());
  const auto article = dir.path / "hands.md";
  leafpress::test::write_bytes(
      article,
      "---\ntitle: Clean Hands\nsubtitle: A guide for patients\nlang: en\n"
      "clinic:\n  name: Riverside Clinic\n  address: 12 River Road, Easton\n  phone: +1 555 0100\n"
      "  url: https://riverside.example\n  logo: logo.png\n---\n\n"
      "Hands carry germs everywhere: door handles, phones and keyboards.\n\n"
      "## When to wash\n\nBefore eating and after the toilet, always.\n\n"
      "- before you cook\n- after you cough\n  - into your elbow\n\n"
      "> Twenty seconds is the time it takes to hum a short song twice.\n\n"
      "### How to wash\n\n![Rub palms, backs and between the fingers](steps.png)\n\n"
      "Dry your hands on a clean towel. 洗手 means washing hands in Chinese.\n");
  for (const std::string layout : {"trifold-a4", "zfold-a4", "bifold-a4", "handout-a4", "booklet-a5"}) {
    for (const std::string standard : {"archive", "none"}) {
      DYNAMIC_SECTION(layout << " " << standard) {
        const auto pdf = dir.path / (layout + "-" + standard + ".pdf");
        build(article, pdf, layout, standard);
        const auto tree = struct_text(pdf.string());
        const auto raw = run_tool("pdfinfo -struct-text " + shell_quoted(pdf)).output;
        INFO(raw);
        REQUIRE(tree.size() > 5);
        CHECK(tree.front() == "Clean Hands");
        // The clinic block last: its url (the last text), then the url's QR code (a Figure, no text).
        std::string last_text;
        for (const auto& line : tree)
          if (!line.empty()) last_text = line;
        CHECK(last_text.ends_with("https://riverside.example"));
        CHECK_THAT(raw, Catch::Contains("QR code: https://riverside.example") || Catch::Contains("Figure"));
        CHECK(position(tree, "Hands carry") < position(tree, "Dry your hands"));
        CHECK(position(tree, "Dry your hands") < position(tree, "12 River Road"));
        CHECK_THAT(raw, Catch::Contains("Figure"));
        // The Chinese word: a Span with its language.
        const auto objects =
            run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " -").output;
        CHECK_THAT(objects, Catch::Contains("/S /Span"));
        // Text strings: plain ASCII as a literal, anything else as UTF-16BE (pdf/text_string.hpp).
        CHECK_THAT(objects, Catch::Contains("/Lang (zh)"));
        CHECK_THAT(objects, Catch::Contains("/Alt (") || Catch::Contains("/Alt <feff"));
        const auto mc = read_marked_content(pdf.string());
        CHECK(mc.untagged_text_ops == 0);
        CHECK(mc.mcids_not_in_parent_tree == 0);
        check_pdfcheck(pdf, article, standard);
      }
    }
  }
}
