// End to end: the seed article through the leafpress binary, read back with poppler and qpdf.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace {

// pdftotext's text with line-end hyphens joined and white space folded.
std::string flowing_text(const std::string& pdf) {
  std::string t = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
  t = std::regex_replace(t, std::regex("-\\n"), "");
  t = std::regex_replace(t, std::regex("\\s+"), " ");
  return t;
}

constexpr double kMm = 72.0 / 25.4;

}  // namespace

TEST_CASE("seed leaflet: builds, reads back with poppler and qpdf", "[e2e]") {
  TempDir dir;
  const std::string pdf = (dir.path / "seed.pdf").string();
  const auto build = run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  REQUIRE(std::filesystem::exists(pdf));
  // The size copy-fit chose, in its quarter points: "body 10.75 pt", never rounded to "11".
  CHECK(std::regex_search(
      build.output, std::regex(R"(wrote .*seed\.pdf \(2 pages, body (9|1[0-2])(\.25|\.5|\.75)? pt, )")));

  SECTION("qpdf finds no damage") {
    const auto check = run_tool("qpdf --check " + shell_quoted(pdf));
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
  }
  SECTION("two pages, text comes back") {
    const auto info = run_tool("pdfinfo " + shell_quoted(pdf)).output;
    CHECK(std::regex_search(info, std::regex("Pages:\\s+2\\n")));
    const std::string text = flowing_text(pdf);
    CHECK(text.find("造血干细胞") != std::string::npos);
    CHECK(text.find("hematopoietic reconstitution") != std::string::npos);
    CHECK(text.find("Best Autoimmune Breakthrough") != std::string::npos);
  }
  SECTION("every font embedded, subset, with ToUnicode") {
    const auto fonts = run_tool("pdffonts " + shell_quoted(pdf)).output;
    std::istringstream lines(fonts);
    std::string line;
    int rows = 0;
    std::getline(lines, line);
    std::getline(lines, line);  // header and rule
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      ++rows;
      INFO(line);
      CHECK(std::regex_search(line, std::regex("yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$")));
      CHECK(std::regex_search(line, std::regex("^[A-Z]{6}\\+")));
    }
    CHECK(rows >= 4);  // serif, serif bold, sans bold, CJK serif, CJK sans...
  }
  SECTION("TrimBox is A4 landscape, BleedBox 3 mm outside it, on both pages") {
    for (int page : {1, 2}) {
      const auto trim = pdf_box(pdf, page, "TrimBox");
      const auto bleed = pdf_box(pdf, page, "BleedBox");
      const auto media = pdf_box(pdf, page, "MediaBox");
      CHECK(trim[2] - trim[0] == Approx(297 * kMm).margin(0.05));
      CHECK(trim[3] - trim[1] == Approx(210 * kMm).margin(0.05));
      CHECK(trim[0] - bleed[0] == Approx(3 * kMm).margin(0.05));
      CHECK(bleed[3] - trim[3] == Approx(3 * kMm).margin(0.05));
      CHECK(media[0] <= bleed[0]);
      CHECK(media[2] >= bleed[2] + 6 * kMm);  // room for the marks
    }
  }
}

TEST_CASE("seed leaflet: two runs of the program write identical bytes", "[e2e]") {
  // Separate processes: nothing may depend on memory addresses, the clock or thread timing.
  TempDir dir;
  const auto a = dir.path / "a.pdf", b = dir.path / "b.pdf";
  REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(a)).status == 0);
  REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(b) + " -j 2").status ==
          0);
  CHECK(run_tool("cmp " + shell_quoted(a) + " " + shell_quoted(b)).status == 0);
}

