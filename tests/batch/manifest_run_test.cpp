// Tests for batch/manifest_run.cpp: a full or read-only disk stops a run, told by the errno
// the failed write kept (Error::error_number), never by the words of its hint.
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>

#include "batch/manifest.hpp"
#include "batch/manifest_run.hpp"
#include "core/atomic_file.hpp"
#include "tests/batch/batch_fixtures.hpp"
#include "tests/support/test_support.hpp"

using leafpress::Error;
using leafpress::io_hint;
using leafpress::batch::is_disk_error;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

TEST_CASE("manifest_run: a disk error is told by its errno, not by the words of its hint", "[batch]") {
  for (const int disk : {ENOSPC, EDQUOT, EROFS}) {
    INFO(disk);
    CHECK(is_disk_error(
        Error{.file = "out/a.pdf", .message = "cannot write", .hint = "", .error_number = disk}));
    // The hint is for people: reworded or translated, the decision stands.
    CHECK(is_disk_error(Error{
        .file = "out/a.pdf", .message = "cannot write", .hint = "plus de place", .error_number = disk}));
  }
  // The words of a full disk's hint without its errno (a message that quotes them) are not one.
  CHECK_FALSE(is_disk_error(Error{.file = "out/a.pdf", .message = "cannot write", .hint = io_hint(ENOSPC)}));
  CHECK_FALSE(is_disk_error(Error{.file = "out/a.pdf", .message = "cannot write", .hint = io_hint(EROFS)}));
  // A folder without permission fails its own PDFs, not the run.
  CHECK_FALSE(is_disk_error(leafpress::io_error("out/a.pdf", "cannot write", EACCES)));
  CHECK(is_disk_error(leafpress::io_error("out/a.pdf", "cannot write", EDQUOT)));
}

// /dev/full takes nothing (every write(2) fails with ENOSPC): a real failed write, through
// the staged PDF and the finisher, reaches run_manifest with its errno.
TEST_CASE("manifest_run: a PDF the disk cannot take stops the run, by its errno", "[batch]") {
  TempDir dir;
  write_bytes(dir.path / "knees.md", "---\ntitle: Knees\nlang: en\n---\n\nWalk every day.\n");
  const std::string manifest =
      write_bytes(dir.path / "batch.yaml",
                  "jobs:\n  - articles: knees.md\n    layout: handout-a4\n    output: /dev/full\n");
  auto m = leafpress::batch::load_manifest(manifest);
  REQUIRE(m.has_value());
  const auto tally = leafpress::batch::run_manifest(
      *m, {.threads = 1, .expected = 1}, nullptr,
      []() -> const leafpress::batch::Context& { return leafpress::test::batch_context(); }, {});
  CHECK(tally.failed == 1);
  REQUIRE(tally.stopped_by);
  CHECK(tally.stopped_by->error_number == ENOSPC);
  CHECK(tally.stopped_by->hint == io_hint(ENOSPC));  // and people are told what to do
}
