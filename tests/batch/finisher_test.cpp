// Tests for batch/finisher.cpp: every submitted job is finished once.
#include <catch2/catch.hpp>

#include <atomic>

#include "batch/finisher.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using namespace leafpress::batch;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;

TEST_CASE("finisher: every submitted index is finished exactly once before close returns", "[batch]") {
  std::vector<std::atomic<int>> seen(500);
  {
    Finisher f(4, [&](std::size_t i) { ++seen[i]; });
    for (std::size_t i = 0; i < seen.size(); ++i) f.submit(i);
    f.close();
    for (const auto& s : seen) CHECK(s.load() == 1);
  }
}
