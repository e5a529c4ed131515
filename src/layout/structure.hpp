// layout/structure.hpp: the tag tree (PageModel::structure), in reading order.
//
// Tagged PDF (ISO 32000-1 14.7-14.8) and PDF/UA-1 (ISO 14289-1) need, for every
// drawn piece, the structure element it belongs to, and the elements in the
// article's reading order, which on a folded leaflet is not page order. Layout
// knows both; pdf/ only writes them. The tree is built once, at the final body
// size (never in a copy-fit trial):
//   Document
//     H1 (the cover title), P (subtitle), P (author)      from the cover
//     P ... and one Sect per heading, nested by level:    from the body
//       H2..H6 (levels never skip: the first body heading is H2, a jump is clamped),
//       P, L > LI > (Lbl, LBody > P), BlockQuote, Figure (/Alt) > Caption
//     Note > P (footnotes)
//     Sect (the clinic block), last                        from the back panel
// Marks, bands, tints, rules, guides, emphasis dots and cover art stay
// artifacts (Tag::element == kArtifact, the default).
// Steps, called by lay_out:
//   1. set_cover and set_clinic tag their pieces in a Decoration's own tree
//      (local_element, next_tag); graft() moves that tree into the model's;
//   2. build_body_structure gives each Collected its element ids (P, Lbl, Figure),
//      which place_blocks puts on what it draws;
//   3. split_languages: where the script changes language inside a line (English
//      words in a Chinese article), the run is split and the part gets a Span
//      with its own /Lang; an element that is wholly in the other language gets
//      /Lang itself;
//   4. number_reading_order: Tag::order in reading order (a depth-first walk of
//      the tree; an element's own pieces and its children merged in the order
//      they were drawn).
// Thread-safety: plain functions on plain data.
#pragma once

#include <string>
#include <vector>

#include "layout/blocks.hpp"
#include "layout/decoration.hpp"
#include "layout/page_model.hpp"

namespace leafpress::layout {

// "P", "H2", "BlockQuote": the standard structure type's name (ISO 32000-1 14.8.4).
const char* struct_type_name(StructType type);

// An element in a Decoration's own tree (`parent` kArtifact: one of its roots).
inline int local_element(Decoration& d, StructType type, int parent = kArtifact) {
  return d.structure.add(type, parent);
}

// The tag of the next piece a Decoration draws for `element`, in drawing order.
inline Tag next_tag(Decoration& d, int element) {
  return Tag{element, d.next_order++};
}

// Moves `d`'s own tree under `parent` in `tree` (its roots become parent's last
// children, in order) and renumbers the tags of its pieces to match.
void graft(StructTree& tree, int parent, Decoration& d);

// The body's elements under `root`, one per block of `c` (in place: Collected::tags). A picture without alt
// text gets a warning.
void build_body_structure(StructTree& tree, int root, const Scene& s, Collection& c,
                          std::vector<std::string>& warnings);

// The language of a glyph's text when it is not `lang`'s script: "en" for Latin
// letters in a CJK document; "ja", "ko" or "zh" for kana, Hangul or Han in another;
// "" when it is the document's (or neutral: digits, punctuation, spaces).
std::string foreign_language(const std::string& text, const std::string& lang);

void split_languages(PageModel& model, const std::string& lang);

void number_reading_order(PageModel& model);

}  // namespace leafpress::layout
