// layout/sheet_plan.hpp: which pages a leaflet has, and the column frames the body flows through.
//
// A PagePlan lists the pages (each a side of the template) and which page takes
// the cover and the clinic block. page_plans gives the candidates smallest first:
//   - folded leaflets: every side (one plan);
//   - sheets with an optional side (handouts): without it, then with it;
//   - booklets: 4, 8, 12... reader pages up to kMaxPages: cover first, clinic on
//     the back cover (last page), the body on the pages between;
//   - with pages_max (--set pages.max=N), only plans with at most N sides or pages.
// make_frames cuts each flow panel into its columns, `column` wide, centred in
// the panel inside its margins (never nearer a fold or the trim than the safe
// margin), less `reserved_top` on the cover panel (a header) and
// `reserved_bottom` where the clinic block sits. Each frame keeps its panel's top (panel_top): the baseline
// grid starts there.
#pragma once

#include <vector>

#include "layout/page_model.hpp"
#include "layout/panel_flow.hpp"
#include "layout/template.hpp"

namespace leafpress::layout {

constexpr int kMaxPages = 64;  // reader pages; a booklet longer than this is an error

struct PagePlan {
  std::vector<int> sides;  // per page: the template side it prints
  int cover_page = 0;
  int back_page = 0;    // where the clinic block goes
  bool footer = false;  // the clinic block spans the foot of back_page rather than sitting in a panel
};

std::vector<PagePlan> page_plans(const Template& t);

// One page of the template, with trim, bleed and room for the marks.
Page blank_page(const Template& t);

// The panel of that name and the side it is on; nullptr when there is none.
const Panel* find_panel(const Template& t, const std::string& name, int* side = nullptr);

// The body column at `body`: the narrowest flow column, in whole body ems for CJK.
Pt column_width(const Template& t, Pt body, bool cjk);

// Where text may go in a panel: inside its margins and the safe margin.
Pt text_margin(const Template& t);
Pt text_margin(const Template& t, const Panel& p);  // with the panel's own side margin

// The body's text block across panel p, from the sheet's left trim edge: its columns, `column`
// wide and `gutter` apart, centred in the panel (as make_frames sets them). Covers, headers and
// the clinic block align with it.
struct BlockSpan {
  Pt x0 = 0, x1 = 0;
};
BlockSpan text_block(const Template& t, const Panel& p, Pt column);

std::vector<Frame> make_frames(const Template& t, const PagePlan& plan, Pt column, Pt reserved_top,
                               Pt reserved_bottom);

}  // namespace leafpress::layout
