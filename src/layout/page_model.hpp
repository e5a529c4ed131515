// layout/page_model.hpp: finished pages, as plain data.
//
// The hand-off between layout and pdf. Everything is placed: no stage after
// this one measures or breaks anything. Coordinates are PDF points with the
// origin at the bottom-left corner of the MediaBox; y grows upward.
// Glyph runs refer to text::Face objects owned by the FontSet, which must
// outlive the PageModel; nothing here holds a libharu or HarfBuzz handle.
// Invariant: on every page MediaBox ⊇ bleed ⊇ trim.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "doc/image.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

// ---- Structure (tagged PDF: ISO 32000-1 14.7-14.8, ISO 14289-1 PDF/UA-1) ----
//
// Layout knows which block every glyph run, picture, rule and fill belongs to;
// pdf/ only writes it. The tree is plain data in the article's reading order,
// which on a folded leaflet is not page order (the tri-fold's cover is the right
// third of page 1). Every drawn item carries a Tag: the element it belongs to,
// or kArtifact (marks, bands, tints, guides, decoration, folios), and its place
// in reading order, so pdf/ can list an element's marked content in reading
// order even when it spans pages.

// Standard structure types (ISO 32000-1 14.8.4).
enum class StructType {
  Document,
  Sect,
  H1,
  H2,
  H3,
  H4,
  H5,
  H6,
  P,
  L,
  LI,
  Lbl,
  LBody,
  BlockQuote,
  Table,
  THead,
  TBody,
  TR,
  TH,
  TD,
  Figure,
  Caption,
  Note,
  Reference,
  Link,
  Span
};

enum class TableScope { None, Row, Column };  // TH's /Scope (ISO 32000-1 14.8.5.7)

constexpr int kArtifact = -1;

struct StructElement {
  StructType type = StructType::P;
  int parent = kArtifact;       // index in StructTree::elements; the root has none
  std::vector<int> children{};  // element indices, in reading order
  std::string lang{};           // /Lang when it differs from its parent's ("en" inside zh-Hans)
  std::string alt{};            // /Alt: Figure (the Markdown alt text), Formula
  std::string actual_text{};    // /ActualText where a glyph stands for several characters or none
  TableScope scope = TableScope::None;
  int link = -1;  // Link: index into PageModel::links of its annotation
  bool operator==(const StructElement&) const = default;
};

struct StructTree {
  std::vector<StructElement> elements;  // [0] is the Document when not empty

  // Appends an element under `parent` (kArtifact for the root) and returns its index.
  int add(StructType type, int parent) {
    const int id = static_cast<int>(elements.size());
    elements.push_back(StructElement{.type = type, .parent = parent});
    if (parent >= 0) elements[static_cast<std::size_t>(parent)].children.push_back(id);
    return id;
  }
  bool operator==(const StructTree&) const = default;
};

// What kind of artifact a piece is (ISO 32000-1 14.8.2.2.2, Table 330): Layout (bands, rules,
// tints: the look of the page), Pagination (running furniture: folios), Page (production aids
// outside the content: crop and fold marks). Assistive technology may read Pagination artifacts
// on request, and a preflight can tell printer's marks from design.
enum class ArtifactKind { Layout, Pagination, Page };

struct Tag {
  int element = kArtifact;  // index into StructTree::elements, or kArtifact
  int order = 0;            // reading order of this piece among all tagged pieces (0, 1, 2...)
  ArtifactKind artifact = ArtifactKind::Layout;  // when element is kArtifact
  bool operator==(const Tag&) const = default;
};

struct Rect {
  Pt x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] Pt width() const { return x1 - x0; }
  [[nodiscard]] Pt height() const { return y1 - y0; }
  bool operator==(const Rect&) const = default;
};

struct Srgb {  // 0..1 each
  double r = 0, g = 0, b = 0;
  bool operator==(const Srgb&) const = default;
};

struct Cmyk {  // 0..1 each; text is 0/0/0/1 (100 % K)
  double c = 0, m = 0, y = 0, k = 1;
  // A colour given in sRGB (#0E7C7B, rgb(...): layout/color_value.hpp) keeps that value here;
  // c..k are then its conversion to the print condition (FOGRA39). Print PDFs use c..k,
  // archive and screen PDFs this value exactly (a round trip through CMYK would shift it).
  std::optional<Srgb> srgb{};
  bool operator==(const Cmyk&) const = default;
};

