// core/atomic_file.hpp: whole-file reads, and the one way leafpress writes a file.
//
// Every file leafpress writes (PDFs, proofs, the batch report, fingerprint
// sidecars, preview pictures...) goes through write_file_atomically or
// StagedFile; nothing in src/ opens a file for writing any other way.
//
// Where the bytes go depends on what the target is (output_kind):
//  - a regular file, or nothing yet: the bytes go into a temporary file in the
//    target's folder, one without a name (O_TMPFILE) where the file system allows,
//    else one created with O_CREAT|O_EXCL|O_NOFOLLOW under a random hidden name
//    (".NAME.<random>.tmp"); it is flushed to disk and renamed over the target. A
//    reader, or a build killed at any point, sees the previous file or the new one,
//    never half of one. No fixed temporary name is ever used, and no symbolic link
//    is followed: a link planted at the temporary name makes the open fail (it is
//    retried under another name), a link at the target's own name is replaced, not
//    written through.
//  - `-` (standard output), /dev/stdout, /dev/stderr, /dev/fd/N: written to that
//    descriptor, so `-o -` pipes a PDF and `--report /dev/stdout` never replaces the link;
//  - a character device (/dev/null), a FIFO or a socket: written through (opened
//    without O_CREAT or O_TRUNC), never renamed over: `-o /dev/null` as root
//    leaves the device a device.
// Errors name the file and map errno to what to do: a full disk (ENOSPC, EDQUOT)
// is told apart from a name that is too long (ENAMETOOLONG), no permission, a
// read-only file system and so on (io_hint); the errno is kept in Error::error_number.
// Thread-safety: reentrant; two writers of one target end with one whole file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace leafpress {

// Reads a whole file; the error names the file and what to do.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes);

// What a write to `path` does (see the top of this file).
enum class OutputKind {
  File,    // temporary file + rename
  Stream,  // written through: standard output/error, a descriptor, a device, a FIFO, a socket
};
OutputKind output_kind(const std::filesystem::path& path);

// Whether `path` means standard output ("-", /dev/stdout, /dev/fd/1, /proc/self/fd/1): a
// command that writes there prints its own messages to standard error instead.
bool is_standard_output(const std::filesystem::path& path);

// Whether the bytes are flushed to disk before the rename. A file that is cheap to
// lose in a power cut (a fingerprint: one rebuild) may skip the wait.
enum class Sync { Yes, No };

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                             Sync sync = Sync::Yes);

// What to do about a failed system call, by errno: "the disk is full: free some space",
// "the file name is too long: ...", "no permission to write there: ..."; "" when nothing helps.
std::string io_hint(int error_number);

// The error of a failed system call on `path`: "WHAT: <strerror>", io_hint's advice, and the
// errno itself in Error::error_number (what a batch decides on: a full disk stops it).
Error io_error(const std::filesystem::path& path, const std::string& what, int error_number);

// Bytes written beside their target but not yet in its place. Destroyed without
// commit(), it leaves nothing (the temporary file has no name, or is removed).
// A Stream target (standard output, a pipe, a device) is not a file and has no place to
// stage in: the bytes given to write() are held, and commit() writes them through, so a
// PDF piped out comes whole or not at all; append() writes what is held and its own bytes
// through at once (a report as long as the run goes out piece by piece, in flat memory:
// what a pipe has taken cannot be taken back, and a failure after it leaves a part).
class StagedFile {
 public:
  static Result<StagedFile> write(const std::filesystem::path& path, std::string_view bytes,
                                  Sync sync = Sync::Yes);

  // More bytes after those written (a long report put together piece by piece); on a
  // Stream target, written through now (see above).
  Status append(std::string_view bytes);

  // Flushes the bytes to disk and renames them over the target (or writes them through).
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
  Status write_through(std::string_view more);
  std::filesystem::path path_, tmp_;  // tmp_: the temporary name (linked at commit where O_TMPFILE)
  int fd_ = -1;                       // open until commit (a Stream target's, from its first write through)
  bool named_ = false;                // the file system had no O_TMPFILE: tmp_ exists already
  bool sync_ = true;
  bool stream_ = false;    // a Stream target: `pending_` is written through at append or commit
  bool borrowed_ = false;  // fd_ is standard output or another descriptor we did not open
  std::string pending_;
};

}  // namespace leafpress
