// End-to-end tests for `leafpress batch`: a data merge whose PDFs each show their
// own clinic (read back with pdftotext), bad rows that fail alone, a report that
// agrees with the files, re-runs that write nothing, shards, usage errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "tests/layout/layout_fixtures.hpp"
#include "tests/support/e2e_support.hpp"
#include "tests/support/snapshot.hpp"

namespace fs = std::filesystem;
using namespace leafpress::test;

namespace {

const std::string kArticle = R"(---
title: "Flu shots at {{clinic.name}}"
lang: en
date: 2026-11-24
---

# Flu shots at {{clinic.name}}

A new shot each autumn matches this season's viruses and lowers your risk of a serious illness.

## Book your shot

{{clinic.name}}

Phone {{clinic.phone}}
)";

std::string command(const std::string& args) {
  return kBinary + " " + args;
}

// The text of a PDF with runs of white space made one space.
std::string text_of(const fs::path& pdf) {
  const auto r = run_tool("pdftotext " + shell_quoted(pdf) + " -");
  std::string out;
  for (const char c : r.output) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

std::string clinic_name(int i) {
  return "Clinic " + std::to_string(i) + " *Star*: Main";  // Markdown and YAML syntax stay text
}
std::string clinic_phone(int i) {
  return "555-01" + std::to_string(10 + i);
}

// A folder with the article, a CSV of `rows` clinics (plus `extra` raw lines) and a manifest.
struct Merge {
  TempDir dir;
  fs::path manifest, report;
  Merge(int rows, const std::string& extra = "") {
    write_bytes(dir.path / "flu.md", kArticle);
    std::string csv = "clinic.id,clinic.name,clinic.phone\n";
    for (int i = 0; i < rows; ++i)
      csv += "c" + std::to_string(i) + ",\"" + clinic_name(i) + "\"," + clinic_phone(i) + "\n";
    write_bytes(dir.path / "clinics.csv", csv + extra);
    manifest = write_bytes(dir.path / "batch.yaml",
                           "jobs:\n  - name: flu\n    articles: flu.md\n    layout: trifold-a4\n"
                           "    data: clinics.csv\n    output: out/{{clinic.id}}.pdf\n");
    report = dir.path / "report.json";
  }
  ToolResult run(const std::string& more = "") const {
    return run_tool(
        command("batch " + shell_quoted(manifest) + " -j 2 --report " + shell_quoted(report) + " " + more));
  }
  nlohmann::json read_report() const { return nlohmann::json::parse(read_bytes(report)); }
  fs::path pdf(int i) const { return dir.path / "out" / ("c" + std::to_string(i) + ".pdf"); }
};

}  // namespace

TEST_CASE("batch: a merge writes every good row's PDF, with its own clinic, and fails only the bad rows",
          "[e2e][batch]") {
  constexpr int kRows = 12;
  // Line 14: one field short; line 15: an empty phone the article uses.
  Merge m(kRows, "short,Only Two\nblank,Blank Clinic,\n");
  const auto r = m.run();
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK_THAT(r.output, Catch::Contains("12 built, 0 up to date, 2 failed"));
  CHECK_THAT(r.output, Catch::Contains("clinics.csv:14: this row has 2 fields, the header 3"));
  CHECK_THAT(r.output, Catch::Contains("{{clinic.phone}} is empty") && Catch::Contains("clinics.csv:15"));
  for (int i = 0; i < kRows; ++i) {
    INFO(m.pdf(i));
    REQUIRE(fs::exists(m.pdf(i)));
    const std::string text = text_of(m.pdf(i));
    CHECK_THAT(text, Catch::Contains(clinic_name(i)) && Catch::Contains("Phone " + clinic_phone(i)));
    for (int other : {(i + 1) % kRows, (i + 5) % kRows})
      CHECK_THAT(text, !Catch::Contains(clinic_phone(other)));
  }
  CHECK_FALSE(fs::exists(m.dir.path / "out" / "blank.pdf"));

  const auto report = m.read_report();
  CHECK(report["summary"]["jobs"] == kRows + 2);
  CHECK(report["summary"]["built"] == kRows);
  CHECK(report["summary"]["failed"] == 2);
  int built = 0;
  for (const auto& job : report["jobs"]) {
    const fs::path out = job["output"].get<std::string>();
    if (job["status"] == "built") {
      ++built;
      CHECK(fs::exists(out));
      CHECK(job["pages"] == 2);
      CHECK(job["body_size"].get<double>() > 0);
      CHECK(job["error"].is_null());
    } else {
      CHECK(job["status"] == "failed");
      CHECK_FALSE(job["error"]["message"].get<std::string>().empty());
      CHECK_THAT(job["row"].get<std::string>(), Catch::Contains("clinics.csv:1"));
    }
  }
  CHECK(built == kRows);
  // No temporary files left beside the PDFs.
  for (const auto& e : fs::directory_iterator(m.dir.path / "out"))
    CHECK_THAT(e.path().filename().string(), Catch::EndsWith(".pdf") || Catch::EndsWith(".leafpress"));
}

