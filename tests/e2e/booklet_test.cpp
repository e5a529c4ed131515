// End to end: a 12-page A5 booklet through the leafpress binary, read back with
// poppler. Every reader page carries one marker (the title, a section heading
// forced onto its own page with <!-- new-panel -->, the clinic's phone on the
// back cover), so the imposition order can be read off each half of each sheet.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr int kSections = 10;  // + cover + back cover = 12 reader pages

std::string section_marker(int section) {
  char name[32];
  std::snprintf(name, sizeof name, "Section %02d heading", section);
  return name;
}

// The marker on reader page `page` (1-based).
std::string marker(int page) {
  if (page == 1) return "Living Well with Asthma";
  if (page == kSections + 2) return "555 0100";
  return section_marker(page - 1);
}

std::string booklet_article() {
  std::string a =
      "---\ntitle: Living Well with Asthma\nsubtitle: A booklet for patients\nlang: en\n"
      "clinic:\n  name: Harbour Street Clinic\n  phone: 555 0100\n---\n\n";
  for (int s = 1; s <= kSections; ++s) {
    if (s > 1) a += "<!-- new-panel -->\n";
    a += "## " + section_marker(s) + "\n\n";
    for (int i = 0; i < 3; ++i)
      a += "Breathing exercises help many patients feel calmer and more in control. ";
    a += "\n\n";
  }
  return a;
}

int page_count(const std::string& pdf) {
  std::smatch m;
  const std::string info = run_tool("pdfinfo " + shell_quoted(pdf)).output;
  return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

// The text of one page, or of the part of it from x0 (points) `width` wide.
std::string page_text(const std::string& pdf, int page, double x0 = -1, double width = 0, double height = 0) {
  std::string cmd = "pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page);
  if (x0 >= 0)
    cmd += " -r 72 -x " + std::to_string(static_cast<int>(x0)) + " -y 0 -W " +
           std::to_string(static_cast<int>(width)) + " -H " + std::to_string(static_cast<int>(height));
  return run_tool(cmd + " " + shell_quoted(pdf) + " -").output;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

struct Built {
  TempDir dir;
  std::string imposed, reader;
  Built() {
    const std::string article = write_bytes(dir.path / "asthma.md", booklet_article());
    imposed = (dir.path / "asthma.pdf").string();
    reader = (dir.path / "asthma-pages.pdf").string();
    for (const auto& [out, flags] :
         std::array<std::pair<std::string, std::string>, 2>{{{imposed, ""}, {reader, " --no-impose"}}}) {
      const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " --layout booklet-a5" + flags +
                              " -o " + shell_quoted(out));
      INFO(r.output);
      REQUIRE(r.status == 0);
    }
  }
};

}  // namespace

TEST_CASE("booklet: --no-impose writes the A5 reader pages in reading order", "[e2e]") {
  const Built b;
  REQUIRE(page_count(b.reader) == kSections + 2);
  for (int page = 1; page <= kSections + 2; ++page) {
    INFO("reader page " << page);
    const auto trim = pdf_box(b.reader, page, "TrimBox");
    CHECK(trim[2] - trim[0] == Approx(148 * kMm).margin(0.05));
    CHECK(trim[3] - trim[1] == Approx(210 * kMm).margin(0.05));
    const std::string text = page_text(b.reader, page);
    CHECK(contains(text, marker(page)));
    // No other page's marker: each section really has its page.
    for (int other = 2; other <= kSections + 1; ++other)
      if (other != page) CHECK_FALSE(contains(text, marker(other)));
  }
}

TEST_CASE("booklet: printer spreads on A4 carry the pages in saddle-stitch order", "[e2e]") {
  const Built b;
  // 12 pages: 3 sheets, 6 sides: 12|1, 2|11, 10|3, 4|9, 8|5, 6|7.
  const std::vector<std::pair<int, int>> expected = {{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}};
  REQUIRE(page_count(b.imposed) == static_cast<int>(expected.size()));
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const int side = static_cast<int>(k) + 1;
    INFO("sheet side " << side);
    const auto trim = pdf_box(b.imposed, side, "TrimBox");
    const auto bleed = pdf_box(b.imposed, side, "BleedBox");
    const auto media = pdf_box(b.imposed, side, "MediaBox");
    CHECK(trim[2] - trim[0] == Approx(296 * kMm).margin(0.05));  // two A5 pages: A4 landscape, 296 x 210
    CHECK(trim[3] - trim[1] == Approx(210 * kMm).margin(0.05));
    CHECK(trim[0] - bleed[0] == Approx(3 * kMm).margin(0.05));
    // pdftotext measures from the MediaBox's top-left corner.
    const double spine = (trim[0] + trim[2]) / 2 - media[0];
    const double width = media[2] - media[0], height = media[3] - media[1];
    const std::string left = page_text(b.imposed, side, 0, spine, height);
    const std::string right = page_text(b.imposed, side, spine, width - spine, height);
    INFO("left half:\n" << left << "\nright half:\n" << right);
    CHECK(contains(left, marker(expected[k].first)));
    CHECK(contains(right, marker(expected[k].second)));
    CHECK_FALSE(contains(left, marker(expected[k].second)));
    CHECK_FALSE(contains(right, marker(expected[k].first)));
  }
}

TEST_CASE("booklet: a proof is imposed the same way and says so on every sheet", "[e2e]") {
  TempDir dir;
  const std::string article = write_bytes(dir.path / "asthma.md", booklet_article());
  const std::string pdf = (dir.path / "proof.pdf").string();
  const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " --layout booklet-a5 --proof -o " +
                          shell_quoted(pdf));
  INFO(r.output);
  REQUIRE(r.status == 0);
  REQUIRE(page_count(pdf) == 6);
  for (int side = 1; side <= 6; ++side) {
    const std::string text = page_text(pdf, side);
    CHECK(contains(text, "PROOF \xE2\x80\x94 not for print"));
  }
  CHECK(contains(page_text(pdf, 1), marker(1)));
}
