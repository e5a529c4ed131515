#include "render/folded_view.hpp"

#include <algorithm>
#include <cmath>

namespace leafpress::render {
namespace {

constexpr Rgb8 kGround{0xd8, 0xd8, 0xd8};
constexpr double kGapInches = 0.12;  // between panels, and around them

}  // namespace

Picture folded_view(const std::vector<RenderedPage>& pages, const std::vector<PanelCut>& panels) {
  std::vector<PixelBox> cuts;
  std::vector<int> from;
  for (const PanelCut& p : panels) {
    if (p.page < 0 || p.page >= static_cast<int>(pages.size())) continue;
    const RenderedPage& page = pages[static_cast<std::size_t>(p.page)];
    PixelBox box = page.trim;
    box.x0 = page.trim.x0 + static_cast<int>(std::lround(p.x * page.scale));
    box.x1 = std::min(page.trim.x1, box.x0 + static_cast<int>(std::lround(p.width * page.scale)));
    if (box.x1 <= box.x0 || box.y1 <= box.y0) continue;
    cuts.push_back(box);
    from.push_back(p.page);
  }
  if (cuts.empty() || pages.empty()) return Picture::blank(1, 1, kGround);
  const int gap = std::max(2, static_cast<int>(std::lround(kGapInches * 72 * pages.front().scale)));
  int width = gap, height = 0;
  for (const PixelBox& b : cuts) {
    width += b.x1 - b.x0 + gap;
    height = std::max(height, b.y1 - b.y0);
  }
  Picture out = Picture::blank(width, height + 2 * gap, kGround);
  int x = gap;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const PixelBox& b = cuts[i];
    const Picture& src = pages[static_cast<std::size_t>(from[i])].picture;
    for (int y = b.y0; y < b.y1; ++y)
      for (int sx = b.x0; sx < b.x1; ++sx) out.set(x + sx - b.x0, gap + y - b.y0, src.at(sx, y));
    x += b.x1 - b.x0 + gap;
  }
  return out;
}

}  // namespace leafpress::render
