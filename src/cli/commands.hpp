// cli/commands.hpp: the leafpress subcommands, one file each.
//
// Each returns the exit status: 0 when everything was built (or was already up
// to date), 1 when some PDFs failed, 2 for a usage error (nothing built).
#pragma once

#include <string>
#include <vector>

#include "batch/build_job.hpp"

namespace leafpress::cli {

struct BuildRequest {
  std::vector<std::string> files, sets;
  std::string layout, output, out_dir;
  std::string standard = "print";
  bool proof = false, no_impose = false;
  unsigned jobs = 0;
};

struct BatchRequest {
  std::string manifest;
  std::string report;  // --report FILE.json; empty: none
  std::string shard;   // --shard K/N; empty: all
  unsigned jobs = 0;   // -j; 0: one per core
  bool force = false;
};

// The process's fonts and layouts, loaded on first use and kept until exit
// (main ends with _Exit: the kernel frees them faster than destructors would).
const batch::Context& process_context(const char* argv0);

int run_build(const BuildRequest& request, const char* argv0);
int run_batch(const BatchRequest& request, const char* argv0);

}  // namespace leafpress::cli
