// End to end: every case of tests/bad/ through the leafpress binary (see tests/bad/README.md).
//
// Each case is a folder: article.md (unless made here), optionally layout.yaml (passed
// with --layout), fonts/ and pictures, and `expect`, one line:
//   TEXT              the build fails: exit status 1, exactly one line of output,
//                     "error: " and TEXT in it, and no file left behind (no PDF, no
//                     temporary file, no output folder);
//   builds            the build succeeds: exit status 0, a whole PDF (pdfinfo reads
//                     it) and no other new file;
//   builds-or:TEXT    either of the two.
// The case runs in a copy of its folder, as `leafpress build article.md -o
// out/article.pdf`, so messages name `article.md` as a user would see it.
// Inputs too big or too odd for git (5 MB, links, folders) are made by make_input.
// A hang is a failure too: every run is under `timeout` (a guard, not a timing).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "core/utf8.hpp"
#include "tests/support/e2e_support.hpp"
#include "tests/support/snapshot.hpp"

namespace fs = std::filesystem;
using namespace leafpress::test;

namespace {

const fs::path kCases = kSource / "tests" / "bad";

// Every file and folder under `root`, as relative paths; links are listed, not followed.
std::set<std::string> listing(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    out.insert(fs::relative(entry.path(), root).string());
  return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Makes the inputs that are not kept in git; returns the article as given to leafpress.
std::string make_input(const std::string& name, const fs::path& dir) {
  const fs::path tmp = dir.parent_path();
  const std::string png = read_bytes(kSource / "tests/fuzz/corpus/image/rgb.png");
  if (name == "article-5mb")
    write_bytes(
        dir / "article.md",
        "# Big\n\n" + repeat("Wash your hands with soap and water for twenty seconds. ", 90000) + "\n");
  if (name == "long-word-20000")
    write_bytes(dir / "article.md", "# Word\n\n" + repeat("abcdefghij", 2000) + "\n");
  if (name == "long-word-2000")
    write_bytes(dir / "article.md", "# Word\n\n" + repeat("abcdefghij", 200) + "\n");
  if (name == "long-number-cjk")
    write_bytes(dir / "article.md", "---\nlang: ja\n---\n# 数字\n\n" + repeat("1234567890", 300) + "\n");
  if (name == "combining-marks-50000")
    write_bytes(dir / "article.md",
                "# Marks\n\na" + repeat(utf8(U'\u0301'), 50000) + " b\n\nWash your hands.\n");
  if (name == "layout-200-sides") {  // 200 pages; the limit is doc::kMaxPages (64)
    std::string yaml = "name: many\nsheet: {width: 297mm, height: 210mm}\nsides:\n";
    std::string flow;
    for (int i = 0; i < 200; ++i) {
      const std::string n = std::to_string(i);
      yaml += "  - name: s" + n + "\n    panels:\n      - {name: p" + n +
              "a, width: 148.5mm}\n      - {name: p" + n + "b, width: 148.5mm}\n";
      if (i > 0) flow += (flow.empty() ? "" : ", ") + ("p" + n + "a, p" + n + "b");
    }
    write_bytes(dir / "layout.yaml", yaml + "cover: {panel: p0b}\nflow: [" + flow + "]\n");
  }
  if (name == "article-is-folder") {
    fs::create_directory(dir / "folder.md");
    return "folder.md";
  }
  if (name == "article-missing") return "missing.md";
  if (name == "image-dotdot") write_bytes(tmp / "outside.png", png);  // it exists: only the path is wrong
  if (name == "image-symlink-outside") {
    write_bytes(tmp / "outside.png", png);
    fs::create_symlink(tmp / "outside.png", dir / "link.png");
  }
  return "article.md";
}

struct Expectation {
  bool may_build = false, may_fail = true;
  std::string text;  // in the error line
};

Expectation read_expectation(const fs::path& file) {
  std::string line = read_bytes(file);
  line = line.substr(0, line.find('\n'));
  if (line == "builds") return {true, false, ""};
  if (line.starts_with("builds-or:")) return {true, true, line.substr(10)};
  return {false, true, line};
}

void check_case(const std::string& name) {
  TempDir tmp;
  const fs::path dir = tmp.path / "case";
  fs::copy(kCases / name, dir, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  const std::string article = make_input(name, dir);
  const Expectation expect = read_expectation(dir / "expect");
  const auto before = listing(tmp.path);

  std::string command = "cd " + shell_quoted(dir) + " && timeout -k 10 600 " + LEAFPRESS_BINARY + " build " +
                        shell_quoted(article) + " -o out/article.pdf";
  if (fs::exists(dir / "layout.yaml")) command += " --layout layout.yaml";
  const auto run = run_tool(command);
  const auto after = listing(tmp.path);
  std::set<std::string> added;
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::inserter(added, added.end()));
  std::string added_list;
  for (const auto& f : added) added_list += " " + f;
  INFO("case " << name << ": exit status " << run.status << "\n" << run.output << "new files:" << added_list);

  REQUIRE(run.status != -1);   // killed by a signal: a crash
  REQUIRE(run.status != 124);  // timeout: a hang
  if (run.status == 0) {
    CHECK(expect.may_build);
    CHECK(added == std::set<std::string>{"case/out", "case/out/article.pdf"});
    const std::string pdf = (dir / "out" / "article.pdf").string();
    CHECK(read_bytes(pdf).starts_with("%PDF-"));
    CHECK(run_tool("pdfinfo " + shell_quoted(pdf)).status == 0);
    CHECK(run.output.find("wrote out/article.pdf") != std::string::npos);
    return;
  }
  CHECK(expect.may_fail);
  CHECK(run.status == 1);
  CHECK(added.empty());  // no PDF, no temporary file, not even the output folder
  // One line: "error: FILE:LINE: message (hint)".
  CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
  CHECK(run.output.starts_with("error: "));
  CHECK(run.output.find(expect.text) != std::string::npos);
  CHECK(run.output.find("internal error") == std::string::npos);  // an exception got as far as batch/
}

}  // namespace

TEST_CASE("bad inputs: one clear line, exit status 1 and no file left behind, or a sensible PDF",
          "[e2e][bad]") {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCases))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 40);
  for (const auto& name : names) DYNAMIC_SECTION(name) {
      check_case(name);
    }
}

