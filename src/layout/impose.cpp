// layout/impose.cpp: see impose.hpp.
//
// Saddle stitching: the sheets are stacked, folded once down the middle and
// stitched through the fold, so the outermost sheet carries the first and last
// pages. Sheet s (0-based) of a P-page booklet shows, on its front, pages
// P-1-2s | 2s and, on its back, 2s+1 | P-2-2s (0-based, left | right as the
// side lies face up on the press).
//
// Each reader page keeps its geometry relative to its trim: its content is
// shifted so its trim lands on its half of the sheet's trim. At the spine the
// two pages meet trim to trim: what a page has in its bleed on that side would
// print on its neighbour, so fills are cut at the spine and images cropped
// there (pixel columns dropped, the rest unscaled). Text, dots and rules are
// never clipped: nothing of the job is set in a page's bleed (a proof's guides
// are cut at the spine, like fills). The reader pages' own crop and fold marks
// are dropped and new ones drawn for the sheet.
#include "layout/impose.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/marks.hpp"

namespace leafpress::layout {
namespace {

constexpr Pt kMediaRoom = mm(3);  // beyond the marks, as for the reader pages
constexpr Pt kSizeTolerance = 0.01;

struct Half {
  Pt dx = 0, dy = 0;
  Pt spine = 0;       // the sheet's fold, in sheet coordinates
  bool left = false;  // the page lies left of the spine
};

Rect moved(Rect r, const Half& at) {
  return Rect{r.x0 + at.dx, r.y0 + at.dy, r.x1 + at.dx, r.y1 + at.dy};
}

// The part of `image` on its own page's side of the spine; nullopt when nothing is left.
std::optional<Image> crop_at_spine(Image image, const Half& at) {
  const Rect r = image.rect;
  const bool crosses = at.left ? r.x1 > at.spine : r.x0 < at.spine;
  if (!crosses || !image.raster || image.raster->width <= 0 || r.width() <= 0) return image;
  const doc::Raster& src = *image.raster;
  const double px_per_pt = src.width / r.width();
  // Whole pixel columns only, rounded so the kept picture never crosses the spine.
  int first = 0, last = src.width;  // columns kept: [first, last)
  if (at.left)
    last = static_cast<int>(std::floor((at.spine - r.x0) * px_per_pt));
  else
    first = static_cast<int>(std::ceil((at.spine - r.x0) * px_per_pt));
  first = std::clamp(first, 0, src.width);
  last = std::clamp(last, first, src.width);
  if (last <= first) return std::nullopt;
  if (first == 0 && last == src.width) return image;

  auto cropped = std::make_shared<doc::Raster>();
  cropped->width = last - first;
  cropped->height = src.height;
  cropped->space = src.space;
  cropped->source = src.source;
  const auto n = static_cast<std::size_t>(src.components());
  cropped->pixels.reserve(static_cast<std::size_t>(cropped->width) * static_cast<std::size_t>(src.height) *
                          n);
  for (int row = 0; row < src.height; ++row) {
    const auto begin =
        src.pixels.begin() +
        static_cast<std::ptrdiff_t>((static_cast<std::size_t>(row) * static_cast<std::size_t>(src.width) +
                                     static_cast<std::size_t>(first)) *
                                    n);
    cropped->pixels.insert(cropped->pixels.end(), begin,
                           begin + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(last - first) * n));
  }
  image.rect.x0 = r.x0 + first / px_per_pt;
  image.rect.x1 = r.x0 + last / px_per_pt;
  image.raster = std::move(cropped);
  return image;
}

// Moves everything of `reader` onto `sheet` at `at`.
void place_page(const Page& reader, const Half& at, Page& sheet) {
  for (Fill fill : reader.fills) {
    fill.rect = moved(fill.rect, at);
    if (at.left)
      fill.rect.x1 = std::min(fill.rect.x1, at.spine);
    else
      fill.rect.x0 = std::max(fill.rect.x0, at.spine);
    if (fill.rect.width() > 0) sheet.fills.push_back(fill);
  }
  for (Image image : reader.images) {
    image.rect = moved(image.rect, at);
    if (auto kept = crop_at_spine(std::move(image), at)) sheet.images.push_back(std::move(*kept));
  }
  for (GlyphRun run : reader.runs) {
    run.x += at.dx;
    run.y += at.dy;
    sheet.runs.push_back(std::move(run));
  }
  for (LinkArea link : reader.links) {  // clickable where its text now stands (archive and none)
    link.rect = moved(link.rect, at);
    for (Rect& quad : link.quads) quad = moved(quad, at);
    sheet.links.push_back(std::move(link));
  }
  for (Dot dot : reader.dots) {
    dot.x += at.dx;
    dot.y += at.dy;
    sheet.dots.push_back(dot);
  }
  for (Rule rule : reader.rules) {
    if (rule.purpose == RulePurpose::CropMark || rule.purpose == RulePurpose::FoldMark) continue;
    rule.x0 += at.dx, rule.x1 += at.dx;
    rule.y0 += at.dy, rule.y1 += at.dy;
    // A proof's guides stop at the spine too: the page's bleed line there is no longer a bleed.
    if (rule.purpose == RulePurpose::Guide) {
      const auto inside = [&](Pt x) { return at.left ? x <= at.spine + 0.01 : x >= at.spine - 0.01; };
      if (!inside(rule.x0) && !inside(rule.x1)) continue;
      const auto clamp = [&](Pt x) { return at.left ? std::min(x, at.spine) : std::max(x, at.spine); };
      rule.x0 = clamp(rule.x0), rule.x1 = clamp(rule.x1);
    }
    sheet.rules.push_back(rule);
  }
}

}  // namespace

