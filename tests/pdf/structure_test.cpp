// Tests for pdf/structure.cpp: a tag tree built by hand, written, and read back with qpdf and
// poppler (pdfinfo -struct-text): reading order across pages, artifacts, the ParentTree,
// /Alt, /Lang and TH /Scope, and no tags at all in PDF/X-1a.
#include <catch2/catch.hpp>

#include <string>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"
#include "tests/pdf/pdf_test_support.hpp"
#include "tests/support/tagged_pdf.hpp"
#include "text/font_set.hpp"

using leafpress::mm;
using leafpress::Pt;
using leafpress::layout::GlyphRun;
using leafpress::layout::kArtifact;
using leafpress::layout::PageModel;
using leafpress::layout::StructType;
using leafpress::layout::Tag;
using leafpress::pdf::Standard;
using leafpress::test::qdf;
using leafpress::test::TempDir;
using leafpress::test::write_to;

namespace {

// One glyph per code point at the font's advances (no shaping), tagged.
GlyphRun run_of(const std::string& text, Pt x, Pt y, Tag tag) {
  auto f = leafpress::test::project_fonts().face({"Noto Serif", false, false});
  if (!f) FAIL(f.error().describe());
  GlyphRun r;
  r.x = x, r.y = y, r.size = 12, r.tag = tag;
  Pt pen = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = leafpress::next_code_point(text, pos);
    leafpress::text::PlacedGlyph g;
    g.face = *f;
    g.glyph = (*f)->glyph_for(cp);
    g.x = pen;
    g.advance = (*f)->advance_em(g.glyph) * 12;
    g.text = text.substr(start, pos - start);
    pen += g.advance;
    r.glyphs.push_back(g);
  }
  return r;
}

// Two pages; the paragraph starts on page 2 and ends on page 1 (a tri-fold's flap), the title on page 2.
PageModel two_pages() {
  PageModel m = leafpress::test::marked_sheet();
  m.pages.push_back(m.pages[0]);
  auto& tree = m.structure;
  const int doc = tree.add(StructType::Document, kArtifact);
  const int h1 = tree.add(StructType::H1, doc);
  const int p = tree.add(StructType::P, doc);
  const int span = tree.add(StructType::Span, p);
  tree.elements[static_cast<std::size_t>(span)].lang = "zh-Hans";
  const int figure = tree.add(StructType::Figure, doc);
  tree.elements[static_cast<std::size_t>(figure)].alt = "Washing hands";
  const int table = tree.add(StructType::Table, doc);
  const int tr = tree.add(StructType::TR, table);
  const int th = tree.add(StructType::TH, tr);
  tree.elements[static_cast<std::size_t>(th)].scope = leafpress::layout::TableScope::Column;
  tree.add(StructType::Note, doc);  // no content: left out
  m.pages[1].runs.push_back(run_of("Handwashing", mm(40), mm(150), Tag{h1, 0}));
  m.pages[1].runs.push_back(run_of("Wet your hands", mm(40), mm(130), Tag{p, 1}));
  m.pages[1].runs.push_back(run_of("in clean water", mm(40), mm(115), Tag{span, 2}));
  m.pages[0].runs.push_back(run_of("then soap them.", mm(40), mm(130), Tag{p, 3}));
  m.pages[0].fills.push_back(leafpress::layout::Fill{{mm(40), mm(60), mm(60), mm(80)}, {}, Tag{figure, 4}});
  m.pages[0].runs.push_back(run_of("Step", mm(40), mm(50), Tag{th, 5}));
  m.pages[0].runs.push_back(run_of("7", mm(250), mm(20),  // a folio: an artifact
                                   Tag{.artifact = leafpress::layout::ArtifactKind::Pagination}));
  return m;
}

}  // namespace