TEST_CASE("batch: a re-run with nothing changed writes nothing and says so, a change rebuilds",
          "[e2e][batch]") {
  Merge m(3);
  REQUIRE(m.run().status == 0);
  std::vector<fs::file_time_type> times;
  for (int i = 0; i < 3; ++i) times.push_back(fs::last_write_time(m.pdf(i)));

  const auto again = m.run();
  INFO(again.output);
  CHECK(again.status == 0);
  CHECK_THAT(again.output, Catch::Contains("nothing to do: all 3 PDFs are up to date"));
  for (int i = 0; i < 3; ++i) CHECK(fs::last_write_time(m.pdf(i)) == times[static_cast<std::size_t>(i)]);
  const auto report = m.read_report();
  CHECK(report["summary"]["skipped"] == 3);
  CHECK(report["jobs"][0]["status"] == "skipped");
  CHECK(report["jobs"][0]["pages"] == 2);

  // One row changes: only its PDF is made again.
  std::string csv = read_bytes(m.dir.path / "clinics.csv");
  csv.replace(csv.find(clinic_phone(1)), clinic_phone(1).size(), "555-0999");
  write_bytes(m.dir.path / "clinics.csv", csv);
  const auto changed = m.run();
  CHECK_THAT(changed.output, Catch::Contains("1 built, 2 up to date, 0 failed"));
  CHECK_THAT(text_of(m.pdf(1)), Catch::Contains("Phone 555-0999"));

  CHECK_THAT(m.run("--force").output, Catch::Contains("3 built, 0 up to date"));
}

// (A test name must not hold ';': ctest's test discovery cuts the name there, finds no such
// test and counts it as passed. This one hid a failure that way: the 1-pixel pictures are
// refused by PDF/X (under 72 ppi), so it builds for the office printer.)
TEST_CASE(
    "batch: a changed picture rebuilds, and a logo outside the manifest's folder or an overlong id fails "
    "only its row",
    "[e2e][batch]") {
  Merge m(0);
  write_bytes(m.manifest,
              "jobs:\n  - name: flu\n    articles: flu.md\n    layout: trifold-a4\n    standard: none\n"
              "    data: clinics.csv\n    output: out/{{clinic.id}}.pdf\n");
  write_bytes(m.dir.path / "clinics.csv",
              "clinic.id,clinic.name,clinic.phone,clinic.logo\n"
              "c0,Clinic Zero,555-0100,logo.png\n"
              "c1,Clinic One,555-0101,\n"
              "far,Far Clinic,555-0200,/etc/logo.png\n" +
                  std::string(300, 'B') + ",Long Clinic,555-0300,\n");
  write_bytes(m.dir.path / "logo.png", tiny_png());
  write_bytes(m.dir.path / "flu.md", kArticle + "\n![A map](map.png)\n");
  write_bytes(m.dir.path / "map.png", tiny_png());

  const auto first = m.run();
  INFO(first.output);
  CHECK(first.status == 1);  // some failed, none crashed
  CHECK(fs::exists(m.pdf(0)));
  CHECK(fs::exists(m.pdf(1)));
  const auto report = m.read_report();
  std::string problems;
  for (const auto& job : report["jobs"])
    if (job["status"] == "failed") problems += job["error"].dump() + "\n";
  CHECK_THAT(problems, Catch::Contains("outside"));

  // The picture changes: every good PDF is made again.
  write_bytes(m.dir.path / "map.png", read_bytes(m.dir.path / "logo.png") + std::string(8, '\0'));
  fs::last_write_time(m.dir.path / "map.png",
                      fs::last_write_time(m.dir.path / "map.png") + std::chrono::seconds(5));
  const auto again = m.run();
  INFO(again.output);
  CHECK_THAT(again.output, Catch::Contains("3 built, 0 up to date, 1 failed"));
}

