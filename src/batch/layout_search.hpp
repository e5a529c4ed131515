// batch/layout_search.hpp: where a layout named by an article, a manifest or --layout is found.
//
// A bare name ("clinic-trifold") is looked up, first match wins, in:
//   1. layouts/ beside the article (or the manifest): a clinic keeps its own layouts with its texts;
//   2. each folder of LEAFPRESS_LAYOUTS (colon-separated, as PATH);
//   3. the built-in folders (Context::layout_dirs: ./layouts, beside the executable, the source tree).
// A path (with '/' or ending in .yaml) given on the command line is relative to the working
// folder. A path in an article's front matter (`layout: my-fold.yaml`) is relative to the
// article's folder, not the working folder, must name a .yaml file, and must lie inside the
// article's folder or one of the folders above: an article cannot make leafpress read any file.
// Errors: an unknown name lists the known ones; a path outside the allowed folders says so.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "batch/build_job.hpp"

namespace leafpress::batch {

// The folders searched for bare names, in order, for an article (or manifest) in `near_dir`.
std::vector<std::filesystem::path> layout_search_path(const Context& ctx, const std::filesystem::path& near_dir);

// `from_article`: the name was written in the article's front matter (paths are then relative
// to its folder and confined as above).
Result<std::filesystem::path> find_layout_near(const Context& ctx, const std::string& name,
                                               const std::filesystem::path& near_dir, bool from_article);

// Whether `name` (given on the command line or in a manifest, not in front matter) is found
// for every folder of `articles`, each folder looked at once; the error of the first that
// has none. The check before a run builds anything: a missing layout fails all its PDFs.
Status find_layout_for_all(const Context& ctx, const std::string& name,
                           const std::vector<std::string>& articles);

struct LayoutEntry {
  std::string name, description;
  std::filesystem::path file;
};

// Every layout found from `near_dir`, a name listed once (the one that would be used).
std::vector<LayoutEntry> list_layouts_near(const Context& ctx, const std::filesystem::path& near_dir);

}  // namespace leafpress::batch
