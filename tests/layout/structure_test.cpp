// Tests for layout/structure.cpp: the tag tree's shape, its reading order across the folds,
// languages, and that every drawn piece is tagged or an artifact. No PDF here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "layout/structure.hpp"
#include "tests/layout/layout_fixtures.hpp"

using leafpress::layout::kArtifact;
using leafpress::layout::PageModel;
using leafpress::layout::StructTree;
using leafpress::layout::StructType;
using leafpress::test::find_run;
using leafpress::test::lay_out_text;
using leafpress::test::run_text;
using leafpress::test::shipped_layout;
using leafpress::test::TempDir;

namespace {

// The tree as one line: "Document(H1 P Sect(H2 P))": each element's type, its children in brackets.
std::string shape(const StructTree& tree, int e = 0) {
  const auto& el = tree.elements[static_cast<std::size_t>(e)];
  std::string s = leafpress::layout::struct_type_name(el.type);
  if (el.type == StructType::Span) return s;  // language spans are tested on their own
  std::string kids;
  for (const int c : el.children) kids += (kids.empty() ? "" : " ") + shape(tree, c);
  return kids.empty() ? s : s + "(" + kids + ")";
}

// Every tagged run's text, in Tag::order.
std::vector<std::string> texts_in_order(const PageModel& m) {
  std::vector<std::pair<int, std::string>> runs;
  for (const auto& p : m.pages)
    for (const auto& r : p.runs)
      if (r.tag.element >= 0) runs.emplace_back(r.tag.order, run_text(r));
  std::sort(runs.begin(), runs.end());
  std::vector<std::string> out;
  for (auto& [o, t] : runs) out.push_back(t);
  return out;
}

std::string joined(const std::vector<std::string>& texts) {
  std::string s;
  for (const auto& t : texts) s += t;
  return s;
}

// The element of the first run containing `needle`.
const leafpress::layout::StructElement* element_of(const PageModel& m, const std::string& needle) {
  const auto [p, run] = find_run(m, needle);
  if (!run || run->tag.element < 0) return nullptr;
  return &m.structure.elements[static_cast<std::size_t>(run->tag.element)];
}

}  // namespace

TEST_CASE("structure: the article's blocks become Document, title, Sects, P, L, BlockQuote, Figure",
          "[layout]") {
  TempDir dir;
  leafpress::test::write_bytes(dir.path / "steps.png", leafpress::test::tiny_png());
  const std::string article =
      "---\ntitle: Knees\nsubtitle: Strong joints\nclinic:\n  name: Riverside Clinic\n  phone: +1 555 "
      "0100\n---\n\n"
      "Intro text.\n\n### Walking\n\nWalk daily.\n\n- one\n- two\n  - nested\n\n> A quote.\n\n"
      "##### Deeper\n\n![Washing hands](steps.png)\n\n### Food\n\nEat well.\n";
  auto m = lay_out_text(article, shipped_layout("trifold-a4"), (dir.path / "a.md").string());
  if (!m) FAIL(m.error().describe());
  // ### is the first body heading: H2; ##### under it is clamped to H3 (levels never skip).
  CHECK(shape(m->structure) ==
        "Document(H1 P P P Sect(H2 P L(LI(Lbl LBody(P)) LI(Lbl LBody(P L(LI(Lbl LBody(P)))))) BlockQuote(P) "
        "Sect(H3 Figure(Caption))) Sect(H2 P) Sect(P P))");
  const auto* figure = element_of(*m, "Washing");
  REQUIRE(figure);
  CHECK(figure->type == StructType::Caption);
  CHECK(m->structure.elements[static_cast<std::size_t>(figure->parent)].alt == "Washing hands");
  bool figure_tagged = false;
  for (const auto& p : m->pages)
    for (const auto& im : p.images)
      figure_tagged |=
          im.tag.element >= 0 &&
          m->structure.elements[static_cast<std::size_t>(im.tag.element)].type == StructType::Figure;
  CHECK(figure_tagged);
}