TEST_CASE("batch: a rebuilt leafpress rebuilds the PDFs an older build made", "[e2e][batch]") {
  Merge m(2);
  REQUIRE_THAT(m.run().output, Catch::Contains("2 built"));
  REQUIRE_THAT(m.run().output, Catch::Contains("all 2 PDFs are up to date"));
  // The same program elsewhere with another modification time stands for a new build of it.
  const fs::path copy = m.dir.path / "leafpress-new";
  fs::copy_file(kBinary, copy);
  fs::last_write_time(copy, fs::last_write_time(kBinary) + std::chrono::seconds(60));
  const auto r = run_tool(shell_quoted(copy) + " batch " + shell_quoted(m.manifest) + " -j 2");
  INFO(r.output);
  CHECK_THAT(r.output, Catch::Contains("2 built, 0 up to date"));
}

TEST_CASE("batch: shards split the jobs into disjoint parts that cover them all", "[e2e][batch]") {
  Merge m(6);
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    const auto r = m.run(std::string("--shard ") + shard);
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto report = m.read_report();
    CHECK(report["shard"] == shard);
    for (const auto& job : report["jobs"]) {
      CHECK(job["status"] == "built");
      seen.insert(job["output"].get<std::string>());
      ++total;
    }
  }
  CHECK(total == 6);
  CHECK(seen.size() == 6);
  for (int i = 0; i < 6; ++i) CHECK(fs::exists(m.pdf(i)));
}

TEST_CASE("batch: usage errors exit with 2 before anything is built", "[e2e][batch]") {
  Merge m(2);
  CHECK(m.run("--shard 4/3").status == 2);
  write_bytes(m.manifest,
              "jobs:\n  - articles: flu.md\n    data: clinics.csv\n    output: out/same.pdf\n");  // two rows,
                                                                                                  // one file
  const auto shared = m.run();
  CHECK(shared.status == 2);
  CHECK_THAT(shared.output, Catch::Contains("would both write"));
  CHECK(run_tool(command("batch " + shell_quoted(m.dir.path / "missing.yaml"))).status == 2);
  CHECK(run_tool(command("batch")).status == 2);
  CHECK_FALSE(fs::exists(m.dir.path / "out"));
  CHECK_FALSE(fs::exists(m.report));
}

// No output of a batch may replace what the batch reads: refused before building (exit
// status 2), one `error:` line naming both files, every file byte-identical after.
TEST_CASE("batch: outputs over the manifest, the data, an article or the report's inputs are refused",
          "[e2e][batch]") {
  struct Case {
    std::string output, more, expect;
  };
  const std::vector<Case> cases{
      {"'{{article}}.md'", "", "the article"},
      {"clinics.csv", "", "the data file"},
      {"batch.yaml", "", "the manifest"},
      {"out/{{clinic.id}}.pdf", "--report batch.yaml", "the manifest"},
      {"out/{{clinic.id}}.pdf", "--report flu.md", "the article"},
      {"out/{{clinic.id}}.pdf", "--report clinics.csv", "the data file"},
      {"out/{{clinic.id}}.pdf", "--shard ''", "--shard"},
      {"out/{{clinic.id}}.pdf", "--report ''", "--report"},
      {"''", "", "must name a file"},
      {"'.'", "", "must name a file"},
      {"out/", "", "must name a file"},
  };
  for (const auto& c : cases) DYNAMIC_SECTION(c.output << " " << c.more) {
      Merge m(2);
      write_bytes(m.manifest,
                  "jobs:\n  - name: flu\n    articles: flu.md\n    data: clinics.csv\n    output: " +
                      c.output + "\n");
      const auto before = snapshot(m.dir.path);
      const auto run =
          run_tool("cd " + shell_quoted(m.dir.path) + " && " + command("batch batch.yaml -j 2 " + c.more));
      INFO(run.output);
      CHECK(run.status == 2);
      CHECK(one_error_line(run.output));
      CHECK_THAT(run.output, Catch::Contains(c.expect));
      CHECK(snapshot(m.dir.path) == before);
    }
}

