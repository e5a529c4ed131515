// batch/job_stream.hpp: jobs built on a pool of threads, with memory that does not grow
// with their number: the one pool of `build` and `batch`.
//
// build_stream takes the jobs one at a time from `next` and hands each, with its outcome,
// to `deliver` as soon as it and every job before it are finished: at most `window` jobs
// are planned and not yet delivered at any moment, whatever the merge's length (a merge of
// 10,000 rows once held 10,000 planned jobs, outcomes and report entries: some 4 KB a row).
// build_jobs is build_stream over a list of jobs given at once (`leafpress build`, the bench).
//
// Per job, on a worker thread: `prepare` decides whether it must be built (false: it has
// its status and outcome already: a bad row, or up to date); a job to build is built by
// build_job with its PDF staged, then flushed and renamed on a finisher thread
// (finisher.hpp) while the next ones build, and `on_done` runs once the PDF is in place
// (the fingerprint), before delivery. Outcome::inputs is there for on_done only: it is
// emptied afterwards, so that memory does not grow with the rows of a merge by the list of
// fonts each PDF used.
// Order: `next` is called on one thread at a time, in order; `deliver` gets the jobs in the
// order `next` gave them, one call at a time, from whichever thread finished the job that
// was holding them up. One job that fails or throws costs no other.
// Stopping (Ctrl-C, batch/manifest_run.hpp): `next` returns nothing; the jobs under way are
// finished, their PDFs put in place and delivered before build_stream returns.
// Threads: `threads` workers (never more than `expected` jobs' worth; a lone job gets the
// spare threads for its font subsets).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// Builds all `jobs` on `threads` threads (build_stream, with room for every job); outcomes
// in job order.
std::vector<Outcome> build_jobs(const std::vector<Job>& jobs, const Context& ctx, unsigned threads);

}  // namespace leafpress::batch
