#include "batch/fingerprint.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "doc/document.hpp"

namespace leafpress::batch {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "leafpress-fingerprint 1";
constexpr std::size_t kMaxLayoutBytes = 1u << 20;

// Size and modification time (ns) of a file: "size mtime", empty when missing.
std::string stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  const long long ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return std::to_string(static_cast<long long>(st.st_size)) + " " + std::to_string(ns);
}

// Layouts are small and edited by hand within one second: hash their bytes.
std::string content_hash(const std::string& path) {
  auto bytes = read_file(path, kMaxLayoutBytes);
  if (!bytes) return {};
  Hash128 h;
  h.add(*bytes);
  return h.hex();
}

bool is_layout(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".yaml") == 0;
}

}  // namespace

void Hash128::add(std::string_view bytes) {
  // The 128-bit FNV prime: 2^88 + 2^8 + 0x3b.
  const unsigned __int128 prime = (static_cast<unsigned __int128>(1) << 88) | 0x13b;
  for (const char c : bytes) {
    h_ ^= static_cast<unsigned char>(c);
    h_ *= prime;
  }
}

void Hash128::add_field(std::string_view bytes) {
  add(std::to_string(bytes.size()) + ":");
  add(bytes);
}

std::string Hash128::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h_ >> 64),
                static_cast<unsigned long long>(h_));
  return buf;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// The program that builds, by size and modification time: a new build of leafpress (the same
// version string, a changed engine) must not call the old PDFs up to date, or `make demo`
// after an update keeps last week's leaflets. Read once per process.
const std::string& program_stamp() {
  static const std::string s = stamp("/proc/self/exe");
  return s;
}

std::string inputs_hash(const Job& job) {
  auto article = read_file(job.article, doc::kMaxArticleBytes);
  if (!article) return {};
  Hash128 h;
  h.add_field(LEAFPRESS_VERSION);
  h.add_field(program_stamp());
  h.add_field(*article);
  h.add_field(job.layout);
  h.add_field(std::to_string(job.sets.size()));
  for (const auto& s : job.sets) h.add_field(s);
  h.add_field(pdf::standard_name(job.standard));
  h.add_field(job.proof ? "proof" : "");
  h.add_field(job.impose ? "impose" : "");
  if (job.marks) h.add_field(*job.marks ? "marks" : "no marks");  // unset: as before (the standard decides)
  h.add_field(job.fill_variables ? "merge" : "");
  for (const auto& [k, v] : job.variables) {
    h.add_field(k);
    h.add_field(v);
  }
  return h.hex();
}

std::string sidecar_path(const std::string& output) {
  const fs::path p(output);
  return (p.parent_path() / ("." + p.filename().string() + ".leafpress")).string();
}

std::optional<Record> up_to_date(const Job& job, const std::string& inputs) {
  if (inputs.empty() || output_kind(job.output) == OutputKind::Stream) return std::nullopt;
  std::ifstream in(sidecar_path(job.output));
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kMagic) return std::nullopt;
  Record record;
  bool output_seen = false;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    std::string rest;
    std::getline(fields >> std::ws, rest);
    if (key == "inputs") {
      record.inputs = rest;
      if (rest != inputs) return std::nullopt;
    } else if (key == "pages") {
      record.pages = std::atoi(rest.c_str());
    } else if (key == "body") {
      record.body_size = std::atof(rest.c_str());
    } else if (key == "output") {  // "size mtime"
      if (rest != stamp(job.output)) return std::nullopt;
      output_seen = true;
    } else if (key == "file" || key == "layout") {  // "<stamp or hash>\t<path>"
      const auto tab = rest.find('\t');
      if (tab == std::string::npos) return std::nullopt;
      const std::string path = rest.substr(tab + 1);
      const std::string now = key == "layout" ? content_hash(path) : stamp(path);
      if (now.empty() || now != rest.substr(0, tab)) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (record.inputs != inputs || !output_seen) return std::nullopt;
  return record;
}

Status write_record(const Job& job, const std::string& inputs, const Outcome& outcome) {
  // A PDF written through to a device or pipe has no folder to keep a sidecar in.
  if (output_kind(job.output) == OutputKind::Stream) return Ok{};
  std::string text(kMagic);
  text += "\ninputs " + inputs + "\n";
  text += "pages " + std::to_string(outcome.pages) + "\n";
  char body[32];
  std::snprintf(body, sizeof body, "%.6g", outcome.body_size);
  text += "body " + std::string(body) + "\n";
  for (const auto& file : outcome.inputs) {
    const std::string now = is_layout(file) ? content_hash(file) : stamp(file);
    if (now.empty()) return Error{file, 0, "cannot read it back for the fingerprint", ""};
    text += (is_layout(file) ? "layout " : "file ") + now + "\t" + file + "\n";
  }
  const std::string out = stamp(job.output);
  if (out.empty()) return Error{job.output, 0, "the PDF is gone after writing it", ""};
  text += "output " + out + "\n";
  // Through the one safe write path (random exclusive temporary, no link followed, rename);
  // no fsync: a sidecar lost in a crash only means one rebuild.
  return write_file_atomically(sidecar_path(job.output), text, Sync::No);
}

}  // namespace leafpress::batch
