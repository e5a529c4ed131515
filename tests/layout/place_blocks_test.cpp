// Tests for layout/place_blocks.cpp: the tint of nested quotes stays a tint, however deep.
#include <catch2/catch.hpp>

#include "layout/place_blocks.hpp"
#include "pdf/write.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::layout::Cmyk;
using leafpress::layout::kDarkerQuoteLevels;
using leafpress::layout::quote_tint;
using namespace leafpress::test;

namespace {

double total(const Cmyk& c) {
  return c.c + c.m + c.y + c.k;
}

}  // namespace

TEST_CASE("place_blocks: nested quotes darken for a few levels, then stay", "[layout]") {
  const Cmyk base{0.1, 0.03, 0, 0};
  CHECK(quote_tint(base, 1) == base);
  CHECK(quote_tint(base, 2).c == Approx(0.15));
  CHECK(quote_tint(base, 3).c == Approx(0.225));
  CHECK(quote_tint(base, kDarkerQuoteLevels + 1) == quote_tint(base, kDarkerQuoteLevels));
  CHECK(quote_tint(base, 32) == quote_tint(base, kDarkerQuoteLevels));  // was 0.1 × 1.5^31 = 28 000 %
  // A dark tint never goes past 100 % in an ink, nor past its own total (or 100 %).
  const Cmyk dark{0.6, 0.6, 0.6, 0.2};
  for (int depth = 1; depth <= 40; ++depth) {
    const Cmyk t = quote_tint(dark, depth);
    for (const double v : {t.c, t.m, t.y, t.k}) CHECK(v <= 1.0);
    CHECK(total(t) <= total(dark) + 1e-9);
  }
  CHECK(total(quote_tint(Cmyk{0.3, 0.3, 0, 0}, 5)) <= 1.0 + 1e-9);
}

TEST_CASE("place_blocks: quotes nested 32 deep print within the ink limit", "[layout]") {
  std::string text = "# Deep\n\n";
  for (int depth = 1; depth <= 32; ++depth)
    text += std::string(static_cast<std::size_t>(depth), '>') + " Level.\n\n";
  const auto m = lay_out_text(text, shipped_layout("trifold-a4"));
  REQUIRE(m.has_value());
  for (const auto& page : m->pages)
    for (const auto& f : page.fills) {
      for (const double v : {f.color.c, f.color.m, f.color.y, f.color.k}) CHECK(v <= 1.0);
      CHECK(total(f.color) <= 3.3);
    }
  leafpress::pdf::WriteOptions options;
  options.epoch = 0;
  CHECK(leafpress::pdf::write_pdf(*m, options).has_value());  // print: preflight passes
}
