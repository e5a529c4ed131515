#include "text/paragraph.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/utf8.hpp"

#include "text/break_opportunities.hpp"
#include "text/hyphenate.hpp"
#include "text/icu_handles.hpp"
#include "text/itemize.hpp"
#include "text/knuth_plass.hpp"
#include "text/shape.hpp"

namespace leafpress::text {
namespace {

// The Knuth–Plass passes, as TeX runs them (The TeXbook, ch. 14): first without
// hyphenation at a tight tolerance (\pretolerance: most paragraphs end here, with no
// hyphen at all); then with hyphens at the normal tolerance (\tolerance); then at any
// tolerance, where the true badness of each line is weighed against hyphens (TeX's
// \emergencystretch pass judged lines with stretch they do not have, so that with a
// dear hyphen it set whole paragraphs 1.3 em loose rather than break one word); last,
// with emergency stretch, for lines that have no glue at all.
// Ratios are of the lines' stretch: a word space (Noto's 0.26 em, stretching to half an
// em at r = 1, items.hpp) is 0.5 em at r = 1 (badness 100, TeX's \pretolerance=100)
// and 0.78 em at kTolerance (badness 1000): no word gap past 0.8 em unless no break can
// avoid it. A hyphen costs as much as a line at kTolerance (kHyphenPenalty), TeX's
// \tolerance=1000 \hyphenpenalty=1000 for few hyphens. TeX's plain values (200, 50)
// are for 30-em lines with Computer Modern's wide space; in a leaflet's 20-em columns
// they hyphenated one line in five.
constexpr double kPretolerance = 1.0;
static_assert(kTolerance == 2.154, "100 · 2.154³ = 1000");
static_assert(kHyphenPenalty == 1000, "a hyphen costs a line at kTolerance");
// KLREQ: a Korean word space opens to half an em (r = 1), past that a break between
// syllables is preferred. With a syllable break to fall back on almost anywhere, Korean
// needs no more than TeX's \tolerance=200 (0.56 em) except beside an unbreakable piece
// ("140 mmHg"); a tolerance of exactly r = 1 sent such paragraphs to the emergency pass,
// where every line loosens.
constexpr double kKoreanTolerance = 1.26;
// Before loosening lines to kTolerance, hyphens are weighed at TeX's \tolerance=200
// (r = 1.26, a 0.56 em word space): a paragraph that can be set with every space under
// 0.56 em by breaking a word or two is, as TeX sets it. Only when none can do the lines
// open further (kTolerance), where a hyphen costs as much as a line at that looseness.
constexpr double kHyphenTolerance = 1.35;
constexpr double kEmergencyStretchEm = 1.5;
// Ragged text (Align::Ragged): a line may fall this short at r = 1, plain TeX's
// \raggedright (\rightskip=0pt plus 2em); a hyphen (kHyphenPenalty) then costs as much
// as a line 4.3 em short (r = kTolerance), so words are seldom broken.
constexpr double kRaggedStretchEm = 2;
// A ragged paragraph set with fewer hyphens (ComposeOptions::fewer_hyphens): a line may fall
// 3 em short at r = 1 (\rightskip=0pt plus 3em), so a hyphen costs as much as a line 6.5 em
// short and a narrow column of long words ("postoperat- | ively", "echocar- | diographic")
// keeps its words whole at the price of a deeper rag (layout/hyphen_budget.hpp).
constexpr double kRaggedFewerHyphensStretchEm = 3;
constexpr double kLastTolerance = 1e6;
// The widest a justified line's spaces open to fill it when no break could: the tolerance
// (a Latin space 0.78 em, a Han–Latin gap 0.52 em). A line that cannot be filled so stays
// short with its spaces at r = 1: "（oral ⟷ syringe）" at 1 em, the one space of a Chinese
// line, read worse.
constexpr double kMaxOpenRatio = kTolerance;
// Korean: half an em (r = 1), KLREQ's bound, past which a break between syllables is
// preferred. Where even that cannot fill the line (its next piece is a phone number or a
// dose with its unit: "궁금한 점은 진료 시간에 | 051-745-2211로"), spaces opened to 0.72 em
// read as holes in a line that still did not reach the edge; the line ends short instead.
constexpr double kKoreanMaxOpenRatio = 1.0;
// CLReq 3.7 (孤字): a paragraph's last line should not hold one character alone.
// A last line narrower than this (in em) costs as much as one more line of the worst
// badness (kInfiniteBadness, squared into demerits).
constexpr double kShortLastLineEm = 1.9;
// A ragged Latin paragraph's last line narrower than this (in em) is a runt: one short word alone
// ("Never take two doses at | once.", "…right for | you.", "…between 9 a.m. and 12 | noon."), which
// reviewers of three rounds saw at once. A word of five letters and its stop is about 2.4 em.
constexpr double kRaggedRuntEm = 3;
constexpr double kShortLastLineDemerits = 1e8;
// In the last passes, where a line costs by how short it is (knuth_plass.hpp soft_tolerance),
// a 孤字 costs as much as a line this many em short.
constexpr double kLoneShortEm = 2;
// Korean, in the last passes: a last line that starts inside a word split between syllables
// (last_word_space) costs as much as a line this many em short. "…주의하시기 바랍 | 니다." reads
// as a fragment, yet kept whole at any price "(P-CAB)입니다." took two lines 4 and 6 em short.
constexpr double kWordTailEm = 4;
// A Korean syllable break fills its line when the line then ends less than this short (in em; a
// syllable is an em wide): past it the break costs more (KnuthPlassParams::unfilled_split_demerits).
constexpr double kUnfilledSplitEm = 1;

// A break inside an address leaves at least this many characters on either side (as TeX's
// \lefthyphenmin and \righthyphenmin do for words).
constexpr std::size_t kUrlMinPiece = 3;

// In CJK text, a run of this many Latin words of three letters or more is a sentence
// (hyphenated); fewer, a name, a term or a dose ("chronic kidney disease, CKD",
// "clopidogrel 75 mg, aspirin 100 mg"), not hyphenated.
constexpr std::uint16_t kLatinSentenceWords = 5;
constexpr std::size_t kLatinWordLetters = 3;

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A drug's name, told by the stem its International Nonproprietary Name ends in (WHO, "The use
// of stems in the selection of INN"): a patient copies it onto a form or says it at a pharmacy,
// and `met- | formin`, `clopido- | grel`, `levothyrox- | ine` in a reviewer's handouts read as
// two words. Its points are a name's (kNameHyphen), taken only where keeping it whole would
// leave a line far looser.
bool is_drug_name(std::string_view word) {
  if (word == "cholesterol") return false;         // a sterol, not a drug (-terol)
  if (word.ends_with('s')) word.remove_suffix(1);  // "statins", "triptans"
  static constexpr std::string_view kStems[] = {
      "formin", "gliptin",   "gliflozin", "glutide", "grel",    "pril",     "sartan",   "olol",
      "alol",   "dipine",    "statin",    "prazole", "tidine",  "setron",   "triptan",  "coxib",
      "profen", "fenac",     "cillin",    "mycin",   "cycline", "floxacin", "conazole", "vir",
      "mab",    "tinib",     "parin",     "xaban",   "gatran",  "semide",   "thiazide", "olone",
      "sone",   "caine",     "azepam",    "oxetine", "pramine", "peridone", "tropium",  "terol",
      "lukast", "thyroxine", "dronate",   "arin",    "amol",    "oprazole", "afil",     "lamide",
      "tadine", "oxacin",    "idine"};
  return word.size() >= 6 && std::any_of(std::begin(kStems), std::end(kStems), [&](std::string_view stem) {
           return word.size() > stem.size() && word.ends_with(stem);
         });
}

// Marks hyphenation points of Latin words, except in code, URLs and the paragraph's last word;
// a word the author listed (`exceptions`) breaks where the list says, not where the patterns do.
// `every_word` (ParagraphStyle::hyphenate_every_word): a capitalised word and a compound's part
// too, wherever they stand; `last_word` (hyphenate_last_word): the last word too.
std::vector<std::uint8_t> hyphenation_map(std::string_view text, const std::vector<StyleRange>& styles,
                                          bool enabled, std::string_view lang,
                                          const HyphenExceptions* exceptions, bool every_word,
                                          bool last_word) {
  std::vector<std::uint8_t> map(text.size() + 1, 0);
  if (!enabled) return map;
  // One pass over the styles, so the check below is O(1) a word (not O(styles)).
  std::vector<std::uint8_t> no_hyphen(text.size() + 1, 0);
  for (const auto& s : styles)
    if (s.code || s.url) std::fill(no_hyphen.begin() + s.begin, no_hyphen.begin() + s.end, 1);
  auto excluded = [&](std::size_t at) { return no_hyphen[at] != 0; };
  // In Chinese, Japanese or Korean text a Latin name among CJK ("华法林（warfarin）",
  // "（metoprolol succinate）", "calcium carbonate") is a name the reader must recognise: its
  // points are kNameHyphen, taken only where keeping it whole would leave a justified line
  // well short (items.hpp kNameHyphenPenalty). Korean too: its spaces open no wider than half
  // an em (kKoreanMaxOpenRatio), so a gloss kept whole left the line before it far short
  // ("갑상선기능저하증 | (hypothyroidism)은", 8 em in a tri-fold's panel; "작업치료(occupational |
  // therapy)"), and the last passes weigh that shortness against the hyphen's cost.
  // A run of kLatinSentenceWords or more Latin words (an English sentence inside a Chinese
  // article) hyphenates as English does. A run ends at any non-ASCII character or a newline.
  const bool cjk_text = is_cjk_language(std::string(lang));
  std::vector<std::uint16_t> run_words;  // per byte, for cjk_text: the letter words of its run
  if (cjk_text) {
    run_words.assign(text.size() + 1, 0);
    for (std::size_t i = 0; i < text.size();) {
      if (static_cast<unsigned char>(text[i]) >= 0x80 || text[i] == '\n') {
        ++i;
        continue;
      }
      std::size_t j = i;
      std::uint16_t words = 0;
      for (std::size_t letters = 0;
           j < text.size() && static_cast<unsigned char>(text[j]) < 0x80 && text[j] != '\n'; ++j) {
        letters = is_ascii_letter(text[j]) ? letters + 1 : 0;
        if (letters == kLatinWordLetters && words < UINT16_MAX) ++words;
      }
      std::fill(run_words.begin() + static_cast<std::ptrdiff_t>(i),
                run_words.begin() + static_cast<std::ptrdiff_t>(j), words);
      i = j;
    }
  }
  const auto in_latin_run = [&](std::size_t i) { return run_words[i] >= kLatinSentenceWords; };
  // The paragraph's last word is everything after its last space ("medication’s.") or its last
  // Han, kana or Hangul character ("…（warfarin）。"): a Chinese or Japanese paragraph has no
  // space, and taken as one word it hyphenated no name at all.
  std::size_t last_word_begin = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == ' ' || cp == '\n' || cp == '\t' || (is_wide(cp) && !u_ispunct(static_cast<UChar32>(cp))))
      last_word_begin = at + (cp < 0x80 ? 1 : 0);
  }
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ascii_letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_ascii_letter(text[j])) ++j;
    // Letters glued to other letters (é, Han) are not a plain English word; quotes
    // and apostrophes around it are fine ("patient’s" hyphenates as pa-tient’s).
    auto letter_at = [&](std::size_t at) {
      std::size_t pos = at;
      return u_isalpha(static_cast<UChar32>(next_code_point(text, pos))) ||
             u_isdigit(static_cast<UChar32>(text[at]));
    };
    const std::size_t before = code_point_before(text, i).second;
    // A word the author marked with soft hyphens (U+00AD, C2 AD) breaks only there (TeX
    // does not run its patterns over a word with explicit discretionaries either).
    const auto soft_hyphen_at = [&](std::size_t at) {
      return at + 1 < text.size() && text[at] == '\xC2' && text[at + 1] == '\xAD';
    };
    // A word the author listed (`exceptions`) is taken as written: its points hold beside Han
    // too ("又名paracetamol"), and in CJK text, where a Latin name is otherwise never broken.
    const std::string_view word = text.substr(i, j - i);
    const std::vector<std::size_t>* listed = exceptions ? exceptions->find(word) : nullptr;
    const auto boundary = [&](std::size_t at) {
      if (!letter_at(at)) return true;
      std::size_t pos = at;
      return listed && is_wide(next_code_point(text, pos));
    };
    const bool plain = (i == 0 || boundary(before)) && (j == text.size() || boundary(j)) &&
                       !(i >= 2 && soft_hyphen_at(i - 2)) && !soft_hyphen_at(j);
    // A capitalised word is not hyphenated (TeX's \uchyph=0): a name ("Fri-day", "Pre-vention
    // Programme") is read by its shape, and a patient looks for it as written.
    const bool capitalised = text[i] >= 'A' && text[i] <= 'Z';
    // Nor is the part after a one-character first part ("T-lym- | phocyte": is_one_character_part).
    const std::size_t hyphen = i >= 1 && text[i - 1] == '-'                  ? i - 1
                               : i >= 3 && text.substr(i - 3, 3) == "\u2010" ? i - 3
                                                                             : 0;
    const bool after_initial = hyphen > 0 && [&] {
      const std::size_t initial = start_of_code_point(text, hyphen - 1);
      std::size_t pos = initial;
      const char32_t c = next_code_point(text, pos);
      pos = initial > 0 ? start_of_code_point(text, initial - 1) : 0;
      return is_one_character_part(initial > 0 ? next_code_point(text, pos) : 0, c);
    }();
    // A part of a hyphenated compound, or of a pair of names written with a slash, breaks only at
    // its hyphen or slash (TeX breaks such a word nowhere else; Chicago 7.42): "cotrans- |
    // porter-2" read as a word with two.
    const auto joiner_at = [&](std::size_t at) -> std::size_t {  // the bytes of a hyphen or slash there
      return at >= text.size()                    ? 0
             : text[at] == '-' || text[at] == '/' ? 1
             : text.substr(at, 3) == "\u2010"     ? 3
                                                  : 0;
    };
    const std::size_t joined = joiner_at(j);
    const bool compound_part = (hyphen > 0 && letter_at(start_of_code_point(text, hyphen - 1))) ||
                               (i >= 2 && text[i - 1] == '/' && letter_at(i - 2)) ||
                               (joined > 0 && j + joined < text.size() && letter_at(j + joined));
    // Every word (a table too narrow for its words): a capitalised word or a compound's part,
    // which otherwise has no points, has them, and so at the paragraph's end ("Phosphodiesterase-4"
    // alone in its cell). A plain last word has them only at the next step, `last_word`
    // ("hydrochlorothiazide" alone in its cell, else cut between any two letters), which the table
    // takes only for a word wider than its share (table.cpp measure_columns): "at bedtime" never
    // reads "at bed- | time".
    const bool unlocked = every_word && (capitalised || compound_part);
    // A word joined to letters by a full stop is part of an address not linked as one
    // ("medicines.org.uk", "versusarthritis.org"): a reader types what is printed, hyphen and all.
    const bool dotted = (j + 1 < text.size() && text[j] == '.' && is_ascii_letter(text[j + 1])) ||
                        (i >= 2 && text[i - 1] == '.' && is_ascii_letter(text[i - 2]));
    if (plain && !dotted && (listed || unlocked || !capitalised) && !after_initial &&
        (listed || unlocked || !compound_part) && (unlocked || last_word || i < last_word_begin) &&
        !excluded(i)) {
      if (listed) {
        for (const std::size_t p : *listed)
          if (p >= kMinBefore && p + kMinAfter <= word.size()) map[i + p] = kHyphen;
      } else {
        const std::uint8_t point =
            (!cjk_text || in_latin_run(i)) && !is_drug_name(word) ? kHyphen : kNameHyphen;
        for (const std::size_t p : hyphenation_points(word, lang)) map[i + p] = point;
      }
    }
    i = j;
  }
  return map;
}

