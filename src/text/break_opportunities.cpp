#include "text/break_opportunities.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include <unicode/uchar.h>

#include "core/utf8.hpp"
#include "text/icu_handles.hpp"
#include "text/itemize.hpp"

namespace leafpress::text {
namespace {

// CLReq 3.1.7 and JLReq appendix A: line-start and line-end prohibitions.
// ® ™ ℠ belong to the name before them: "エピペン | ®、119 番通報" read as a stray sign at the line's
// start of the most urgent cell (a reviewer); after a Latin name ICU keeps them, after kana it did not.
constexpr std::u32string_view kNoStart =
    U"，。、；：？！）］｝〕〉》」』】〗〙〛’”｠»‼⁇⁈⁉・·,.:;!?)]}%‰℃°′″®™℠";
// Small kana, the prolonged sound mark and the iteration marks (JLReq cl-09: ゝゞヽヾ々〻).
constexpr std::u32string_view kNoStartStrict =
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ーゝゞヽヾ";
constexpr std::u32string_view kNoEnd = U"（［｛〔〈《「『【〖〘〚‘“｟«([{";

std::string icu_locale(const std::string& lang, LineBreakStrictness strictness) {
  std::string locale = lang.empty() ? "en" : lang;
  for (char& c : locale)
    if (c == '-') c = '_';
  locale += strictness == LineBreakStrictness::Strict ? "@lb=strict" : "@lb=normal";
  return locale;
}

UBreakIterator* line_iterator(const std::string& locale) {
  thread_local std::map<std::string, BreakIterator> cache;
  auto it = cache.find(locale);
  if (it == cache.end()) {
    UErrorCode err = U_ZERO_ERROR;
    BreakIterator bi(ubrk_open(UBRK_LINE, locale.c_str(), nullptr, 0, &err));
    if (U_FAILURE(err)) {
      err = U_ZERO_ERROR;
      bi.reset(ubrk_open(UBRK_LINE, "en", nullptr, 0, &err));
    }
    it = cache.emplace(locale, std::move(bi)).first;
  }
  return it->second.get();
}

bool is_digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}
bool is_unit_sign(char32_t cp) {
  return cp == U'%' || cp == U'％' || cp == U'‰' || cp == U'℃' || cp == U'°' || cp == U'℉';
}
// One-character suffixes that belong to the quantity before them: 台 (in the range of), 増 減
// (up, down by), 超 強 弱 (over, just over, just under): "38℃台", "5%増", "30%超".
bool is_quantity_suffix(char32_t cp) {
  return std::u32string_view(U"台増減超強弱").find(cp) != std::u32string_view::npos;
}
// Is the en dash before byte `at` (its three bytes end there) in a short range: a number right
// after it ("7:30 a.m.–6:00", "2–3", "1990–2000"), or two words of at most kRangeWord bytes
// ("Mon–Fri", "a.m.–noon"), either side counted to the next space without the punctuation
// around it ("(Mon–Fri),")? Not a compound of two words ("sodium–glucose", "COVID-19–related",
// whose dash is their best break).
constexpr std::size_t kRangeWord = 4;
bool short_range_sides(std::string_view text, std::size_t at) {
  if (at < text.size() && is_digit(static_cast<unsigned char>(text[at]))) return true;
  const auto boundary = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  const auto mark = [](char c) {
    return std::string_view("()[],.;:!?\"'").find(c) != std::string_view::npos;
  };
  const std::size_t dash = at - 3;
  std::size_t before = dash;
  while (before > 0 && !boundary(text[before - 1]) && dash - before <= kRangeWord + 1) --before;
  while (before < dash && mark(text[before])) ++before;
  std::size_t after = at;
  while (after < text.size() && !boundary(text[after]) && after - at <= kRangeWord + 2) ++after;
  while (after > at && mark(text[after - 1])) --after;
  return dash - before <= kRangeWord && after - at <= kRangeWord;
}

// A sign that compares or qualifies the number after it: "≥ 180 mg/dL", "< 7%", "± 0.5".
bool is_relation_sign(char32_t cp) {
  return std::u32string_view(U"≥≤≧≦><＞＜≒≈±").find(cp) != std::u32string_view::npos;
}

// Is `b` `a` a word for a half of the day ("午後", "下午", "오전"), `c` the character before it?
bool is_time_of_day(char32_t a, char32_t b, char32_t c) {
  static constexpr std::u32string_view kTimesOfDay[] = {U"午前", U"午後", U"上午", U"下午", U"中午",
                                                        U"早上", U"晚上", U"凌晨", U"오전", U"오후"};
  return std::any_of(std::begin(kTimesOfDay), std::end(kTimesOfDay),
                     [&](std::u32string_view t) { return t[0] == b && t[1] == a; }) &&
         classify(c) != CharClass::Hangul &&  // not the end of a longer Korean word
         c != U'正';                          // 正午前 1時間: an hour before noon
}

// The break between a word that belongs to the number after it and the number written close to
// it, the word's last character `a` (`b`, `c` the characters before it); kBreak for other words.
// 第 makes the number an ordinal: one word with it, never parted before a digit (kInWordBreak, which
// the Han–digit space does not take), as "10天" is not. A time of day says which half of the clock
// it counts ("午後5時", "下午2点"): "午後 | 5時）" reads as 5 a.m. (a reviewer's opening hours), so
// it costs a tie (kNumberPrefixBreak); dearer, justified Chinese and Japanese lines ended up to
// 2.7 em short before a time of day (a code review), the fault reviewers find first.
// 每 makes it a rate ("每2天") and 约 約 약 a guess ("约5～7天", "大约", "每天约 36 g"), not where
// they end another word (续约 1 年 "renew for a year", 预约, 解約, 감기약): at a tie's cost
// (kNumberPrefixBreak), as a justified Chinese line kept "约5～7天" whole by ending 2 em short instead.
std::uint8_t number_prefix_break(char32_t a, char32_t b, char32_t c) {
  if (a == U'第') return kInWordBreak;
  if (a == U'每') return kNumberPrefixBreak;
  if (a == U'약') return classify(b) != CharClass::Hangul ? kNumberPrefixBreak : kBreak;
  // The words that end in 约 or 約 and are no guess: an appointment, a contract, a saving, a bond.
  constexpr std::u32string_view kWordsEndingInYue =
      U"予预預节節签簽契续續违違合解要制条條盟婚赴失践踐履邀相爽";
  if (a == U'约' || a == U'約')
    return kWordsEndingInYue.find(b) == std::u32string_view::npos ? kNumberPrefixBreak : kBreak;
  return is_time_of_day(a, b, c) ? kNumberPrefixBreak : kBreak;
}

bool is_range_mark(char32_t cp) {
  return cp == U'～' || cp == U'〜' || cp == U'~' || cp == U'–' || cp == U'-';
}

// A number and the one or two Han or kana counters after it, latest character first: "10月"
// (a = 月, b = 1), "3个月" (a = 月, b = 个, c = 3).
bool after_counted_number(char32_t a, char32_t b, char32_t c) {
  const auto counter = [](char32_t cp) { return classify(cp) == CharClass::Cjk && is_wide(cp); };
  return counter(a) && (is_digit(b) || (counter(b) && is_digit(c)));
}

// A unit of two characters after a number, latest character first: in "10～15 分鐘" at 鐘,
// a = 鐘, b = 分, c = ' ', d = 5. Parted inside ("10～15 分 | 鐘；", "6～8 時 | 間"), a line
// starts with half a unit, a counter alone (CLReq 3.1.7, JLReq 3.1.10: a number and its unit
// are not to be separated). After a classifier too: "2个小时".
bool in_two_character_unit(char32_t a, char32_t b, char32_t c, char32_t d) {
  static constexpr std::u32string_view kUnits[] = {
      U"分钟", U"分鐘", U"分間", U"秒钟", U"秒鐘", U"小时", U"小時", U"時間", U"日間",
      U"週間", U"年間", U"星期", U"公斤", U"公克", U"公分", U"公里", U"公升", U"毫克",
      U"毫升", U"毫米", U"厘米", U"釐米", U"微克", U"千克", U"千卡", U"大卡"};
  const bool unit = std::any_of(std::begin(kUnits), std::end(kUnits),
                                [&](std::u32string_view u) { return u[0] == b && u[1] == a; });
  const bool classifier = c == U'个' || c == U'個';
  return unit && (is_digit(c) || ((c == U' ' || classifier) && is_digit(d)));
}

// A phone number's extension and its label: "(04) 2229-3671 轉 5120", "2359-6688 分機 3210",
// "内線 123", "내선 123", "ext. 5120". Parted, a line ends "轉" or "分" and the next starts with
// a number that reads as one of its own: reviewers found "轉 | 5120" under three numbers, and
// "分 | 機" cut inside the word. The label keeps its number and the number before it, as a
// phone number keeps its area code.
constexpr std::string_view kExtensionLabels[] = {"轉",   "转",   "分機", "分机", "內線", "内線",
                                                 "内线", "내선", "ext.", "Ext.", "ext",  "Ext"};

// The break at byte `at` (>= 1) around an extension label that follows a phone number's digit (a
// space between them or not) and comes before the extension's digits (likewise): none inside the
// label, kUnitBreak at a space before and after it; `fallback` (the break as found) elsewhere.
std::uint8_t phone_extension_break(std::string_view text, std::size_t at, std::uint8_t fallback) {
  // The phone number's last digit stands at most a space, the longest label (6 bytes) and a space
  // before `at`: most breaks of a paragraph have no digit there, and need no label looked for.
  constexpr std::size_t kReach = 9;
  const std::string_view near = text.substr(at > kReach ? at - kReach : 0, std::min(at, kReach));
  if (std::none_of(near.begin(), near.end(),
                   [](char ch) { return is_digit(static_cast<unsigned char>(ch)); }))
    return fallback;
  for (const std::string_view label : kExtensionLabels) {
    // The label may start from at - label.size() - 1 (a space after it) to at + 1 (a space before it).
    const std::size_t first = at > label.size() + 1 ? at - label.size() - 1 : 0;
    for (std::size_t start = first; start <= at + 1 && start + label.size() <= text.size(); ++start) {
      if (text.compare(start, label.size(), label) != 0) continue;
      std::size_t before = start, after = start + label.size();
      if (before > 0 && text[before - 1] == ' ') --before;
      if (after < text.size() && text[after] == ' ') ++after;
      if (before == 0 || !is_digit(static_cast<unsigned char>(text[before - 1])) || after >= text.size() ||
          !is_digit(static_cast<unsigned char>(text[after])))
        continue;
      if (at > start && at < start + label.size()) return kNoBreak;
      // A unit's break is a space's (items.cpp takes kUnitBreak at a space only): written without
      // spaces ("3671轉5120"), the breaks either side of the label stay as found, else a cell of
      // such numbers could not break at all and ran past its column (a code review).
      if ((at == before + 1 || at == after) && text[at - 1] == ' ') return kUnitBreak;
    }
  }
  return fallback;
}

// Units of measure written after a number and a space: "140 mmHg", "500 mg", "5 g",
// "37 °C". The space between them is a no-break space in careful setting (SI Brochure
// 5.4.3; Chicago 9.16): a reader must not meet "140" at a line end and "mmHg" below it.
bool is_unit_word(std::string_view w) {
  static constexpr std::string_view kUnits[] = {
      "mg", "g", "kg", "µg", "μg", "mcg", "ng", "ml", "mL", "l", "L", "dl", "dL", "cl", "mmHg", "mmol",
      "µmol", "mol", "cm", "mm", "m", "km", "kcal", "kJ", "IU", "U", "h", "min", "s", "ms", "°C", "°F", "%",
      "bpm", "Hz", "kPa", "cc", "oz", "lb", "lbs", "ft", "mEq", "mSv", "Gy", "nm", "µm", "μm", "mIU", "µIU",
      "μIU", "pg", "pmol", "nmol", "mU", "kU", "mV", "mA", "wk", "wks", "mo", "yr", "yrs", "d", "x", "mcL",
      "µL", "μL", "kDa",
      // The clock and an hour's abbreviation: "at 9 | am" reads as badly as "140 | mmHg". Units
      // written out ("24 hours", "2 tablets") are no units here: as such they loosened whole
      // paragraphs (a 0.74 em line to keep "every 2–8 weeks" together); they are ties
      // (is_measure_word, kMeasureWordBreak).
      "hr", "hrs", "am", "pm",
      // ... and "12 noon", "12 midnight" (a reviewer: "between 9 a.m. and 12 | noon.").
      "noon", "midnight"};
  for (const std::string_view u : kUnits)
    if (w == u) return true;
  return false;
}

// Units and counts written out after a number ("10 minutes", "2 puffs", "500 millilitres"): a
// break before them is a tie (kMeasureWordBreak), dearer in ragged text than before other words
// ("5 or | 6 usually" is no fault).
bool is_measure_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "second",     "minute",    "hour",      "day",        "night",      "week",  "month",    "year",
      "time",       "puff",      "tablet",    "capsule",    "pill",       "dose",  "drop",     "spray",
      "inhalation", "injection", "sachet",    "patch",      "glass",      "cup",   "teaspoon", "tablespoon",
      "spoonful",   "litre",     "liter",     "millilitre", "milliliter", "gram",  "kilogram", "milligram",
      "microgram",  "kilo",      "pound",     "ounce",      "stone",      "inch",  "foot",     "feet",
      "metre",      "meter",     "kilometre", "kilometer",  "mile",       "step",  "unit",     "percent",
      "breath",     "beat",      "serving",   "portion",    "piece",      "slice", "calorie"};
  std::string lower(w);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const std::string_view word : kWords) {
    if (lower == word) return true;
    // plurals: -s, -es ("glasses", "inches"), -ies not needed
    if (lower.size() == word.size() + 1 && lower.starts_with(word) && lower.back() == 's') return true;
    if (lower.size() == word.size() + 2 && lower.starts_with(word) && lower.ends_with("es")) return true;
  }
  return false;
}

