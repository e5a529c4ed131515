#include "batch/finisher.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace leafpress::batch {
namespace fs = std::filesystem;

Result<std::string> stage_file(const std::string& output, std::string_view bytes) {
  const fs::path path(output);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error{dir.string(), 0, "cannot create the output folder: " + ec.message(), ""};
  thread_local std::mt19937_64 random{std::random_device{}()};
  const fs::path tmp = dir / ("." + path.filename().string() + "." + std::to_string(random()) + ".tmp");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Error{output, 0, std::string("cannot write: ") + std::strerror(errno), ""};
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      fs::remove(tmp, ec);
      return Error{output, 0, "cannot write: " + why, "is the disk full?"};
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    fs::remove(tmp, ec);
    return Error{output, 0, "cannot write: " + std::string(std::strerror(errno)), "is the disk full?"};
  }
  return tmp.string();
}

Status commit_staged(const std::string& staged, const std::string& output) {
  std::error_code ec;
  const int fd = ::open(staged.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) {
    fs::remove(staged, ec);
    return Error{output, 0, "cannot flush the file to disk", ""};
  }
  fs::rename(staged, output, ec);
  if (ec) {
    fs::remove(staged, ec);
    return Error{output, 0, "cannot replace the file: " + ec.message(), ""};
  }
  return Ok{};
}

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
