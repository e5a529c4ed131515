// Tests for batch/manifest.cpp: articles x rows in manifest order, paths relative to
// the manifest, output patterns, and the usage errors that refuse a whole manifest.
#include <catch2/catch.hpp>

#include <sys/inotify.h>
#include <unistd.h>

#include <functional>

#include "batch/manifest.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::batch::load_manifest;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

namespace {

struct Folder {
  TempDir dir;
  Folder() {
    fs::create_directories(dir.path / "handouts");
    write_bytes(dir.path / "handouts" / "flu.en.md", "Call {{clinic.phone}}.\n");
    write_bytes(dir.path / "handouts" / "flu.ja.md", "{{clinic.phone}}\n");
    write_bytes(dir.path / "clinics.csv",
                "clinic.id,clinic.name,clinic.phone\neast,East Clinic,555-0100\nwest/2,West Clinic,555-0101\n"
                "bad,only two\n");
  }
  std::string manifest(const std::string& yaml) { return write_bytes(dir.path / "batch.yaml", yaml); }
};

// How often `file` is opened while `run` runs, as inotify tells it. Closes are watched too:
// inotify merges an event into the one before it when both are the same and unread, so two
// opens in a row would read as one.
int opens_of(const fs::path& file, const std::function<void()>& run) {
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(::inotify_add_watch(fd, file.c_str(), IN_OPEN | IN_CLOSE_NOWRITE | IN_CLOSE_WRITE) >= 0);
  run();
  int opens = 0;
  alignas(inotify_event) char events[4096];
  for (ssize_t n; (n = ::read(fd, events, sizeof events)) > 0;)
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(events + at);
      opens += (e->mask & IN_OPEN) != 0;
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  ::close(fd);
  return opens;
}

}  // namespace

