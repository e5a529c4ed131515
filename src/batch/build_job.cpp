#include "batch/build_job.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <set>
#include <thread>

#include "doc/document.hpp"
#include "layout/layout.hpp"
#include "layout/template.hpp"
#include "pdf/write.hpp"

namespace leafpress::batch {
namespace fs = std::filesystem;

Context Context::from_environment(const fs::path& executable) {
  Context ctx;
  std::vector<fs::path> roots{fs::current_path()};
  std::error_code ec;
  const fs::path exe = fs::canonical(executable, ec);
  if (!ec) roots.push_back(exe.parent_path().parent_path());
  roots.emplace_back(LEAFPRESS_SOURCE_DIR);
  std::vector<fs::path> font_dirs;
  std::set<fs::path> seen;
  for (const auto& root : roots) {
    const fs::path canon = fs::weakly_canonical(root, ec);
    if (!seen.insert(canon).second) continue;
    if (fs::is_directory(canon / "layouts", ec)) ctx.layout_dirs.push_back(canon / "layouts");
    if (fs::is_directory(canon / "fonts", ec)) font_dirs.push_back(canon / "fonts");
  }
  ctx.fonts = std::make_unique<text::FontSet>(font_dirs);
  ctx.subsets = std::make_unique<pdf::SubsetCache>();
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (end != e && *end == '\0' && v >= 0) ctx.epoch_override = v;
  }
  return ctx;
}

Result<fs::path> find_layout(const Context& ctx, const std::string& name) {
  std::error_code ec;
  if (name.find('/') != std::string::npos || name.ends_with(".yaml")) {
    if (fs::is_regular_file(name, ec)) return fs::path(name);
    return Error{name, 0, "layout file not found",
                 "give a path to a .yaml file or a name from `leafpress layouts`"};
  }
  for (const auto& dir : ctx.layout_dirs)
    if (fs::is_regular_file(dir / (name + ".yaml"), ec)) return dir / (name + ".yaml");
  std::string known;
  for (const auto& [n, d] : list_layouts(ctx)) known += (known.empty() ? "" : ", ") + n;
  return Error{"", 0, "unknown layout '" + name + "'",
               "known layouts: " + (known.empty() ? "none found" : known)};
}

std::vector<std::pair<std::string, std::string>> list_layouts(const Context& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const auto& dir : ctx.layout_dirs) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string name = f.stem().string();
      if (!seen.insert(name).second) continue;
      auto t = layout::load_template(f.string());
      out.emplace_back(name, t ? t->description : "(invalid: " + t.error().describe() + ")");
    }
  }
  return out;
}

namespace {

// The date printed into the PDF: SOURCE_DATE_EPOCH, else the article's `date:`, else its file time.
long long document_epoch(const Context& ctx, const doc::Document& d) {
  if (ctx.epoch_override >= 0) return ctx.epoch_override;
  std::tm tm{};
  if (d.meta.date.size() >= 10 &&
      std::sscanf(d.meta.date.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(timegm(&tm));
  }
  struct stat st {};
  if (::stat(d.path.c_str(), &st) == 0) return static_cast<long long>(st.st_mtime);
  return -1;
}

Outcome build(const Job& job, const Context& ctx) {
  Outcome out;
  out.output = job.output;
  auto document = doc::load_document(job.article);
  if (!document) {
    out.error = document.error();
    return out;
  }
  const std::string layout_name = !job.layout.empty()              ? job.layout
                                  : !document->meta.layout.empty() ? document->meta.layout
                                                                   : "trifold-a4";
  auto layout_path = find_layout(ctx, layout_name);
  if (!layout_path) {
    out.error = layout_path.error();
    if (out.error.file.empty()) out.error.file = job.article;
    return out;
  }
  auto tmpl = layout::load_template(layout_path->string());
  if (!tmpl) {
    out.error = tmpl.error();
    return out;
  }
  for (const auto& s : job.sets)
    if (auto r = layout::set_template_key(*tmpl, s); !r) {
      out.error = r.error();
      return out;
    }
  auto model = layout::lay_out(*document, *tmpl, *ctx.fonts, layout::LayoutOptions{job.proof, job.impose});
  if (!model) {
    out.error = model.error();
    if (out.error.file.empty()) out.error.file = job.article;
    return out;
  }
  pdf::WriteOptions options;
  options.epoch = document_epoch(ctx, *document);
  options.subsets = ctx.subsets.get();
  options.standard = job.standard;
  if (auto w = pdf::write_pdf_file(*model, job.output, options); !w) {
    out.error = w.error();
    return out;
  }
  out.ok = true;
  out.pages = static_cast<int>(model->pages.size());
  out.body_size = model->body_size;
  out.warnings = model->warnings;
  return out;
}

}  // namespace

Outcome build_job(const Job& job, const Context& ctx) {
  const auto start = std::chrono::steady_clock::now();
  Outcome out;
  try {
    out = build(job, ctx);
  } catch (const std::exception& e) {
    out = Outcome{};
    out.output = job.output;
    out.error = Error{job.article, 0, std::string("internal error: ") + e.what(), "please report this file"};
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::vector<Outcome> build_jobs(const std::vector<Job>& jobs, const Context& ctx, unsigned threads) {
  std::vector<Outcome> outcomes(jobs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) outcomes[i] = build_job(jobs[i], ctx);
  };
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(jobs.size())));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  return outcomes;
}

}  // namespace leafpress::batch
