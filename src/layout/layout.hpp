// layout/layout.hpp: a Document on a Template → a PageModel.
//
// Steps, each in a file of its own:
//   load the pictures the article names, once (doc/image.hpp);
//   set the cover (cover.hpp) and the clinic block (back_panel.hpp): they do
//   not depend on the body size, and reserve room in the panels they share;
//   copy-fit (copy_fit.hpp): collect the blocks at a body size (blocks.hpp),
//   flow them through the frames of a page plan (sheet_plan.hpp, panel_flow.hpp),
//   and keep the largest size in the layout's range at which everything fits;
//   place the lines, pictures and boxes (place_blocks.hpp); crop and fold marks
//   (marks.hpp); with options.proof, the guides (proof_guides.hpp); a booklet,
//   unless options.impose is false, is imposed on sheets (impose.hpp); without
//   options.marks the pages are cut to the trim for a desktop printer (office_pages.hpp).
// The body's column has one width in every flow panel (the narrowest panel's
// column, less margins), centred in each panel, so paragraphs compose once per
// size; for CJK documents it is a whole number of body ems (CLReq 3.1.2: a CJK
// line holds whole characters).
// Errors: a font that cannot be found; a picture that cannot be read; a title
// too long for the cover; an article that does not fit at the smallest size
// (or in kMaxPages booklet pages): the error names the section where the text
// runs out of room and how many lines are left over. Nothing is cut silently.
// Thread-safety: reentrant; FontSet is shared read-only.
#pragma once

#include "doc/document.hpp"
#include "layout/page_model.hpp"
#include "layout/template.hpp"
#include "text/font_set.hpp"

namespace leafpress::layout {

struct LayoutOptions {
  bool proof = false;  // draw trim, bleed, safe area, panels, folds and the baseline grid over the pages
  bool impose = true;  // booklets: printer spreads on sheets; false = reader pages in order
  bool marks = true;   // false: pages cut to the trim, no bleed or marks (office_pages.hpp); not with proof
  // Idle threads (a lone build): one prepares the second half of the article's paragraphs
  // while this thread sets the cover and the first half (see lay_out). Same output.
  unsigned helpers = 0;
};

Result<PageModel> lay_out(const doc::Document& document, const Template& tmpl, const text::FontSet& fonts,
                          const LayoutOptions& options = {});

}  // namespace leafpress::layout
