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
#pragma once

#include <string>
#include <vector>

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

}  // namespace leafpress::batch