TEST_CASE("manifest: every article x row is one job, in order, with paths from the manifest's folder",
          "[batch]") {
  Folder f;
  auto m = load_manifest(f.manifest(R"(defaults:
  layout: trifold-a4
jobs:
  - name: flu
    articles: handouts/flu.*.md
    data: clinics.csv
    set: body.size=9pt
    output: out/{{clinic.id}}/{{article}}.pdf
  - articles: [handouts/flu.en.md]
    standard: archive
    rows:
      - clinic: {id: popup, phone: 555-0199}
    vars: {campaign: Winter}
    output: out/{{job}}-{{row}}-{{campaign}}.pdf
)"));
  if (!m) FAIL(m.error().describe());
  const auto jobs = m->all_jobs();
  CHECK(m->job_count == 7);
  REQUIRE(jobs.size() == 7);
  const auto& first = jobs[0];
  CHECK(first.name == "flu");
  CHECK(first.job.article == (f.dir.path / "handouts" / "flu.en.md").string());
  CHECK(first.job.layout == "trifold-a4");
  CHECK(first.job.sets == std::vector<std::string>{"body.size=9pt"});
  CHECK(first.job.fill_variables);
  CHECK(first.job.variables.at("clinic.phone") == "555-0100");
  CHECK(first.job.row == (f.dir.path / "clinics.csv").string() + ":2");
  CHECK(first.job.output == (f.dir.path / "out" / "east" / "flu.en.pdf").string());
  CHECK(first.shard_key == "out/east/flu.en.pdf");
  CHECK_FALSE(first.problem);
  // '/' inside a value cannot make a folder.
  CHECK(jobs[1].job.output == (f.dir.path / "out" / "west-2" / "flu.en.pdf").string());
  // The short row fails alone, with its line.
  REQUIRE(jobs[2].problem);
  CHECK(jobs[2].problem->line == 4);
  CHECK(jobs[3].job.article == (f.dir.path / "handouts" / "flu.ja.md").string());
  const auto& last = jobs[6];
  CHECK(last.name == "job-2");
  CHECK(last.job.standard == leafpress::pdf::Standard::Archive);
  CHECK(last.job.variables.at("clinic.phone") == "555-0199");
  CHECK(last.job.variables.at("campaign") == "Winter");
  CHECK(last.job.output == (f.dir.path / "out" / "job-2-1-Winter.pdf").string());
  CHECK_THAT(last.job.row, Catch::EndsWith("batch.yaml:12"));
}

TEST_CASE("manifest: usage errors name the manifest and the line", "[batch]") {
  Folder f;
  const auto error_of = [&](const std::string& yaml) {
    auto m = load_manifest(f.manifest(yaml));
    REQUIRE_FALSE(m);
    return m.error();
  };
  auto e = error_of("jobs:\n  - articles: handouts/flu.en.md\n    ouput: x.pdf\n");
  CHECK(e.line == 3);
  CHECK_THAT(e.message, Catch::Contains("unknown job key `ouput`"));
  CHECK_THAT(error_of("jobs:\n  - articles: nothing/*.md\n    output: x.pdf\n").message,
             Catch::Contains("matches no file"));
  CHECK_THAT(
      error_of("jobs:\n  - articles: handouts/flu.en.md\n    data: clinics.csv\n    output: x.pdf\n").message,
      Catch::Contains("would both write"));
  CHECK_THAT(error_of("jobs:\n  - articles: handouts/flu.en.md\n    output: '{{clinic.id}}.pdf'\n").message,
             Catch::Contains("{{clinic.id}}, which no row has"));
  CHECK_THAT(error_of("jobs:\n  - articles: handouts/flu.en.md\n    data: missing.csv\n    output: x.pdf\n")
                 .describe(),
             Catch::Contains("missing.csv"));
  CHECK_THAT(error_of("jobs: [\n").message, Catch::Contains("not valid YAML"));
  CHECK_THAT(error_of("jobs:\n  - articles: handouts/flu.en.md\n").message, Catch::Contains("no `output:`"));
  CHECK_THAT(error_of("jobs:\n  - articles: a.md\n    standard: pdfx\n    output: x.pdf\n").message,
             Catch::Contains("print, archive or none"));
}

TEST_CASE("manifest: an output that names no file, and a bad set:, are usage errors", "[batch]") {
  Folder f;
  for (const std::string output :
       {"''", "'.'", "out/", "out/..", "'{{article}}/'", "\"out/a\\x1b[2J.pdf\""}) {
    INFO(output);
    auto m =
        load_manifest(f.manifest("jobs:\n  - articles: handouts/flu.en.md\n    output: " + output + "\n"));
    REQUIRE_FALSE(m);
    CHECK(m.error().line == 3);
    CHECK_THAT(m.error().message, Catch::Contains("must name a file"));
  }
  auto m = load_manifest(
      f.manifest("jobs:\n  - articles: handouts/flu.en.md\n    set: [body.size]\n    output: x.pdf\n"));
  REQUIRE_FALSE(m);
  CHECK(m.error().line == 3);
  CHECK_THAT(m.error().message, Catch::Contains("KEY=VALUE"));
}

// An article named "...md" has the stem "..": as a row value, it may not climb a folder.
TEST_CASE("manifest: {{article}} is cleaned like a row value", "[batch]") {
  Folder f;
  write_bytes(f.dir.path / "handouts" / "...md", "x\n");
  write_bytes(f.dir.path / "handouts" /
                  "a\x01"
                  "b.md",
              "x\n");
  auto m =
      load_manifest(f.manifest("jobs:\n  - articles: handouts/*.md\n    output: out/{{article}}/x.pdf\n"));
  REQUIRE(m);
  for (const auto& p : m->all_jobs()) {
    INFO(p.job.output);
    CHECK(p.job.output.starts_with((f.dir.path / "out").string() + "/"));
    CHECK(p.job.output.find('\x01') == std::string::npos);
    CHECK(fs::path(p.job.output).lexically_normal().string() == p.job.output);
  }
}

TEST_CASE("manifest: articles: **/*.md finds articles at any depth", "[batch]") {
  Folder f;
  fs::create_directories(f.dir.path / "handouts" / "winter");
  write_bytes(f.dir.path / "handouts" / "winter" / "cold.md", "x\n");
  auto m = load_manifest(f.manifest("jobs:\n  - articles: '**/*.md'\n    output: out/{{article}}.pdf\n"));
  REQUIRE(m);
  const auto jobs = m->all_jobs();
  REQUIRE(jobs.size() == 3);
  CHECK(jobs[2].job.article == (f.dir.path / "handouts" / "winter" / "cold.md").string());
}

TEST_CASE("manifest: nested aliases under vars: are refused at once", "[batch]") {
  Folder f;
  std::string yaml = "jobs:\n  - articles: handouts/flu.en.md\n    output: x.pdf\n    vars:\n";
  yaml += "      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    yaml += "      a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) yaml += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  auto m = load_manifest(f.manifest(yaml));
  REQUIRE_FALSE(m);
  CHECK(m.error().line > 5);
  CHECK_THAT(m.error().message, Catch::Contains("the manifest is too large"));
}

