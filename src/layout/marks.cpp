#include "layout/marks.hpp"

namespace leafpress::layout {

constexpr Pt kHairline = 0.25;
// Printer's marks are production aids, not design: /Artifact /Type /Page (ISO 32000-1 14.8.2.2.2).
constexpr Tag kMarkTag{.element = kArtifact, .artifact = ArtifactKind::Page};

void add_crop_marks(Page& page, Pt offset, Pt length) {
  const Rect& t = page.trim;
  auto mark = [&](Pt x0, Pt y0, Pt x1, Pt y1) {
    page.rules.push_back(Rule{x0, y0, x1, y1, kHairline, Cmyk{}, false, RulePurpose::CropMark, kMarkTag});
  };
  for (const Pt x : {t.x0, t.x1}) {
    for (const Pt y : {t.y0, t.y1}) {
      const Pt sx = x == t.x0 ? -1 : 1, sy = y == t.y0 ? -1 : 1;
      mark(x + sx * offset, y, x + sx * (offset + length), y);  // horizontal, on the trim line's extension
      mark(x, y + sy * offset, x, y + sy * (offset + length));  // vertical
    }
  }
}

void add_fold_marks(Page& page, const Side& side, Pt offset, Pt length) {
  const Rect& t = page.trim;
  for (std::size_t i = 1; i < side.panels.size(); ++i) {
    const Pt x = t.x0 + side.panels[i].x;
    page.rules.push_back(Rule{x, t.y1 + offset, x, t.y1 + offset + length, kHairline, Cmyk{}, true,
                              RulePurpose::FoldMark, kMarkTag});
    page.rules.push_back(Rule{x, t.y0 - offset, x, t.y0 - offset - length, kHairline, Cmyk{}, true,
                              RulePurpose::FoldMark, kMarkTag});
  }
}

}  // namespace leafpress::layout
