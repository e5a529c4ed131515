// batch/manifest.hpp: a batch manifest (YAML) → the list of PDFs to make.
//
//   defaults:                     # optional: keys every job inherits
//     layout: trifold-a4
//   jobs:
//     - name: clinics             # for the report; default job-1, job-2...
//       articles: [handouts/*.md] # one path or a list; globs allowed, `**` for any depth (path_glob.hpp)
//       layout: trifold-a4        # name or .yaml path; default: the article's, else trifold-a4
//       standard: print           # print | archive | none
//       set: [body.size=9pt]      # style overrides, as --set
//       pages_max: 1              # fit on at most this many sides (as --set pages.max=1)
//       proof: false
//       impose: true
//       data: clinics.csv         # one PDF per row (data_rows.hpp) ...
//       rows:                     # ... or rows written here (nested keys join with '.')
//         - {clinic: {id: east, name: East Clinic, phone: "+1 555 0100"}}
//       vars: {campaign: Winter}  # values every row shares; a row's own value wins
//       output: ../out/{{clinic.id}}/{{article}}.pdf
//
// Paths are relative to the manifest's folder. The output pattern may use the
// row's values and {{article}} (the article's name without .md), {{job}} and
// {{row}} (the row's number, from 1); '/' and control bytes inside a value (and the
// article's name) become '-', and "." or ".." become "_": a value never leaves the folder.
// The pattern must end in a file name; `set:` entries are checked here.
// Every article × row is one PlannedJob, in manifest order.
// Usage errors (the manifest as a whole is refused, nothing is built): YAML
// errors, aliases that expand past core/yaml_limits.hpp's budget, unknown keys, a bad `set:`,
// more than a million planned values, a glob that matches nothing, an unreadable CSV, an output
// pattern naming a value no row has, an output (PDF or fingerprint) that is a file the
// run reads (the manifest, a CSV, an article, a layout, a picture), two jobs writing one file.
// A bad row (data_rows.hpp) or a row with an empty value in the output pattern
// becomes a PlannedJob with `problem` set: it fails alone.
// Thread-safety: pure.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "batch/build_job.hpp"
#include "batch/input_guard.hpp"
#include "core/result.hpp"

namespace leafpress::batch {

struct PlannedJob {
  std::string name;       // the manifest job it comes from
  std::string pattern{};  // its `output:` as written, for messages
  int pattern_line = 0;   // the manifest's line of that `output:`
  Job job;
  std::string shard_key;         // the output as the manifest writes it (shard.hpp)
  std::optional<Error> problem;  // set: fails without building
};

// One `jobs:` entry as read: its settings, articles and where its rows come from
// (manifest.cpp). The rows of a `data:` file are read from a copy of it on disk when planned.
struct JobGroup;

// The PDFs a manifest plans are made one at a time, when asked for (Manifest::plan): a
// merge of 10,000 rows keeps a copy of its CSV on disk, not 10,000 planned jobs. Planning is
// deterministic: every pass over a manifest plans the same jobs in the same order.
struct Manifest {
  std::string path;
  std::vector<std::string> data_files{};  // the CSV files read, as resolved (no output may replace one)
  std::size_t job_count = 0;              // how many PDFs it plans
  std::vector<std::shared_ptr<const JobGroup>> groups{};
  // What a run reads (the manifest, its CSV files, each article and what it names), recorded
  // when it was loaded, each article read once: no output of the run may replace one.
  InputGuard inputs{};

  // The planned jobs in manifest order (each entry's articles x its rows).
  class Cursor {
   public:
    explicit Cursor(const Manifest& manifest);
    Cursor(Cursor&&) noexcept;
    Cursor& operator=(Cursor&&) noexcept;
    ~Cursor();
    // The next planned job; nothing after the last.
    std::optional<PlannedJob> next();
    // Leaves the rest of the current article's rows (InputGuard needs one job per article).
    void skip_article();

   private:
    struct State;
    std::unique_ptr<State> state_;
  };
  [[nodiscard]] Cursor plan() const { return Cursor(*this); }
  // Every planned job at once (tests, --dry-run of a short manifest): memory grows with them.
  [[nodiscard]] std::vector<PlannedJob> all_jobs() const;
};

// Refuses (a usage error naming both files) one more file the run writes when it is a file
// the run reads (Manifest::inputs: nothing is read again), `writer` saying who writes it
// ("the report"), `kind` what it is (input_guard.hpp: an existing file of another kind is
// refused too). The PDFs and their fingerprints were checked so when the manifest was parsed.
Status refuse_output_over_inputs(const Manifest& m, const std::string& output, const std::string& writer,
                                 const OutputType* kind = nullptr);

// The name two outputs are compared by, in a batch and in build ("out/a.pdf", "./out/a.pdf",
// "out/../out/a.pdf" are one file, whether it exists or not): weakly canonical, or lexically normal when the
// file system cannot resolve it.
std::string output_key(const std::string& output);

// Refuses (a usage error at the manifest's `layout:` line) a layout that is found for none
// of a job's articles: an unknown name or a missing file failed every PDF of the job alone.
// Only the folders are used of `ctx` (Context::layout_dirs_of): no font is loaded.
Status check_layouts(const Manifest& m, const Context& ctx);

// Reads and expands a manifest file.
Result<Manifest> load_manifest(const std::string& path);

// The same from YAML text; `path` locates relative paths and names the file in messages.
Result<Manifest> parse_manifest(const std::string& yaml, const std::string& path);

}  // namespace leafpress::batch
