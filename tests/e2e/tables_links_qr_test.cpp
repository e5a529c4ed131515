// End to end: tables, links, footnotes and QR codes written as PDFs and read back by tools
// that know nothing of leafpress: pdftotext -layout (table cells in row order, footnote
// text), zbarimg on a 300 dpi rendering (every QR code decodes to its URL) and qpdf's
// JSON (one Link annotation per link in archive and none, none in print).
// The article is made by hand (tests/layout/table_fixtures.hpp): these tests do not
// depend on the Markdown parser.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "pdf/write.hpp"
#include "tests/layout/table_fixtures.hpp"
#include "tests/support/e2e_support.hpp"

using namespace leafpress;
using namespace leafpress::test;

namespace {

doc::Document clinic_article() {
  auto ref = span("1");
  ref.footnote = 1;
  doc::Block qr;
  qr.kind = doc::BlockKind::Image;
  qr.qr = "https://riverside.example/book?visit=colonoscopy";
  qr.spans = {span("Book online")};
  qr.line = 20;
  doc::Block note;
  note.kind = doc::BlockKind::Footnote;
  note.footnote = 1;
  note.spans = {span("Ask the pharmacist which laxative suits you.")};
  note.line = 30;
  return document_with(
      {paragraph({span("Read the timeline below"), ref, span(" and see "),
                  span("our preparation guide", "https://riverside.example/prep"), span(" or "),
                  span("https://riverside.example/faq", "https://riverside.example/faq"), span(".")}),
       table_block({doc::ColumnAlign::Left, doc::ColumnAlign::Left, doc::ColumnAlign::Right},
                   {{"When", "Eat", "Water (ml)"},
                    {"Three days before", "Rice, eggs", "1500"},
                    {"The day before", "Clear soup", "2000"},
                    {"On the day", "Nothing", "250"}}),
       table_block({doc::ColumnAlign::None, doc::ColumnAlign::None},
                   {{"Medicine", "What to do"},
                    {"Iron tablets",
                     "Stop taking them seven days before the examination, then start again the "
                     "day after unless the doctor tells you otherwise."},
                    {"Blood thinners",
                     "Ask the doctor who prescribed them at least a week before; never stop "
                     "them on your own."}}),
       qr, note},
      "An intro.",
      "---\nclinic:\n  name: Riverside Clinic\n  phone: +1 555 0100\n  url: "
      "https://riverside.example\n---\n");
}

std::string write(const TempDir& dir, const doc::Document& d, pdf::Standard standard,
                  const std::string& layout = "trifold-a4") {
  // At 10 pt, the size these expectations were written for (copy-fit would fill the panels at up
  // to 14 pt, and the narrow cells would wrap).
  auto t = shipped_layout(layout);
  t.body_size = t.body_size_min = 10;
  auto m = layout::lay_out(d, t, project_fonts());
  if (!m) FAIL(m.error().describe());
  const auto path = (dir.path / (layout + "-" + std::string(pdf::standard_name(standard)) + ".pdf")).string();
  auto st = pdf::write_pdf_file(*m, path, pdf::WriteOptions{.standard = standard});
  if (!st) FAIL(st.error().describe());
  return path;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("tables e2e: pdftotext -layout reads the cells back in row order", "[e2e][table]") {
  TempDir dir;
  const auto pdf = write(dir, clinic_article(), pdf::Standard::Print);
  const auto text = run_tool("pdftotext -layout " + shell_quoted(pdf) + " -").output;
  INFO(text);
  // Each row on one line, its cells left to right.
  CHECK(std::regex_search(text, std::regex(R"(When\s+Eat\s+Water \(ml\))")));
  CHECK(std::regex_search(text, std::regex(R"(Three days before\s+Rice, eggs\s+1500)")));
  CHECK(std::regex_search(text, std::regex(R"(The day before\s+Clear soup\s+2000)")));
  CHECK(std::regex_search(text, std::regex(R"(On the day\s+Nothing\s+250)")));
  // Rows in order.
  CHECK(text.find("Three days before") < text.find("The day before"));
  CHECK(text.find("The day before") < text.find("On the day"));
  // Cells that wrap come back whole, in row order, in the order the PDF draws them.
  auto raw = run_tool("pdftotext -raw " + shell_quoted(pdf) + " -").output;
  raw = std::regex_replace(raw, std::regex(R"(\s+)"), " ");
  INFO(raw);
  const std::vector<std::string> cells{
      "Medicine",
      "What to do",
      "Iron tablets",
      "Stop taking them seven days before the examination, then start again the day "
      "after unless the doctor tells you otherwise.",
      "Blood thinners",
      "Ask the doctor who prescribed them at least a week before; never stop them "
      "on your own."};
  std::size_t at = 0;
  for (const auto& cell : cells) {
    INFO(cell);
    const auto found = raw.find(cell, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + cell.size();
  }
  // The footnote's text is there, and no Markdown leaks.
  CHECK(text.find("Ask the pharmacist which laxative suits you.") != std::string::npos);
  CHECK(text.find("[^") == std::string::npos);
  CHECK(text.find("|---") == std::string::npos);
}

TEST_CASE("tables e2e: archive and none have one Link annotation per link, print none", "[e2e][links]") {
  TempDir dir;
  const auto d = clinic_article();
  for (const auto standard : {pdf::Standard::Archive, pdf::Standard::None, pdf::Standard::Print}) {
    const auto pdf = write(dir, d, standard);
    const auto json = run_tool("qpdf --json=2 --json-key=qpdf " + shell_quoted(pdf)).output;
    INFO(pdf::standard_name(standard));
    const std::size_t links = count(json, R"("/Subtype": "/Link")");
    if (standard == pdf::Standard::Print) {
      CHECK(links == 0);
      CHECK(count(json, R"("/Annots")") == 0);
    } else {
      CHECK(links == 2);
      CHECK(json.find("https://riverside.example/prep") != std::string::npos);
      CHECK(json.find("https://riverside.example/faq") != std::string::npos);
    }
  }
}

TEST_CASE("tables e2e: every QR code decodes with zbarimg to its URL", "[e2e][qr]") {
  if (run_tool("command -v zbarimg").status != 0) {
    WARN("zbarimg not found: skipped");
    return;
  }
  TempDir dir;
  // The clinic's url: on the tri-fold's back panel, in the handout's footer.
  for (const std::string layout : {"trifold-a4", "handout-a4"})
    for (const auto standard : {pdf::Standard::Print, pdf::Standard::Archive}) {
      const auto pdf = write(dir, clinic_article(), standard, layout);
      const auto png = (dir.path / "page").string();
      REQUIRE(run_tool("pdftoppm -r 300 -png " + shell_quoted(pdf) + " " + shell_quoted(png)).status == 0);
      std::set<std::string> decoded;
      for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
        if (entry.path().extension() != ".png") continue;
        // Only QR codes; zbar's D-Bus and decoder chatter on stderr is not a result.
        const auto out = run_tool("(zbarimg -q --raw -Sdisable -Sqrcode.enable " +
                                  shell_quoted(entry.path()) + " 2>/dev/null)")
                             .output;
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);)
          if (!line.empty()) decoded.insert(line);
        std::filesystem::remove(entry.path());
      }
      INFO(layout << " " << pdf::standard_name(standard));
      CHECK(decoded == std::set<std::string>{"https://riverside.example/book?visit=colonoscopy",
                                             "https://riverside.example"});
    }
}