// The same units written with points, which word_at stops at: "7:00 a.m.", "8 p.m.",
// "1,500～2,000 c.c." (Chicago 10.41 keeps a.m. and p.m. with their time).
bool starts_with_dotted_unit(std::string_view text, std::size_t at) {
  static constexpr std::string_view kDotted[] = {"a.m.", "p.m.", "A.M.", "P.M.", "c.c."};
  const std::string_view rest = text.substr(at);
  for (const std::string_view u : kDotted)
    if (rest.starts_with(u) || (rest.size() == u.size() - 1 && u.starts_with(rest))) return true;
  return false;
}

// The word that starts at `at`: up to a space, a CJK character or punctuation that ends it
// ("mmHg，" in Chinese is the unit mmHg).
std::string_view word_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' &&
         std::string_view(",.;:!?)]/").find(text[end]) == std::string_view::npos) {
    std::size_t next = end;
    const CharClass cls = classify(next_code_point(text, next));
    if (cls != CharClass::Latin && cls != CharClass::LatinPunct) break;
    end = next;
  }
  return text.substr(at, end - at);
}

}  // namespace

bool may_not_start_line(char32_t cp, LineBreakStrictness strictness) {
  return kNoStart.find(cp) != std::u32string_view::npos ||
         (strictness == LineBreakStrictness::Strict && kNoStartStrict.find(cp) != std::u32string_view::npos);
}

