// cli/main.cpp: the leafpress command.
//
//   leafpress build FILE.md... [--layout NAME|PATH] [-o OUT.pdf | --out-dir DIR] [--set KEY=VALUE]... [-j N]
//                   [--standard print|archive|none] [--proof] [--no-impose]
//   leafpress batch MANIFEST.yaml [-j N] [--report FILE.json] [--shard K/N] [--force]
//   leafpress layouts
//
// Exit status: 0 when every input was built, 1 when some failed, 2 for a usage error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "batch/build_job.hpp"
#include "cli/commands.hpp"

using namespace leafpress;

namespace {

// Ends the process without tearing down fontconfig's tables and the fonts: the
// kernel frees them faster, and a cold single build is short enough to notice.
[[noreturn]] void exit_now(int status) {
  std::fflush(nullptr);
  std::_Exit(status);
}

// `--layout ""`, `--shard ""`: an option given an empty value is a usage error, never
// the same as leaving it out (which would silently mean the default, or everything).
const CLI::Validator kNotEmpty(
    [](std::string& value) {
      return value.empty() ? std::string("needs a value, not an empty one") : std::string();
    },
    "", "not empty");

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"leafpress: Markdown articles to print-ready PDF leaflets"};
  // Usage errors read like every other error: one `error:` line, exit status 2.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("error: ") + e.what() + " (see leafpress --help)\n";
  });
  app.set_version_flag("--version", "leafpress " LEAFPRESS_VERSION);
  app.require_subcommand(1);

  auto* build = app.add_subcommand("build", "build one PDF per article");
  cli::BuildRequest request;
  build->add_option("files", request.files, "Markdown articles")->required();
  build->add_option("--layout,-l", request.layout, "layout name (see `leafpress layouts`) or path to a .yaml")
      ->check(kNotEmpty);
  build
      ->add_option("-o,--output", request.output,
                   "the PDF to write (one article only; - for standard output)")
      ->check(kNotEmpty);
  build->add_option("--out-dir,-d", request.out_dir, "folder for NAME.pdf of each article")->check(kNotEmpty);
  build->add_option("--set", request.sets, "style override, e.g. body.size=9pt (repeatable)");
  build->add_option("-j,--jobs", request.jobs, "threads (default: one per core)");
  build->add_option("--standard", request.standard,
                    "print (PDF/X-1a, CMYK; default), archive (PDF/A-2u) or none (plain RGB PDF)");
  build->add_flag("--proof", request.proof,
                  "draw trim, bleed, safe area, panels, folds and baseline grid; not for print");
  build->add_flag("--no-impose", request.no_impose,
                  "booklets: reader pages in order instead of printer spreads");

  auto* batch = app.add_subcommand("batch", "build every PDF a manifest lists (articles x data rows)");
  cli::BatchRequest batch_request;
  batch->add_option("manifest", batch_request.manifest, "the manifest (YAML; see README, Batch runs)")
      ->required()
      ->check(kNotEmpty);
  batch->add_option("-j,--jobs", batch_request.jobs, "threads (default: one per core)");
  batch
      ->add_option("--report", batch_request.report,
                   "write what happened to each job as JSON (- for standard output)")
      ->check(kNotEmpty);
  batch
      ->add_option("--shard", batch_request.shard,
                   "build only the K-th of N deterministic shares (1 <= K <= N), e.g. 2/8")
      ->check(kNotEmpty);
  batch->add_flag("--force", batch_request.force, "rebuild PDFs that are up to date");

  auto* layouts = app.add_subcommand("layouts", "list the layouts with a description each");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*build) exit_now(cli::run_build(request, argv[0]));
  if (*batch) exit_now(cli::run_batch(batch_request, argv[0]));
  if (*layouts) {
    const auto& ctx = cli::process_context(argv[0]);
    for (const auto& [name, description] : batch::list_layouts(ctx))
      std::printf("%-16s %s\n", name.c_str(), description.c_str());
    exit_now(0);
  }
  return 2;
}