TEST_CASE("manifest: messages name the CSV and its columns, and hint at what the pattern lacks", "[batch]") {
  Folder f;
  auto m = load_manifest(f.manifest(
      "jobs:\n  - articles: handouts/flu.en.md\n    data: clinics.csv\n    output: '{{clinic.ids}}.pdf'\n"));
  REQUIRE_FALSE(m);
  CHECK_THAT(m.error().message, Catch::Contains("clinics.csv does not have") &&
                                    Catch::Contains("clinic.id, clinic.name, clinic.phone"));
  // The pattern has {{clinic.id}} already: the rows share a value; never "add {{clinic.id}}".
  write_bytes(f.dir.path / "twice.csv", "clinic.id,clinic.phone\neast,1\neast,2\n");
  m = load_manifest(f.manifest(
      "jobs:\n  - articles: handouts/flu.en.md\n    data: twice.csv\n    output: '{{clinic.id}}.pdf'\n"));
  REQUIRE_FALSE(m);
  CHECK_THAT(m.error().hint, Catch::Contains("same {{clinic.id}}") && Catch::Contains("{{row}}"));
  CHECK_THAT(m.error().hint, !Catch::Contains("e.g. {{clinic.id}}"));
}

// A column the article needs and the data lacks failed every row alone, one error a row
// (30 rows, 30 lines): now one usage error at the article's line, before anything is built.
// Only an unknown name counts: the values are the rows' business.
TEST_CASE("manifest: a variable the article uses and no row has is one usage error at the article's line",
          "[batch]") {
  Folder f;
  write_bytes(f.dir.path / "handouts" / "hours.md", "# Hours\n\nOpen {{hours}}.\n\nCall {{clinic.phone}}.\n");
  auto m = load_manifest(
      f.manifest("jobs:\n  - articles: [handouts/flu.en.md, handouts/hours.md]\n    data: clinics.csv\n"
                 "    output: 'out/{{clinic.id}}-{{article}}.pdf'\n"));
  REQUIRE_FALSE(m);
  CHECK(m.error().file == (f.dir.path / "handouts" / "hours.md").string());
  CHECK(m.error().line == 3);
  CHECK(m.error().message ==
        "unknown variable {{hours}} in the text (values from " + (f.dir.path / "clinics.csv").string() + ")");
  CHECK_THAT(m.error().hint, Catch::Contains("add a column `hours`") &&
                                 Catch::EndsWith("; the job's values: clinic.id, clinic.name, clinic.phone"));
  // A `vars:` entry gives it; so does inline `rows:` where one row has it (the others fail alone).
  CHECK(
      load_manifest(f.manifest("jobs:\n  - articles: handouts/hours.md\n    data: clinics.csv\n"
                               "    vars: {hours: 9-5}\n    output: 'out/{{clinic.id}}.pdf'\n")));
  CHECK(load_manifest(
      f.manifest("jobs:\n  - articles: handouts/hours.md\n    output: 'out/{{row}}.pdf'\n"
                 "    rows:\n      - {hours: 9-5, clinic: {phone: 1}}\n      - {clinic: {phone: 2}}\n")));
  // An empty value, a date or a picture that a value names: not this check's business.
  write_bytes(f.dir.path / "handouts" / "dated.md",
              "---\ndate: \"{{clinic.name}}\"\n---\n\nCall {{clinic.phone}}.\n");
  CHECK(
      load_manifest(f.manifest("jobs:\n  - articles: handouts/dated.md\n    data: clinics.csv\n"
                               "    output: 'out/{{clinic.id}}.pdf'\n")));
}

