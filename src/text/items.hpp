// text/items.hpp: the boxes, glue and penalties a line breaker chooses among.
//
// The model is Knuth and Plass's ("Breaking paragraphs into lines", 1981):
//   Box      material of fixed width: a word or a piece of one, one CJK character;
//   Glue     space that may stretch or shrink; a legal break when it follows a box;
//            it disappears at a line edge;
//   Penalty  a possible break with a cost; `flagged` marks a hyphen break;
//            cost >= kInfinitePenalty forbids a break, <= -kInfinitePenalty forces one.
// build_items turns shaped text into items under the rules of W3C CLReq/JLReq:
//   - word spaces (Latin and Korean): the font's space; it stretches to kWordSpaceMax
//     (half an em) at ratio 1, as TeX's Computer Modern does (1/3 + 1/6 em) and KLREQ
//     asks of Korean, and at least by half its width; it shrinks by 2/5 of it (Noto's
//     space is narrow, 0.26 em: shrunk it stays above 0.15 em). A stretch of half of
//     Noto's narrow space made a 0.39 em gap as costly as TeX makes a 0.5 em one, so
//     the breaker bought even gaps with hyphens;
//   - between CJK characters: zero glue that may stretch a little (kCjkStretch),
//     so that justification spreads CJK text without visible letter-spacing;
//   - Han/Kana next to Latin letters or digits: 1/4 em (CLReq 3.4, JLReq 3.1.8);
//     a space typed there becomes this glue, not a word space;
//   - full-width closing marks (、。，．」）...) are a half-em box and half-em glue,
//     opening marks half-em glue and a half-em box: half width at a line edge, and
//     adjacent marks share one half em (。」 is 1.5 em);
//   - unit signs (% ‰ ℃ ° ℉) after a number count as Latin for the quarter em:
//     "降低30%以上" has it on both sides of "30%";
//   - kinsoku (CLReq 3.1.7, JLReq 3.1.7): no break before a closing mark or stop,
//     none after an opening mark; —— and …… never split.
// Units: points. Glyph indices refer to Items::glyphs (text order) and hyphens.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/units.hpp"
#include "text/font_set.hpp"

