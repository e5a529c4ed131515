#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <utility>

namespace leafpress {
namespace {

// "5161207 bytes (4.9 MiB)": the exact count to compare, the rounded one to read.
std::string human_size(std::uintmax_t bytes) {
  char text[64];
  if (bytes >= (1u << 20))
    std::snprintf(text, sizeof text, "%ju bytes (%.1f MiB)", bytes, static_cast<double>(bytes) / (1u << 20));
  else if (bytes >= (1u << 10))
    std::snprintf(text, sizeof text, "%ju bytes (%.1f KiB)", bytes, static_cast<double>(bytes) / (1u << 10));
  else
    std::snprintf(text, sizeof text, "%ju bytes", bytes);
  return text;
}

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Error{path.string(), 0, "no such file", "check the name and the folder"};
  if (std::filesystem::is_directory(path, ec))
    return Error{path.string(), 0, "is a folder, not a file", "name a file inside it"};
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{path.string(), 0, "cannot read: " + ec.message(), ""};
  if (size > max_bytes)
    return Error{
        path.string(), 0,
        "the file is too large: " + human_size(size) + ", more than the limit of " + human_size(max_bytes),
        "split it into smaller files"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path.string(), 0, std::string("cannot open: ") + std::strerror(errno), ""};
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  data.resize(static_cast<std::size_t>(in.gcount()));
  return data;
}

namespace {

// Writes all of `bytes`; an error message, or "" when done.
std::string write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::string("cannot write: ") + std::strerror(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  return "";
}

// A build killed between naming its temporary file and renaming it (a few
// microseconds) or one on a file system without O_TMPFILE leaves ".NAME.NNN.tmp";
// the next write of NAME removes it. (Were two processes writing one PDF at once,
// the other's rename would then fail with an error: never a broken file.)
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& name) {
  const std::string prefix = "." + name + ".";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.size() <= prefix.size() + 4 || !file.starts_with(prefix) || !file.ends_with(".tmp")) continue;
    const std::string_view digits(file.data() + prefix.size(), file.size() - prefix.size() - 4);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
    std::error_code ignored;
    std::filesystem::remove(entry.path(), ignored);
  }
}

}  // namespace

// The data goes first into a file without a name (O_TMPFILE: Linux 3.11+, on ext4,
// xfs, btrfs and tmpfs), which is then linked under a temporary name and renamed
// over the target. A build killed while writing (SIGKILL, power loss) leaves no
// temporary file behind, only the previous PDF. Where the file system has no
// O_TMPFILE, a named temporary file in the same folder does the same job, except
// that a killed build leaves it (".NAME.NNN.tmp").
Result<StagedFile> StagedFile::write(const std::filesystem::path& path, std::string_view bytes) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{dir.string(), 0, "cannot create the output folder: " + ec.message(), ""};
  remove_stale_temporaries(dir, path.filename().string());
  StagedFile staged;
  staged.path_ = path;
  thread_local std::mt19937_64 random{std::random_device{}()};
  staged.tmp_ = dir / ("." + path.filename().string() + "." + std::to_string(random()) + ".tmp");
  staged.fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (staged.fd_ < 0) {
    staged.fd_ = ::open(staged.tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (staged.fd_ < 0)
      return Error{path.string(), 0, std::string("cannot write: ") + std::strerror(errno), ""};
    staged.named_ = true;
  }
  if (const std::string why = write_all(staged.fd_, bytes); !why.empty())
    return Error{path.string(), 0, why, "is the disk full?"};  // ~StagedFile cleans up
  return staged;
}

Status StagedFile::commit() {
  const auto fail = [&](const std::string& why, const char* hint) {
    discard();
    return Error{path_.string(), 0, why, hint};
  };
  if (fd_ < 0) return fail("cannot write: nothing staged", "report a bug");
  if (::fsync(fd_) != 0)
    return fail(std::string("cannot flush the file to disk: ") + std::strerror(errno), "is the disk full?");
  // linkat(fd, "", AT_EMPTY_PATH) would need CAP_DAC_READ_SEARCH; the /proc link needs nothing.
  if (!named_) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) != 0)
      return fail(std::string("cannot write: ") + std::strerror(errno), "is the disk full?");
    named_ = true;
  }
  if (::close(std::exchange(fd_, -1)) != 0) return fail("cannot write", "is the disk full?");
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) return fail("cannot replace the file: " + ec.message(), "");
  named_ = false;  // it is the target now
  // The rename itself reaches the disk when the folder is flushed.
  const auto dir = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Ok{};
}

void StagedFile::discard() {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
  if (named_) {
    std::error_code ignored;
    std::filesystem::remove(tmp_, ignored);
    named_ = false;
  }
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)),
      tmp_(std::move(other.tmp_)),
      fd_(std::exchange(other.fd_, -1)),
      named_(std::exchange(other.named_, false)) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    tmp_ = std::move(other.tmp_);
    fd_ = std::exchange(other.fd_, -1);
    named_ = std::exchange(other.named_, false);
  }
  return *this;
}

StagedFile::~StagedFile() {
  discard();
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  auto staged = StagedFile::write(path, bytes);
  if (!staged) return staged.error();
  return staged->commit();
}

}  // namespace leafpress
