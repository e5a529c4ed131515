// batch/input_guard.hpp: no output of a run replaces a file the same run reads.
//
// `output: "{{article}}.md"`, `output: clinics.csv`, `--report batch.yaml`,
// `build a.md -o photo.png`, `--layout my.yaml -o my.yaml`: each would write a PDF
// (or a report, or a fingerprint) over an input and lose it. Before anything is
// built, the commands collect what the run reads (InputGuard::add_job and add) and
// refuse every output that is one of those files, by identity (core/file_identity.hpp:
// device and inode, so "./a.md", "sub/../a.md" and links are caught), naming both
// files; a usage error, exit status 2.
// Known before building: the manifest, its CSV files, each article, a layout given
// as a path, and the pictures, cover image and logo the article names (the article
// is read for them, once however many rows use it). What only the build knows (the
// fonts chosen, a picture whose path holds a {{variable}}) is checked again by the
// build itself, just before it writes (build_job.cpp): that job fails, nothing is lost.
// Cost: linear; one stat per input and per output.
// Thread-safety: none; use it on one thread before the jobs start.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "batch/build_job.hpp"
#include "core/file_identity.hpp"
#include "core/result.hpp"

namespace leafpress::batch {

// What a file leafpress writes begins with. An output whose name already holds a file that
// does not (`output: out/{{clinic.id}}` with a row `passwd`, and `out` a link to /etc; or
// `--report notes.txt`) is refused: leafpress replaces only what it could have made. An
// empty file holds nothing to lose. (Checked before building: a file put there during the
// run is replaced.)
struct OutputType {
  std::string_view magic;    // the first bytes
  std::string_view name;     // "a PDF"
  std::string_view example;  // a file name for hints
};
inline constexpr OutputType kPdfOutput{"%PDF-", "a PDF", "leaflet.pdf"};
inline constexpr OutputType kReportOutput{"{", "a JSON report", "report.json"};

class InputGuard {
 public:
  // Records one input, `what` describing it ("the manifest batch.yaml").
  void add(const std::string& path, const std::string& what) { inputs_.add(path, what); }

  // Records what `job` reads that is known before building (see the top of this file), once
  // per article (the first job's layout and logo). Returns the article as read for that
  // (null when it cannot be read): give it to the job (Job::document) and the build does not
  // read it again.
  std::shared_ptr<const doc::Document> add_job(const Job& job);

  // The article at `path` as read (doc::load_document), read once however often it is asked
  // for: by add_job, and by a manifest's checks before it (manifest.cpp); null when it
  // cannot be read (its build says why).
  std::shared_ptr<const doc::Document> article(const std::string& path);

  // Lets go of the articles read; the files they name stay recorded. A manifest keeps its
  // guard for the run's other outputs (the report), not its articles.
  void forget_articles() { articles_read_.clear(); }

  // Refuses `output` when it is a recorded input or an existing folder, or, given `kind`,
  // an existing file of another kind (below). `writer` says who would write it ("the PDF
  // of a.md", "the report"); the error names the output file, the input it would replace
  // and the writer.
  [[nodiscard]] Status check_output(const std::string& output, const std::string& writer,
                                    const OutputType* kind = nullptr) const;

 private:
  FileSet inputs_;
  std::unordered_map<std::string, std::shared_ptr<const doc::Document>> articles_read_;
  std::unordered_set<std::string> articles_recorded_;  // add_job's articles
};

}  // namespace leafpress::batch
