// Tests for batch/finisher.cpp: staged files become their outputs only whole, a
// failed commit leaves no temporary file, and every submitted job is finished once.
#include <catch2/catch.hpp>

#include <atomic>

#include "batch/finisher.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using namespace leafpress::batch;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;

TEST_CASE("finisher: a staged file is hidden until it is committed", "[batch]") {
  TempDir dir;
  const std::string out = (dir.path / "sub" / "a.pdf").string();
  auto staged = stage_file(out, "%PDF-1.4 bytes");
  REQUIRE(staged);
  CHECK(fs::path(*staged).parent_path() == dir.path / "sub");
  CHECK(fs::path(*staged).filename().string().starts_with(".a.pdf."));
  CHECK_FALSE(fs::exists(out));
  REQUIRE(commit_staged(*staged, out));
  CHECK(read_bytes(out) == "%PDF-1.4 bytes");
  CHECK_FALSE(fs::exists(*staged));
}

TEST_CASE("finisher: a commit that cannot rename removes the temporary file", "[batch]") {
  TempDir dir;
  const fs::path out = dir.path / "a.pdf";
  fs::create_directories(out / "in-the-way");  // a non-empty folder where the PDF should go
  auto staged = stage_file(out.string(), "x");
  REQUIRE(staged);
  auto r = commit_staged(*staged, out.string());
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("cannot replace"));
  CHECK_FALSE(fs::exists(*staged));
}

TEST_CASE("finisher: every submitted index is finished exactly once before close returns", "[batch]") {
  std::vector<std::atomic<int>> seen(500);
  {
    Finisher f(4, [&](std::size_t i) { ++seen[i]; });
    for (std::size_t i = 0; i < seen.size(); ++i) f.submit(i);
    f.close();
    for (const auto& s : seen) CHECK(s.load() == 1);
  }
}
