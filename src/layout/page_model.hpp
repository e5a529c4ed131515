// layout/page_model.hpp: finished pages, as plain data.
//
// The hand-off between layout and pdf. Everything is placed: no stage after
// this one measures or breaks anything. Coordinates are PDF points with the
// origin at the bottom-left corner of the MediaBox; y grows upward.
// Glyph runs refer to text::Face objects owned by the FontSet, which must
// outlive the PageModel; nothing here holds a libharu or HarfBuzz handle.
// Invariant: on every page MediaBox ⊇ bleed ⊇ trim.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "doc/image.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

struct Rect {
  Pt x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] Pt width() const { return x1 - x0; }
  [[nodiscard]] Pt height() const { return y1 - y0; }
  bool operator==(const Rect&) const = default;
};

struct Cmyk {  // 0..1 each; text is 0/0/0/1 (100 % K)
  double c = 0, m = 0, y = 0, k = 1;
  bool operator==(const Cmyk&) const = default;
};

struct GlyphRun {   // one line (or part of one) in one size and colour
  Pt x = 0, y = 0;  // baseline origin; glyph x values are relative to it
  Pt size = 10;
  Cmyk color;
  std::vector<text::PlacedGlyph> glyphs;
};

enum class RulePurpose { Decoration, CropMark, FoldMark, Guide };  // Guide: --proof only

struct Rule {
  Pt x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  Pt width = 0.25;
  Cmyk color;
  bool dashed = false;
  RulePurpose purpose = RulePurpose::Decoration;
};

struct Fill {  // a filled rectangle: tints, bands that bleed
  Rect rect;
  Cmyk color;
};

struct Dot {  // a filled circle: CJK emphasis marks
  Pt x = 0, y = 0, radius = 0;
  Cmyk color;
};

struct Image {  // a picture scaled into `rect` (cover image, figure, logo)
  Rect rect;
  std::shared_ptr<const doc::Raster> raster;  // decoded pixels, shared by every place it is drawn
};

struct Page {
  Pt width = 0, height = 0;  // the MediaBox: trim, bleed and room for marks
  Rect trim, bleed;
  std::vector<Fill> fills;  // drawn first
  std::vector<Image> images;
  std::vector<GlyphRun> runs;
  std::vector<Dot> dots;
  std::vector<Rule> rules;  // drawn last (marks on top)
};

struct Outline {  // a bookmark: a section heading and where it starts
  std::string title;
  int page = 0;  // 0-based
  Pt y = 0;
  Pt x = 0;  // the view's left edge: on an imposed sheet, where the page's half starts
};

struct PageModel {
  std::vector<Page> pages;
  std::string title, subtitle, author, lang, subject;
  std::vector<std::string> keywords;
  std::vector<Outline> outline;
  std::vector<std::string> warnings;  // for the user: missing glyphs, overfull lines
  Pt body_size = 0;                   // the body size the pages were set in
  bool proof = false;                 // guides drawn over the pages: not for print
};

}  // namespace leafpress::layout
