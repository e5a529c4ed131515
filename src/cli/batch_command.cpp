// cli/batch_command.cpp: `leafpress batch MANIFEST.yaml`, many PDFs, one report.
//
// Order: read and expand the manifest (usage errors stop here, before anything
// is built), keep this shard's jobs, skip those whose fingerprint says they are
// up to date, build the rest on the thread pool with a progress line, record
// fingerprints, then print a summary and write the report. Fonts are only
// loaded when something must be built, so a run with nothing to do is instant.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "batch/build_job.hpp"
#include "batch/fingerprint.hpp"
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
    const auto id = file_identity(request.report);
    for (const auto& p : manifest->jobs)
      if (id && file_identity(p.job.output) == id) {
        std::cerr << "error: "
                  << Error{request.report, 0,
                           "is also the PDF of job `" + p.name + "` (" + p.job.article + ")",
                           "write the report to a .json file"}
                         .describe()
                  << "\n";
        return 2;
      }
  }

  std::vector<batch::JobResult> results;
  for (const auto& p : manifest->jobs)
    if (shard.takes(p.shard_key)) results.push_back({.planned = &p});
  if (request.dry_run) {
    std::vector<const batch::PlannedJob*> planned;
    for (const auto& r : results) planned.push_back(r.planned);
    print_dry_run(planned, request.force);
    return 0;
  }

  // Up to date, bad rows, and what is left to build.
  std::vector<std::string> inputs(results.size());
  std::vector<batch::Job> to_build;
  std::vector<std::size_t> built_index;  // to_build[i] is results[built_index[i]]
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    r.outcome.output = r.planned->job.output;
    if (r.planned->problem) {
      r.status = batch::JobStatus::Failed;
      r.outcome.error = *r.planned->problem;
      continue;
    }
    inputs[i] = batch::inputs_hash(r.planned->job);
    if (!request.force)
      if (auto record = batch::up_to_date(r.planned->job, inputs[i])) {
        r.status = batch::JobStatus::Skipped;
        r.outcome.ok = true;
        r.outcome.pages = record->pages;
        r.outcome.body_size = record->body_size;
        continue;
      }
    // The row's values move to the job that uses them (the report and the messages need
    // only the planned job's names): a merge keeps each row's values once, not twice.
    batch::Job& planned_job = manifest->jobs[static_cast<std::size_t>(r.planned - manifest->jobs.data())].job;
    auto values = std::move(planned_job.variables);
    to_build.push_back(planned_job);
    to_build.back().variables = std::move(values);
    built_index.push_back(i);
  }

  const unsigned threads = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!to_build.empty()) {
    const batch::Context& ctx = process_context(argv0);
    batch::Progress progress(to_build.size(), batch::Progress::stderr_is_terminal());
    auto outcomes = batch::build_jobs(to_build, ctx, threads, [&](std::size_t k, batch::Outcome& o) {
      // The fingerprint goes next to the PDF at once, so that a run stopped half-way
      // still skips what it finished.
      if (o.ok)
        if (auto s = batch::write_record(to_build[k], inputs[built_index[k]], o); !s)
          o.warnings.push_back("no fingerprint, it will be rebuilt next time: " + s.error().describe());
      progress.done();
    });
    progress.finish();
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      auto& r = results[built_index[k]];
      r.outcome = std::move(outcomes[k]);
      r.status = r.outcome.ok ? batch::JobStatus::Built : batch::JobStatus::Failed;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  int built = 0, skipped = 0, failed = 0;
  std::size_t warnings_shown = 0, warnings = 0;
  for (const auto& r : results) {
    built += r.status == batch::JobStatus::Built;
    skipped += r.status == batch::JobStatus::Skipped;
    if (r.status == batch::JobStatus::Failed) {
      ++failed;
      std::cerr << "error: " << r.outcome.error.describe() << " [" << printable(r.planned->job.output)
                << "]\n";
    }
    for (const auto& w : r.outcome.warnings) {
      ++warnings;
      if (warnings_shown++ < kMaxWarningsShown)
        std::cerr << "warning: " << printable(r.planned->job.output) << ": " << printable(w) << "\n";
    }
  }
  if (warnings > kMaxWarningsShown)
    std::cerr << "(" << warnings - kMaxWarningsShown << " more warnings"
              << (request.report.empty() ? "; --report FILE.json lists them all)\n" : " in the report)\n");

  if (!request.report.empty()) {
    const batch::RunSummary run{
        .manifest = request.manifest, .shard = shard.text(), .threads = threads, .seconds = seconds};
    if (auto s = write_file_atomically(request.report, batch::report_json(run, results)); !s) {
      // The PDFs are built (and fingerprinted): not a usage error, but the run is not complete.
      std::cerr << "error: cannot write the report: " << s.error().describe() << "\n";
      return 1;
    }
  }

  char line[256];
  if (manifest->jobs.empty()) {
    std::snprintf(line, sizeof line, "nothing to do: the manifest lists no PDFs (are its data files empty?)");
  } else if (results.empty()) {
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
    say << " [shard " << shard.text() << ": " << results.size() << " of " << manifest->jobs.size()
        << " jobs]";
  say << "\n";
  return failed ? 1 : 0;
}

}  // namespace leafpress::cli
