// End to end: the seed article built as each --standard, read back by tools that know nothing of
// leafpress: ../shared/tools/pdfcheck (structural requirements of PDF/X-1a and PDF/A-2u), poppler,
// MuPDF and Ghostscript (they must draw it without a warning), pdffonts, pdfinfo.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace {

// Builds the seed article; `env` is put before the command ("SOURCE_DATE_EPOCH=... ").
std::string build(const TempDir& dir, const std::string& standard, const std::string& name,
                  const std::string& env = "") {
  const auto pdf = (dir.path / name).string();
  const auto r = run_tool("env -u SOURCE_DATE_EPOCH " + env + kBinary + " build " + shell_quoted(kSeed) +
                          " --standard " + standard + " -o " + shell_quoted(pdf));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return pdf;
}

std::string value(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

}  // namespace

TEST_CASE("standards: print and archive meet every requirement pdfcheck knows", "[e2e][pdf]") {
  if (!pdfcheck_found()) return;
  TempDir dir;
  for (const std::string standard : {"print", "archive"}) {
    const auto pdf = build(dir, standard, standard + ".pdf");
    const auto report = pdfcheck_report(pdf, " --standard " + standard);
    INFO(standard << "\n" << report);
    CHECK(report.find("qpdf_ok: true") != std::string::npos);
    CHECK(report.find("fonts_all_embedded_subset_unicode: true") != std::string::npos);
    CHECK(std::regex_search(report, std::regex(R"(standard: \{"checked": \d+, "failed": \[\]\})")));
  }
}

TEST_CASE("standards: two builds of the same article are the same bytes", "[e2e][pdf]") {
  TempDir dir;
  for (const std::string standard : {"print", "archive", "none"}) {
    INFO(standard);
    const auto a = read_bytes(build(dir, standard, "a.pdf"));
    const auto b = read_bytes(build(dir, standard, "b.pdf"));
    REQUIRE(a.size() > 1000);
    CHECK(a == b);
    // The date comes from the front matter (date: 2026-11-24), and SOURCE_DATE_EPOCH overrides it.
    CHECK(a.find("D:20261124000000") != std::string::npos);
    const auto c = read_bytes(build(dir, standard, "c.pdf", "SOURCE_DATE_EPOCH=1700000000 "));
    CHECK(c.find("D:20231114221320") != std::string::npos);
    CHECK(c != a);
  }
}

TEST_CASE("standards: poppler, MuPDF and Ghostscript draw every standard without a warning", "[e2e][pdf]") {
  TempDir dir;
  for (const std::string standard : {"print", "archive", "none"}) {
    INFO(standard);
    const auto pdf = build(dir, standard, standard + ".pdf");
    const auto out = (dir.path / standard).string();
    const auto poppler = run_tool("pdftoppm -r 20 -png " + shell_quoted(pdf) + " " + shell_quoted(out));
    CHECK(poppler.status == 0);
    CHECK(poppler.output.empty());
    const auto mupdf =
        run_tool("mutool draw -r 20 -o " + shell_quoted(out + "-%d.png") + " " + shell_quoted(pdf));
    CHECK(mupdf.status == 0);
    // Left over when the progress lines ("page FILE N") are taken out: warnings and errors. Debian's
    // MuPDF is built without lcms2 and says so for every file it opens: that line is not about this one.
    const std::regex noise(R"((warning: ICC support is not available|page \S+ \d+)\n)");
    INFO(mupdf.output);
    CHECK(std::regex_replace(mupdf.output, noise, "").empty());
    const auto gs = run_tool("gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage " + shell_quoted(pdf));
    CHECK(gs.status == 0);
    CHECK(gs.output.empty());
    const auto fonts = run_tool("pdffonts " + shell_quoted(pdf));
    REQUIRE(fonts.status == 0);
    std::istringstream rows(fonts.output);
    std::string row;
    int n = 0;
    for (int skip = 0; skip < 2; ++skip) std::getline(rows, row);
    while (std::getline(rows, row)) {
      INFO(row);
      CHECK(std::regex_search(row, std::regex(R"(^[A-Z]{6}\+\S+\s.*yes\s+yes\s+yes\s+\d+\s+\d+\s*$)")));
      ++n;
    }
    CHECK(n > 0);
  }
}

