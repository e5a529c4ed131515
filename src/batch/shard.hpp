// batch/shard.hpp: --shard K/N, a deterministic K-th share of a manifest's jobs.
//
// So that N machines (a Kubernetes Indexed Job, a Slurm job array) can each build
// a part of one manifest with no coordinator: a job belongs to shard
// 1 + fnv1a64(output) mod N, where `output` is the output path as the manifest
// writes it (relative to the manifest's folder, so the same on every machine).
// Keyed by output rather than by position, a job stays on its shard when rows are
// added or removed elsewhere, and every shard skips what it built last time.
// K counts from 1 (1/4 .. 4/4); a Kubernetes JOB_COMPLETION_INDEX counts from 0.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace leafpress::batch {

struct Shard {
  unsigned index = 1;  // K, 1-based
  unsigned count = 1;  // N

  [[nodiscard]] bool takes(std::string_view key) const;
  [[nodiscard]] std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Parses "K/N" with 1 <= K <= N.
Result<Shard> parse_shard(std::string_view text);

}  // namespace leafpress::batch
