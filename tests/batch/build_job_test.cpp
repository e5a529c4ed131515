// Tests for batch/build_job.cpp: one job per article, each failing alone with an
// Error that names the file, never writing a partial PDF; many jobs in order
// (build_jobs, batch/job_stream.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/build_job.hpp"
#include "batch/job_stream.hpp"
#include "batch/layout_search.hpp"
#include "tests/batch/batch_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::batch::build_job;
using leafpress::batch::build_jobs;
using leafpress::batch::Context;
using leafpress::batch::Job;
using leafpress::batch::Outcome;
using leafpress::test::batch_context;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

namespace {

const std::string kGood = R"(---
title: Caring for Your Knees
lang: en
date: 2024-03-01
---

Your knees carry you through every day: walking, climbing stairs, getting up from a chair.

## Warming up

Spend five minutes moving gently before a walk. Warm muscles protect the joint.
)";

Job job(const std::string& article, const fs::path& output) {
  Job j;
  j.article = article;
  j.output = output.string();
  return j;
}

void check_failed_cleanly(const Outcome& o, const Job& j) {
  INFO(o.error.describe());
  CHECK_FALSE(o.ok);
  CHECK(o.output == j.output);
  CHECK_FALSE(o.error.message.empty());
  CHECK_FALSE(fs::exists(j.output));  // nothing written
  CHECK(o.pages == 0);
}

}  // namespace

TEST_CASE("build_job: the context finds the shipped layouts", "[batch]") {
  const Context& ctx = batch_context();
  REQUIRE(ctx.fonts != nullptr);
  auto path = leafpress::batch::find_layout_near(ctx, "trifold-a4", {}, false);
  if (!path) FAIL(path.error().describe());
  CHECK(path->filename() == "trifold-a4.yaml");
  bool listed = false;
  for (const auto& layout : leafpress::batch::list_layouts_near(ctx, {}))
    if (layout.name == "trifold-a4") {
      listed = true;
      CHECK_FALSE(layout.description.empty());
      CHECK_THAT(layout.description, !Catch::Contains("invalid"));
    }
  CHECK(listed);
}

TEST_CASE("build_job: a good article gives a PDF", "[batch]") {
  TempDir dir;
  const Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "out" / "knees.pdf");
  const Outcome o = build_job(j, batch_context());
  INFO(o.error.describe());
  REQUIRE(o.ok);
  CHECK(o.output == j.output);
  CHECK(o.pages == 2);
  CHECK(o.body_size == 14);  // a short article on trifold-a4: copy-fit takes the top of its 9-14 pt range
  CHECK(o.seconds > 0);
  REQUIRE(fs::exists(j.output));
  const std::string pdf = read_bytes(j.output);
  CHECK(pdf.starts_with("%PDF-1.3"));  // the default standard is print: PDF/X-1a:2001 is PDF 1.3
  CHECK(pdf.find("%%EOF") != std::string::npos);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path / "out"))
    names.push_back(e.path().filename().string());
  CHECK(names == std::vector<std::string>{"knees.pdf"});  // no temporary left
}

TEST_CASE("build_job: --set values reach the layout", "[batch]") {
  TempDir dir;
  Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "knees.pdf");
  j.sets = {"body.size=9pt", "body.leading=1.3"};
  j.layout = "trifold-a4";
  const Outcome o = build_job(j, batch_context());
  INFO(o.error.describe());
  REQUIRE(o.ok);
  CHECK(o.body_size == 9);
  CHECK(fs::exists(j.output));
}

