// cli/build_command.cpp: `leafpress build FILE.md...`, one PDF per article.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "batch/build_job.hpp"
#include "cli/commands.hpp"

namespace fs = std::filesystem;

namespace leafpress::cli {

bool is_picture_name(std::string extension) {
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp", ".bmp", ".svg"})
    if (extension == e) return true;
  return false;
}

const batch::Context& process_context(const char* argv0) {
  static const batch::Context ctx = batch::Context::from_environment(argv0);
  return ctx;
}

int run_build(const BuildRequest& request, const char* argv0) {
  const auto& [files, sets, layout, output, out_dir, standard_text, marks_text, proof, no_impose, jobs] =
      request;
  const auto standard = pdf::parse_standard(standard_text);
  if (!standard) {
    std::cerr << "leafpress: --standard must be print, archive or none, not \"" << standard_text << "\"\n";
    return 2;
  }
  std::optional<bool> marks;
  if (marks_text == "all" || marks_text == "none") {
    marks = marks_text == "all";
  } else if (!marks_text.empty()) {
    std::cerr << "leafpress: --marks must be all or none, not \"" << marks_text << "\"\n";
    return 2;
  }
  // `-o leaflet.png` once wrote a PDF under a picture's name: pictures come from `preview`.
  if (const std::string ext = fs::path(output).extension().string();
      !output.empty() && is_picture_name(ext)) {
    std::cerr << "leafpress: build writes PDF files, not " << ext << " pictures (name a .pdf file; for "
              << "pictures of the pages use `leafpress preview " << (files.empty() ? "ARTICLE.md" : files[0])
              << " -o DIR`)\n";
    return 2;
  }
  if (!output.empty() && files.size() > 1) {
    std::cerr << "leafpress: -o names one PDF, but " << files.size()
              << " articles were given (use --out-dir DIR)\n";
    return 2;
  }
  std::vector<batch::Job> list;
  for (const auto& f : files) {
    batch::Job job{.article = f,
                   .layout = layout,
                   .sets = sets,
                   .output = output,
                   .standard = *standard,
                   .proof = proof,
                   .impose = !no_impose,
                   .marks = marks};
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
    std::error_code canonical_error;  // a name too long for the file system: compare as written
    fs::path canonical = fs::weakly_canonical(job.output, canonical_error);
    if (canonical_error) canonical = fs::absolute(job.output, canonical_error).lexically_normal();
    const std::string key = canonical.string();
    if (auto [it, fresh] = writers.emplace(key, job.article); !fresh) {
      std::cerr << "leafpress: " << it->second << " and " << job.article << " would both write " << job.output
                << " (rename one, or build them into different folders)\n";
      return 2;
    }
  }
  const batch::Context& ctx = process_context(argv0);
  const auto outcomes =
      batch::build_jobs(list, ctx, jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()));
  int failed = 0;
  for (const auto& o : outcomes) {
    for (const auto& w : o.warnings) std::cerr << "warning: " << w << "\n";
    if (o.ok) {
      // The body size exactly as copy-fit chose it (quarter points: 10.75, never "11").
      char figures[96];
      std::snprintf(figures, sizeof figures, "%d page%s, body %g pt, %.2f s", o.pages,
                    o.pages == 1 ? "" : "s", o.body_size, o.seconds);
      std::cout << "wrote " << o.output << " (" << figures << ")\n";
    } else {
      ++failed;
      std::cerr << "error: " << o.error.describe() << "\n";
    }
  }
  if (outcomes.size() > 1)
    std::cout << outcomes.size() - static_cast<std::size_t>(failed) << " built, " << failed << " failed\n";
  return failed ? 1 : 0;
}

}  // namespace leafpress::cli
