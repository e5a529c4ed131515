#include "batch/finisher.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace leafpress::batch {
namespace fs = std::filesystem;

Finisher::Finisher(unsigned threads, std::function<void(std::size_t)> finish) : finish_(std::move(finish)) {
  for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { run(); });
}

void Finisher::submit(std::size_t index) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(index);
  }
  ready_.notify_one();
}

void Finisher::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  ready_.notify_all();
  threads_.clear();  // joins: each thread empties the queue before it stops
}

void Finisher::run() {
  for (;;) {
    std::size_t index = 0;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;
      index = queue_.front();
      queue_.pop_front();
    }
    finish_(index);
  }
}

}  // namespace leafpress::batch