// The checks before a merge is built (unknown variables, outputs over inputs, the report's
// name) read each article once between them: they read it three times, and 3,000 articles
// a glob finds cost 9,000 parses before the first PDF.
TEST_CASE("manifest: loading a merge and checking its report read each article once", "[batch]") {
  Folder f;
  const fs::path en = f.dir.path / "handouts" / "flu.en.md", ja = f.dir.path / "handouts" / "flu.ja.md";
  int opens_en = 0;
  const int opens_ja = opens_of(ja, [&] {
    opens_en = opens_of(en, [&] {
      auto m =
          load_manifest(f.manifest("jobs:\n  - articles: handouts/*.md\n    data: clinics.csv\n"
                                   "    output: 'out/{{clinic.id}}-{{article}}.pdf'\n"));
      REQUIRE(m);
      CHECK(m->job_count == 6);
      CHECK(leafpress::batch::refuse_output_over_inputs(*m, (f.dir.path / "report.json").string(),
                                                        "the report", &leafpress::batch::kReportOutput));
      auto over = leafpress::batch::refuse_output_over_inputs(*m, en.string(), "the report");
      REQUIRE_FALSE(over);
      CHECK_THAT(over.error().message, Catch::Contains("the report would destroy it: it is the article"));
    });
  });
  CHECK(opens_en == 1);
  CHECK(opens_ja == 1);
}

// Excel's "CSV" in Windows-1252: each row with an accent failed alone, one line each.
TEST_CASE("manifest: a CSV with a value that is not UTF-8 is refused as a whole, at that row", "[batch]") {
  Folder f;
  write_bytes(f.dir.path / "cp1252.csv",
              "clinic.id,clinic.name,clinic.phone\na,Plain,1\nb,Caf\xE9,2\nc,Cr\xE8me,3\n");
  auto m =
      load_manifest(f.manifest("jobs:\n  - articles: handouts/flu.en.md\n    data: cp1252.csv\n    output: "
                               "'out/{{clinic.id}}.pdf'\n"));
  REQUIRE_FALSE(m);
  CHECK(m.error().describe() ==
        (f.dir.path / "cp1252.csv").string() +
            ":3: the value of `clinic.name` is not valid UTF-8: the file is in another "
            "encoding (save it as UTF-8: in Excel, File, Save As, CSV UTF-8)");
}

TEST_CASE("manifest: a data file that does not exist is an error at the manifest's data: line", "[batch]") {
  Folder f;
  auto m =
      load_manifest(f.manifest("jobs:\n  - articles: handouts/flu.en.md\n    data: clinic.csv\n    output: "
                               "'out/{{clinic.id}}.pdf'\n"));
  REQUIRE_FALSE(m);
  CHECK(m.error().file == (f.dir.path / "batch.yaml").string());
  CHECK(m.error().line == 3);
  CHECK(m.error().message == "the data file " + (f.dir.path / "clinic.csv").string() + " does not exist");
}

