// tests/layout/layout_fixtures.hpp: what the layout tests share: the shipped
// layouts, articles laid out with the real fonts, and small readers of a PageModel.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "doc/document.hpp"
#include "layout/layout.hpp"
#include "layout/template.hpp"
#include "tests/support/test_support.hpp"

namespace leafpress::test {

inline layout::Template shipped_layout(const std::string& name) {
  auto r = layout::load_template(std::string(LEAFPRESS_SOURCE_DIR) + "/layouts/" + name + ".yaml");
  if (!r) FAIL(r.error().describe());
  return *r;
}

// The shipped A4 tri-fold, loaded once per process (most layout tests lay out on it).
inline const layout::Template& trifold_a4() {
  static const layout::Template t = shipped_layout("trifold-a4");
  return t;
}

// `text` as the file `path` (pictures are looked up beside it), laid out on `t`.
inline Result<layout::PageModel> lay_out_text(const std::string& text, const layout::Template& t,
                                              const std::string& path = "article.md",
                                              const layout::LayoutOptions& options = {}) {
  auto d = doc::parse_document(text, path);
  if (!d) return d.error();
  return layout::lay_out(*d, t, project_fonts(), options);
}

inline std::string run_text(const layout::GlyphRun& run) {
  std::string s;
  for (const auto& g : run.glyphs) s += g.text;
  return s;
}

// The first run whose text contains `needle`, with its page; page -1 when none.
inline std::pair<int, const layout::GlyphRun*> find_run(const layout::PageModel& m,
                                                        const std::string& needle) {
  for (std::size_t p = 0; p < m.pages.size(); ++p)
    for (const auto& r : m.pages[p].runs)
      if (run_text(r).find(needle) != std::string::npos) return {static_cast<int>(p), &r};
  return {-1, nullptr};
}

// A 4 × 2 pixel RGB PNG.
inline std::string tiny_png() {
  static const unsigned char bytes[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0,
      0xca, 0xea, 0x34, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x38,
      0x91, 0x62, 0x04, 0x47, 0x0c, 0xc8, 0x1c, 0x00, 0x92, 0xfa, 0x0a, 0xf1, 0x4b, 0x4e, 0x88,
      0xc0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

}  // namespace leafpress::test
