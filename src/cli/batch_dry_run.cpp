// cli/batch_dry_run.cpp: `leafpress batch MANIFEST.yaml --dry-run`: what would be built, with
// which values, and nothing written.
//
// One paragraph per PDF, in manifest order: the output, the article and where its values come
// from, whether it is up to date, then the values it would use, after the per-language choice
// for the article's `lang:` (batch/merge_rules.hpp), and any warning the merge would give.
// A row that would fail says why. Fonts are not loaded: it takes milliseconds.
#include <iostream>
#include <optional>
#include <string>

#include "batch/fingerprint.hpp"
#include "batch/merge_rules.hpp"
#include "batch/shard.hpp"
#include "cli/commands.hpp"
#include "doc/document.hpp"

namespace leafpress::cli {

void print_dry_run(const batch::Manifest& manifest, const batch::Shard& shard, bool force) {
  std::size_t failing = 0, current = 0, listed = 0;
  // An article's rows come one after another: it is read once for them, not once a row.
  std::string read_path;
  std::optional<doc::Document> document;
  auto cursor = manifest.plan();
  for (auto p = cursor.next(); p; p = cursor.next()) {
    if (!shard.takes(p->shard_key)) continue;
    ++listed;
    const batch::Job& job = p->job;
    std::cout << job.output << "\n    from " << job.article;
    if (!job.row.empty()) std::cout << " with " << job.row;
    if (!job.layout.empty()) std::cout << ", layout " << job.layout;
    std::cout << ", " << pdf::standard_name(job.standard);
    if (p->problem) {
      ++failing;
      std::cout << "\n    would fail: " << p->problem->describe() << "\n";
      continue;
    }
    if (!force && batch::up_to_date(job, batch::inputs_hash(job))) {
      ++current;
      std::cout << " (up to date)";
    }
    std::cout << "\n";
    if (job.article != read_path) {
      read_path = job.article;
      auto d = doc::load_document(job.article);
      document = d ? std::optional(std::move(d).value()) : std::nullopt;
    }
    batch::Variables values = job.variables;
    if (document) {
      values = batch::for_language(job.variables, document->meta.lang);
      for (const auto& w : batch::override_warnings(*document, values, job.row))
        std::cout << "    warning: " << w << "\n";
    }
    for (const auto& [key, value] : values) std::cout << "    " << key << " = " << value << "\n";
  }
  std::cout << listed << " PDFs would be built or checked (" << current << " up to date, " << failing
            << " would fail); nothing was written\n";
}

}  // namespace leafpress::cli
