// cli/main.cpp: the leafpress command.
//
//   leafpress build FILE.md... [--layout NAME|PATH] [-o OUT.pdf | --out-dir DIR] [--set KEY=VALUE]... [-j N]
//   leafpress layouts
//
// Exit status: 0 when every input was built, 1 when some failed, 2 for a usage error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "batch/build_job.hpp"

namespace fs = std::filesystem;
using namespace leafpress;

namespace {

int run_build(const std::vector<std::string>& files, const std::string& layout, const std::string& output,
              const std::string& out_dir, const std::vector<std::string>& sets, unsigned jobs,
              const char* argv0) {
  if (!output.empty() && files.size() > 1) {
    std::cerr << "leafpress: -o names one PDF, but " << files.size()
              << " articles were given (use --out-dir DIR)\n";
    return 2;
  }
  const batch::Context ctx = batch::Context::from_environment(argv0);
  std::vector<batch::Job> list;
  for (const auto& f : files) {
    batch::Job job{f, layout, sets, output};
    if (job.output.empty()) {
      const fs::path dir = out_dir.empty() ? fs::path(".") : fs::path(out_dir);
      job.output = (dir / fs::path(f).stem()).string() + ".pdf";
    }
    list.push_back(job);
  }
  // Two articles that would write one PDF (a/x.md and b/x.md into one folder) lose a leaflet.
  std::map<std::string, std::string> writers;
  for (const auto& job : list) {
    const std::string key = fs::weakly_canonical(job.output).string();
    if (auto [it, fresh] = writers.emplace(key, job.article); !fresh) {
      std::cerr << "leafpress: " << it->second << " and " << job.article << " would both write " << job.output
                << " (rename one, or build them into different folders)\n";
      return 2;
    }
  }
  const auto outcomes =
      batch::build_jobs(list, ctx, jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()));
  int failed = 0;
  for (const auto& o : outcomes) {
    for (const auto& w : o.warnings) std::cerr << "warning: " << w << "\n";
    if (o.ok) {
      char line[256];
      std::snprintf(line, sizeof line, "wrote %s (%d pages, body %.2g pt, %.2f s)", o.output.c_str(), o.pages,
                    o.body_size, o.seconds);
      std::cout << line << "\n";
    } else {
      ++failed;
      std::cerr << "error: " << o.error.describe() << "\n";
    }
  }
  if (outcomes.size() > 1)
    std::cout << outcomes.size() - static_cast<std::size_t>(failed) << " built, " << failed << " failed\n";
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"leafpress: Markdown articles to print-ready PDF leaflets"};
  app.set_version_flag("--version", "leafpress " LEAFPRESS_VERSION);
  app.require_subcommand(1);

  auto* build = app.add_subcommand("build", "build one PDF per article");
  std::vector<std::string> files, sets;
  std::string layout, output, out_dir;
  unsigned jobs = 0;
  build->add_option("files", files, "Markdown articles")->required();
  build->add_option("--layout,-l", layout, "layout name (see `leafpress layouts`) or path to a .yaml");
  build->add_option("-o,--output", output, "the PDF to write (one article only)");
  build->add_option("--out-dir,-d", out_dir, "folder for NAME.pdf of each article");
  build->add_option("--set", sets, "style override, e.g. body.size=9pt (repeatable)");
  build->add_option("-j,--jobs", jobs, "threads (default: one per core)");

  auto* layouts = app.add_subcommand("layouts", "list the layouts with a description each");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*build) return run_build(files, layout, output, out_dir, sets, jobs, argv[0]);
  if (*layouts) {
    const auto ctx = batch::Context::from_environment(argv[0]);
    for (const auto& [name, description] : batch::list_layouts(ctx))
      std::printf("%-16s %s\n", name.c_str(), description.c_str());
    return 0;
  }
  return 2;
}
