// layout/proof_guides.hpp: what --proof draws over a finished leaflet.
//
// Guides (RulePurpose::Guide, thin, in colours no job uses): the trim, the
// bleed, the safe area, every panel's edges and text column, the folds, and
// the body's baseline grid; and a label outside the trim that says the file is
// a proof and not for print. Drawn on the reader pages, before any imposition.
// The model is marked proof (PageModel::proof), so the writer claims no print
// standard for it.
#pragma once

#include <vector>

#include "layout/page_model.hpp"
#include "layout/template.hpp"
#include "text/font_set.hpp"

namespace leafpress::layout {

// `model.body_size` is the size the body was set in (after copy-fit): the grid uses it.
// `page_sides[i]` is the template side page i prints (PagePlan::sides); without it, page i
// shows side i, and pages beyond the last side repeat it (a booklet's one page).
// The grid's pitch is `model.line_pitch`, the one copy-fit chose (0: body size × the layout's
// leading); it runs from each column's top (the panel's, under a handout's header too) to its foot.
Status add_proof_guides(PageModel& model, const Template& tmpl, const text::FontSet& fonts,
                        const std::vector<int>& page_sides = {});

}  // namespace leafpress::layout
