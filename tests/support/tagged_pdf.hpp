// tests/support/tagged_pdf.hpp: reads a tagged PDF's marked content back, independently of
// leafpress: qpdf's QDF form (objects in clear, streams decoded) gives each page's /StructParents,
// its content stream and the ParentTree; the content is walked with BDC/BMC/EMC nesting.
#pragma once

#include <cctype>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_support.hpp"

namespace leafpress::test {

struct MarkedContent {
  int pages = 0;
  int text_ops = 0;                  // Tj, TJ, ' and "
  int untagged_text_ops = 0;         // outside every MCID and every /Artifact
  int mcids = 0;                     // marked-content sequences with an MCID, all pages
  int mcids_not_in_parent_tree = 0;  // an MCID with no entry in its page's ParentTree array
  int mcids_repeated = 0;            // an MCID used twice on one page
  int artifacts = 0;
  bool struct_parents_on_every_page = true;
  bool tabs_s_on_every_page = true;
};

inline MarkedContent read_marked_content(const std::string& pdf) {
  MarkedContent out;
  const auto r = run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " -");
  const std::string& q = r.output;
  // Objects by number: "N 0 obj ... endobj".
  // (Found by hand: std::regex recurses per character, too deep for a content stream.)
  std::map<int, std::string> objects;
  for (std::size_t at = q.find(" 0 obj\n"); at != std::string::npos; at = q.find(" 0 obj\n", at + 1)) {
    std::size_t start = at;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(q[start - 1]))) --start;
    if (start == at || (start > 0 && q[start - 1] != '\n')) continue;
    const std::size_t body = at + 7, end = q.find("\nendobj", body);
    if (end == std::string::npos) break;
    objects[std::stoi(q.substr(start, at - start))] = q.substr(body, end - body);
  }
  auto ref = [&](const std::string& text, const std::string& key) {
    std::smatch m;
    return std::regex_search(text, m, std::regex("/" + key + R"( (\d+) 0 R)")) ? std::stoi(m[1]) : -1;
  };
  // The ParentTree's flat /Nums (leafpress and small files: no /Kids): key → number of entries.
  std::map<int, int> parent_entries;
  std::smatch m;
  if (std::regex_search(q, m, std::regex(R"(/ParentTree (\d+) 0 R)"))) {
    const std::string& tree = objects[std::stoi(m[1])];
    const std::regex pair(R"((\d+)\s+(\d+) 0 R)");
    for (auto it = std::sregex_iterator(tree.begin(), tree.end(), pair); it != std::sregex_iterator(); ++it) {
      const std::string& value = objects[std::stoi((*it)[2])];
      int n = 0;
      if (!value.empty() && value.find('[') < value.find("<<")) {
        const std::regex entry(R"(\d+ 0 R|null)");
        n = static_cast<int>(
            std::distance(std::sregex_iterator(value.begin(), value.end(), entry), std::sregex_iterator()));
      }
      parent_entries[std::stoi((*it)[1])] = n;
    }
  }
  // Pages: "%% Page N" then the page object.
  const std::regex page_mark(R"(%% Page \d+\n%% Original object ID: \d+ \d+\n(\d+) 0 obj)");
  for (auto it = std::sregex_iterator(q.begin(), q.end(), page_mark); it != std::sregex_iterator(); ++it) {
    ++out.pages;
    const std::string& page = objects[std::stoi((*it)[1])];
    std::smatch sp;
    const bool has_sp = std::regex_search(page, sp, std::regex(R"(/StructParents (\d+))"));
    out.struct_parents_on_every_page &= has_sp;
    out.tabs_s_on_every_page &= page.find("/Tabs /S") != std::string::npos;
    const int key = has_sp ? std::stoi(sp[1]) : -1;
    const std::string& content = objects[ref(page, "Contents")];
    // Walk the operators: a stack of open sequences (MCID or -1, artifact or not).
    std::vector<std::pair<int, bool>> stack;
    std::map<int, int> seen;
    const std::regex op(
        R"(<<\s*/MCID (\d+)\s*>>\s*BDC|/Artifact\s+(?:<<[^>]*>>\s*BDC|BMC)|\bBDC\b|\bBMC\b|\bEMC\b|\bTJ\b|\bTj\b)");
    for (auto o = std::sregex_iterator(content.begin(), content.end(), op); o != std::sregex_iterator();
         ++o) {
      const std::string t = (*o)[0];
      if ((*o)[1].matched) {
        const int mcid = std::stoi((*o)[1]);
        stack.emplace_back(mcid, false);
        ++out.mcids;
        if (seen[mcid]++) ++out.mcids_repeated;
        if (!parent_entries.count(key) || mcid >= parent_entries[key]) ++out.mcids_not_in_parent_tree;
      } else if (t.rfind("/Artifact", 0) == 0) {
        stack.emplace_back(-1, true);
        ++out.artifacts;
      } else if (t == "BDC" || t == "BMC") {
        stack.emplace_back(-1, false);
      } else if (t == "EMC") {
        if (!stack.empty()) stack.pop_back();
      } else {
        ++out.text_ops;
        bool covered = false;
        for (const auto& [mcid, artifact] : stack) covered |= mcid >= 0 || artifact;
        if (!covered) ++out.untagged_text_ops;
      }
    }
  }
  return out;
}

// The text lines of `pdfinfo -struct-text`, in tree order (the tag tree's reading order).
inline std::vector<std::string> struct_text(const std::string& pdf) {
  const auto r = run_tool("pdfinfo -struct-text " + shell_quoted(pdf));
  std::vector<std::string> lines;
  std::istringstream in(r.output);
  const std::regex quoted(R"re(^\s*"(.*)"\s*$)re");
  std::smatch m;
  for (std::string line; std::getline(in, line);)
    if (std::regex_match(line, m, quoted)) lines.push_back(m[1]);
  return lines;
}

}  // namespace leafpress::test
