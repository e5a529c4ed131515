// Tests for core/atomic_file.cpp: read_file's limits and errors,
// write_file_atomically's all-or-nothing replace.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::Error;
using leafpress::read_file;
using leafpress::write_file_atomically;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("atomic_file: read_file returns the whole file, bytes intact", "[core]") {
  TempDir dir;
  std::string data = "line one\r\nline two\n";
  data += std::string("\0\xFF\xFE binary", 10);
  data += std::string(100000, 'x');
  write_bytes(dir.path / "a.md", data);
  auto r = read_file(dir.path / "a.md", 1 << 20);
  REQUIRE(r.has_value());
  CHECK(r->size() == data.size());
  CHECK(*r == data);
}

TEST_CASE("atomic_file: read_file of an empty file is empty", "[core]") {
  TempDir dir;
  write_bytes(dir.path / "empty.md", "");
  auto r = read_file(dir.path / "empty.md", 10);
  REQUIRE(r.has_value());
  CHECK(r->empty());
}

TEST_CASE("atomic_file: read_file enforces the byte limit", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "ten.md";
  write_bytes(p, "0123456789");
  SECTION("exactly at the limit is allowed") {
    auto r = read_file(p, 10);
    REQUIRE(r.has_value());
    CHECK(*r == "0123456789");
  }
  SECTION("one byte over the limit is refused, naming the file and sizes") {
    auto r = read_file(p, 9);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().file == p.string());
    CHECK(r.error().line == 0);
    CHECK_THAT(r.error().message, Catch::Contains("10 bytes") && Catch::Contains("9"));
    CHECK_FALSE(r.error().hint.empty());
  }
}

TEST_CASE("atomic_file: read_file of a missing file says so", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "nowhere" / "missing.md";
  auto r = read_file(p, 1000);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == p.string());
  CHECK(r.error().line == 0);
  CHECK_THAT(r.error().message, Catch::Contains("no such file"));
  CHECK_THAT(r.error().describe(), Catch::StartsWith(p.string() + ": "));
}

TEST_CASE("atomic_file: read_file of a folder says it is a folder", "[core]") {
  TempDir dir;
  auto r = read_file(dir.path, 1000);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == dir.path.string());
  CHECK_THAT(r.error().message, Catch::Contains("folder"));
}

TEST_CASE("atomic_file: write_file_atomically creates a new file", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "out.pdf";
  const std::string data = std::string("%PDF-1.4\n\0\x01\x02", 12) + std::string(300000, 'z');
  auto s = write_file_atomically(p, data);
  REQUIRE(s.has_value());
  CHECK(read_bytes(p) == data);
  CHECK(names_in(dir.path) == std::vector<std::string>{"out.pdf"});  // no .tmp left behind
}

TEST_CASE("atomic_file: write_file_atomically replaces existing content", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "out.pdf";
  write_bytes(p, std::string(5000, 'o'));  // longer than the new content: no old tail may remain
  REQUIRE(write_file_atomically(p, "new").has_value());
  CHECK(read_bytes(p) == "new");
  REQUIRE(write_file_atomically(p, "").has_value());
  CHECK(fs::exists(p));
  CHECK(fs::file_size(p) == 0);
  for (int i = 0; i < 5; ++i) REQUIRE(write_file_atomically(p, "round " + std::to_string(i)).has_value());
  CHECK(read_bytes(p) == "round 4");
  CHECK(names_in(dir.path) == std::vector<std::string>{"out.pdf"});
}

TEST_CASE("atomic_file: write_file_atomically creates missing folders", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "a" / "b" / "c" / "leaflet.pdf";
  REQUIRE(write_file_atomically(p, "deep").has_value());
  CHECK(read_bytes(p) == "deep");
  CHECK(names_in(p.parent_path()) == std::vector<std::string>{"leaflet.pdf"});
}

TEST_CASE("atomic_file: write then read round-trips", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "round.md";
  const std::string data = "造血干细胞\n" + std::string(1000, '-');
  REQUIRE(write_file_atomically(p, data).has_value());
  auto r = read_file(p, data.size());
  REQUIRE(r.has_value());
  CHECK(*r == data);
}

TEST_CASE("atomic_file: write_file_atomically fails cleanly when the target is a folder", "[core]") {
  TempDir dir;
  const fs::path p = dir.path / "taken";
  fs::create_directories(p / "inside");
  auto s = write_file_atomically(p, "data");
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().file == p.string());
  CHECK_FALSE(s.error().message.empty());
  CHECK(fs::is_directory(p / "inside"));                           // the folder is untouched
  CHECK(names_in(dir.path) == std::vector<std::string>{"taken"});  // and no .tmp is left
}

