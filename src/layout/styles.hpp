// layout/styles.hpp: what every step of one layout shares, and the paragraph
// styles of each role (body, headings, captions) at a given body size.
//
// Headings, captions and leading scale with the body size, so copy-fit changes
// one number. compose_checked composes through text::compose and turns missing
// glyphs and overfull lines into warnings for the user.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "doc/image.hpp"
#include "layout/template.hpp"
#include "text/font_set.hpp"
#include "text/hyphenate.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

// What the body text of an article is made of, from text::script_widths over its paragraphs,
// list items and notes (not headings, tables or code): enough to choose its alignment.
struct TextMix {
  double latin_share = 0;    // the Latin part of its width
  double latin_word_em = 0;  // the width of its mean Latin word, in em (0: no Latin)
};
TextMix text_mix(const doc::Document& d);

struct Scene {  // read-only for every step of one lay_out call
  const doc::Document& doc;
  const Template& t;
  const text::FontSet& fonts;
  std::string lang;
  std::map<std::string, std::shared_ptr<const doc::Raster>> images;  // by resolved path
  TextMix mix{};  // of the body text (text::script_widths), set once by lay_out
  // The article's `hyphenation:` list, for every style made here (a ParagraphStyle points at it):
  // shared by the scene's copies (body_setting.hpp's variants) and by each Collected::recompose,
  // so that a paragraph composed again outlives the scene it was first composed from.
  std::shared_ptr<const text::HyphenExceptions> hyphenation{};
  // Align by the measure alone (kJustifyLatinMinEm), as if every paragraph were of the article's
  // script and its words of ordinary length: layout's re-fit where the word rules below would
  // take more pages.
  bool by_measure = false;
  // Set a Latin-led article ragged after all: justified, it spent more than its budgets allow
  // (hyphen_budget.hpp: hyphenated or loose lines), and ragged lines do not (body_setting.hpp).
  bool ragged_for_budget = false;
  // Ragged body lines with a tighter rag (kTightRagEm): layout's re-fit where the usual rag
  // would take more pages.
  bool tight_rag = false;
};

// Justified Latin text needs a long line: about 30 em, 60–65 characters, the measure TeX's
// spacing was made for. In a leaflet's 16–28 em columns a justified line can only open its
// word spaces past half an em or break a word, one line in six (measured on the seed and
// the test articles: word gaps p95 0.6–0.75 em, or 15–20 % of lines hyphenated at 0.55).
// A typographer sets such columns ragged right, as large-print guidance asks too (RNIB
// Clear Print; WCAG 2.1 SC 1.4.8: "text is not justified"). CJK text stays justified
// (CLReq 3.8, JLReq 3.8, KLREQ): it fills the measure on its grid of whole ems.
constexpr double kJustifyLatinMinEm = 30;
// What justifies a line is its word spaces, and 30 em holds ten words of ordinary English
// (the seed's mean word is 5.9 letters, 3.2 em with its space; the test articles' 4.3 to
// 5.6). An article of longer words (a nephrology sheet averaging 8 letters: 7 words in
// 30 em) has fewer spaces a line to open and more words that only a hyphen can part, so it
// is justified only in a column that holds ten of its words. A word's space is reckoned at
// a quarter em (Noto Serif's 0.26).
constexpr double kJustifyMinWords = 10;
constexpr double kWordSpaceEm = 0.25;
// A tighter rag: a ragged line may end this far short (in em) at r = 1, instead of plain TeX's
// 2 em (text/paragraph.cpp, kRaggedStretchEm). Its lines come fuller and a long word breaks a
// little sooner (a hyphen costs as much as a line 2.6 em short, not 4.3), so the article takes
// fewer lines; its hyphens stay within budget (hyphen_budget.hpp) as the usual rag's do.
constexpr double kTightRagEm = 1.2;
// The text is Latin-led when more than this share of its width is Latin (the seed: English
// sentences with Chinese terms); CJK sentences with English terms stay justified.
constexpr double kLatinLedShare = 0.5;

// How body paragraphs of `column` (the full column, not a list's indented measure, so that
// every paragraph of an article agrees) at `size` are aligned (styles.body.align).
text::Align body_align(const Scene& s, Pt column, Pt size);
// The same for one paragraph, list item or note: as the article, except that in a CJK-led
// article a paragraph that is itself Latin-led (English sentences in a Chinese handout) is set
// ragged where an English article would be: a narrow column opens its few word spaces just as
// wide, whatever the language of the paragraphs around it. Bilingual leaflets set each
// language by its own custom, Chinese justified and English ragged, side by side.
text::Align body_align(const Scene& s, Pt column, Pt size, const doc::Block& block);
// Sets a body paragraph's (list item's, note's) alignment by body_align and, where it is
// ragged, its rag: Scene::tight_rag's, or the usual. Table cells, code and captions keep theirs.
void align_body(const Scene& s, text::ParagraphStyle& st, Pt column, Pt body, const doc::Block& block);
// Is `column` at `size` too narrow for justified Latin text of the article's words (under
// kJustifyLatinMinEm or kJustifyMinWords of them)?
bool too_narrow_to_justify(const Scene& s, Pt column, Pt size);
// Do the word rules set some body text at `size` in `column` ragged that the measure alone
// would justify: the article, for its long words (the column holds kJustifyLatinMinEm but
// fewer than kJustifyMinWords of them), or English paragraphs of a CJK-led article? Layout
// then justifies them after all where their ragged lines would need more pages (layout.cpp).
bool aligned_by_words(const Scene& s, Pt column, Pt size);

text::ParagraphStyle body_style(const Scene& s, Pt body);
text::ParagraphStyle heading_style(const Scene& s, int level, Pt body);
text::ParagraphStyle caption_style(const Scene& s, Pt body);

std::vector<text::TextSpan> to_text_spans(const doc::Block& block);

Result<text::Paragraph> compose_checked(const Scene& s, const std::vector<text::TextSpan>& spans,
                                        const text::ParagraphStyle& st, Pt width, int line,
                                        std::vector<std::string>& warnings);

}  // namespace leafpress::layout