TEST_CASE("batch: a malformed set:, an alias bomb and a 10,000-column CSV are usage errors, at once",
          "[e2e][batch]") {
  Merge m(2);
  std::string bomb =
      "jobs:\n  - articles: flu.md\n    output: x.pdf\n    vars:\n"
      "      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += "      a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  std::string wide;
  for (int i = 0; i < 10000; ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  wide += "\n";
  for (int r = 0; r < 1000; ++r) wide += std::string(10000 * 2 - 1, ',').replace(0, 1, "x") + "\n";
  write_bytes(m.dir.path / "wide.csv", wide);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"jobs:\n  - articles: flu.md\n    set: [body.size]\n    output: x.pdf\n", "batch.yaml:3"},
      {bomb, "the manifest is too large"},
      {"jobs:\n  - articles: flu.md\n    data: wide.csv\n    output: '{{c1}}.pdf'\n", "columns"},
  };
  for (const auto& [yaml, expect] : cases) DYNAMIC_SECTION(expect) {
      write_bytes(m.manifest, yaml);
      const auto before = snapshot(m.dir.path);
      const auto run =
          run_tool("cd " + shell_quoted(m.dir.path) + " && " + command("batch batch.yaml --shard 1/2"));
      INFO(run.output);
      CHECK(run.status == 2);
      CHECK(one_error_line(run.output));
      CHECK_THAT(run.output, Catch::Contains(expect));
      CHECK(snapshot(m.dir.path) == before);
    }
}

// `--report -` writes the JSON to standard output and the summary to standard error;
// `--report /dev/stdout` the same, and the link stays a link.
TEST_CASE("batch: --report - and --report /dev/stdout write through to standard output", "[e2e][batch]") {
  Merge m(2);
  for (const std::string target : {"-", "/dev/stdout"}) {
    const auto run = run_tool(
        "(" + command("batch " + shell_quoted(m.manifest) + " --force --report " + target) + " 2>/dev/null)");
    INFO(run.output);
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(run.output);  // nothing else on standard output
    CHECK(report["summary"]["built"] == 2);
  }
  CHECK(fs::is_symlink("/dev/stdout"));
}

// A link planted at the fingerprint's old fixed temporary name, in a shared output folder.
TEST_CASE("batch: a symbolic link planted beside the PDFs is never followed", "[e2e][batch]") {
  Merge m(2);
  const auto victim = write_bytes(m.dir.path / "victim.txt", "precious");
  fs::create_directories(m.dir.path / "out");
  for (const char* name : {".c0.pdf.leafpress.tmp", ".c0.pdf.tmp", ".c0.pdf.leafpress.7.tmp"})
    fs::create_symlink(victim, m.dir.path / "out" / name);
  const auto run = m.run();
  INFO(run.output);
  REQUIRE(run.status == 0);
  CHECK(read_bytes(victim) == "precious");
  CHECK(fs::exists(m.dir.path / "out" / ".c0.pdf.leafpress"));
  CHECK_FALSE(fs::is_symlink(m.dir.path / "out" / ".c0.pdf.leafpress"));
}

TEST_CASE("batch: articles: '**/*.md' builds articles at every depth", "[e2e][batch]") {
  TempDir dir;
  fs::create_directories(dir.path / "h" / "en" / "winter");
  write_bytes(dir.path / "h" / "a.md", "# A\n\nWash your hands.\n");
  write_bytes(dir.path / "h" / "en" / "winter" / "b.md", "# B\n\nWash your hands.\n");
  const auto manifest = write_bytes(dir.path / "batch.yaml",
                                    "jobs:\n  - articles: 'h/**/*.md'\n    output: out/{{article}}.pdf\n");
  const auto run = run_tool(command("batch " + shell_quoted(manifest)));
  INFO(run.output);
  REQUIRE(run.status == 0);
  CHECK(fs::exists(dir.path / "out" / "a.pdf"));
  CHECK(fs::exists(dir.path / "out" / "b.pdf"));
}