TEST_CASE("structure: every drawn piece is tagged or an artifact, and the order numbers them all once",
          "[layout]") {
  auto m = lay_out_text(
      leafpress::test::read_bytes(std::string(LEAFPRESS_SOURCE_DIR) + "/content/stem-cell-therapy.md"),
      shipped_layout("trifold-a4"));
  if (!m) FAIL(m.error().describe());
  const auto n = static_cast<int>(m->structure.elements.size());
  std::vector<int> orders;
  auto check = [&](const auto& pieces, bool text) {
    for (const auto& piece : pieces) {
      CHECK(piece.tag.element >= kArtifact);
      CHECK(piece.tag.element < n);
      if (text) CHECK(piece.tag.element >= 0);  // all text is content: no text artifacts here
      if (piece.tag.element >= 0) orders.push_back(piece.tag.order);
    }
  };
  for (const auto& p : m->pages) {
    check(p.runs, true);
    check(p.fills, false);
    check(p.images, false);
    check(p.dots, false);
    for (const auto& r : p.rules) {
      CHECK(r.tag.element == kArtifact);  // marks and rules
      // Printer's marks are production aids (/Type /Page); the design's rules are /Layout.
      const bool mark = r.purpose == leafpress::layout::RulePurpose::CropMark ||
                        r.purpose == leafpress::layout::RulePurpose::FoldMark;
      CHECK(r.tag.artifact ==
            (mark ? leafpress::layout::ArtifactKind::Page : leafpress::layout::ArtifactKind::Layout));
    }
  }
  std::sort(orders.begin(), orders.end());
  for (std::size_t i = 0; i < orders.size(); ++i) CHECK(orders[i] == static_cast<int>(i));
  // Every element but the root hangs under its parent's children, once.
  for (int e = 1; e < n; ++e) {
    const auto& parent =
        m->structure
            .elements[static_cast<std::size_t>(m->structure.elements[static_cast<std::size_t>(e)].parent)];
    CHECK(std::count(parent.children.begin(), parent.children.end(), e) == 1);
  }
}

TEST_CASE("structure: a tri-fold reads cover first, then the inside panels, the back panel last",
          "[layout]") {
  const std::string article =
      "---\ntitle: Knees\nclinic:\n  name: Riverside Clinic\n  address: 12 River Road\n---\n\n"
      "## First\n\n" +
      std::string(40, 'x') + " Alpha begins here.\n\n## Second\n\nOmega ends here.\n";
  auto m = lay_out_text(article, shipped_layout("trifold-a4"));
  if (!m) FAIL(m.error().describe());
  const auto texts = texts_in_order(*m);
  REQUIRE(texts.size() > 4);
  CHECK(texts.front() == "Knees");  // page 1's right third, drawn after the back panel's text
  CHECK(texts.back() == "12 River Road");
  const std::string all = joined(texts);
  CHECK(all.find("Alpha") < all.find("Omega"));
  CHECK(all.find("Omega") < all.rfind("Riverside"));  // the cover names the clinic too
}

TEST_CASE("structure: a paragraph split across panels is one P, its lines in reading order", "[layout]") {
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "word" + std::to_string(i) + " ";
  auto m = lay_out_text("---\ntitle: Long\n---\n\n" + long_text + "\n", shipped_layout("trifold-a4"));
  if (!m) FAIL(m.error().describe());
  std::map<int, int> runs_per_element;
  std::set<int> pages;
  for (std::size_t p = 0; p < m->pages.size(); ++p)
    for (const auto& r : m->pages[p].runs)
      if (run_text(r).find("word") != std::string::npos) {
        ++runs_per_element[r.tag.element];
        pages.insert(static_cast<int>(p));
      }
  CHECK(runs_per_element.size() == 1);
  CHECK(pages.size() == 2);  // inside and the flap on the outside
  std::string all;
  for (const char c : joined(texts_in_order(*m)))
    if (c != ' ' && c != '-') all += c;  // word spaces and hyphens
  INFO(all);
  for (int i = 0; i + 1 < 400; ++i)
    CHECK(all.find("word" + std::to_string(i) + "w") != std::string::npos);  // "word7word8": no jump back
}

