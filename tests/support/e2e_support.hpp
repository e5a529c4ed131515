// tests/support/e2e_support.hpp: what the end-to-end tests (tests/e2e/) share: where the
// project, the seed article, the leafpress binary and the independent checker pdfcheck are,
// which layouts ship and which articles every layout is tried with, and pdfcheck's two ways
// of answering (text lines "key: value", or --json).
//
// Included only by the tests that build real PDFs, so that a change here recompiles those
// and nothing else. An e2e test says `using namespace leafpress::test;` after including it.
#pragma once

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/test_support.hpp"

namespace leafpress::test {

// ---- Where things are ----

// The project's source folder (a checkout or a worktree).
inline const std::filesystem::path kSource = LEAFPRESS_SOURCE_DIR;

// The seed article, built by most e2e tests.
inline const std::filesystem::path kSeed = kSource / "content/stem-cell-therapy.md";

// The leafpress binary this build made.
inline const std::string kBinary = LEAFPRESS_BINARY;

// The independent checker, shared/tools/pdfcheck, beside the repository (/work/main →
// /work/shared) or beside the folder of worktrees (/work/wt/NAME → /work/shared). It may be
// absent (a checkout elsewhere): the tests that need it say so with pdfcheck_found().
inline const std::filesystem::path kPdfcheck =
    std::filesystem::exists(kSource.parent_path() / "shared/tools/pdfcheck")
        ? kSource.parent_path() / "shared/tools/pdfcheck"
        : kSource.parent_path().parent_path() / "shared/tools/pdfcheck";

// ---- What is tried ----

// The names of the shipped layouts (layouts/NAME.yaml), sorted: read from the folder, so a
// new layout is tried without anyone adding it to a list.
inline const std::vector<std::string>& shipped_layouts() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(kSource / "layouts"))
      if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

// The seed article first, then tests/articles/*.md sorted by name (not the gfm/ folder).
inline std::vector<std::filesystem::path> articles() {
  std::vector<std::filesystem::path> out{kSeed};
  for (const auto& e : std::filesystem::directory_iterator(kSource / "tests/articles"))
    if (e.path().extension() == ".md") out.push_back(e.path());
  std::sort(out.begin() + 1, out.end());
  return out;
}

// ---- pdfcheck ----

// Whether pdfcheck is there; when not, a warning says what is `skipped`.
inline bool pdfcheck_found(const std::string& skipped = "skipped") {
  if (std::filesystem::exists(kPdfcheck)) return true;
  WARN("pdfcheck not found at " << kPdfcheck << ": " << skipped);
  return false;
}

// pdfcheck's report on `pdf` as text, one "key: value" a line; `options` follow the file,
// already quoted for the shell (" --source 'a.md' --standard ua").
inline std::string pdfcheck_report(const std::filesystem::path& pdf, const std::string& options = "") {
  return run_tool(shell_quoted(kPdfcheck) + " " + shell_quoted(pdf) + options).output;
}

// A number from pdfcheck's "key: value" lines; -1 when absent.
inline double figure(const std::string& report, const std::string& key) {
  std::smatch m;
  if (!std::regex_search(report, m, std::regex("(^|\\n)" + key + ": ([-0-9.]+)"))) return -1;
  return std::stod(m[2]);
}

// pdfcheck's report on `pdf` as JSON (--json); what it printed before the JSON is skipped.
inline nlohmann::json pdfcheck(const std::string& pdf) {
  const auto r = run_tool(shell_quoted(kPdfcheck) + " " + shell_quoted(pdf) + " --json");
  INFO(r.output);
  return nlohmann::json::parse(r.output.substr(r.output.find('{')));
}

}  // namespace leafpress::test
