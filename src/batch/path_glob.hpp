// batch/path_glob.hpp: the files a manifest's `articles:` pattern names.
//
// Each `/`-separated part of the pattern is matched as fnmatch(3) matches a name
// (`*`, `?`, `[abc]`; a leading `.` only by a pattern that starts with `.`), and a
// part that is exactly `**` matches any number of folders, none included:
// `handouts/**/*.md` finds handouts/a.md and handouts/en/winter/b.md. glob(3)
// knows no `**` and would take it as `*` (one level), silently missing the rest.
// Symbolic links to folders are not followed by `**` (a link loop cannot make it
// endless); a path without any pattern character is returned as written.
// Output: regular files (links to files count), sorted, each once.
// Thread-safety: reentrant.
#pragma once

#include <string>
#include <vector>

namespace leafpress::batch {

bool has_glob_chars(const std::string& s);

std::vector<std::string> expand_glob(const std::string& pattern);

}  // namespace leafpress::batch
