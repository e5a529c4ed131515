// cli/main.cpp: the leafpress command.
//
//   leafpress build FILE.md... [--layout NAME|PATH] [-o OUT.pdf | --out-dir DIR] [--set KEY=VALUE]... [-j N]
//                   [--standard print|archive|none] [--proof] [--no-impose]
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

struct BuildRequest {
  std::vector<std::string> files, sets;
  std::string layout, output, out_dir;
  std::string standard = "print";
  bool proof = false, no_impose = false;
  unsigned jobs = 0;
};

int run_build(const BuildRequest& request, const char* argv0) {
  const auto& [files, sets, layout, output, out_dir, standard_text, proof, no_impose, jobs] = request;
  const auto standard = pdf::parse_standard(standard_text);
  if (!standard) {
    std::cerr << "leafpress: --standard must be print, archive or none, not \"" << standard_text << "\"\n";
    return 2;
  }
  if (!output.empty() && files.size() > 1) {
    std::cerr << "leafpress: -o names one PDF, but " << files.size()
              << " articles were given (use --out-dir DIR)\n";
    return 2;
  }
  const batch::Context ctx = batch::Context::from_environment(argv0);
  std::vector<batch::Job> list;
  for (const auto& f : files) {
    batch::Job job{f, layout, sets, output, *standard, proof, !no_impose};
    if (job.output.empty()) {
      // A proof never overwrites the leaflet it checks.
      const fs::path dir = out_dir.empty() ? fs::path(".") : fs::path(out_dir);
      job.output = (dir / fs::path(f).stem()).string() + (proof ? ".proof.pdf" : ".pdf");
    }
    list.push_back(job);
  }
  // Two articles that would write one PDF (a/x.md and b/x.md into one folder) lose a leaflet;
  // `-o notes.md` for notes.md would lose the article itself.
  std::map<std::string, std::string> writers;
  for (const auto& job : list) {
    std::error_code ec;
    for (const auto& f : files)
      if (fs::equivalent(job.output, f, ec)) {
        std::cerr << "leafpress: " << job.output << " is an article given to build; writing the PDF there "
                  << "would destroy it (name a .pdf file)\n";
        return 2;
      }
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
  BuildRequest request;
  build->add_option("files", request.files, "Markdown articles")->required();
  build->add_option("--layout,-l", request.layout,
                    "layout name (see `leafpress layouts`) or path to a .yaml");
  build->add_option("-o,--output", request.output, "the PDF to write (one article only)");
  build->add_option("--out-dir,-d", request.out_dir, "folder for NAME.pdf of each article");
  build->add_option("--set", request.sets, "style override, e.g. body.size=9pt (repeatable)");
  build->add_option("-j,--jobs", request.jobs, "threads (default: one per core)");
  build->add_option("--standard", request.standard,
                    "print (PDF/X-1a, CMYK; default), archive (PDF/A-2u) or none (plain RGB PDF)");
  build->add_flag("--proof", request.proof,
                  "draw trim, bleed, safe area, panels, folds and baseline grid; not for print");
  build->add_flag("--no-impose", request.no_impose,
                  "booklets: reader pages in order instead of printer spreads");

  auto* layouts = app.add_subcommand("layouts", "list the layouts with a description each");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*build) return run_build(request, argv[0]);
  if (*layouts) {
    const auto ctx = batch::Context::from_environment(argv[0]);
    for (const auto& [name, description] : batch::list_layouts(ctx))
      std::printf("%-16s %s\n", name.c_str(), description.c_str());
    return 0;
  }
  return 2;
}