// Natural line widths between breaks, from prefix sums of box and glue widths: for the
// break choosers that weigh whole lines (balanced, ragged) rather than Knuth–Plass's ratios.
struct LineWidths {
  std::span<const Item> items;
  std::vector<Pt> sum;
  explicit LineWidths(std::span<const Item> all) : items(all), sum(all.size() + 1, 0) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      sum[i + 1] = sum[i];
      if (const auto* box = std::get_if<Box>(&items[i])) sum[i + 1] += box->width;
      if (const auto* g = std::get_if<Glue>(&items[i]); g && g->kind != GlueKind::Fill)
        sum[i + 1] += g->width;
    }
  }
  // A break may fall at item i (as knuth_plass has it): glue after a box, or a penalty below
  // kInfinitePenalty.
  [[nodiscard]] bool legal(std::size_t i) const {
    const auto* p = std::get_if<Penalty>(&items[i]);
    return (std::holds_alternative<Glue>(items[i]) && i > 0 && std::holds_alternative<Box>(items[i - 1])) ||
           (p && p->cost < kInfinitePenalty);
  }
  // The line from break `from` (0: the start) to break `to`, with a hyphen's width there.
  [[nodiscard]] Pt operator()(std::size_t from, std::size_t to) const {
    std::size_t start = from == 0 ? 0 : from + 1;
    while (start < to && !std::holds_alternative<Box>(items[start])) ++start;
    Pt w = sum[to] - sum[start];
    if (const auto* p = std::get_if<Penalty>(&items[to])) w += p->width;
    return w;
  }
};

// Balanced lines (CSS text-wrap: balance): as many lines as first fit needs at the full
// width, chosen among all break sets of that count to make the lines as equal as they can
// be (least squares from the mean length), with a bonus for a line that ends a phrase,
// after ：: — or a comma (糖尿病足部护理：| 每天五分钟). A title has a few dozen breaks:
// the search is a small dynamic programme over (break, lines so far).
// In (line length / width)², as the squares below: a colon is worth lines over half the
// width unequal ("干细胞治疗: | Best Autoimmune | Breakthrough", "花粉症の治療ガイド：|
// 飲み薬・点鼻薬・舌下免疫療法の正しい使い方", not "…：飲み薬・| 点鼻薬…"); a break inside a
// compound after its hyphen ("Step- | by-Step Guide") is taken only when neither a set of
// that many lines nor one of a line more (kExtraLineCost) avoids it.
constexpr double kPhraseBonus = 0.15;
constexpr double kCommaBonus = 0.03;
constexpr double kCompoundBreakCost = 1;        // a whole line's worth: only when nothing else fits
constexpr double kExtraLineCost = 0.5;          // a line more than first fit needs
constexpr double kExtraLineForColonCost = 0.1;  // ... to end a line at the colon, which no fewer lines can
constexpr double kParticleStartCost = 0.3;      // a line that starts with 的, 了 … (phrase_bonus)
// A line that ends on a word that leads into the next ("Checking your blood | sugar", "Why you
// have been invited for a | …": an article, a possessive, a preposition) reads as cut off, and
// so does a Korean line before a bound noun (수술 | 후, 접종 | 시); a Korean word that ends in a
// particle or a verb ending closes its phrase (치과 치료 전에는 | 골다공증 약을 …) as a comma does.
constexpr double kLeadWordCost = 0.05;
// A two-word term parted ("Checking your blood | sugar"): twice that, a line of a tenth of the width
// unequal. A heading names the term a patient looks for.
constexpr double kTermBreakCost = 0.1;
// A line of one word alone ("Living with | Migraine: | Triggers…"): more than a colon earns.
// Between words that no space parts (Chinese, Japanese), a line is one word of the dictionary
// or one phrase; only a short one, of four characters or fewer, reads as left alone ("…お薬の
// | 使い方"): a longer one is a compound (十四天四联疗法), which may fill a line of its own.
constexpr double kLoneWordCost = 0.25;
constexpr double kLoneUnspacedEm = 4.5;
constexpr std::size_t kMaxBalancedBreaks = 400;  // past this (never a title), first fit narrowed

// A balanced set of breaks and its cost: the squares less the bonuses, without the charge for a
// line more than first fit needs (kNone: none found). Compare costs of sets of one line count.
struct Balanced {
  double cost;
  std::vector<std::size_t> breaks;
};
constexpr double kNone = std::numeric_limits<double>::infinity();

// `lines` > 0: the best set of exactly that many lines; 0: of as many as first fit needs, or
// one more when that is worth it.
Balanced balance_pass(std::span<const Item> items, Pt width, Pt em, const std::vector<double>& phrase_bonus,
                      std::size_t lines_wanted = 0) {
  auto breaks = first_fit(items, width);
  const std::size_t fewest = lines_wanted > 0 ? lines_wanted : breaks.size();
  if (fewest < 2) return {kNone, breaks};
  // Legal breaks and the natural width of a line between two.
  const LineWidths line_width(items);
  std::vector<std::size_t> legal{0};
  for (std::size_t i = 0; i < items.size(); ++i)
    if (line_width.legal(i)) legal.push_back(i);
  if (legal.size() > kMaxBalancedBreaks || legal.back() != items.size() - 1) return {kNone, breaks};
  const auto forced = [&](std::size_t at) {
    const auto* p = std::get_if<Penalty>(&items[at]);
    return p && p->cost <= -kInfinitePenalty && at + 1 < items.size();
  };
  const std::size_t n = legal.size();
  // spaces[k]: how many of items[0..k) part two words: a break at glue (not a hyphen's or a
  // syllable's penalty, nor the fill that ends the paragraph: counted, it made the last line
  // look two words, "검사 | 안내", "お薬の | 使い方" left alone), or a word space where no line
  // may break (before a spaced dash: "준비사항 —" is two words, and read as one it sent the
  // title's break past its dash, "준비사항 — 꼭 | 읽어 주세요"). A line between legal[i] and
  // legal[j] holds one word when none lies between them.
  std::vector<std::size_t> spaces(items.size() + 1, 0);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const auto* g = std::get_if<Glue>(&items[k]);
    const bool forbidden = k > 0 && std::holds_alternative<Penalty>(items[k - 1]) &&
                           std::get<Penalty>(items[k - 1]).cost >= kInfinitePenalty;
    const bool parts =
        g && g->kind != GlueKind::Fill && (line_width.legal(k) || (g->kind == GlueKind::Word && forbidden));
    spaces[k + 1] = spaces[k] + (parts ? 1 : 0);
  }
  const auto one_word = [&](std::size_t from, std::size_t to) { return spaces[to] == spaces[from + 1]; };
  const auto spaced = [&](std::size_t at) {  // a break at a word space
    const auto* g = std::get_if<Glue>(&items[at]);
    return at > 0 && g && g->kind == GlueKind::Word;
  };
  // The best set of exactly `lines` lines and its cost.
  const auto best_of = [&](std::size_t lines) -> std::pair<double, std::vector<std::size_t>> {
    const Pt mean = line_width(0, items.size() - 1) / static_cast<double>(lines);
    // cost[k][j]: the best k lines ending at legal[j]; from[k][j]: the break before.
    std::vector<std::vector<double>> cost(lines + 1, std::vector<double>(n, kNone));
    std::vector<std::vector<std::size_t>> from(lines + 1, std::vector<std::size_t>(n, 0));
    cost[0][0] = 0;
    for (std::size_t k = 1; k <= lines; ++k)
      for (std::size_t j = 1; j < n; ++j)
        for (std::size_t i = j; i-- > 0;) {
          if (cost[k - 1][i] == kNone) continue;
          const Pt w = line_width(legal[i], legal[j]);
          if (w > width + 0.01) break;  // earlier starts only make it longer
          bool skips_forced = false;    // a hard line break inside the line
          for (std::size_t m = i + 1; m < j && !skips_forced; ++m) skips_forced = forced(legal[m]);
          if (skips_forced) continue;
          const bool last = legal[j] == items.size() - 1;
          double c = cost[k - 1][i] + ((w - mean) / width) * ((w - mean) / width);
          if (!last) c -= phrase_bonus[legal[j]];
          if (one_word(legal[i], legal[j]) &&
              (w < kLoneUnspacedEm * em || spaced(legal[i]) || spaced(legal[j])))
            c += kLoneWordCost;  // no word break inside: one word
          if (c < cost[k][j]) cost[k][j] = c, from[k][j] = i;
        }
    if (cost[lines][n - 1] == kNone) return {kNone, {}};
    std::vector<std::size_t> out(lines);
    for (std::size_t k = lines, j = n - 1; k > 0; j = from[k][j], --k) out[k - 1] = legal[j];
    return {cost[lines][n - 1], std::move(out)};
  };
  auto [cost, best] = best_of(fewest);
  if (lines_wanted > 0) return {cost, cost == kNone ? breaks : std::move(best)};
  // One line more, when that is worth it: a compound kept whole ("Step- | by-Step"), or a title
  // that can end a line at its colon only so ("老年人失眠：不吃 | 安眠药也能睡好的六个方法" reads
  // as one run; "老年人失眠：| 不吃安眠药也能 | 睡好的六个方法" as title and subtitle).
  auto [more_cost, more] = best_of(fewest + 1);
  // Not when the fewer lines already part at a phrase (a comma, a conjunction: "骨質疏鬆症：預防跌倒 |
  // 與補充鈣質的日常指南").
  const auto at_phrase = [&](const std::vector<std::size_t>& set, double least) {
    return std::any_of(set.begin(), set.end() - (set.empty() ? 0 : 1),
                       [&](std::size_t b) { return phrase_bonus[b] >= least; });
  };
  const double extra = at_phrase(more, kPhraseBonus) && !at_phrase(best, kCommaBonus) ? kExtraLineForColonCost
                                                                                      : kExtraLineCost;
  if (more_cost + extra < cost) cost = more_cost, best = std::move(more);
  if (cost == kNone) return {kNone, breaks};
  return {cost, std::move(best)};
}

