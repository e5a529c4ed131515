// bench/build_bench.cpp: whole leaflets per second, cold and in a batch.
//
//   build_bench                 the three measurements below
//   build_bench --distinct N    N distinct articles (default 100), copy-fit on
//   build_bench --distinct-seed N   the same from the seed alone (the longest article, half Chinese)
//   build_bench --merge ROWS    a data merge of ROWS CSV rows (e.g. 10000): peak memory must stay flat
//   build_bench --write-distinct N DIR, --write-distinct-seed N DIR
//                               only write those articles into DIR/distinct (for
//                               callgrind over `leafpress build -j 1`, or cmp of their PDFs)
//
// --distinct: caches answer most of the work when one article is built again and
// again, so this mode generates N different articles from the seed, the shipped
// handouts and tests/articles (English, Chinese, Japanese, Korean): article i is
// base i mod B with a tag of its own ending every paragraph, so no paragraph repeats
// and no shaping or composition is shared between leaflets. Layout, fonts and
// copy-fit as a user gets them (the article's own layout or trifold-a4).
//
// Not a test: it prints figures and is never timed in CI. Three measurements:
//   1. a cold single build: `leafpress build` run as a new process 15 times
//      (median wall time: process start, fontconfig, fonts, hyphenation patterns,
//      layout, subsets, PDF), then the first build inside this process;
//   2. the seed leaflet 100 times through batch::build_jobs on every core
//      (fonts loaded once and shared, subsets cached);
//   3. a 200-row data merge through a manifest (batch::load_manifest, a CSV of
//      generated clinics, content/handouts/flu-shot.en.md): every row has its own
//      name and phone, so its own glyph sets and subsets. Run as `leafpress batch
//      --report` runs it (batch/manifest_run.hpp: a window of rows planned, built,
//      fingerprinted and reported at a time), with the heap in use along the way.
// For each: documents per second, milliseconds per document, CPU time over wall
// time (cores used), and the process's peak resident memory (getrusage).
#include <malloc.h>
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
#include "batch/job_stream.hpp"
#include "batch/manifest.hpp"
#include "batch/manifest_run.hpp"
#include "batch/report.hpp"

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

// Bytes malloc has handed out and not had back (live heap), in MiB.
double heap_mib() {
  return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0);
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
      "%s: %zu/%zu ok on %u threads, %.2f s wall, %.2f s CPU, %.1f documents/s, %.2f ms wall and %.2f ms CPU "
      "per document, %.2f cores busy, peak %.1f MiB (heap in use after: %.1f MiB)\n",
      what, ok, jobs.size(), threads, s, cpu, static_cast<double>(ok) / s, s * 1e3 / static_cast<double>(ok),
      cpu * 1e3 / static_cast<double>(ok), cpu / s, peak_mib(), heap_mib());
  return ok;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A tag no other paragraph has: a short Latin code, so every script's paragraph gets one
// (a CJK paragraph then also gains a Han–Latin gap, as real drug names give it).
std::string tag_for(std::size_t article, std::size_t paragraph) {
  static const char* words[] = {"ref", "note", "code", "ver", "item", "form"};
  return " (" + std::string(words[(article + paragraph) % 6]) + " " + std::to_string(article + 1) + "-" +
         std::to_string(paragraph + 1) + ")";
}

// The body of `md` with a tag appended to every paragraph line and list item (not to
// front matter, headings, blank lines or the title).
std::string distinct_variant(const std::string& md, std::size_t i) {
  std::string out;
  std::size_t pos = 0, paragraph = 0;
  int fences = 0;
  while (pos < md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string::npos) end = md.size();
    std::string line = md.substr(pos, end - pos);
    pos = end + 1;
    if (line == "---" && fences < 2) ++fences;
    const bool body = fences == 0 || fences >= 2;
    const bool text = body && line != "---" && !line.empty() && line[0] != '#' && line[0] != '<' &&
                      line[0] != '|' && line[0] != '!' && line.back() != ' ';
    if (text) line += tag_for(i, paragraph++);
    out += line;
    out += '\n';
  }
  return out;
}

std::vector<batch::Job> distinct_jobs(const std::string& source, const fs::path& dir, std::size_t n,
                                      bool seed_only) {
  std::vector<fs::path> bases = {source + "/content/stem-cell-therapy.md"};
  if (!seed_only)
    for (const char* folder : {"/content/handouts", "/tests/articles"})
      for (const auto& e : fs::directory_iterator(source + folder))
        if (e.path().extension() == ".md") bases.push_back(e.path());
  std::sort(bases.begin() + 1, bases.end());
  std::vector<std::string> texts;
  for (const auto& b : bases) texts.push_back(read_file(b));
  fs::create_directories(dir / "distinct");
  std::vector<batch::Job> jobs;
  for (std::size_t i = 0; i < n; ++i) {
    const fs::path article = dir / "distinct" / ("a" + std::to_string(i) + ".md");
    std::ofstream(article) << distinct_variant(texts[i % texts.size()], i);
    jobs.push_back({.article = article.string(),
                    .output = (dir / "distinct" / ("a" + std::to_string(i) + ".pdf")).string()});
  }
  return jobs;
}

