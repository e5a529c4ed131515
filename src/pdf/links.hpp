// pdf/links.hpp: a page's LinkAreas as URI Link annotations (ISO 32000-1 12.5.6.5).
//
// Input:  the libharu page and layout's Page::links; the standard.
// Output: one /Link annotation per LinkArea, in its order: /Rect, /QuadPoints when the
//         link is broken over lines, /A << /S /URI /URI (...) >> (non-ASCII bytes
//         percent-encoded: a URI is 7-bit, ISO 32000-1 12.6.4.7), /Border [0 0 0] (the
//         text's colour is the visible style), /F 4 (Print: PDF/A-2 6.3.2), and
//         /Contents with the link's text (PDF/UA-1 7.18.5).
//         print (PDF/X-1a) gets none: ISO 15930-1 6.6 allows no annotation inside the
//         TrimBox or BleedBox of a print file, and a printed page cannot be clicked.
// The handles are returned in the order of Page::links so that the structure tree can
// point at them (/StructParent, /OBJR) once the PDF is tagged.
// Errors: an Error when libharu refuses an object.
#pragma once

#include <hpdf.h>

#include <vector>

#include "core/result.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

Result<std::vector<HPDF_Annotation>> write_links(HPDF_Page page, const layout::Page& p, Standard standard);

}  // namespace leafpress::pdf
