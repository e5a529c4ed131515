#include "batch/layout_search.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/file_identity.hpp"
#include "layout/template.hpp"

namespace leafpress::batch {
namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& file, const fs::path& dir) {
  const fs::path rel = canonical_name(file).lexically_relative(canonical_name(dir));
  return !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
}

}  // namespace

std::vector<fs::path> layout_search_path(const Context& ctx, const fs::path& near_dir) {
  std::vector<fs::path> dirs;
  std::set<fs::path> seen;
  std::error_code ec;
  auto add = [&](const fs::path& d) {
    if (d.empty() || !fs::is_directory(d, ec)) return;
    if (seen.insert(canonical_name(d)).second) dirs.push_back(d);
  };
  add((near_dir.empty() ? fs::path(".") : near_dir) / "layouts");
  if (const char* env = std::getenv("LEAFPRESS_LAYOUTS")) {
    const std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto colon = std::min(list.find(':', start), list.size());
      add(list.substr(start, colon - start));
      start = colon + 1;
    }
  }
  for (const auto& d : ctx.layout_dirs) add(d);
  return dirs;
}

Result<fs::path> find_layout_near(const Context& ctx, const std::string& name, const fs::path& near_dir,
                                  bool from_article) {
  std::error_code ec;
  const bool is_path = name.find('/') != std::string::npos || name.ends_with(".yaml");
  const auto dirs = layout_search_path(ctx, near_dir);
  if (is_path) {
    if (!from_article) {
      if (fs::is_regular_file(name, ec)) return fs::path(name);
      return Error{name, 0, "layout file not found",
                   "give a path to a .yaml file or a name from `leafpress layouts`"};
    }
    const fs::path file = (near_dir.empty() ? fs::path(".") : near_dir) / name;
    if (!name.ends_with(".yaml"))
      return Error{"", 0, "front matter key `layout` names '" + name + "', which is not a layout file",
                   "name a layout (see `leafpress layouts`) or a .yaml file beside the article"};
    bool allowed = inside(file, near_dir.empty() ? fs::path(".") : near_dir);
    for (const auto& d : dirs) allowed = allowed || inside(file, d);
    if (!allowed)
      return Error{"", 0, "front matter key `layout`: '" + name + "' is outside the article's folder",
                   "keep the layout beside the article or in a layouts/ folder (see `leafpress layouts`)"};
    if (fs::is_regular_file(file, ec)) return file;
    return Error{"", 0, "front matter key `layout`: '" + name + "' is not found beside the article",
                 "the path is relative to the article's folder; or name a layout from `leafpress layouts`"};
  }
  for (const auto& dir : dirs)
    if (fs::is_regular_file(dir / (name + ".yaml"), ec)) return dir / (name + ".yaml");
  std::string known;
  for (const auto& e : list_layouts_near(ctx, near_dir)) known += (known.empty() ? "" : ", ") + e.name;
  return Error{"", 0, "unknown layout '" + name + "'",
               "known layouts: " + (known.empty() ? "none found" : known) +
                   "; your own go in a layouts/ folder beside the article"};
}

std::vector<LayoutEntry> list_layouts_near(const Context& ctx, const fs::path& near_dir) {
  std::vector<LayoutEntry> out;
  std::set<std::string> seen;
  for (const auto& dir : layout_search_path(ctx, near_dir)) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string name = f.stem().string();
      if (!seen.insert(name).second) continue;
      auto t = layout::load_template(f.string());
      out.push_back(LayoutEntry{name, t ? t->description : "(invalid: " + t.error().describe() + ")", f});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

Status find_layout_for_all(const Context& ctx, const std::string& name,
                           const std::vector<std::string>& articles) {
  std::set<fs::path> folders;
  for (const auto& article : articles)
    if (const fs::path folder = fs::path(article).parent_path(); folders.insert(folder).second)
      if (auto found = find_layout_near(ctx, name, folder, false); !found) return found.error();
  return Ok{};
}

}  // namespace leafpress::batch
