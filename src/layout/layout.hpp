// layout/layout.hpp: a Document on a Template → a PageModel.
//
// Steps: collect (blocks → flow elements: composed lines with their spacing
// and keep rules) → flow (elements through the template's flow panels in
// reading order: panel_flow.hpp) → cover (title and subtitle on the cover
// panel) → marks (crop and fold marks outside the bleed: marks.hpp).
// The body's column has one width in every flow panel (the narrowest panel's,
// less margins), centred in each panel, so paragraphs compose once; for CJK
// documents it is a whole number of body ems (CLReq 3.1.2: a CJK line holds
// whole characters).
// Errors: a font that cannot be found; an article that does not fit: the
// error names the section where the text runs out of room and how many lines
// are left over. Nothing is cut silently.
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
};

Result<PageModel> lay_out(const doc::Document& document, const Template& tmpl, const text::FontSet& fonts,
                          const LayoutOptions& options = {});

}  // namespace leafpress::layout
