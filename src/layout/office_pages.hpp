// layout/office_pages.hpp: pages cut to the trim, for a desktop printer.
//
// A print-shop PDF is larger than the leaflet: bleed (3 mm) and crop and fold
// marks around the trim. A desktop printer told to print such a page "fit to
// page" shrinks the leaflet (A4 becomes ~93 %); at 100 % it cuts the marks off
// unevenly. cut_to_trim makes every page's MediaBox the trim: the crop and fold
// marks are dropped, every item moves by the trim's corner, and what lay in the
// bleed falls outside the page (PDF clips to the MediaBox; ISO 32000-1 14.11.2).
// Bleed and trim boxes both become the page, so MediaBox = BleedBox = TrimBox.
// Used for `--standard none` and `--marks none` (cli), never for --proof, whose
// guides are drawn outside the trim on purpose.
#pragma once

#include "layout/page_model.hpp"

namespace leafpress::layout {

void cut_to_trim(PageModel& model);

}  // namespace leafpress::layout