TEST_CASE("standards: a print build has no RGB, an archive build no CMYK", "[e2e][pdf]") {
  TempDir dir;
  const auto qdf = [&](const std::string& pdf) {
    return run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " -").output;
  };
  const std::regex rgb_op(R"((^|\s)[-\d.]+ [-\d.]+ [-\d.]+ (rg|RG)\s)");
  const std::regex cmyk_op(R"((^|\s)[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ (k|K)\s)");
  const std::string print = qdf(build(dir, "print", "print.pdf"));
  CHECK_FALSE(std::regex_search(print, rgb_op));
  CHECK(std::regex_search(print, cmyk_op));
  CHECK(print.find("/DeviceRGB") == std::string::npos);
  CHECK(print.find("/All0 CS 1 SCN") != std::string::npos);  // crop marks in registration colour
  CHECK(std::regex_search(print, std::regex(R"(/E\d gs\n0 0 0 1 k\n)")));  // black text overprints
  const std::string archive = qdf(build(dir, "archive", "archive.pdf"));
  CHECK_FALSE(std::regex_search(archive, cmyk_op));
  CHECK(std::regex_search(archive, rgb_op));
  CHECK(archive.find("/DeviceCMYK") == std::string::npos);
}

TEST_CASE("standards: the archive's XMP packet and Info say the same", "[e2e][pdf]") {
  TempDir dir;
  const auto pdf = build(dir, "archive", "archive.pdf");
  const auto info = run_tool("pdfinfo -isodates -enc UTF-8 " + shell_quoted(pdf)).output;
  const auto xmp = run_tool("pdfinfo -meta " + shell_quoted(pdf)).output;
  INFO(info << "\n" << xmp);
  const std::string title = value(info, R"(Title:\s+(.+)\n)");
  CHECK(title == "干细胞治疗: Best Autoimmune Breakthrough");
  CHECK(value(xmp, R"(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]+)<)") == title);
  const std::string author = value(info, R"(Author:\s+(.+)\n)");
  CHECK_FALSE(author.empty());
  CHECK(value(xmp, R"(<dc:creator><rdf:Seq><rdf:li>([^<]+)<)") == author);
  CHECK(value(xmp, R"(<pdf:Keywords>([^<]+)<)") == value(info, R"(Keywords:\s+(.+)\n)"));
  CHECK(value(info, R"(CreationDate:\s+(\S+)\n)") == "2026-11-24T00:00:00Z");
  CHECK(value(xmp, R"(<xmp:CreateDate>([^<]+)<)") == "2026-11-24T00:00:00+00:00");
  CHECK(value(xmp, R"(<xmp:ModifyDate>([^<]+)<)") == "2026-11-24T00:00:00+00:00");
  CHECK(value(xmp, R"(<dc:language><rdf:Bag><rdf:li>([^<]+)<)") == "zh-Hans");
  CHECK(value(xmp, R"(<pdfaid:part>(\d)<)") == "2");
  CHECK(value(xmp, R"(<pdfaid:conformance>(\w)<)") == "A");  // tagged: PDF/A-2a
  CHECK(value(xmp, R"(<pdfuaid:part>(\d)<)") == "1");        // and PDF/UA-1, described for PDF/A
  CHECK_THAT(xmp, Catch::Contains("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/<"));
  // The bookmarks: one per section of the article.
  const auto outline = run_tool("mutool show " + shell_quoted(pdf) + " outline").output;
  CHECK_THAT(outline, Catch::Contains("Understanding Autoimmune Diseases"));
}
