// batch/manifest_run.hpp: a manifest's jobs built as `leafpress batch` builds them.
//
// run_manifest streams the manifest's plan through build_stream (job_stream.hpp) with a
// window of kWindowPerThread jobs a thread. Per job, in manifest order: a job outside
// `shard` is passed over; a job whose row is bad (PlannedJob::problem) fails without being
// built; one whose fingerprint says it is up to date is skipped (unless `force`); the rest
// are built, and each built PDF's fingerprint is written as soon as the PDF is in place, so
// that a run stopped half-way still skips what it finished. Each job is then counted, its
// entry added to `report` (when given) and handed to `delivered`, one call at a time, in
// manifest order. A PDF that fails because the disk is full or read-only stops the run:
// every one after would fail alike, so no more jobs are planned (those under way finish)
// and `stopped_by` says why. The command (cli/batch_command.cpp) and the merge bench
// (bench/build_bench.cpp) both run a manifest through here, so that the bench measures
// what a user runs.
// Memory: at most the window's jobs are planned and not yet delivered, whatever the
// manifest's length.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>

#include "batch/job_stream.hpp"
#include "batch/manifest.hpp"
#include "batch/report.hpp"
#include "batch/shard.hpp"
#include "core/result.hpp"

namespace leafpress::batch {

// Jobs planned and not yet delivered, per thread: enough that no core waits for the one
// slow job ahead of it, few enough that memory stays flat (job_stream.hpp).
inline constexpr std::size_t kWindowPerThread = 16;

struct RunSettings {
  Shard shard{};
  bool force = false;        // build even what is up to date
  unsigned threads = 1;      // worker threads
  std::size_t expected = 0;  // about how many jobs fall in `shard` (build_stream's `expected`)
  // Set (by a signal handler: Ctrl-C) to stop: no more jobs are planned, those under way
  // finish, are fingerprinted and reported. Null: never.
  const std::atomic<bool>* stop = nullptr;
};

struct RunTally {
  int built = 0, skipped = 0, failed = 0;
  std::size_t taken = 0;                // jobs in the shard
  std::optional<Error> report_error{};  // the first entry the report could not take
  std::optional<Error> stopped_by{};    // the full or read-only disk that stopped the run
  bool interrupted = false;             // RunSettings::stop was set before every job was planned
};

// Whether a job's error is the disk's (full, over quota, read-only: Error::error_number is
// ENOSPC, EDQUOT or EROFS), not the job's: then every job after would fail alike.
bool is_disk_error(const Error& error);

// `context`: the fonts and layouts, asked for by the first job to build (never, when
// nothing must be built). `delivered`: each job after it is counted and reported (may be empty).
RunTally run_manifest(const Manifest& manifest, const RunSettings& settings, ReportWriter* report,
                      const std::function<const Context&()>& context,
                      const std::function<void(const StreamedJob&)>& delivered);

}  // namespace leafpress::batch
