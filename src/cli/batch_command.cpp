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
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "batch/build_job.hpp"
#include "batch/manifest.hpp"
#include "batch/manifest_run.hpp"
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

// One walk of the plan before anything is built, and only when it has something to find:
// how many jobs fall in `shard` (for the progress line and the thread count), and whether
// the report is one of the PDFs (a usage error: written last, it would replace that PDF
// with its text, and the fingerprint would keep it so). By name, built or not yet, and by
// identity (a link to a PDF).
Result<std::size_t> count_and_check(const batch::Manifest& manifest, const batch::Shard& shard,
                                    const std::string& report) {
  const bool file = !report.empty() && output_kind(report) == OutputKind::File;
  if (shard.count == 1 && !file) return manifest.job_count;
  const auto id = file ? file_identity(report) : std::nullopt;
  const std::string key = file ? batch::output_key(report) : "";
  const std::string name = std::filesystem::path(report).filename().string();  // a cheap first look
  std::size_t in_shard = 0;
  auto cursor = manifest.plan();
  for (auto p = cursor.next(); p; p = cursor.next()) {
    if (file && !p->problem &&
        ((id && file_identity(p->job.output) == id) ||
         (std::filesystem::path(p->job.output).filename() == name &&
          batch::output_key(p->job.output) == key)))
      return Error{report, 0, "is also the PDF of job `" + p->name + "` (" + p->job.article + ")",
                   "write the report to a .json file"};
    in_shard += shard.takes(p->shard_key);
  }
  return in_shard;
}

// Ctrl-C (SIGINT) or SIGTERM during a run: no more jobs are started; those under way are
// finished, fingerprinted and reported, and the report is written. The handler is reset by
// the first signal (SA_RESETHAND): a second Ctrl-C ends the process at once, and still
// leaves no half-written PDF (core/atomic_file.hpp).
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_stop_signal(int) {
  g_stop.store(true);
}

void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  action.sa_flags = SA_RESETHAND | SA_RESTART;  // no system call of a build sees EINTR
  sigemptyset(&action.sa_mask);
  for (const int signal : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    // A signal the shell told us to ignore (a background job's SIGINT) stays ignored.
    if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler != SIG_IGN)
      ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace

