// bench/build_bench.cpp: whole leaflets per second, cold and in a batch.
//
// Not a test: it prints figures and is never timed in CI. Three measurements:
//   1. a cold single build: `leafpress build` run as a new process 15 times
//      (median wall time: process start, fontconfig, fonts, hyphenation patterns,
//      layout, subsets, PDF), then the first build inside this process;
//   2. the seed leaflet 100 times through batch::build_jobs on every core
//      (fonts loaded once and shared, subsets cached);
//   3. a 200-row data merge through a manifest (batch::load_manifest, a CSV of
//      generated clinics, content/handouts/flu-shot.en.md): every row has its own
//      name and phone, so its own glyph sets and subsets.
// For each: documents per second, milliseconds per document, CPU time over wall
// time (cores used), and the process's peak resident memory (getrusage).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "batch/build_job.hpp"
#include "batch/manifest.hpp"

using namespace leafpress;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double peak_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Runs a batch, prints one line; returns how many succeeded.
std::size_t run(const char* what, const std::vector<batch::Job>& jobs, const batch::Context& ctx,
                unsigned threads) {
  const double cpu0 = cpu_seconds();
  const auto start = Clock::now();
  const auto outcomes = batch::build_jobs(jobs, ctx, threads);
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu0;
  std::size_t ok = 0;
  for (const auto& o : outcomes) {
    ok += o.ok;
    if (!o.ok) std::fprintf(stderr, "%s\n", o.error.describe().c_str());
  }
  std::printf(
      "%s: %zu/%zu ok on %u threads, %.2f s, %.1f documents/s, %.2f ms per document, %.2f cores busy\n", what,
      ok, jobs.size(), threads, s, static_cast<double>(ok) / s, s * 1e3 / static_cast<double>(ok), cpu / s);
  return ok;
}

// Median wall time of `leafpress build seed -o out` as a fresh process.
double cold_process_ms(const std::string& seed, const fs::path& out, int runs) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
      if (!freopen("/dev/null", "w", stdout)) _exit(127);
      execl(LEAFPRESS_BINARY, "leafpress", "build", seed.c_str(), "-o", out.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count() * 1e3);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  const auto dir = fs::temp_directory_path() / ("leafpress-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string source = LEAFPRESS_SOURCE_DIR;
  const std::string seed = source + "/content/stem-cell-therapy.md";
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());

  const double cold_ms = cold_process_ms(seed, dir / "cold-process.pdf", 15);
  std::printf("cold single build, `leafpress build` as a new process: %.1f ms (median of 15)\n", cold_ms);

  auto ctx = batch::Context::from_environment(LEAFPRESS_BINARY);
  const auto cold_start = Clock::now();
  const auto cold =
      batch::build_job({.article = seed, .output = (dir / "cold.pdf").string()}, ctx, threads - 1);
  const double cold_s = std::chrono::duration<double>(Clock::now() - cold_start).count();
  if (!cold.ok) {
    std::fprintf(stderr, "%s\n", cold.error.describe().c_str());
    return 1;
  }
  std::printf("first build in this process (fonts cold): %.1f ms\n", cold_s * 1e3);

  std::vector<batch::Job> seeds;
  for (int i = 0; i < 100; ++i)
    seeds.push_back({.article = seed, .output = (dir / ("seed-" + std::to_string(i) + ".pdf")).string()});
  const std::size_t seed_ok = run("seed leaflet x100", seeds, ctx, threads);

  // 200 clinics, each with its own name and phone number.
  {
    std::ofstream csv(dir / "clinics.csv");
    csv << "clinic.id,clinic.name,clinic.phone,clinic.address,hours\n";
    const char* names[] = {"Riverside", "Harbour View", "Hillcrest", "Maple Grove", "Oakfield",
                           "Lakeshore", "Northgate",    "Southbank", "Westbrook",   "Eastwood"};
    for (int i = 0; i < 200; ++i)
      csv << "c" << i << "," << names[i % 10] << " Clinic No. " << i + 1 << ",+1 555 " << 1000 + i * 7 << ","
          << "\"" << i + 1 << " Station Road, Easton\",Mon–Fri 8:00–18:00\n";
    std::ofstream yaml(dir / "merge.yaml");
    yaml << "jobs:\n  - name: merge\n    articles: " << source << "/content/handouts/flu-shot.en.md\n"
         << "    layout: trifold-a4\n    data: clinics.csv\n    output: out/{{clinic.id}}.pdf\n";
  }
  auto manifest = batch::load_manifest((dir / "merge.yaml").string());
  if (!manifest) {
    std::fprintf(stderr, "%s\n", manifest.error().describe().c_str());
    return 1;
  }
  std::vector<batch::Job> merge;
  for (const auto& p : manifest->jobs) merge.push_back(p.job);
  const std::size_t merge_ok = run("200-row data merge", merge, ctx, threads);

  std::printf("peak memory: %.1f MiB\n", peak_mib());
  fs::remove_all(dir);
  return seed_ok == 100 && merge_ok == 200 ? 0 : 1;
}