// A manifest over `rows` generated clinics (flu-shot handout, English).
Result<batch::Manifest> merge_manifest(const std::string& source, const fs::path& dir, std::size_t rows,
                                       const std::string& name) {
  {
    std::ofstream csv(dir / (name + ".csv"));
    csv << "clinic.id,clinic.name,clinic.phone,clinic.address,hours\n";
    const char* names[] = {"Riverside", "Harbour View", "Hillcrest", "Maple Grove", "Oakfield",
                           "Lakeshore", "Northgate",    "Southbank", "Westbrook",   "Eastwood"};
    for (std::size_t i = 0; i < rows; ++i)
      csv << "c" << i << "," << names[i % 10] << " Clinic No. " << i + 1 << ",+1 555 " << 1000 + i * 7 << ","
          << "\"" << i + 1 << " Station Road, Easton\",Mon–Fri 8:00–18:00\n";
    std::ofstream yaml(dir / (name + ".yaml"));
    yaml << "jobs:\n  - name: merge\n    articles: " << source << "/content/handouts/flu-shot.en.md\n"
         << "    layout: trifold-a4\n    data: " << name << ".csv\n    output: " << name
         << "/{{clinic.id}}.pdf\n";
  }
  return batch::load_manifest((dir / (name + ".yaml")).string());
}

// A merge of `rows` rows as `leafpress batch --report` runs it: the manifest planned a
// window of jobs at a time (batch/manifest_run.hpp), fingerprints written, the report
// spooled entry by entry and written at the end. Prints the heap in use every
// `rows / 5` jobs: flat means nothing is kept per row.
std::size_t run_merge(const std::string& source, const fs::path& dir, std::size_t rows,
                      const batch::Context& ctx, unsigned threads) {
  auto manifest = merge_manifest(source, dir, rows, "merge");
  if (!manifest) {
    std::fprintf(stderr, "%s\n", manifest.error().describe().c_str());
    return 0;
  }
  auto report = batch::ReportWriter::open();
  if (!report) return 0;
  const double cpu0 = cpu_seconds();
  const auto start = Clock::now();
  std::size_t ok = 0, delivered_count = 0;
  std::string heap;  // heap in use at each fifth of the rows
  const auto delivered = [&](const batch::StreamedJob& j) {
    ok += j.outcome.ok;
    if (!j.outcome.ok) std::fprintf(stderr, "%s\n", j.outcome.error.describe().c_str());
    if (++delivered_count % std::max<std::size_t>(1, rows / 5) == 0) {
      char at[64];
      std::snprintf(at, sizeof at, "%s%zu: %.1f", heap.empty() ? "" : ", ", delivered_count, heap_mib());
      heap += at;
    }
  };
  // As `leafpress batch --force --report FILE` runs it: the same hooks and window.
  batch::run_manifest(
      *manifest, {.force = true, .threads = threads, .expected = rows}, &*report,
      [&]() -> const batch::Context& { return ctx; }, delivered);
  const auto written = report->write((dir / "report.json").string(),
                                     {.manifest = manifest->path, .shard = "1/1", .threads = threads});
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu0;
  std::printf(
      "%zu-row data merge with its report: %zu/%zu ok on %u threads, %.2f s wall, %.2f s CPU, %.1f "
      "documents/s, "
      "%.2f ms CPU per document, %.2f cores busy, peak %.1f MiB (heap in use after: %.1f MiB; "
      "during, after N rows: %s MiB)%s\n",
      rows, ok, rows, threads, s, cpu, static_cast<double>(ok) / s, cpu * 1e3 / static_cast<double>(ok),
      cpu / s, peak_mib(), heap_mib(), heap.c_str(), written ? "" : " (report NOT written)");
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

int main(int argc, char** argv) {
  const auto dir = fs::temp_directory_path() / ("leafpress-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string source = LEAFPRESS_SOURCE_DIR;
  const std::string seed = source + "/content/stem-cell-therapy.md";
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());

  const std::string mode = argc > 1 ? argv[1] : "";
  if ((mode == "--write-distinct" || mode == "--write-distinct-seed") && argc > 3) {
    fs::remove_all(dir);
    distinct_jobs(source, argv[3], std::stoul(argv[2]), mode == "--write-distinct-seed");
    return 0;
  }
  if (mode == "--distinct" || mode == "--distinct-seed" || mode == "--merge") {
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : (mode == "--merge" ? 10000 : 100);
    auto ctx = batch::Context::from_environment(LEAFPRESS_BINARY);
    std::size_t ok = 0;
    if (mode != "--merge") {
      const bool seed_only = mode == "--distinct-seed";
      const auto jobs = distinct_jobs(source, dir, n, seed_only);
      ok = run(((seed_only ? "distinct seed variants x" : "distinct articles x") + std::to_string(n) +
                ", copy-fit on")
                   .c_str(),
               jobs, ctx, threads);
    } else {
      ok = run_merge(source, dir, n, ctx, threads);
    }
    fs::remove_all(dir);
    return ok == n ? 0 : 1;
  }

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
  const std::size_t merge_ok = run_merge(source, dir, 200, ctx, threads);

  std::printf("peak memory: %.1f MiB\n", peak_mib());
  fs::remove_all(dir);
  return seed_ok == 100 && merge_ok == 200 ? 0 : 1;
}
