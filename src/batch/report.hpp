// batch/report.hpp: what a batch run did, one JSON document (--report FILE.json).
//
//   {"leafpress": "0.1.0", "manifest": "content/batch.yaml", "shard": "1/1",
//    "threads": 2, "seconds": 1.93,
//    "summary": {"jobs": 12, "built": 11, "skipped": 0, "failed": 1},
//    "jobs": [{"job": "clinics", "article": "content/handouts/flu-shot.en.md",
//              "row": "content/clinics.csv:2", "output": "out/batch/east/flu-shot.en.pdf",
//              "status": "built", "pages": 2, "body_size": 10, "warnings": [],
//              "seconds": 0.021, "error": null}, ...]}
//
// status is "built", "skipped" (up to date, fingerprint.hpp: pages and body size
// come from the last build) or "failed" (then `error` holds file, line, message,
// hint and `text`, the one-line form the terminal shows). Jobs keep manifest order.
//
// A long merge writes its report as its jobs finish (ReportWriter): each entry goes to a
// spool file (a temporary file without a name, gone when the process ends) as soon as it
// is added, and the report is put together at the end, when the counts and the run's time
// that open it are known: memory does not grow with the jobs. report_json makes the same
// text in memory. Either way the text is what nlohmann's dump(2) gives for the whole document.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/handle.hpp"

#include "batch/build_job.hpp"
#include "batch/manifest.hpp"

namespace leafpress::batch {

enum class JobStatus { Built, Skipped, Failed };

struct JobResult {
  const PlannedJob* planned = nullptr;
  JobStatus status = JobStatus::Failed;
  Outcome outcome{};
};

struct RunSummary {
  std::string manifest, shard;
  unsigned threads = 1;
  double seconds = 0;
};

const char* status_name(JobStatus status);

std::string report_json(const RunSummary& run, const std::vector<JobResult>& results);

class ReportWriter {
 public:
  static Result<ReportWriter> open();

  // The next job's entry, in manifest order; written to the spool at once.
  Status add(const JobResult& result);
  [[nodiscard]] std::size_t entries() const { return entries_; }
  // Bytes in the spool: entries written out, not held (tests).
  [[nodiscard]] long spooled_bytes() const;

  // The whole report, to `path` (core/atomic_file.hpp: a file appears whole or not at all).
  Status write(const std::string& path, const RunSummary& run);

 private:
  ReportWriter() = default;
  Handle<std::FILE, std::fclose> spool_;
  std::size_t entries_ = 0;
  int counts_[3] = {0, 0, 0};
};

}  // namespace leafpress::batch
