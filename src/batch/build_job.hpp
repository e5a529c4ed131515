// batch/build_job.hpp: build leaflets, one job per article, isolated from each other.
//
// A Job names an article, a layout (name or path), style overrides and the
// output path, and, in a data merge, the row's values for the article's
// {{placeholders}} (variables.hpp). Jobs run on a pool of threads (job_stream.hpp)
// that share one read-only Context (fonts loaded once per process, font subsets
// cached by face and glyph set). A job that fails, for any reason (bad input,
// an exception from a library, out of memory), reports its Error and writes
// nothing; the others go on. This is the only stage that catches exceptions.
// Cold start: warm_up makes the hyphenation patterns, ICU's CJK word dictionary and the
// compressed ICC profile a build needs on a second thread while fontconfig loads; a lone job (more threads
// than jobs) subsets its fonts on the idle threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/result.hpp"
#include "doc/document.hpp"
#include "layout/template.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/write.hpp"
#include "text/font_set.hpp"

namespace leafpress::batch {

struct Job {
  std::string article{};
  std::string layout{};  // a name from layouts/ or a path to a .yaml; empty = front matter, else trifold-a4
  std::vector<std::string> sets{};  // "body.size=9pt"...
  std::string output{};             // the PDF to write
  pdf::Standard standard = pdf::Standard::Print;
  bool proof = false;  // guides over the pages, not for print
  bool impose = true;  // booklets: printer spreads (false: reader pages)
  // Crop and fold marks with the bleed around the trim (print shop), or pages cut to the trim
  // (desktop printer, layout/office_pages.hpp). Unset: cut for Standard::None, marks otherwise.
  std::optional<bool> marks{};
  // A data merge: fill the article's {{placeholders}} from these values (batch/variables.hpp).
  bool fill_variables = false;
  std::map<std::string, std::string> variables{};
  std::string row{};  // where the values came from ("clinics.csv:7"), for messages
  // The article as the command already read it (InputGuard::add_job), shared by the rows
  // of a merge; null: the build reads the article itself.
  std::shared_ptr<const doc::Document> document{};
};

struct Outcome {
  bool ok = false;
  std::string output;
  Error error;
  int pages = 0;
  double body_size = 0;
  double seconds = 0;
  std::vector<std::string> warnings;
  std::vector<std::string> inputs;     // files read besides the article: layout, fonts (for fingerprints)
  std::shared_ptr<StagedFile> staged;  // a staged build: the bytes that become `output` (finisher.hpp)
};

// Layout files read once per process and shared by the jobs (a job copies the template
// before applying its --set keys). Guarded by its mutex.
struct TemplateCache {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const layout::Template>> by_path;
};

// Where leafpress finds its layouts and fonts: ./layouts and ./fonts, then the
// folders next to the executable's parent, then the source tree it was built from.
struct Context {
  std::vector<std::filesystem::path> layout_dirs;
  std::unique_ptr<text::FontSet> fonts;
  std::unique_ptr<pdf::SubsetCache> subsets;  // font subsets shared by all jobs
  long long epoch_override = -1;              // SOURCE_DATE_EPOCH, when set
  std::unique_ptr<TemplateCache> templates = std::make_unique<TemplateCache>();  // layouts read once

  static Context from_environment(const std::filesystem::path& executable);
  // The built-in layout folders alone (./layouts, beside the executable, the source tree):
  // what from_environment puts in layout_dirs, without loading a font.
  static std::vector<std::filesystem::path> layout_dirs_of(const std::filesystem::path& executable);
};

// A cold process's head start: on a thread of its own, makes what these jobs will need
// and would otherwise make on the layout's path, once per process: the hyphenation
// patterns (none for articles without a Latin word to hyphenate: CJK-only leaflets never
// load them), ICU's word dictionary for zh and ja titles, and the compressed profile of
// each job's standard. Jobs read by InputGuard::add_job (Job::document). The returned
// thread joins when destroyed. Only a head start: whatever is not ready yet when a build
// needs it is waited for (a function-local static or ICU's lock), never made twice.
std::jthread warm_up(const std::vector<Job>& jobs);

// `spare_threads`: idle threads the job may use to make its font subsets in parallel.
// `stage`: write the PDF to a temporary file (Outcome::staged) and leave the fsync and
// rename to the caller (batch/finisher.hpp); the pool does so (job_stream.hpp).
Outcome build_job(const Job& job, const Context& ctx, unsigned spare_threads = 0, bool stage = false);

}  // namespace leafpress::batch