// Balanced lines with every Chinese or Japanese word whole (kInWordBreak), unless a word is
// wider than the line: then, as a Latin word is split, such words may break, each break at
// twice the cost of a compound's (kCompoundBreakCost: dearer than a line more; a quarter of
// that at a boundary of ICU's words the title glued, kGluedBreak), rather than run past the column
// ("インフルエンザワクチン" at 24 pt in a 200 pt column).
std::vector<std::size_t> balance_breaks(std::span<const Item> items, Pt width, Pt em,
                                        std::vector<double> phrase_bonus, bool chinese) {
  // The cost of a break inside a word, or at a boundary of ICU's that the title glued, or between
  // a number and its unit or a numbered name's parts ("Managing type | 2 diabetes", a header's
  // "현탁액(32 | mg/mL)"), or a range of times after its dash (a footer's "Mon–Fri 7:30 a.m.– |
  // 6:00 p.m., Sat…"): as dear as a compound's break, taken only where nothing else fits);
  // 0: none of these.
  const auto in_word = [&](std::size_t i) {
    const auto* p = std::get_if<Penalty>(&items[i]);
    return !p                                 ? 0.0
           : p->cost == kInWordBreakPenalty   ? 2 * kCompoundBreakCost
           : p->cost == kUnitBreakPenalty     ? kCompoundBreakCost
           : p->cost == kLastPassBreakPenalty ? kCompoundBreakCost
           : p->cost == kGluedBreakPenalty    ? kCompoundBreakCost / 2
                                              : 0.0;
  };
  std::vector<Item> whole(items.begin(), items.end());
  bool any = false;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (in_word(i) > 0) std::get<Penalty>(whole[i]).cost = kInfinitePenalty, any = true;
  if (!any) return balance_pass(items, width, em, phrase_bonus).breaks;
  Balanced kept = balance_pass(whole, width, em, phrase_bonus);
  const LineWidths line_width(whole);
  bool fits = true;
  for (std::size_t k = 0; k < kept.breaks.size() && fits; ++k)
    fits = line_width(k == 0 ? 0 : kept.breaks[k - 1], kept.breaks[k]) <= width + 0.01;
  for (std::size_t i = 0; i < items.size(); ++i) phrase_bonus[i] -= in_word(i);
  if (!fits) return balance_pass(items, width, em, phrase_bonus).breaks;
  if (!chinese) return kept.breaks;
  // Chinese: whole words may still leave the lines lopsided: a glued piece that ICU's dictionary
  // cut into single characters (噴霧器加吸藥輔助器) can leave a heading's last word alone
  // ("定量噴霧器加吸藥輔助器的 | 步驟"). A break at one of the piece's dictionary boundaries
  // (kGluedBreak), at its cost, in as many lines, may read better ("定量噴霧器加吸藥 |
  // 輔助器的步驟"). Not to save a line: that parted phrases a narrow title had kept at its commas
  // ("怎么吃、何时 | 复诊、出现 | 不适怎么办" for "怎么吃、| 何时复诊、| 出现不适 | 怎么办") and
  // started a line with the particle a title glues to its word ("可能出現 | 的不適"). Never inside
  // a dictionary word or a Japanese phrase (ICU's phrases glue particles: "高めるため |
  // の生活習慣" would be balanced and read worse).
  std::vector<Item> glued(items.begin(), items.end());
  for (std::size_t i = 0; i < items.size(); ++i)
    if (in_word(i) > kCompoundBreakCost) std::get<Penalty>(glued[i]).cost = kInfinitePenalty;
  const Balanced split = balance_pass(glued, width, em, phrase_bonus, kept.breaks.size());
  return split.cost < kept.cost ? split.breaks : kept.breaks;
}

// Centred lines, and the last resort of the others: first fit, then no character or
// short word alone on the last line (CLReq's 孤字, "禁|食" in a narrow cell): the break before
// it moves back to the previous legal break when the last line still fits, as a compositor
// would take a word down by hand.
std::vector<std::size_t> ragged_breaks(std::span<const Item> items, Pt width, Pt short_last) {
  auto breaks = first_fit(items, width);
  const std::size_t n = breaks.size();
  if (n < 2 || breaks.back() != items.size() - 1) return breaks;
  const LineWidths line_width(items);
  const std::size_t last_start = breaks[n - 2];
  if (line_width(last_start, breaks[n - 1]) >= short_last) return breaks;
  // A forced break (a hard line break) before the last line is the author's: keep it.
  if (const auto* p = std::get_if<Penalty>(&items[last_start]); p && p->cost <= -kInfinitePenalty)
    return breaks;
  const std::size_t floor = n >= 3 ? breaks[n - 3] + 1 : 0;
  for (std::size_t i = last_start; i-- > floor + 1;) {
    if (!line_width.legal(i)) continue;
    if (line_width(i, breaks[n - 1]) > width + 0.01) break;  // earlier only makes it longer
    breaks[n - 2] = i;
    break;
  }
  return breaks;
}

// An English word in lower case; empty when it is longer than any word the lists below hold.
std::string english_key(std::string_view word) {
  if (word.size() > 12) return {};
  std::string key(word);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

template <std::size_t N>
bool listed(std::string_view word, const std::string_view (&list)[N]) {
  const std::string key = english_key(word);
  return !key.empty() && std::find(std::begin(list), std::end(list), key) != std::end(list);
}

// An English word that leads into the next: an article, a possessive, a preposition.
bool leads_on(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "a",  "an",  "the",  "your", "our",  "my", "their", "his", "her", "its",  "every", "each", "of",
      "to", "for", "with", "from", "into", "in", "on",    "at",  "by",  "this", "these", "those"};
  return listed(word, kWords);
}

// An English word that starts a phrase: a conjunction or a preposition.
bool starts_phrase(std::string_view word) {
  // Not "to" ("three to six months"), nor "when" or "if" ("even when", "even if").
  static constexpr std::string_view kWords[] = {"and",   "or",     "but",    "with",   "for", "in",
                                                "from",  "of",     "on",     "at",     "by",  "into",
                                                "after", "before", "during", "without"};
  return listed(word, kWords);
}

// Two words a patient reads as one term, which a heading should not part.
bool is_two_word_term(std::string_view first, std::string_view second) {
  static constexpr std::pair<std::string_view, std::string_view> kTerms[] = {
      {"blood", "pressure"}, {"blood", "sugar"},   {"blood", "glucose"},     {"blood", "test"},
      {"blood", "tests"},    {"blood", "clots"},   {"blood", "clot"},        {"heart", "rate"},
      {"heart", "attack"},   {"heart", "failure"}, {"side", "effects"},      {"pain", "relief"},
      {"pain", "relievers"}, {"warning", "signs"}, {"bowel", "preparation"}, {"kidney", "function"},
      {"kidney", "disease"}, {"eye", "drops"},     {"smear", "test"},        {"breast", "cancer"},
      {"first", "aid"},      {"health", "care"},   {"insulin", "pump"},      {"blood", "thinners"}};
  while (!second.empty() && std::ispunct(static_cast<unsigned char>(second.back()))) second.remove_suffix(1);
  const std::string a = english_key(first), b = english_key(second);
  return !a.empty() && !b.empty() && std::any_of(std::begin(kTerms), std::end(kTerms), [&](const auto& t) {
    return t.first == a && t.second == b;
  });
}

// Does a Korean word close its phrase: does it end in a particle (은 는 이 가 을 를 에 와 과 도
// 로) or a connective ending (고 며 면 서 나, 지만)? Not 의 (korean_leads_on), nor 는 and 은 as a
// verb's modifier ending (퇴원하시는 분들께, 있는 분, 받은 약): after these stems they modify the
// noun that follows. 와 and 과 join two phrases as "and" does: the break after them is the one
// between the two ("먹어야 하는 이유와 | 재발 예방법").
bool closes_korean_phrase(std::string_view word) {
  const auto [last, at] = code_point_before(word, word.size());
  const char32_t before = code_point_before(word, at).first;
  if (std::u32string_view(U"이가을를에와과도로고며면서나만").find(last) != std::u32string_view::npos)
    return true;
  if (last == U'는')
    return std::u32string_view(U"있없하되시드리주보오가나").find(before) == std::u32string_view::npos;
  if (last == U'은')
    return std::u32string_view(U"받좋많같작높낮적짧넓늦먹읽").find(before) == std::u32string_view::npos;
  return false;
}

// Does a Korean word lead into the next, as an English article or preposition does: a noun with
// 의, its possessor ("엄마의 | 건강"), or the conjunctions 및 and 또는 ("A 및 | B")?
bool korean_leads_on(std::string_view word) {
  if (word.empty()) return false;
  const char32_t last = code_point_before(word, word.size()).first;
  if (last < 0xAC00 || last > 0xD7A3) return false;
  // Nouns whose own last syllable is 의: 주의 (caution), 문의 (inquiry), 동의 (consent)…
  static constexpr std::string_view kNouns[] = {"주의", "문의", "동의", "유의", "회의", "정의", "논의",
                                                "협의", "합의", "강의", "건의", "의의", "모의"};
  if (std::find(std::begin(kNouns), std::end(kNouns), word) != std::end(kNouns)) return false;
  return word == "및" || word == "또는" || (last == U'의' && word.size() > 3);
}

// A Korean verb that, after a particle, makes a postposition with the word before it: 위한 and
// 위해 (for: "아기를 | 위한" parted "for the baby" in a reviewer's title), 대한, 관한 (about),
// 따른 (following), 통한 (through), 의한 (by), and their -해(서)/-라 forms. Whole words only:
// 대한민국 and the 대한…학회 societies are names, 따라서 an adverb.
bool korean_postposition(std::string_view text) {
  static constexpr std::string_view kWords[] = {"위한", "위해",   "위해서", "대한", "대해",  "대해서",
                                                "관한", "관해",   "관해서", "따른", "따라",  "통한",
                                                "통해", "통해서", "의한",   "의해", "의해서"};
  std::size_t end = 0;
  while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;  // the word's Hangul
  const std::string_view word = text.substr(0, end);
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// For each item: the bonus of a line ending there, after a phrase mark (negative: inside
// a hyphenated compound).
std::vector<double> phrase_bonus(const Items& items, std::string_view text) {
  std::vector<double> bonus(items.items.size(), 0);
  for (std::size_t i = 1; i < items.items.size(); ++i) {
    const auto* box = std::get_if<Box>(&items.items[i - 1]);
    if (!box || box->glyph_end == 0 || std::holds_alternative<Box>(items.items[i])) continue;
    std::size_t at = items.glyphs[box->glyph_end - 1].cluster;  // the last character of the box
    const char32_t cp = next_code_point(text, at);
    const std::size_t from = items.glyphs[box->glyph_begin].cluster;
    const std::string_view before = text.substr(from, at - from);  // the box's text
    if (cp == U'：' || cp == U':' || cp == U'—' || cp == U'―' || cp == U'–' || cp == U'；' || cp == U';')
      bonus[i] = kPhraseBonus;
    else if (cp == U'，' || cp == U',' || cp == U'、')
      bonus[i] = kCommaBonus;
    else if (cp == U'-' || cp == U'‐')
      bonus[i] = -kCompoundBreakCost;
    else if (leads_on(before) || korean_leads_on(before))
      bonus[i] = -kLeadWordCost;
    else if (closes_korean_phrase(before))
      bonus[i] = kCommaBonus;
    // A line that starts with a particle that binds to the word before it (的 之 了 地 得 着,
    // Japanese 的 as in 代表的) reads as a fragment: "慢性肾脏病患者 | 的饮食与用药：".
    for (std::size_t j = i; j < items.items.size(); ++j) {
      const auto* next = std::get_if<Box>(&items.items[j]);
      if (!next) continue;
      if (next->glyph_begin < next->glyph_end) {
        std::size_t first = items.glyphs[next->glyph_begin].cluster;
        const char32_t start = next_code_point(text, first);
        if (start == U'的' || start == U'之' || start == U'了' || start == U'地' || start == U'得' ||
            start == U'着' || start == U'著')
          bonus[i] -= kParticleStartCost;
        // A conjunction or a preposition starts a phrase, as after a comma: "預防跌倒 | 與補充鈣質…",
        // "…Pain Relief | and Warning Signs…", "…Protecting Your Kidneys | with Diet…".
        std::size_t end = items.glyphs[next->glyph_end - 1].cluster;
        next_code_point(text, end);
        const std::string_view word = text.substr(items.glyphs[next->glyph_begin].cluster,
                                                  end - items.glyphs[next->glyph_begin].cluster);
        if ((is_wide(cp) &&
             std::u32string_view(U"與与和及或并並").find(start) != std::u32string_view::npos) ||
            (cp < 0x80 && starts_phrase(word)))
          bonus[i] += kCommaBonus;
        // A two-word medical term reads as one: "blood | sugar", "heart | rate", "side | effects".
        if (cp < 0x80 && is_two_word_term(before, word)) bonus[i] -= kTermBreakCost;
        // A Korean bound noun of one syllable: 후 (after), 전 (before), 때, 중, 시, 등, and those
        // that finish the phrase a modifier begins: "있을 | 수 있습니다", "할 | 줄", "뿐"; 것 with
        // its particle too ("먹는 | 것은").
        const bool one_syllable = first >= text.size() || text[first] == ' ' || u_ispunct(text[first]);
        if ((one_syllable &&
             std::u32string_view(U"후전때중시등수줄뿐").find(start) != std::u32string_view::npos) ||
            start == U'것' || korean_postposition(word))
          bonus[i] -= kLeadWordCost;
      }
      break;
    }
  }
  return bonus;
}

// Does a title's word boundary at byte `b` part a number from its counter or unit, or from the
// word it numbers? After a numeral: a counter (分钟 天 次 個 錠 …) or a katakana unit (センチ
// キログラム); after a numeral and its か, ヶ or カ: 月; around the ・ of a Japanese decimal
// (〇・八); a digit after katakana (ステージ３, タイプ２) or after 第.
bool number_parts_at(std::string_view text, std::size_t b) {
  std::size_t at = b;
  const char32_t next = next_code_point(text, at);
  const auto [prev, before] = code_point_before(text, b);
  const char32_t prev2 = code_point_before(text, before).first;
  const auto katakana = [](char32_t c) { return c >= U'\u30A1' && c <= U'\u30FA'; };
  if (is_numeral(prev) && !u_isdigit(static_cast<UChar32>(next)) && (katakana(next) || is_counter(next)))
    return true;
  if ((prev == U'か' || prev == U'ヶ' || prev == U'カ' || prev == U'ケ') && is_numeral(prev2) &&
      next == U'月')
    return true;
  if ((prev == U'・' && is_numeral(prev2) && is_numeral(next)) || (next == U'・' && is_numeral(prev)))
    return true;
  return u_isdigit(static_cast<UChar32>(next)) && (katakana(prev) || prev == U'第');
}

// The iterator keep_cjk_words_whole finds words with (below); load_word_dictionary opens it too.
BreakIterator title_word_iterator(const std::string& lang, UErrorCode& err) {
  const bool japanese = lang.starts_with("ja");
  const std::string locale = japanese ? lang + "@lw=phrase" : lang;
  return BreakIterator(ubrk_open(japanese ? UBRK_LINE : UBRK_WORD, locale.c_str(), nullptr, 0, &err));
}

// A Latin-led paragraph (its Latin letters more than twice its Han, kana and Hangul characters,
// by count: about as wide) that names something in Chinese or Japanese: "Take metformin (二甲双胍)
// twice a day", the seed's "…fall short. 自身免疫性疾病, characterized…". Such a run is a name
// or a phrase inside a Latin line, read as a whole, not Chinese or Japanese text, which breaks
// between any two characters (CLReq 3.1.7, JLReq 3.1.7): it breaks between its words only, as
// a title's do ("(格 | 列齐特)", "自 | 身免疫性疾病" before), and inside one only where nothing
// else will do (kInWordBreak). `whole_words`: a title's or a table cell's text in an article of
// another language (en, ko), which keeps its Chinese and Japanese words whole however led.
// Returns the language whose words to keep: the paragraph's when it is zh or ja, else ja where
// there is kana, else zh; nothing for other paragraphs.
std::optional<std::string> names_in_latin_text(std::string_view text, const std::string& lang,
                                               const std::vector<CharClass>& classes,
                                               const std::vector<StyleRange>& styles, bool whole_words) {
  // Most paragraphs of a Latin article name nothing in Han or kana: nothing to count.
  if (std::find(classes.begin(), classes.end(), CharClass::Cjk) == classes.end()) return std::nullopt;
  // An address or code is not Latin prose: "…发送电子邮件至 gi-clinic@donghu-hospital.example" is
  // Chinese.
  std::vector<std::uint8_t> address(text.size(), 0);
  for (const auto& s : styles)
    if (s.url || s.code) std::fill(address.begin() + s.begin, address.begin() + s.end, 1);
  std::size_t latin = 0, han = 0, hangul = 0;
  bool kana = false;
  for (std::size_t i = 0; i < text.size() && i < classes.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 || address[i]) continue;
    if (classes[i] == CharClass::Latin && std::isalpha(static_cast<unsigned char>(text[i]))) ++latin;
    hangul += classes[i] == CharClass::Hangul;
    if (classes[i] != CharClass::Cjk) continue;
    ++han;
    std::size_t at = i;
    const auto cp = static_cast<UChar32>(next_code_point(text, at));
    kana = kana || ublock_getCode(cp) == UBLOCK_HIRAGANA || ublock_getCode(cp) == UBLOCK_KATAKANA;
  }
  if (han == 0 || (!whole_words && latin <= 2 * (han + hangul))) return std::nullopt;
  if (lang.starts_with("zh") || lang.starts_with("ja")) return lang;
  return kana ? "ja" : "zh";
}