namespace {

struct Said {
  int status = -1;
  std::string out, err, report;
};

// `leafpress batch batch.yaml ARGS` run in `dir`, standard output and error apart, with the
// report `r.json` when there is one; times (the only bytes that vary) masked as T. (The
// body size a PDF got is the layout's business, not the command's: masked as B.)
Said batch_in(const fs::path& dir, const std::string& args) {
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  Said s;
  s.status = run_tool("(cd " + shell_quoted(dir) + " && " + command("batch batch.yaml -j 1 " + args) + " >" +
                      shell_quoted(out) + " 2>" + shell_quoted(err) + ")")
                 .status;
  const auto mask = [](const std::string& text) {
    static const std::regex seconds(R"("seconds": [0-9.e+-]+)"), rate(R"([0-9.]+ s \([0-9.]+ documents/s\))");
    static const std::regex size(R"("body_size": [1-9][0-9.]*)");
    const std::string timeless =
        std::regex_replace(std::regex_replace(text, seconds, R"("seconds": T)"), rate, "T s (T documents/s)");
    return std::regex_replace(timeless, size, R"("body_size": B)");
  };
  s.out = mask(read_bytes(out));
  s.err = mask(read_bytes(err));
  s.report = mask(read_bytes(dir / "r.json"));
  return s;
}

}  // namespace

// What a user sees of a run, byte for byte: the summary line, the errors, and the report,
// for a sharded run, its re-run over the report it wrote (all up to date), and a report
// named like one of the PDFs. A refactoring of the command must leave all of it as it is.
TEST_CASE("batch: a sharded run and its re-run say and report the same bytes as before", "[e2e][batch]") {
  TempDir dir;
  write_bytes(dir.path / "flu.md", kArticle);
  write_bytes(dir.path / "clinics.csv",
              "clinic.id,clinic.name,clinic.phone\nc0,East,555\nc1,West,556\nc2,North,557\n,Nameless,558\n"
              "c4,South\nc5,Far,559\n");
  write_bytes(dir.path / "batch.yaml",
              "jobs:\n  - name: flu\n    articles: flu.md\n    layout: handout-a4\n    data: clinics.csv\n"
              "    output: out/{{clinic.id}}.pdf\n");
  const auto first = batch_in(dir.path, "--shard 1/2 --report r.json");
  const auto again = batch_in(dir.path, "--shard 1/2 --report r.json");
  const auto over_pdf = batch_in(dir.path, "--report out/c1.pdf");
  const std::string row_error =
      "error: clinics.csv:5: variable {{clinic.id}} is empty in the output pattern (fill in `clinic.id` for "
      "this row) [out/{{clinic.id}}.pdf]\n";
  CHECK(first.status == 1);
  CHECK(first.out == "2 built, 0 up to date, 1 failed in T s (T documents/s) [shard 1/2: 3 of 6 jobs]\n");
  CHECK(first.err == row_error);
  CHECK(again.status == 1);
  CHECK(again.out == "0 built, 2 up to date, 1 failed in T s (T documents/s) [shard 1/2: 3 of 6 jobs]\n");
  CHECK(again.err == row_error);
  CHECK(over_pdf.status == 2);
  CHECK(over_pdf.out == "");
  CHECK(over_pdf.err ==
        "error: out/c1.pdf: is also the PDF of job `flu` (flu.md) (write the report to a .json file)\n");
  const std::string built_report = R"j({
  "leafpress": "0.1.0",
  "manifest": "batch.yaml",
  "shard": "1/2",
  "threads": 1,
  "seconds": T,
  "summary": {
    "jobs": 3,
    "built": 2,
    "skipped": 0,
    "failed": 1
  },
  "jobs": [
    {
      "job": "flu",
      "article": "flu.md",
      "row": "clinics.csv:3",
      "output": "out/c1.pdf",
      "status": "built",
      "pages": 1,
      "body_size": B,
      "warnings": [],
      "seconds": T,
      "error": null
    },
    {
      "job": "flu",
      "article": "flu.md",
      "row": "clinics.csv:5",
      "output": "out/{{clinic.id}}.pdf",
      "status": "failed",
      "pages": 0,
      "body_size": 0.0,
      "warnings": [],
      "seconds": T,
      "error": {
        "file": "clinics.csv",
        "line": 5,
        "message": "variable {{clinic.id}} is empty in the output pattern",
        "hint": "fill in `clinic.id` for this row",
        "text": "clinics.csv:5: variable {{clinic.id}} is empty in the output pattern (fill in `clinic.id` for this row)"
      }
    },
    {
      "job": "flu",
      "article": "flu.md",
      "row": "clinics.csv:7",
      "output": "out/c5.pdf",
      "status": "built",
      "pages": 1,
      "body_size": B,
      "warnings": [],
      "seconds": T,
      "error": null
    }
  ]
}
)j";
  // The re-run: the same entries, skipped (their pages and body size from the fingerprints).
  std::string skipped_report =
      std::regex_replace(built_report, std::regex(R"("status": "built")"), R"("status": "skipped")");
  skipped_report = std::regex_replace(skipped_report, std::regex(R"("built": 2,\n    "skipped": 0)"),
                                      "\"built\": 0,\n    \"skipped\": 2");
  CHECK(first.report == built_report);
  CHECK(again.report == skipped_report);
}

