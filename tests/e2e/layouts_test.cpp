// End to end: every shipped layout with the seed article and every test article,
// through the leafpress binary, read back with poppler (pdftotext -bbox: where
// each word is) and the independent ../shared/tools/pdfcheck. Checks what a
// print shop checks: it builds, nothing lies outside the trim, no text within
// the safe margin of a fold or the trim, the seed tri-fold is full; and that
// bad layouts and pictures give one clear error and no PDF.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "layout/template.hpp"
#include "tests/layout/layout_fixtures.hpp"
#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

struct Word {
  int page = 0;           // 1-based
  double x0, y0, x1, y1;  // PDF points, y upward (converted from pdftotext's top-down boxes)
  std::string text;
};

// Every word pdftotext finds, with its box.
std::vector<Word> words_of(const std::string& pdf) {
  const std::string html = run_tool("pdftotext -bbox " + shell_quoted(pdf) + " -").output;
  std::vector<Word> out;
  const std::regex page_re("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
  const std::regex word_re(
      "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
  int page = 0;
  double height = 0;
  std::size_t pos = 0;
  while (true) {
    const auto next_page = html.find("<page ", pos);
    if (next_page == std::string::npos) break;
    std::smatch pm;
    const std::string head = html.substr(next_page, 80);
    REQUIRE(std::regex_search(head, pm, page_re));
    height = std::stod(pm[2]);
    ++page;
    const auto end = html.find("</page>", next_page);
    const std::string body = html.substr(next_page, end - next_page);
    for (std::sregex_iterator it(body.begin(), body.end(), word_re), stop; it != stop; ++it) {
      const auto& m = *it;
      out.push_back(Word{page, std::stod(m[1]), height - std::stod(m[4]), std::stod(m[3]),
                         height - std::stod(m[2]), m[5]});
    }
    pos = end;
  }
  return out;
}

// The x of every fold of the side printed on a page, from the template (page n prints side n-1).
std::vector<double> folds_of(const leafpress::layout::Template& t, int page, double trim_x0) {
  std::vector<double> out;
  if (t.booklet) return out;  // reader pages have no fold; the spine is checked on the imposed sheet
  const auto& side = t.sides.at(static_cast<std::size_t>(page - 1));
  for (std::size_t i = 1; i < side.panels.size(); ++i) out.push_back(trim_x0 + side.panels[i].x);
  return out;
}

}  // namespace

TEST_CASE("layouts: `leafpress layouts` lists every shipped layout with a description", "[e2e]") {
  const auto r = run_tool(kBinary + " layouts");
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (const auto& name : shipped_layouts())
    CHECK(std::regex_search(r.output, std::regex("(^|\\n)" + name + "\\s+\\S.{20,}")));
  CHECK(r.output.find("invalid") == std::string::npos);
}

TEST_CASE("layouts: every shipped layout builds every article, inside the trim, clear of folds", "[e2e]") {
  const bool have_pdfcheck = pdfcheck_found("its checks are skipped");
  TempDir dir;
  for (const auto& name : shipped_layouts()) {
    const auto t = shipped_layout(name);
    for (const auto& article : articles()) {
      DYNAMIC_SECTION(name << " × " << article.filename().string()) {
        const std::string pdf = (dir.path / (name + ".pdf")).string();
        // Booklets as reader pages here: each page is checked against the page's own trim.
        const auto build = run_tool(kBinary + " build " + shell_quoted(article) + " -l " + name +
                                    (t.booklet ? " --no-impose" : "") + " -o " + shell_quoted(pdf));
        INFO(build.output);
        REQUIRE(build.status == 0);
        if (have_pdfcheck) {
          const auto report = pdfcheck_report(pdf);
          INFO(report);
          CHECK(report.find("qpdf_ok: true") != std::string::npos);
          CHECK(std::regex_search(report, std::regex("(^|\\n)outside: 0\\n")));
        }
        const auto trim = pdf_box(pdf, 1, "TrimBox");
        const auto words = words_of(pdf);
        REQUIRE(words.size() > 20);               // a CJK line is one word to pdftotext
        const double safe = t.safe_margin - 0.5;  // pdftotext's boxes are the font's, a little wider than ink
        for (const auto& w : words) {
          INFO("page " << w.page << " word '" << w.text << "' x " << w.x0 << "–" << w.x1 << " y " << w.y0
                       << "–" << w.y1);
          CHECK(w.x0 >= trim[0] + safe);
          CHECK(w.x1 <= trim[2] - safe);
          CHECK(w.y0 >= trim[1] + safe);
          CHECK(w.y1 <= trim[3] - safe);
          for (const double fold : folds_of(t, w.page, trim[0])) {
            INFO("fold at x " << fold);
            CHECK((w.x1 <= fold - safe || w.x0 >= fold + safe));
          }
        }
      }
    }
  }
}

TEST_CASE("layouts: the seed tri-fold copy-fits above 9 pt and fills its flow panels", "[e2e]") {
  const auto t = shipped_layout("trifold-a4");
  TempDir dir;
  const std::string pdf = (dir.path / "seed.pdf").string();
  const auto build =
      run_tool(kBinary + " build " + shell_quoted(kSeed) + " -l trifold-a4 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  std::smatch m;
  REQUIRE(std::regex_search(build.output, m, std::regex("body ([\\d.]+) pt")));
  CHECK(std::stod(m[1]) > 9);

  // Each flow panel's frame runs from the top margin to the bottom margin; its fill is how far
  // down the lowest word reaches.
  const auto trim = pdf_box(pdf, 1, "TrimBox");
  const auto words = words_of(pdf);
  const double top = trim[3] - std::max(t.margin_top, t.safe_margin);
  const double bottom = trim[1] + std::max(t.margin_bottom, t.safe_margin);
  double used = 0, room = 0;
  for (const auto& name : t.flow) {
    for (std::size_t s = 0; s < t.sides.size(); ++s)
      for (const auto& p : t.sides[s].panels) {
        if (p.name != name) continue;
        const double x0 = trim[0] + p.x, x1 = x0 + p.width;
        double lowest = top;
        for (const auto& w : words)
          if (w.page == static_cast<int>(s) + 1 && w.x0 >= x0 && w.x1 <= x1) lowest = std::min(lowest, w.y0);
        INFO(name << " filled to " << (top - lowest) / (top - bottom));
        CHECK(lowest < top);  // every flow panel has text
        used += top - lowest;
        room += top - bottom;
      }
  }
  INFO("fill " << used / room);
  CHECK(used / room >= 0.8);
}

TEST_CASE("layouts: a booklet is imposed on A4 sheets in stitching order", "[e2e]") {
  TempDir dir;
  // Eight sections, each asking for a new page: reader page n (2..7) starts with "Section n".
  std::string md = "---\ntitle: Booklet order\nlang: en\n---\n\n";
  for (int n = 2; n <= 7; ++n)
    md += "<!-- new-panel -->\n## Section " + std::to_string(n) + "\n\nA short paragraph of text on page " +
          std::to_string(n) + ".\n\n";
  const auto article = write_bytes(dir.path / "booklet.md", md);
  const std::string pdf = (dir.path / "booklet.pdf").string();
  const auto build =
      run_tool(kBinary + " build " + shell_quoted(article) + " -l booklet-a5 -o " + shell_quoted(pdf));
  INFO(build.output);
  REQUIRE(build.status == 0);
  const auto info = run_tool("pdfinfo " + shell_quoted(pdf)).output;
  REQUIRE(std::regex_search(info, std::regex("Pages:\\s+4\\n")));  // 8 A5 pages on 2 A4 sheets, both sides
  const auto trim = pdf_box(pdf, 1, "TrimBox");
  CHECK(trim[2] - trim[0] == Approx(2 * 148 * 72 / 25.4).margin(0.1));  // two A5 pages side by side
  CHECK(trim[3] - trim[1] == Approx(210 * 72 / 25.4).margin(0.1));
  // Printer spreads for 8 pages: 8|1, 2|7, 6|3, 4|5 (left|right).
  const std::vector<std::pair<int, int>> pages = {{8, 1}, {2, 7}, {6, 3}, {4, 5}};
  const double spine = (trim[0] + trim[2]) / 2;
  const auto words = words_of(pdf);
  for (std::size_t sheet_side = 0; sheet_side < 4; ++sheet_side) {
    std::string left, right;
    for (const auto& w : words)
      if (w.page == static_cast<int>(sheet_side) + 1) (w.x1 <= spine ? left : right) += w.text + " ";
    INFO("sheet side " << sheet_side + 1 << ": left '" << left << "' right '" << right << "'");
    const auto [l, r] = pages[sheet_side];
    auto section = [](int page) {
      return page == 1                ? std::string("Booklet")
             : page <= 7 && page >= 2 ? "Section " + std::to_string(page)
                                      : "";
    };
    if (!section(l).empty()) CHECK(left.find(section(l)) != std::string::npos);
    if (!section(r).empty()) CHECK(right.find(section(r)) != std::string::npos);
    if (l >= 2 && l <= 7) CHECK(right.find("Section " + std::to_string(l)) == std::string::npos);
    // No text within the safe margin of the spine.
    for (const auto& w : words)
      if (w.page == static_cast<int>(sheet_side) + 1) CHECK((w.x1 <= spine - 14 || w.x0 >= spine + 14));
  }
}

// Smart punctuation in the front matter: a title typed with a straight apostrophe and repeated by
// the body's `#` heading (where Markdown curls it) printed twice, once per apostrophe; the clinic
// block printed "St Aldhelm's" straight.
TEST_CASE("layouts: a title typed with a straight apostrophe prints once, curly, in every layout", "[e2e]") {
  TempDir dir;
  const auto article = write_bytes(
      dir.path / "fever.md",
      "---\ntitle: \"Caring for your child's fever at home\"\nlang: en-US\nauthor: Maple Grove Pediatrics\n"
      "clinic:\n  name: Day Unit\n  address: St Aldhelm's Hospital, Priory Lane\n"
      "  url: https://maplegrove.example/o'brien\n---\n\n"
      "# Caring for your child's fever at home\n\n## What is a fever?\n\n"
      "A temperature of 100.4 °F (38 °C) or higher. Most go away on their own within two or three days.\n");
  // pdftotext's text with every run of white space one space: a title wraps on the cover.
  const auto text_of = [](const std::string& pdf) {
    const std::string text = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
    return std::regex_replace(text, std::regex(R"(\s+)"), " ");
  };
  const auto count = [](const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  const auto build = [&](const std::string& layout, const std::string& options) {
    const std::string pdf = (dir.path / (layout + ".pdf")).string();
    const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " -l " + layout + options + " -o " +
                            shell_quoted(pdf));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return pdf;
  };
  for (const auto& layout : shipped_layouts()) {
    INFO(layout);
    const std::string text = text_of(build(layout, ""));
    INFO(text);
    CHECK(count(text, "Caring for your child’s fever at home") == 1);  // the cover; the heading is left out
    CHECK(count(text, "child's") == 0);
    CHECK(count(text, "St Aldhelm’s Hospital") == 1);
    CHECK(count(text, "Aldhelm's") == 0);
    CHECK(count(text, "https://maplegrove.example/o'brien") == 1);  // an address stays as typed
  }
  // The document's title in Info and XMP is the cover's.
  const auto pdf = build("handout-a4", " --standard archive");
  const auto info = run_tool("pdfinfo -enc UTF-8 " + shell_quoted(pdf)).output;
  const auto xmp = run_tool("pdfinfo -meta " + shell_quoted(pdf)).output;
  INFO(info << "\n" << xmp);
  CHECK(std::regex_search(info, std::regex("Title: +Caring for your child’s fever at home\n")));
  CHECK_THAT(xmp, Catch::Contains("\">Caring for your child’s fever at home</rdf:li>"));
}

// A title the author breaks by hand (`title: |`, a line where the cover should break): the cover
// breaks it there (ICU's dictionary alone parts "孩子得了手足 | 口病怎么办："), and the opening
// heading, typed on one line, is still its repeat. It printed twice, and the PDF's Title held the
// line breaks.
TEST_CASE("layouts: a title broken into lines by hand breaks there, prints once, and is one line in Info",
          "[e2e]") {
  TempDir dir;
  const auto article =
      write_bytes(dir.path / "hfmd.md",
                  "---\ntitle: |\n  孩子得了\n  手足口病怎么办：\n  居家护理与就医提示\nlang: zh-Hans\n"
                  "clinic:\n  name: 滨江社区卫生服务中心\n---\n\n"
                  "# 孩子得了手足口病怎么办：居家护理与就医提示\n\n## 什么是手足口病\n\n"
                  "手足口病是由肠道病毒引起的常见传染病，5岁以下的孩子最容易感染。\n");
  const auto build = [&](const std::string& layout) {
    const std::string pdf = (dir.path / (layout + ".pdf")).string();
    const auto r =
        run_tool(kBinary + " build " + shell_quoted(article) + " -l " + layout + " -o " + shell_quoted(pdf));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return pdf;
  };
  for (const auto& layout : shipped_layouts()) {
    INFO(layout);
    const std::string pdf = build(layout);
    const std::string text = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
    INFO(text);
    std::size_t n = 0;
    for (auto at = text.find("居家护理与就医提示"); at != std::string::npos;
         at = text.find("居家护理与就医提示", at + 1))
      ++n;
    CHECK(n == 1);
    const auto info = run_tool("pdfinfo -enc UTF-8 " + shell_quoted(pdf)).output;
    CHECK(std::regex_search(info, std::regex("Title: +孩子得了手足口病怎么办：居家护理与就医提示\nAuthor:")));
    CHECK(text.find("孩子得了\n手足口病怎么办：\n居家护理与就医提示") != std::string::npos);
  }
  // A title that names the clinic leaves the name off the cover's foot, broken by hand or not.
  const auto names = [&](const std::string& title) {
    const auto md =
        write_bytes(dir.path / "named.md", "---\ntitle: " + title +
                                               "\nlang: en-US\nclinic:\n  name: Riverside Family Practice\n"
                                               "---\n\n## Flu shots\n\nAsk at the front desk.\n");
    const std::string pdf = (dir.path / "named.pdf").string();
    REQUIRE(
        run_tool(kBinary + " build " + shell_quoted(md) + " -l trifold-a4 -o " + shell_quoted(pdf)).status ==
        0);
    const std::string text = std::regex_replace(
        run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output, std::regex(R"(\s+)"), " ");
    std::size_t n = 0;
    for (auto at = text.find("Riverside Family Practice"); at != std::string::npos;
         at = text.find("Riverside Family Practice", at + 1))
      ++n;
    return n;
  };
  CHECK(names("|\n  Flu shots at Riverside\n  Family Practice") ==
        names("Flu shots at Riverside Family Practice"));
}

TEST_CASE("layouts: a bad layout is one clear error naming file, line and key, and no PDF", "[e2e]") {
  TempDir dir;
  const std::string good = read_bytes(kSource / "layouts/trifold-a4.yaml");
  REQUIRE(good.find("      - {name: back, width: 100mm}") != std::string::npos);
  struct Case {
    const char* what;
    std::string from, to, expect;
  };
  const Case cases[] = {
      {"missing key", "flow: [inside-1", "# flow: [inside-1", "missing key 'flow'"},
      {"negative width", "{name: back, width: 100mm}", "{name: back, width: -100mm}", "panels[].width"},
      {"panels wider than the sheet", "{name: back, width: 100mm}", "{name: back, width: 160mm}",
       "add up to"},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.what) {
      std::string yaml = good;
      yaml.replace(yaml.find(c.from), c.from.size(), c.to);
      const auto layout = write_bytes(dir.path / "bad.yaml", yaml);
      const fs::path pdf = dir.path / "out.pdf";
      const auto r = run_tool(kBinary + " build " + shell_quoted(kSeed) + " -l " + shell_quoted(layout) +
                              " -o " + shell_quoted(pdf));
      INFO(r.output);
      CHECK(r.status != 0);
      CHECK(r.output.find(c.expect) != std::string::npos);
      CHECK(std::regex_search(r.output, std::regex("bad\\.yaml:[1-9][0-9]*")));
      CHECK_FALSE(fs::exists(pdf));
    }
  }
}

TEST_CASE("layouts: a bad picture is one clear error naming the article and line, and no PDF", "[e2e]") {
  TempDir dir;
  fs::create_directories(dir.path / "article");
  write_bytes(dir.path / "article/corrupt.png", "\x89PNG\r\n\x1a\nnot really a picture");
  write_bytes(dir.path / "outside.png", "\x89PNG\r\n\x1a\n");
  struct Case {
    const char* what;
    std::string reference;
  };
  const Case cases[] = {
      {"missing", "nowhere.png"}, {"corrupt", "corrupt.png"}, {"outside", "../outside.png"}};
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.what) {
      const auto article =
          write_bytes(dir.path / "article/a.md",
                      "---\ntitle: Pictures\n---\n\nSome text.\n\n![A caption](" + c.reference + ")\n");
      const fs::path pdf = dir.path / "out.pdf";
      const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
      INFO(r.output);
      CHECK(r.status != 0);
      CHECK(std::regex_search(r.output, std::regex("a\\.md:7")));
      CHECK_FALSE(fs::exists(pdf));
    }
  }
}
