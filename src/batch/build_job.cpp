#include "batch/build_job.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <set>
#include <thread>

#include "batch/font_check.hpp"
#include "batch/layout_search.hpp"
#include "batch/merge_rules.hpp"
#include "batch/variables.hpp"
#include "core/file_identity.hpp"
#include "doc/document.hpp"
#include "layout/article_style.hpp"
#include "layout/layout.hpp"
#include "layout/template.hpp"
#include "pdf/output_intent.hpp"
#include "pdf/write.hpp"
#include "text/hyphenate.hpp"
#include "text/paragraph.hpp"

namespace leafpress::batch {

namespace fs = std::filesystem;

namespace {

// The folders leafpress's own files are looked for in: here, beside the executable
// (bin/..), the source tree; each once.
std::vector<fs::path> install_roots(const fs::path& executable) {
  std::vector<fs::path> roots{fs::current_path()};
  std::error_code ec;
  const fs::path exe = fs::canonical(executable, ec);
  if (!ec) roots.push_back(exe.parent_path().parent_path());
  roots.emplace_back(LEAFPRESS_SOURCE_DIR);
  std::vector<fs::path> out;
  std::set<fs::path> seen;
  for (const auto& root : roots)
    if (const fs::path canon = fs::weakly_canonical(root, ec); seen.insert(canon).second)
      out.push_back(canon);
  return out;
}

// The folders called `name` in the install roots, in the roots' order.
std::vector<fs::path> folders_named(const std::vector<fs::path>& roots, const char* name) {
  std::vector<fs::path> dirs;
  std::error_code ec;
  for (const auto& root : roots)
    if (fs::is_directory(root / name, ec)) dirs.push_back(root / name);
  return dirs;
}

}  // namespace

std::vector<fs::path> Context::layout_dirs_of(const fs::path& executable) {
  return folders_named(install_roots(executable), "layouts");
}

Context Context::from_environment(const fs::path& executable) {
  Context ctx;
  const std::vector<fs::path> roots = install_roots(executable);  // canonical paths: found once
  ctx.layout_dirs = folders_named(roots, "layouts");
  ctx.fonts = std::make_unique<text::FontSet>(folders_named(roots, "fonts"));
  ctx.subsets = std::make_unique<pdf::SubsetCache>();
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (end != e && *end == '\0' && v >= 0) ctx.epoch_override = v;
  }
  return ctx;
}

std::jthread warm_up(const std::vector<Job>& jobs) {
  std::set<std::string> hyphen_langs;  // one pattern set per language, not per article
  std::set<std::string> word_langs;    // zh, ja: titles break between words (a dictionary)
  std::set<pdf::Standard> standards;
  const auto needs = [](const std::vector<doc::Span>& spans) {
    return std::any_of(spans.begin(), spans.end(),
                       [](const doc::Span& s) { return !s.code && text::has_hyphenatable_word(s.text); });
  };
  for (const Job& job : jobs) {
    standards.insert(job.standard);
    const doc::Document* d = job.document.get();
    if (!d) continue;
    const bool hyphenates = std::any_of(d->blocks.begin(), d->blocks.end(), [&](const doc::Block& b) {
      if (needs(b.spans)) return true;
      for (const auto& row : b.table.rows)
        for (const auto& cell : row)
          if (needs(cell.spans)) return true;
      return false;
    });
    if (hyphenates) hyphen_langs.insert(text::uses_british_patterns(d->meta.lang) ? "en-GB" : "en");
    if (d->meta.lang.starts_with("zh") || d->meta.lang.starts_with("ja")) word_langs.insert(d->meta.lang);
  }
  // In the order the layout needs them: the layout's helper thread hyphenates its first
  // paragraphs at once, the cover's title wants the dictionary next, the PDF the profile last.
  return std::jthread([hyphen_langs = std::move(hyphen_langs), word_langs = std::move(word_langs),
                       standards = std::move(standards)] {
    for (const auto& lang : hyphen_langs) text::load_patterns(lang);
    for (const auto& lang : word_langs) text::load_word_dictionary(lang);
    for (const pdf::Standard s : standards) pdf::prepare_output_intent(s);
  });
}

