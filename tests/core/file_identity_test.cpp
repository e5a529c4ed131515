// Tests for core/file_identity.cpp: one file under any name, missing files match nothing.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/file_identity.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::FileSet;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

TEST_CASE("file_identity: every name of one file is found, other files are not", "[core]") {
  TempDir dir;
  fs::create_directories(dir.path / "sub");
  const fs::path a = write_bytes(dir.path / "a.md", "a");
  write_bytes(dir.path / "b.md", "b");
  fs::create_symlink(a, dir.path / "link.md");
  fs::create_hard_link(a, dir.path / "hard.md");
  FileSet set;
  set.add(a, "the article a.md");
  set.add(dir.path / "missing.csv", "the data");  // nothing to record
  CHECK(set.size() == 1);
  for (const fs::path& name : {a, dir.path / "." / "a.md", dir.path / "sub" / ".." / "a.md",
                               dir.path / "link.md", dir.path / "hard.md"}) {
    INFO(name);
    REQUIRE(set.find(name) != nullptr);
    CHECK(*set.find(name) == "the article a.md");
  }
  CHECK(set.find(dir.path / "b.md") == nullptr);
  CHECK(set.find(dir.path / "missing.csv") == nullptr);
  CHECK(set.find("") == nullptr);
}
