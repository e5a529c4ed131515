// End to end: a build killed with SIGKILL leaves the previous PDF or none, never half
// of one, and no temporary file (core/atomic_file.hpp).
//
// The kills land at many points of the build: while it starts, lays out, and while
// it writes: the test watches /proc/PID/fd and kills as soon as the process holds a
// file open in the output folder. Whatever the point, the folder afterwards holds
// exactly the previous PDF (byte for byte) or the new one (complete), and nothing else.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/e2e_support.hpp"
#include "tests/support/snapshot.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace leafpress::test;

namespace {

pid_t start_build(const std::string& article, const std::string& pdf) {
  std::vector<std::string> args{LEAFPRESS_BINARY, "build", article, "-o", pdf, "-j", "1"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
  return pid;
}

// Whether the process holds a file open inside `dir` (the PDF being written).
bool writing_into(pid_t pid, const fs::path& dir) {
  std::error_code ec;
  for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    const auto target = fs::read_symlink(fd.path(), ec);
    if (!ec && target.string().starts_with(dir.string() + "/")) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("atomic output: a build killed with SIGKILL leaves the previous PDF or the new one, whole",
          "[e2e][atomic]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const std::string pdf = (out / "leaflet.pdf").string();
  // The previous PDF: another article, so that old and new differ.
  const auto first =
      run_tool(kBinary + " build " + shell_quoted(kSource / "tests/articles/en-handwashing.md") + " -o " +
               shell_quoted(pdf));
  INFO(first.output);
  REQUIRE(first.status == 0);
  const std::string previous = read_bytes(pdf);
  // The new PDF, built once to completion, to compare with.
  const std::string fresh_pdf = (tmp.path / "fresh.pdf").string();
  REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(fresh_pdf)).status == 0);
  const std::string fresh = read_bytes(fresh_pdf);
  REQUIRE(fresh != previous);

  int during_write = 0, kept_previous = 0, got_new = 0, stale = 0;
  for (int attempt = 0; attempt < 40; ++attempt) {
    const pid_t pid = start_build(kSeed, pdf);
    bool exited = false;
    if (attempt % 2 == 0) {
      // Kill after a delay that grows from nothing to past the whole build.
      std::this_thread::sleep_for(std::chrono::microseconds(2500 * attempt));
    } else {
      // Kill while it writes: watch for a file open in the output folder.
      int status = 0;
      while (!writing_into(pid, out))
        if (::waitpid(pid, &status, WNOHANG) == pid) {  // done before we saw it write
          REQUIRE(WIFEXITED(status));
          CHECK(WEXITSTATUS(status) == 0);
          exited = true;
          break;
        }
      if (!exited) ++during_write;
    }
    if (!exited) {
      ::kill(pid, SIGKILL);
      int status = 0;
      ::waitpid(pid, &status, 0);
    }

    INFO("attempt " << attempt);
    const std::string now = read_bytes(pdf);
    CHECK((now == previous || now == fresh));  // never a truncated or mixed file
    if (now == previous) ++kept_previous;
    if (now == fresh) ++got_new;
    // Nothing else, but for one case: killed between naming the finished temporary
    // file and renaming it, the hidden name stays (whole) until the next build.
    for (const auto& entry : fs::directory_iterator(out)) {
      const std::string name = entry.path().filename().string();
      if (name == "leaflet.pdf") continue;
      INFO("left behind: " << name);
      CHECK((name.starts_with(".leaflet.pdf.") && name.ends_with(".tmp")));
      CHECK(read_bytes(entry.path()) == fresh);
      ++stale;
    }
    // Put the previous PDF back for the next attempt.
    write_bytes(pdf, previous);
  }
  REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(pdf)).status == 0);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(out)) names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"leaflet.pdf"});  // the next build cleared them
  // Reported, not required: where the kills landed depends on the machine's speed.
  WARN(during_write << " kills while writing, " << kept_previous << " left the previous PDF, " << got_new
                    << " the new one, " << stale << " a hidden temporary file");
}