TEST_CASE("tables e2e: a Chinese article with a table, a footnote, links and QR codes, built by the CLI",
          "[e2e][table][qr][links]") {
  const auto article = kSource / "tests/articles/zh-hans-booking.md";
  TempDir dir;
  for (const std::string standard : {"archive", "print"}) {
    INFO(standard);
    const auto pdf = (dir.path / (standard + ".pdf")).string();
    const auto build = run_tool(kBinary + " build " + shell_quoted(article) + " --standard " + standard +
                                " --set body.size=10pt -o " + shell_quoted(pdf));
    INFO(build.output);
    REQUIRE(build.status == 0);
    // Rows in order, each row's cells on one line from left to right (at 10 pt: copy-fit would set
    // this short article at 14 pt, where the first column's cells wrap).
    const auto text = run_tool("pdftotext -layout -enc UTF-8 " + shell_quoted(pdf) + " -").output;
    INFO(text);
    CHECK(std::regex_search(text, std::regex(R"(时间\s+饮食\s+饮水（毫升）)")));
    CHECK(std::regex_search(text, std::regex(R"(检查前一天晚上\s+清淡晚餐，[^\n]*\s+500)")));
    CHECK(std::regex_search(text, std::regex(R"(检查当天早上\s+禁食\s+100)")));
    CHECK(std::regex_search(text, std::regex(R"(检查后 2 小时\s+温凉流食\s+200)")));
    CHECK(text.find("如果您患有糖尿病") != std::string::npos);  // the footnote
    const auto json = run_tool("qpdf --json=2 --json-key=qpdf " + shell_quoted(pdf)).output;
    CHECK(count(json, R"("/Subtype": "/Link")") == (standard == "print" ? 0u : 2u));
    // The QR code in the text and the clinic's on the back panel.
    REQUIRE(run_tool("pdftoppm -r 300 -png " + shell_quoted(pdf) + " " + shell_quoted(dir.path / standard))
                .status == 0);
    std::set<std::string> decoded;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
      if (entry.path().extension() != ".png") continue;
      std::istringstream lines(run_tool("(zbarimg -q --raw -Sdisable -Sqrcode.enable " +
                                        shell_quoted(entry.path()) + " 2>/dev/null)")
                                   .output);
      for (std::string line; std::getline(lines, line);)
        if (!line.empty()) decoded.insert(line);
      std::filesystem::remove(entry.path());
    }
    CHECK(decoded ==
          std::set<std::string>{"https://riverside.example/zh/booking", "https://riverside.example/zh"});
  }
}
