// pdf/structure.hpp: the tag tree a PageModel carries, as tagged PDF (ISO 32000-1 14.7-14.8,
// ISO 14289-1 PDF/UA-1).
//
// Layout decides everything (layout/structure.hpp): which element every drawn
// piece belongs to, or that it is an artifact, and the reading order. This
// writer only records and writes:
//  - while a page is drawn, begin() gives the operators that open each piece's
//    marked content: `/P <</MCID n>> BDC` (MCIDs count from 0 on each page) or
//    `/Artifact <</Type /Layout>> BDC` (/Pagination /Subtype /Footer for folios,
//    /Page for crop and fold marks: Tag::artifact); kEnd closes it;
//  - link annotations of Link elements are recorded with add_link (each gets a
//    /StructParent; the Link's /K holds an /OBJR to it);
//  - finish() writes one StructElem per element that holds content (/S, /P, /K,
//    /Pg, /Alt, /Lang, /ActualText, /A <</O /Table /Scope ...>> on TH), each
//    element's /K listing its children and marked-content references merged in
//    Tag::order, so a paragraph that runs across panels and pages is one P; the
//    StructTreeRoot with its /ParentTree (a number tree: page i's MCIDs → their
//    elements, then one key per annotation) and /ParentTreeNextKey; every page's
//    /StructParents and /Tabs /S; the catalog's /MarkInfo <</Marked true>> and
//    /ViewerPreferences <</DisplayDocTitle true>>.
// An empty tree, or disabled (PDF/X-1a is PDF 1.3: untagged), writes nothing and
// begin() returns "".
// Errors: an Error when libharu refuses an object.
// Thread-safety: one StructureWriter per document.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "core/result.hpp"
#include "layout/page_model.hpp"

namespace leafpress::pdf {

class StructureWriter {
 public:
  StructureWriter(HPDF_Doc doc, const layout::StructTree& tree, bool enabled);

  [[nodiscard]] bool enabled() const { return enabled_; }

  // The operators that open `tag`'s marked content on page `page` (0-based, in drawing order).
  std::string begin(std::size_t page, const layout::Tag& tag);
  // The operator that closes it ("" when disabled).
  [[nodiscard]] const char* end() const { return enabled_ ? "EMC\n" : ""; }

  // A link annotation drawn on `page` for the Link element `element`.
  Status add_link(HPDF_Annotation annotation, std::size_t page, int element);

  // Writes the tree; `pages` in the model's order.
  Status finish(const std::vector<HPDF_Page>& pages);

 private:
  struct Mark {  // one marked-content sequence, or an annotation (mcid -1)
    int order = 0;
    std::size_t page = 0;
    int mcid = -1;
    HPDF_Annotation annotation = nullptr;
  };

  HPDF_Doc doc_;
  const layout::StructTree& tree_;
  bool enabled_;
  std::vector<std::vector<int>> page_mcids_;                  // per page: the element of each MCID
  std::vector<std::vector<Mark>> marks_;                      // per element: its content
  std::vector<std::pair<HPDF_Annotation, int>> annotations_;  // with their element
};

}  // namespace leafpress::pdf
