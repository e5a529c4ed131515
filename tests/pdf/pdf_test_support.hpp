// tests/pdf/pdf_test_support.hpp: a small page model and a readable view of a written PDF,
// shared by the tests of the standards (paint, images, outline, preflight).
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/units.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"
#include "tests/support/test_support.hpp"

namespace leafpress::test {

// One A4 landscape sheet with bleed, a crop mark, a fold mark, a blue band, a K rule and a K dot.
inline layout::PageModel marked_sheet() {
  layout::Page p;
  const Pt room = mm(13);
  p.width = mm(297) + 2 * room;
  p.height = mm(210) + 2 * room;
  p.trim = layout::Rect{room, room, room + mm(297), room + mm(210)};
  p.bleed = layout::Rect{room - mm(3), room - mm(3), room + mm(300), room + mm(213)};
  p.fills.push_back({layout::Rect{p.bleed.x0, p.trim.y1 - mm(16), p.trim.x1, p.bleed.y1}, {1, 0.45, 0, 0.1}});
  auto rule = [](Pt x0, Pt y0, Pt x1, Pt y1, layout::RulePurpose purpose) {
    layout::Rule r;
    r.x0 = x0, r.y0 = y0, r.x1 = x1, r.y1 = y1;
    r.purpose = purpose;
    r.dashed = purpose == layout::RulePurpose::FoldMark;
    return r;
  };
  const auto crop =
      rule(p.trim.x0 - mm(4), p.trim.y0, p.trim.x0 - mm(10), p.trim.y0, layout::RulePurpose::CropMark);
  const auto fold = rule(p.trim.x0 + mm(97), p.trim.y1 + mm(4), p.trim.x0 + mm(97), p.trim.y1 + mm(10),
                         layout::RulePurpose::FoldMark);
  // 100 % K decoration
  const auto line =
      rule(p.trim.x0 + mm(20), mm(100), p.trim.x0 + mm(80), mm(100), layout::RulePurpose::Decoration);
  p.rules = {crop, fold, line};
  p.dots.push_back({mm(50), mm(50), 1, {}});
  layout::PageModel m;
  m.pages.push_back(p);
  m.title = "Marks";
  m.author = "Demo Clinic";
  m.lang = "en";
  m.outline = {{"First section", 0, mm(180)}, {"第二节", 0, mm(120)}};
  return m;
}

// A Raster of one colour.
inline std::shared_ptr<const doc::Raster> solid(doc::ColorSpace space, std::vector<std::uint8_t> pixel,
                                                int width = 4, int height = 3) {
  auto r = std::make_shared<doc::Raster>();
  r->space = space;
  r->width = width;
  r->height = height;
  r->source = "picture.png";
  for (int i = 0; i < width * height; ++i) r->pixels.insert(r->pixels.end(), pixel.begin(), pixel.end());
  return r;
}

inline pdf::WriteOptions options(pdf::Standard standard) {
  pdf::WriteOptions o;
  o.standard = standard;
  o.epoch = 1700000000;
  return o;
}

// The PDF written to `dir`; the test stops when it cannot be written.
inline std::string write_to(const layout::PageModel& m, pdf::Standard standard, const TempDir& dir,
                            const std::string& name = "out.pdf") {
  const auto path = (dir.path / name).string();
  const auto s = pdf::write_pdf_file(m, path, options(standard));
  if (!s) FAIL(s.error().describe());
  return path;
}

// The file as qpdf shows it in QDF form: every stream decoded, one object after another.
inline std::string qdf(const std::string& pdf) {
  const auto r = run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " -");
  REQUIRE(r.status == 0);
  return r.output;
}

}  // namespace leafpress::test
