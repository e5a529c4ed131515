// batch/progress.hpp: one self-overwriting progress line on a terminal.
//
//   [ 37/200]  18.5 documents/s  ETA 0:09
//
// Drawn on stderr at most ten times a second, and only when stderr is a
// terminal: a log file or a CI job gets no carriage returns. finish() clears it.
// Thread-safety: done() may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace leafpress::batch {

class Progress {
 public:
  Progress(std::size_t total, bool enabled);
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void done();  // one more job finished
  // Writes `text` (whole lines) to stderr, the progress line cleared first and drawn again after.
  void print(const std::string& text);
  void finish();  // erase the line

  // Whether stderr is a terminal (and TERM is not "dumb").
  static bool stderr_is_terminal();

 private:
  void draw(bool force);
  std::mutex mutex_;
  std::size_t total_ = 0, done_ = 0;
  bool enabled_ = false, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace leafpress::batch
