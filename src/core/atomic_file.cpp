#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

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

constexpr std::size_t kMaxNameBytes = 255;  // NAME_MAX on every Linux file system we write to
constexpr int kNameTries = 16;              // random temporary names tried before giving up

// Writes all of `bytes`; errno (0 when done).
int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// The descriptor a name stands for: "-" and /dev/stdout are 1, /dev/stderr 2, /dev/fd/N
// and /proc/self/fd/N are N; -1 for any other name.
int descriptor_of(const std::filesystem::path& path) {
  const std::string s = path.string();
  if (s == "-" || s == "/dev/stdout") return 1;
  if (s == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"})
    if (s.starts_with(prefix) && s.size() > prefix.size() && s.size() <= prefix.size() + 6 &&
        s.find_first_not_of("0123456789", prefix.size()) == std::string::npos)
      return std::stoi(s.substr(prefix.size()));
  return -1;
}

bool is_stream_mode(mode_t mode) {
  return S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode);
}

// ".NAME." cut so that ".NAME.<20 digits>.tmp" still fits in a file name: a target
// whose name is near the limit must not fail for its temporary's sake.
std::string temporary_prefix(const std::string& name) {
  constexpr std::size_t kSuffix = 1 + 20 + 4;  // ".<random>.tmp" minus the dot before it
  std::string cut = name.substr(0, std::min(name.size(), kMaxNameBytes - 1 - 1 - kSuffix));
  return "." + cut + ".";
}

std::filesystem::path random_temporary(const std::filesystem::path& dir, const std::string& name) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return dir / (temporary_prefix(name) + std::to_string(random()) + ".tmp");
}

// A build killed between naming its temporary file and renaming it (a few
// microseconds) or one on a file system without O_TMPFILE leaves ".NAME.NNN.tmp";
// the next write of NAME removes it (unlinking a name never follows a link). Each folder
// is listed once per process, at its first write, and what looks stale is kept by name:
// listing it again for every PDF made a 10 000-row merge into one folder quadratic. A
// temporary that appears later belongs to a write in progress, and is left alone.
class StaleTemporaries {
 public:
  void remove(const std::filesystem::path& dir, const std::string& name) {
    std::vector<std::filesystem::path> stale;
    {
      std::lock_guard lock(mutex_);
      auto [folder, fresh] = folders_.try_emplace(dir.lexically_normal().string());
      if (fresh) folder->second = list(dir);
      if (auto it = folder->second.find(name); it != folder->second.end()) {
        stale = std::move(it->second);
        folder->second.erase(it);
      }
    }
    for (const auto& file : stale) {
      std::error_code ignored;
      std::filesystem::remove(file, ignored);
    }
  }

 private:
  // The folder's stale-looking temporaries, by the name of the file each was for.
  static std::map<std::string, std::vector<std::filesystem::path>> list(const std::filesystem::path& dir) {
    std::map<std::string, std::vector<std::filesystem::path>> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string file = entry.path().filename().string();
      if (file.size() < 6 || file[0] != '.' || !file.ends_with(".tmp")) continue;
      const std::size_t dot = file.rfind('.', file.size() - 5);  // before the digits
      if (dot == std::string::npos || dot == 0 || dot + 1 == file.size() - 4) continue;
      const std::string_view digits(file.data() + dot + 1, file.size() - dot - 5);
      if (digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
      out[file.substr(1, dot - 1)].push_back(entry.path());
    }
    return out;
  }

  std::mutex mutex_;
  std::map<std::string, std::map<std::string, std::vector<std::filesystem::path>>> folders_;
};

void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& name) {
  static StaleTemporaries temporaries;
  // A name cut to fit (temporary_prefix) is listed under the cut name.
  const std::string prefix = temporary_prefix(name);
  temporaries.remove(dir, prefix.substr(1, prefix.size() - 2));
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

}  // namespace

Error io_error(const std::filesystem::path& path, const std::string& what, int error_number) {
  return Error{.file = path.string(),
               .message = what + ": " + std::strerror(error_number),
               .hint = io_hint(error_number),
               .error_number = error_number};
}

