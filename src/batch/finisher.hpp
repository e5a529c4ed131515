// batch/finisher.hpp: the last step of a PDF in a batch, off the build threads.
//
// A PDF is written with core/atomic_file.hpp: temporary file, fsync, rename.
// In a batch the fsync (a journal commit: about a millisecond, more on a busy
// disk) would leave a core idle for every PDF. So a batch build writes the
// temporary file (StagedFile::write) and hands it on; a few finisher threads
// fsync and rename it (StagedFile::commit), then report the job done. The guarantee stays the
// same: a PDF appears under its name only whole and on disk, and a job is only
// reported built once it has. Several finisher threads, because the file system
// commits concurrent fsyncs together.
// Thread-safety: submit may be called from any thread; close() from one.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace leafpress::batch {

// The finisher threads of a batch run: fsync waits on the disk, not the CPU, and a few threads
// keep the journal commits overlapping.
constexpr unsigned kFinisherThreads = 4;

class Finisher {
 public:
  // `finish(i)` runs on a finisher thread for every submitted i.
  Finisher(unsigned threads, std::function<void(std::size_t)> finish);
  ~Finisher() { close(); }
  Finisher(const Finisher&) = delete;
  Finisher& operator=(const Finisher&) = delete;

  void submit(std::size_t index);
  void close();  // returns once everything submitted is finished

 private:
  void run();
  std::function<void(std::size_t)> finish_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::size_t> queue_;
  bool closing_ = false;
  std::vector<std::jthread> threads_;
};

}  // namespace leafpress::batch
