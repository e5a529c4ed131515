// core/file_identity.hpp: is this the same file? By identity, not by name.
//
// "a.md", "./a.md", "sub/../a.md", a hard link and a symbolic link to it all name
// one file: the device and inode number (stat(2), links followed) say so where
// comparing strings cannot. FileSet keeps the files a run reads, so that no output
// is written over one of them (batch/input_guard.hpp): adding and looking up are
// O(1) (a hash set), so checking n outputs against m inputs costs n + m stat calls.
// A name that does not exist (yet) has no identity and matches nothing.
// Thread-safety: FileSet is not synchronised; build it on one thread.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

namespace leafpress {

struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

// The file `path` names (symbolic links followed), or nothing when there is none.
std::optional<FileIdentity> file_identity(const std::filesystem::path& path);

// By name, for a file that need not exist yet: `path` absolute, with links and ".." resolved
// as far as it exists (weakly_canonical); a name too long for the file system is made
// absolute and normalised as written.
std::filesystem::path canonical_name(const std::filesystem::path& path);

struct FileIdentityHash {
  std::size_t operator()(const FileIdentity& id) const noexcept {
    return std::hash<std::uint64_t>{}(static_cast<std::uint64_t>(id.device) * 0x9E3779B97F4A7C15ull ^
                                      static_cast<std::uint64_t>(id.inode));
  }
};

// Files by identity, each with what it is for messages ("the manifest batch.yaml").
class FileSet {
 public:
  // Records `path` as `what`; a missing file is not recorded. The first description wins.
  void add(const std::filesystem::path& path, const std::string& what);
  // What `path` is when it names a recorded file; nothing otherwise.
  [[nodiscard]] const std::string* find(const std::filesystem::path& path) const;
  [[nodiscard]] std::size_t size() const { return files_.size(); }

 private:
  std::unordered_map<FileIdentity, std::string, FileIdentityHash> files_;
};

}  // namespace leafpress
