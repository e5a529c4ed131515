// cli/batch_command.cpp: `leafpress batch MANIFEST.yaml`, many PDFs, one report.
//
// Order: read the manifest and check every PDF it plans (usage errors stop here, before
// anything is built), then stream its jobs (batch/job_stream.hpp): keep this shard's,
// skip those whose fingerprint says they are up to date, build the rest on the thread
// pool with a progress line, record fingerprints, and say each job's errors and
// warnings and add its report entry as soon as it and the jobs before it are done (in
// manifest order); then print a summary and write the report. Memory does not grow with
// the number of jobs. Fonts are only loaded when something must be built, so a run
// with nothing to do is instant.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "batch/build_job.hpp"
#include "batch/fingerprint.hpp"
#include "batch/job_stream.hpp"
#include "batch/manifest.hpp"
#include "batch/progress.hpp"
#include "batch/report.hpp"
#include "batch/shard.hpp"
#include "cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "core/file_identity.hpp"
#include "core/utf8.hpp"

namespace leafpress::cli {
namespace {

constexpr std::size_t kMaxWarningsShown = 20;  // the rest are in the report
// Jobs planned and not yet reported, per thread: enough that no core waits for the one
// slow job ahead of it, few enough that memory stays flat (batch/job_stream.hpp).
constexpr std::size_t kWindowPerThread = 16;

}  // namespace

int run_batch(const BatchRequest& request, const char* argv0) {
  const auto start = std::chrono::steady_clock::now();
  batch::Shard shard;
  if (!request.shard.empty()) {
    auto parsed = batch::parse_shard(request.shard);
    if (!parsed) {
      std::cerr << "error: " << parsed.error().describe() << "\n";
      return 2;
    }
    shard = *parsed;
  }
  auto manifest = batch::load_manifest(request.manifest);
  if (!manifest) {
    std::cerr << "error: " << manifest.error().describe() << "\n";
    return 2;
  }

  // The report may not replace a file this run reads either (the PDFs were checked
  // with the manifest), nor be one of the PDFs.
  if (!request.report.empty()) {
    std::vector<std::pair<std::string, std::string>> report{{request.report, "the report"}};
    if (auto s = batch::refuse_outputs_over_inputs(*manifest, report); !s) {
      std::cerr << "error: " << s.error().describe() << "\n";
      return 2;
    }
    if (const auto id = file_identity(request.report)) {
      auto cursor = manifest->plan();
      for (auto p = cursor.next(); p; p = cursor.next())
        if (file_identity(p->job.output) == id) {
          std::cerr << "error: "
                    << Error{request.report, 0,
                             "is also the PDF of job `" + p->name + "` (" + p->job.article + ")",
                             "write the report to a .json file"}
                           .describe()
                    << "\n";
          return 2;
        }
    }
  }

  if (request.dry_run) {
    print_dry_run(*manifest, shard, request.force);
    return 0;
  }

  // The jobs are planned, built and reported a few at a time (batch/job_stream.hpp): a
  // merge of 10,000 rows holds a window of rows, not all of them, and its report goes to
  // a spool file entry by entry.
  std::optional<batch::ReportWriter> report;
  if (!request.report.empty()) {
    auto opened = batch::ReportWriter::open();
    if (!opened) {
      std::cerr << "error: cannot write the report: " << opened.error().describe() << "\n";
      return 1;
    }
    report.emplace(std::move(opened).value());
  }
  std::size_t in_shard = manifest->job_count;
  if (shard.count > 1) {
    in_shard = 0;
    auto cursor = manifest->plan();
    for (auto p = cursor.next(); p; p = cursor.next()) in_shard += shard.takes(p->shard_key);
  }

  const unsigned threads = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  int built = 0, skipped = 0, failed = 0;
  std::size_t warnings_shown = 0, warnings = 0, taken = 0;
  std::optional<Error> report_error;
  batch::Progress progress(in_shard, batch::Progress::stderr_is_terminal());
  auto cursor = manifest->plan();
  batch::StreamHooks hooks;
  hooks.next = [&]() -> std::optional<batch::StreamedJob> {
    for (auto p = cursor.next(); p; p = cursor.next())
      if (shard.takes(p->shard_key)) {
        ++taken;
        return batch::StreamedJob{.planned = std::move(*p)};
      }
    return std::nullopt;
  };
  hooks.prepare = [&](batch::StreamedJob& j) {
    j.outcome.output = j.planned.job.output;
    if (j.planned.problem) {
      j.status = batch::JobStatus::Failed;
      j.outcome.error = *j.planned.problem;
      return false;
    }
    j.inputs = batch::inputs_hash(j.planned.job);
    if (!request.force)
      if (auto record = batch::up_to_date(j.planned.job, j.inputs)) {
        j.status = batch::JobStatus::Skipped;
        j.outcome.ok = true;
        j.outcome.pages = record->pages;
        j.outcome.body_size = record->body_size;
        return false;
      }
    return true;
  };
  hooks.on_done = [&](batch::StreamedJob& j) {
    // The fingerprint goes next to the PDF at once, so that a run stopped half-way
    // still skips what it finished.
    if (j.outcome.ok)
      if (auto s = batch::write_record(j.planned.job, j.inputs, j.outcome); !s)
        j.outcome.warnings.push_back("no fingerprint, it will be rebuilt next time: " + s.error().describe());
  };
  hooks.deliver = [&](batch::StreamedJob&& j) {
    built += j.status == batch::JobStatus::Built;
    skipped += j.status == batch::JobStatus::Skipped;
    std::string said;
    if (j.status == batch::JobStatus::Failed) {
      ++failed;
      said += "error: " + j.outcome.error.describe() + " [" + printable(j.planned.job.output) + "]\n";
    }
    for (const auto& w : j.outcome.warnings) {
      ++warnings;
      if (warnings_shown++ < kMaxWarningsShown)
        said += "warning: " + printable(j.planned.job.output) + ": " + printable(w) + "\n";
    }
    if (!said.empty()) progress.print(said);
    if (report && !report_error)
      if (auto s =
              report->add(batch::JobResult{.planned = &j.planned, .status = j.status, .outcome = j.outcome});
          !s)
        report_error = s.error();
    progress.done();
  };
  // Fonts are loaded by the first job that needs a build: a run with nothing to do is instant.
  hooks.context = [&]() -> const batch::Context& { return process_context(argv0); };
  batch::build_stream(hooks, threads, kWindowPerThread * threads, in_shard);
  progress.finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (warnings > kMaxWarningsShown)
    std::cerr << "(" << warnings - kMaxWarningsShown << " more warnings"
              << (request.report.empty() ? "; --report FILE.json lists them all)\n" : " in the report)\n");

  if (report) {
    const batch::RunSummary run{
        .manifest = request.manifest, .shard = shard.text(), .threads = threads, .seconds = seconds};
    Status s = report_error ? Status(*report_error) : report->write(request.report, run);
    if (!s) {
      // The PDFs are built (and fingerprinted): not a usage error, but the run is not complete.
      std::cerr << "error: cannot write the report: " << s.error().describe() << "\n";
      return 1;
    }
  }

  char line[256];
  if (manifest->job_count == 0) {
    std::snprintf(line, sizeof line, "nothing to do: the manifest lists no PDFs (are its data files empty?)");
  } else if (taken == 0) {
    std::snprintf(line, sizeof line, "nothing to do: no job of the manifest falls in this shard");
  } else if (built == 0 && failed == 0) {
    std::snprintf(line, sizeof line, "nothing to do: all %d PDFs are up to date (--force rebuilds them)",
                  skipped);
  } else {
    std::snprintf(line, sizeof line, "%d built, %d up to date, %d failed in %.2f s (%.1f documents/s)", built,
                  skipped, failed, seconds, seconds > 0 ? built / seconds : 0.0);
  }
  // With the report on standard output (--report -), the summary goes to standard error.
  std::ostream& say = !request.report.empty() && is_standard_output(request.report) ? std::cerr : std::cout;
  say << line;
  if (shard.count > 1)
    say << " [shard " << shard.text() << ": " << taken << " of " << manifest->job_count << " jobs]";
  say << "\n";
  return failed ? 1 : 0;
}

}  // namespace leafpress::cli