std::string io_hint(int error_number) {
  switch (error_number) {
    case ENOSPC:
    case EDQUOT:
      return "the disk is full: free some space, or write somewhere else";
    case ENAMETOOLONG:
      return "the file name is too long: most file systems allow 255 bytes per name; shorten it";
    case EACCES:
    case EPERM:
      return "no permission to write there: choose another folder, or ask for write access";
    case EROFS:
      return "the file system is read-only: write somewhere else";
    case ENOTDIR:
      return "a part of the path is a file, not a folder";
    case EISDIR:
      return "a folder has that name: name a file";
    case ELOOP:
      return "the path has a loop of symbolic links";
    case ENOENT:
      return "a folder on the way does not exist";
    case EIO:
      return "the disk reported an error: check it";
    case EMFILE:
    case ENFILE:
      return "too many open files: run with fewer threads (-j)";
    case EXDEV:
      return "the temporary file and the target are on different file systems";
    case ENXIO:
      return "nothing is reading from it (a FIFO or socket)";
    default:
      return "";
  }
}

bool is_standard_output(const std::filesystem::path& path) {
  if (descriptor_of(path) == 1) return true;
  struct stat out {};
  struct stat named {};
  // /dev/fd/1's twin under another name (a link to /proc/self/fd/1): the same open file.
  return path.string().starts_with("/dev/") && ::fstat(1, &out) == 0 && ::stat(path.c_str(), &named) == 0 &&
         is_stream_mode(named.st_mode) && out.st_dev == named.st_dev && out.st_ino == named.st_ino &&
         out.st_rdev == named.st_rdev;
}

OutputKind output_kind(const std::filesystem::path& path) {
  if (descriptor_of(path) >= 0) return OutputKind::Stream;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && is_stream_mode(st.st_mode)) return OutputKind::Stream;
  return OutputKind::File;
}