namespace {

// The date printed into the PDF: SOURCE_DATE_EPOCH, else the article's `date:`, else its file time.
long long document_epoch(const Context& ctx, const doc::Document& d) {
  if (ctx.epoch_override >= 0) return ctx.epoch_override;
  if (const auto epoch = doc::date_epoch(d.meta.date)) return *epoch;  // checked when read
  struct stat st {};
  if (::stat(d.path.c_str(), &st) == 0) return static_cast<long long>(st.st_mtime);
  return -1;
}

// A copy of the layout, read from its file the first time only. An error is not
// kept: every job that names a broken layout says so.
Result<layout::Template> cached_template(const Context& ctx, const std::string& path) {
  {
    std::lock_guard lock(ctx.templates->mutex);
    if (auto it = ctx.templates->by_path.find(path); it != ctx.templates->by_path.end()) return *it->second;
  }
  auto loaded = layout::load_template(path);
  if (!loaded) return loaded;
  std::lock_guard lock(ctx.templates->mutex);
  ctx.templates->by_path.emplace(path, std::make_shared<const layout::Template>(*loaded));
  return loaded;
}

// Makes the font subsets the writer will ask for, on `threads` threads, so that
// it finds them in the cache. The glyph sets are collected exactly as
// pdf/write.cpp does (every glyph of every run, per face, ascending), or the
// cache would miss. Failures are left for the writer to report.
void make_subsets_in_parallel(const layout::PageModel& model, pdf::SubsetCache& cache, unsigned threads) {
  std::map<const text::Face*, std::set<unsigned>> used;
  for (const auto& page : model.pages)
    for (const auto& run : page.runs)
      for (const auto& g : run.glyphs) used[g.face].insert(g.glyph);
  std::vector<std::pair<const text::Face*, std::vector<unsigned>>> work;
  for (const auto& [face, glyphs] : used)
    work.emplace_back(face, std::vector<unsigned>(glyphs.begin(), glyphs.end()));
  // CFF subsets (CJK) cost the most: start them first.
  std::stable_sort(work.begin(), work.end(),
                   [](const auto& a, const auto& b) { return a.first->is_cff > b.first->is_cff; });
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < work.size(); i = next++) (void)cache.get(*work[i].first, work[i].second);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < threads && t + 1 < work.size(); ++t) pool.emplace_back(worker);
  worker();
}

// Every file the build read besides the article, for fingerprints (fingerprint.hpp).
std::vector<std::string> inputs_of(const layout::PageModel& model, const fs::path& layout_file) {
  std::set<std::string> files;
  std::set<const text::Face*> faces;  // a few faces, thousands of glyphs: one name each
  for (const auto& page : model.pages) {
    for (const auto& run : page.runs) {
      const text::Face* last = nullptr;
      for (const auto& g : run.glyphs)
        if (g.face != last) faces.insert(last = g.face);
    }
    for (const auto& image : page.images)  // pictures, the cover image and the clinic's logo
      if (image.raster) files.insert(image.raster->source);
  }
  for (const text::Face* face : faces) files.insert(face->file.string());
  std::vector<std::string> out{layout_file.string()};
  out.insert(out.end(), files.begin(), files.end());
  return out;
}