// zh and ja titles break only between words: for Chinese, ICU's dictionary-based word
// BreakIterator finds them; for Japanese, the phrase-based line breaking of ICU 72
// (locale keyword lw=phrase, as CSS word-break: auto-phrase), which keeps a bunsetsu
// whole ("睡眠の | 質を | 高める | ための | 生活習慣"). A line break between two Han/Kana
// characters inside one word or phrase becomes kInWordBreak, which balance_breaks takes only
// for a word wider than the line.
void keep_cjk_words_whole(std::string_view text, const std::string& lang,
                          const std::vector<CharClass>& classes, std::vector<std::uint8_t>& breaks,
                          bool cells = false) {
  if (lang.starts_with("ko")) {
    // Korean titles and headings break at word spaces only (KLREQ keep-all, "국가예 | 방접종"): the
    // fallback between syllables is for justified body text; a word longer than the line
    // is still split (items.hpp max_box_width). A gloss in brackets may still part from its
    // word (KLREQ allows a break before an opening bracket and after a closing one), but
    // only where the two fit no line together (kGluedBreak): without the break
    // "수면다원검사(polysomnography)" was one word wider than the line, and was cut inside
    // the English with a hyphen ("(polysomnogr- | aphy)"); taken at will, it split
    // "인플루엔자 | (독감) 예방접종 안내".
    for (std::size_t i = 1; i < text.size(); ++i) {
      if (!is_syllable_break(breaks[i])) continue;
      std::size_t at = i, before = start_of_code_point(text, i - 1);
      const char32_t next = next_code_point(text, at), prev = next_code_point(text, before);
      const bool bracket =
          next == U'(' || next == U'（' || next == U'[' || prev == U')' || prev == U'）' || prev == U']';
      // A table cell's Korean (ParagraphStyle::keep_words): a word wider than the column breaks
      // where KLREQ's fallback may (two syllables each side), at a break the breaker takes only
      // where nothing else fits and that counts as a word parted (kInWordBreak), not cut where
      // the line runs out; a word that fits stays whole, and a gloss in brackets may take its
      // own line as in body text.
      if (!cells)
        breaks[i] = bracket ? kGluedBreak : kNoBreak;
      else if (!bracket)
        breaks[i] = kInWordBreak;
    }
    // A postposition stays with the word before it ("아기를 위한", "식사에 대한"), parted only where
    // nothing else will do (the space's break is a unit's, kUnitBreak): a reviewer's cover read
    // "…엄마와 아기를 | 위한 혈당 관리 안내".
    if (!cells)
      for (std::size_t i = 1; i < text.size(); ++i)
        if (text[i - 1] == ' ' && breaks[i] != 0 && korean_postposition(text.substr(i)))
          breaks[i] = kUnitBreak;
    return;
  }
  if (!(lang.starts_with("zh") || lang.starts_with("ja"))) return;
  std::vector<std::uint8_t> boundary(text.size() + 1, 0);
  std::vector<std::uint8_t> in_word(text.size() + 1, 0);  // glued boundaries to part last of all
  UErrorCode err = U_ZERO_ERROR;
  const BreakIterator bi = title_word_iterator(lang, err);
  UTextHandle ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err));
  if (U_FAILURE(err)) return;
  ubrk_setUText(bi.get(), ut.get(), &err);
  if (U_FAILURE(err)) return;
  std::vector<std::size_t> bounds;
  for (int32_t b = ubrk_first(bi.get()); b != UBRK_DONE; b = ubrk_next(bi.get())) {
    boundary[static_cast<std::size_t>(b)] = 1;
    bounds.push_back(static_cast<std::size_t>(b));
  }
  // Where a word that fits no line parts first (kGluedBreak): ICU's boundaries before the title
  // glues any, and for Japanese its words inside a phrase ("インフルエンザ | ワクチン").
  std::vector<std::uint8_t> icu_boundary = boundary;
  if (lang.starts_with("ja")) {
    const BreakIterator words(ubrk_open(UBRK_WORD, lang.c_str(), nullptr, 0, &err));
    if (U_SUCCESS(err)) ubrk_setUText(words.get(), ut.get(), &err);
    if (U_SUCCESS(err))
      for (int32_t b = ubrk_first(words.get()); b != UBRK_DONE; b = ubrk_next(words.get()))
        icu_boundary[static_cast<std::size_t>(b)] = 1;
    err = U_ZERO_ERROR;
  }
  const auto start_of = [&](std::size_t at) {
    return start_of_code_point(text, at - 1);
  };  // the character before `at`
  // A word ICU's dictionary does not know comes out as single characters ("何时 | 复 | 诊"),
  // and ICU's Japanese phrases leave a kanji alone ("飲み薬・点 | 鼻薬"): a one-character Han
  // segment beside another Han character is most likely part of its word (复诊, 点鼻薬), so
  // a title does not break on either side of it. But a Chinese one-character function word is
  // a word: a structural particle (的 之 地 得) ends its phrase and a conjunction (与 和 及 或 并)
  // starts the next, so the break after the one or before the other stays ("…預防跌倒 |
  // 與補充鈣質的日常指南"; glued on both sides, 跌倒與補充 was one piece and the balance
  // could only split 預防 | 跌倒).
  const bool chinese = lang.starts_with("zh");
  const auto one_of = [&](std::size_t from, std::size_t to, std::string_view set) {
    return chinese && to - from == 3 && set.find(text.substr(from, 3)) != std::string_view::npos;
  };
  constexpr std::string_view kParticles = "的之地得";
  constexpr std::string_view kConjunctions = "与與和及或并並";
  // Han on both sides, not kana: "花粉 | 症 | シーズンを" keeps 症 with 花粉, not with the kana
  // phrase after it (glued to both, 花粉症シーズンを was one piece, wider than a narrow line).
  const auto ideographic = [&](std::size_t at) {
    return classes[at] == CharClass::Cjk &&
           u_hasBinaryProperty(static_cast<UChar32>(next_code_point(text, at)), UCHAR_IDEOGRAPHIC);
  };
  for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
    const std::size_t a = bounds[k - 1], b = bounds[k], c = bounds[k + 1];
    if (b == 0 || b >= text.size() || !ideographic(start_of(b)) || !ideographic(b)) continue;
    // the break after a particle, or before a conjunction, stays whatever is on its other side
    if ((start_of(b) == a && one_of(a, b, kParticles)) || (start_of(c) == b && one_of(b, c, kConjunctions)))
      continue;
    const bool single_before = start_of(b) == a;
    const bool single_after = start_of(c) == b;
    if (single_before || single_after) boundary[b] = 0;
    // Two such characters side by side are one word the dictionary lacks (活检 a biopsy, 术后
    // after surgery: "穿刺活 | 检", "骨折术 | 后"): if the glued piece must part, not there.
    if (single_before && single_after) in_word[b] = 1;
  }
  // A number and its counter or unit make one word ("按压三十 | 分钟", "体重一 | キログラム",
  // "妊娠五か | 月", "〇・| 八グラム", "ステージ | ３"): CLReq and JLReq keep them on one
  // line, and ICU's dictionary parts them.
  for (const std::size_t b : bounds)
    if (b > 0 && b < text.size() && number_parts_at(text, b)) in_word[b] = 1, boundary[b] = 0;
  // ICU's Japanese phrases start a noun's one-kanji suffix with the particle after it
  // ("保険証と診察 | 券を", "ニコチン依存 | 症の", "花粉 | 症で"): a phrase of one kanji and
  // then only kana, after a phrase that ends in a kanji, is the end of that phrase's word (診察券,
  // 依存症), so a title does not break before it. After kana the kanji starts a word of its own
  // ("受ける | 方へ").
  if (lang.starts_with("ja"))
    for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
      const std::size_t b = bounds[k], c = bounds[k + 1];
      if (b == 0 || b >= text.size() || !ideographic(start_of(b)) || !ideographic(b)) continue;
      std::size_t at = b;
      next_code_point(text, at);  // the kanji
      if (at >= c) continue;      // one kanji alone: the rule above
      bool kana = true;
      for (std::size_t i = at; i < c && kana;) {
        const auto cp = static_cast<UChar32>(next_code_point(text, i));
        kana = ublock_getCode(cp) == UBLOCK_HIRAGANA;
      }
      if (kana) boundary[b] = 0;
    }
  // ICU's Japanese phrases part a polite verb ending from its verb: "とりま | しょう", "続けま |
  // しょう", "受診 | しま | しょう", "飲みま | す". An auxiliary (ます ました ません ましょう,
  // しょう, でしょう) and a suru-verb's します or しましょう after a noun belong to the phrase
  // before them: "水分を | こまめにとりましょう", never "こまめにとりま | しょう". ください may
  // start a line ("必ずお持ち | ください" where the whole is wider than the line), but ICU 72
  // parts it too: never "ご連絡くだ | さい".
  if (lang.starts_with("ja"))
    for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
      const std::size_t b = bounds[k];
      if (b < 3 || b >= text.size() || classes[start_of(b)] != CharClass::Cjk) continue;
      const std::string_view rest = text.substr(b);
      for (const std::string_view ending : {"ます", "まし", "ませ", "しょう", "でしょう", "しま", "して"})
        if (rest.starts_with(ending)) boundary[b] = 0;
      if ((b >= 6 && text.substr(b - 6).starts_with("ください")) || text.substr(b - 3).starts_with("下さい"))
        boundary[b] = 0;
    }
  // ICU's Japanese phrases end with the honorific prefix お or ご when a particle, a mark, a kanji or an
  // adverb comes before it ("セルフケアとお | 薬の", "外来のご | あんない", "お問い合わせ・ご |
  // 予約", "必ずお | 持ちください", "すぐご | 相談ください", a conditional's ば or ら: "症状が
  // あればご | 連絡ください", "あったらご | 連絡"): the prefix belongs to the noun or
  // verb after it (お薬, ごあんない, ご予約, お持ち), so after a particle or a mark the phrase
  // boundary moves to before the prefix; an adverb (…ず, …く, …り, …ぐ, …め: 必ず, 早く,
  // ゆっくり, すぐ, あらかじめ) qualifies that verb and stays with it too ("季節に | 必ずお読みください",
  // not "必ず | お読みください").
  if (lang.starts_with("ja"))
    for (std::size_t k = 1; k + 1 < bounds.size(); ++k) {
      const std::size_t b = bounds[k];
      if (b < 3 || b >= text.size() || classes[b] != CharClass::Cjk) continue;
      const std::size_t prefix = start_of(b);
      const std::string_view p = text.substr(prefix, b - prefix);
      if (p != "お" && p != "ご") continue;
      if (prefix <= bounds[k - 1]) {  // a phrase of its own ("お | 問い合わせ・ | ご | 予約は")
        boundary[b] = 0;
        continue;
      }
      const std::size_t particle = start_of(prefix);
      if (particle < bounds[k - 1]) continue;
      std::size_t at = particle;
      const bool mark = u_ispunct(static_cast<UChar32>(next_code_point(text, at)));  // ・ ―― 、
      const std::string_view q = text.substr(particle, prefix - particle);
      // A noun's last kanji before the prefix ends that noun: "介護する方ご | 自身を" (a reviewer's
      // heading; 方 the person, ご自身 themselves), "介護者ご | 自身も" read as a typo.
      // So does a clause's verb or adjective that qualifies it: "処方された | お薬の飲み方" (a
      // reviewer's title, read "処方されたお | 薬の" before), "使用する | お薬", "新しい | お薬".
      if (mark || ideographic(particle) ||
          (std::string_view("のとをにはがもへでやばらたるい").find(q) != std::string_view::npos &&
           q.size() == 3)) {
        boundary[b] = 0;
        boundary[prefix] = 1;
      } else if (std::string_view("ずくりぐめ").find(q) != std::string_view::npos && q.size() == 3) {
        boundary[b] = 0;  // an adverb goes with the verb it qualifies: "必ずお読みください" whole
      }
    }
  // ICU's dictionary splits a katakana name it lacks anywhere ("ア|セ|ト|アミ|ノ|フェ|ン",
  // "デ|キ|スト|ロメ|トル|ファン", a half-width one after each voiced-sound mark: "ﾛｷｿﾌﾟ|ﾛﾌｪﾝ"):
  // a drug's name in a reviewer's table parted there ("アセトアミノ | フェン") as if between two
  // words (kGluedBreak), which no table counted as a word parted. Inside a run of katakana, a
  // boundary is a word's edge only beside a word ICU gives whole, full-width and of four letters
  // or more (most likely one its dictionary knows), with three letters or more on the other side,
  // however ICU cut them ("インフルエンザ | ワクチン", "ロキソプロフェン | ナトリウム"); elsewhere in
  // the run the break is inside a word (kInWordBreak). Three letters are not enough: "ファン" and
  // "リスク" are pieces or a prefix's partner ("デキストロメトル | ファン", "ハイ | リスク").
  const auto letter = [](char32_t cp) { return is_katakana(cp) && cp != U'\uFF9E' && cp != U'\uFF9F'; };
  const auto run = [&](std::size_t at, bool forward) {  // katakana letters on one side of `at`, up to 3
    int n = 0;
    while (n < 3 && (forward ? at < text.size() : at > 0)) {
      char32_t cp = 0;
      if (forward) {
        cp = next_code_point(text, at);
      } else {
        std::tie(cp, at) = code_point_before(text, at);
      }
      if (!is_katakana(cp)) break;
      n += letter(cp);
    }
    return n;
  };
  const auto known = [&](std::size_t from, std::size_t to) {  // a full-width katakana word ICU gives whole
    int n = 0;
    for (std::size_t i = from; i < to; ++n) {
      const char32_t cp = next_code_point(text, i);
      if (!is_katakana(cp) || cp > U'\u30FF') return false;
    }
    return n >= 4;
  };
  const auto inside_katakana_name = [&](std::size_t b) {
    std::size_t at = b;
    if (!is_katakana(next_code_point(text, at)) || !is_katakana(code_point_before(text, b).first))
      return false;
    if (!icu_boundary[b]) return true;
    std::size_t before = b - 1, after = b + 1;
    while (before > 0 && !icu_boundary[before]) --before;
    while (after < text.size() && !icu_boundary[after]) ++after;
    return !((known(before, b) && run(b, true) >= 3) || (known(b, after) && run(b, false) >= 3));
  };
  // ICU's phrases end inside a half-width name too ("ｶﾌﾟ | ｾﾙ"): no phrase ends inside one.
  for (std::size_t b = 1; b < text.size(); ++b)
    if (boundary[b] && inside_katakana_name(b)) boundary[b] = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!breaks[i] || boundary[i]) continue;
    const std::size_t prev = start_of(i);
    if ((classes[prev] == CharClass::Cjk && classes[i] == CharClass::Cjk) || in_word[i])
      // (A Han numeral and its counter, kInWordBreak already, stay one: "两 | 片" where nothing
      // else fits.)
      breaks[i] = breaks[i] == kInWordBreak                                    ? kInWordBreak
                  : breaks[i] != kBreak                                        ? kNoBreak
                  : icu_boundary[i] && !in_word[i] && !inside_katakana_name(i) ? kGluedBreak
                                                                               : kInWordBreak;
  }
}

