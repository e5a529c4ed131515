// cli/build_command.cpp: `leafpress build FILE.md...`, one PDF per article.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "batch/build_job.hpp"
#include "batch/input_guard.hpp"
#include "batch/job_stream.hpp"
#include "batch/layout_search.hpp"
#include "batch/manifest.hpp"
#include "cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "core/utf8.hpp"
#include "layout/template.hpp"

namespace fs = std::filesystem;

namespace leafpress::cli {

const batch::Context& process_context(const char* argv0) {
  // Kept to the end of the process and not destroyed at exit: the kernel frees its fonts and
  // caches at once, where their destructors took a few milliseconds of a cold build.
  static const batch::Context& ctx =
      *std::make_unique<batch::Context>(batch::Context::from_environment(argv0)).release();
  return ctx;
}

bool is_picture_name(std::string extension) {
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp", ".bmp", ".svg"})
    if (extension == e) return true;
  return false;
}

namespace {

// A file name from an article's name: control bytes never reach an output name.
std::string clean_name(std::string name) {
  for (char& c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '-';
  return name;
}

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "error: " << printable(message) << "\n";
  return 2;
}

int usage_error(const Error& error) {
  std::cerr << "error: " << error.describe() << "\n";
  return 2;
}

Status set_print_options(batch::Job& job, const std::string& standard, const std::string& marks) {
  const auto parsed = pdf::parse_standard(standard);
  if (!parsed) return Error{"", 0, "--standard must be print, archive or none, not \"" + standard + "\"", ""};
  job.standard = *parsed;
  if (marks == "all" || marks == "none")
    job.marks = marks == "all";
  else if (!marks.empty())
    return Error{"", 0, "--marks must be all or none, not \"" + marks + "\"", ""};
  return Ok{};
}

int run_build(const BuildRequest& request, const char* argv0) {
  const auto& [files, sets, layout, output, out_dir, standard_text, marks_text, proof, no_impose, jobs] =
      request;
  batch::Job print;  // --standard and --marks, as every job takes them
  if (auto s = set_print_options(print, standard_text, marks_text); !s) return usage_error(s.error().message);
  if (!output.empty() && files.size() > 1)
    return usage_error("-o names one PDF, but " + std::to_string(files.size()) +
                       " articles were given (use --out-dir DIR)");
  if (!output.empty() && !out_dir.empty())
    return usage_error("-o " + output + " and --out-dir " + out_dir +
                       " both say where the PDF goes (give one: -o for one file, --out-dir for a folder)");
  if (!output.empty() && output_kind(output) == OutputKind::File) {
    const std::string last = fs::path(output).filename().string();
    std::error_code ec;
    if (output.ends_with("/") || last == "." || last == ".." || fs::is_directory(output, ec))
      return usage_error("-o " + output + " is a folder (name the PDF, e.g. -o " +
                         (fs::path(output) / "leaflet.pdf").lexically_normal().string() +
                         ", or use --out-dir)");
  }
  // A malformed --set is the command line's fault: say so before building anything.
  for (const auto& assignment : sets) {
    layout::Template probe;
    if (auto s = layout::set_template_key(probe, assignment); !s) return usage_error(s.error().describe());
  }
  // So is a --layout that is found for none of the articles (each would fail, naming itself).
  if (!layout.empty()) {
    batch::Context folders_only;
    folders_only.layout_dirs = batch::Context::layout_dirs_of(argv0);
    if (auto s = batch::find_layout_for_all(folders_only, layout, files); !s)
      return usage_error("--layout " + layout + ": " + s.error().message + " (" + s.error().hint + ")");
  }
  std::vector<batch::Job> list;
  for (const auto& f : files) {
    batch::Job job{.article = f,
                   .layout = layout,
                   .sets = sets,
                   .output = output,
                   .standard = print.standard,
                   .proof = proof,
                   .impose = !no_impose,
                   .marks = print.marks};
    if (job.output.empty()) {
      // A proof never overwrites the leaflet it checks.
      const fs::path dir = out_dir.empty() ? fs::path(".") : fs::path(out_dir);
      job.output = (dir / clean_name(fs::path(f).stem().string())).string() + (proof ? ".proof.pdf" : ".pdf");
    }
    list.push_back(job);
  }
  // No PDF may replace a file this run reads (an article, the layout, a picture):
  // `-o notes.md` for notes.md would lose the article itself. By identity, in linear time.
  batch::InputGuard guard;
  for (auto& job : list) job.document = guard.add_job(job);
  // Two articles that would write one PDF (a/x.md and b/x.md into one folder) lose a leaflet.
  std::unordered_map<std::string, std::string> writers;
  for (const auto& job : list) {
    if (auto s = guard.check_output(job.output, "the PDF of " + job.article, &batch::kPdfOutput); !s)
      return usage_error(s.error());
    if (output_kind(job.output) == OutputKind::Stream) continue;
    if (auto [it, fresh] = writers.emplace(batch::output_key(job.output), job.article); !fresh)
      return usage_error(it->second + " and " + job.article + " would both write " + job.output +
                         " (rename one, or build them into different folders)");
  }
  // After the input guard (a picture the article uses is named as such): `-o leaflet.png` once wrote a PDF
  // under a picture's name: pictures come from `preview`.
  if (const std::string ext = fs::path(output).extension().string(); !output.empty() && is_picture_name(ext))
    return usage_error("build writes PDF files, not " + ext +
                       " pictures (name a .pdf file; for pictures of the " + "pages use `leafpress preview " +
                       (files.empty() ? std::string("ARTICLE.md") : files[0]) + " -o DIR`)");
  // With the PDF on standard output (-o -), what leafpress says goes to standard error.
  std::ostream& say = !output.empty() && is_standard_output(output) ? std::cerr : std::cout;
  // The hyphenation patterns, word dictionary and colour profile the jobs need are made
  // while fontconfig starts and the first pages are laid out; the thread joins at the end
  // of this function.
  const std::jthread warm_up = batch::warm_up(list);
  const batch::Context& ctx = process_context(argv0);
  const auto outcomes =
      batch::build_jobs(list, ctx, jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()));
  int failed = 0;
  for (const auto& o : outcomes) {
    for (const auto& w : o.warnings) std::cerr << "warning: " << printable(w) << "\n";
    if (o.ok) {
      // The body size exactly as copy-fit chose it (quarter points: 10.75, never "11").
      char figures[96];
      std::snprintf(figures, sizeof figures, "%d page%s, body %g pt, %.2f s", o.pages,
                    o.pages == 1 ? "" : "s", o.body_size, o.seconds);
      say << "wrote " << printable(o.output) << " (" << figures << ")\n";
    } else {
      ++failed;
      std::cerr << "error: " << o.error.describe() << "\n";
    }
  }
  if (outcomes.size() > 1)
    say << outcomes.size() - static_cast<std::size_t>(failed) << " built, " << failed << " failed\n";
  return failed ? 1 : 0;
}

}  // namespace leafpress::cli