TEST_CASE("build_job: a template built without data warns of its placeholders in one line", "[batch]") {
  TempDir dir;
  std::string text = kGood;
  text.replace(text.find("Spend five"), 0, "Call {{clinic.phone}} at {{clinic.name}}. ");
  const Job j = job(write_bytes(dir.path / "knees.md", text), dir.path / "knees.pdf");
  const Outcome o = build_job(j, batch_context());
  INFO(o.error.describe());
  REQUIRE(o.ok);  // still built: a proof of the template is a fair thing to want
  const auto said = std::count_if(o.warnings.begin(), o.warnings.end(), [](const std::string& w) {
    return w.find("knees.md:11: {{clinic.phone}}, {{clinic.name}} have no value here") != std::string::npos &&
           w.find("leafpress batch") != std::string::npos;
  });
  CHECK(said == 1);
  // With a data row the placeholders are filled and nothing is said of them.
  Job merged = j;
  merged.fill_variables = true;
  merged.variables = {{"clinic.phone", "555-0100"}, {"clinic.name", "Eastside"}};
  merged.output = (dir.path / "merged.pdf").string();
  const Outcome m = build_job(merged, batch_context());
  REQUIRE(m.ok);
  for (const auto& w : m.warnings) CHECK(w.find("no value") == std::string::npos);
}

TEST_CASE("build_job: a missing article names the file and writes nothing", "[batch]") {
  TempDir dir;
  const Job j = job((dir.path / "missing.md").string(), dir.path / "missing.pdf");
  const Outcome o = build_job(j, batch_context());
  check_failed_cleanly(o, j);
  CHECK(o.error.file == j.article);
  CHECK_THAT(o.error.message, Catch::Contains("no such file"));
}

TEST_CASE("build_job: invalid UTF-8 names the file and the line", "[batch]") {
  TempDir dir;
  const std::string bytes = "# Title\n\nA fine line.\nA bad \xC3\x28 byte.\n";
  const Job j = job(write_bytes(dir.path / "latin1.md", bytes), dir.path / "latin1.pdf");
  const Outcome o = build_job(j, batch_context());
  check_failed_cleanly(o, j);
  CHECK(o.error.file == j.article);
  CHECK(o.error.line == 4);
  CHECK_THAT(o.error.message, Catch::Contains("UTF-8"));
  CHECK_THAT(o.error.describe(), Catch::StartsWith(j.article + ":4: "));
}

TEST_CASE("build_job: an unknown layout lists the known ones", "[batch]") {
  TempDir dir;
  SECTION("named on the job") {
    Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "knees.pdf");
    j.layout = "trifold-a5";
    const Outcome o = build_job(j, batch_context());
    check_failed_cleanly(o, j);
    CHECK(o.error.file == j.article);
    CHECK_THAT(o.error.message, Catch::Contains("unknown layout 'trifold-a5'"));
    CHECK_THAT(o.error.hint, Catch::Contains("known layouts:") && Catch::Contains("trifold-a4"));
  }
  SECTION("named in the front matter") {
    const Job j = job(write_bytes(dir.path / "knees.md", "---\nlayout: bifold-a3\n---\n\nText.\n"),
                      dir.path / "knees.pdf");
    const Outcome o = build_job(j, batch_context());
    check_failed_cleanly(o, j);
    CHECK_THAT(o.error.message, Catch::Contains("unknown layout 'bifold-a3'"));
    CHECK_THAT(o.error.hint, Catch::Contains("trifold-a4"));
  }
  SECTION("a layout path that does not exist") {
    Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "knees.pdf");
    j.layout = (dir.path / "no" / "such.yaml").string();
    const Outcome o = build_job(j, batch_context());
    check_failed_cleanly(o, j);
    CHECK(o.error.file == j.layout);
  }
  SECTION("a layout file with an error names that file and line") {
    Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "knees.pdf");
    std::string yaml = read_bytes(fs::path(LEAFPRESS_SOURCE_DIR) / "layouts" / "trifold-a4.yaml");
    const auto at = yaml.find("bleed: 3mm");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, 5, "bleeed");
    j.layout = write_bytes(dir.path / "broken.yaml", yaml);
    const Outcome o = build_job(j, batch_context());
    check_failed_cleanly(o, j);
    CHECK(o.error.file == j.layout);
    CHECK(o.error.line ==
          1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<long>(at), '\n')));
    CHECK_THAT(o.error.message, Catch::Contains("bleeed"));
  }
}

