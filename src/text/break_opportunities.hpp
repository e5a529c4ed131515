// text/break_opportunities.hpp: where a line may break.
//
// ICU's line BreakIterator (UAX #14, tailored by locale) finds the
// opportunities; on top of it leafpress applies the rules it must not leave to
// tailoring:
//   - CLReq 3.1.7 / JLReq 3.1.7: no break before a character that may not start
//     a line (closing brackets and quotes, stops, commas, ・ ...), none after one
//     that may not end a line (opening brackets and quotes);
//   - JLReq 3.1.10: small kana and ー may start a line in normal mode, not in
//     strict mode (ICU's lb=normal / lb=strict);
//   - Korean breaks at spaces (keep-all); between two Hangul syllables of a word the
//     break is kFallbackBreak, which the breaker takes only at a cost (KLREQ), and only
//     where it leaves two syllables or more on each side; a case particle alone at a
//     line's start ("허리 | 를", not 이: "체중 | 이") is a dearer one (kLoneSyllableBreak);
//   - a number with its unit, range and measure word is never split: 15%～25%, 5～10分,
//     37℃, 3次; a number and a Latin unit after a space split only as a last resort
//     (kUnitBreak): 140 mmHg, 500 mg (SI 5.4.3); the digit groups of a phone number
//     (+1 555 0100) never split, up to 20 characters;
//   - —— and …… are one unit: no break between their halves.
// Output: one flag per byte offset plus one for the end: kBreak = a break is allowed
// before this byte, kFallbackBreak = a Korean syllable break (see above), kUnitBreak = a
// number and its unit, kNoBreak = none. Offsets inside a character are 0. Japanese (ja) breaks strictly
// unless asked for Normal: no small kana or ー at a line start (JLReq 3.1.7). Thread-safety: one ICU iterator
// per thread and locale, reused.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/items.hpp"
#include "text/paragraph.hpp"

namespace leafpress::text {

bool may_not_start_line(char32_t cp, LineBreakStrictness strictness);
bool may_not_end_line(char32_t cp);

// True when `initial`, the character before a compound's hyphen, is the whole of its first
// part: a letter or digit of an alphabetic script ("e-mail", "X-ray", "β-blocker",
// "5-aminolevulinic") after `before` (0 at the text's start) that is no letter, digit or
// hyphen, or is Han, kana or Hangul ("用e-mail"). "¹³C-UBT" and "vitamin-K-dependent" have
// no such part. Such a compound breaks neither at that hyphen nor inside the part after it:
// "e- | mail" and "T-lym- | phocyte" leave one character alone, what \lefthyphenmin forbids
// a word the patterns break (TeX's plain value: 2).
bool is_one_character_part(char32_t before, char32_t initial);
// Han, kana, Hangul and full-width forms (East Asian Width W or F): each a word of its own.
bool is_wide(char32_t cp);
// Katakana, its small letters, the prolonged sound mark ー and the voiced-sound marks (a loanword's
// or a name's letters), full- or half-width (ﾌｪｷｿﾌｪﾅｼﾞﾝ).
bool is_katakana(char32_t cp);
// A full-width Latin letter or digit (ＣＫＤ, ２０２６): set on the em grid like Han, but one
// letter of a word or a number.
bool is_full_width_alnum(char32_t cp);
// A Han numeral (一 二 十 百 两 半 …) or a digit, ASCII or full-width.
bool is_numeral(char32_t c);
// A counter or classifier a number takes in Chinese or Japanese (分 天 次 個 錠 杯 …).
bool is_counter(char32_t c);

std::vector<std::uint8_t> find_break_opportunities(std::string_view text, const std::string& lang,
                                                   LineBreakStrictness strictness);

}  // namespace leafpress::text
