#include "pdf/structure.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <climits>
#include <optional>

#include "layout/structure.hpp"
#include "pdf/text_string.hpp"

namespace leafpress::pdf {
namespace {

Error refused(const char* what) {
  return Error{"", 0, std::string("cannot write the tag tree: ") + what,
               "report a bug: libharu refused an object"};
}

}  // namespace

StructureWriter::StructureWriter(HPDF_Doc doc, const layout::StructTree& tree, bool enabled)
    : doc_(doc), tree_(tree), enabled_(enabled && !tree.elements.empty()), marks_(tree.elements.size()) {}

std::string StructureWriter::begin(std::size_t page, const layout::Tag& tag) {
  if (!enabled_) return {};
  if (tag.element < 0 || static_cast<std::size_t>(tag.element) >= tree_.elements.size()) {
    switch (tag.artifact) {  // ISO 32000-1 14.8.2.2.2: the artifact's /Type (and /Subtype)
      case layout::ArtifactKind::Pagination:
        return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
      case layout::ArtifactKind::Page:
        return "/Artifact <</Type /Page>> BDC\n";
      case layout::ArtifactKind::Layout:
        break;
    }
    return "/Artifact <</Type /Layout>> BDC\n";
  }
  if (page_mcids_.size() <= page) page_mcids_.resize(page + 1);
  auto& mcids = page_mcids_[page];
  const int mcid = static_cast<int>(mcids.size());
  mcids.push_back(tag.element);
  marks_[static_cast<std::size_t>(tag.element)].push_back(Mark{tag.order, page, mcid, nullptr});
  const auto& e = tree_.elements[static_cast<std::size_t>(tag.element)];
  return std::string("/") + layout::struct_type_name(e.type) + " <</MCID " + std::to_string(mcid) +
         ">> BDC\n";
}

Status StructureWriter::add_link(HPDF_Annotation annotation, std::size_t page, int element) {
  if (!enabled_ || element < 0 || static_cast<std::size_t>(element) >= tree_.elements.size()) return Ok{};
  marks_[static_cast<std::size_t>(element)].push_back(Mark{INT_MAX, page, -1, annotation});
  annotations_.emplace_back(annotation, element);
  return Ok{};
}

Status StructureWriter::finish(const std::vector<HPDF_Page>& pages) {
  if (!enabled_) return Ok{};
  const std::size_t n = tree_.elements.size();
  HPDF_MMgr mmgr = doc_->mmgr;
  for (auto& m : marks_)
    std::stable_sort(m.begin(), m.end(), [](const Mark& a, const Mark& b) { return a.order < b.order; });
  // The first order in each element's subtree (its place among its siblings and its parent's
  // own content); an element without content anywhere below it is left out.
  std::vector<std::optional<int>> first(n);
  for (std::size_t i = n; i-- > 0;) {  // children come after their parents in the tree
    const auto& e = tree_.elements[i];
    std::optional<int> k = marks_[i].empty() ? std::nullopt : std::optional<int>(marks_[i].front().order);
    for (const int c : e.children)
      if (const auto& ck = first[static_cast<std::size_t>(c)]; ck && (!k || *ck < *k)) k = ck;
    first[i] = k;
  }
  // Children are always added after their parent (StructTree::add), so one backward pass is enough;
  // check that, since the tree comes from another stage.
  for (std::size_t i = 0; i < n; ++i)
    for (const int c : tree_.elements[i].children)
      if (c <= static_cast<int>(i) || static_cast<std::size_t>(c) >= n)
        return refused("a child before its parent");

  HPDF_Dict root = HPDF_Dict_New(mmgr);
  if (!root || HPDF_Xref_Add(doc_->xref, root) != HPDF_OK) return refused("the StructTreeRoot");
  std::vector<HPDF_Dict> dicts(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    if (!first[i] && i != 0) continue;
    dicts[i] = HPDF_Dict_New(mmgr);
    if (!dicts[i] || HPDF_Xref_Add(doc_->xref, dicts[i]) != HPDF_OK) return refused("an element");
  }
  HPDF_STATUS st = HPDF_OK;
  for (std::size_t i = 0; i < n; ++i) {
    if (!dicts[i]) continue;
    const auto& e = tree_.elements[i];
    HPDF_Dict d = dicts[i];
    st |= HPDF_Dict_AddName(d, "Type", "StructElem");
    st |= HPDF_Dict_AddName(d, "S", layout::struct_type_name(e.type));
    st |= HPDF_Dict_Add(d, "P",
                        e.parent >= 0 && dicts[static_cast<std::size_t>(e.parent)]
                            ? dicts[static_cast<std::size_t>(e.parent)]
                            : root);
    if (!e.lang.empty()) st |= HPDF_Dict_Add(d, "Lang", text_string(mmgr, e.lang));
    if (!e.alt.empty()) st |= HPDF_Dict_Add(d, "Alt", text_string(mmgr, e.alt));
    if (!e.actual_text.empty()) st |= HPDF_Dict_Add(d, "ActualText", text_string(mmgr, e.actual_text));
    if (e.type == layout::StructType::TH && e.scope != layout::TableScope::None) {
      HPDF_Dict a = HPDF_Dict_New(mmgr);
      st |= HPDF_Dict_Add(d, "A", a);
      st |= HPDF_Dict_AddName(a, "O", "Table");
      st |= HPDF_Dict_AddName(a, "Scope", e.scope == layout::TableScope::Row ? "Row" : "Column");
    }
    // /Pg: the page of the element's first marked content; MCIDs there are written as integers.
    const auto& marks = marks_[i];
    std::optional<std::size_t> pg;
    for (const Mark& m : marks)
      if (m.mcid >= 0) {
        pg = m.page;
        break;
      }
    if (pg) st |= HPDF_Dict_Add(d, "Pg", pages[*pg]);
    HPDF_Array k = HPDF_Array_New(mmgr);
    st |= HPDF_Dict_Add(d, "K", k);
    auto add_mark = [&](const Mark& m) {
      if (m.annotation) {
        HPDF_Dict objr = HPDF_Dict_New(mmgr);
        st |= HPDF_Array_Add(k, objr);
        st |= HPDF_Dict_AddName(objr, "Type", "OBJR");
        st |= HPDF_Dict_Add(objr, "Obj", m.annotation);
        st |= HPDF_Dict_Add(objr, "Pg", pages[m.page]);
      } else if (pg && m.page == *pg) {
        st |= HPDF_Array_AddNumber(k, m.mcid);
      } else {
        HPDF_Dict mcr = HPDF_Dict_New(mmgr);
        st |= HPDF_Array_Add(k, mcr);
        st |= HPDF_Dict_AddName(mcr, "Type", "MCR");
        st |= HPDF_Dict_Add(mcr, "Pg", pages[m.page]);
        st |= HPDF_Dict_AddNumber(mcr, "MCID", m.mcid);
      }
    };
    std::size_t next = 0;
    for (const int c : e.children) {
      const auto ci = static_cast<std::size_t>(c);
      if (!dicts[ci]) continue;
      while (next < marks.size() && marks[next].order < *first[ci]) add_mark(marks[next++]);
      st |= HPDF_Array_Add(k, dicts[ci]);
    }
    while (next < marks.size()) add_mark(marks[next++]);
  }

  // The parent tree (ISO 32000-1 14.7.4.4): page i → [element of MCID 0, 1, ...]; then annotations.
  HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
  if (!parent_tree || HPDF_Xref_Add(doc_->xref, parent_tree) != HPDF_OK) return refused("the ParentTree");
  HPDF_Array nums = HPDF_Array_New(mmgr);
  st |= HPDF_Dict_Add(parent_tree, "Nums", nums);
  int key = 0;
  for (std::size_t p = 0; p < pages.size(); ++p, ++key) {
    HPDF_Array of_page = HPDF_Array_New(mmgr);
    if (!of_page || HPDF_Xref_Add(doc_->xref, of_page) != HPDF_OK) return refused("the ParentTree");
    if (p < page_mcids_.size())
      for (const int element : page_mcids_[p])
        st |= HPDF_Array_Add(of_page, dicts[static_cast<std::size_t>(element)]);
    st |= HPDF_Array_AddNumber(nums, key);
    st |= HPDF_Array_Add(nums, of_page);
    st |= HPDF_Dict_AddNumber(pages[p], "StructParents", key);
    st |= HPDF_Dict_AddName(pages[p], "Tabs", "S");
  }
  for (const auto& [annotation, element] : annotations_) {
    st |= HPDF_Dict_AddNumber(annotation, "StructParent", key);
    st |= HPDF_Array_AddNumber(nums, key++);
    st |= HPDF_Array_Add(nums, dicts[static_cast<std::size_t>(element)]);
  }
  st |= HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  st |= HPDF_Dict_Add(root, "K", dicts[0]);
  st |= HPDF_Dict_Add(root, "ParentTree", parent_tree);
  st |= HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);

  HPDF_Dict catalog = doc_->catalog;
  st |= HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  st |= HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  st |= HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  // PDF/UA-1 7.1: the window shows the document's title, not its file name.
  HPDF_Dict prefs = HPDF_Dict_New(mmgr);
  st |= HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
  st |= HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  if (st != HPDF_OK) return refused("the structure elements");
  return Ok{};
}

}  // namespace leafpress::pdf
