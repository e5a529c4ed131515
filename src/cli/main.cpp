// cli/main.cpp: the leafpress command.
//
//   leafpress build FILE.md... [--layout NAME|PATH] [-o OUT.pdf | --out-dir DIR] [--set KEY=VALUE]... [-j N]
//                   [--standard print|archive|none] [--marks all|none] [--proof] [--no-impose]
//   leafpress batch MANIFEST.yaml [-j N] [--report FILE.json] [--shard K/N] [--force] [--dry-run]
//   leafpress preview FILE.md [-o DIR] [--dpi N] [--layout ...] [--set ...] [--standard ...] [--marks ...]
//   leafpress watch FILE.md [-o OUT.pdf] [--preview] [--dpi N] [--layout ...] [--set ...] [--standard ...]
//   leafpress fonts
//   leafpress layouts [ARTICLE.md|MANIFEST.yaml|FOLDER]
//
// Exit status: 0 when every input was built, 1 when some failed, 2 for a usage error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "batch/build_job.hpp"
#include "batch/layout_search.hpp"
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
  build->add_option("--marks", request.marks,
                    "all: bleed, crop and fold marks around the trim (default for print and archive); "
                    "none: pages at the trim size for a desktop printer (default for --standard none)");
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
  batch->add_flag("--dry-run", batch_request.dry_run,
                  "list every PDF it would build, with the values it would use; write nothing");

  auto* preview =
      app.add_subcommand("preview", "build the PDF and pictures of its pages (PNG), as it prints");
  cli::PreviewRequest preview_request;
  preview->add_option("article", preview_request.article, "the Markdown article")->required();
  preview->add_option("-o,--out-dir", preview_request.out_dir,
                      "folder for NAME.pdf, NAME-1.png... and NAME-folded.png (default: here)");
  preview->add_option("--dpi", preview_request.dpi, "resolution of the pictures (36-600, default 110)");
  preview->add_option("--layout,-l", preview_request.layout, "layout name or path to a .yaml");
  preview->add_option("--set", preview_request.sets, "style override, as for build (repeatable)");
  preview->add_option("--standard", preview_request.standard,
                      "print (default), archive or none, as for build");
  preview->add_option("--marks", preview_request.marks, "all or none, as for build");

  auto* watch = app.add_subcommand("watch", "rebuild the PDF every time the article, its layout or pictures change");
  cli::WatchRequest watch_request;
  watch->add_option("article", watch_request.article, "the Markdown article")->required();
  watch->add_option("-o,--output", watch_request.output, "the PDF to write (default: NAME.pdf here)");
  watch->add_option("--layout,-l", watch_request.layout, "layout name or path to a .yaml");
  watch->add_option("--set", watch_request.sets, "style override, as for build (repeatable)");
  watch->add_option("--standard", watch_request.standard, "print (default), archive or none, as for build");
  watch->add_option("--marks", watch_request.marks, "all or none, as for build");
  watch->add_flag("--preview", watch_request.preview, "also write NAME-1.png... beside the PDF after each build");
  watch->add_option("--dpi", watch_request.dpi, "resolution of the --preview pictures (default 110)");

  auto* fonts = app.add_subcommand("fonts", "list the font families by the scripts they cover");
  auto* layouts = app.add_subcommand("layouts", "list the layouts with a description each");
  std::string layouts_near;
  layouts->add_option("near", layouts_near,
                      "an article, manifest or folder: also list its layouts/ folder (default: here)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*build) exit_now(cli::run_build(request, argv[0]));
  if (*batch) exit_now(cli::run_batch(batch_request, argv[0]));
  if (*preview) exit_now(cli::run_preview(preview_request, argv[0]));
  if (*watch) exit_now(cli::run_watch(watch_request, argv[0]));
  if (*fonts) exit_now(cli::run_fonts(argv[0]));
  if (*layouts) {
    const auto& ctx = cli::process_context(argv[0]);
    // Beside an article or manifest (its folder's layouts/), else here; the built-in ones last.
    std::filesystem::path near = layouts_near.empty() ? "." : layouts_near;
    if (!std::filesystem::is_directory(near)) near = near.parent_path();
    for (const auto& e : batch::list_layouts_near(ctx, near)) {
      bool built_in = false;
      for (const auto& d : ctx.layout_dirs) built_in = built_in || e.file.parent_path() == d;
      std::printf("%-16s %s%s\n", e.name.c_str(), e.description.c_str(),
                  built_in ? "" : ("  [" + e.file.string() + "]").c_str());
    }
    exit_now(0);
  }
  return 2;
}