// The data goes first into a file without a name (O_TMPFILE: Linux 3.11+, on ext4,
// xfs, btrfs and tmpfs), which is then linked under a random temporary name and
// renamed over the target. A build killed while writing (SIGKILL, power loss) leaves
// no temporary file behind, only the previous PDF. Where the file system has no
// O_TMPFILE, a named temporary file in the same folder, created exclusively and
// without following links, does the same job, except that a killed build leaves it
// (".NAME.NNN.tmp").
Result<StagedFile> StagedFile::write(const std::filesystem::path& path, std::string_view bytes, Sync sync) {
  StagedFile staged;
  staged.path_ = path;
  staged.sync_ = sync == Sync::Yes;
  if (output_kind(path) == OutputKind::Stream) {
    staged.stream_ = true;
    staged.pending_.assign(bytes);
    return staged;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISBLK(st.st_mode))
    return Error{path.string(), 0, "is a disk (a block device), not a file", "name a file"};
  const std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..")
    return Error{path.string(), 0, "names a folder, not a file", "name a file, e.g. out/leaflet.pdf"};
  if (name.size() > kMaxNameBytes)
    return Error{path.string(), 0,
                 "the file name is too long: " + std::to_string(name.size()) +
                     " bytes, more than the limit of " + std::to_string(kMaxNameBytes),
                 "shorten it (in a batch, a long value in `output:` is cut to 100 bytes; shorten the rest)"};
  const auto dir = folder_of(path);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Error{.file = dir.string(),
                 .message = "cannot create the output folder: " + ec.message(),
                 .hint = io_hint(ec.value()),
                 .error_number = ec.value()};
  remove_stale_temporaries(dir, name);
  staged.tmp_ = random_temporary(dir, name);
  staged.fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (staged.fd_ < 0) {
    // O_EXCL|O_NOFOLLOW: a file or link someone put at the name is never opened.
    for (int tries = 0; tries < kNameTries && staged.fd_ < 0; ++tries) {
      if (tries > 0) staged.tmp_ = random_temporary(dir, name);
      staged.fd_ = ::open(staged.tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (staged.fd_ < 0 && errno != EEXIST) break;
    }
    if (staged.fd_ < 0) return io_error(path, "cannot write", errno);
    staged.named_ = true;
  }
  if (const int err = write_all(staged.fd_, bytes); err != 0)
    return io_error(path, "cannot write", err);  // ~StagedFile cleans up
  return staged;
}

Status StagedFile::append(std::string_view bytes) {
  if (stream_) return write_through(bytes);
  if (fd_ < 0) return Error{path_.string(), 0, "cannot write: nothing staged", "report a bug"};
  if (const int err = write_all(fd_, bytes); err != 0) {
    discard();
    return io_error(path_, "cannot write", err);
  }
  return Ok{};
}

// A Stream target: the bytes held and `more`, written to it now. The descriptor is opened
// once, at the first write through, and kept until commit.
Status StagedFile::write_through(std::string_view more) {
  if (fd_ < 0) {
    if (const int fd = descriptor_of(path_); fd >= 0) {
      fd_ = fd;
      borrowed_ = true;
    } else {
      // No O_CREAT, no O_TRUNC: a device, FIFO or socket is written to, never replaced.
      const int opened = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (opened < 0) {
        const int err = errno;
        discard();
        return io_error(path_, "cannot write", err);
      }
      struct stat st {};
      if (::fstat(opened, &st) != 0 || !is_stream_mode(st.st_mode)) {
        // It became a regular file since we looked: it is staged the safe way instead.
        ::close(opened);
        std::string held = std::exchange(pending_, {});
        held.append(more);
        auto staged = StagedFile::write(path_, held, sync_ ? Sync::Yes : Sync::No);
        if (!staged) {
          discard();
          return staged.error();
        }
        *this = std::move(staged).value();
        return Ok{};
      }
      fd_ = opened;
    }
  }
  int err = write_all(fd_, pending_);
  if (err == 0) err = write_all(fd_, more);
  pending_.clear();
  if (err != 0) {
    discard();
    return io_error(path_, "cannot write", err);
  }
  return Ok{};
}

Status StagedFile::commit() {
  const auto fail = [&](const std::string& what, int error_number) {
    discard();
    return io_error(path_, what, error_number);
  };
  if (stream_) {
    if (auto s = write_through({}); !s) return s;
    if (stream_) {  // (else it became a regular file, committed below)
      discard();    // closes what it opened; standard output stays open
      return Ok{};
    }
  }
  if (fd_ < 0) return Error{path_.string(), 0, "cannot write: nothing staged", "report a bug"};
  if (sync_ && ::fsync(fd_) != 0) return fail("cannot flush the file to disk", errno);
  // linkat(fd, "", AT_EMPTY_PATH) would need CAP_DAC_READ_SEARCH; the /proc link needs nothing.
  if (!named_) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    const auto dir = folder_of(path_);
    int err = EEXIST;
    for (int tries = 0; tries < kNameTries && err == EEXIST; ++tries) {
      if (tries > 0) tmp_ = random_temporary(dir, path_.filename().string());
      err = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
      if (err == ENOENT && ::linkat(fd_, "", AT_FDCWD, tmp_.c_str(), AT_EMPTY_PATH) == 0)
        err = 0;  // no /proc
    }
    if (err != 0) return fail("cannot write", err);
    named_ = true;
  }
  if (::close(std::exchange(fd_, -1)) != 0) return fail("cannot write", errno);
  // rename(2) replaces the name: a symbolic link there is replaced, not followed.
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) return fail("cannot replace the file", errno);
  named_ = false;  // it is the target now
  // The rename itself reaches the disk when the folder is flushed.
  if (sync_)
    if (const int dir_fd = ::open(folder_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        dir_fd >= 0) {
      ::fsync(dir_fd);
      ::close(dir_fd);
    }
  return Ok{};
}

void StagedFile::discard() {
  if (fd_ >= 0 && !borrowed_) ::close(fd_);
  fd_ = -1;
  borrowed_ = false;
  if (named_) {
    ::unlink(tmp_.c_str());
    named_ = false;
  }
  pending_.clear();
  stream_ = false;
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)),
      tmp_(std::move(other.tmp_)),
      fd_(std::exchange(other.fd_, -1)),
      named_(std::exchange(other.named_, false)),
      sync_(other.sync_),
      stream_(std::exchange(other.stream_, false)),
      borrowed_(std::exchange(other.borrowed_, false)),
      pending_(std::move(other.pending_)) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    tmp_ = std::move(other.tmp_);
    fd_ = std::exchange(other.fd_, -1);
    named_ = std::exchange(other.named_, false);
    sync_ = other.sync_;
    stream_ = std::exchange(other.stream_, false);
    borrowed_ = std::exchange(other.borrowed_, false);
    pending_ = std::move(other.pending_);
  }
  return *this;
}

StagedFile::~StagedFile() {
  discard();
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes, Sync sync) {
  auto staged = StagedFile::write(path, bytes, sync);
  if (!staged) return staged.error();
  return staged->commit();
}

}  // namespace leafpress
