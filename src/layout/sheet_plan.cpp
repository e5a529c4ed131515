#include "layout/sheet_plan.hpp"

#include <algorithm>
#include <cmath>

namespace leafpress::layout {

constexpr Pt kMediaRoom = mm(3);  // beyond the marks

std::vector<PagePlan> page_plans(const Template& t) {
  std::vector<PagePlan> plans;
  if (t.booklet) {
    const int most = t.pages_max > 0 ? std::max(4, std::min(kMaxPages, t.pages_max)) : kMaxPages;
    for (int n = 4; n <= most; n += 4) plans.push_back(PagePlan{std::vector<int>(n, 0), 0, n - 1, false});
    return plans;
  }
  int cover_side = 0, back_side = -1;
  find_panel(t, t.cover_panel, &cover_side);
  if (!t.back_panel.empty()) find_panel(t, t.back_panel, &back_side);
  auto plan_of = [&](bool with_optional) {
    PagePlan p;
    for (std::size_t s = 0; s < t.sides.size(); ++s) {
      if (!t.sides[s].optional || with_optional || static_cast<int>(s) == cover_side ||
          static_cast<int>(s) == back_side) {
        if (static_cast<int>(s) == cover_side) p.cover_page = static_cast<int>(p.sides.size());
        if (static_cast<int>(s) == back_side) p.back_page = static_cast<int>(p.sides.size());
        p.sides.push_back(static_cast<int>(s));
      }
    }
    if (back_side < 0) p.footer = true, p.back_page = static_cast<int>(p.sides.size()) - 1;
    return p;
  };
  const bool any_optional =
      std::any_of(t.sides.begin(), t.sides.end(), [](const Side& s) { return s.optional; });
  if (any_optional) plans.push_back(plan_of(false));
  plans.push_back(plan_of(true));
  // pages.max: the plans with at most that many sides (the smallest one, when none has so few).
  if (t.pages_max > 0) {
    std::vector<PagePlan> kept;
    for (auto& p : plans)
      if (static_cast<int>(p.sides.size()) <= t.pages_max) kept.push_back(std::move(p));
    if (kept.empty()) kept.push_back(plan_of(false));
    plans = std::move(kept);
  }
  return plans;
}

Page blank_page(const Template& t) {
  const Pt room = t.mark_offset + t.mark_length + kMediaRoom;
  Page page;
  page.width = t.sheet_width + 2 * room;
  page.height = t.sheet_height + 2 * room;
  page.trim = Rect{room, room, room + t.sheet_width, room + t.sheet_height};
  page.bleed =
      Rect{room - t.bleed, room - t.bleed, room + t.sheet_width + t.bleed, room + t.sheet_height + t.bleed};
  return page;
}

const Panel* find_panel(const Template& t, const std::string& name, int* side) {
  for (std::size_t s = 0; s < t.sides.size(); ++s)
    for (const auto& p : t.sides[s].panels)
      if (p.name == name) {
        if (side) *side = static_cast<int>(s);
        return &p;
      }
  return nullptr;
}

Pt text_margin(const Template& t) {
  return std::max(t.margin_side, t.safe_margin);
}

Pt text_margin(const Template& t, const Panel& p) {
  return std::max(p.margin >= 0 ? p.margin : t.margin_side, t.safe_margin);
}

Pt column_width(const Template& t, Pt body, bool cjk) {
  Pt column = 1e9;
  for (const auto& name : t.flow) {
    const Panel* p = find_panel(t, name);
    if (!p) continue;  // load_template checked every name
    column = std::min(column, (p->width - 2 * text_margin(t, *p) - (p->columns - 1) * t.gutter) / p->columns);
  }
  // CLReq 3.1.2: a CJK line holds whole characters.
  if (cjk) column = std::floor(column / body) * body;
  return column;
}

BlockSpan text_block(const Template& t, const Panel& p, Pt column) {
  const Pt total = p.columns * column + (p.columns - 1) * t.gutter;
  const Pt x0 = p.x + (p.width - total) / 2;
  return BlockSpan{x0, x0 + total};
}

std::vector<Frame> make_frames(const Template& t, const PagePlan& plan, Pt column, Pt reserved_top,
                               Pt reserved_bottom) {
  const Page geometry = blank_page(t);
  const Pt top = geometry.trim.y1 - std::max(t.margin_top, t.safe_margin);
  const Pt bottom = geometry.trim.y0 + std::max(t.margin_bottom, t.safe_margin);
  std::vector<Frame> frames;
  int panel_id = 0;
  auto add_panel = [&](int page, const Panel& p) {
    const Pt total = p.columns * column + (p.columns - 1) * t.gutter;
    const Pt x0 = geometry.trim.x0 + p.x + (p.width - total) / 2;
    const bool cover = !t.booklet && p.name == t.cover_panel && page == plan.cover_page;
    const bool back = page == plan.back_page && (plan.footer || p.name == t.back_panel);
    const Pt foot = bottom + (back ? reserved_bottom : 0);
    for (int c = 0; c < p.columns; ++c) {
      Frame f{page, x0 + c * (column + t.gutter), top - (cover ? reserved_top : 0), foot, panel_id};
      f.panel_top = top;
      frames.push_back(f);
    }
    ++panel_id;
  };
  if (t.booklet) {  // the cover first, the back cover last, the body between
    for (std::size_t page = 1; page + 1 < plan.sides.size(); ++page)
      add_panel(static_cast<int>(page), t.sides[0].panels[0]);
    // Pages 2 and 3 face each other, 4 and 5 ...: a left page (1, 3 … counted from the cover's 0)
    // faces the next.
    for (auto& f : frames) {
      f.faces_next = f.page % 2 == 1;
      f.book_page = true;
    }
    return frames;
  }
  for (const auto& name : t.flow) {
    int side = 0;
    const Panel* p = find_panel(t, name, &side);
    const auto at = std::find(plan.sides.begin(), plan.sides.end(), side);
    if (!p || at == plan.sides.end()) continue;  // an optional side this plan leaves out
    add_panel(static_cast<int>(at - plan.sides.begin()), *p);
  }
  return frames;
}

}  // namespace leafpress::layout