bool may_not_end_line(char32_t cp) {
  return kNoEnd.find(cp) != std::u32string_view::npos;
}

bool is_wide(char32_t cp) {
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

bool is_katakana(char32_t cp) {
  return (cp >= U'\u30A1' && cp <= U'\u30FA') || cp == U'\u30FC' || (cp >= U'\u31F0' && cp <= U'\u31FF') ||
         (cp >= U'\uFF66' && cp <= U'\uFF9F');
}

bool is_full_width_alnum(char32_t cp) {
  return (cp >= U'０' && cp <= U'９') || (cp >= U'Ａ' && cp <= U'Ｚ') || (cp >= U'ａ' && cp <= U'ｚ');
}

bool is_numeral(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九十百千万萬两兩半").find(c) !=
             std::u32string_view::npos ||
         u_isdigit(static_cast<UChar32>(c));
}

bool is_counter(char32_t c) {
  static constexpr std::u32string_view kCounters =
      U"分秒时時小天日周週月年岁歳歲次回个個片粒颗顆杯克斤升毫公度倍遍针針名人位张張本枚錠包种種项項条條步歩"
      U"層层間间顿頓餐袋瓶支剂劑组組段件例台匙滴";
  return kCounters.find(c) != std::u32string_view::npos;
}

bool is_one_character_part(char32_t before, char32_t initial) {
  const auto letter_or_digit = [](char32_t c) {
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
  };
  if (!letter_or_digit(initial) || is_wide(initial)) return false;
  return before == 0 || is_wide(before) || (!letter_or_digit(before) && before != U'-' && before != U'‐');
}

// A phone number or a grouped number written with spaces ("+1 555 0100", "0571 8800 1234",
// "020 7946 0958") is one unit to a reader: half of it at a line end is a wrong number. Up to
// kMaxDigitGroups bytes it never splits; a longer run of numbers (a list of doses) may, at a cost.
constexpr std::size_t kMaxDigitGroups = 20;

// The length of the run of digits and single spaces (with a leading + or ( ) around the space
// before byte `at`, counted no further than past kMaxDigitGroups: all a caller asks is whether
// the run is longer (a scan of the whole run from each of its spaces was quadratic in a
// hostile "1 1 1 …": 30 s and more).
std::size_t digit_groups_length(std::string_view text, std::size_t at) {
  auto in_run = [&](std::size_t i) {
    const char c = text[i];
    return (c >= '0' && c <= '9') || c == '+' || c == '(' || c == ')' ||
           (c == ' ' && i > 0 && i + 1 < text.size() && text[i - 1] >= '0' && text[i - 1] <= '9' &&
            text[i + 1] >= '0' && text[i + 1] <= '9');
  };
  std::size_t begin = at, end = at;
  while (begin > 0 && in_run(begin - 1) && end - begin <= kMaxDigitGroups) --begin;
  while (end < text.size() && in_run(end) && end - begin <= kMaxDigitGroups) ++end;
  return end - begin;
}

namespace {

// A text's code points and the byte offset each starts at, for the Korean passes below.
struct CodePoints {
  std::vector<std::size_t> starts;
  std::vector<bool> hangul;
  std::vector<char32_t> cps;
};

CodePoints code_points(std::string_view text) {
  CodePoints out;
  for (std::size_t pos = 0; pos < text.size();) {
    out.starts.push_back(pos);
    out.cps.push_back(next_code_point(text, pos));
    out.hangul.push_back(classify(out.cps.back()) == CharClass::Hangul);
  }
  return out;
}

// Is `particle`, after the syllable `before`, a case particle that may start a line alone
// ("건강 | 을", "목표 | 에")? Only where no other reading is likely: 을 after a final consonant,
// 를, 가 and 와 after a vowel, as the particle's form follows the syllable before ("전문 | 가" is
// one noun); 에 after either. Not 이, which reads as "this" ("압력 | 이"), nor 로 or 나, the
// tails of -으로, -므로, -거나; not 는 or 은, a verb's modifier as often ("숙이 | 는", "괜찮 |
// 은"), nor 과, 도, 의, which end nouns after either ("검사결 | 과", "혈중농 | 도", "전화문 |
// 의"). Nor a verb's endings in the same forms: 을 after a final ㅆ, ㄶ, ㅀ or ㅎ, which end
// only verbs ("복용했 | 을 때", "괜찮 | 을"); 가 and 와 after the -아/-어 of a verb ("가져 | 가",
// "돌아 | 와").
bool is_lone_particle(char32_t before, char32_t particle) {
  const auto final_consonant = (before - 0xAC00) % 28;  // jongseong: 0 none, 6 ㄶ, 15 ㅀ, 20 ㅆ, 27 ㅎ
  const bool open_syllable = final_consonant == 0;
  const bool verb_final =
      final_consonant == 6 || final_consonant == 15 || final_consonant == 20 || final_consonant == 27;
  const bool verb_connective =
      std::u32string_view(U"아어여워져려쳐혀").find(before) != std::u32string_view::npos;
  return particle == U'에' || particle == U'를' || (particle == U'을' && !open_syllable && !verb_final) ||
         ((particle == U'가' || particle == U'와') && open_syllable && !verb_connective);
}

// A break between syllables (kFallbackBreak) leaves at least two syllables of the word on
// each side, as \lefthyphenmin and \righthyphenmin keep letters: "허리 | 를", "체중 | 이",
// "드 | 세요", "(free T4) | 이" parted a particle or one syllable from its word, and a line
// that starts with a bare particle reads as a fragment. A break before an opening bracket
// keeps two before it; one after a closing bracket, two after it.
// One exception is dear (kLoneSyllableBreak), as Korean newspapers break a justified column
// between any two syllables: a case particle alone at a line start. In a tri-fold's 15-em panel
// at 14 pt short lines ran down the column ("…작은 물집이나 굳은살이 궤양 | 으로" 1.7 em short);
// a reviewer read every other single syllable as a misprint or another word.
void keep_syllable_pairs(const CodePoints& text, std::vector<std::uint8_t>& breaks) {
  const auto& starts = text.starts;
  const auto& hangul = text.hangul;
  // The syllables since the last non-syllable follow a number: "6시까지", "６개월은", "7%이상".
  bool counted = false;
  for (std::size_t k = 1; k < starts.size(); ++k) {
    if (hangul[k] && !hangul[k - 1])
      counted = u_isdigit(static_cast<UChar32>(text.cps[k - 1])) || text.cps[k - 1] == U'%' ||
                text.cps[k - 1] == U'％';
    if (breaks[starts[k]] != kFallbackBreak) continue;
    std::size_t before = 0, after = 0;  // counted to 2 at most: a long word is linear, not quadratic
    for (std::size_t j = k; j-- > 0 && hangul[j] && before < 2;) ++before;
    for (std::size_t j = k; j < starts.size() && hangul[j] && after < 2; ++j) ++after;
    // Only the sides that are syllables count: a bracket or a middle dot is the other side.
    const bool short_before = hangul[k - 1] && before < 2;
    const bool short_after = hangul[k] && after < 2;
    if (!short_before && !short_after) continue;
    // A case particle after a word of two syllables or more, whole, may start a line
    // (is_lone_particle); never one syllable left at a line's end ("활발한 회 | 복황금기",
    // "접 | 종"), never after a number, whose counter and particle are one unit ("3~6개월 | 을",
    // "6시까 | 지").
    const bool lone_particle =
        !short_before && hangul[k - 1] && !counted && is_lone_particle(text.cps[k - 1], text.cps[k]);
    breaks[starts[k]] = lone_particle ? kLoneSyllableBreak : kNoBreak;
  }
}

// KLREQ's fallback between syllables is a cost the reader pays once; inside a name it costs more:
// "클로피도 | 그렐(clopidogrel)" hides the drug a patient looks for. A Korean word glossed in
// Latin letters right after it, in brackets ("와파린(warfarin)", "중성지방 (triglyceride)"), is
// such a name or term: its syllable breaks become kNameSyllableBreak, taken only where the
// lines around would otherwise end far short ("유리티록신(free T4)", "양성자펌프억제제(PPI)" and
// "b형헤모필루스인플루엔자(Hib)" are now whole). The break before the bracket stays as it was.
// Any word before a Latin gloss counts ("참조하세요 (see Table 1)" too): its breaks only cost more.
void keep_glossed_names(const CodePoints& text, std::vector<std::uint8_t>& breaks) {
  const auto& [starts, hangul, cps] = text;
  for (std::size_t k = 0; k + 1 < cps.size(); ++k) {
    if (!hangul[k]) continue;
    std::size_t open = k + 1;  // the bracket, after one space at most
    if (cps[open] == U' ' && open + 1 < cps.size()) ++open;
    if (!(cps[open] == U'(' || cps[open] == U'（' || cps[open] == U'[') || open + 1 >= cps.size() ||
        cps[open + 1] >= 0x80 || !std::isalpha(static_cast<int>(cps[open + 1])))
      continue;
    for (std::size_t j = k; j > 0 && hangul[j - 1]; --j) {
      if (breaks[starts[j]] == kFallbackBreak) breaks[starts[j]] = kNameSyllableBreak;
      // A name keeps two syllables each side: "억제 | 제(PPI)" leaves the gloss on a fragment.
      if (breaks[starts[j]] == kLoneSyllableBreak) breaks[starts[j]] = kNoBreak;
    }
  }
}

// A particle written apart from an address, a Latin word or a number ("https://…/booking 을
// 이용해 주세요", "CT 를"): it belongs to what it follows, as if written without the space,
// and a line that starts with it reads as a fragment (KLREQ: a particle never starts a line).
// The space stays; the break at it goes. Not after punctuation: "있습니다. 이 약은" starts a
// sentence with 이, "this".
void keep_spaced_particles(const CodePoints& text, std::vector<std::uint8_t>& breaks) {
  const auto& [starts, hangul, cps] = text;
  for (std::size_t k = 2; k < cps.size(); ++k) {
    const bool after_latin = cps[k - 2] < 0x80 && std::isalnum(static_cast<int>(cps[k - 2]));
    if (cps[k - 1] != U' ' || !hangul[k] || !after_latin) continue;
    if (k + 1 < cps.size() && hangul[k + 1]) continue;  // a word of its own: "CT 검사"
    if (std::u32string_view(U"을를은는이가에와과의도로").find(cps[k]) != std::u32string_view::npos)
      breaks[starts[k]] = kNoBreak;
  }
}

// Letters each side of a slash that make two words of it, not a unit or a pair ("mL/min",
// "and/or", "HIV/AIDS").
constexpr std::size_t kSlashWordLetters = 4;

// A unit written out after a slash: "beats/minute", "mmol/litre", "units/hour".
bool is_per_word(std::string_view w) {
  static constexpr std::string_view kPer[] = {"second", "seconds", "minute", "minutes",  "hour",   "hours",
                                              "day",    "days",    "week",   "weeks",    "month",  "months",
                                              "year",   "years",   "night",  "litre",    "litres", "liter",
                                              "liters", "dose",    "doses",  "kilogram", "metre",  "meter"};
  for (const std::string_view p : kPer)
    if (w == p) return true;
  return false;
}

// True when the slash at `slash` joins two words of kSlashWordLetters ASCII letters or more
// that are not a measure: no number before the first ("100 beats/minute", "2.5 units/hour"),
// no unit first ("mmol/litre") and no unit written out after it ("drops/minute").
bool slash_between_words(std::string_view text, std::size_t slash) {
  const auto letter = [&](std::size_t k) { return std::isalpha(static_cast<unsigned char>(text[k])) != 0; };
  std::size_t begin = slash, end = slash + 1;
  while (begin > 0 && letter(begin - 1)) --begin;
  while (end < text.size() && letter(end)) ++end;
  if (slash - begin < kSlashWordLetters || end - slash - 1 < kSlashWordLetters) return false;
  std::size_t k = begin;
  if (k > 0 && text[k - 1] == ' ') --k;
  if (k > 0 && is_digit(static_cast<unsigned char>(text[k - 1]))) return false;
  return !is_unit_word(text.substr(begin, slash - begin)) &&
         !is_per_word(text.substr(slash + 1, end - slash - 1));
}

// A title or an abbreviation before the name or number it belongs to, the space after it at `at - 1`:
// "St | John's wort" (a reviewer's warfarin leaflet), "Dr | Lee", "No. | 12" read as two things
// (Chicago 6.121 and TeX's ~ after "Dr." and "Fig.").
bool title_before(std::string_view text, std::size_t at) {
  if (at < 3 || at >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at]))) return false;
  std::size_t begin = at - 1;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != '(') --begin;
  static constexpr std::string_view kTitles[] = {"Dr",  "Dr.", "Mr",  "Mr.",  "Mrs",   "Mrs.", "Ms",
                                                 "Ms.", "St",  "St.", "Prof", "Prof.", "Mt",   "Mt."};
  static constexpr std::string_view kBeforeNumbers[] = {"No.", "Nos.", "Fig.", "p.", "pp."};  // "No. | We"
  const std::string_view word = text.substr(begin, at - 1 - begin);
  if (std::find(std::begin(kTitles), std::end(kTitles), word) != std::end(kTitles)) return true;
  return is_digit(static_cast<unsigned char>(text[at])) &&
         std::find(std::begin(kBeforeNumbers), std::end(kBeforeNumbers), word) != std::end(kBeforeNumbers);
}

