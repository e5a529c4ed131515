// text/paragraph.hpp: one paragraph in, justified lines of positioned glyphs out.
//
// Input:  styled UTF-8 spans (bold, italic, code), a ParagraphStyle (size,
//         font families, language, alignment) and the line width.
// Stages: itemize (script + style → runs with a face each, per-script fallback)
//         → shape (HarfBuzz, with the run's language and script)
//         → find break opportunities (ICU line BreakIterator + CLReq/JLReq rules)
//         → build items (boxes, glue, penalties: text/items.hpp)
//         → choose breaks (Knuth–Plass total fit: text/knuth_plass.hpp)
//         → position glyphs on each line.
// Output: Paragraph: lines of PlacedGlyph; x is measured from the line's start
//         in points, y offsets are upward. Every glyph carries the text it
//         stands for (its HarfBuzz cluster, given to the first glyph of the
//         cluster), which pdf/ turns into a ToUnicode map.
// Errors: a face that cannot be found. Text that cannot break (a word wider than
//         the line) is broken between clusters, never an endless loop.
// Thread-safety: compose is reentrant; FontSet is shared read-only.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/units.hpp"
#include "text/font_set.hpp"

namespace leafpress::text {

struct HyphenExceptions;  // text/hyphenate.hpp

struct TextSpan {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool code = false;  // monospace-like: never hyphenated
  bool url = false;   // link target shown as text: breaks after / - . without a hyphen
  // A footnote reference: set at kSuperscriptScale of the size, raised kSuperscriptRise em,
  // with no break and no Han–Latin autospace before it (it belongs to the word it follows).
  bool superscript = false;
};

constexpr double kSuperscriptScale = 0.6;  // of the paragraph's size
constexpr double kSuperscriptRise = 0.35;  // em of the paragraph's size, baseline to baseline

struct FontFamilies {
  std::string latin = "Noto Serif";     // Latin, Greek, Cyrillic, digits, ASCII punctuation
  std::string cjk = "Noto Serif CJK";   // Han, kana, hangul, CJK punctuation; region from lang
  std::string mono = "Noto Sans Mono";  // code spans
};

// How much of a text's width is Latin and how much CJK, in ems, reckoning a Latin letter
// or digit at half an em (a serif lowercase averages about that) and a Han, kana or Hangul
// character or full-width mark at one. Layout adds these over an article to tell a Latin-led
// text with CJK terms from a CJK text with Latin ones (styles.body.align: auto).
// `latin_words` counts the Latin words: runs of letters and digits that an apostrophe or a
// point inside them ("don't", "3.5", "e.g") does not end, but a hyphen or a slash does, as
// a line may break there; latin / latin_words is the mean word's width, which tells how
// many word spaces a line of some measure has to justify with.
// `digits` is the part of `latin` that is digits (a phone number in a Chinese sentence).
struct ScriptWidths {
  double latin = 0, cjk = 0;
  double digits = 0;
  int latin_words = 0;
};
ScriptWidths script_widths(std::string_view text);

// Justify: both edges, Knuth–Plass with the CJK glue of items.hpp.
// Ragged: flush left, ragged right, broken by Knuth–Plass for an even rag (TeX's
//   \raggedright: a line may fall 2 em short at no great cost, spaces keep their width):
//   body text where justification would open the word spaces (layout decides when).
// Left: flush left, broken as Ragged (labels, table cells, the clinic block); first fit
//   ignored what a break costs and split Korean words between syllables ("흉|부 X-ray")
//   where the whole word fitted on the next line.
// Center: first fit, centred.
enum class Align { Justify, Left, Center, Ragged };

// Auto: Strict for Japanese (JLReq 3.1.7: no small kana or ー at a line start, as
// Japanese books set), Normal for the rest.
enum class LineBreakStrictness { Normal, Strict, Auto };

struct ParagraphStyle {
  Pt size = 10;
  FontFamilies fonts;
  std::string lang = "en";  // BCP 47
  Align align = Align::Justify;
  bool hyphenate = true;
  // With `hyphenate`: every word takes a hyphen at its patterns' points, a name or a capitalised
  // word and a compound's part too (at the paragraph's end as well), as CSS hyphens: auto does. For a
  // table cell too narrow for its words (layout/table.cpp, the step before a word is cut between
  // any two letters: "Phosphodiesteras- | e-4" where "Phosphodi- | esterase-4" reads).
  bool hyphenate_every_word = false;
  // With `hyphenate_every_word`: the paragraph's last word too, which otherwise takes no hyphen (a
  // last line of a syllable). For a table cell whose last word is wider than its share of the
  // table ("hydrochlorothiazide" alone in its cell, "Can cause indigestion"), the step after
  // every word and before a cut.
  bool hyphenate_last_word = false;
  // The article's own hyphenation of listed words (front matter `hyphenation:`), or none.
  // Not owned: it outlives every compose() of the article (layout's Scene holds it).
  const HyphenExceptions* hyphen_exceptions = nullptr;
  // Justified lines only: Latin glyphs may widen or narrow by up to this share of their width
  // (0.02: ±2 %, as microtype's font expansion), so that the word spaces vary less and fewer
  // words are hyphenated. Never Han, kana or Hangul. 0 (the default): off.
  double expansion = 0;
  // Ragged lines only: how far short a line may end at r = 1, in em (TeX's \rightskip
  // stretch); a smaller zone gives fuller lines and breaks words sooner. 0: plain TeX's 2 em.
  double rag_em = 0;
  LineBreakStrictness strictness = LineBreakStrictness::Auto;
  bool bold = false;  // the whole paragraph is bold (headings)
  // Titles, headings, captions (as CSS text-wrap: balance): as many lines as the text
  // needs at `width`, but of near-equal length, so that no word or character is left
  // alone; zh and ja break only between words (ICU's dictionary word breaks), never
  // "糖尿病足部护理：每 | 天五分钟". The lines are not justified; `align` places them.
  bool balance = false;
  // zh and ja: break between words as titles do (balance, above) and inside one only where no
  // set of lines can do without; for table cells, whose narrow lines parted "琥珀酸亚 | 铁".
  // measure() still counts such breaks for min-content: the columns keep their widths. Korean:
  // a break between syllables only inside a word wider than the line, at the same cost (a ragged
  // cell took them to even its lines: "모서 | 리는" in a row three lines tall anyway); its
  // columns are as wide as their widest word already (layout/table.cpp measure_columns).
  bool keep_words = false;
};

struct PlacedGlyph {
  const Face* face = nullptr;
  unsigned glyph = 0;
  Pt x = 0;          // from the start of the line
  Pt y = 0;          // upward offset from the baseline
  Pt advance = 0;    // the advance the glyph had after shaping
  std::string text;  // the characters this glyph stands for; empty for later glyphs of a cluster
  // Emphasis on Han and kana: CJK has no italic, and slanting it is a fake. CLReq 3.2.3
  // marks emphasis with a dot under each character (zh), JLReq 3.2.1 with a sesame dot
  // above it (ja); layout draws the mark, so it never enters the text.
  bool emphasis_mark = false;
  // Which of compose()'s spans the glyph's characters come from (-1: none), so that layout can
  // find a link's or a struck span's glyphs; superscript: drawn at kSuperscriptScale of the
  // size (x, y and advance already are in points of the smaller glyph).
  int span = -1;
  bool superscript = false;
  // Horizontal scale of an expanded glyph (ParagraphStyle::expansion): 1 ± at most the
  // expansion; `advance` and the line's x positions include it, pdf/ draws it (a text matrix
  // of that width).
  double scale = 1;
  bool operator==(const PlacedGlyph&) const = default;
};

struct Line {
  std::vector<PlacedGlyph> glyphs;
  Pt width = 0;                 // natural width after justification (≤ line width unless overfull)
  bool hyphenated = false;      // ends with an inserted hyphen
  bool ends_at_hyphen = false;  // breaks after a hyphen of the text ("medication- | overuse")
  // Breaks inside a word, no hyphen shown: "보습 | 제는", "names/ | pairs", "内 | 視鏡", "example. | org".
  bool ends_in_word = false;
  // Breaks where the breaker's last pass alone may (kUnitBreakPenalty): a number from its unit
  // ("10 | mg"), a phone number's groups, a numbered name ("Type | 2"), a dose's ordinal ("Hib | 3차").
  bool ends_at_unit = false;
  bool overfull = false;  // nothing fitted: a piece wider than the line
  // Its CJK characters spread past kCjkStretchCap (set_line): wider than the gap at which text
  // readers see a word break (poppler's is 0.1 em), so the PDF gives its text (/ActualText).
  bool spread = false;
  // The adjustment ratio the line is judged by (The TeXbook's r). Justified: how far its
  // word spaces were opened, 0 their natural width, 1 their full stretch (half an em),
  // kTolerance 0.78 em; negative, shrunk (-1: their least). Ragged: how far short of the
  // measure it ends, in the rag's 2 em. 0 on a paragraph's last line. Layout weighs the
  // paragraphs it sets again by it (hyphen_budget.hpp).
  double ratio = 0;
  [[nodiscard]] std::string text() const;  // the line's characters, for tests and messages
  // Does it end on an English word that leads into the next line's (an article, a possessive, a
  // preposition, a conjunction: "Eating Well in | Pregnancy", "Supplements and | Foods")?
  [[nodiscard]] bool ends_leading_on() const;
  bool operator==(const Line&) const = default;
};

struct Paragraph {
  std::vector<Line> lines;
  Pt size = 0;                    // font size of every glyph
  std::vector<char32_t> missing;  // characters no font had (drawn as .notdef)
};

// What layout may ask of one composition beyond the style.
struct ComposeOptions {
  // 0-based lines that must not end with an inserted hyphen, a compound's own or inside a
  // Korean word: the last line of a column, panel or page (a reader must not turn a fold or a
  // page mid-word). The breaker finds
  // the best other breaks; the line count may change, so layout checks it.
  std::vector<int> no_hyphen_lines;
  // > 0: the same number of lines as before, if any break set has it (layout has placed
  // the lines and must not lose or gain one); otherwise the best of any count.
  int exact_lines = 0;
  // Fewer hyphens: a word is broken only where no set of lines keeps every word space within
  // kTolerance (0.78 em), not, as by default, wherever the spaces would pass 0.58 em; ragged,
  // only where a line would otherwise end more than 6.5 em short, not 4.3 em. Layout asks it
  // of the paragraphs it re-sets when an article has more hyphens than it allows
  // (layout/hyphen_budget.hpp).
  bool fewer_hyphens = false;
  // Fewer loose lines (the opposite trade, justified text): a word is broken wherever that keeps
  // every word space within kLooseTolerance (0.55 em), not only where they would pass 0.58 em;
  // where no set of lines can, the paragraph is set as usual.
  // Layout asks it of the paragraphs with loose lines when an article has more of them than it
  // allows and hyphens to spare (layout/hyphen_budget.hpp).
  bool fewer_loose_lines = false;
  // >= 0: the 0-based line that should end a sentence, the last before a folded leaflet's turn
  // (a reader turns the sheet between sentences, not inside one): where a
  // sentence ends inside that line (not an abbreviation's point) and the line keeps a third of
  // the measure, it ends there as a paragraph's last line does (short, not justified) and the
  // next sentence starts the next line, if that keeps the line count (exact_lines); otherwise
  // the lines are set as without it.
  int sentence_end_line = -1;
};

// The loosest a justified line's word spaces open (as a ratio of their stretch, Line::
// ratio) before a line is judged a failure: 0.78 em with Noto's 0.26-em space (TeX's
// \tolerance=1000, badness 1000).
constexpr double kTolerance = 2.154;
// A justified line whose spaces open past 0.55 em (r = 1.2) reads loose: an article should have
// no more than one in twenty (layout/hyphen_budget.hpp).
constexpr double kLooseTolerance = 1.2;

// Composes a paragraph into lines `width` points wide.
Result<Paragraph> compose(const std::vector<TextSpan>& spans, const ParagraphStyle& style, Pt width,
                          const FontSet& fonts);
Result<Paragraph> compose(const std::vector<TextSpan>& spans, const ParagraphStyle& style, Pt width,
                          const FontSet& fonts, const ComposeOptions& options);

// Builds, for a zh or ja article, the dictionary ICU breaks its titles between words with
// (ParagraphStyle::balance; some 8 M instructions, once per process; nothing for other
// languages), so that a cold build can have it built on another thread while it starts.
void load_word_dictionary(const std::string& lang);

// CSS's min-content and max-content widths (CSS Sizing 3, 5.1) of the spans in this style:
// the widest piece between two break opportunities (no hyphenation unless the style has
// it), and the widest line when nothing but hard line breaks break it. Tables size their
// columns from these (layout/table.cpp). A number keeps its unit ("10 mg", a phone number's
// groups) in `min`, as the breaker keeps them but as a last resort; `min_parted` is the
// widest piece when even those part, for a table that fits no other way; `min_words` the widest
// piece when no break that keep_words makes dear is taken either (inside an ICU word, or between
// a character ICU does not know and its neighbour): Chinese and Japanese words whole, and at
// times a phrase ("カメラのみ"), for widths a table tries beside those from `min`.
struct ContentWidths {
  Pt min = 0, max = 0;
  Pt min_parted = 0;
  Pt min_words = 0;
};
Result<ContentWidths> measure(const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                              const FontSet& fonts);

}  // namespace leafpress::text