// A short run of Han and kana in Latin text is a term, read whole: "liver function test (肝功能检查 /
// 肝機能検査)", "(抗病毒药 / 抗ウイルス薬)", "B型肝炎ワクチン". ICU's words part it where the
// paragraph's dictionary does not know the other language's forms ("肝機能検 | 査": 検 is
// Japanese), where a prefix or suffix stands apart ("抗 | ウイルス薬", "携帯 | 者"), and a Latin
// letter written onto it ("B | 型肝炎"). A run of up to kTermChars Han and kana, with the Latin
// letters and digits it touches (2 × kTermChars characters at most), between spaces, Latin
// punctuation or the paragraph's ends, breaks inside only where nothing else fits: at a boundary
// of ICU's words (kGluedBreak, "肝功能 | 检查"), else inside one (kInWordBreak, as
// keep_cjk_words_whole left it); between a Latin letter and Han, where the autospace is, not at
// all. A longer run is a phrase, and a run between Chinese or Japanese punctuation a clause of
// Chinese or Japanese text ("如需中文版本，请告诉接待处。"): both break as keep_cjk_words_whole
// or CLReq has it.
constexpr std::size_t kTermChars = 8;
void keep_short_terms_whole(std::string_view text, const std::vector<CharClass>& classes,
                            std::vector<std::uint8_t>& breaks) {
  const auto in_term = [&](std::size_t at) {
    return classes[at] == CharClass::Cjk || classes[at] == CharClass::Latin;
  };
  const auto latin_side = [&](std::size_t at) {  // a neighbour that leaves the run a term
    const CharClass c = classes[at];
    return c == CharClass::Space || c == CharClass::NoBreakSpace || c == CharClass::Newline ||
           c == CharClass::LatinPunct;
  };
  // Most paragraphs of a Latin article hold no Han or kana: nothing to scan.
  if (std::find(classes.begin(), classes.end(), CharClass::Cjk) == classes.end()) return;
  std::vector<std::size_t> starts;  // the first byte of each character of a run
  std::size_t i = 0;
  while (i < text.size()) {
    if (!in_term(i)) {
      ++i;
      continue;
    }
    starts.clear();
    std::size_t han = 0, at = i;
    while (at < text.size() && in_term(at)) {
      starts.push_back(at);
      han += classes[at] == CharClass::Cjk;
      next_code_point(text, at);
    }
    const bool term = han > 0 && han <= kTermChars && starts.size() <= 2 * kTermChars &&
                      (i == 0 || latin_side(i - 1)) && (at >= text.size() || latin_side(at));
    if (term)
      for (std::size_t k = 1; k < starts.size(); ++k)
        if (breaks[starts[k]] == kBreak) breaks[starts[k]] = kGluedBreak;
    i = at;
  }
}

// Byte ranges of URLs and e-mail addresses typed as plain text: http://…, https://…,
// www.… up to a space, a CJK character or closing punctuation at the end; and
// name@domain.tld. Both break after / . - without a hyphen and are never hyphenated
// (a hyphen added inside an address changes it: "pharmacy@exam-|ple").
std::vector<std::pair<std::size_t, std::size_t>> find_urls(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const auto ascii_alnum = [&](std::size_t at) {
    return static_cast<unsigned char>(text[at]) < 0x80 && std::isalnum(static_cast<unsigned char>(text[at]));
  };
  const auto trim_end = [&](std::size_t b, std::size_t e) {
    while (e > b && std::string_view(".,;:!?)]'\"-").find(text[e - 1]) != std::string_view::npos) --e;
    return e;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto rest = text.substr(i);
    const bool starts =
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    if (!starts || (i > 0 && ascii_alnum(i - 1))) continue;
    std::size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) > ' ' &&
           static_cast<unsigned char>(text[j]) < 0x80)
      ++j;
    out.emplace_back(i, trim_end(i, j));
    i = j;
  }
  // E-mail addresses (RFC 5322's common form): local part, @, a domain with a dot.
  const auto in_local = [&](std::size_t at) {
    return ascii_alnum(at) || std::string_view("._%+-").find(text[at]) != std::string_view::npos;
  };
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && in_local(b - 1)) --b;
    std::size_t e = at + 1;
    while (e < text.size() && (ascii_alnum(e) || text[e] == '.' || text[e] == '-')) ++e;
    e = trim_end(at + 1, e);
    const std::string_view domain = text.substr(at + 1, e - at - 1);
    if (b == at || domain.find('.') == std::string_view::npos) continue;
    const bool inside_url =
        std::any_of(out.begin(), out.end(), [&](const auto& u) { return u.first <= b && b < u.second; });
    if (!inside_url) out.emplace_back(b, e);
  }
  return out;
}

// Justification takes the slack in this order (CLReq 3.8, JLReq 3.8): Latin word
// spaces up to their stretch, then the quarter-em gaps between Han and Latin, then the
// glue between CJK characters up to kCjkStretchCap, and last the space inside a quantity
// ("10 mg": a tie, items.hpp) up to its stretch. Only when all of that is not
// enough (a line the breaker could not avoid) do word spaces and Han–Latin gaps go
// past their stretch, or else CJK glue past its cap (cjk_spread_max). Boxes never stretch:
// no letter-spacing of Latin, Hangul or digits. Shrinking is even.
enum Tier : int { kWordTier, kAutospaceTier, kCjkTier, kTieTier };

int tier_of(GlueKind k) {
  switch (k) {
    case GlueKind::Word:
      return kWordTier;
    case GlueKind::Tie:
      return kTieTier;
    case GlueKind::Autospace:
      return kAutospaceTier;
    default:
      return kCjkTier;
  }
}