// "Broken somewhere": a word longer than a line is set on several lines, none
// longer than the column, and every letter of it comes back.
TEST_CASE("bad inputs: a 2,000-letter word is broken across lines", "[e2e][bad]") {
  TempDir tmp;
  const std::string word = repeat("abcdefghij", 200);
  const auto article = write_bytes(tmp.path / "word.md", "# Word\n\n" + word + "\n");
  const std::string pdf = (tmp.path / "word.pdf").string();
  const auto run = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
  INFO(run.output);
  REQUIRE(run.status == 0);
  // -layout: plain pdftotext joins lines that end in a hyphen. Panels sit side by
  // side, so a piece is a word of the layout text, not a line.
  const std::string text = run_tool("pdftotext -layout -enc UTF-8 " + shell_quoted(pdf) + " -").output;
  std::istringstream words(text);
  std::string token, letters;
  std::size_t pieces = 0, longest = 0;
  while (words >> token) {  // a piece: letters a-j, perhaps a hyphen; the title "Word" is not one
    std::string piece;
    bool other = false;
    // An inserted hyphen reads as a soft hyphen (U+00AD, C2 AD) in PDFs since layout marks it so.
    for (const char c : token) {
      if (c >= 'a' && c <= 'j')
        piece += c;
      else if (c != '-' && c != '\xC2' && c != '\xAD')
        other = true;
    }
    if (other || piece.empty()) continue;
    ++pieces;
    longest = std::max(longest, piece.size());
    letters += piece;
  }
  INFO(pieces << " lines, the longest " << longest << " characters");
  CHECK(pieces >= 10);
  CHECK(longest < 100);
  CHECK(letters.size() == word.size());  // every letter; side-by-side panels mix their order
}

// A slip of the hand, `-o notes.md` for notes.md, must not turn the article into a PDF.
TEST_CASE("bad inputs: an output that is the article itself is refused, the article kept", "[e2e][bad]") {
  TempDir tmp;
  const std::string text = "# Hand washing\n\nWet your hands, then soap them.\n";
  const auto article = write_bytes(tmp.path / "notes.md", text);
  for (const std::string& output : {article, (tmp.path / "." / "notes.md").string()}) {
    const auto run = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(output));
    INFO(run.output);
    CHECK(run.status == 2);
    CHECK(run.output.find("would destroy it") != std::string::npos);
    CHECK(read_bytes(article) == text);
  }
  CHECK(listing(tmp.path) == std::set<std::string>{"notes.md"});
}

