// core/atomic_file.hpp: whole-file reads and all-or-nothing writes.
//
// write_file_atomically writes to a temporary file in the target's folder (one
// without a name, O_TMPFILE, where the file system allows), flushes it to disk
// and renames it over the target, so a reader (or a killed build) sees either
// the previous file or the new one, never half of one, and no temporary file.
// StagedFile splits that in two, so that a batch can write on one thread and
// leave the flush and rename (a millisecond of waiting on the disk) to another.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace leafpress {

// Reads a whole file; the error names the file and what to do.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes);

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Bytes written beside their target but not yet in its place. Destroyed without
// commit(), it leaves nothing (the temporary file has no name, or is removed).
class StagedFile {
 public:
  static Result<StagedFile> write(const std::filesystem::path& path, std::string_view bytes);

  // Flushes the bytes to disk and renames them over the target.
  Status commit();

  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&& other) noexcept;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile();

  [[nodiscard]] const std::filesystem::path& target() const { return path_; }

 private:
  StagedFile() = default;
  void discard();
  std::filesystem::path path_, tmp_;  // tmp_: the temporary name (linked at commit where O_TMPFILE)
  int fd_ = -1;                       // open until commit
  bool named_ = false;                // the file system had no O_TMPFILE: tmp_ exists already
};

}  // namespace leafpress
