// bench/build_bench.cpp: whole leaflets per second in one process.
//
// Builds the seed leaflet 100 times through batch::build_jobs on every core
// (fonts loaded once, shared), then reports documents per second and the peak
// resident memory of the process.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "batch/build_job.hpp"

using namespace leafpress;

int main() {
  const auto dir = std::filesystem::temp_directory_path() / "leafpress-bench";
  std::filesystem::create_directories(dir);
  auto ctx = batch::Context::from_environment(LEAFPRESS_BINARY);
  const std::string seed = std::string(LEAFPRESS_SOURCE_DIR) + "/content/stem-cell-therapy.md";
  const auto cold_start = std::chrono::steady_clock::now();
  const auto cold = batch::build_job({seed, "", {}, (dir / "cold.pdf").string()}, ctx);
  const double cold_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - cold_start).count();
  if (!cold.ok) {
    std::fprintf(stderr, "%s\n", cold.error.describe().c_str());
    return 1;
  }
  std::vector<batch::Job> jobs;
  for (int i = 0; i < 100; ++i)
    jobs.push_back({seed, "", {}, (dir / ("seed-" + std::to_string(i) + ".pdf")).string()});
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = batch::build_jobs(jobs, ctx, threads);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int ok = 0;
  for (const auto& o : outcomes) ok += o.ok;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("first build in process (fonts cold): %.1f ms\n", cold_s * 1e3);
  std::printf("100 builds on %u threads: %d ok, %.2f s, %.1f documents/s, %.1f ms each\n", threads, ok, s,
              ok / s, s * 1e3 / ok);
  std::printf("peak memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);
  std::filesystem::remove_all(dir);
  return ok == 100 ? 0 : 1;
}
