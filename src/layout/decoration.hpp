// layout/decoration.hpp: drawings set once, whatever the body size (the cover, the clinic block).
//
// They are set before copy-fit, on a page of the template's geometry (every page
// of a layout has the same one), so the body knows how much room they take:
// `reserved` is the height they take from the flow panel they share.
#pragma once

#include <vector>

#include "layout/page_model.hpp"

namespace leafpress::layout {

struct Decoration {
  std::vector<Fill> fills;
  std::vector<Image> images;
  std::vector<GlyphRun> runs;
  std::vector<Rule> rules;
  Pt reserved = 0;
  // The text block it was aligned with (page x): realign() moves it to the body's final one.
  Pt block_x0 = 0, block_x1 = 0;
  // Its own structure (structure.hpp): element ids in the pieces' tags index this tree until
  // graft() moves it into the PageModel's; next_order numbers the pieces in drawing order.
  StructTree structure{};
  int next_order = 0;
};

inline void draw(Page& page, const Decoration& d) {
  page.fills.insert(page.fills.end(), d.fills.begin(), d.fills.end());
  page.images.insert(page.images.end(), d.images.begin(), d.images.end());
  page.runs.insert(page.runs.end(), d.runs.begin(), d.runs.end());
  page.rules.insert(page.rules.end(), d.rules.begin(), d.rules.end());
}

// Moves what was aligned with the text block [block_x0, block_x1] to [x0, x1] (a CJK body's
// column is a whole number of ems at the size copy-fit chose): runs and left-aligned pictures
// with its left edge, right-aligned pictures with its right edge, rules with both; bands and
// bleeding pictures stay.
inline void realign(Decoration& d, Pt x0, Pt x1) {
  if (d.block_x1 <= d.block_x0) return;
  const Pt dl = x0 - d.block_x0, dr = x1 - d.block_x1;
  for (auto& r : d.runs) r.x += dl;
  for (auto& r : d.rules) r.x0 += dl, r.x1 += dr;
  for (auto& i : d.images) {
    if (i.rect.x0 < d.block_x0 - 0.5 || i.rect.x1 > d.block_x1 + 0.5) continue;
    const Pt dx = i.rect.x1 > d.block_x1 - 0.5 && i.rect.x0 > d.block_x0 + 0.5 ? dr : dl;
    i.rect.x0 += dx, i.rect.x1 += dx;
  }
  d.block_x0 = x0, d.block_x1 = x1;
}

// `raster` scaled to fit inside `box` (aspect kept), centred across, touching the box's top.
inline Image fit_image(std::shared_ptr<const doc::Raster> raster, const Rect& box) {
  const double sx = box.width() / raster->width, sy = box.height() / raster->height;
  const double s = sx < sy ? sx : sy;
  const Pt w = raster->width * s, h = raster->height * s;
  const Pt x0 = box.x0 + (box.width() - w) / 2;
  return Image{Rect{x0, box.y1 - h, x0 + w, box.y1}, std::move(raster), {}};
}

}  // namespace leafpress::layout