// Written last, such a report replaced the PDF with its JSON, and the fingerprint then
// kept the "PDF" up to date: refused, as a report over a PDF that exists already is.
TEST_CASE("batch: a report named like a PDF not built yet is refused before anything is built",
          "[e2e][batch]") {
  Merge m(2);
  for (const std::string report : {"out/c1.pdf", "out/../out/c1.pdf"}) {
    const auto run =
        run_tool("cd " + shell_quoted(m.dir.path) + " && " + command("batch batch.yaml --report " + report));
    INFO(run.output);
    CHECK(run.status == 2);
    CHECK(run.output == "error: " + report +
                            ": is also the PDF of job `flu` (flu.md) (write the report to a .json file)\n");
    CHECK_FALSE(fs::exists(m.dir.path / "out"));
  }
}

// An office's `out` folder that is a link to /etc (here a stand-in), and a row whose id is
// `passwd`: the PDF replaced the system's file. leafpress replaces only what it could have
// made: a PDF's name must hold a PDF (or nothing), the report's a JSON report.
TEST_CASE("batch: an output name that holds a file of another kind is refused, through a linked folder too",
          "[e2e][batch]") {
  TempDir dir;
  write_bytes(dir.path / "flu.md", kArticle);
  write_bytes(dir.path / "clinics.csv",
              "clinic.id,clinic.name,clinic.phone\nmaple,Maple,555\npasswd,East,556\n");
  write_bytes(dir.path / "batch.yaml",
              "jobs:\n  - articles: flu.md\n    layout: handout-a4\n    data: clinics.csv\n"
              "    output: out/{{clinic.id}}\n");
  fs::create_directories(dir.path / "etc");
  const auto passwd = write_bytes(dir.path / "etc" / "passwd", "root:x:0:0:root:/root:/bin/bash\n");
  fs::create_directory_symlink(dir.path / "etc", dir.path / "out");
  const auto in_dir = "cd " + shell_quoted(dir.path) + " && ";
  const auto run = run_tool(in_dir + command("batch batch.yaml"));
  INFO(run.output);
  CHECK(run.status == 2);
  CHECK(run.output ==
        "error: batch.yaml:5: out/passwd: is not a PDF (it begins \"root:x:0:0:root:/root:/b\"): the PDF of "
        "job "
        "`job-1` (flu.md, clinics.csv:3) would replace it (leafpress replaces only what it made: move the "
        "file away, or choose another output name)\n");
  CHECK(read_bytes(passwd) == "root:x:0:0:root:/root:/bin/bash\n");
  CHECK(fs::directory_iterator(dir.path / "etc") != fs::directory_iterator());
  CHECK_FALSE(fs::exists(dir.path / "etc" / "maple"));  // nothing built

  // The report, and `build -o`, likewise; a PDF or an empty file is replaced as before.
  write_bytes(dir.path / "clinics.csv", "clinic.id,clinic.name,clinic.phone\nmaple,Maple,555\n");
  const auto notes = write_bytes(dir.path / "notes.txt", "call the printer on Monday\n");
  const auto report = run_tool(in_dir + command("batch batch.yaml --report notes.txt"));
  INFO(report.output);
  CHECK(report.status == 2);
  CHECK_THAT(report.output,
             Catch::Contains("notes.txt: is not a JSON report (it begins \"call the printer on Mond\")"));
  const auto build = run_tool(in_dir + command("build flu.md -o notes.txt"));
  INFO(build.output);
  CHECK(build.status == 2);
  CHECK_THAT(build.output, Catch::StartsWith("error: notes.txt: is not a PDF"));
  CHECK(read_bytes(notes) == "call the printer on Monday\n");
  fs::create_directories(dir.path / "reports");
  const auto folder = run_tool(in_dir + command("batch batch.yaml --report reports"));
  CHECK(folder.status == 2);
  CHECK_THAT(folder.output, Catch::EndsWith("(name a file, e.g. reports/report.json)\n"));
  write_bytes(dir.path / "empty.json", "");
  CHECK(run_tool(in_dir + command("batch batch.yaml --report empty.json")).status == 0);
  CHECK(run_tool(in_dir + command("build flu.md -o out/maple")).status == 0);  // a PDF, replaced
}