// Places the glyphs of items [begin, end) that make one line; `end` is the break.
Line set_line(const Items& items, const std::vector<std::string>& glyph_text,
              const std::vector<std::int32_t>& span_at, const std::vector<TextSpan>& spans, std::size_t begin,
              std::size_t end, Pt width, bool justify, double max_open, double expansion) {
  // The span a glyph's characters come from, and whether it is raised (TextSpan::superscript).
  // Each glyph is made in place in the line: every copy-fit trial sets every line.
  Line line;
  const auto place = [&](const ShapedGlyph& s, Pt x, Pt y, std::string_view text, bool emphasis) {
    PlacedGlyph& g = line.glyphs.emplace_back();
    g.face = s.face;
    g.glyph = s.glyph;
    g.x = x;
    g.y = y;
    g.advance = s.advance;
    g.text = text;
    g.emphasis_mark = emphasis;
    g.span = s.cluster < span_at.size() ? span_at[s.cluster] : -1;
    g.superscript = g.span >= 0 && spans[static_cast<std::size_t>(g.span)].superscript;
  };
  const auto& list = items.items;
  // Discardable items at the line start go.
  while (begin < end && !std::holds_alternative<Box>(list[begin])) ++begin;
  Pt natural = 0, shrink = 0;
  Pt expandable = 0;  // the width of the line's expandable boxes
  std::array<Pt, 4> stretch{};
  Pt between_characters = 0;  // the part of the CJK tier's stretch between two characters
  int character_gaps = 0;     // (not beside a mark: see the spread below)
  int word_spaces = 0;        // word spaces that stretch
  bool last = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&list[i])) {
      natural += b->width;
      if (b->expandable) expandable += b->width;
    }
    if (const auto* g = std::get_if<Glue>(&list[i])) {
      natural += g->width;
      shrink += g->shrink;
      if (g->kind == GlueKind::Fill)
        last = true;
      else
        stretch[static_cast<std::size_t>(tier_of(g->kind))] += g->stretch;
      if (g->kind == GlueKind::Cjk) between_characters += g->stretch, ++character_gaps;
      if (g->kind == GlueKind::Word && g->stretch > 0) ++word_spaces;
    }
  }
  const Penalty* at_break = end < list.size() ? std::get_if<Penalty>(&list[end]) : nullptr;
  if (at_break) natural += at_break->width;

  // Glyph expansion (ParagraphStyle::expansion): justified lines only, at one ratio with the
  // word spaces, as pdfTeX gives font stretch and glue stretch one ratio; never past r = 1.
  const Pt expand = justify && !last ? expansion * expandable : 0;
  double expand_ratio = 0;
  // The ratio each tier's glue stretches (or, negative, shrinks) by.
  std::array<double, 4> ratio{};
  double spread = 0;  // the ratio the gaps between CJK characters open by past their tier's
  if (natural > width && shrink + expand > 0) {
    ratio.fill(std::max(-1.0, (width - natural) / (shrink + expand)));
    if (expand > 0) expand_ratio = ratio[kWordTier];  // a ragged line's glyphs keep their width
  } else if (justify && !last && natural < width) {
    Pt slack = width - natural;
    const double cjk_cap = kCjkStretchCap / kCjkStretch;  // the ratio at which CJK glue is capped
    auto take = [&](int tier, double up_to) {
      const auto t = static_cast<std::size_t>(tier);
      if (stretch[t] <= 0 || slack <= 0 || ratio[t] >= up_to) return;
      const Pt room = (up_to - ratio[t]) * stretch[t];
      const Pt taken = std::min(room, slack);
      ratio[t] += taken / stretch[t];
      slack -= taken;
    };
    if (expand > 0) {  // the word spaces and the expansion fill together, up to r = 1
      const Pt both = stretch[kWordTier] + expand;
      const Pt taken = std::min(both, slack);
      expand_ratio = ratio[kWordTier] = taken / both;
      slack -= taken;
    } else {
      take(kWordTier, 1);
    }
    take(kAutospaceTier, 1);
    take(kCjkTier, cjk_cap);
    // The space inside a quantity ("10 mg", "140 mmHg") opens last: in a Chinese line it was
    // opened to half an em with the word spaces while the characters around it stayed close,
    // and the unit drifted from its number (SI 5.4.3 sets them one plain space apart).
    take(kTieTier, 1);
    // Past the bounds: a line no break could fill. Spaces between words open further, up
    // to max_open (kMaxOpenRatio, kKoreanMaxOpenRatio), only when that fills the line.
    const Pt open = stretch[kWordTier] + stretch[kAutospaceTier];
    // Else the gaps between CJK characters spread past their cap, evenly, and the word spaces
    // with them (JLReq 3.8.3 c, CLReq 3.8: a justified line's end meets the column's edge; what
    // no other space takes is shared equally among the characters). Kept at the cap, a line
    // before an unbreakable unit ("（eGFR）", "0.6～0.8 g/kg") ended 2–4 em short in the middle
    // of a justified paragraph, the fault reviewers saw first. Each gap and each word space
    // takes the same width, as CSS Text 3's inter-character justification shares it: a word
    // space that took what it could first opened to 0.78 em ("naproxen ⟷ 500 mg 每日"). Not the
    // Han–Latin gaps, which opened left a digit half an em from its counter ("每 6 個 月"); not
    // beside a mark, whose half em is blank already ("，⟷每" read as a 3/4 em hole); and only
    // as far as cjk_spread_max allows for the line's gaps and max_open for its spaces. A line
    // that would need more ends short, its spaces at r = 1 (half an em), its CJK gaps at the
    // cap: opened to 0.78 em, spaces showed holes and still did not reach the edge
    // ("慢性肾脏病（chronic ⟷ kidney" 2.7 em short).
    if (slack > 0 && open > 0 && slack <= open * (max_open - 1)) {
      const double extra = slack / open;
      if (stretch[kWordTier] > 0) ratio[kWordTier] += extra;
      if (stretch[kAutospaceTier] > 0) ratio[kAutospaceTier] += extra;
    } else if (slack > 0 && character_gaps >= kCjkSpreadMinGaps) {
      const Pt each = slack / (character_gaps + word_spaces);
      const Pt em = between_characters / (character_gaps * kCjkStretch);  // the characters' size
      const bool characters_fit =
          ratio[kCjkTier] * kCjkStretch * em + each <= cjk_spread_max(character_gaps) * em + 1e-9;
      const double word_ratio =
          word_spaces > 0 ? ratio[kWordTier] + each * word_spaces / stretch[kWordTier] : 0;
      if (characters_fit && word_ratio <= max_open + 1e-9) {
        spread = each * character_gaps / between_characters;
        if (word_spaces > 0) ratio[kWordTier] = word_ratio;
      }
    }
  }

  std::size_t glyphs = at_break && at_break->glyph >= 0 ? 1 : 0;  // reserved: a line is set once per trial
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&list[i])) glyphs += b->glyph_end - b->glyph_begin;
    if (const auto* g = std::get_if<Glue>(&list[i]); g && g->glyph >= 0) ++glyphs;
  }
  line.glyphs.reserve(glyphs);
  Pt x = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&list[i])) {
      Pt pen = x + b->shift;
      const double scale = b->expandable && expand_ratio != 0 ? 1 + expand_ratio * expansion : 1;
      for (std::uint32_t g = b->glyph_begin; g < b->glyph_end; ++g) {
        const ShapedGlyph& s = items.glyphs[g];
        place(s, pen + s.x_offset * scale, s.y_offset, glyph_text[g], s.emphasis_mark);
        if (scale != 1) line.glyphs.back().advance *= scale, line.glyphs.back().scale = scale;
        pen += s.advance * scale;
      }
      x += b->width * scale;
    } else if (const auto* g = std::get_if<Glue>(&list[i])) {
      if (g->glyph >= 0) {
        const ShapedGlyph& s = items.glyphs[static_cast<std::size_t>(g->glyph)];
        place(s, x, 0, " ", false);
      }
      if (g->kind == GlueKind::Fill) continue;
      const double r =
          ratio[static_cast<std::size_t>(tier_of(g->kind))] + (g->kind == GlueKind::Cjk ? spread : 0);
      x += g->width + (r >= 0 ? r * g->stretch : r * g->shrink);
    }
  }
  // A compound broken at its own hyphen ends in a hyphen too: layout keeps it off a
  // column's last line as it does an inserted one (layout/column_ends).
  if (at_break && at_break->flagged && at_break->glyph < 0) line.ends_at_hyphen = true;
  if (at_break && at_break->in_word) line.ends_in_word = true;
  if (at_break && at_break->cost == kUnitBreakPenalty) line.ends_at_unit = true;
  if (at_break && at_break->glyph >= 0) {
    const ShapedGlyph& s = items.hyphens[static_cast<std::size_t>(at_break->glyph)];
    place(s, x, 0, "-", false);
    x += at_break->width;
    line.hyphenated = true;
  }
  line.width = x;
  line.overfull = x > width + 0.01;
  line.ratio = ratio[kWordTier];
  line.spread = spread > 0;
  return line;
}

}  // namespace

std::string Line::text() const {
  std::string out;
  for (const auto& g : glyphs) out += g.text;
  return out;
}

bool Line::ends_leading_on() const {
  std::string t = text();
  while (!t.empty() && t.back() == ' ') t.pop_back();
  const std::size_t space = t.rfind(' ');
  const std::string_view word = std::string_view(t).substr(space == std::string::npos ? 0 : space + 1);
  return leads_on(word) || starts_phrase(word) || korean_leads_on(word);
}

namespace {

// Everything about a paragraph that does not depend on its size or width: copy-fit
// composes each paragraph at several sizes, and a batch composes the same
// paragraphs for every data row, so this is worked out once and kept.
struct Prepared {
  std::string text;
  std::vector<StyleRange> styles;  // with the URLs found in the text
  Itemized itemized;
  std::vector<std::uint8_t> italic, breaks, hyphens;
  std::vector<std::string> glyph_text;    // per glyph of the shaped text (clusters do not change with size)
  std::vector<std::int32_t> span_at;      // per byte: the index of the span it comes from
  std::vector<std::uint8_t> superscript;  // per byte: 1 inside a superscript span
  std::shared_ptr<const FontUnitGlyphs> shaped;  // the text shaped once, scaled to each size
  ItemPlan plan;  // its items, made once, given widths at each size (items.hpp)
};

// What a Prepared holds, in bytes (its glyphs in font units counted here too, though
// the shape cache may share them): what bounds the cache below.
std::size_t bytes_of(const Prepared& p) {
  std::size_t n = sizeof(Prepared) + p.text.size() * (1 + sizeof(CharClass) + 3 + 4 + 1) +
                  p.styles.size() * sizeof(StyleRange) + p.itemized.runs.size() * sizeof(Run) +
                  p.glyph_text.size() * sizeof(std::string);
  for (const auto& t : p.glyph_text)
    if (t.size() > 15) n += t.size() + 1;  // past the string's own room
  if (p.shaped) n += p.text.size() * 32;   // about a glyph per byte, 28 bytes each
  n += p.plan.items.size() * (sizeof(Item) + sizeof(ItemPlan::Recipe)) +
       p.plan.clusters.size() * sizeof(std::uint32_t) + p.plan.hyphens.size() * sizeof(ShapedGlyph) +
       p.plan.full_width.size() * sizeof(p.plan.full_width[0]);
  return n;
}

// A bounded process-wide cache of Prepared paragraphs, keyed by everything that goes
// into one: the spans, the style's fonts, language, boldness, breaking rules and
// hyphenation, and the FontSet (by id: its faces are in the runs).
class PreparedCache {
 public:
  static constexpr std::size_t kMaxBytes = 8u << 20;  // memory stays flat (the seed article: ~1.5 MB)

