// batch/fingerprint.hpp: skip a job whose output is already up to date.
//
// A job's fingerprint has two parts:
//   inputs  a 128-bit FNV-1a hash of what is known before building: the article's
//           bytes, the row's values, the layout name, --set keys, standard, proof,
//           imposition, LEAFPRESS_VERSION and the running program's size and
//           modification time (a rebuilt leafpress rebuilds its PDFs; not paths: a
//           manifest run from another folder is still up to date);
//   files   what the last build read besides the article, found while building:
//           the layout file (its bytes hashed) and every font file (path, size,
//           modification time: re-reading 20 MB of CJK fonts would cost more
//           than the build), and the PDF itself (size, modification time), so an
//           edited or replaced output is rebuilt.
// Where:    a small text sidecar next to the PDF, `.NAME.pdf.leafpress` (hidden, written
//           like every file through core/atomic_file.hpp;
//           one per output, so shards on shared storage never write the same file),
//           read without opening the PDF. It also keeps the page count and body
//           size, so the report of a skipped job agrees with the built one.
// A job is up to date when its sidecar exists, names the same inputs hash, and
// every file in it is unchanged. Anything unreadable counts as "not up to date".
// Thread-safety: reentrant; each job touches only its own sidecar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/build_job.hpp"

namespace leafpress::batch {

// FNV-1a over 128 bits (the offset basis and prime of the FNV specification).
class Hash128 {
 public:
  void add(std::string_view bytes);
  void add_field(std::string_view bytes);  // length-prefixed, so fields cannot run together
  [[nodiscard]] std::string hex() const;

 private:
  unsigned __int128 h_ =
      (static_cast<unsigned __int128>(0x6c62272e07bb0142ull) << 64) | 0x62b821756295c58dull;
};

// FNV-1a over 64 bits, for shards (shard.hpp).
std::uint64_t fnv1a64(std::string_view bytes);

// The inputs hash; empty when the article cannot be read (the build will say why).
std::string inputs_hash(const Job& job);

struct Record {
  std::string inputs;
  int pages = 0;
  double body_size = 0;
};

std::string sidecar_path(const std::string& output);

// The record of the last build when the output is up to date, else nothing.
std::optional<Record> up_to_date(const Job& job, const std::string& inputs);

// Writes the sidecar after a successful build (temporary file + rename).
Status write_record(const Job& job, const std::string& inputs, const Outcome& outcome);

}  // namespace leafpress::batch