TEST_CASE("build_job: a bad --set fails the job", "[batch]") {
  TempDir dir;
  for (const char* set : {"body.size=huge", "body.sise=9pt", "body.size=50pt", "body.size"}) {
    INFO(set);
    Job j = job(write_bytes(dir.path / "knees.md", kGood), dir.path / "knees.pdf");
    j.sets = {set};
    const Outcome o = build_job(j, batch_context());
    check_failed_cleanly(o, j);
    CHECK(o.error.file == "--set");
  }
}

TEST_CASE("build_job: a failed job leaves an existing output alone", "[batch]") {
  TempDir dir;
  const fs::path out = dir.path / "knees.pdf";
  write_bytes(out, "previous build");
  Job j = job(write_bytes(dir.path / "knees.md", kGood), out);
  j.sets = {"body.size=huge"};
  const Outcome o = build_job(j, batch_context());
  CHECK_FALSE(o.ok);
  CHECK(read_bytes(out) == "previous build");
}

TEST_CASE("build_job: an article too long for the layout fails with the section", "[batch]") {
  TempDir dir;
  std::string text = "# Long\n\n## Background\n\n";
  for (int i = 0; i < 40; ++i) {
    for (int k = 0; k < 4; ++k)
      text += "Regular exercise strengthens the muscles around the joint and keeps the cartilage healthy. ";
    text += "\n\n";
  }
  const Job j = job(write_bytes(dir.path / "long.md", text), dir.path / "long.pdf");
  const Outcome o = build_job(j, batch_context());
  check_failed_cleanly(o, j);
  CHECK(o.error.file == j.article);
  CHECK(o.error.line > 4);
  CHECK_THAT(o.error.message, Catch::Contains("does not fit") && Catch::Contains("'Background'"));
}

TEST_CASE("build_jobs: a bad job does not stop a good one, outcomes in job order", "[batch]") {
  TempDir dir;
  const std::string good = write_bytes(dir.path / "good.md", kGood);
  const std::string bad = (dir.path / "missing.md").string();
  SECTION("one bad, one good") {
    const std::vector<Job> jobs{job(bad, dir.path / "bad.pdf"), job(good, dir.path / "good.pdf")};
    const auto outcomes = build_jobs(jobs, batch_context(), 2);
    REQUIRE(outcomes.size() == 2);
    check_failed_cleanly(outcomes[0], jobs[0]);
    CHECK(outcomes[0].error.file == bad);
    INFO(outcomes[1].error.describe());
    CHECK(outcomes[1].ok);
    CHECK(outcomes[1].output == jobs[1].output);
    CHECK(fs::exists(jobs[1].output));
  }
  SECTION("many jobs on fewer threads") {
    std::vector<Job> jobs;
    for (int i = 0; i < 7; ++i)
      jobs.push_back(job(i % 3 == 1 ? bad : good, dir.path / ("job" + std::to_string(i) + ".pdf")));
    const auto outcomes = build_jobs(jobs, batch_context(), 3);
    REQUIRE(outcomes.size() == jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      INFO("job " << i << ": " << outcomes[i].error.describe());
      CHECK(outcomes[i].output == jobs[i].output);
      CHECK(outcomes[i].ok == (i % 3 != 1));
      CHECK(fs::exists(jobs[i].output) == (i % 3 != 1));
    }
  }
  SECTION("no jobs") {
    CHECK(build_jobs({}, batch_context(), 4).empty());
  }
}

TEST_CASE("build_jobs: the same article built twice gives the same bytes", "[batch]") {
  TempDir dir;
  const std::string article = write_bytes(dir.path / "knees.md", kGood);  // has a date: no clock in the PDF
  const std::vector<Job> jobs{job(article, dir.path / "a.pdf"), job(article, dir.path / "b.pdf")};
  const auto outcomes = build_jobs(jobs, batch_context(), 2);
  REQUIRE(outcomes.size() == 2);
  REQUIRE(outcomes[0].ok);
  REQUIRE(outcomes[1].ok);
  CHECK(read_bytes(jobs[0].output) == read_bytes(jobs[1].output));
}
