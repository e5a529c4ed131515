// Tests for pdf/write.cpp: a PageModel built by hand (no shaping, no layout),
// written to bytes and to a file, then read back with qpdf and poppler.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"
#include "tests/support/test_support.hpp"
#include "text/font_set.hpp"

namespace fs = std::filesystem;
using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::GlyphRun;
using leafpress::layout::Page;
using leafpress::layout::PageModel;
using leafpress::layout::Rect;
using leafpress::layout::Rule;
using leafpress::layout::RulePurpose;
using leafpress::test::pdf_box;
using leafpress::test::project_fonts;
using leafpress::test::run_tool;
using leafpress::test::shell_quoted;
using leafpress::test::TempDir;
using leafpress::text::Face;
using leafpress::text::PlacedGlyph;

namespace {

const Face* face(const std::string& family) {
  auto f = project_fonts().face({family, false, false});
  if (!f) FAIL(f.error().describe());
  return *f;
}

const Face* serif() {
  return face("Noto Serif");
}
const Face* cjk() {
  return face("Noto Serif CJK SC");
}

// One glyph per code point, set at the font's advances: no shaping.
GlyphRun run_of(const Face* f, const std::string& text, Pt x, Pt y, Pt size = 12) {
  GlyphRun r;
  r.x = x;
  r.y = y;
  r.size = size;
  Pt pen = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = leafpress::next_code_point(text, pos);
    PlacedGlyph g;
    g.face = f;
    g.glyph = f->glyph_for(cp);
    REQUIRE(g.glyph != 0);  // the font has it
    g.x = pen;
    g.advance = f->advance_em(g.glyph) * size;
    g.text = text.substr(start, pos - start);
    pen += g.advance;
    r.glyphs.push_back(g);
  }
  return r;
}

// An A4 landscape sheet with 3 mm bleed and 13 mm room for marks, as layout makes it.
Page sheet() {
  Page p;
  const Pt room = mm(13);
  p.width = mm(297) + 2 * room;
  p.height = mm(210) + 2 * room;
  p.trim = Rect{room, room, room + mm(297), room + mm(210)};
  p.bleed = Rect{room - mm(3), room - mm(3), room + mm(297) + mm(3), room + mm(210) + mm(3)};
  return p;
}

PageModel model_with(const std::vector<GlyphRun>& runs) {
  PageModel m;
  Page p = sheet();
  p.runs = runs;
  p.rules.push_back(Rule{
      p.trim.x0 - mm(4), p.trim.y0, p.trim.x0 - mm(10), p.trim.y0, 0.25, {}, false, RulePurpose::CropMark});
  p.rules.push_back(Rule{p.trim.x0 + mm(97),
                         p.trim.y1 + mm(4),
                         p.trim.x0 + mm(97),
                         p.trim.y1 + mm(10),
                         0.25,
                         {},
                         true,
                         RulePurpose::FoldMark});
  p.fills.push_back(leafpress::layout::Fill{Rect{p.bleed.x0, p.trim.y1 - mm(16), p.trim.x1, p.bleed.y1},
                                            leafpress::layout::Cmyk{1, 0.45, 0, 0.1}});
  m.pages.push_back(p);
  m.title = "Test leaflet";
  m.lang = "en";
  return m;
}

leafpress::pdf::WriteOptions fixed_date() {
  leafpress::pdf::WriteOptions o;
  o.epoch = 1700000000;  // 2023-11-14T22:13:20Z
  return o;
}

std::string write_file(const PageModel& m, const TempDir& dir, const std::string& name = "out.pdf") {
  const fs::path path = dir.path / name;
  const auto s = leafpress::pdf::write_pdf_file(m, path.string(), fixed_date());
  if (!s) FAIL(s.error().describe());
  REQUIRE(fs::exists(path));
  return path.string();
}