// Usage errors of `build`: exit status 2 before anything is built, one `error:` line
// that names the files, every input byte-identical and nothing new written.
TEST_CASE("bad inputs: outputs over inputs and malformed options are usage errors, nothing written",
          "[e2e][bad]") {
  struct Case {
    std::string args, expect;
  };
  const std::vector<Case> cases{
      {"a.md -o p.png", "the picture"},                   // a picture the article uses
      {"a.md -o ./sub/../cover.png", "the cover image"},  // another name for it
      {"a.md --layout my.yaml -o my.yaml", "the layout"},
      {"a.md -o a.md", "would destroy it"},
      {"a.md b.md --out-dir . -o x.pdf", "-o"},
      {"a.md -o x.pdf --out-dir d", "--out-dir"},
      {"a.md --layout ''", "--layout"},
      {"a.md -o ''", "--output"},
      {"a.md --out-dir ''", "--out-dir"},
      {"a.md -o out/", "is a folder"},
      {"a.md -o .", "is a folder"},
      {"a.md -o sub", "is a folder"},
      {"a.md --set body.size", "KEY=VALUE"},
      {"a.md --set nosuch=1", "unknown key"},
      {"a.md --set body.size=1000pt", "body.size"},
      {"a.md --layout handout-a5", "--layout handout-a5: unknown layout"},  // blamed a.md, exit 1
      {"a.md --layout nope.yaml", "--layout nope.yaml: layout file not found"},
      {"a.md -o notes.txt", "notes.txt: is not a PDF"},  // replaced the notes with a PDF
  };
  for (const auto& c : cases) DYNAMIC_SECTION(c.args) {
      TempDir tmp;
      const std::string png = read_bytes(kSource / "tests/fuzz/corpus/image/rgb.png");
      write_bytes(tmp.path / "p.png", png);
      write_bytes(tmp.path / "cover.png", png);
      fs::create_directories(tmp.path / "sub");
      fs::copy_file(kSource / "layouts" / "trifold-a4.yaml", tmp.path / "my.yaml");
      write_bytes(tmp.path / "a.md",
                  "---\ntitle: Hands\ncover_image: cover.png\n---\n# Hands\n\n![Steps](p.png)\n");
      write_bytes(tmp.path / "b.md", "# B\n\nText.\n");
      write_bytes(tmp.path / "notes.txt", "call the printer on Monday\n");
      const auto before = snapshot(tmp.path);
      const auto run = run_tool("cd " + shell_quoted(tmp.path) + " && " + LEAFPRESS_BINARY + " build " +
                                c.args + " </dev/null");
      INFO(run.output);
      CHECK(run.status == 2);
      CHECK(one_error_line(run.output));
      CHECK_THAT(run.output, Catch::Contains(c.expect));
      CHECK(snapshot(tmp.path) == before);
    }
}

// A file name with control bytes reaches neither the terminal nor an output name raw.
TEST_CASE("bad inputs: control bytes in a file name are escaped in messages and cleaned in outputs",
          "[e2e][bad]") {
  TempDir tmp;
  const std::string name = "evil\x1b[31m\x07.md";
  write_bytes(tmp.path / name, "# Hands\n\nWash them.\n");
  const auto run = run_tool("cd " + shell_quoted(tmp.path) + " && " + LEAFPRESS_BINARY + " build " +
                            shell_quoted(name) + " " + shell_quoted("missing\x1b[2J.md"));
  INFO(run.output);
  CHECK(run.status == 1);
  CHECK(run.output.find('\x1b') == std::string::npos);
  CHECK(run.output.find('\x07') == std::string::npos);
  CHECK_THAT(run.output, Catch::Contains("\\x1B"));
  CHECK(fs::exists(tmp.path / "evil-[31m-.pdf"));
}

// preview and watch said "leafpress: --dpi must be ..." and batch "error: leafpress: --shard
// must be ...": every usage error is one `error:` line, exit status 2.
TEST_CASE("bad inputs: preview, watch and batch options are told as error lines, exit status 2",
          "[e2e][bad]") {
  TempDir tmp;
  const auto article = write_bytes(tmp.path / "a.md", "# A\n\nText.\n");
  const std::pair<std::string, std::string> cases[] = {
      {"preview " + article + " --dpi 1000", "error: --dpi must be between 36 and 600, not 1000\n"},
      {"preview " + article + " --standard pdfx",
       "error: --standard must be print, archive or none, not \"pdfx\"\n"},
      {"watch " + (tmp.path / "none.md").string(),
       "error: " + (tmp.path / "none.md").string() + ": is not a file (name the article to watch)\n"},
      {"watch " + article + " --marks some", "error: --marks must be all or none, not \"some\"\n"},
      // preview took any word but `all` for none, and built a PDF cut to the trim.
      {"preview " + article + " --marks some", "error: --marks must be all or none, not \"some\"\n"},
      {"batch " + article + " --shard 9/2",
       "error: --shard: must be K/N with 1 <= K <= N, not \"9/2\" (e.g. --shard 2/8 for the second of eight "
       "machines)\n"},
  };
  for (const auto& [args, says] : cases) {
    const auto run = run_tool(std::string(LEAFPRESS_BINARY) + " " + args + " </dev/null");
    INFO(args);
    CHECK(run.status == 2);
    CHECK(run.output == says);
  }
}
