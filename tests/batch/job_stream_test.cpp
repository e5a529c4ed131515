// Tests for batch/job_stream.cpp: jobs taken one at a time, delivered in order, never more
// than the window planned ahead of delivery (memory flat however long the merge), one
// failing or throwing job costing no other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>

#include "batch/job_stream.hpp"
#include "tests/batch/batch_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using namespace leafpress::batch;
using leafpress::test::batch_context;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

// A merge held until the end would plan every job before delivering the first: here
// `next` checks, each time it is asked, how far planning has run ahead of delivery.
TEST_CASE("job_stream: jobs are delivered in order, the first long before the last is planned", "[batch]") {
  constexpr std::size_t kJobs = 2000, kWindow = 8;
  std::mutex mutex;
  std::size_t planned = 0, delivered = 0, most_ahead = 0, contexts = 0;
  std::vector<std::size_t> order;
  bool in_order = true;
  StreamHooks hooks;
  hooks.next = [&]() -> std::optional<StreamedJob> {
    std::lock_guard lock(mutex);
    if (planned == kJobs) return std::nullopt;
    most_ahead = std::max(most_ahead, planned - delivered);
    StreamedJob j;
    j.planned.job.output = std::to_string(planned++);
    return j;
  };
  hooks.prepare = [&](StreamedJob& j) {
    const std::size_t i = std::stoul(j.planned.job.output);
    if (i == 77) throw std::runtime_error("a planted failure");
    j.status = i % 3 == 0 ? JobStatus::Skipped : JobStatus::Failed;
    j.outcome.pages = static_cast<int>(i);
    return false;  // nothing to build: no fonts needed
  };
  hooks.deliver = [&](StreamedJob&& j) {
    std::lock_guard lock(mutex);
    const std::size_t i = std::stoul(j.planned.job.output);
    in_order = in_order && i == delivered;
    if (i == 77) {
      CHECK(j.status == JobStatus::Failed);
      CHECK_THAT(j.outcome.error.message, Catch::Contains("a planted failure"));
    } else {
      CHECK(j.outcome.pages == static_cast<int>(i));
    }
    ++delivered;
  };
  hooks.context = [&]() -> const Context& {
    ++contexts;
    return batch_context();
  };
  build_stream(hooks, 4, kWindow, kJobs);
  CHECK(delivered == kJobs);
  CHECK(in_order);
  CHECK(most_ahead <= kWindow);  // all 2000 if the jobs were held until the end
  CHECK(contexts == 0);          // nothing built: fonts never asked for
}

TEST_CASE("job_stream: built jobs are fingerprinted before delivery, a bad one fails alone", "[batch]") {
  TempDir dir;
  const std::string good =
      write_bytes(dir.path / "good.md", "---\ntitle: Knees\nlang: en\n---\n\nWalk every day.\n");
  std::vector<std::string> articles{good, (dir.path / "missing.md").string(), good, good, good};
  std::size_t next = 0;
  std::atomic<int> fingerprinted{0};
  std::vector<std::string> delivered;
  StreamHooks hooks;
  hooks.next = [&]() -> std::optional<StreamedJob> {
    if (next == articles.size()) return std::nullopt;
    StreamedJob j;
    j.planned.job.article = articles[next];
    j.planned.job.output = (dir.path / ("out-" + std::to_string(next++) + ".pdf")).string();
    return j;
  };
  hooks.prepare = [](StreamedJob&) { return true; };
  hooks.on_done = [&](StreamedJob& j) {
    if (j.outcome.ok) {
      CHECK(fs::exists(j.planned.job.output));  // the PDF is in place before on_done
      j.outcome.warnings.push_back("fingerprinted");
      ++fingerprinted;
    }
  };
  hooks.deliver = [&](StreamedJob&& j) {
    INFO(j.outcome.error.describe());
    const bool bad = j.planned.job.article.ends_with("missing.md");
    CHECK(j.status == (bad ? JobStatus::Failed : JobStatus::Built));
    CHECK(j.outcome.ok == !bad);
    CHECK(j.outcome.inputs.empty());  // kept for on_done only
    if (!bad) CHECK(j.outcome.warnings.back() == "fingerprinted");
    delivered.push_back(j.planned.job.output);
  };
  hooks.context = []() -> const Context& { return batch_context(); };
  build_stream(hooks, 2, 2, articles.size());
  REQUIRE(delivered.size() == articles.size());
  for (std::size_t i = 0; i < delivered.size(); ++i)
    CHECK(delivered[i] == (dir.path / ("out-" + std::to_string(i) + ".pdf")).string());
  CHECK(fingerprinted == 4);
  CHECK_FALSE(fs::exists(dir.path / "out-1.pdf"));
}
