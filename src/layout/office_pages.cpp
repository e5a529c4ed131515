#include "layout/office_pages.hpp"

#include <algorithm>

namespace leafpress::layout {
namespace {

void shift(Rect& r, Pt dx, Pt dy) {
  r.x0 += dx;
  r.x1 += dx;
  r.y0 += dy;
  r.y1 += dy;
}

}  // namespace

void cut_to_trim(PageModel& model) {
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    Page& page = model.pages[i];
    const Pt dx = -page.trim.x0, dy = -page.trim.y0;
    std::erase_if(page.rules, [](const Rule& r) {
      return r.purpose == RulePurpose::CropMark || r.purpose == RulePurpose::FoldMark;
    });
    for (auto& f : page.fills) shift(f.rect, dx, dy);
    for (auto& im : page.images) shift(im.rect, dx, dy);
    for (auto& run : page.runs) {
      run.x += dx;
      run.y += dy;
    }
    for (auto& d : page.dots) {
      d.x += dx;
      d.y += dy;
    }
    for (auto& r : page.rules) {
      r.x0 += dx;
      r.x1 += dx;
      r.y0 += dy;
      r.y1 += dy;
    }
    for (auto& l : page.links) shift(l.rect, dx, dy);
    for (auto& o : model.outline)
      if (o.page == static_cast<int>(i)) {
        o.x += dx;
        o.y += dy;
      }
    page.width = page.trim.width();
    page.height = page.trim.height();
    page.trim = Rect{0, 0, page.width, page.height};
    page.bleed = page.trim;
  }
}

}  // namespace leafpress::layout
