// batch/job_stream.hpp: a merge of any length, built with memory that does not grow with it.
//
// build_jobs (build_job.hpp) takes every job at once and returns every outcome at the end:
// a merge of 10,000 rows held 10,000 planned jobs, jobs, outcomes and report entries (some
// 4 KB a row). build_stream takes the jobs one at a time from `next` and hands each, with
// its outcome, to `deliver` as soon as it and every job before it are finished: at most
// `window` jobs are planned and not yet delivered at any moment, whatever the merge's length.
//
// Per job, on a worker thread: `prepare` decides whether it must be built (false: it has
// its status and outcome already: a bad row, or up to date); a job to build is built as in
// build_jobs (its PDF staged, then flushed and renamed on a finisher thread, finisher.hpp),
// and `on_done` runs once the PDF is in place (the fingerprint), before delivery.
// Order: `next` is called on one thread at a time, in order; `deliver` gets the jobs in the
// order `next` gave them, one call at a time, from whichever thread finished the job that
// was holding them up. As in build_jobs, one job that fails or throws costs no other.
// Threads: `threads` workers (never more than `expected` jobs' worth; a lone job gets the
// spare threads for its font subsets, as build_jobs gives them).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "batch/build_job.hpp"
#include "batch/manifest.hpp"
#include "batch/report.hpp"

namespace leafpress::batch {

struct StreamedJob {
  PlannedJob planned{};
  JobStatus status = JobStatus::Failed;
  Outcome outcome{};
  std::string inputs{};  // the fingerprint's inputs hash (fingerprint.hpp), for on_done
};

struct StreamHooks {
  std::function<std::optional<StreamedJob>()> next;  // the next job; nothing: no more
  std::function<bool(StreamedJob&)> prepare;         // true: build it
  std::function<void(StreamedJob&)> on_done;         // after a build, its PDF in place (may add warnings)
  std::function<void(StreamedJob&&)> deliver;        // every job, in order
  // The fonts and layouts, asked for by the first job to build (a run with nothing to
  // build never loads fonts); called from any worker thread.
  std::function<const Context&()> context;
};

// `expected`: about how many jobs `next` will give (the thread count is capped by it).
void build_stream(const StreamHooks& hooks, unsigned threads, std::size_t window, std::size_t expected);

}  // namespace leafpress::batch