namespace leafpress::text {

constexpr double kInfinitePenalty = 10000;

// Tie: a space inside a quantity ("140 mmHg", "+1 555 0100"): it stretches as a word space
// up to r = 1 but never opens past it, where a line no break could fill opens its spaces.
// Cjk: between two CJK characters; Punctuation: the half em beside a compressible mark.
// CjkHeld: Cjk glue that a line no break could fill does not spread past its cap
// (paragraph.cpp set_line): beside a mark that keeps its em, inside a katakana word, before a
// small kana or ー.
enum class GlueKind : std::uint8_t { Word, Autospace, Cjk, Punctuation, Fill, Tie, CjkHeld };

// A box never stretches: Latin words, Hangul words and digits keep their natural
// letterfit (CLReq 3.8, JLReq 3.8: lines are adjusted in the spaces between them).
struct Box {
  Pt width = 0;
  std::uint32_t glyph_begin = 0, glyph_end = 0;  // range in Items::glyphs
  Pt shift = 0;  // where the glyphs start relative to the box (an opening mark's ink lies right)
  // Latin letters, digits and their punctuation only: glyphs that may be widened or narrowed a
  // little, as pdfTeX's font expansion does (KnuthPlassParams::expansion). Never Han, kana or
  // Hangul, which keep their em grid and their syllables' letterfit.
  bool expandable = false;
  bool operator==(const Box&) const = default;
};

struct Glue {
  Pt width = 0, stretch = 0, shrink = 0;
  GlueKind kind = GlueKind::Word;
  std::int32_t glyph = -1;  // a typed space drawn at the glue's start, so text extraction keeps it
  bool operator==(const Glue&) const = default;
};

struct Penalty {
  Pt width = 0;  // added to the line when the break is taken (the hyphen)
  double cost = 0;
  bool flagged = false;  // a hyphen break: two in a row cost extra
  // A break inside a word that shows no hyphen (between two Korean syllables, KLREQ; after the
  // slash of two names, "amoxicillin/ | clavulanate"; inside an address, kUrlBreak; inside a
  // Chinese or Japanese word a title or a table cell keeps whole where it can, kInWordBreak):
  // kept off a column's last line as a hyphen is (KnuthPlassParams::no_flagged_lines), and
  // Line::ends_in_word says it was taken.
  bool in_word = false;
  // A break worth taking only where it fills its line (a Korean syllable break, KLREQ: the
  // fallback for a line whose spaces would open past half an em). Where the line still ends short
  // it costs KnuthPlassParams::unfilled_split_demerits more: "들이마 | 시기" on a line 2.8 em short
  // was a parted word and a short line, two faults for one (a reviewer).
  bool fills = false;
  std::int32_t glyph = -1;  // the hyphen to draw, index in Items::hyphens
  bool operator==(const Penalty&) const = default;
};

using Item = std::variant<Box, Glue, Penalty>;

// Values of ItemInput::breaks. kUrlBreak: inside a URL or an e-mail address, after / . - @;
// no hyphen is added, and the line may end short (kUrlRaggedStretch): a line of nothing
// but an address has no space to justify with. On the first character of an address after
// a space, kUrlBreak is the space's break, which may also end the line short
// (kBeforeUrlBreakPenalty).
// kUnitBreak: the space between a number and its unit ("140 mmHg"), a break taken only
// when every other way is worse (kUnitBreakPenalty).
// kInWordBreak: in a title, between two Chinese or Japanese characters of one word or phrase
// (paragraph.cpp keep_cjk_words_whole): a break (kInWordBreakPenalty) the balancer takes only
// when the word is wider than the line, as a Latin word wider than the line is split.
// kGluedBreak: the same, at a boundary of ICU's words that the title glued (a character ICU
// left alone, most likely part of a word it does not know: 复 | 诊), the first to part then.
constexpr std::uint8_t kHyphen = 1, kNameHyphen = 2;  // values of ItemInput::hyphens
// kNameSyllableBreak: between two syllables of a Korean word glossed in Latin letters right
// after it ("클로피도그렐(clopidogrel)"), a name or term a patient must recognise: taken only
// in the last passes, where lines are weighed by how short they end, as a Latin name's hyphen
// in CJK text is (kNameHyphenPenalty). Dearer still (kUnitBreakPenalty), a list item in a
// tri-fold's 13-em panel ended two lines 5 and 6 em short to keep 아세트아미노펜 whole.
// kLoneSyllableBreak: before a Korean case particle that would start a line alone ("건강 | 을",
// break_opportunities.cpp keep_syllable_pairs): it reads as a fragment, so it waits for the
// last passes (kLoneParticlePenalty), where the line it fills would otherwise end far short.
// kTieBreak: the space after a bare number in Latin text, before a word ("every 4 | to 6 hours",
// "at 2 | and 4 months", "18 | Corporation Street"): a break there reads as if the number ended
// something, so it costs a little (kTiePenalty), as TeX's authors tie such spaces by hand (~).
// kMeasureWordBreak: the same before a unit or a count written out ("10 | minutes", "2 | puffs",
// "3 to 7 | days"): justified, a tie (kTiePenalty); ragged, where keeping them together only
// deepens the rag, dearer (kRaggedMeasurePenalty).
// kLastPassBreak: a break taken only where nothing else will do, as a unit's, but a little
// cheaper (kLastPassBreakPenalty), and for a table's min-content an ordinary break (paragraph.cpp
// measure): after the en dash of a range of two times ("8:00 a.m.– | 11:30 a.m.", rather than
// "8:00 a.m.–11:30 | a.m." in a narrow column of opening hours). As a unit's break, it made a
// table's column as wide as the whole range, and the table smaller.
// kNumberPrefixBreak: between a word that belongs to the number after it and the number: 第 that
// makes it an ordinal, spaced ("第 14 天"), 약, 约 or 約 that make it a guess ("1회 약 3~4.5 mL",
// "约5～7天"), 每 a rate, a time of day ("下午 2:00", "午後5時", "오전 9시"). As dear as a tie
// (kNumberPrefixPenalty), but no tie for a table's min-content (paragraph.cpp measure): a column kept "第
// 10～14 天" whole and set its table at 9 pt beside a 14 pt body.
constexpr std::uint8_t kNoBreak = 0, kBreak = 1, kFallbackBreak = 2, kUrlBreak = 3, kUnitBreak = 4,
                       kInWordBreak = 5, kGluedBreak = 6, kNameSyllableBreak = 7, kLoneSyllableBreak = 8,
                       kTieBreak = 9, kMeasureWordBreak = 10, kNumberPrefixBreak = 11, kLastPassBreak = 12;
// A Korean break between syllables at a cost: kFallbackBreak, kNameSyllableBreak, kLoneSyllableBreak.
constexpr bool is_syllable_break(std::uint8_t b) {
  return b == kFallbackBreak || b == kNameSyllableBreak || b == kLoneSyllableBreak;
}

// One glyph after shaping, in points at the paragraph's size.
struct ShapedGlyph {
  const Face* face = nullptr;
  unsigned glyph = 0;
  std::uint32_t cluster = 0;  // byte offset of its characters in the paragraph text
  Pt advance = 0, x_offset = 0, y_offset = 0;
  bool unsafe_to_break = false;  // HB_GLYPH_FLAG_UNSAFE_TO_BREAK: no break before it
  bool emphasis_mark = false;    // an emphasised Han or kana character: gets a dot (see PlacedGlyph)
};

// What a character is, for choosing fonts, glue and break rules.
enum class CharClass : std::uint8_t {
  Space,  // U+0020, tab
  NoBreakSpace,
  Newline,     // a hard line break
  Latin,       // letters and digits of alphabetic scripts
  LatinPunct,  // other characters set in the Latin font
  Cjk,         // Han, kana, bopomofo
  Hangul,
  CjkOpen,   // full-width opening brackets and quotes: ink in the right half
  CjkClose,  // full-width closing brackets, quotes, 、。，． : ink in the left half
  CjkOther,  // other full-width marks (：；！？ ・ — … U+3000)
};

[[nodiscard]] bool is_cjk(CharClass c);

struct Items {
  std::vector<Item> items;
  std::vector<ShapedGlyph> glyphs;   // text order
  std::vector<ShapedGlyph> hyphens;  // glyphs drawn only when their penalty is taken
};

// Tunables, in em of the paragraph's size unless said otherwise.
constexpr double kCjkStretch = 0.04;     // per gap; at ratio 2 still under pdfcheck's 0.1 em
constexpr double kCjkStretchCap = 0.08;  // what CJK glue gives with the other spaces (paragraph.cpp set_line)
// A justified line no break could fill spreads the gaps between its CJK characters past the
// cap, evenly (JLReq 3.8.3 c; paragraph.cpp set_line), to cjk_spread_max at most: more for a
// line of many gaps, whose spread shows less and spares a larger hole, less for a few
// ("2. 唑 來 膦 酸（zoledronic acid）" read as emphasis), none for under kCjkSpreadMinGaps.
constexpr int kCjkSpreadMinGaps = 5;
constexpr double kCjkSpreadMax = 0.33;  // em a gap, from 18 gaps up
[[nodiscard]] constexpr double cjk_spread_max(int gaps) {
  return gaps < kCjkSpreadMinGaps ? 0 : std::min(kCjkSpreadMax, 0.15 + 0.01 * gaps);  // 5 gaps: 0.2 em
}
constexpr double kAutospace = 0.25;
// A hyphen costs as much as a line at the tolerance of the hyphenating pass (badness
// 1000, see text/paragraph.cpp): a line that spaces within tolerance is preferred to a
// hyphen. TeX's own 50 was set for 30-em lines; in a leaflet's 20-em columns it
// hyphenated one line in five.
constexpr double kHyphenPenalty = 1000;
constexpr double kExplicitHyphenPenalty = 50;
constexpr double kEmergencySplitPenalty = 5000;  // breaking a word that fits no line
constexpr double kInWordBreakPenalty = 4000;     // kInWordBreak: a title's CJK word that fits no line
constexpr double kGluedBreakPenalty = 3900;      // kGluedBreak
// A break inside an address costs what a break after a typed hyphen does (nothing is
// added to the text), and the line before it may fall short by up to this (glue that exists only at the
// break, as Knuth and Plass set ragged-right text: stretch S, the break, then -S, which cancel when it is not
// taken).
constexpr double kUrlBreakPenalty = 50;
// After a . - or @ inside an address, dearer, half a hyphen's cost: it parts a name, and the piece
// before reads as a sentence's end ("https://www. | example-clinic.org"), a hyphenated word
// ("…/physio- | self-referral") or a scrap ("…example.nhs. | uk/headache"), where after a slash it
// reads as the path it is ("https:// | kafun.env.example.go.jp", "…nhs.uk/ | headache/diary").
// Not a whole hyphen's: a justified line then opened its spaces to 0.67 em rather than part an
// e-mail address after a dot ("write to | travel.health@…").
constexpr double kUrlNameBreakPenalty = kHyphenPenalty / 2;
constexpr double kUnitBreakPenalty = 3000;  // dearer than a hyphen: the passes tell them apart
// kTieBreak: a somewhat looser line rather than a number at a line's end, but not a much looser
// one: the demerits of a line at badness ~290 (r about 1.4), where a hyphen's are at ~1000. At
// 150 half the lines that ended on a number still did in a test paragraph, at 300 a quarter.
constexpr double kTiePenalty = 300;
constexpr double kNumberPrefixPenalty = kTiePenalty + 1;  // costs tell breaks apart (paragraph.cpp measure)
// Under kUnitBreakPenalty and over kNameHyphenPenalty: the passes past the tolerance only
// (paragraph.cpp kPasses), before a unit's break.
constexpr double kLastPassBreakPenalty = 2900;
// kMeasureWordBreak in ragged text, where a shorter line opens no space and only deepens the rag:
// just under a hyphen, as much as a line some 4 em short (r = 2 of plain TeX's 2 em rag). At
// kTiePenalty two reviewers' leaflets read "longer than 10 | minutes", "44 mcg, 2 | puffs" and
// "every 3 to 7 | days" to save a line 2 em of rag. Not a hyphen's cost exactly (costs tell
// breaks apart, paragraph.cpp measure); the word after it costs as much more to hyphenate.
constexpr double kRaggedMeasurePenalty = 999;
constexpr double kUrlRaggedStretch = 3.0;
// The word space before an address typed as text is also a break where the line may end
// short by kUrlRaggedStretch, at this cost: only when no set of lines within tolerance
// exists (the passes in paragraph.cpp), as when "이용하시거나 https://hanbit-clinic.example/"
// cannot share a line and the only justified alternative opens the spaces to 1.7 em.
constexpr double kBeforeUrlBreakPenalty = 2 * kHyphenPenalty;  // under kUnitBreakPenalty: a pass
                                                               // that keeps units whole may take it
// A Latin name in Chinese, Japanese or Korean text ("华法林（warfarin）") is kept whole, but
// where keeping it whole leaves a line of a justified paragraph 2 em shorter than its
// spaces can fill, it takes a hyphen at a pattern's point (kNameHyphen) as TeX and xeCJK
// would: a justified paragraph of four lines ending 3–4 em short ("常用的口服抗凝药物包括华 |
// 法林（warfarin）、利伐沙 | 班（rivaroxaban）…" in a tri-fold's panel) reads as ragged
// text, each short line as a paragraph's end. Its cost is a line 2 em short in the passes
// that weigh short lines (knuth_plass.hpp soft_line_demerits: (10 + 1000)² · (1 + 2²) ≈ 2258²);
// the passes before them, which keep lines within tolerance, do not take it.
constexpr double kNameHyphenPenalty = 2258;
// A Korean name's break between syllables (kNameSyllableBreak) shows no hyphen: the reader meets
// "유리 | 티록신(free T4)" as two words. It costs a line 2.75 em short in Korean's last passes
// (paragraph.cpp kKoreanMaxOpenRatio: ~1010² · 2.75²), dearer than a Latin name's hyphen, so
// the name goes whole to the next line unless the line before it would end ~3 em short.
constexpr double kNameSyllablePenalty = 2778;
// A Korean case particle alone at a line's start (kLoneSyllableBreak, "진료 | 를", "시럽 | 을")
// costs a justified line 1 em short in the last passes ((10 + 1000)² · (1 + 1²) ≈ 1428²,
// knuth_plass.hpp soft_line_demerits). At a line 2 em short, as a name's hyphen costs, a
// Korean reader judged the lines it left short ("신우신염일 수 있으므로 당일에 | 진료를",
// 1.9 em; "식사 후 바로 눕거나 허리를 숙이는 자세는 위산을" in a handout) worse than the particle
// that starts the next: a justified column a line in four short reads as ragged.
constexpr double kLoneParticlePenalty = 1428;
// Ragged text keeps the dearer cost: its lines may end short, and a particle parted from its word
// buys nothing there. A ragged line is weighed so only past 4.3 em short (kTolerance of its 2 em
// stretch): it would have to end some 6 em short to take it, which a word of three syllables
// never leaves.
constexpr double kRaggedLoneParticlePenalty = kNameHyphenPenalty;
// A word space stretches to this at ratio 1 (badness 100).
constexpr double kWordSpaceMax = 0.5;
// KLREQ: Korean breaks at word spaces; a break between two syllables of a word is a
// fallback, taken only when the word spaces of the line would open past half an em
// (paragraph.cpp breaks Korean at a tolerance of r = 1). At this cost (TeX scale,
// squared into demerits: 100² ≈ (10 + 100·0.97³)²) a syllable break is worth about one
// line whose spaces open to half an em.
constexpr double kSyllableBreakPenalty = 100;
// The breaker and min-content tell a particle's break from the other breaks inside a word by its cost.
static_assert(kLoneParticlePenalty != kSyllableBreakPenalty && kLoneParticlePenalty != kNameSyllablePenalty &&
              kRaggedLoneParticlePenalty != kSyllableBreakPenalty &&
              kRaggedLoneParticlePenalty != kNameSyllablePenalty &&
              kRaggedLoneParticlePenalty >= kNameHyphenPenalty);

struct ItemInput {
  std::string_view text;
  std::span<const CharClass> classes;  // per byte: the class of the character starting there
  // per byte (size text+1): kBreak = a line may break before it, kFallbackBreak = only as a
  // fallback at kSyllableBreakPenalty (between Korean syllables), kUrlBreak = inside an
  // address, 0 = no break
  std::span<const std::uint8_t> breaks;
  // per byte: kHyphen = a hyphenation point before it, kNameHyphen = one inside a Latin name
  // in CJK text (kNameHyphenPenalty)
  std::span<const std::uint8_t> hyphens;
  std::span<const ShapedGlyph> glyphs;  // text order
  Pt em = 10;
  bool centered_stops = false;  // zh-Hant: 、。，． sit in the middle of the em and keep their full width
  Pt max_box_width = 0;         // > 0: a word wider than this is broken between clusters (with a hyphen)
  double hyphen_penalty = kHyphenPenalty;  // the cost of a break at a hyphenation point
  // The cost of a Korean particle alone at a line start: kLoneParticlePenalty justified,
  // kRaggedLoneParticlePenalty ragged.
  double lone_particle_penalty = kLoneParticlePenalty;
  // The cost of the space after a bare number before a unit or a count written out
  // (kMeasureWordBreak): kTiePenalty justified, kRaggedMeasurePenalty ragged.
  double measure_penalty = kTiePenalty;
};

Items build_items(const ItemInput& in);

// The items of one text in a form that holds at every size: copy-fit sets a paragraph at
// three or four sizes, and every width in its items is the size times something that does
// not change (a cluster's glyph advances, so many em of glue, the font's hyphen), while
// what items there are depends on the size only through a word wider than a line
// (max_box_width) and whether a full-width mark's glyph is wider than 0.9 em.
// plan_items reads the text once; build_items(plan, in) then computes the widths at
// in.em with the same operations in the same order as build_items(in), and returns
// build_items(in) itself when the plan does not hold at that size (a word to split, a
// mark that changed): the result is equal bit for bit. `in` must be the input the plan
// was made from, but for its glyphs (the same glyphs at another size) and max_box_width.
struct ItemPlan {
  // How an item's widths follow from the size.
  struct Recipe {
    enum How : std::uint8_t {
      None,        // no width (forced breaks, plain penalties, an empty box)
      Clusters,    // a box: the widths of clusters first..last
      OpenMark,    // a full-width mark's half-em box (cluster first), its ink shifted left
      CloseMark,   // the same, its ink where it is
      Em,          // glue: width, stretch and shrink so many em (`em` says which, items.cpp)
      WordSpace,   // glue: a typed space (cluster first), see word_space
      GroupSpace,  // the same between a number's digit groups, see group_space
      Hyphen,      // a hyphen break: the width of its face's hyphen
    };
    How how = None;
    std::uint8_t em = 0;  // Em: which of the glue shapes in items.cpp (12 bytes a recipe, not 40)
    std::uint32_t first = 0, last = 0;
  };
  std::vector<Item> items;      // at the size the plan was made at
  std::vector<Recipe> recipes;  // one per item
  std::vector<ShapedGlyph> hyphens;
  std::vector<std::uint32_t> clusters;  // the first glyph of each cluster, then the glyph count
  // The clusters whose full width decided what they are, and what it decided.
  std::vector<std::pair<std::uint32_t, bool>> full_width;
  double hyphen_penalty = kHyphenPenalty;
  double lone_particle_penalty = kLoneParticlePenalty;
  double measure_penalty = kTiePenalty;
  bool measure_words = false;   // it holds a measure word's break (whose cost follows the alignment)
  bool lone_particles = false;  // it holds a particle's break (whose cost follows the alignment)
};

ItemPlan plan_items(const ItemInput& in);
Items build_items(const ItemPlan& plan, const ItemInput& in);
// The same, with the vector in.glyphs views moved into the result instead of copied
// (`glyphs` is left empty when the plan holds, untouched when it does not).
Items build_items(const ItemPlan& plan, const ItemInput& in, std::vector<ShapedGlyph>&& glyphs);
// From the plan alone; nothing when the plan does not hold at in.em.
std::optional<Items> items_at(const ItemPlan& plan, const ItemInput& in);
std::optional<Items> items_at(const ItemPlan& plan, const ItemInput& in, std::vector<ShapedGlyph>&& glyphs);

// A typed word space `width` wide, Latin or Korean (or a Tie inside a quantity): it opens to
// kWordSpaceMax at ratio 1 and shrinks by 2/5 of its width.
Glue word_space(Pt width, Pt em, std::int32_t glyph, GlueKind kind = GlueKind::Word);
// A typed space between a number's digit groups ("+1 555 0100", "020-8337 5612"): a Tie that
// shrinks as a word space but never stretches, so a phone number keeps its look in a justified
// line (opened to half an em in a Chinese line, "020-8337␣␣5612" read as two numbers).
Glue group_space(Pt width, Pt em, std::int32_t glyph);

}  // namespace leafpress::text
