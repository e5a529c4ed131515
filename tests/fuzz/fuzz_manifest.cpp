// tests/fuzz/fuzz_manifest.cpp: batch manifest YAML + CSV data → the planned jobs.
//
// Input: the manifest's YAML, then optionally a line `--- data.csv ---` and the bytes
// of the CSV file the manifest may name as `data: data.csv`. The CSV is written to a
// private folder (the manifest reads its data from disk) and also parsed alone.
// Promises checked (batch/manifest.hpp, batch/data_rows.hpp, core/yaml_limits.hpp):
// parse_manifest and parse_csv never crash, throw or hang, whatever aliases or
// columns the input holds; an accepted manifest plans jobs whose output names a file
// (no empty name, no control byte, no "." or ".." as the last part) and whose
// variable names stay short; an accepted CSV has as many values per good row as columns.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "batch/data_rows.hpp"
#include "batch/manifest.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

// The private folder lives as long as the process and is removed with it: a replay under
// ctest runs one process per corpus, and each used to leave its folder in /tmp.
class PrivateFolder {
 public:
  PrivateFolder()
      : dir_(fs::temp_directory_path() / ("leafpress-fuzz-manifest-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~PrivateFolder() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

const fs::path& folder() {
  static const PrivateFolder dir;
  return dir.path();
}

void check_csv(std::string_view csv) {
  const auto table = batch::parse_csv(csv, "data.csv");
  if (!table) {
    fuzz::note(table.error());
    fuzz::fuzz_check(!table.error().message.empty(), "a CSV Error without a message");
    return;
  }
  fuzz::fuzz_check(!table->columns.empty(), "a CSV without columns");
  for (const auto& row : table->rows) {
    fuzz::fuzz_check(!row.origin.empty(), "a row without its line");
    if (!row.problem)
      fuzz::fuzz_check(row.values.size() == table->columns.size(), "a good row short of values");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  constexpr std::string_view kSeparator = "\n--- data.csv ---\n";
  const std::size_t cut = input.find(kSeparator);
  const std::string_view yaml = input.substr(0, cut);
  const std::string_view csv =
      cut == std::string_view::npos ? std::string_view{} : input.substr(cut + kSeparator.size());
  {
    std::ofstream out(folder() / "data.csv", std::ios::binary | std::ios::trunc);
    out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
  }
  check_csv(csv);
  const auto m = batch::parse_manifest(std::string(yaml), (folder() / "m.yaml").string());
  if (!m) {
    fuzz::note(m.error());
    fuzz::fuzz_check(!m.error().message.empty(), "a manifest Error without a message");
    return 0;
  }
  for (const auto& p : m->all_jobs()) {
    if (p.problem) continue;
    const std::string name = fs::path(p.job.output).filename().string();
    fuzz::fuzz_check(!name.empty() && name != "." && name != "..", "an output that names no file");
    for (const auto& [key, value] : p.job.variables)
      fuzz::fuzz_check(key.size() <= 256, "a variable name past the limit");
  }
  return 0;
}
