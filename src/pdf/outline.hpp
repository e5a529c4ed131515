// pdf/outline.hpp: bookmarks for the sections, so a reader can jump to one.
//
// One top-level bookmark per layout::Outline entry, in order, each opening its
// page at the heading's height (XYZ, zoom unchanged); titles as UTF-16 text
// strings. The document opens with the bookmarks shown when there are any.
// Entries that name a page that does not exist are skipped (layout bug, not
// the user's).
// Errors: an Error when libharu refuses a bookmark.
#pragma once

#include <hpdf.h>

#include <vector>

#include "core/result.hpp"
#include "layout/page_model.hpp"

namespace leafpress::pdf {

Status write_outline(HPDF_Doc doc, const std::vector<layout::Outline>& outline,
                     const std::vector<HPDF_Page>& pages);

}  // namespace leafpress::pdf