TEST_CASE("atomic_file: write_file_atomically fails when a parent is a file", "[core]") {
  TempDir dir;
  write_bytes(dir.path / "plain", "x");
  auto s = write_file_atomically(dir.path / "plain" / "out.pdf", "data");
  REQUIRE_FALSE(s.has_value());
  CHECK_FALSE(s.error().message.empty());
  CHECK(read_bytes(dir.path / "plain") == "x");
}

TEST_CASE("atomic_file: write_file_atomically leaves no temporary file, and removes a killed one's",
          "[core]") {
  TempDir dir;
  const fs::path target = dir.path / "out.pdf";
  // What a write killed between naming and renaming its temporary file leaves; and files
  // that only look alike, which are not ours to remove.
  write_bytes(dir.path / ".out.pdf.123456.tmp", "half");
  write_bytes(dir.path / ".out.pdf.notes.tmp", "keep");
  write_bytes(dir.path / ".other.pdf.123456.tmp", "keep");
  REQUIRE(write_file_atomically(target, "%PDF-new").has_value());
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{".other.pdf.123456.tmp", ".out.pdf.notes.tmp", "out.pdf"});
  CHECK(read_bytes(target) == "%PDF-new");
}

TEST_CASE("atomic_file: a staged file is hidden until it is committed, and leaves nothing when dropped",
          "[core]") {
  leafpress::test::TempDir dir;
  const auto out = dir.path / "sub" / "a.pdf";
  {
    auto staged = leafpress::StagedFile::write(out, "%PDF-1.4 bytes");
    REQUIRE(staged);
    CHECK_FALSE(std::filesystem::exists(out));
    REQUIRE(staged->commit());
  }
  CHECK(leafpress::test::read_bytes(out.string()) == "%PDF-1.4 bytes");
  {
    auto dropped = leafpress::StagedFile::write(out, "never");
    REQUIRE(dropped);
  }
  CHECK(leafpress::test::read_bytes(out.string()) == "%PDF-1.4 bytes");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path / "sub")) ++files;
  CHECK(files == 1);
}

TEST_CASE("atomic_file: a commit that cannot rename leaves no temporary file", "[core]") {
  leafpress::test::TempDir dir;
  const auto out = dir.path / "a.pdf";
  std::filesystem::create_directories(out / "in-the-way");  // a non-empty folder where the PDF should go
  auto staged = leafpress::StagedFile::write(out, "x");
  REQUIRE(staged);
  auto r = staged->commit();
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("cannot replace"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path)) ++files;
  CHECK(files == 1);  // the folder in the way, nothing else
}

// A symbolic link planted at any name the write might use (the old fixed
// ".NAME.tmp", a stale-looking ".NAME.NNN.tmp") is never followed: its target keeps its bytes.
TEST_CASE("atomic_file: planted symbolic links are never followed", "[core][atomic]") {
  TempDir dir;
  const fs::path victim = write_bytes(dir.path / "victim.txt", "precious");
  const fs::path target = dir.path / "out.pdf";
  fs::create_symlink(victim, dir.path / ".out.pdf.tmp");
  fs::create_symlink(victim, dir.path / ".out.pdf.leafpress.tmp");
  fs::create_symlink(victim, dir.path / ".out.pdf.42.tmp");  // removed as stale: the link, not its target
  for (int i = 0; i < 3; ++i) REQUIRE(write_file_atomically(target, "%PDF-" + std::to_string(i)).has_value());
  CHECK(read_bytes(victim) == "precious");
  CHECK(read_bytes(target) == "%PDF-2");
  // A link at the target's own name is replaced by the file, not written through.
  const fs::path linked = dir.path / "linked.pdf";
  fs::create_symlink(victim, linked);
  REQUIRE(write_file_atomically(linked, "%PDF-x", leafpress::Sync::No).has_value());
  CHECK(read_bytes(victim) == "precious");
  CHECK_FALSE(fs::is_symlink(linked));
  CHECK(read_bytes(linked) == "%PDF-x");
}

TEST_CASE("atomic_file: devices and FIFOs are written through, never replaced", "[core][atomic]") {
  using leafpress::output_kind;
  using leafpress::OutputKind;
  CHECK(output_kind("/dev/null") == OutputKind::Stream);
  CHECK(output_kind("-") == OutputKind::Stream);
  CHECK(output_kind("/dev/stdout") == OutputKind::Stream);
  CHECK(output_kind("/dev/fd/2") == OutputKind::Stream);
  CHECK(output_kind("out.pdf") == OutputKind::File);
  CHECK(leafpress::is_standard_output("-"));
  CHECK(leafpress::is_standard_output("/dev/stdout"));
  CHECK_FALSE(leafpress::is_standard_output("/dev/null"));
  CHECK_FALSE(leafpress::is_standard_output("x.pdf"));

  REQUIRE(write_file_atomically("/dev/null", "%PDF-nothing").has_value());
  CHECK(fs::is_character_file("/dev/null"));

  TempDir dir;
  const fs::path fifo = dir.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = read_bytes(fifo); });
  REQUIRE(write_file_atomically(fifo, "%PDF-through the pipe").has_value());
  reader.join();
  CHECK(received == "%PDF-through the pipe");
  CHECK(fs::is_fifo(fifo));
  CHECK(names_in(dir.path) == std::vector<std::string>{"pipe"});  // no temporary file either
}

