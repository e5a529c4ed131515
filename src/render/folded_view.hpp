// render/folded_view.hpp: a folded leaflet's panels side by side, in reading order.
//
// The picture a clinic e-mails for approval: the cover, then the panels as the
// reader opens them, then the back, each cut at the trim from the rendered
// sheets and set left to right on a grey ground with a gap between panels, so
// nobody has to work out which third of which page comes when.
// Input:  the rendered sheets (render_pdf.hpp) and the panels to show, each a
//         page index and a horizontal stretch of that page's trim in points
//         from the trim's left edge (the layout's panel x and width).
// Output: one Picture; panels outside a page are left out.
#pragma once

#include <vector>

#include "render/picture.hpp"
#include "render/render_pdf.hpp"

namespace leafpress::render {

struct PanelCut {
  int page = 0;      // 0-based page of the PDF
  double x = 0;      // from the trim's left edge, points
  double width = 0;  // points
};

Picture folded_view(const std::vector<RenderedPage>& pages, const std::vector<PanelCut>& panels);

}  // namespace leafpress::render