TEST_CASE("structure: elements list their content in reading order, across pages", "[pdf]") {
  TempDir dir;
  const auto pdf = write_to(two_pages(), Standard::None, dir);
  const auto text = leafpress::test::struct_text(pdf);
  INFO(leafpress::test::run_tool("pdfinfo -struct-text " + leafpress::test::shell_quoted(pdf)).output);
  REQUIRE(text.size() == 6);
  CHECK(text[0] == "Handwashing");
  CHECK(text[1] == "Wet your hands");
  CHECK(text[2] == "in clean water");
  CHECK(text[3] == "then soap them.");  // on page 1, after page 2's lines: one P
  CHECK(text[4].empty());               // the Figure: a filled box, no text
  CHECK(text[5] == "Step");
  const auto tree = leafpress::test::run_tool("pdfinfo -struct " + leafpress::test::shell_quoted(pdf)).output;
  INFO(tree);
  CHECK(tree.find("Note") == std::string::npos);
  const auto q = qdf(pdf);
  CHECK_THAT(q, Catch::Contains("/Alt (Washing hands)"));  // Figure's /Alt, an ASCII text string
  CHECK_THAT(q, Catch::Contains("/Scope /Column"));        // TH
  CHECK_THAT(q, Catch::Contains("/O /Table"));
  CHECK_THAT(q, Catch::Contains("/Lang (zh-Hans)"));  // the Span's, a literal: plain ASCII
  CHECK_THAT(q, Catch::Contains("/Marked true"));
  CHECK_THAT(q, Catch::Contains("/DisplayDocTitle true"));
  CHECK_THAT(q, Catch::Contains("/ParentTreeNextKey 2"));
  CHECK_THAT(q, Catch::Contains("/Type /MCR"));  // the P's content on its second page
  CHECK_THAT(q, Catch::Contains("%PDF-1.7"));
  // Artifacts say what they are: the folio Pagination, the band and rules Layout.
  CHECK_THAT(q, Catch::Contains("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
  CHECK_THAT(q, Catch::Contains("/Artifact <</Type /Layout>> BDC"));

  const auto mc = leafpress::test::read_marked_content(pdf);
  CHECK(mc.pages == 2);
  CHECK(mc.mcids == 6);
  CHECK(mc.mcids_not_in_parent_tree == 0);
  CHECK(mc.mcids_repeated == 0);
  CHECK(mc.untagged_text_ops == 0);
  CHECK(mc.text_ops == 6);
  CHECK(mc.artifacts > 3);  // marks, band, dot, folio
  CHECK(mc.struct_parents_on_every_page);
  CHECK(mc.tabs_s_on_every_page);
}

// A QR code's modules are hundreds of rectangles of one Figure: one marked-content sequence for
// them all (one each made the tag tree of a leaflet with two codes take poppler 7 s to read).
TEST_CASE("structure: neighbouring fills of one element and colour share one marked-content sequence",
          "[pdf]") {
  PageModel m = leafpress::test::marked_sheet();
  auto& tree = m.structure;
  const int doc = tree.add(StructType::Document, kArtifact);
  const int figure = tree.add(StructType::Figure, doc);
  tree.elements[static_cast<std::size_t>(figure)].alt = "QR code: https://example.org";
  const int other = tree.add(StructType::Figure, doc);
  tree.elements[static_cast<std::size_t>(other)].alt = "A box";
  const leafpress::layout::Cmyk k{0, 0, 0, 1};
  for (int i = 0; i < 50; ++i)
    m.pages[0].fills.push_back(
        leafpress::layout::Fill{{mm(40 + i), mm(60), mm(40.5 + i), mm(61)}, k, Tag{figure, i}});
  m.pages[0].fills.push_back(leafpress::layout::Fill{{mm(40), mm(80), mm(60), mm(90)}, k, Tag{other, 50}});
  TempDir dir;
  const auto pdf = write_to(m, Standard::None, dir);
  const auto mc = leafpress::test::read_marked_content(pdf);
  CHECK(mc.mcids == 2);
  CHECK(mc.mcids_not_in_parent_tree == 0);
  const auto q = qdf(pdf);
  std::size_t rectangles = 0;
  for (auto at = q.find(" re\n"); at != std::string::npos; at = q.find(" re\n", at + 1)) ++rectangles;
  CHECK(rectangles >= 51);  // every module still drawn
}

TEST_CASE("structure: a hyphen inserted at a break reads as a soft hyphen, a typed one as itself", "[pdf]") {
  PageModel m = leafpress::test::marked_sheet();
  const int doc = m.structure.add(StructType::Document, kArtifact);
  const int p = m.structure.add(StructType::P, doc);
  auto first = run_of("well-known every-", mm(40), mm(130), Tag{p, 0});
  first.glyphs.back().text = leafpress::layout::kSoftHyphen;  // as layout marks an inserted hyphen
  m.pages[0].runs.push_back(first);
  m.pages[0].runs.push_back(run_of("where", mm(40), mm(115), Tag{p, 1}));
  TempDir dir;
  const auto q = qdf(write_to(m, Standard::None, dir));
  // One glyph, two meanings: ToUnicode keeps the typed hyphen, /ActualText the inserted one.
  CHECK_THAT(q, Catch::Contains("/Span <</ActualText <feff00ad>>> BDC"));  // as qpdf writes hex
  CHECK(q.find("/ActualText") == q.rfind("/ActualText"));                  // only around the inserted hyphen
  // PDF/X-1a is untagged (PDF 1.3): no marked content at all, the same glyphs.
  const auto x = qdf(write_to(m, Standard::Print, dir));
  CHECK(x.find("/ActualText") == std::string::npos);
}

TEST_CASE("structure: PDF/X-1a is untagged, an empty tree writes no structure", "[pdf]") {
  TempDir dir;
  const auto print = qdf(write_to(two_pages(), Standard::Print, dir, "print.pdf"));
  CHECK(print.find("/StructTreeRoot") == std::string::npos);
  CHECK(print.find("BDC") == std::string::npos);
  CHECK(print.find("BMC") == std::string::npos);
  PageModel untagged = two_pages();
  untagged.structure = {};
  const auto none = qdf(write_to(untagged, Standard::None, dir, "none.pdf"));
  CHECK(none.find("/StructTreeRoot") == std::string::npos);
  CHECK(none.find("/MarkInfo") == std::string::npos);
  CHECK(none.find("pdfuaid") == std::string::npos);
}