// The office manager's slips: an empty file, the CSV given as the manifest, `jobs: []`,
// one output for every row: each is one error with the manifest's line.
TEST_CASE("manifest: an empty manifest, a CSV in its place, no jobs and one output for all rows say where",
          "[batch]") {
  Folder f;
  const auto error = [&](const std::string& yaml) {
    auto m = load_manifest(f.manifest(yaml));
    REQUIRE_FALSE(m);
    return m.error();
  };
  auto e = error("");
  CHECK(e.line == 1);
  CHECK(e.message == "the manifest is empty");
  e = error("clinic.id,clinic.name,clinic.phone\neast,East Clinic,555-0100\n");
  CHECK(e.line == 1);
  CHECK(e.message == "the manifest has no `jobs:` list");
  CHECK_THAT(e.hint, Catch::Contains("the CSV goes in a job's `data:`"));
  e = error("job:\n  - articles: handouts/flu.en.md\n    output: x.pdf\n");  // a typo: said as one
  CHECK(e.line == 1);
  CHECK(e.message == "unknown key `job`");
  e = error("jobs:\n  - articles: [handouts/flu.en.md, handouts/flu.fr.md]\n    output: x.pdf\n");
  CHECK(e.line == 2);
  CHECK(e.message == "the article " + (f.dir.path / "handouts" / "flu.fr.md").string() + " does not exist");
  e = error("jobs:\n  - articles: handouts/flu.en.md\n    pages_max: two\n    output: x.pdf\n");
  CHECK(e.line == 3);
  CHECK_THAT(e.message, Catch::StartsWith("`pages_max: two`: 'pages.max' must be a number"));
  e = error("jobs: []\n");
  CHECK(e.line == 1);
  CHECK(e.message == "`jobs:` lists no job");
  e = error("jobs:\n  - articles: handouts/flu.en.md\n    data: clinics.csv\n    output: out/flu.pdf\n");
  CHECK(e.line == 4);
  CHECK_THAT(e.message, Catch::Contains("would both write"));
}

// A merge of 20,000 rows: the manifest keeps a copy of its CSV on disk (not even the CSV's
// 600 KB of text in memory), not 20,000 planned jobs (each with its output, row and
// values: over 1 KB). The heap in use is measured around the load, with a generous
// margin; no timing.
TEST_CASE("manifest: 20 000 CSV rows are planned one at a time and not held", "[batch]") {
  Folder f;
  std::string csv = "clinic.id,clinic.name,clinic.phone\n";
  for (int i = 0; i < 20000; ++i)
    csv += "c" + std::to_string(i) + ",Clinic " + std::to_string(i) + ",555-" + std::to_string(i) + "\n";
  write_bytes(f.dir.path / "many.csv", csv);
  const bool measurable = leafpress::test::heap_measurable();
  const auto in_use = leafpress::test::heap_in_use;
  const double before = in_use();
  auto m = load_manifest(f.manifest(
      "jobs:\n  - articles: handouts/flu.en.md\n    data: many.csv\n    output: out/{{clinic.id}}.pdf\n"));
  if (!m) FAIL(m.error().describe());
  if (measurable) CHECK(in_use() - before < 512.0 * 1024);  // the jobs themselves: 20 MB or more
  CHECK(m->job_count == 20000);
  std::size_t n = 0;
  auto cursor = m->plan();
  for (auto p = cursor.next(); p; p = cursor.next(), ++n)
    if (n == 12345) {
      CHECK(p->job.output == (f.dir.path / "out" / "c12345.pdf").string());
      CHECK(p->job.row == (f.dir.path / "many.csv").string() + ":12347");
      CHECK(p->job.variables.at("clinic.phone") == "555-12345");
    }
  CHECK(n == 20000);
  // The measure sees jobs that are held: all of them at once take far more than the bound.
  const auto held = m->all_jobs();
  if (measurable) CHECK(in_use() - before > 8.0 * 1024 * 1024);
}

// Two rows far apart writing one file: the check keeps hashes of the outputs, and still
// names the two rows exactly (the first repeated output, and the row that wrote it first).
TEST_CASE("manifest: two of 20 000 rows with one output are named exactly", "[batch]") {
  Folder f;
  std::string csv = "clinic.id,clinic.phone\n";
  for (int i = 0; i < 20000; ++i) csv += "c" + std::to_string(i == 17000 || i == 19000 ? 3 : i) + ",555\n";
  write_bytes(f.dir.path / "many.csv", csv);
  auto m = load_manifest(f.manifest(
      "jobs:\n  - articles: handouts/flu.en.md\n    data: many.csv\n    output: out/{{clinic.id}}.pdf\n"));
  REQUIRE_FALSE(m);
  const std::string csv_name = (f.dir.path / "many.csv").string();
  CHECK_THAT(m.error().message, Catch::Contains(csv_name + ":5)") && Catch::Contains(csv_name + ":17002)") &&
                                    Catch::Contains("would both write") && !Catch::Contains(":19002"));
  CHECK_THAT(m.error().hint, Catch::Contains("{{clinic.id}}"));
}