std::vector<std::pair<int, int>> saddle_stitch_order(int reader_pages) {
  if (reader_pages <= 0) return {};
  const int padded = (reader_pages + 3) / 4 * 4;
  const auto page = [&](int index) { return index < reader_pages ? index : -1; };
  std::vector<std::pair<int, int>> spreads;
  for (int sheet = 0; sheet < padded / 4; ++sheet) {
    spreads.emplace_back(page(padded - 1 - 2 * sheet), page(2 * sheet));      // front
    spreads.emplace_back(page(2 * sheet + 1), page(padded - 2 - 2 * sheet));  // back
  }
  return spreads;
}

Result<PageModel> impose_saddle_stitch(PageModel reader, const Template& tmpl) {
  if (reader.pages.empty()) return reader;
  const Pt width = reader.pages.front().trim.width(), height = reader.pages.front().trim.height();
  for (std::size_t i = 1; i < reader.pages.size(); ++i) {
    const Rect& t = reader.pages[i].trim;
    if (std::abs(t.width() - width) > kSizeTolerance || std::abs(t.height() - height) > kSizeTolerance)
      return Error{tmpl.path, 0,
                   "booklet page " + std::to_string(i + 1) + " is " + std::to_string(to_mm(t.width())) +
                       " x " + std::to_string(to_mm(t.height())) + " mm, page 1 is " +
                       std::to_string(to_mm(width)) + " x " + std::to_string(to_mm(height)) + " mm",
                   "a booklet's pages must share one size: give the layout's sides one size"};
  }

  const Pt room = tmpl.mark_offset + tmpl.mark_length + kMediaRoom;
  Page blank;
  blank.width = 2 * width + 2 * room;
  blank.height = height + 2 * room;
  blank.trim = Rect{room, room, room + 2 * width, room + height};
  blank.bleed =
      Rect{room - tmpl.bleed, room - tmpl.bleed, room + 2 * width + tmpl.bleed, room + height + tmpl.bleed};
  // The fold down the middle, as a two-panel side, so that marks.hpp draws its mark.
  const Side spine_side{"spread", {Panel{"left", width, 0}, Panel{"right", width, width}}};

  PageModel out = reader;
  out.pages.clear();
  out.outline.clear();
  const auto spreads = saddle_stitch_order(static_cast<int>(reader.pages.size()));
  std::vector<std::pair<int, Half>> where(reader.pages.size());  // reader page → sheet, placement
  for (std::size_t k = 0; k < spreads.size(); ++k) {
    Page sheet = blank;
    const int halves[2] = {spreads[k].first, spreads[k].second};
    for (int half = 0; half < 2; ++half) {
      if (halves[half] < 0) continue;
      const Page& page = reader.pages[static_cast<std::size_t>(halves[half])];
      Half at;
      at.dx = sheet.trim.x0 + half * width - page.trim.x0;
      at.dy = sheet.trim.y0 - page.trim.y0;
      at.spine = sheet.trim.x0 + width;
      at.left = half == 0;
      place_page(page, at, sheet);
      where[static_cast<std::size_t>(halves[half])] = {static_cast<int>(k), at};
    }
    add_crop_marks(sheet, tmpl.mark_offset, tmpl.mark_length);
    add_fold_marks(sheet, spine_side, tmpl.mark_offset, tmpl.mark_length);
    out.pages.push_back(std::move(sheet));
  }
  for (Outline entry : reader.outline) {
    if (entry.page < 0 || static_cast<std::size_t>(entry.page) >= where.size()) continue;
    const auto& [sheet, at] = where[static_cast<std::size_t>(entry.page)];
    entry.page = sheet;
    entry.x += at.dx;
    entry.y += at.dy;
    out.outline.push_back(std::move(entry));
  }
  return out;
}

}  // namespace leafpress::layout
