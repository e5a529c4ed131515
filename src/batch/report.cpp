#include "batch/report.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

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
  // Each job's entry is made, written and dropped in turn: a 10,000-row merge held all
  // its entries as JSON values (some 2 KB a row) besides their text. The text is what
  // json's dump(2) gives for the whole document: an entry inside "jobs" is its own
  // dump, every line indented by two levels.
  constexpr std::string_view kJobsPlaceholder = "\"jobs\": []";
  int counts[3] = {0, 0, 0};
  for (const auto& r : results) ++counts[static_cast<int>(r.status)];
  const json doc{
      {"leafpress", LEAFPRESS_VERSION},
      {"manifest", run.manifest},
      {"shard", run.shard},
      {"threads", run.threads},
      {"seconds", run.seconds},
      {"summary",
       {{"jobs", results.size()}, {"built", counts[0]}, {"skipped", counts[1]}, {"failed", counts[2]}}},
      {"jobs", json::array()},
  };
  // Invalid UTF-8 (from a bad row) is replaced, never a reason to lose the report.
  const std::string head = doc.dump(2, ' ', false, json::error_handler_t::replace);
  const std::size_t at = head.rfind(kJobsPlaceholder);
  if (results.empty() || at == std::string::npos) return head + "\n";
  std::string out = head.substr(0, at);
  out += "\"jobs\": [";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const JobResult& r = results[i];
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
    const std::string text = entry.dump(2, ' ', false, json::error_handler_t::replace);
    out += i == 0 ? "\n    " : ",\n    ";
    for (const char c : text) {
      out += c;
      if (c == '\n') out += "    ";
    }
  }
  out += "\n  ]";
  out.append(head, at + kJobsPlaceholder.size());
  return out + "\n";
}

}  // namespace leafpress::batch
