// layout/folios.hpp: a booklet's page numbers and its padding pages.
//
// Folios: every reader page but the covers carries its number (the cover is
// page 1) at the foot, in the foot margin below the text block, on the outside
// corner: right on odd pages (right-hand), left on even ones. Set in the sans at
// 0.8 of the body size (8–10 pt), in the accent colour; artifacts, as running
// furniture is (ISO 32000-1 14.8.2.2).
// Padding: a booklet's pages come in fours, so the body may end before the page
// before the back cover. Copy-fit fills what it can; the pages still empty stand
// between the text and the back cover (never inside the text) and become notes
// pages: "Notes" (in the article's language) and ruled lines on the body's grid.
#pragma once

#include "layout/page_model.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

// `column`: the body's column width; `pitch`: the grid's pitch; `last_text_page`: the last
// reader page holding body text (0-based).
Status add_folios_and_notes(PageModel& model, const Scene& s, Pt column, Pt pitch, int last_text_page);

}  // namespace leafpress::layout