// A Korean dose's ordinal after the name it counts, the space before it at `at - 1`: "Hib 3차",
// "DTaP-IPV 1차", "B형간염 2차", "1회": a vaccine table in a tri-fold's panel read "Hib | 3차" and
// "DTaP-IPV | 2차" (a reviewer), the number alone under another dose's name.
bool korean_dose_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && end - at < 2 && is_digit(static_cast<unsigned char>(text[end]))) ++end;
  if (end == at || end >= text.size()) return false;
  std::size_t after = end;
  const char32_t counter = next_code_point(text, after);
  if (counter != U'차' && counter != U'회') return false;
  if (after < text.size()) {
    std::size_t next = after;
    const char32_t follow = next_code_point(text, next);
    if (follow >= 0xAC00 && follow <= 0xD7A3) return false;  // "3차례", "2회차": a word of its own
  }
  return at >= 2 && text[at - 2] != ' ' && text[at - 2] != ',';
}

// Is the word before the space at `at - 1` a name's head that the short number or capital at
// `at` completes ("Type 2", "stage 3", "vitamin D", "Step 1", "Grade II")? The number is one
// or two digits, or one to three capitals, ending at a space, a mark or the text's end.
bool numbered_name_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && end - at < 4 && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  const std::string_view token = text.substr(at, end - at);
  if (token.empty() || (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))))
    return false;
  const bool all_digits =
      std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::size_t begin = at - 1;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  std::string head(text.substr(begin, at - 1 - begin));
  // A service or a scale named by its initials and a number of up to three digits: "NHS 111" (a
  // reviewer: "call NHS | 111 or visit…" left the number alone at a line's start), "BMI 25". Only
  // where no word but "or" or "and" follows the number: a count belongs to the noun after it
  // ("UNDER 12 YEARS", "TAKE 2 TABLETS", "COPD 3 times", a code review), a measurement to its unit
  // ("TSH 10 mIU/L"); both part before the number.
  const bool initials = head.size() >= 2 && head.size() <= 5 &&
                        std::all_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                        (begin == 0 || !std::isalnum(static_cast<unsigned char>(text[begin - 1])));
  if (initials && all_digits && token.size() <= 3) {
    if (end >= text.size()) return true;
    // A range or a decimal is a count or a measure ("TAKE 1-2 TABLETS", "HbA1C 6.5").
    if (std::string_view(" ,.;:!?)").find(text[end]) == std::string_view::npos) return false;
    if (end + 1 < text.size() && (text[end] == '.' || text[end] == ',') &&
        is_digit(static_cast<unsigned char>(text[end + 1])))
      return false;
    if (text[end] != ' ' || end + 1 >= text.size() ||
        !std::isalpha(static_cast<unsigned char>(text[end + 1])))
      return true;
    const std::string_view after = word_at(text, end + 1);
    return after == "or" || after == "and";
  }
  const bool digits = token.size() <= 2 && all_digits;
  const bool capitals = token.size() <= 3 &&
                        std::all_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!digits && !capitals) return false;
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kHeads[] = {"type",  "stage", "step",    "grade", "phase",
                                                "level", "class", "vitamin", "part",  "week",
                                                "day",   "dose",  "table",   "figure"};
  return std::find(std::begin(kHeads), std::end(kHeads), head) != std::end(kHeads);
}

}  // namespace