  std::shared_ptr<const Prepared> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void add(std::string key, std::shared_ptr<const Prepared> p) {
    std::lock_guard lock(mutex_);
    const std::size_t cost = key.size() + bytes_of(*p);
    if (bytes_ + cost > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
    bytes_ += cost;
    entries_.emplace(std::move(key), std::move(p));
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Prepared>> entries_;
  std::size_t bytes_ = 0;
};

PreparedCache& prepared_cache() {
  static PreparedCache cache;
  return cache;
}

// If ParagraphStyle or TextSpan gain a field, it must join the key below.
static_assert(sizeof(ParagraphStyle) == 176 && sizeof(TextSpan) == 40,
              "a new style field must join the key of the prepared-paragraph cache");

std::string prepared_key(const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                         const FontSet& fonts) {
  std::string key;
  const auto field = [&](std::string_view v) {
    key += std::to_string(v.size());
    key += ':';
    key += v;
  };
  field(std::to_string(fonts.id()));
  field(style.fonts.latin);
  field(style.fonts.cjk);
  field(style.fonts.mono);
  field(style.lang);
  // Not style.align, style.expansion nor style.rag_em: only the break chooser, set_line, a Korean
  // particle's cost and a measure word's read them, so a paragraph prepared justified serves ragged
  // too (layout's helper thread, a list marker and its body; its plan holds unless it has a particle
  // or a measure word to cost otherwise).
  key += style.hyphenate ? (style.hyphenate_every_word ? (style.hyphenate_last_word ? 'L' : 'H') : 'h') : '-';
  field(style.hyphen_exceptions ? std::string_view(style.hyphen_exceptions->key) : std::string_view());
  key += static_cast<char>('0' + static_cast<int>(style.strictness));
  key += style.bold ? 'b' : '-';
  key += style.balance ? 'B' : '-';
  key += style.keep_words ? 'W' : '-';
  for (const auto& s : spans) {
    key += static_cast<char>('0' + (s.bold ? 1 : 0) + (s.italic ? 2 : 0) + (s.code ? 4 : 0) +
                             (s.url ? 8 : 0) + (s.superscript ? 16 : 0));
    field(s.text);
  }
  return key;
}

// The prepared text's glyphs at `size`: superscripts smaller and raised, emphasised Han and kana marked.
std::vector<ShapedGlyph> glyphs_at(const Prepared& p, Pt size) {
  auto glyphs = scaled(*p.shaped, p.itemized.runs, size);
  for (auto& g : glyphs) {
    g.emphasis_mark = p.italic[g.cluster] && p.itemized.classes[g.cluster] == CharClass::Cjk;
    if (p.superscript[g.cluster]) {  // outlines scale linearly: the shaped run at a smaller size
      g.advance *= kSuperscriptScale;
      g.x_offset *= kSuperscriptScale;
      g.y_offset = g.y_offset * kSuperscriptScale + kSuperscriptRise * size;
    }
  }
  return glyphs;
}

ItemInput item_input(const Prepared& p, const ParagraphStyle& style, std::span<const ShapedGlyph> glyphs,
                     Pt max_box_width) {
  // Traditional Chinese centres its stops in the em: they keep their full width.
  const bool zh_hant = regional_cjk_family("CJK", style.lang) == "CJK TC";
  // A Korean particle and a measure word cost by the alignment (items.hpp).
  const bool justified = style.align == Align::Justify && !style.balance;
  return ItemInput{.text = p.text,
                   .classes = p.itemized.classes,
                   .breaks = p.breaks,
                   .hyphens = p.hyphens,
                   .glyphs = glyphs,
                   .em = style.size,
                   .centered_stops = zh_hant,
                   .max_box_width = max_box_width,
                   .lone_particle_penalty = justified ? kLoneParticlePenalty : kRaggedLoneParticlePenalty,
                   .measure_penalty = justified ? kTiePenalty : kRaggedMeasurePenalty};
}

Result<std::shared_ptr<const Prepared>> prepare(const std::vector<TextSpan>& spans,
                                                const ParagraphStyle& style, const FontSet& fonts) {
  std::string key = prepared_key(spans, style, fonts);
  if (auto found = prepared_cache().find(key)) return found;
  auto p = std::make_shared<Prepared>();
  std::string& text = p->text;
  std::vector<StyleRange>& styles = p->styles;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const TextSpan& s = spans[i];
    if (s.text.empty()) continue;
    styles.push_back(StyleRange{text.size(), text.size() + s.text.size(), s.bold, s.italic, s.code, s.url});
    text += s.text;
    p->span_at.resize(text.size(), static_cast<std::int32_t>(i));
    p->superscript.resize(text.size(), s.superscript ? 1 : 0);
  }
  if (text.empty()) return std::shared_ptr<const Prepared>(std::move(p));
  auto itemized = itemize(text, styles, style, fonts);
  if (!itemized) return itemized.error();
  p->itemized = std::move(itemized).value();
  // A superscript (a footnote number) counts as punctuation for the items: no Han–Latin
  // autospace around it (CLReq 3.4 is about letters and digits of the text, not references).
  for (std::size_t i = 0; i < text.size(); ++i)
    if (p->superscript[i]) p->itemized.classes[i] = CharClass::LatinPunct;
  p->italic.assign(text.size(), 0);
  for (const auto& s : styles)
    if (s.italic) std::fill(p->italic.begin() + s.begin, p->italic.begin() + s.end, 1);
  p->breaks = find_break_opportunities(text, style.lang, style.strictness);
  // URLs typed as text break after / - . and are never hyphenated.
  for (const auto& [b, e] : find_urls(text)) styles.push_back(StyleRange{b, e, false, false, false, true});
  for (const auto& s : styles) {
    if (!s.url) continue;
    for (std::size_t i = s.begin + 1; i < s.end; ++i) p->breaks[i] = kNoBreak;
    // Not within kUrlMinPiece bytes of either end: "…example.nhs. | uk" strands a scrap.
    for (std::size_t i = s.begin + kUrlMinPiece - 1; i + kUrlMinPiece < s.end; ++i)
      if ((text[i] == '/' && text[i + 1] != '/') || text[i] == '-' || text[i] == '.' || text[i] == '@')
        p->breaks[i + 1] = kUrlBreak;
    // The space before it: a break that may leave the line short (items.hpp).
    if (s.begin > 0 && text[s.begin - 1] == ' ' && p->breaks[s.begin] == kBreak)
      p->breaks[s.begin] = kUrlBreak;
  }
  const bool whole_words = style.balance || style.keep_words;
  const bool cjk_lang =
      style.lang.starts_with("zh") || style.lang.starts_with("ja") || style.lang.starts_with("ko");
  if (whole_words && cjk_lang)
    keep_cjk_words_whole(text, style.lang, p->itemized.classes, p->breaks, !style.balance);
  else {
    const auto names = names_in_latin_text(text, style.lang, p->itemized.classes, styles, whole_words);
    if (names) keep_cjk_words_whole(text, *names, p->itemized.classes, p->breaks);
    // In a Latin article every short run is a term, however little Latin is around it (a glossary's
    // "liver function test (肝功能检查 / 肝機能検査);").
    if (names || !cjk_lang) keep_short_terms_whole(text, p->itemized.classes, p->breaks);
  }
  // Never a break before a superscript: it stays with what it refers to.
  for (std::size_t i = 0; i < text.size(); ++i)
    if (p->superscript[i] && (i == 0 || !p->superscript[i - 1])) p->breaks[i] = 0;
  p->hyphens = hyphenation_map(text, styles, style.hyphenate, style.lang, style.hyphen_exceptions,
                               style.hyphenate_every_word, style.hyphenate_every_word && style.hyphenate_last_word);
  // The text of each glyph: its cluster's characters on the first glyph of the cluster.
  p->shaped = shaped_in_font_units(text, p->itemized.runs, style.lang);
  const auto glyphs = glyphs_at(*p, style.size);
  p->glyph_text.resize(glyphs.size());
  for (std::size_t g = 0; g < glyphs.size(); ++g) {
    if (g > 0 && glyphs[g].cluster == glyphs[g - 1].cluster) continue;
    std::size_t next = text.size();
    for (std::size_t k = g + 1; k < glyphs.size(); ++k)
      if (glyphs[k].cluster != glyphs[g].cluster) {
        next = glyphs[k].cluster;
        break;
      }
    p->glyph_text[g] = text.substr(glyphs[g].cluster, next - glyphs[g].cluster);
    if (p->glyph_text[g] == "\n") p->glyph_text[g].clear();
    // The replacement glyph drawn for a missing character (shape.hpp) copies out as U+FFFD: one
    // glyph has one text in the PDF, and the first character to fall back to it would otherwise
    // stand for every other (U+0001 once copied out as the emoji before it).
    if (glyphs[g].glyph != 0 && glyphs[g].glyph == glyphs[g].face->replacement_glyph)
      p->glyph_text[g] = "\xEF\xBF\xBD";
  }
  p->plan = plan_items(item_input(*p, style, glyphs, 0));
  std::shared_ptr<const Prepared> done = std::move(p);
  prepared_cache().add(std::move(key), done);
  return done;
}

// CLReq 3.7 (孤字): the item index after which a break leaves at most one character for
// the paragraph's last line (Han, kana or a Hangul syllable; a Latin word counts as more,
// punctuation as none): "…國定假日休 | 診。". Past the end when the paragraph has fewer.
std::size_t lone_tail_after(const Items& items, std::span<const CharClass> classes) {
  int characters = 0;
  for (std::size_t i = items.items.size(); i-- > 0;) {
    const auto* box = std::get_if<Box>(&items.items[i]);
    if (!box) continue;
    std::size_t last_cluster = std::numeric_limits<std::size_t>::max();
    for (std::uint32_t g = box->glyph_begin; g < box->glyph_end; ++g) {
      const std::size_t cluster = items.glyphs[g].cluster;
      if (cluster == last_cluster || cluster >= classes.size()) continue;
      last_cluster = cluster;
      const CharClass c = classes[cluster];
      if (c == CharClass::Cjk || c == CharClass::Hangul)
        ++characters;
      else if (c == CharClass::Latin)
        characters += 2;
    }
    if (characters >= 2) return i;
  }
  return std::numeric_limits<std::size_t>::max();
}

// Korean (KLREQ breaks between words): a last line that holds only the tail of a word
// split between syllables ("…줄 수 있습 | 니다.") reads as a fragment; the last line starts
// at the last word space or before it. The item index of that space, or past the end.
std::size_t last_word_space(const Items& items) {
  for (std::size_t i = items.items.size(); i-- > 1;) {
    const auto* glue = std::get_if<Glue>(&items.items[i]);
    if (glue && glue->kind == GlueKind::Word && std::holds_alternative<Box>(items.items[i - 1])) return i;
  }
  return std::numeric_limits<std::size_t>::max();
}

// Does the box before item i end a sentence: is its last character, past closing quotes and
// brackets, a full stop, a question or an exclamation mark (Latin or full-width)? A Latin full
// stop only where the word is no abbreviation ("e.g.", "a.m.", "Dr.", "approx.": another point
// inside it, or a short word of the list) and what follows starts a sentence (a capital, a digit,
// a Chinese, Japanese or Korean character).
bool ends_sentence_at(const Items& items, std::string_view text, std::size_t i) {
  if (i == 0) return false;
  const auto* box = std::get_if<Box>(&items.items[i - 1]);
  if (!box || box->glyph_end <= box->glyph_begin) return false;
  std::size_t from = items.glyphs[box->glyph_begin].cluster, to = items.glyphs[box->glyph_end - 1].cluster;
  next_code_point(text, to);  // past the box's last character
  for (std::size_t at = to; at > from;) {
    const auto [cp, begin] = code_point_before(text, at);
    if (std::u32string_view(U"\"'”’)）」』").find(cp) != std::u32string_view::npos) {
      at = begin;
      continue;
    }
    if (std::u32string_view(U"!?。！？").find(cp) != std::u32string_view::npos) return true;
    if (cp != U'.') return false;
    std::string_view word = text.substr(from, begin - from);  // before the point
    if (const auto space = word.find_last_of(' '); space != std::string_view::npos)
      word.remove_prefix(space + 1);
    static constexpr std::string_view kAbbreviations[] = {
        "Dr", "Mr", "Mrs", "Ms", "St", "No", "vs", "etc", "approx", "incl", "tel", "Tel", "ext", "Ext"};
    if (word.find('.') != std::string_view::npos ||
        std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations))
      return false;
    std::size_t next = to;  // the next sentence's first character
    while (next < text.size() && text[next] == ' ') ++next;
    if (next >= text.size()) return true;
    const char32_t first = next_code_point(text, next);
    return (first >= U'A' && first <= U'Z') || (first >= U'0' && first <= U'9') || first >= 0x2E80 ||
           first == U'“' || first == U'"';
  }
  return false;
}

// Does the box before item i end a clause of Chinese or Japanese text: is its last character a
// full-width comma, enumeration comma, semicolon or colon (，、；：)?
bool ends_cjk_clause_at(const Items& items, std::string_view text, std::size_t i) {
  if (i == 0) return false;
  const auto* box = std::get_if<Box>(&items.items[i - 1]);
  if (!box || box->glyph_end <= box->glyph_begin) return false;
  std::size_t at = items.glyphs[box->glyph_end - 1].cluster;
  return std::u32string_view(U"，、；：").find(next_code_point(text, at)) != std::u32string_view::npos;
}

// ComposeOptions::sentence_end_line: `chosen` broken again with a forced break (the fill that ends
// a paragraph, then a forced penalty) in place of the last legal glue break after a sentence's end
// inside line `l`, where the line keeps at least a third of the measure (`width`): one word left
// at the side's foot ("day.") reads as a stray. Where no sentence ends there, in Chinese or
// Japanese text the last clause does (，、；：), where its line keeps half the measure:
// a side that ended "…足を 15〜30 cm 高くし、吐" and went on "きそうなときは…" overleaf (a
// reviewer) parted a word where any two characters may part. The items with that break, where
// `breaks` sets line l to end there in as many lines (and `chosen` takes its breaks); nothing
// otherwise.
template <typename Breaks>
std::optional<Items> end_line_at_sentence(const Items& items, std::string_view text, Pt width,
                                          std::vector<std::size_t>& chosen, std::size_t l,
                                          const Breaks& breaks) {
  const std::size_t begin = l == 0 ? 0 : chosen[l - 1] + 1, end = chosen[l];
  if (ends_sentence_at(items, text, end) || ends_cjk_clause_at(items, text, end))
    return std::nullopt;  // it does already
  // The break: the last glue in the line after a sentence's end, else after a clause's (0: none).
  const auto last_after = [&](const auto& ends) -> std::size_t {
    for (std::size_t i = end; i-- > begin + 1;) {
      const auto* glue = std::get_if<Glue>(&items.items[i]);
      if (glue && glue->kind != GlueKind::Fill && std::holds_alternative<Box>(items.items[i - 1]) &&
          ends(items, text, i))
        return i;
    }
    return 0;
  };
  std::size_t i = last_after(ends_sentence_at);
  // A clause's end is a lesser pause than a sentence's: its line keeps half the measure. At a
  // third, a tri-fold's inside panel ended "（paracetamol），" under a full line, which read as a
  // paragraph's end with the dose that goes with it overleaf (a reviewer); at two thirds, a
  // handout's front ended "请立即带孩子到急" with "诊科就诊" overleaf (a code review).
  Pt least = width / 3;
  if (i == 0) i = last_after(ends_cjk_clause_at), least = width / 2;
  if (i == 0) return std::nullopt;
  Items forced;
  forced.glyphs = items.glyphs;
  forced.hyphens = items.hyphens;
  forced.items.reserve(items.items.size() + 1);
  forced.items.assign(items.items.begin(), items.items.begin() + static_cast<std::ptrdiff_t>(i));
  forced.items.emplace_back(Glue{.width = 0, .stretch = 0, .shrink = 0, .kind = GlueKind::Fill});
  forced.items.emplace_back(Penalty{.width = 0, .cost = -kInfinitePenalty});
  forced.items.insert(forced.items.end(), items.items.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      items.items.end());
  const std::vector<std::size_t> again = breaks(forced);
  if (again.size() != chosen.size() || again[l] != i + 1 ||
      LineWidths(forced.items)(l == 0 ? 0 : again[l - 1], again[l]) < least)
    return std::nullopt;
  chosen = again;
  return forced;
}

// TeX's passes (see kPretolerance): the first set of breaks found wins.
std::vector<std::size_t> choose_breaks(std::span<const Item> items, Pt width, Pt em, bool korean, bool cjk,
                                       Pt rag, double expansion, const ComposeOptions& options,
                                       std::size_t lone_tail_after) {
  // max_break_cost: breaks at penalties costing this or more wait for a later pass. The
  // first pass breaks Korean at word spaces only (KLREQ): at kPretolerance a Korean space
  // opens to half an em; only when that fails are syllable breaks weighed. A number is
  // parted from its unit ("140 | mmHg") only when no set of lines within tolerance keeps
  // them together, as TeX's tie would have it were it not absolute.
  struct Pass {
    double tolerance;
    bool hyphens;
    double max_break_cost;
    double emergency_em;
  };
  static_assert(kSyllableBreakPenalty < kHyphenPenalty && kHyphenPenalty < kLoneParticlePenalty &&
                kLoneParticlePenalty < kBeforeUrlBreakPenalty &&
                kBeforeUrlBreakPenalty < kNameHyphenPenalty && kNameHyphenPenalty < kNameSyllablePenalty &&
                kNameSyllablePenalty < kUnitBreakPenalty && kUnitBreakPenalty < kInfinitePenalty);
  const double tolerance = korean ? kKoreanTolerance : kTolerance;
  // The second pass weighs hyphens, and Korean's breaks between syllables, before the lines
  // loosen: Korean at r = 1 (KLREQ: a space opens to half an em, past that a syllable break
  // is preferred), the rest at kHyphenTolerance. Ragged text skips it: a line 2.5 em short
  // is no fault worth a hyphen. So does a paragraph set with fewer hyphens: the third pass
  // weighs a hyphen as much as a line at kTolerance, so a line opened to 0.6–0.7 em wins.
  const double second = korean ? kPretolerance : kHyphenTolerance;
  // A number keeps its unit ("10~40 | mg") through every pass but the last: a line left
  // short before it (kMaxOpenRatio) reads better than a dose parted from its unit. A Latin
  // name in CJK text keeps whole through the passes within tolerance; past them, where lines
  // are weighed by how short they end, it may break (kNameHyphenPenalty).
  const Pass kPasses[] = {{kPretolerance, false, kSyllableBreakPenalty, 0},
                          {second, true, kNameHyphenPenalty, 0},
                          {tolerance, true, kNameHyphenPenalty, 0},
                          {kLastTolerance, true, kUnitBreakPenalty, 0},
                          {kLastTolerance, true, kUnitBreakPenalty, kEmergencyStretchEm},
                          {kLastTolerance, true, kInfinitePenalty, kEmergencyStretchEm}};
  KnuthPlassParams params;
  params.no_flagged_lines = options.no_hyphen_lines;
  const Pass& last_pass = kPasses[std::size(kPasses) - 1];
  params.short_last_line = kShortLastLineEm * em;
  params.short_last_line_demerits = kShortLastLineDemerits;
  params.lone_tail_after = lone_tail_after;
  params.exact_lines = options.exact_lines;
  const bool ragged = rag > 0;
  params.ragged_stretch = !ragged ? 0 : options.fewer_hyphens ? kRaggedFewerHyphensStretchEm * em : rag;
  params.expansion = expansion;
  params.em = em;
  std::optional<std::vector<std::size_t>> alone;  // the first set found, with a character alone
  // The natural width of a break set's last line; the widths' sums are made once, and only for the
  // paragraphs that weigh their last line (CJK, ragged): a justified Latin one never asks.
  std::optional<LineWidths> widths;
  const auto last_width = [&](const std::vector<std::size_t>& breaks) {
    if (!widths) widths.emplace(items);
    return (*widths)(breaks[breaks.size() - 2], breaks.back());
  };
  for (const Pass& pass : kPasses) {
    if ((ragged || options.fewer_hyphens) && !korean && &pass == &kPasses[1]) continue;
    params.tolerance = pass.tolerance;
    params.discretionary = pass.hyphens;
    // Fewer hyphens: a name in CJK text stays whole but in the last resort (hyphen_budget.hpp
    // trades its hyphen for a line that ends short).
    params.max_break_cost = options.fewer_hyphens && &pass != &last_pass
                                ? std::min(pass.max_break_cost, kNameHyphenPenalty)
                                : pass.max_break_cost;
    params.background_stretch = pass.emergency_em * em;
    // Past every tolerance, a line no break can fill costs by how short it is (knuth_plass.hpp).
    params.soft_tolerance = pass.tolerance >= kLastTolerance ? kTolerance : 0;
    // A Korean particle alone at a line's start (kLoneParticlePenalty, a line 1 em short) only
    // there: in the passes within tolerance it was taken to save a line 0.04 em short.
    params.max_in_word_cost = params.soft_tolerance > 0 ? kInfinitePenalty : kLoneParticlePenalty;
    // Korean justified lines are weighed from r = 1, where their spaces stop opening (see
    // kKoreanMaxOpenRatio); ragged lines by their own stretch, as the other languages'.
    params.soft_open_ratio = korean && !ragged ? kKoreanMaxOpenRatio : 0;
    // Past the tolerance a 孤字 weighs as much as a line kLoneShortEm short: a kana line filled
    // within its cap (r = 4 of its CJK stretch) is no fault worth one character alone.
    if (params.soft_tolerance > 0) params.short_last_line_demerits = soft_line_demerits(params, kLoneShortEm);
    if (params.soft_tolerance > 0 && korean && !ragged) {
      params.lone_tail_demerits = soft_line_demerits(params, kWordTailEm);
      // A syllable break that leaves its line more than a syllable short costs as a word's tail
      // alone does: the word goes whole to the next line unless the line would end some 4 em
      // shorter so (KLREQ's fallback is for filling a line, not for shortening a gap).
      params.unfilled_split_demerits = params.lone_tail_demerits;
      params.unfilled_split_slack = kUnfilledSplitEm * em;
    }
    // Fewer loose lines: the pass that weighs hyphens first keeps every space within
    // kLooseTolerance, then, where no set of lines can, as usual.
    std::optional<std::vector<std::size_t>> found;
    if (options.fewer_loose_lines && &pass == &kPasses[1] && kLooseTolerance < pass.tolerance) {
      params.tolerance = kLooseTolerance;
      found = knuth_plass(items, width, params);
      params.tolerance = pass.tolerance;
    }
    if (!found) found = knuth_plass(items, width, params);
    if (!found) continue;
    // CLReq 3.7 (孤字): when the tolerance of this pass leaves one character alone on the
    // last line, a looser pass may re-break the paragraph without it.
    const bool tail = cjk && found->size() >= 2 && (*found)[found->size() - 2] > lone_tail_after;
    const Pt runt = !cjk && ragged ? kRaggedRuntEm * em : params.short_last_line;
    const bool narrow_last = (cjk || ragged) && found->size() >= 2 && last_width(*found) < runt;
    const bool narrow = cjk && narrow_last;
    // A ragged Latin paragraph whose last line is as narrow, a runt ("…or chest pain: call |
    // 999" in a reviewer's list), is tried once more with a rag as deep as it needs (each line
    // weighed by how far short it ends, as in the last passes), no hyphen and nothing this pass
    // would not break at, and set so where that leaves no runt: the later passes would buy it
    // with a hyphen. Not after a hard line break, which no re-break moves.
    if (!cjk && ragged && narrow_last && pass.tolerance < kLastTolerance) {
      const auto* before = std::get_if<Penalty>(&items[(*found)[found->size() - 2]]);
      if (!(before && before->cost <= -kInfinitePenalty)) {
        KnuthPlassParams rag_deeper = params;
        rag_deeper.tolerance = kLastTolerance;
        rag_deeper.soft_tolerance = kTolerance;
        rag_deeper.discretionary = false;
        rag_deeper.short_last_line = runt;
        auto again = knuth_plass(items, width, rag_deeper);
        if (again && again->size() >= 2 && last_width(*again) >= runt) return std::move(*again);
      }
      return std::move(*found);
    }
    // Korean's last passes weigh a narrow last line or a word's tail (kLoneShortEm, kWordTailEm),
    // and the passes after them add only emergency stretch, which a Korean space never takes
    // (it stops at half an em): there lines are as short as they are, unweighed. So a Korean
    // paragraph keeps what the first of them found.
    if (!(tail || narrow) || (korean && params.soft_tolerance > 0)) return std::move(*found);
    if (!alone) alone = std::move(found);
  }
  if (alone) return std::move(*alone);
  if (options.exact_lines > 0) {  // no set of that many lines: the best of any count
    ComposeOptions any = options;
    any.exact_lines = 0;
    return choose_breaks(items, width, em, korean, cjk, rag, expansion, any, lone_tail_after);
  }
  return {};
}

// The items of a prepared paragraph at the style's size; `max_box_width` > 0 splits longer words.
Items paragraph_items(const Prepared& p, const ParagraphStyle& style, Pt max_box_width) {
  auto glyphs = glyphs_at(p, style.size);
  const ItemInput in = item_input(p, style, glyphs, max_box_width);
  return build_items(p.plan, in, std::move(glyphs));
}

}  // namespace

