// cli/commands.hpp: the leafpress subcommands, one file each.
//
// Each returns the exit status: 0 when everything was built (or was already up
// to date), 1 when some PDFs failed, 2 for a usage error (nothing built).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/build_job.hpp"
#include "batch/manifest.hpp"
#include "batch/shard.hpp"

namespace leafpress::cli {

struct BuildRequest {
  std::vector<std::string> files, sets;
  std::string layout, output, out_dir;
  std::string standard = "print";
  std::string marks;  // --marks all|none; empty: none for --standard none, else all
  bool proof = false, no_impose = false;
  unsigned jobs = 0;
};

struct BatchRequest {
  std::string manifest;
  std::string report;  // --report FILE.json; empty: none
  std::string shard;   // --shard K/N; empty: all
  unsigned jobs = 0;   // -j; 0: one per core
  bool force = false;
  bool dry_run = false;  // --dry-run: list every PDF and the values it would use; build nothing
};

struct PreviewRequest {
  std::string article, out_dir, layout, standard = "print", marks;
  std::vector<std::string> sets;
  double dpi = 110;
};

struct WatchRequest {
  std::string article, output, layout, standard = "print", marks;
  std::vector<std::string> sets;
  bool preview = false;  // also NAME-1.png... beside the PDF after each good build
  double dpi = 110;
};

// The process's fonts and layouts, loaded on first use and kept until exit
// (main ends with _Exit: the kernel frees them faster than destructors would).
const batch::Context& process_context(const char* argv0);

// A usage error: `error: MESSAGE` on one line of standard error; returns 2 (nothing built).
int usage_error(const std::string& message);
// The same for an Error: `error: FILE:LINE: message (hint)` (Error::describe).
int usage_error(const Error& error);

// --standard and --marks, as build, preview and watch take them, into `job`'s standard and
// marks (an empty --marks leaves Job::marks unset: the standard's default). A bad value is
// an Error whose message is the usage error to print.
Status set_print_options(batch::Job& job, const std::string& standard, const std::string& marks);

// ".png", ".JPG"...: an output name that promises a picture, not a PDF.
bool is_picture_name(std::string extension);

int run_build(const BuildRequest& request, const char* argv0);
int run_batch(const BatchRequest& request, const char* argv0);
// batch --dry-run: prints what the manifest's jobs in `shard` would build, with the values each would use.
void print_dry_run(const batch::Manifest& manifest, const batch::Shard& shard, bool force);
int run_preview(const PreviewRequest& request, const char* argv0);
int run_watch(const WatchRequest& request, const char* argv0);
int run_fonts(const char* argv0);

// Renders the PDF `pdf` (built with the layout file `layout_file`) into `dir`: STEM-1.png...
// and, for a folded leaflet, STEM-folded.png. Returns the files written.
Result<std::vector<std::string>> write_previews(const std::string& pdf, const std::string& layout_file,
                                                const std::filesystem::path& dir, const std::string& stem,
                                                double dpi);

}  // namespace leafpress::cli
