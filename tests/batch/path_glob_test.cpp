// Tests for batch/path_glob.cpp: `*` within one folder, `**` at any depth, hidden names left out.
#include <catch2/catch.hpp>

#include <filesystem>

#include "batch/path_glob.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::batch::expand_glob;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

TEST_CASE("path_glob: ** matches any depth of folders, none included", "[batch]") {
  TempDir dir;
  const std::string root = dir.path.string();
  fs::create_directories(dir.path / "h" / "en" / "winter");
  fs::create_directories(dir.path / "h" / ".git");
  write_bytes(dir.path / "h" / "a.md", "");
  write_bytes(dir.path / "h" / "notes.txt", "");
  write_bytes(dir.path / "h" / "en" / "b.md", "");
  write_bytes(dir.path / "h" / "en" / "winter" / "c.md", "");
  write_bytes(dir.path / "h" / ".git" / "d.md", "");
  write_bytes(dir.path / "h" / ".hidden.md", "");
  fs::create_directory_symlink(dir.path / "h", dir.path / "h" / "en" / "loop");  // never followed by **
  CHECK(expand_glob(root + "/h/**/*.md") ==
        std::vector<std::string>{root + "/h/a.md", root + "/h/en/b.md", root + "/h/en/winter/c.md"});
  CHECK(expand_glob(root + "/h/*.md") == std::vector<std::string>{root + "/h/a.md"});
  CHECK(expand_glob(root + "/h/*/*.md") == std::vector<std::string>{root + "/h/en/b.md"});
  CHECK(expand_glob(root + "/h/**/winter/*.md") == std::vector<std::string>{root + "/h/en/winter/c.md"});
  CHECK(expand_glob(root + "/h/**/**/c.md") == std::vector<std::string>{root + "/h/en/winter/c.md"});  // once
  CHECK(expand_glob(root + "/h/**/*.pdf").empty());
  CHECK(expand_glob(root + "/h/plain.md") == std::vector<std::string>{root + "/h/plain.md"});  // as written
}
