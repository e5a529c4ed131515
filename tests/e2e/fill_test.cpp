// End to end: the finished look, read back from the PDFs by the independent
// ../shared/tools/pdfcheck (panels, empty panels, fill, baseline register) and
// pdftotext (folios). Every shipped layout with the seed and the test articles.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

TEST_CASE("fill: every shipped layout keeps one baseline grid, and a short text says so", "[e2e]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  for (const auto& name : shipped_layouts())
    for (const auto& article : articles()) {
      DYNAMIC_SECTION(name << " × " << article.filename().string()) {
        const std::string pdf = (dir.path / (name + ".pdf")).string();
        const auto build = run_tool(kBinary + " build " + shell_quoted(article) + " -l " + name + " -o " +
                                    shell_quoted(pdf));
        INFO(build.output);
        REQUIRE(build.status == 0);
        const auto report = pdfcheck(pdf);
        INFO(report.dump());
        // Body lines of neighbouring panels and columns on one grid (0: in register, 0.5: worst).
        if (!report["baseline_offset_max"].is_null())
          CHECK(report["baseline_offset_max"].get<double>() <= 0.05);
        // An empty flow panel only with the warning that says how full the leaflet is.
        const bool warned = build.output.find(" panels at ") != std::string::npos ||
                            build.output.find(" pages at ") != std::string::npos;
        if (name.rfind("handout", 0) != 0 && report["empty_panels"].get<int>() > 0) CHECK(warned);
        if (warned)
          CHECK(std::regex_search(
              build.output,
              std::regex("warning: .*: fills \\d of \\d (panels|inside pages) at [\\d.]+ pt; a handout "
                         "\\(--layout handout-(a4|letter)\\) suits a text this short")));
      }
    }
}

TEST_CASE("fill: an article of 3,000 letters or more fills every flow panel of a tri-fold and a Z-fold",
          "[e2e]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  for (const std::string& name :
       {std::string("trifold-a4"), std::string("trifold-letter"), std::string("zfold-a4")})
    for (const fs::path& article : {kSeed, kSource / "tests/articles/en-knees.md"}) {
      DYNAMIC_SECTION(name << " × " << article.filename().string()) {
        const std::string pdf = (dir.path / (name + ".pdf")).string();
        const auto build = run_tool(kBinary + " build " + shell_quoted(article) + " -l " + name + " -o " +
                                    shell_quoted(pdf));
        INFO(build.output);
        REQUIRE(build.status == 0);
        CHECK(build.output.find("warning") == std::string::npos);
        const auto report = pdfcheck(pdf);
        INFO(report.dump());
        CHECK(report["panels"].get<int>() == 6);
        CHECK(report["empty_panels"].get<int>() == 0);
        CHECK(report["panel_fill_min"].get<double>() >= 0.7);
        CHECK(report["panel_fill_median"].get<double>() >= 0.9);
      }
    }
}

TEST_CASE("fill: a booklet's reader pages show their folios, the covers none", "[e2e]") {
  TempDir dir;
  const std::string pdf = (dir.path / "booklet.pdf").string();
  const auto build = run_tool(kBinary + " build " + shell_quoted(kSeed) + " -l booklet-a5 --no-impose -o " +
                              shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  const int pages =
      std::stoi(std::regex_replace(build.output, std::regex("(.|\\n)*\\((\\d+) pages(.|\\n)*"), "$2"));
  REQUIRE(pages >= 4);
  for (int p = 1; p <= pages; ++p) {
    const auto text = run_tool("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " " +
                               shell_quoted(pdf) + " -")
                          .output;
    INFO("page " << p << ":\n" << text);
    const bool folio = std::regex_search(text, std::regex("(^|\\n)" + std::to_string(p) + "\\s*(\\n|$)"));
    CHECK(folio == (p != 1 && p != pages));
  }
}
