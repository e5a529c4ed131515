#include "batch/path_glob.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace leafpress::batch {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split(const std::string& pattern) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    const std::size_t slash = std::min(pattern.find('/', start), pattern.size());
    if (slash > start) parts.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// Matches parts[i...] below `dir`; `shown` is `dir` as the result should spell it.
void walk(const fs::path& dir, const std::string& shown, const std::vector<std::string>& parts, std::size_t i,
          std::set<std::string>& out) {
  std::error_code ec;
  if (i == parts.size()) {
    if (fs::is_regular_file(dir, ec)) out.insert(shown);
    return;
  }
  const std::string& part = parts[i];
  const auto join = [&](const std::string& name) { return shown.empty() ? name : shown + "/" + name; };
  if (part == "**") {
    walk(dir, shown, parts, i + 1, out);  // no folder at all
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      std::error_code link_ec;
      if (name.starts_with(".") || entry.is_symlink(link_ec) || !entry.is_directory(link_ec)) continue;
      walk(entry.path(), join(name), parts, i, out);
    }
    return;
  }
  if (!has_glob_chars(part)) {
    const fs::path next = dir / part;
    if (fs::exists(next, ec)) walk(next, join(part), parts, i + 1, out);
    return;
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (::fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) == 0)
      walk(entry.path(), join(name), parts, i + 1, out);
  }
}

}  // namespace

bool has_glob_chars(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  if (!has_glob_chars(pattern)) return {pattern};
  const bool absolute = pattern.starts_with("/");
  std::set<std::string> found;
  walk(absolute ? fs::path("/") : fs::path("."), absolute ? "" : "", split(pattern), 0, found);
  std::vector<std::string> out;
  out.reserve(found.size());
  for (const auto& f : found) out.push_back(absolute ? "/" + f : f);
  return out;
}

}  // namespace leafpress::batch
