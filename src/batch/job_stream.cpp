#include "batch/job_stream.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/finisher.hpp"

namespace leafpress::batch {
namespace {

// Writes a staged build's PDF into place (finisher.hpp); a failure to commit fails the
// outcome with its error. Drops the staged bytes either way.
void commit_staged(Outcome& o) {
  if (auto s = o.staged->commit(); !s) {
    o.ok = false;
    o.error = s.error();
    o.pages = 0;
  }
  o.staged.reset();
}

}  // namespace

void build_stream(const StreamHooks& hooks, unsigned threads, std::size_t window, std::size_t expected) {
  window = std::max<std::size_t>(window, 1);
  expected = std::max<std::size_t>(expected, 1);
  // Threads beyond one per job would idle: a lone job uses them for its subsets.
  const unsigned spare =
      threads > expected ? (threads - static_cast<unsigned>(expected)) / static_cast<unsigned>(expected) : 0;
  threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, expected)));

  // Job i lives in slot i % window from `next` until `deliver`; `ready` once finished.
  struct Slot {
    std::optional<StreamedJob> job;
    bool ready = false;
  };
  std::vector<Slot> ring(window);
  std::mutex mutex;
  std::condition_variable room;  // a slot was freed, or there is nothing more to plan
  std::size_t planned = 0, delivered = 0;
  bool exhausted = false;
  std::exception_ptr planning_failed;

  // Under the lock: `deliver` is called one job at a time, in order.
  const auto complete = [&](std::size_t i) {
    std::lock_guard lock(mutex);
    ring[i % window].ready = true;
    while (delivered < planned && ring[delivered % window].ready) {
      Slot& slot = ring[delivered % window];
      StreamedJob job = std::move(*slot.job);
      slot.job.reset();
      slot.ready = false;
      ++delivered;
      try {
        hooks.deliver(std::move(job));
      } catch (...) {  // a report that cannot be written says so at the end; the builds go on
      }
    }
    room.notify_all();
  };
  // A built job whose PDF is in place (or failed): the fingerprint, then delivery.
  const auto done = [&](std::size_t i) {
    StreamedJob& job = *ring[i % window].job;  // this slot is ours until complete(i)
    job.status = job.outcome.ok ? JobStatus::Built : JobStatus::Failed;
    if (hooks.on_done) {
      try {
        hooks.on_done(job);
      } catch (const std::exception& e) {
        job.outcome.warnings.push_back(std::string("internal error after the build: ") + e.what());
      }
    }
    // The files read are for on_done (fingerprints) only.
    std::vector<std::string>().swap(job.outcome.inputs);
    complete(i);
  };
  Finisher finisher(kFinisherThreads, [&](std::size_t i) {
    commit_staged(ring[i % window].job->outcome);
    done(i);
  });
  const auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      StreamedJob* job = nullptr;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return exhausted || planned - delivered < window; });
        if (exhausted) return;
        std::optional<StreamedJob> next;
        try {
          next = hooks.next();
        } catch (...) {
          planning_failed = std::current_exception();
        }
        if (!next) {
          exhausted = true;
          room.notify_all();
          return;
        }
        i = planned++;
        ring[i % window].job = std::move(next);
        job = &*ring[i % window].job;
      }
      bool build = false;
      try {
        build = hooks.prepare(*job);
      } catch (const std::exception& e) {
        job->status = JobStatus::Failed;
        job->outcome.error = Error{job->planned.job.article, 0, std::string("internal error: ") + e.what(),
                                   "please report this file"};
      }
      if (!build) {
        complete(i);
        continue;
      }
      job->outcome = build_job(job->planned.job, hooks.context(), spare, true);
      if (job->outcome.staged)
        finisher.submit(i);  // after the outcome is stored: the finisher reads it
      else
        done(i);
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }                  // all built
  finisher.close();  // all on disk, all delivered
  if (planning_failed) std::rethrow_exception(planning_failed);
}

std::vector<Outcome> build_jobs(const std::vector<Job>& jobs, const Context& ctx, unsigned threads) {
  std::vector<Outcome> outcomes(jobs.size());
  std::size_t next = 0, delivered = 0;
  StreamHooks hooks;
  hooks.next = [&]() -> std::optional<StreamedJob> {
    if (next == jobs.size()) return std::nullopt;
    StreamedJob j;
    j.planned.job = jobs[next++];
    return j;
  };
  hooks.prepare = [](StreamedJob&) { return true; };
  hooks.deliver = [&](StreamedJob&& j) { outcomes[delivered++] = std::move(j.outcome); };  // in order
  hooks.context = [&]() -> const Context& { return ctx; };
  build_stream(hooks, threads, jobs.size(), jobs.size());
  return outcomes;
}

}  // namespace leafpress::batch