Outcome build(const Job& job, const Context& ctx, unsigned spare_threads, bool stage) {
  Outcome out;
  out.output = job.output;
  // Read once per run when the command's input guard has read it already (a cold build
  // of the seed parsed it twice: ~3 ms).
  auto document = job.document ? Result<doc::Document>(*job.document) : doc::load_document(job.article);
  if (!document) {
    out.error = document.error();
    return out;
  }
  // What the article holds that will not print (raw HTML...): `FILE:LINE: message`, like layout's.
  for (const auto& w : document->warnings)
    out.warnings.push_back(document->path + ":" + std::to_string(w.line) + ": " + w.message);
  if (!job.fill_variables) {
    // No data row: a placeholder prints as written ("在{{clinic.name}}接种流感疫苗"). One line
    // for the article, at the first placeholder, naming them all.
    if (const auto unfilled = unfilled_placeholders(*document); !unfilled.empty()) {
      std::string names;
      for (const auto& u : unfilled) names += (names.empty() ? "{{" : ", {{") + u.name + "}}";
      const bool one = unfilled.size() == 1;
      out.warnings.push_back(document->path + ":" + std::to_string(unfilled.front().line) + ": " + names +
                             (one ? " has no value here and prints" : " have no value here and print") +
                             " as written; fill " + (one ? "it" : "them") +
                             " from a data file with `leafpress batch` (a job's `data:` or `rows:`)");
    }
  } else {
    // Per-language values for the article's language; a row that replaces what the article
    // writes is said so (merge_rules.hpp).
    const Variables values = for_language(job.variables, document->meta.lang);
    const auto merge_warnings = override_warnings(*document, values, job.row);
    out.warnings.insert(out.warnings.end(), merge_warnings.begin(), merge_warnings.end());
    if (auto filled = fill_document(*document, values, job.row); !filled) {
      out.error = filled.error();
      return out;
    }
  }
  const std::string layout_name = !job.layout.empty()              ? job.layout
                                  : !document->meta.layout.empty() ? document->meta.layout
                                                                   : "trifold-a4";
  // A name or path from the front matter is the article's: found from its folder (layout_search.hpp).
  const bool from_article = job.layout.empty() && !document->meta.layout.empty();
  auto layout_path = find_layout_near(ctx, layout_name, fs::path(job.article).parent_path(), from_article);
  if (!layout_path) {
    out.error = layout_path.error();
    if (out.error.file.empty()) {
      out.error.file = job.article;
      if (from_article)
        if (auto it = document->meta.key_lines.find("layout"); it != document->meta.key_lines.end())
          out.error.line = it->second;
    }
    return out;
  }
  auto tmpl = cached_template(ctx, layout_path->string());
  if (!tmpl) {
    out.error = tmpl.error();
    return out;
  }
  if (auto r = layout::apply_article_style(*tmpl, *document); !r) {  // front matter, then --set
    out.error = r.error();
    return out;
  }
  for (const auto& s : job.sets)
    if (auto r = layout::set_template_key(*tmpl, s); !r) {
      out.error = r.error();
      return out;
    }
  // A family named by the article, --set or the layout: missing characters are said, by family.
  if (auto coverage = font_coverage_warnings(*document, *tmpl, *ctx.fonts); !coverage) {
    out.error = coverage.error();
    if (out.error.file.empty()) out.error.file = job.article;
    return out;
  } else {
    for (auto& w : *coverage) out.warnings.push_back(job.article + ": " + std::move(w));
  }
  const bool marks = job.marks.value_or(job.standard != pdf::Standard::None);
  auto model = layout::lay_out(*document, *tmpl, *ctx.fonts,
                               layout::LayoutOptions{job.proof, job.impose, marks, spare_threads});
  if (!model) {
    out.error = model.error();
    if (out.error.file.empty()) out.error.file = job.article;
    return out;
  }
  // The last guard (input_guard.hpp): fonts and pictures are known only now.
  std::vector<std::string> read = inputs_of(*model, *layout_path);
  {
    FileSet inputs;
    inputs.add(job.article, "the article " + job.article);
    for (const auto& f : read) inputs.add(f, "the file " + f);
    if (const std::string* input = inputs.find(job.output)) {
      out.error =
          Error{job.output, 0, "the PDF would destroy it: it is " + *input + ", which the build reads",
                "write the PDF to another file"};
      return out;
    }
  }
  if (spare_threads > 0 && ctx.subsets) make_subsets_in_parallel(*model, *ctx.subsets, spare_threads);
  pdf::WriteOptions options;
  options.epoch = document_epoch(ctx, *document);
  options.subsets = ctx.subsets.get();
  options.standard = job.standard;
  if (stage) {  // the pool's: fsync and rename on a finisher thread (finisher.hpp)
    auto bytes = pdf::write_pdf(*model, options);
    if (!bytes) {
      out.error = bytes.error();
      if (out.error.file.empty()) out.error.file = job.article;  // a libharu error names no file
      return out;
    }
    auto staged = StagedFile::write(job.output, *bytes);
    if (!staged) {
      out.error = staged.error();
      return out;
    }
    out.staged = std::make_shared<StagedFile>(std::move(staged).value());
  } else if (auto w = pdf::write_pdf_file(*model, job.output, options); !w) {
    out.error = w.error();
    return out;
  }
  out.ok = true;
  out.pages = static_cast<int>(model->pages.size());
  out.body_size = model->body_size;
  out.warnings.insert(out.warnings.end(), model->warnings.begin(), model->warnings.end());
  out.inputs = std::move(read);
  return out;
}

}  // namespace

Outcome build_job(const Job& job, const Context& ctx, unsigned spare_threads, bool stage) {
  const auto start = std::chrono::steady_clock::now();
  Outcome out;
  try {
    out = build(job, ctx, spare_threads, stage);
  } catch (const std::exception& e) {
    out = Outcome{};
    out.output = job.output;
    out.error = Error{job.article, 0, std::string("internal error: ") + e.what(), "please report this file"};
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace leafpress::batch
