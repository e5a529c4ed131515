// tests/support/snapshot.hpp: every file under a folder with its bytes, to show that a
// refused run changed nothing (inputs byte-identical, no file written or removed).
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "tests/support/test_support.hpp"

namespace leafpress::test {

// Path (relative) → bytes; a folder is "<dir>", a link "-> target", a FIFO "<fifo>".
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = fs::relative(entry.path(), root).string();
    if (entry.is_symlink())
      out[name] = "-> " + fs::read_symlink(entry.path()).string();
    else if (entry.is_directory())
      out[name] = "<dir>";
    else if (entry.is_fifo())
      out[name] = "<fifo>";
    else
      out[name] = read_bytes(entry.path());
  }
  return out;
}

// The run said one thing: a single `error: ` line.
inline bool one_error_line(const std::string& output) {
  return output.starts_with("error: ") && std::count(output.begin(), output.end(), '\n') == 1;
}

}  // namespace leafpress::test