TEST_CASE("atomic output: a build killed before it writes leaves no PDF where there was none",
          "[e2e][atomic]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const std::string pdf = (out / "leaflet.pdf").string();
  fs::create_directories(out);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const pid_t pid = start_build(kSeed, pdf);
    std::this_thread::sleep_for(std::chrono::microseconds(3000 * attempt));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("attempt " << attempt);
    if (fs::exists(pdf)) {  // it finished before the kill: then it is whole
      const std::string bytes = read_bytes(pdf);
      CHECK(bytes.find("%%EOF", bytes.size() > 16 ? bytes.size() - 16 : 0) != std::string::npos);
      fs::remove(pdf);
    }
    CHECK(fs::is_empty(out));
  }
}

// The same, at exact points: strace kills the build when it enters a system call of
// the write (the first write of PDF bytes, the flush, the link of the unnamed file, the
// rename). Where strace cannot run (it is in scripts/install-deps.sh) the case is skipped.
TEST_CASE("atomic output: SIGKILL at each step of the write leaves the previous PDF", "[e2e][atomic]") {
  // Not installed, or not allowed to trace (a container without ptrace): nothing to test with.
  if (run_tool("strace -f -qq -o /dev/null true").status != 0) {
    WARN("strace cannot run here: skipped");
    return;
  }
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const std::string pdf = (out / "leaflet.pdf").string();
  const std::string build = kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(pdf) + " -j 1";
  const auto first =
      run_tool(kBinary + " build " + shell_quoted(kSource / "tests/articles/en-handwashing.md") + " -o " +
               shell_quoted(pdf));
  REQUIRE(first.status == 0);
  const std::string previous = read_bytes(pdf);
  for (const char* call : {"write", "fsync", "linkat", "rename"}) {
    const auto run = run_tool("strace -f -qq -o /dev/null -e trace=" + std::string(call) +
                              " -e inject=" + call + ":signal=KILL:when=1 " + build);
    INFO("killed at " << call << ": exit status " << run.status << "\n" << run.output);
    CHECK(run.status != 0);  // it was killed, not finished
    CHECK(read_bytes(pdf) == previous);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(out)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    if (std::string(call) == "rename") {
      // Killed between naming the finished file and renaming it: the hidden name stays
      // until the next build of this PDF removes it (core/atomic_file.cpp).
      CHECK(names.size() <= 2);
      CHECK(names.back() == "leaflet.pdf");
    } else {
      CHECK(names == std::vector<std::string>{"leaflet.pdf"});
    }
  }
  // The next build replaces the PDF and clears what the killed ones left.
  REQUIRE(run_tool(build).status == 0);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(out)) names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"leaflet.pdf"});
  CHECK(read_bytes(pdf) != previous);
}

// Outputs that are not regular files are written through, never renamed over:
// `-o -` pipes the PDF (and the "wrote" line goes to standard error), `-o /dev/null`
// leaves the device a device, a FIFO stays a FIFO and its reader gets the PDF.
TEST_CASE("atomic output: -o -, /dev/null and a FIFO are written through", "[e2e][atomic]") {
  TempDir tmp;
  const auto article = write_bytes(tmp.path / "a.md", "# Hands\n\nWash them with soap.\n");
  auto run = run_tool("(" + kBinary + " build " + shell_quoted(article) + " -o - 2>/dev/null)");
  REQUIRE(run.status == 0);
  CHECK(run.output.starts_with("%PDF-"));
  CHECK(run.output.find("wrote") == std::string::npos);
  CHECK(run.output.ends_with("%%EOF\n"));

  run = run_tool(kBinary + " build " + shell_quoted(article) + " -o /dev/null");
  INFO(run.output);
  CHECK(run.status == 0);
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(read_bytes("/dev/null").empty());

  const fs::path fifo = tmp.path / "pipe.pdf";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = read_bytes(fifo); });
  run = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(fifo));
  reader.join();
  CHECK(run.status == 0);
  CHECK(received.starts_with("%PDF-"));
  CHECK(fs::is_fifo(fifo));
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(tmp.path)) names.insert(e.path().filename().string());
  CHECK(names == std::set<std::string>{"a.md", "pipe.pdf"});  // no temporary, no sidecar
}
