#include "batch/report.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <string_view>

#include "core/atomic_file.hpp"

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

namespace {

using json = nlohmann::ordered_json;

// The document's text goes around the jobs: everything before their list, and after it.
constexpr std::string_view kJobsPlaceholder = "\"jobs\": []";

struct Frame {
  std::string head;  // up to `"jobs": [` (all of the document when there are no jobs)
  std::string tail;  // from the `]` that closes the list
  bool empty = true;
};

Frame frame(const RunSummary& run, std::size_t jobs, const int counts[3]) {
  const json doc{
      {"leafpress", LEAFPRESS_VERSION},
      {"manifest", run.manifest},
      {"shard", run.shard},
      {"threads", run.threads},
      {"seconds", run.seconds},
      {"summary", {{"jobs", jobs}, {"built", counts[0]}, {"skipped", counts[1]}, {"failed", counts[2]}}},
      {"jobs", json::array()},
  };
  // Invalid UTF-8 (from a bad row) is replaced, never a reason to lose the report.
  const std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace);
  const std::size_t at = text.rfind(kJobsPlaceholder);
  if (jobs == 0 || at == std::string::npos) return {text + "\n", "", true};
  return {text.substr(0, at) + "\"jobs\": [", "\n  ]" + text.substr(at + kJobsPlaceholder.size()) + "\n",
          false};
}

// One job's entry as it stands inside "jobs": its own dump, every line indented by two
// levels, after the separator (",\n    ", or "\n    " for the first).
std::string entry_text(const JobResult& r, bool first) {
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
  std::string out = first ? "\n    " : ",\n    ";
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

}  // namespace

std::string report_json(const RunSummary& run, const std::vector<JobResult>& results) {
  int counts[3] = {0, 0, 0};
  for (const auto& r : results) ++counts[static_cast<int>(r.status)];
  const Frame f = frame(run, results.size(), counts);
  if (f.empty) return f.head;
  std::string out = f.head;
  for (std::size_t i = 0; i < results.size(); ++i) out += entry_text(results[i], i == 0);
  return out + f.tail;
}

Result<ReportWriter> ReportWriter::open() {
  ReportWriter w;
  // tmpfile(3): a file without a name in the temporary folder ($TMPDIR is not read; glibc
  // uses /tmp), removed when closed or when the process ends, however it ends.
  w.spool_.reset(std::tmpfile());
  if (!w.spool_) return io_error("the report", "cannot open a temporary file", errno);
  return w;
}

Status ReportWriter::add(const JobResult& result) {
  ++counts_[static_cast<int>(result.status)];
  const std::string text = entry_text(result, entries_++ == 0);
  if (std::fwrite(text.data(), 1, text.size(), spool_.get()) != text.size())
    return io_error("the report", "cannot write a temporary file", errno);
  return Ok{};
}

long ReportWriter::spooled_bytes() const {
  std::fflush(spool_.get());
  return std::ftell(spool_.get());
}

Status ReportWriter::write(const std::string& path, const RunSummary& run) {
  const Frame f = frame(run, entries_, counts_);
  // A file appears whole (staged, then renamed); on standard output, a pipe or a device the
  // entries go out as they are read back (StagedFile::append writes a Stream target through):
  // memory stays flat either way.
  auto staged = StagedFile::write(path, f.head);
  if (!staged) return staged.error();
  if (!f.empty) {
    const auto spool_error = [&] { return io_error(path, "cannot read back the report's entries", errno); };
    if (std::fflush(spool_.get()) != 0 || std::fseek(spool_.get(), 0, SEEK_SET) != 0) return spool_error();
    std::string chunk(std::size_t{1} << 16, '\0');
    for (;;) {
      const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), spool_.get());
      if (n > 0)
        if (auto s = staged->append(std::string_view(chunk.data(), n)); !s) return s;
      if (n < chunk.size()) {
        if (std::ferror(spool_.get())) return spool_error();
        break;
      }
    }
    if (std::fseek(spool_.get(), 0, SEEK_END) != 0) return spool_error();
    if (auto s = staged->append(f.tail); !s) return s;
  }
  return staged->commit();
}

}  // namespace leafpress::batch
