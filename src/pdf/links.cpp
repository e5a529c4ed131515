#include "pdf/links.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <string>

#include "pdf/text_string.hpp"

namespace leafpress::pdf {
namespace {

// A URI is 7-bit ASCII (RFC 3986): other bytes, spaces and controls become %XX.
std::string ascii_uri(const std::string& uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : uri) {
    const auto b = static_cast<unsigned char>(ch);
    if (b <= 0x20 || b >= 0x7F) {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

HPDF_Rect rect_of(const layout::Rect& r) {
  return HPDF_Rect{static_cast<HPDF_REAL>(r.x0), static_cast<HPDF_REAL>(r.y0), static_cast<HPDF_REAL>(r.x1),
                   static_cast<HPDF_REAL>(r.y1)};
}

}  // namespace

Result<std::vector<HPDF_Annotation>> write_links(HPDF_Page page, const layout::Page& p, Standard standard) {
  std::vector<HPDF_Annotation> out;
  if (standard == Standard::Print) return out;
  for (const auto& link : p.links) {
    HPDF_Annotation annot =
        HPDF_Page_CreateURILinkAnnot(page, rect_of(link.rect), ascii_uri(link.uri).c_str());
    if (!annot)
      return Error{"", 0, "cannot write the link to " + link.uri, "report a bug: libharu refused it"};
    HPDF_STATUS st = HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    st |= HPDF_Dict_AddNumber(annot, "F", 4);
    if (!link.contents.empty()) {
      void* contents = text_string(page->mmgr, link.contents);
      st |= contents ? HPDF_Dict_Add(annot, "Contents", contents) : HPDF_FAILD_TO_ALLOC_MEM;
    }
    if (!link.quads.empty()) {
      // Each piece as four corners in counter-clockwise order (ISO 32000-1 Table 173):
      // bottom-left, bottom-right, top-right, top-left.
      HPDF_Array quads = HPDF_Array_New(page->mmgr);
      st |= quads ? HPDF_Dict_Add(annot, "QuadPoints", quads) : HPDF_FAILD_TO_ALLOC_MEM;
      for (const auto& q : link.quads)
        for (const double v : {q.x0, q.y0, q.x1, q.y0, q.x1, q.y1, q.x0, q.y1})
          if (quads) st |= HPDF_Array_AddReal(quads, static_cast<HPDF_REAL>(v));
    }
    if (st != HPDF_OK)
      return Error{"", 0, "cannot write the link to " + link.uri, "report a bug: libharu refused it"};
    out.push_back(annot);
  }
  return out;
}

}  // namespace leafpress::pdf
