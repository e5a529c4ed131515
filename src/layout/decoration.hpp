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

// `raster` scaled to fit inside `box` (aspect kept), centred across, touching the box's top.
inline Image fit_image(std::shared_ptr<const doc::Raster> raster, const Rect& box) {
  const double sx = box.width() / raster->width, sy = box.height() / raster->height;
  const double s = sx < sy ? sx : sy;
  const Pt w = raster->width * s, h = raster->height * s;
  const Pt x0 = box.x0 + (box.width() - w) / 2;
  return Image{Rect{x0, box.y1 - h, x0 + w, box.y1}, std::move(raster), {}};
}

}  // namespace leafpress::layout