// `layout: handout-a5` (there is none) failed every row alone, one error a row naming
// the article: now one usage error at the manifest's line, before anything is built.
TEST_CASE("batch: a layout the manifest names and nothing has is one usage error at its line",
          "[e2e][batch]") {
  Merge m(3);
  write_bytes(m.manifest,
              "defaults:\n  layout: handout-a5\njobs:\n  - articles: flu.md\n    data: clinics.csv\n"
              "    output: out/{{clinic.id}}.pdf\n");
  const auto run = m.run();
  INFO(run.output);
  CHECK(run.status == 2);
  CHECK_THAT(run.output,
             Catch::StartsWith("error: " + m.manifest.string() + ":2: unknown layout 'handout-a5' ("));
  CHECK(std::count(run.output.begin(), run.output.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(m.dir.path / "out"));
  write_bytes(m.manifest,
              "jobs:\n  - articles: flu.md\n    data: clinics.csv\n    layout: my/fold.yaml\n"
              "    output: out/{{clinic.id}}.pdf\n");
  const auto path = m.run();
  CHECK(path.status == 2);
  CHECK_THAT(path.output, Catch::Contains("batch.yaml:4: layout file not found"));
}

namespace {

// A small tmpfs mounted on a fresh folder for one test (root only: elsewhere `ok` is false),
// unmounted however the test ends.
struct TinyDisk {
  TempDir dir;
  bool ok = false;
  explicit TinyDisk(const std::string& size) {
    ok = run_tool("mount -t tmpfs -o size=" + size + " tmpfs " + shell_quoted(dir.path) + " 2>/dev/null")
             .status == 0;
  }
  ~TinyDisk() {
    if (ok) run_tool("umount " + shell_quoted(dir.path));
  }
  TinyDisk(const TinyDisk&) = delete;
  TinyDisk& operator=(const TinyDisk&) = delete;
};

}  // namespace

// A 300-row merge onto a disk that fills after a few PDFs printed 290 identical errors, and
// went on trying every row: now one error, and one line that says the run stopped, how
// many were not tried, and that a re-run skips what was built. Every PDF left is whole.
TEST_CASE("batch: a full disk stops the run with one error and keeps every PDF whole", "[e2e][batch]") {
  TinyDisk disk("256k");
  if (!disk.ok) {
    WARN("not run: mounting a tmpfs needs root");
    return;
  }
  Merge m(300);
  write_bytes(m.manifest,
              "jobs:\n  - articles: flu.md\n    layout: handout-a4\n    data: clinics.csv\n"
              "    output: " +
                  (disk.dir.path / "out").string() + "/{{clinic.id}}.pdf\n");
  const auto err = m.dir.path / "stderr.txt";
  const auto run =
      run_tool("(" + command("batch " + shell_quoted(m.manifest) + " -j 2 2>" + shell_quoted(err)) + ")");
  const std::string said = read_bytes(err);
  INFO(said);
  CHECK(run.status == 1);
  // Two error lines (a fingerprint the full disk could not take is a warning, and may be there).
  std::size_t errors = 0;
  for (std::size_t at = said.find("error: "); at != std::string::npos; at = said.find("error: ", at + 1))
    errors += at == 0 || said[at - 1] == '\n';
  CHECK(errors == 2);
  CHECK_THAT(said, Catch::Contains(": No space left on device (the disk is full"));
  CHECK_THAT(said,
             Catch::Contains("error: stopped: the disk is full: free some space, or write somewhere else; "));
  CHECK_THAT(said, Catch::Contains(" were not tried (run again then: what was built is skipped)\n"));
  std::size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(disk.dir.path / "out")) {
    const std::string name = e.path().filename().string();
    CHECK_FALSE(name.ends_with(".tmp"));
    if (!name.ends_with(".pdf")) continue;
    ++pdfs;
    CHECK(run_tool("qpdf --check " + shell_quoted(e.path()) + " >/dev/null").status == 0);
  }
  CHECK(pdfs > 0);
  CHECK(pdfs < 300);
}