// ENAMETOOLONG is not a full disk: the hint says what is wrong. A name near the limit
// still works (its temporary name is shortened, not the target's).
TEST_CASE("atomic_file: a name too long says so, a long name that fits works", "[core][atomic]") {
  TempDir dir;
  auto s = write_file_atomically(dir.path / (std::string(300, 'a') + ".pdf"), "x");
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().describe(), Catch::Contains("too long"));
  CHECK_THAT(s.error().describe(), !Catch::Contains("disk"));
  const fs::path fits = dir.path / (std::string(250, 'b') + ".pdf");
  REQUIRE(write_file_atomically(fits, "y").has_value());
  CHECK(read_bytes(fits) == "y");
  CHECK(names_in(dir.path).size() == 1);
  CHECK_THAT(leafpress::io_hint(ENAMETOOLONG), Catch::Contains("too long"));
  CHECK_THAT(leafpress::io_hint(ENOSPC), Catch::Contains("disk is full"));
  CHECK_THAT(leafpress::io_hint(EACCES), Catch::Contains("permission"));
}

// The errno of a failed write travels with its error (Error::error_number): a batch stops on a
// full disk by it. /dev/full fails every write with ENOSPC. A name refused before any system
// call has none.
TEST_CASE("atomic_file: a failed write keeps its errno", "[core][atomic]") {
  auto s = write_file_atomically("/dev/full", "%PDF-nowhere to go");
  REQUIRE_FALSE(s);
  CHECK(s.error().error_number == ENOSPC);
  CHECK(s.error().hint == leafpress::io_hint(ENOSPC));
  TempDir dir;
  auto long_name = write_file_atomically(dir.path / (std::string(300, 'a') + ".pdf"), "x");
  REQUIRE_FALSE(long_name);
  CHECK(long_name.error().error_number == 0);
  const Error e = leafpress::io_error("out/a.pdf", "cannot write", EROFS);
  CHECK(e.error_number == EROFS);
  CHECK(e.describe() == "out/a.pdf: cannot write: " + std::string(std::strerror(EROFS)) + " (" +
                            leafpress::io_hint(EROFS) + ")");
}

// A pipe is not a file: nothing can be staged there. What write() gives is held until
// commit (a PDF piped out comes whole or not at all); append() writes through at once (a
// report as long as the run, in flat memory). The descriptor is opened once: a FIFO's
// reader sees one stream, and standard output or /dev/fd/N is never closed by us.
TEST_CASE("atomic_file: on a pipe, write holds the bytes, append writes them through, commit ends",
          "[core][atomic]") {
  const auto drain = [](int fd) {
    std::string got;
    char buf[256];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
    return got;
  };
  SECTION("a FIFO by name") {
    TempDir dir;
    const fs::path fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    auto staged = leafpress::StagedFile::write(fifo, "{head");
    REQUIRE(staged);
    CHECK(drain(reader).empty());  // held
    REQUIRE(staged->append(", entry 1"));
    CHECK(drain(reader) == "{head, entry 1");  // through, before the commit
    REQUIRE(staged->append(", entry 2}"));
    REQUIRE(staged->commit());
    CHECK(drain(reader) == ", entry 2}");
    CHECK(fs::is_fifo(fifo));
    CHECK(names_in(dir.path) == std::vector<std::string>{"pipe"});
    ::close(reader);
  }
  SECTION("a descriptor (/dev/fd/N), left open") {
    int ends[2];
    REQUIRE(::pipe2(ends, O_NONBLOCK) == 0);
    const std::string name = "/dev/fd/" + std::to_string(ends[1]);
    auto staged = leafpress::StagedFile::write(name, "a");
    REQUIRE(staged);
    REQUIRE(staged->append("b"));
    CHECK(drain(ends[0]) == "ab");
    REQUIRE(staged->commit());
    CHECK(::fcntl(ends[1], F_GETFD) != -1);  // still ours to close
    REQUIRE(leafpress::StagedFile::write(name, "c")->commit());
    CHECK(drain(ends[0]) == "c");
    ::close(ends[0]);
    ::close(ends[1]);
  }
}