Result<ContentWidths> measure(const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                              const FontSet& fonts) {
  auto prepared = prepare(spans, style, fonts);
  if (!prepared) return prepared.error();
  ContentWidths out;
  if ((*prepared)->text.empty()) return out;
  const Items items = paragraph_items(**prepared, style, 0);
  // A legal break is glue after a box, or a penalty below kInfinitePenalty (knuth_plass.hpp);
  // glue at a break vanishes, a penalty's width (a hyphen) stays on the line before it.
  // A break the breaker takes only when nothing else will do (kUnitBreakPenalty: a number
  // and its unit, "10 mg", a phone number's groups; kNameHyphenPenalty: a Latin name in CJK
  // text), or that ties a number to its word (kTiePenalty), counts for `min_parted` only: a
  // table gives a column the room for "10 mg" before it sets "10 | mg" in a cell.
  Pt line = 0;
  Pt piece = 0, parted = 0;  // the piece since the last break, and since the last of any
  Pt word = 0;               // ... and since the last break outside a word
  bool after_box = false;
  for (const Item& item : items.items) {
    if (const auto* b = std::get_if<Box>(&item)) {
      piece += b->width;
      parted += b->width;
      word += b->width;
      line += b->width;
      after_box = true;
    } else if (const auto* g = std::get_if<Glue>(&item)) {
      if (after_box) {
        out.min = std::max(out.min, piece), piece = 0;
        out.min_parted = std::max(out.min_parted, parted), parted = 0;
        out.min_words = std::max(out.min_words, word), word = 0;
      } else {
        piece += g->width;
        parted += g->width;
        word += g->width;
      }
      if (g->kind != GlueKind::Fill) line += g->width;
      after_box = false;
    } else if (const auto* pen = std::get_if<Penalty>(&item)) {
      if (pen->cost <= -kInfinitePenalty) {  // a forced break (a hard line break)
        out.max = std::max(out.max, line), line = 0;
        out.min = std::max(out.min, piece), piece = 0;
        out.min_parted = std::max(out.min_parted, parted), parted = 0;
        out.min_words = std::max(out.min_words, word), word = 0;
      } else if (pen->cost < kInfinitePenalty) {
        out.min_parted = std::max(out.min_parted, parted + pen->width), parted = 0;
        // A name's break (kNameHyphenPenalty: a Latin name's hyphen in CJK text; kNameSyllablePenalty:
        // a Korean name's syllables before its Latin gloss) is not, nor a Korean particle's alone
        // (kLoneParticlePenalty, told from the other in-word breaks by its cost, items.hpp), as the
        // breaker takes them only in the last passes.
        // A break inside a Chinese or Japanese word (ParagraphStyle::keep_words) is one for min-content
        // too: the cell's words stay whole where its column has room, and the columns are as wide
        // as without the preference (the widest word as min-content starved the other columns).
        const bool in_word = pen->cost == kInWordBreakPenalty || pen->cost == kGluedBreakPenalty;
        const bool lone_particle =
            pen->in_word && (pen->cost == kLoneParticlePenalty || pen->cost == kRaggedLoneParticlePenalty);
        // A last pass's break (kLastPassBreakPenalty: a range of times after its dash) is an
        // ordinary one here: costly in the breaker, but the table's column is not made as wide as
        // the whole range.
        const bool outside_word =
            (pen->cost < kNameHyphenPenalty && !lone_particle) || pen->cost == kLastPassBreakPenalty;
        // A number and the word after it ("400 micrograms", "5 pounds"; kTiePenalty) are one piece
        // too, as a number and its unit's symbol are: a reviewer's dose column read "400 |
        // micrograms" while the next column's words had room to wrap.
        const bool tie = pen->cost == kTiePenalty || pen->cost == kRaggedMeasurePenalty;
        if (!tie && (outside_word || in_word)) out.min = std::max(out.min, piece + pen->width), piece = 0;
        if (!tie && outside_word) out.min_words = std::max(out.min_words, word + pen->width), word = 0;
      }
      after_box = false;
    }
  }
  out.min = std::max(out.min, piece);
  out.min_parted = std::max(out.min_parted, parted);
  out.min_words = std::max({out.min_words, word, out.min});
  out.max = std::max({out.max, line, out.min});
  return out;
}

void load_word_dictionary(const std::string& lang) {
  if (!(lang.starts_with("zh") || lang.starts_with("ja"))) return;
  // ICU builds its dictionary break engine for Han on the first text that needs it and keeps
  // it for the process (every iterator shares it): a short title of Han and kana builds it.
  static constexpr std::string_view kSample = "健康の生活习惯";
  UErrorCode err = U_ZERO_ERROR;
  const BreakIterator bi = title_word_iterator(lang, err);
  UTextHandle ut(utext_openUTF8(nullptr, kSample.data(), static_cast<int64_t>(kSample.size()), &err));
  if (U_FAILURE(err)) return;
  ubrk_setUText(bi.get(), ut.get(), &err);
  if (U_FAILURE(err)) return;
  for (int32_t b = ubrk_first(bi.get()); b != UBRK_DONE; b = ubrk_next(bi.get())) {
  }
}

Result<Paragraph> compose(const std::vector<TextSpan>& spans, const ParagraphStyle& style, Pt width,
                          const FontSet& fonts) {
  return compose(spans, style, width, fonts, ComposeOptions{});
}

Result<Paragraph> compose(const std::vector<TextSpan>& spans, const ParagraphStyle& style, Pt width,
                          const FontSet& fonts, const ComposeOptions& options) {
  Paragraph para;
  para.size = style.size;
  auto prepared = prepare(spans, style, fonts);
  if (!prepared) return prepared.error();
  const Prepared& p = **prepared;
  const std::string& text = p.text;
  if (text.empty()) return para;
  para.missing = p.itemized.missing;
  const auto& glyph_text = p.glyph_text;
  const Items items = paragraph_items(p, style, width);

  std::vector<std::size_t> chosen;
  const bool justify = style.align == Align::Justify && !style.balance;
  const bool korean = style.lang.starts_with("ko");
  // The breaks of `of` (these items, or them with a sentence's forced end) in the style's
  // passes, with its 孤字 and Korean word-tail limits.
  const auto breaks_of = [&](const Items& of, const ComposeOptions& o) {
    std::size_t lone = std::numeric_limits<std::size_t>::max();
    if (is_cjk_language(style.lang)) lone = lone_tail_after(of, p.itemized.classes);
    if (korean) lone = std::min(lone, last_word_space(of));
    const Pt rag = justify ? 0 : (style.rag_em > 0 ? style.rag_em : kRaggedStretchEm) * style.size;
    return choose_breaks(of.items, width, style.size, korean, is_cjk_language(style.lang), rag,
                         justify ? style.expansion : 0, o, lone);
  };
  if (style.balance)
    chosen = balance_breaks(items.items, width, style.size, phrase_bonus(items, text),
                            style.lang.starts_with("zh"));
  else if (justify || style.align == Align::Ragged || style.align == Align::Left)
    chosen = breaks_of(items, options);
  if (chosen.empty()) chosen = ragged_breaks(items.items, width, kShortLastLineEm * style.size);
  // A line to end at a sentence's end (ComposeOptions::sentence_end_line): the breaks again with
  // a forced break after the last sentence that ends inside it.
  std::optional<Items> ended;
  if (const int l = options.sentence_end_line;
      !style.balance && l >= 0 && static_cast<std::size_t>(l) + 1 < chosen.size()) {
    ended = end_line_at_sentence(items, text, width, chosen, static_cast<std::size_t>(l),
                                 [&](const Items& forced) {
                                   ComposeOptions again = options;
                                   again.exact_lines = static_cast<int>(chosen.size());
                                   return breaks_of(forced, again);
                                 });
  }
  const Items& set = ended ? *ended : items;

  const double max_open = korean ? kKoreanMaxOpenRatio : kMaxOpenRatio;
  std::size_t begin = 0;
  para.lines.reserve(chosen.size());
  const bool rag = !justify && !style.balance && style.align != Align::Center;
  for (const std::size_t end : chosen) {
    Line& line = para.lines.emplace_back(
        set_line(set, glyph_text, p.span_at, spans, begin, end, width, justify, max_open, style.expansion));
    // A ragged line is judged by how far short it ends (kRaggedStretchEm at r = 1).
    if (rag && end != chosen.back() && line.ratio == 0 && line.width < width)
      line.ratio = (width - line.width) / (kRaggedStretchEm * style.size);
    begin = end + 1;
  }
  return para;
}

}  // namespace leafpress::text