// Ctrl-C in a long merge killed the process: the PDFs were whole, but the report was the
// previous run's and the run said nothing. Now the jobs under way finish, the report is
// written with them, one line says what was not tried, and the status is 130.
TEST_CASE("batch: Ctrl-C finishes the PDFs under way, writes the report and says what was not tried",
          "[e2e][batch]") {
  Merge m(2000);
  write_bytes(m.report, "{\"an old\": \"report\"}\n");
  // `set -m`: a background job keeps SIGINT (a non-interactive shell would have it ignored).
  const std::string script =
      "set -m; " + command("batch " + shell_quoted(m.manifest) + " -j 2 --report " + shell_quoted(m.report)) +
      " >/dev/null 2>" + shell_quoted(m.dir.path / "stderr.txt") + " & pid=$!; i=0; while [ ! -e " +
      shell_quoted(m.pdf(20)) +
      " ] && [ $i -lt 6000 ]; do sleep 0.01; i=$((i+1)); done; kill -TERM $pid; wait $pid";
  const auto run = run_tool("sh -c " + shell_quoted(script));
  const std::string said = read_bytes(m.dir.path / "stderr.txt");
  INFO(said);
  CHECK(run.status == 130);
  CHECK_THAT(said, Catch::Contains("error: interrupted: ") &&
                       Catch::Contains(" PDFs were not tried; those begun were finished (run again: what was "
                                       "built is skipped)\n"));
  const auto report = m.read_report();
  const int built = report["summary"]["built"];
  CHECK(built > 0);
  CHECK(built < 2000);
  CHECK(report["summary"]["jobs"] == built);
  std::size_t pdfs = 0, temporaries = 0;
  for (const auto& e : fs::directory_iterator(m.dir.path / "out")) {
    pdfs += e.path().extension() == ".pdf";
    temporaries += e.path().extension() == ".tmp";
  }
  CHECK(pdfs == static_cast<std::size_t>(built));
  CHECK(temporaries == 0);
  CHECK(run_tool("qpdf --check " + shell_quoted(m.pdf(20)) + " >/dev/null").status == 0);
}

// A folder no PDF can be written to (here a file where `out/` should be; for a clinic's user,
// a folder without write permission) failed each row with the same line: now the first, and
// one line that counts the others. The file in the way is left as it was.
TEST_CASE("batch: a folder that cannot be written is told once, with how many PDFs it cost", "[e2e][batch]") {
  Merge m(30);
  const auto in_the_way = write_bytes(m.dir.path / "out", "not a folder\n");
  const auto run = m.run();
  INFO(run.output);
  CHECK(run.status == 1);
  CHECK_THAT(run.output,
             Catch::Contains("error: " + in_the_way +
                             ": cannot create the output folder: Not a directory (a part of the path "
                             "is a file, not a folder) ["));
  CHECK_THAT(run.output,
             Catch::Contains("error: " + in_the_way +
                             ": 29 more PDFs could not be written there either (a part of the path is "
                             "a file, not a folder)\n"));
  std::size_t errors = 0;
  for (std::size_t at = run.output.find("error: "); at != std::string::npos;
       at = run.output.find("error: ", at + 1))
    errors += at == 0 || run.output[at - 1] == '\n';
  CHECK(errors == 2);
  CHECK(read_bytes(in_the_way) == "not a folder\n");
  CHECK(m.read_report()["summary"]["failed"] == 30);
}
