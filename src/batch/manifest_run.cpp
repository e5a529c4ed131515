#include "batch/manifest_run.hpp"

#include <cerrno>

#include "batch/fingerprint.hpp"

namespace leafpress::batch {

bool is_disk_error(const Error& error) {
  // By errno (core/atomic_file.hpp's io_error keeps it), never by the words of the hint.
  return error.error_number == ENOSPC || error.error_number == EDQUOT || error.error_number == EROFS;
}

RunTally run_manifest(const Manifest& manifest, const RunSettings& settings, ReportWriter* report,
                      const std::function<const Context&()>& context,
                      const std::function<void(const StreamedJob&)>& delivered) {
  RunTally tally;
  auto cursor = manifest.plan();
  StreamHooks hooks;
  hooks.next = [&]() -> std::optional<StreamedJob> {  // (next and deliver never overlap)
    if (tally.stopped_by) return std::nullopt;
    if (settings.stop && settings.stop->load()) {
      tally.interrupted = true;
      return std::nullopt;
    }
    for (auto p = cursor.next(); p; p = cursor.next())
      if (settings.shard.takes(p->shard_key)) {
        ++tally.taken;
        return StreamedJob{.planned = std::move(*p)};
      }
    return std::nullopt;
  };
  hooks.prepare = [&](StreamedJob& j) {
    j.outcome.output = j.planned.job.output;
    if (j.planned.problem) {
      j.status = JobStatus::Failed;
      j.outcome.error = *j.planned.problem;
      return false;
    }
    j.inputs = inputs_hash(j.planned.job);
    if (!settings.force)
      if (auto record = up_to_date(j.planned.job, j.inputs)) {
        j.status = JobStatus::Skipped;
        j.outcome.ok = true;
        j.outcome.pages = record->pages;
        j.outcome.body_size = record->body_size;
        return false;
      }
    return true;
  };
  hooks.on_done = [&](StreamedJob& j) {
    if (j.outcome.ok)
      if (auto s = write_record(j.planned.job, j.inputs, j.outcome); !s)
        j.outcome.warnings.push_back("no fingerprint, it will be rebuilt next time: " + s.error().describe());
  };
  hooks.deliver = [&](StreamedJob&& j) {
    tally.built += j.status == JobStatus::Built;
    tally.skipped += j.status == JobStatus::Skipped;
    tally.failed += j.status == JobStatus::Failed;
    if (j.status == JobStatus::Failed && !tally.stopped_by && is_disk_error(j.outcome.error))
      tally.stopped_by = j.outcome.error;
    if (report && !tally.report_error)
      if (auto s = report->add(JobResult{.planned = &j.planned, .status = j.status, .outcome = j.outcome});
          !s)
        tally.report_error = s.error();
    if (delivered) delivered(j);
  };
  hooks.context = context;
  build_stream(hooks, settings.threads, kWindowPerThread * settings.threads, settings.expected);
  return tally;
}

}  // namespace leafpress::batch
