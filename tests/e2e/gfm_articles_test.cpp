// End to end: articles written as clinic staff write them (a table, CJK bold next to
// punctuation, footnotes, a task list, raw HTML, straight quotes), in Chinese and
// English, built by the CLI and read back with pdftotext. No Markdown syntax may
// reach the page, nothing may vanish unreported: each raw HTML line gives one warning.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/support/e2e_support.hpp"
#include "tests/support/tagged_pdf.hpp"

using namespace leafpress::test;

namespace {

// The text with every run of white space made one space: pdftotext breaks lines anywhere.
std::string squeezed(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// The text with all white space removed: pdftotext breaks lines anywhere, and CJK
// text has no spaces to lose.
std::string packed(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), "");
}

}  // namespace

TEST_CASE("gfm articles: tables, CJK bold, footnotes, task lists and raw HTML print or warn", "[e2e][doc]") {
  struct Case {
    const char* article;
    std::vector<const char*> present;  // in reading order
    std::vector<int> html_lines;       // lines with raw HTML, one warning each
  };
  const Case cases[] = {
      {"zh-hans-colonoscopy.md",
       {"可以吃：白米粥",
        "重要。请注意",
        "时间",
        "饮食",
        "说明",
        "检查前三天",
        "低渣饮食",
        "白米粥、面条",
        "检查前一天",
        "流质饮食",
        "检查当天",
        "禁食",
        "医生说“按时服药”",
        "立即（马上）",
        "已领取泻药",
        "请带上身份证",
        "和医保卡。",
        "不要开车来医院。",
        "例如猕猴桃、西瓜和火龙果",
        "每次至少喝一千毫升清水。"},
       {20, 32}},
      {"en-colonoscopy.md",
       {"You can eat: white rice", "Don’t eat fruit", "When", "Food", "Drinks (litres)", "Three days before",
        "Low fibre", "The day before", "Clear liquids only", "The morning of", "Nothing",
        "“take it on time” – and she means it", "each dose", "Picked up the laxative", "Bring your ID",
        "and insurance card.", "Do not drive yourself.", "Kiwi, watermelon and dragon fruit",
        "At least one litre of clear water each time."},
       {20, 32}},
  };
  TempDir dir;
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.article) {
      const auto article = kSource / "tests/articles/gfm" / c.article;
      const auto pdf = dir.path / "out.pdf";
      // A handout: its pages read in page order (a tri-fold's flap, on page 1, follows page 2's text).
      const auto build = run_tool(kBinary + " build " + shell_quoted(article) +
                                  " -l handout-a4 --standard none -o " + shell_quoted(pdf));
      INFO(build.output);
      REQUIRE(build.status == 0);
      // One `warning: FILE:LINE: ...` per raw HTML line, and no other warning.
      std::vector<int> warned;
      const std::regex warning_re(
          "warning: " + std::regex_replace(article.string(), std::regex("[.^$|()\\[\\]{}*+?\\\\]"), "\\$&") +
          ":(\\d+): ");
      for (std::sregex_iterator it(build.output.begin(), build.output.end(), warning_re), stop; it != stop;
           ++it)
        warned.push_back(std::stoi((*it)[1]));
      CHECK(warned == c.html_lines);
      CHECK(build.output.find("warning:") == build.output.find("warning: " + article.string()));

      const std::string text = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
      INFO(text);
      for (const char* syntax :
           {"**", "__", "|---", "| --", "[^", "<div", "<span", "<br", "[x]", "[ ]", "~~"})
        CHECK(text.find(syntax) == std::string::npos);
      CHECK(text.find('"') == std::string::npos);  // smart quotes: no typewriter quotes left
      // Present, in reading order (the tag tree's: a handout's balanced columns and its notes
      // stand side by side, where pdftotext's block order is a guess): cells row by row, notes last.
      std::string tree_text;
      for (const auto& line : struct_text(pdf.string())) tree_text += line + "\n";
      INFO(tree_text);
      const std::string page_text = packed(tree_text);
      std::size_t at = 0;
      for (const char* piece : c.present) {
        INFO(piece);
        const std::size_t found = page_text.find(packed(piece), at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
      }
      CHECK(squeezed(text).find("For reference only") == std::string::npos);  // raw HTML prints nothing
      CHECK(packed(text).find("以上内容仅供参考") == std::string::npos);
    }
  }
}
