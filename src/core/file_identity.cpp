#include "core/file_identity.hpp"

#include <sys/stat.h>

namespace leafpress {

std::optional<FileIdentity> file_identity(const std::filesystem::path& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino};
}

std::filesystem::path canonical_name(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  if (ec) canonical = std::filesystem::absolute(path, ec).lexically_normal();
  return canonical;
}

void FileSet::add(const std::filesystem::path& path, const std::string& what) {
  if (auto id = file_identity(path)) files_.emplace(*id, what);
}

const std::string* FileSet::find(const std::filesystem::path& path) const {
  if (files_.empty()) return nullptr;
  const auto id = file_identity(path);
  if (!id) return nullptr;
  const auto it = files_.find(*id);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace leafpress
