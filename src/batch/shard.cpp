#include "batch/shard.hpp"

#include <charconv>

#include "batch/fingerprint.hpp"

namespace leafpress::batch {

bool Shard::takes(std::string_view key) const {
  return count <= 1 || fnv1a64(key) % count == index - 1;
}

Result<Shard> parse_shard(std::string_view text) {
  const Error bad{"--shard", 0, "must be K/N with 1 <= K <= N, not \"" + std::string(text) + "\"",
                  "e.g. --shard 2/8 for the second of eight machines"};
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return bad;
  Shard s;
  const auto k = std::from_chars(text.data(), text.data() + slash, s.index);
  const auto n = std::from_chars(text.data() + slash + 1, text.data() + text.size(), s.count);
  if (k.ec != std::errc{} || k.ptr != text.data() + slash || n.ec != std::errc{} ||
      n.ptr != text.data() + text.size() || s.count == 0 || s.index == 0 || s.index > s.count)
    return bad;
  return s;
}

}  // namespace leafpress::batch