// The text of a hyphen glyph that layout inserted at a line break: U+00AD SOFT HYPHEN, as
// ISO 32000-1 14.8.2.2.3 (incidental artifacts: hyphenation) asks, so a reader that copies or
// speaks the text joins the word again ("every-|where" is "everywhere").
inline constexpr const char* kSoftHyphen = "\xC2\xAD";

struct GlyphRun {   // one line (or part of one) in one size and colour
  Pt x = 0, y = 0;  // baseline origin; glyph x values are relative to it
  Pt size = 10;
  Cmyk color;
  std::vector<text::PlacedGlyph> glyphs;
  Tag tag{};
  // Its glyphs stand apart where the text has no space (text::Line::spread): the PDF wraps the run
  // in /ActualText of its glyphs' text, so a reader copies and finds "肾小球滤过率", not "肾 小 球".
  bool actual_text = false;
};

enum class RulePurpose { Decoration, CropMark, FoldMark, Guide };  // Guide: --proof only

struct Rule {
  Pt x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  Pt width = 0.25;
  Cmyk color;
  bool dashed = false;
  RulePurpose purpose = RulePurpose::Decoration;
  Tag tag{};  // artifacts: marks, guides, table and decorative rules
};

struct Fill {  // a filled rectangle: tints, bands that bleed; QR code modules
  Rect rect;
  Cmyk color;
  Tag tag{};  // an artifact, except the modules of a QR code (its Figure)
};

struct Dot {  // a filled circle: CJK emphasis marks
  Pt x = 0, y = 0, radius = 0;
  Cmyk color;
  Tag tag{};  // artifacts: the emphasis is in the text's structure already
};

struct Image {  // a picture scaled into `rect` (cover image, figure, logo)
  Rect rect;
  std::shared_ptr<const doc::Raster> raster;  // decoded pixels, shared by every place it is drawn
  Tag tag{};                                  // a Figure; decorative cover art is an artifact
  std::string article{};  // where the picture is named, for messages about it (its resolution):
  int line = 0;           // the article and the line of `![...](...)`, `cover_image:` or `logo:`
};

struct LinkArea {  // a clickable area: a Link annotation (ISO 32000-1 12.5.6.5), none in PDF/X
  Rect rect{};
  std::string uri{};
  std::string contents{};   // the annotation's /Contents: the link's text (PDF/UA-1 7.18.5)
  int element = kArtifact;  // its Link structure element
  // A link broken over lines: one area per piece (the annotation's /QuadPoints, ISO 32000-1
  // 12.5.6.5), `rect` their union. Empty: `rect` alone.
  std::vector<Rect> quads{};
};

struct Page {
  Pt width = 0, height = 0;  // the MediaBox: trim, bleed and room for marks
  Rect trim, bleed;
  std::vector<Fill> fills;  // drawn first
  std::vector<Image> images;
  std::vector<GlyphRun> runs;
  std::vector<Dot> dots;
  std::vector<Rule> rules;  // drawn last (marks on top)
  std::vector<LinkArea> links{};
};

struct Outline {  // a bookmark: a section heading and where it starts
  std::string title;
  int page = 0;  // 0-based
  Pt y = 0;
  Pt x = 0;  // the view's left edge: on an imposed sheet, where the page's half starts
};

// Where a colour of the pages was chosen, so that a message about it (more ink than print
// allows) names the layout file and the line of its key, or the --set that gave it.
struct ColorSource {
  Cmyk color{};
  std::string file{};  // the layout file, or "--set"
  int line = 0;        // 0: not written there (the default), or on the command line
  std::string key{};   // as the user wrote it: "styles.heading.color", "heading.color"
};

struct PageModel {
  std::vector<Page> pages;
  std::string title, subtitle, author, lang, subject;
  std::vector<std::string> keywords;
  std::vector<Outline> outline;
  std::vector<std::string> warnings;  // for the user: missing glyphs, overfull lines
  Pt body_size = 0;                   // the body size the pages were set in
  Pt line_pitch = 0;                  // the baseline grid's pitch body lines sit on; 0: set off the grid
  bool proof = false;                 // guides drawn over the pages: not for print
  StructTree structure{};             // empty: untagged (pdf/ then writes no structure)
  std::vector<ColorSource> color_sources{};  // the style colours (and the quote tints made from them)
};

}  // namespace leafpress::layout