namespace {

// Is the word that ends at byte `end` (a space follows) a bare number: digits, with a decimal
// point, a thousands comma, a time's colon or a range's dash between them ("4", "18", "1,000",
// "8.30", "2–4"), after a
// space, a bracket or the paragraph's start? Not "5.", "2024," or "B12": those end a sentence or
// a clause, or name something.
bool bare_number_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  // A range counts as one number ("2–4 puffs", "3-5 days"), its dash between digits.
  const auto digit_at = [&](std::size_t i) { return is_digit(static_cast<unsigned char>(text[i])); };
  while (start > 0) {
    // A mark between digits only: "2024," or "5." ends a clause (start == end: nothing after it).
    if (digit_at(start - 1) || ((text[start - 1] == '.' || text[start - 1] == ',' || text[start - 1] == ':' ||
                                 text[start - 1] == '-') &&
                                start >= 2 && start < end && digit_at(start - 2)))
      --start;
    else if (start >= 4 && text.substr(start - 3, 3) == "\u2013" && digit_at(start - 4))
      start -= 3;
    else
      break;
  }
  if (start == end || !is_digit(static_cast<unsigned char>(text[start]))) return false;
  return start == 0 || text[start - 1] == ' ' || text[start - 1] == '(';
}

}  // namespace

std::vector<std::uint8_t> find_break_opportunities(std::string_view text, const std::string& lang,
                                                   LineBreakStrictness strictness) {
  std::vector<std::uint8_t> breaks(text.size() + 1, 0);
  if (text.empty()) return breaks;
  if (strictness == LineBreakStrictness::Auto)
    strictness = lang.rfind("ja", 0) == 0 ? LineBreakStrictness::Strict : LineBreakStrictness::Normal;
  UBreakIterator* bi = line_iterator(icu_locale(lang, strictness));
  UErrorCode err = U_ZERO_ERROR;
  UTextHandle ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err));
  if (bi && !U_FAILURE(err)) {
    ubrk_setUText(bi, ut.get(), &err);
    if (!U_FAILURE(err)) {
      for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
        if (b > 0 && static_cast<std::size_t>(b) < text.size()) breaks[static_cast<std::size_t>(b)] = 1;
    }
    // The iterator outlives this call: detach it from our text.
    UErrorCode reset = U_ZERO_ERROR;
    ubrk_setText(bi, nullptr, 0, &reset);
  }

  // Our own prohibitions, applied between neighbouring characters.
  const bool korean = lang.rfind("ko", 0) == 0;
  char32_t prev = 0, prev2 = 0, prev3 = 0, prev4 = 0;  // the last four characters, latest first
  std::size_t prev_at = 0, prev2_at = 0;               // where the last two start
  CharClass prev_class = CharClass::Space;
  // A number with its range and unit is one unit (CLReq 3.1.7 and JLReq 3.1.7 on
  // inseparable characters): "15%～25%", "5～10分", "37℃" never split. `in_number`: the
  // characters since the last digit were digits, unit signs, range marks or . ,
  bool in_number = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    const CharClass cls = classify(cp);
    if (at > 0 && breaks[at]) {
      const bool dash_pair = (cp == U'—' || cp == U'…') && cp == prev;
      const bool keep_all = korean && prev_class != CharClass::Space && cls != CharClass::Space &&
                            (cls == CharClass::Hangul || prev_class == CharClass::Hangul ||
                             cls == CharClass::Cjk || prev_class == CharClass::Cjk);
      // A number, its unit and the measure word after it: "10分", "3次", "30%", "5～10". A unit
      // sign ends the quantity: the Han character after it starts a word of its own ("37℃ | 左右",
      // "25% | 的人"); bound to the sign, "24～26℃左 | 右。" left one character alone. But for
      // a suffix of the quantity itself: "38℃台", "5%増", "30%超", "10%強".
      const bool number_unit =
          in_number &&
          (is_unit_sign(cp) || is_range_mark(cp) ||
           (is_digit(cp) && (is_range_mark(prev) || is_digit(prev))) ||
           (cls == CharClass::Cjk && (is_digit(prev) || (is_unit_sign(prev) && is_quantity_suffix(cp)))));
      const bool range_start = is_digit(prev) && is_range_mark(cp);
      // The wave dash of a range (〜, and ～ written for it) is JLReq's cl-03, a hyphen: "午前9時 |
      // ～午後5時" started a line with what reads as an open range (a reviewer). Only a range's,
      // after a number or a counted one or before a number or a time of day and its hour, spaced
      // or not ("9:00 | ～ 17:00"), or a subtitle's closing one ("見直しましょう | ～"): a heading's
      // "健康講座 | ～からだにやさしい食事～" opens its subtitle with it as with a bracket (a code review).
      const bool wave_range = (cp == U'〜' || cp == U'～') && [&] {
        std::size_t ahead = pos;
        const char32_t n1 = ahead < text.size() ? next_code_point(text, ahead) : 0;
        const char32_t n2 = ahead < text.size() ? next_code_point(text, ahead) : 0;
        const char32_t n3 = ahead < text.size() ? next_code_point(text, ahead) : 0;
        const char32_t n4 = ahead < text.size() ? next_code_point(text, ahead) : 0;
        if (n1 == 0 || n1 == U'\n' || (n1 == U' ' && n2 == 0)) return true;  // a closing one
        const bool before = prev == U' ' ? is_digit(prev2) || after_counted_number(prev2, prev3, prev4)
                                         : is_digit(prev) || after_counted_number(prev, prev2, prev3);
        const char32_t a1 = n1 == U' ' ? n2 : n1, a2 = n1 == U' ' ? n3 : n2, a3 = n1 == U' ' ? n4 : n3;
        return before || is_digit(a1) || (is_time_of_day(a2, a1, 0) && (is_digit(a3) || a3 == U' '));
      }();
      // A range of quantities with their counters: "10月～12月中旬", "3个月～6个月", "2日〜5日".
      // The range mark stays with both: parted before or after it, a line ends "10月～" or
      // starts "～12月", which reads as an open range.
      std::size_t peek = pos;
      const bool counted_range =
          (is_range_mark(cp) && pos < text.size() && is_digit(next_code_point(text, peek)) &&
           after_counted_number(prev, prev2, prev3)) ||
          (is_digit(cp) && is_range_mark(prev) && after_counted_number(prev2, prev3, prev4));
      // A Han numeral and its counter are one number, as "3次" is (CLReq 3.1.7): "每天一 | 次" parted
      // "once a day" in a reviewer's dose, with the rest overleaf. Parted only where nothing else
      // will do, as a word a table cell keeps whole (kInWordBreak): forbidden, a dosing table's
      // cells of "两片", "半片" and "一次" ran past their narrow columns (a code review).
      const bool han_count = cls == CharClass::Cjk && is_numeral(prev) && !is_digit(prev) && is_counter(cp);
      // A span of time counted with a classifier: "3个月", "2个小时", "3か月", "6ヶ月". Parted after
      // the classifier, a line ends "服药3个" and the next starts "月～6个月".
      const bool counted_span =
          is_digit(prev2) && std::u32string_view(U"个個かヶカケ").find(prev) != std::u32string_view::npos &&
          std::u32string_view(U"月小星礼禮").find(cp) != std::u32string_view::npos;
      // Full-width letters and digits make a word or a number ("ＧＦＲ", "６０ｍＬ", "２０２６"),
      // which UAX #14 breaks between any two (ID): "Ｇ | ＦＲが" parted an abbreviation in a
      // tri-fold's line. Parted only where nothing else will do (kInWordBreak): a Latin word wider
      // than the line is split, but each full-width letter is a box of its own, and forbidden, a
      // member's ID in full-width letters ran past its column into the next panel (a code review).
      const bool full_width_word = is_full_width_alnum(prev) && is_full_width_alnum(cp);
      if (full_width_word)
        breaks[at] = kInWordBreak;
      else if (may_not_start_line(cp, strictness) || may_not_end_line(prev) || dash_pair || number_unit ||
               range_start || wave_range || counted_range || counted_span ||
               in_two_character_unit(cp, prev, prev2, prev3))
        breaks[at] = 0;
      // KLREQ: Korean breaks at spaces; between syllables only as a fallback, and so before
      // a bracket that opens after a syllable or after one that closes before a syllable
      // ("아세트아미노펜 | (acetaminophen)", "(무료) | 을"): a word with a long gloss in
      // brackets left the line before it with 2 em spaces.
      else if (keep_all)
        breaks[at] = (cls == CharClass::Hangul && prev_class == CharClass::Hangul) ||
                             (prev_class == CharClass::Hangul && (cp == U'(' || cp == U'（' || cp == U'[')) ||
                             (cls == CharClass::Hangul && (prev == U')' || prev == U'）' || prev == U']'))
                         ? kFallbackBreak
                         : 0;
      if (breaks[at] && han_count) breaks[at] = kInWordBreak;
    }
    // A number, a space and its unit stay together ("140 mmHg") unless nothing else will do;
    // so do a number and the Han or kana counter after a space ("每天 3～4 次", "7～10 天",
    // "10〜15 分"): a counter alone at a line start is a 孤字 and reads as a new word.
    // A phone number's area code in brackets stays with the number too: "(04) 2229-3671" (parted,
    // the first line ends in a code that reads as a number of its own). A numbered or lettered
    // name stays whole: "Type 2 diabetes", "Stage 3", "vitamin D" (Chicago 6.121: a break there
    // reads as if the number began something new).
    if (at >= 2 && breaks[at] && text[at - 1] == ' ') {
      const bool after_digit = is_digit(static_cast<unsigned char>(text[at - 2]));
      const bool after_area_code =
          at >= 4 && text[at - 2] == ')' && is_digit(static_cast<unsigned char>(text[at - 3]));
      // A count times a dose ("2 × 0.5 mg", "1 × 3 mg"): parted at either space, the line ends on
      // what reads as a whole dose ("1 × 3 mg + 2 | × 0.5 mg" in a reviewer's warfarin diary).
      const bool times = (cp == U'×' && after_digit) ||
                         (is_digit(cp) && prev == U' ' &&
                          (prev2 == U'×' || (prev2 == U'x' && prev3 == U' ' && is_digit(prev4))));
      // A number keeps the sign that compares it ("≥ 180 mg/dL"): a line that ends "2 小時 ≥" in a
      // reviewer's diagnostic criteria left the threshold on the next, and the sign read as
      // belonging to what came before. As a unit does: a criteria table's column is as wide as
      // "≥ 11.1 mmol/L" (as an ordinary break for its width, cells read "≥ | 11.1 mmol/L").
      if (times || (is_digit(cp) && prev == U' ' && is_relation_sign(prev2)))
        breaks[at] = kUnitBreak;
      else if (is_digit(cp) &&
               (after_digit || after_area_code))  // a phone number's groups: whole, unless long
        breaks[at] = digit_groups_length(text, at) <= kMaxDigitGroups ? kNoBreak : kUnitBreak;
      else if (after_digit && (is_unit_word(word_at(text, at)) || starts_with_dotted_unit(text, at) ||
                               cls == CharClass::Cjk))
        breaks[at] = kUnitBreak;
      else if (numbered_name_at(text, at) || title_before(text, at) || korean_dose_at(text, at))
        breaks[at] = kUnitBreak;
      else if (after_digit && cp < 0x80 && std::isalpha(static_cast<int>(cp)) &&
               bare_number_before(text, at - 1))
        breaks[at] = is_measure_word(word_at(text, at)) ? kMeasureWordBreak : kTieBreak;
      // A range written with "to" ("6 to 12 weeks"): its second number stays with the first as
      // the word after a bare number does ("We check a lipid panel 6 to | 12 weeks after", a
      // reviewer: a line that ends "6 to" reads as a whole range).
      else if (is_digit(cp) && at >= 5 && text.compare(at - 4, 3, " to") == 0 &&
               bare_number_before(text, at - 4))
        breaks[at] = kTieBreak;
    }
    // ... and written close ("＞7.0%", "≥180"), never parts from it.
    if (breaks[at] && is_digit(cp) && is_relation_sign(prev)) breaks[at] = 0;
    // A word that belongs to the number after it (number_prefix_break: 第, 约, 每, 午後, 오전 …) is
    // one word with it (CLReq 3.1.7, as a number and its counter): a reviewer's dressing table
    // printed "第 | 10～14 天", a dose "1회 약 | 3~4.5 mL", opening hours "午後 | 5時" and "오전 |
    // 9시", a table "每 | 20 分鐘". Spaced, at a tie's cost (kNumberPrefixBreak: as a unit's, a
    // Korean clinic's hours kept "오후 1시까지" whole by ending a justified line 2 em short); close, as
    // number_prefix_break says, and 第 before a Han numeral ("第一次") only where nothing else will do, as a
    // word a table cell keeps whole.
    if (breaks[at] && (is_digit(cp) || is_numeral(cp))) {
      if (prev == U'第')
        breaks[at] = kInWordBreak;
      else if (breaks[at] == kBreak && is_digit(cp) && prev == U' ' &&
               number_prefix_break(prev2, prev3, prev4) != kBreak)
        breaks[at] = kNumberPrefixBreak;
      else if (breaks[at] == kBreak && is_digit(cp))
        breaks[at] = number_prefix_break(prev, prev2, prev3);
    }
    // ... and a time of day before its hour is kept whole itself: with "午後 | 5時" gone, a line
    // ended "…～午 | 後5時）" (a reviewer's Japanese opening hours); and so is "大约" ("大 | 约 5～7
    // 天" was cheaper than "大约 | 5～7 天", a code review).
    if (is_digit(cp)) {
      const bool spaced = prev == U' ';
      const char32_t a = spaced ? prev2 : prev, b = spaced ? prev3 : prev2, c = spaced ? prev4 : prev3;
      const std::size_t inside = spaced ? prev2_at : prev_at;  // where the prefix's last character starts
      if (is_time_of_day(a, b, c) || ((a == U'约' || a == U'約') && b == U'大')) breaks[inside] = kNoBreak;
    }
    if (breaks[at]) breaks[at] = phone_extension_break(text, at, breaks[at]);
    // KLREQ: Korean joins coordinate terms with a middle dot ("1차·2차", "디프테리아·파상풍"):
    // after it a line may break as between syllables (ICU reads U+00B7 as a letter there).
    if (korean && at >= 2 && !breaks[at] && (prev == U'·' || prev == U'・') && cls != CharClass::Space &&
        !may_not_start_line(cp, strictness))
      breaks[at] = kFallbackBreak;
    // A unit or a pair written with a slash ("mg/kg", "mg/dL", "mL/min", "and/or") is one
    // word: "150 mg/ | dL" reads as two. Two words of kSlashWordLetters letters or more are
    // two names ("amoxicillin/clavulanate", "sacubitril/valsartan"): a line may break after the
    // slash, as after a compound's hyphen (without one, a drug's combination in brackets was
    // wider than a tri-fold's line and ran past it). Addresses get their own breaks (paragraph.cpp).
    if (at >= 2 && text[at - 1] == '/' && cp < 0x80 && std::isalnum(static_cast<int>(cp)) &&
        std::isalnum(static_cast<unsigned char>(text[at - 2])))
      breaks[at] = slash_between_words(text, at - 1) ? kBreak : kNoBreak;
    // ... and a slash before one Chinese or Japanese character, a rate's counter ("約3,200円/月",
    // "2次/天", "500 mg/日"): "円/ | 月" in a reviewer's cost table left the counter alone at a
    // line's start. Only where nothing else will do (kLastPassBreak), an ordinary break for a
    // column's width: kept whole, a code review's fee table went from 10.65 to 9 pt. Between two words
    // ("尿蛋白/ | 肌酐比值", "阿托伐醌/ | 氯胍") a line may still break after the slash, as between two Latin
    // names. A full-width slash never starts a line, as a slash does not (UAX #14 SY).
    if (breaks[at] && (prev == U'/' || prev == U'／') && is_wide(cp)) {
      std::size_t after = pos;
      const char32_t next = after < text.size() ? next_code_point(text, after) : 0;
      // A list of such characters ("日/月/火/水/木") may break after each slash as words do.
      const bool listed = next == U'/' || next == U'／';
      if (!(is_wide(next) && classify(next) == CharClass::Cjk) && !listed) breaks[at] = kLastPassBreak;
    }
    if (breaks[at] && cp == U'／') breaks[at] = kNoBreak;
    // A compound whose first part is one character ("e- | mail": is_one_character_part).
    if (breaks[at] && (prev == U'-' || prev == U'‐') && is_one_character_part(prev3, prev2)) breaks[at] = 0;
    // ... and a Chinese or Japanese prefix joined to a Latin term by a hyphen ("抗-HBs", "抗-HCV"):
    // "和抗- | HBs。" left the term's prefix at a line's end and the term alone on the next.
    if (breaks[at] && (prev == U'-' || prev == U'‐') && is_wide(prev2) && cls == CharClass::Latin)
      breaks[at] = 0;
    // A spaced dash ("twenty seconds — about as long") ends a line, never starts one: at a
    // line start it reads as a list mark or a speaker's line (Chicago 6.85, Hart's Rules 4.11.1).
    if (at >= 2 && breaks[at] && (cp == U'—' || cp == U'–') && text[at - 1] == ' ' && text[at - 2] != ' ')
      breaks[at] = 0;
    // A short range written with an en dash and no spaces ("Mon–Fri", "7:30 a.m.–6:00 p.m.",
    // "a.m.–noon") is one item: a clinic footer's hours read "Mon–Fri 7:30 a.m.– | 6:00 p.m., Sat
    // 9:00 a.m.–noon" (a reviewer), where the comma was the place to break. A long compound
    // ("cardiothoracic–respiratory") may still part after its dash.
    // But a range of two times each with its a.m. or p.m. ("8:00 a.m.–11:30 a.m."), some 9 em,
    // parts after its dash where nothing cheaper will do (kLastPassBreak): kept whole, a narrow
    // table column of opening hours parted each time from its a.m. instead ("8:00 a.m.–11:30 |
    // a.m.", a reviewer), and the table had to be measured for the whole range.
    if (at >= 4 && breaks[at] && prev == U'–' && cls != CharClass::Space && text[at - 4] != ' ' &&
        short_range_sides(text, at))
      breaks[at] = is_digit(cp) && text[at - 4] == '.' ? kLastPassBreak : 0;
    if (is_digit(cp))
      in_number = true;
    else if (!(in_number && (is_unit_sign(cp) || is_range_mark(cp) || cp == U'.' || cp == U',')))
      in_number = false;
    prev4 = prev3;
    prev3 = prev2;
    prev2 = prev;
    prev = cp;
    prev2_at = prev_at;
    prev_at = at;
    prev_class = cls;
  }
  if (korean) {
    const CodePoints cps = code_points(text);
    keep_syllable_pairs(cps, breaks);
    keep_glossed_names(cps, breaks);
    keep_spaced_particles(cps, breaks);
  }
  return breaks;
}

}  // namespace leafpress::text