int run_batch(const BatchRequest& request, const char* argv0) {
  const auto start = std::chrono::steady_clock::now();
  batch::Shard shard;
  if (!request.shard.empty()) {
    auto parsed = batch::parse_shard(request.shard);
    if (!parsed) return usage_error(parsed.error());
    shard = *parsed;
  }
  auto manifest = batch::load_manifest(request.manifest);
  if (!manifest) return usage_error(manifest.error());

  {
    // A layout found for none of a job's articles fails all its PDFs: said once, now.
    batch::Context folders_only;
    folders_only.layout_dirs = batch::Context::layout_dirs_of(argv0);
    if (auto s = batch::check_layouts(*manifest, folders_only); !s) return usage_error(s.error());
  }
  // The report may not be one of the PDFs. (--dry-run lists its shard itself.)
  auto in_shard = count_and_check(*manifest, request.dry_run ? batch::Shard{} : shard, request.report);
  if (!in_shard) return usage_error(in_shard.error());
  // Nor may the report replace a file this run reads (the PDFs were checked with the
  // manifest), or a file of another kind.
  if (!request.report.empty())
    if (auto s =
            batch::refuse_output_over_inputs(*manifest, request.report, "the report", &batch::kReportOutput);
        !s)
      return usage_error(s.error());

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
  const unsigned threads = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::size_t warnings_shown = 0, warnings = 0;
  std::size_t disk_errors = 0;  // a full or read-only disk: said once, the rest counted
  // A folder that cannot be written (no permission, a file where the folder should be) fails
  // each of its PDFs alike: said for the first, the others counted, by folder and cause.
  std::map<std::pair<std::string, std::string>, std::size_t> folder_errors;
  batch::Progress progress(*in_shard, batch::Progress::stderr_is_terminal());
  const auto delivered = [&](const batch::StreamedJob& j) {
    std::string said;
    const bool failed = j.status == batch::JobStatus::Failed;
    const Error& e = j.outcome.error;
    const bool disk = failed && batch::is_disk_error(e);
    const std::string folder = std::filesystem::path(j.planned.job.output).parent_path().string();
    const bool folder_error =
        failed && !disk && !e.hint.empty() && (e.file == j.planned.job.output || e.file == folder);
    if (failed && (disk ? disk_errors++ == 0 : !folder_error || folder_errors[{folder, e.hint}]++ == 0))
      said += "error: " + j.outcome.error.describe() + " [" + printable(j.planned.job.output) + "]\n";
    for (const auto& w : j.outcome.warnings) {
      ++warnings;
      if (warnings_shown++ < kMaxWarningsShown)
        said += "warning: " + printable(j.planned.job.output) + ": " + printable(w) + "\n";
    }
    if (!said.empty()) progress.print(said);
    progress.done();
  };
  // Fonts are loaded by the first job that needs a build: a run with nothing to do is instant.
  const auto context = [&]() -> const batch::Context& { return process_context(argv0); };
  stop_on_signals();
  const batch::RunTally tally = batch::run_manifest(
      *manifest,
      {.shard = shard, .force = request.force, .threads = threads, .expected = *in_shard, .stop = &g_stop},
      report ? &*report : nullptr, context, delivered);
  progress.finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (tally.interrupted)
    std::cerr << "error: interrupted: " << *in_shard - tally.taken
              << " PDFs were not tried; those begun were finished (run again: what was built is skipped)\n";
  if (tally.stopped_by)
    std::cerr << "error: stopped: " << printable(tally.stopped_by->hint) << "; "
              << (disk_errors > 1
                      ? std::to_string(disk_errors - 1) + (disk_errors == 2 ? " more PDF" : " more PDFs") +
                            " failed the same way, "
                      : "")
              << *in_shard - tally.taken << " were not tried (run again then: what was built is skipped)\n";
  for (const auto& [where, count] : folder_errors)
    if (count > 1)
      std::cerr << "error: " << printable(where.first.empty() ? "." : where.first) << ": " << count - 1
                << (count == 2 ? " more PDF" : " more PDFs") << " could not be written there either ("
                << printable(where.second) << ")\n";
  if (warnings > kMaxWarningsShown)
    std::cerr << "(" << warnings - kMaxWarningsShown << " more warnings"
              << (request.report.empty() ? "; --report FILE.json lists them all)\n" : " in the report)\n");

  if (report) {
    const batch::RunSummary run{
        .manifest = request.manifest, .shard = shard.text(), .threads = threads, .seconds = seconds};
    Status s = tally.report_error ? Status(*tally.report_error) : report->write(request.report, run);
    if (!s) {
      // The PDFs are built (and fingerprinted): not a usage error, but the run is not complete.
      std::cerr << "error: cannot write the report: " << s.error().describe() << "\n";
      return 1;
    }
  }

  char line[256];
  if (manifest->job_count == 0) {
    std::snprintf(line, sizeof line, "nothing to do: the manifest lists no PDFs (are its data files empty?)");
  } else if (tally.taken == 0) {
    std::snprintf(line, sizeof line, "nothing to do: no job of the manifest falls in this shard");
  } else if (tally.built == 0 && tally.failed == 0) {
    std::snprintf(line, sizeof line, "nothing to do: all %d PDFs are up to date (--force rebuilds them)",
                  tally.skipped);
  } else {
    std::snprintf(line, sizeof line, "%d built, %d up to date, %d failed in %.2f s (%.1f documents/s)",
                  tally.built, tally.skipped, tally.failed, seconds,
                  seconds > 0 ? tally.built / seconds : 0.0);
  }
  // With the report on standard output (--report -), the summary goes to standard error.
  std::ostream& say = !request.report.empty() && is_standard_output(request.report) ? std::cerr : std::cout;
  say << line;
  if (shard.count > 1)
    say << " [shard " << shard.text() << ": " << tally.taken << " of " << manifest->job_count << " jobs]";
  say << "\n";
  if (tally.interrupted) return 130;  // as a shell reports a command Ctrl-C ended
  return tally.failed ? 1 : 0;
}

}  // namespace leafpress::cli
