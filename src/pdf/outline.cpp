#include "pdf/outline.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf/text_string.hpp"

namespace leafpress::pdf {

Status write_outline(HPDF_Doc doc, const std::vector<layout::Outline>& outline,
                     const std::vector<HPDF_Page>& pages) {
  bool any = false;
  for (const auto& entry : outline) {
    if (entry.page < 0 || static_cast<std::size_t>(entry.page) >= pages.size()) continue;
    // libharu encodes titles with a single-byte encoder; the text string title replaces its empty one.
    HPDF_Page page = pages[static_cast<std::size_t>(entry.page)];
    HPDF_Outline item = HPDF_CreateOutline(doc, nullptr, "", nullptr);
    HPDF_STATUS st = item ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (item) {
      // ISO 32000-1 Table 153: an outline item has no /Type (only the root is /Outlines), but
      // libharu gives every item one; PDFBox and other strict readers reject the file for it.
      st |= HPDF_Dict_RemoveElement(item, "Type");
      // A direct destination array (Table 153 /Dest; 12.3.2.2), not the indirect one
      // HPDF_Page_CreateDestination makes, which PDFBox cannot read as a destination.
      // [page /XYZ left top 0]: zoom 0 keeps the reader's zoom. x: on an imposed booklet
      // sheet, the left edge of the page's half.
      HPDF_Array dest = HPDF_Array_New(doc->mmgr);
      st |= dest ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
      if (dest) {
        st |= HPDF_Array_Add(dest, page);
        st |= HPDF_Array_AddName(dest, "XYZ");
        st |= HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(entry.x));
        st |= HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(entry.y));
        st |= HPDF_Array_AddNumber(dest, 0);
        st |= HPDF_Dict_Add(item, "Dest", dest);
      }
      st |= HPDF_Dict_Add(item, "Title", text_string(doc->mmgr, entry.title));
    }
    if (st != HPDF_OK)
      return Error{"", 0, "cannot write the bookmark \"" + entry.title + "\"", "report a bug"};
    any = true;
  }
  if (any && HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE) != HPDF_OK)
    return Error{"", 0, "cannot show the bookmarks", "report a bug"};
  return Ok{};
}

}  // namespace leafpress::pdf
