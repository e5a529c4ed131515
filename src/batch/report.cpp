#include "batch/report.hpp"

#include <nlohmann/json.hpp>

namespace leafpress::batch {

const char* status_name(JobStatus status) {
  switch (status) {
    case JobStatus::Built:
      return "built";
    case JobStatus::Skipped:
      return "skipped";
    case JobStatus::Failed:
      return "failed";
  }
  return "failed";
}

std::string report_json(const RunSummary& run, const std::vector<JobResult>& results) {
  using json = nlohmann::ordered_json;
  json jobs = json::array();
  int counts[3] = {0, 0, 0};
  for (const auto& r : results) {
    ++counts[static_cast<int>(r.status)];
    const Outcome& o = r.outcome;
    json entry{
        {"job", r.planned->name},
        {"article", r.planned->job.article},
        {"row", r.planned->job.row},
        {"output", r.planned->job.output},
        {"status", status_name(r.status)},
        {"pages", o.pages},
        {"body_size", o.body_size},
        {"warnings", o.warnings},
        {"seconds", o.seconds},
        {"error", nullptr},
    };
    if (r.status == JobStatus::Failed)
      entry["error"] = json{{"file", o.error.file},
                            {"line", o.error.line},
                            {"message", o.error.message},
                            {"hint", o.error.hint},
                            {"text", o.error.describe()}};
    jobs.push_back(std::move(entry));
  }
  json doc{
      {"leafpress", LEAFPRESS_VERSION},
      {"manifest", run.manifest},
      {"shard", run.shard},
      {"threads", run.threads},
      {"seconds", run.seconds},
      {"summary",
       {{"jobs", results.size()}, {"built", counts[0]}, {"skipped", counts[1]}, {"failed", counts[2]}}},
      {"jobs", std::move(jobs)},
  };
  // Invalid UTF-8 (from a bad row) is replaced, never a reason to lose the report.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace leafpress::batch
