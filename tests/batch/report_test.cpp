// Tests for batch/report.cpp: one JSON document whose jobs and summary agree.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_support.hpp"

#include "batch/report.hpp"

using namespace leafpress::batch;

namespace {

// Three jobs of one merge, the second failed; their warnings need escaping (a quote,
// invalid UTF-8). The results point into `planned`: the object is not copied.
struct ThreeJobs {
  std::vector<PlannedJob> planned = std::vector<PlannedJob>(3);
  std::vector<JobResult> results;
  ThreeJobs() {
    for (std::size_t i = 0; i < planned.size(); ++i) {
      planned[i].name = "flu";
      planned[i].job.article = "handouts/flu.en.md";
      planned[i].job.output = "out/" + std::to_string(i) + ".pdf";
      planned[i].job.row = "clinics.csv:" + std::to_string(i + 2);
      JobResult r{.planned = &planned[i], .status = i == 1 ? JobStatus::Failed : JobStatus::Built};
      r.outcome.pages = 2;
      r.outcome.warnings = {"a \"quoted\" warning", "bad UTF-8: \xC3("};
      if (i == 1) r.outcome.error = {"handouts/flu.en.md", 5, "unknown variable", "add a column"};
      results.push_back(r);
    }
  }
  ThreeJobs(const ThreeJobs&) = delete;
  ThreeJobs& operator=(const ThreeJobs&) = delete;
  // The first n results.
  [[nodiscard]] std::vector<JobResult> first(std::size_t n) const {
    return {results.begin(), results.begin() + static_cast<std::ptrdiff_t>(n)};
  }
};

const RunSummary kRun{.manifest = "batch.yaml", .shard = "1/1", .threads = 2, .seconds = 1.5};

}  // namespace

TEST_CASE("report: status, output, pages, body size, warnings, time and error per job", "[batch]") {
  PlannedJob a, b;
  a.name = b.name = "flu";
  a.job.article = b.job.article = "handouts/flu.en.md";
  a.job.output = "out/east.pdf";
  a.job.row = "clinics.csv:2";
  b.job.output = "out/west.pdf";
  b.job.row = "clinics.csv:3";
  JobResult built{.planned = &a, .status = JobStatus::Built};
  built.outcome.ok = true;
  built.outcome.pages = 2;
  built.outcome.body_size = 9.5;
  built.outcome.seconds = 0.02;
  built.outcome.warnings = {"overfull line"};
  JobResult failed{.planned = &b, .status = JobStatus::Failed};
  failed.outcome.error = {"handouts/flu.en.md", 5, "unknown variable {{clinic.fax}}", "add a column"};
  const auto doc = nlohmann::json::parse(
      report_json({.manifest = "batch.yaml", .shard = "1/1", .threads = 2, .seconds = 1.5}, {built, failed}));
  CHECK(doc["manifest"] == "batch.yaml");
  CHECK(doc["summary"]["jobs"] == 2);
  CHECK(doc["summary"]["built"] == 1);
  CHECK(doc["summary"]["failed"] == 1);
  CHECK(doc["summary"]["skipped"] == 0);
  const auto& jobs = doc["jobs"];
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0]["status"] == "built");
  CHECK(jobs[0]["output"] == "out/east.pdf");
  CHECK(jobs[0]["row"] == "clinics.csv:2");
  CHECK(jobs[0]["pages"] == 2);
  CHECK(jobs[0]["body_size"] == 9.5);
  CHECK(jobs[0]["warnings"][0] == "overfull line");
  CHECK(jobs[0]["error"].is_null());
  CHECK(jobs[1]["status"] == "failed");
  CHECK(jobs[1]["error"]["line"] == 5);
  CHECK(jobs[1]["error"]["text"] == "handouts/flu.en.md:5: unknown variable {{clinic.fax}} (add a column)");
}

// The report is written entry by entry (a long merge need not hold every entry as a JSON
// value): the text must be what nlohmann's dump(2) gives for the whole document.
TEST_CASE("report: written entry by entry, it is the text of the whole document's dump", "[batch]") {
  const ThreeJobs jobs;
  const RunSummary& run = kRun;
  using json = nlohmann::ordered_json;
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
    const std::string text = report_json(run, jobs.first(n));
    INFO(text);
    CHECK(json::parse(text).dump(2) + "\n" == text);
    CHECK(json::parse(text)["jobs"].size() == n);
  }
}

// A long merge's report goes out entry by entry: each is in the spool file as soon as it
// is added (not held until the end), and the report written is report_json's text.
TEST_CASE("report: ReportWriter spools each entry as it comes and writes report_json's text", "[batch]") {
  const ThreeJobs jobs;
  const RunSummary& run = kRun;
  leafpress::test::TempDir dir;
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
    auto writer = ReportWriter::open();
    REQUIRE(writer);
    long spooled = 0;
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(writer->add(jobs.results[i]));
      CHECK(writer->spooled_bytes() > spooled);  // on its way to the disk already
      spooled = writer->spooled_bytes();
    }
    const auto path = dir.path / ("report-" + std::to_string(n) + ".json");
    REQUIRE(writer->write(path.string(), run));
    CHECK(leafpress::test::read_bytes(path) == report_json(run, jobs.first(n)));
  }
}

// Memory: 20,000 entries (some 400 bytes of text each: 8 MB if they were kept) leave the
// heap in use where it was; a generous margin, no timing.
TEST_CASE("report: 20 000 entries added to a ReportWriter do not stay in memory", "[batch]") {
  PlannedJob p;
  p.name = "merge";
  p.job.article = "content/handouts/flu-shot.en.md";
  p.job.row = "clinics.csv:2";
  auto writer = ReportWriter::open();
  REQUIRE(writer);
  const bool measurable = leafpress::test::heap_measurable();
  const auto in_use = leafpress::test::heap_in_use;
  double before = 0;
  for (int i = 0; i < 20000; ++i) {
    p.job.output = "out/c" + std::to_string(i) + ".pdf";
    JobResult r{.planned = &p, .status = JobStatus::Built};
    r.outcome.pages = 2;
    r.outcome.warnings = {
        "fills 3 of 5 panels at 14 pt; a handout (--layout handout-a4) suits a text this short"};
    REQUIRE(writer->add(r));
    if (i == 100) before = in_use();
  }
  CHECK(writer->entries() == 20000);
  CHECK(writer->spooled_bytes() > 20000L * 300);
  if (measurable) CHECK(in_use() - before < 1024.0 * 1024.0);
}

// --report - or a pipe: the report is not a file, and goes out as it is read back from the
// spool (not held whole in memory); the bytes are report_json's all the same.
TEST_CASE("report: ReportWriter writes through a pipe the text it writes to a file", "[batch]") {
  const ThreeJobs jobs;
  const RunSummary& run = kRun;
  auto writer = ReportWriter::open();
  REQUIRE(writer);
  for (const auto& r : jobs.results) REQUIRE(writer->add(r));
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  std::string received;
  std::thread reader([&, fd = ends[0]] {
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) received.append(buf, static_cast<std::size_t>(n));
  });
  const auto written = writer->write("/dev/fd/" + std::to_string(ends[1]), run);
  ::close(ends[1]);
  reader.join();
  ::close(ends[0]);
  REQUIRE(written);
  CHECK(received == report_json(run, jobs.results));
}
