// core/atomic_file.hpp: whole-file reads and all-or-nothing writes.
//
// write_file_atomically writes to a temporary file in the target's folder (one
// without a name, O_TMPFILE, where the file system allows), flushes it to disk
// and renames it over the target, so a reader (or a killed build) sees either
// the previous file or the new one, never half of one, and no temporary file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace leafpress {

// Reads a whole file; the error names the file and what to do.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes);

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace leafpress