// pdftotext's text with white space folded to single spaces.
std::string text_of_pdf(const std::string& pdf) {
  const auto r = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -");
  INFO(r.output);
  CHECK(r.status == 0);
  std::string t = std::regex_replace(r.output, std::regex("\\s+"), " ");
  if (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

// The font rows of pdffonts (after the header and the rule).
std::vector<std::string> font_rows(const std::string& pdf) {
  const auto r = run_tool("pdffonts " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status == 0);
  std::istringstream lines(r.output);
  std::string line;
  std::vector<std::string> rows;
  std::getline(lines, line);
  std::getline(lines, line);
  while (std::getline(lines, line))
    if (!line.empty()) rows.push_back(line);
  return rows;
}

void check_box(const std::array<double, 4>& got, const Rect& want) {
  CHECK(got[0] == Approx(want.x0).margin(0.01));
  CHECK(got[1] == Approx(want.y0).margin(0.01));
  CHECK(got[2] == Approx(want.x1).margin(0.01));
  CHECK(got[3] == Approx(want.y1).margin(0.01));
}

void check_qpdf(const std::string& pdf) {
  const auto r = run_tool("qpdf --check " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK_THAT(r.output, Catch::Contains("No syntax or stream encoding errors"));
}

bool ends_with_eof(const std::string& bytes) {
  for (const char* end : {"%%EOF", "%%EOF\n", "%%EOF\r\n", "%%EOF\r"})
    if (bytes.ends_with(end)) return true;
  return false;
}

}  // namespace

TEST_CASE("write: the faces are what the tests expect", "[pdf]") {
  REQUIRE_FALSE(serif()->is_cff);
  REQUIRE(cjk()->is_cff);
  CHECK(serif()->glyph_for('A') != 0);
  CHECK(cjk()->glyph_for(U'造') != 0);
}

TEST_CASE("write: write_pdf gives a whole PDF, version 1.3 for print (PDF/X-1a:2001)", "[pdf]") {
  const PageModel m = model_with({run_of(serif(), "Hello Leaflet", mm(40), mm(150))});
  const auto bytes = leafpress::pdf::write_pdf(m, fixed_date());
  if (!bytes) FAIL(bytes.error().describe());
  CHECK(bytes->starts_with("%PDF-1.3"));
  CHECK(ends_with_eof(*bytes));
  CHECK(bytes->size() > 1000);
  CHECK(bytes->find("/TrimBox") != std::string::npos);
  CHECK(bytes->find("/BleedBox") != std::string::npos);
}

TEST_CASE("write: the same model and date give the same bytes", "[pdf]") {
  const PageModel m = model_with({run_of(serif(), "Hello Leaflet", mm(40), mm(150))});
  const auto a = leafpress::pdf::write_pdf(m, fixed_date());
  const auto b = leafpress::pdf::write_pdf(m, fixed_date());
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(*a == *b);
}

TEST_CASE("write: a TrueType face is embedded, subset, with ToUnicode", "[pdf]") {
  TempDir dir;
  const PageModel m = model_with({run_of(serif(), "Hello Leaflet", mm(40), mm(150)),
                                  run_of(serif(), "Second line, 42.", mm(40), mm(140), 10)});
  const std::string pdf = write_file(m, dir);

  check_qpdf(pdf);
  const auto rows = font_rows(pdf);
  REQUIRE(rows.size() == 1);  // one face, one font, in two sizes
  INFO(rows[0]);
  CHECK(std::regex_search(rows[0], std::regex("^[A-Z]{6}\\+NotoSerif")));
  CHECK_THAT(rows[0], Catch::Contains("CID TrueType"));
  CHECK(std::regex_search(rows[0], std::regex("Identity-H\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$")));

  const std::string text = text_of_pdf(pdf);
  CHECK_THAT(text, Catch::Contains("Hello Leaflet"));
  CHECK_THAT(text, Catch::Contains("Second line, 42."));

  const Page& p = m.pages[0];
  check_box(pdf_box(pdf, 1, "TrimBox"), p.trim);
  check_box(pdf_box(pdf, 1, "BleedBox"), p.bleed);
  check_box(pdf_box(pdf, 1, "MediaBox"), Rect{0, 0, p.width, p.height});
}

TEST_CASE("write: a CFF face (Noto Serif CJK) is embedded, subset, and its text comes back", "[pdf]") {
  TempDir dir;
  const PageModel m = model_with(
      {run_of(cjk(), "造血干细胞", mm(40), mm(150)), run_of(cjk(), "移植后注意事项。", mm(40), mm(135), 10)});
  const std::string pdf = write_file(m, dir);

  check_qpdf(pdf);
  const auto rows = font_rows(pdf);
  REQUIRE(rows.size() == 1);
  INFO(rows[0]);
  CHECK(std::regex_search(rows[0], std::regex("^[A-Z]{6}\\+NotoSerifCJK")));
  CHECK_THAT(rows[0], Catch::Contains("CID Type 0C"));
  CHECK(std::regex_search(rows[0], std::regex("Identity-H\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$")));

  const std::string text = text_of_pdf(pdf);
  CHECK_THAT(text, Catch::Contains("造血干细胞"));
  CHECK_THAT(text, Catch::Contains("移植后注意事项。"));
  check_box(pdf_box(pdf, 1, "TrimBox"), m.pages[0].trim);
  check_box(pdf_box(pdf, 1, "BleedBox"), m.pages[0].bleed);
}

TEST_CASE("write: two faces on two pages, each embedded once", "[pdf]") {
  TempDir dir;
  PageModel m =
      model_with({run_of(serif(), "Stem cells", mm(40), mm(150)), run_of(cjk(), "干细胞", mm(40), mm(140))});
  Page second = sheet();
  second.trim = Rect{mm(10), mm(10), mm(10) + mm(297), mm(10) + mm(210)};  // boxes are per page
  second.bleed = Rect{mm(7), mm(7), mm(13) + mm(297), mm(13) + mm(210)};
  second.runs = {run_of(cjk(), "造血干细胞", mm(60), mm(100)), run_of(serif(), "page two", mm(60), mm(90))};
  m.pages.push_back(second);
  const std::string pdf = write_file(m, dir);

  check_qpdf(pdf);
  const auto info = run_tool("pdfinfo " + shell_quoted(pdf)).output;
  CHECK(std::regex_search(info, std::regex("Pages:\\s+2\\n")));
  CHECK(std::regex_search(info, std::regex("PDF version:\\s+1\\.3")));
  const auto rows = font_rows(pdf);
  CHECK(rows.size() == 2);
  for (const auto& row : rows) {
    INFO(row);
    CHECK(std::regex_search(row, std::regex("yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$")));
  }
  const std::string text = text_of_pdf(pdf);
  CHECK_THAT(text, Catch::Contains("Stem cells"));
  CHECK_THAT(text, Catch::Contains("干细胞"));
  CHECK_THAT(text, Catch::Contains("造血干细胞"));
  CHECK_THAT(text, Catch::Contains("page two"));
  check_box(pdf_box(pdf, 2, "TrimBox"), second.trim);
  check_box(pdf_box(pdf, 2, "BleedBox"), second.bleed);
  check_box(pdf_box(pdf, 1, "TrimBox"), m.pages[0].trim);
}

TEST_CASE("write: document information is written as text strings", "[pdf]") {
  TempDir dir;
  PageModel m = model_with({run_of(serif(), "Body", mm(40), mm(150))});
  m.title = "造血干细胞 guide";
  m.author = "Demo Clinic";
  m.subtitle = "For patients";
  m.keywords = {"stem cells", "干细胞"};
  const std::string pdf = write_file(m, dir);
  const auto info = run_tool("pdfinfo -enc UTF-8 " + shell_quoted(pdf));
  INFO(info.output);
  CHECK(info.status == 0);
  CHECK(std::regex_search(info.output, std::regex("Title:\\s+造血干细胞 guide\\n")));
  CHECK(std::regex_search(info.output, std::regex("Author:\\s+Demo Clinic\\n")));
  CHECK(std::regex_search(info.output, std::regex("Subject:\\s+For patients\\n")));
  CHECK(std::regex_search(info.output, std::regex("Keywords:\\s+stem cells, 干细胞\\n")));
  CHECK(std::regex_search(info.output, std::regex("Creator:\\s+leafpress\\n")));
  CHECK(std::regex_search(info.output, std::regex("CreationDate:.*2023")));
}

TEST_CASE("write: a page with marks and fills but no text is valid", "[pdf]") {
  TempDir dir;
  const PageModel m = model_with({});
  const std::string pdf = write_file(m, dir);
  check_qpdf(pdf);
  CHECK(font_rows(pdf).empty());
  CHECK(text_of_pdf(pdf).empty());
}

TEST_CASE("write: write_pdf_file replaces the file and leaves no temporary behind", "[pdf]") {
  TempDir dir;
  write_file(model_with({run_of(serif(), "first version", mm(40), mm(150))}), dir);
  const std::string pdf = write_file(model_with({run_of(serif(), "second version", mm(40), mm(150))}), dir);
  CHECK_THAT(text_of_pdf(pdf), Catch::Contains("second version"));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
  CHECK(names == std::vector<std::string>{"out.pdf"});
}

TEST_CASE("write: write_pdf_file into a path it cannot create fails and names it", "[pdf]") {
  TempDir dir;
  {
    std::FILE* f = std::fopen((dir.path / "blocker").c_str(), "w");
    REQUIRE(f != nullptr);
    std::fclose(f);
  }
  const std::string path = (dir.path / "blocker" / "out.pdf").string();
  const auto s =
      leafpress::pdf::write_pdf_file(model_with({run_of(serif(), "x", mm(40), mm(150))}), path, fixed_date());
  REQUIRE_FALSE(s.has_value());
  CHECK_FALSE(s.error().message.empty());
  CHECK_FALSE(fs::exists(path));
}

// text::PlacedGlyph::scale (glyph expansion): the text matrix draws the glyph wider, and the
// pen moves on by its scaled advance. Read back by poppler: the same word, 2 % wider.
TEST_CASE("write: an expanded glyph is drawn wider by its text matrix, and its text comes back", "[pdf]") {
  TempDir dir;
  GlyphRun natural = run_of(serif(), "Expansion", mm(40), mm(150));
  GlyphRun wide = run_of(serif(), "Expansion", mm(40), mm(140));
  Pt pen = 0;
  for (PlacedGlyph& g : wide.glyphs) {
    g.scale = 1.02;
    g.x = pen;
    g.advance *= 1.02;
    pen += g.advance;
  }
  const std::string pdf = write_file(model_with({natural, wide}), dir);
  check_qpdf(pdf);
  const auto bbox = run_tool("pdftotext -bbox -enc UTF-8 " + shell_quoted(pdf) + " -");
  REQUIRE(bbox.status == 0);
  std::vector<double> widths;  // of each <word> "Expansion", in reading order (top first)
  const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">Expansion</word>)re");
  for (auto it = std::sregex_iterator(bbox.output.begin(), bbox.output.end(), word);
       it != std::sregex_iterator(); ++it)
    widths.push_back(std::stod((*it)[2]) - std::stod((*it)[1]));
  INFO(bbox.output);
  REQUIRE(widths.size() == 2);
  CHECK(widths[1] / widths[0] == Approx(1.02).epsilon(0.002));
  const auto content = run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " -").output;
  CHECK_THAT(content, Catch::Contains("1.02 0 0 1 "));
}
