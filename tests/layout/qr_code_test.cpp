// Tests for layout/qr_code.cpp: libqrencode's symbol, the quiet zone, the size, and the
// merged rectangles that draw exactly the dark modules.
#include <catch2/catch.hpp>

#include "layout/qr_code.hpp"
#include "tests/layout/table_fixtures.hpp"

using namespace leafpress::layout;
using leafpress::mm;
using leafpress::Pt;

TEST_CASE("qr_code: a URL at error correction M, with a 4-module quiet zone, at least 15 mm",
          "[layout][qr]") {
  auto qr = encode_qr("https://riverside.example/book");
  REQUIRE(qr);
  // 30 bytes in 8-bit mode at level M need version 3: 29 modules (ISO/IEC 18004 Table 7).
  CHECK(qr->modules == 29);
  const Pt w = qr_width(*qr, mm(80));
  CHECK(w >= mm(15));
  CHECK(w == Approx((29 + 8) * kQrModule));
  CHECK(qr_width(*qr, mm(10)) == Approx(mm(15)));  // never below 15 mm

  const Pt x = 100, top = 300;
  const auto fills = qr_fills(*qr, x, top, w);
  REQUIRE(fills.size() > 2);
  CHECK(fills[0].rect == Rect{x, top - w, x + w, top});  // the white square under it
  CHECK(fills[0].color == kQrLight);
  const Pt m = w / (29 + 8);
  // The dark rectangles cover exactly the dark modules, none in the quiet zone.
  std::vector<int> covered(29 * 29, 0);
  for (std::size_t i = 1; i < fills.size(); ++i) {
    const Rect& r = fills[i].rect;
    CHECK(fills[i].color == kQrDark);
    CHECK(r.x0 >= x + 4 * m - 1e-6);
    CHECK(r.x1 <= x + w - 4 * m + 1e-6);
    CHECK(r.y1 <= top - 4 * m + 1e-6);
    CHECK(r.y0 >= top - w + 4 * m - 1e-6);
    for (int row = 0; row < 29; ++row)
      for (int col = 0; col < 29; ++col) {
        const Pt cx = x + (4 + col + 0.5) * m, cy = top - (4 + row + 0.5) * m;
        if (cx > r.x0 && cx < r.x1 && cy > r.y0 && cy < r.y1) ++covered[row * 29 + col];
      }
  }
  int dark = 0;
  for (int row = 0; row < 29; ++row)
    for (int col = 0; col < 29; ++col) {
      CHECK(covered[row * 29 + col] == (qr->at(col, row) ? 1 : 0));
      dark += qr->at(col, row);
    }
  CHECK(fills.size() - 1 < static_cast<std::size_t>(dark) / 2);  // runs merged: far fewer than modules
}

TEST_CASE("qr_code: a qr: picture in the text and the clinic's url on the back panel", "[layout][qr]") {
  using namespace leafpress::test;
  leafpress::doc::Block qr;
  qr.kind = leafpress::doc::BlockKind::Image;
  qr.qr = "https://riverside.example/book";
  qr.spans = {span("Book online")};
  qr.line = 7;
  auto d = document_with({qr}, "An intro.",
                         "---\nclinic:\n  name: Riverside Clinic\n  url: https://riverside.example\n---\n");
  const auto m = laid_out(d);
  std::size_t dark = 0;
  for (const auto& page : m.pages)
    for (const auto& f : page.fills)
      if (f.color == kQrDark) ++dark;
  CHECK(dark > 40);
  const auto [page, caption] = find_run(m, "Book online");
  CHECK(caption);
  // The back panel's QR code: page 0 holds the back; turned off by back.qr: false.
  auto count_dark = [](const leafpress::layout::Page& p) {
    std::size_t n = 0;
    for (const auto& f : p.fills) n += f.color == kQrDark;
    return n;
  };
  CHECK(count_dark(m.pages[0]) > 20);
  auto t = shipped_layout("trifold-a4");
  REQUIRE(set_template_key(t, "back.qr=false"));
  auto off = leafpress::layout::lay_out(d, t, project_fonts());
  REQUIRE(off);
  CHECK(count_dark(off->pages[0]) == 0);
}

TEST_CASE("qr_code: text too long for any QR code is an error", "[layout][qr]") {
  CHECK_FALSE(encode_qr(std::string(4000, 'a')));
  CHECK_FALSE(encode_qr(""));
}