TEST_CASE("structure: English words in a Chinese article are Spans with /Lang en", "[layout]") {
  auto m = lay_out_text(
      "---\ntitle: 干细胞\nlang: zh-Hans\n---\n\n干细胞疗法 (stem cell therapy) 然而很新。\n\n## Only "
      "English\n\nAll English here.\n",
      shipped_layout("trifold-a4"));
  if (!m) FAIL(m.error().describe());
  const auto* span = element_of(*m, "stem");
  REQUIRE(span);
  CHECK(span->type == StructType::Span);
  CHECK(span->lang == "en");
  CHECK(m->structure.elements[static_cast<std::size_t>(span->parent)].type == StructType::P);
  const auto* han = element_of(*m, "干细胞疗法");
  REQUIRE(han);
  CHECK(han->type == StructType::P);
  CHECK(han->lang.empty());
  // An element wholly in English gets the /Lang itself, without Spans.
  const auto* heading = element_of(*m, "Only English");
  REQUIRE(heading);
  CHECK(heading->type == StructType::H2);
  CHECK(heading->lang == "en");

  CHECK(leafpress::layout::foreign_language("A", "ja") == "en");
  CHECK(leafpress::layout::foreign_language("漢", "en") == "zh");
  CHECK(leafpress::layout::foreign_language("한", "en") == "ko");
  CHECK(leafpress::layout::foreign_language("5", "zh-Hans").empty());
  CHECK(leafpress::layout::foreign_language("漢", "ja").empty());
}

// A footnote is a Note after the article's text; its number is its Lbl, read before the note
// (it was an artifact: a listener heard the note without the number its reference gave).
TEST_CASE("structure: a footnote is a Note with its number as Lbl", "[layout]") {
  auto m = lay_out_text(
      "---\ntitle: T\n---\n\nText with a note[^a] and another[^b].\n\n"
      "[^a]: The first note.\n[^b]: The second note.\n",
      shipped_layout("handout-a4"), "a.md");
  if (!m) FAIL(m.error().describe());
  CHECK(shape(m->structure).find("Note(Lbl P) Note(Lbl P)") != std::string::npos);
  const auto texts = texts_in_order(*m);
  std::string all;
  for (const auto& t : texts) all += t + "|";
  INFO(all);
  CHECK(all.find("1.|The first note.") != std::string::npos);
  CHECK(all.find("2.|The second note.") != std::string::npos);
}

TEST_CASE("structure: a picture without alt text is a Figure and a warning", "[layout]") {
  TempDir dir;
  leafpress::test::write_bytes(dir.path / "p.png", leafpress::test::tiny_png());
  auto m = lay_out_text("---\ntitle: T\n---\n\nText.\n\n![](p.png)\n", shipped_layout("handout-a4"),
                        (dir.path / "a.md").string());
  if (!m) FAIL(m.error().describe());
  bool warned = false;
  for (const auto& w : m->warnings) warned |= w.find("no alt text") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("structure: graft moves a decoration's tree and renumbers its pieces", "[layout]") {
  leafpress::layout::Decoration d;
  const int sect = leafpress::layout::local_element(d, StructType::Sect);
  const int p = leafpress::layout::local_element(d, StructType::P, sect);
  d.runs.push_back(leafpress::layout::GlyphRun{0, 0, 10, {}, {}, leafpress::layout::next_tag(d, p)});
  d.rules.push_back(leafpress::layout::Rule{});
  StructTree tree;
  const int root = tree.add(StructType::Document, kArtifact);
  tree.add(StructType::P, root);
  leafpress::layout::graft(tree, root, d);
  CHECK(shape(tree) == "Document(P Sect(P))");
  CHECK(d.runs[0].tag.element == 3);
  CHECK(d.rules[0].tag.element == kArtifact);
  CHECK(tree.elements[3].parent == 2);
  CHECK(tree.elements[2].parent == root);
}
