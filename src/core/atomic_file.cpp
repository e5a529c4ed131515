#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

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

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{dir.string(), 0, "cannot create the output folder: " + ec.message(), ""};
  std::random_device rd;
  const auto tmp = dir / ("." + path.filename().string() + "." + std::to_string(rd()) + ".tmp");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Error{path.string(), 0, std::string("cannot write: ") + std::strerror(errno), ""};
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      std::filesystem::remove(tmp, ec);
      return Error{path.string(), 0, "cannot write: " + why, "is the disk full?"};
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::filesystem::remove(tmp, ec);
    return Error{path.string(), 0, "cannot flush the file to disk", ""};
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Error{path.string(), 0, "cannot replace the file: " + ec.message(), ""};
  }
  return Ok{};
}

}  // namespace leafpress
