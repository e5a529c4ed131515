// Tests for batch/shard.cpp: K/N parsing, and shards that split any job list into
// disjoint parts that together hold every job.
#include <catch2/catch.hpp>

#include <string>

#include "batch/shard.hpp"

using leafpress::batch::parse_shard;

TEST_CASE("shard: K/N with 1 <= K <= N", "[batch]") {
  auto s = parse_shard("2/8");
  REQUIRE(s);
  CHECK(s->index == 2);
  CHECK(s->count == 8);
  CHECK(s->text() == "2/8");
  for (const char* bad : {"", "2", "0/4", "5/4", "2/0", "a/4", "2/4x", "-1/4", "2//4"})
    CHECK_FALSE(parse_shard(bad));
}

TEST_CASE("shard: every job is in exactly one shard, the same one each time", "[batch]") {
  constexpr unsigned kShards = 5;
  std::vector<int> per_shard(kShards, 0);
  for (int i = 0; i < 1000; ++i) {
    const std::string key = "out/clinic-" + std::to_string(i) + ".pdf";
    int owners = 0;
    for (unsigned k = 1; k <= kShards; ++k)
      if (leafpress::batch::Shard{k, kShards}.takes(key)) {
        ++owners;
        ++per_shard[k - 1];
      }
    CHECK(owners == 1);
  }
  for (const int n : per_shard) CHECK(n > 150);  // roughly even: 200 each
  CHECK(leafpress::batch::Shard{}.takes("anything"));
}
