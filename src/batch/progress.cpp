#include "batch/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace leafpress::batch {

using Clock = std::chrono::steady_clock;

Progress::Progress(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled && total > 0), start_(Clock::now()) {}

bool Progress::stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

void Progress::done() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  ++done_;
  draw(done_ == total_);
}

void Progress::print(const std::string& text) {
  std::lock_guard lock(mutex_);
  if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = false;  // the next done() draws it again at once
}

void Progress::draw(bool force) {
  const auto now = Clock::now();
  if (!force && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  const long eta = rate > 0 ? static_cast<long>(static_cast<double>(total_ - done_) / rate + 0.5) : 0;
  std::fprintf(stderr, "\r[%*zu/%zu]  %.1f documents/s  ETA %ld:%02ld \033[K",
               static_cast<int>(std::to_string(total_).size()), done_, total_, rate, eta / 60, eta % 60);
  std::fflush(stderr);
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  drawn_ = false;
  enabled_ = false;
}

}  // namespace leafpress::batch