TEST_CASE("cli: bad inputs give one clear line and no PDF", "[e2e][cli]") {
  TempDir dir;
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir.path / name, std::ios::binary) << bytes;
    return (dir.path / name).string();
  };
  const auto out = dir.path / "out";

  SECTION("a missing file") {
    const auto r = run_tool(kBinary + " build " + shell_quoted(dir.path / "nope.md") + " --out-dir " +
                            shell_quoted(out));
    CHECK(r.status == 1);
    CHECK(r.output.find("nope.md") != std::string::npos);
    CHECK(r.output.find("no such file") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "nope.pdf"));
  }
  SECTION("invalid UTF-8 names the line") {
    const auto f = write("latin1.md", "# Title\n\nline two\n\ncaf\xe9\n");
    const auto r = run_tool(kBinary + " build " + shell_quoted(f) + " --out-dir " + shell_quoted(out));
    CHECK(r.status == 1);
    CHECK(r.output.find("latin1.md:5") != std::string::npos);
    CHECK(r.output.find("UTF-8") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "latin1.pdf"));
  }
  SECTION("bad front matter names the line") {
    const auto f = write("fm.md", "---\ntitle: [unclosed\n---\n\nText.\n");
    const auto r = run_tool(kBinary + " build " + shell_quoted(f) + " --out-dir " + shell_quoted(out));
    CHECK(r.status == 1);
    CHECK(r.output.find("fm.md:") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "fm.pdf"));
  }
  SECTION("an unknown layout lists the known ones") {
    const auto f = write("ok.md", "# Title\n\nText.\n");
    const auto r =
        run_tool(kBinary + " build " + shell_quoted(f) + " --layout nosuch --out-dir " + shell_quoted(out));
    CHECK(r.status == 2);  // the command line's fault: a usage error, before anything is built
    CHECK(r.output.find("unknown layout 'nosuch'") != std::string::npos);
    CHECK(r.output.find("trifold-a4") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "ok.pdf"));
  }
  SECTION("one bad input does not stop the others") {
    const auto good =
        write("good.md", "---\ntitle: Hand washing\nlang: en\n---\n\nWash your hands for twenty seconds.\n");
    const auto bad = write("bad.md", "\xff\xfe");
    const auto r = run_tool(kBinary + " build " + shell_quoted(bad) + " " + shell_quoted(good) +
                            " --out-dir " + shell_quoted(out));
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(std::filesystem::exists(out / "good.pdf"));
    CHECK(!std::filesystem::exists(out / "bad.pdf"));
    CHECK(r.output.find("1 built, 1 failed") != std::string::npos);
  }
  SECTION("an article too long for the layout says where and by how much") {
    std::string text = "---\ntitle: Long\n---\n\n## Section one\n\n";
    for (int i = 0; i < 80; ++i)
      text += "This paragraph repeats to overflow every panel of the leaflet. " +
              std::string(200, 'a').replace(0, 200,
                                            "Words words words words words words words words words words.") +
              "\n\n";
    const auto f = write("long.md", text);
    const auto r = run_tool(kBinary + " build " + shell_quoted(f) + " --out-dir " + shell_quoted(out));
    CHECK(r.status == 1);
    CHECK(r.output.find("does not fit") != std::string::npos);
    CHECK(r.output.find("lines are left over") != std::string::npos);
    CHECK(r.output.find("Section one") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "long.pdf"));
  }
  SECTION("two articles that would write one PDF are refused before anything is built") {
    std::filesystem::create_directories(dir.path / "a");
    std::filesystem::create_directories(dir.path / "b");
    const auto a = write("a/x.md", "# A\n\nText.\n");
    const auto b = write("b/x.md", "# B\n\nText.\n");
    const auto r = run_tool(kBinary + " build " + shell_quoted(a) + " " + shell_quoted(b) + " --out-dir " +
                            shell_quoted(out));
    CHECK(r.status == 2);
    CHECK(r.output.find("would both write") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "x.pdf"));
  }
  SECTION("a title too long for the cover is an error") {
    std::string title;
    for (int i = 0; i < 60; ++i) title += "Word ";
    const auto f = write("title.md", "---\ntitle: " + title + "\n---\n\nText.\n");
    const auto r = run_tool(kBinary + " build " + shell_quoted(f) + " --out-dir " + shell_quoted(out));
    CHECK(r.status == 1);
    CHECK(r.output.find("too long for the cover") != std::string::npos);
    CHECK(!std::filesystem::exists(out / "title.pdf"));
  }
  SECTION("lists nested 30 deep stay inside the trim") {
    std::string text = "# Deep\n\n";
    for (int i = 0; i < 30; ++i)
      text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level " + std::to_string(i) +
              " of a deeply nested list\n";
    const auto f = write("deep.md", text);
    const auto r = run_tool(kBinary + " build " + shell_quoted(f) + " --out-dir " + shell_quoted(out));
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Every character's box from pdftotext -bbox lies inside the trim.
    const auto trim = pdf_box((out / "deep.pdf").string(), 1, "TrimBox");
    const auto bbox = run_tool("pdftotext -bbox " + shell_quoted(out / "deep.pdf") + " -").output;
    std::smatch m;
    const std::regex word("xMax=\"([-\\d.]+)\"");
    for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word); it != std::sregex_iterator(); ++it)
      CHECK(std::stod((*it)[1]) <= trim[2] + 0.5);
  }
  SECTION("usage errors exit 2") {
    CHECK(run_tool(kBinary + " build").status == 2);
    CHECK(run_tool(kBinary + " frobnicate").status == 2);
  }
}
