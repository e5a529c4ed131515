// cli/watch_command.cpp: `leafpress watch ARTICLE.md`: rebuild on every save.
//
// Builds once, then waits (inotify) for a change to any file the build read: the
// article, its layout, its pictures and logo (fonts in system folders are left out:
// nobody edits them). It watches the folders, not the files, because editors save
// by writing a new file and renaming it over the old one (vim, VS Code, gedit): a
// watch on the old file would see it deleted and nothing after. Events are
// debounced (kDebounce of quiet) so an editor's write + rename + chmod make one
// rebuild. Each build prints one line; a failed one prints its error and leaves
// the last good PDF in place (a PDF is only ever renamed into place whole).
// SIGINT and SIGTERM arrive through a signalfd in the same poll loop, so Ctrl-C
// ends the watch between builds, cleanly, with status 0.
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "cli/commands.hpp"
#include "core/handle.hpp"

namespace fs = std::filesystem;

namespace leafpress::cli {
namespace {

constexpr int kDebounceMs = 100;  // an editor's save is a burst of events within a few ms

struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string clock_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", &tm);
  return text;
}

// The files to watch: what the build read, less what lives in system folders (fonts).
std::set<fs::path> files_to_watch(const std::string& article, const batch::Outcome& outcome) {
  std::set<fs::path> files;
  std::error_code ec;
  files.insert(fs::absolute(article, ec).lexically_normal());
  for (const auto& f : outcome.inputs) {
    const fs::path p = fs::absolute(f, ec).lexically_normal();
    if (p.string().starts_with("/usr/") || p.string().starts_with("/etc/")) continue;
    files.insert(p);
  }
  return files;
}

class Watcher {
 public:
  Watcher() : inotify_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  [[nodiscard]] bool ok() const { return inotify_.fd >= 0; }
  [[nodiscard]] int fd() const { return inotify_.fd; }

  // Watches the folders of `files`; events for other names in them are ignored. A folder
  // watched already keeps its watch (inotify_add_watch returns the same descriptor), so no
  // event is lost while the set changes.
  void watch(const std::set<fs::path>& files) {
    std::map<std::string, std::set<std::string>> wanted;
    for (const auto& f : files) wanted[f.parent_path().string()].insert(f.filename().string());
    for (auto it = dirs_.begin(); it != dirs_.end();) {
      if (!wanted.count(it->second)) {
        ::inotify_rm_watch(inotify_.fd, it->first);
        names_.erase(it->first);
        it = dirs_.erase(it);
      } else {
        ++it;
      }
    }
    for (const auto& [dir, names] : wanted) {
      const int wd = ::inotify_add_watch(inotify_.fd, dir.c_str(),
                                         IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
      if (wd < 0) continue;
      dirs_[wd] = dir;
      names_[wd] = names;
    }
  }

  // Reads what is pending; true when one of the watched files changed.
  bool drain() {
    bool relevant = false;
    alignas(inotify_event) char buffer[16384];
    while (true) {
      const ssize_t n = ::read(inotify_.fd, buffer, sizeof buffer);
      if (n <= 0) return relevant;
      for (ssize_t i = 0; i < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buffer + i);
        if (e->len > 0 && names_.count(e->wd) && names_[e->wd].count(e->name)) relevant = true;
        i += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      }
    }
  }

  [[nodiscard]] std::size_t count() const {
    std::size_t n = 0;
    for (const auto& [wd, names] : names_) n += names.size();
    return n;
  }

 private:
  Fd inotify_;
  std::map<int, std::string> dirs_;
  std::map<int, std::set<std::string>> names_;
};

}  // namespace

int run_watch(const WatchRequest& request, const char* argv0) {
  batch::Job job{
      .article = request.article,
      .layout = request.layout,
      .sets = request.sets,
      .output = request.output.empty() ? fs::path(request.article).stem().string() + ".pdf" : request.output};
  if (auto s = set_print_options(job, request.standard, request.marks); !s)
    return usage_error(s.error().message);
  std::error_code ec;
  if (!fs::is_regular_file(request.article, ec)) {
    return usage_error(request.article + ": is not a file (name the article to watch)");
  }
  if (is_picture_name(fs::path(job.output).extension().string())) {
    return usage_error("watch writes a PDF, not a picture (name a .pdf file; --preview adds pictures)");
  }

  // Signals become readable events, handled between builds: Ctrl-C never cuts a write short.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  if (::pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return 2;
  const Fd signal_fd(::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK));
  Watcher watcher;
  if (signal_fd.fd < 0 || !watcher.ok()) {
    return usage_error("cannot watch files here (inotify is not available)");
  }

  const batch::Context& ctx = process_context(argv0);
  const unsigned spare = std::max(1u, std::thread::hardware_concurrency()) - 1;
  std::set<fs::path> watched = files_to_watch(request.article, batch::Outcome{});
  // Builds, watches what the build read, and only then says so: a save right after the line
  // is printed is seen.
  auto build = [&] {
    {  // a layout may have changed since the last build: read it again
      std::lock_guard lock(ctx.templates->mutex);
      ctx.templates->by_path.clear();
    }
    const auto outcome = batch::build_job(job, ctx, spare);
    for (const auto& w : outcome.warnings) std::cout << clock_now() << " warning: " << w << "\n";
    if (!outcome.ok) {
      watcher.watch(watched);
      std::cout << clock_now() << " error: " << outcome.error.describe() << " (the last good PDF is kept)"
                << std::endl;
      return;
    }
    char figures[96];
    std::snprintf(figures, sizeof figures, "%d page%s, body %g pt, %.2f s", outcome.pages,
                  outcome.pages == 1 ? "" : "s", outcome.body_size, outcome.seconds);
    std::string line = clock_now() + " built " + outcome.output + " (" + figures + ")";
    if (request.preview) {
      const fs::path out(outcome.output);
      auto pictures = write_previews(outcome.output, outcome.inputs.empty() ? "" : outcome.inputs.front(),
                                     out.parent_path().empty() ? fs::path(".") : out.parent_path(),
                                     out.stem().string(), request.dpi);
      if (pictures)
        line += ", " + std::to_string(pictures->size()) + " pictures";
      else
        line += "; preview failed: " + pictures.error().describe();
    }
    watched = files_to_watch(request.article, outcome);
    watcher.watch(watched);
    std::cout << line << std::endl;
  };

  build();
  std::cout << "watching " << watcher.count() << " files for changes (Ctrl-C stops)" << std::endl;
  pollfd fds[2] = {{signal_fd.fd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
  while (true) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) break;
    if (!(fds[1].revents & POLLIN)) continue;
    bool changed = watcher.drain();
    // Debounce: wait until the files have been quiet for kDebounceMs.
    while (true) {
      pollfd quiet[2] = {{signal_fd.fd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
      const int n = ::poll(quiet, 2, kDebounceMs);
      if (n <= 0) break;
      if (quiet[0].revents & POLLIN) {
        changed = false;
        fds[0].revents = POLLIN;
        break;
      }
      changed = watcher.drain() || changed;
    }
    if (fds[0].revents & POLLIN) break;
    if (!changed) continue;
    build();
  }
  signalfd_siginfo info{};
  (void)!::read(signal_fd.fd, &info, sizeof info);
  std::cout << "stopped" << std::endl;
  return 0;
}

}  // namespace leafpress::cli
