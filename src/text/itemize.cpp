#include "text/itemize.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

constexpr std::u32string_view kOpening = U"（［｛〔〈《「『【〖〘〚｟";
constexpr std::u32string_view kClosing = U"）］｝〕〉》」』】〗〙〛｠、。，．";
constexpr std::u32string_view kOtherFullWidth = U"：；！？・　";

bool in(std::u32string_view set, char32_t cp) {
  return set.find(cp) != std::u32string_view::npos;
}

// Common-script characters whose face depends on their neighbours.
bool is_ambiguous(char32_t cp) {
  return cp == U'‘' || cp == U'’' || cp == U'“' || cp == U'”' || cp == U'—' || cp == U'…' || cp == U'·';
}

CharClass ambiguous_as_cjk(char32_t cp) {
  if (cp == U'‘' || cp == U'“') return CharClass::CjkOpen;
  if (cp == U'’' || cp == U'”') return CharClass::CjkClose;
  return CharClass::CjkOther;
}

}  // namespace

bool is_cjk(CharClass c) {
  return c == CharClass::Cjk || c == CharClass::Hangul || c == CharClass::CjkOpen ||
         c == CharClass::CjkClose || c == CharClass::CjkOther;
}

bool is_default_ignorable(char32_t cp) {
  // None before the soft hyphen (U+00AD) nor among the unified ideographs: most characters of
  // most articles, asked about one by one.
  if (cp < 0xAD || (cp >= 0x4E00 && cp <= 0x9FFF)) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) != 0;
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {  // most characters of most articles: ICU's answer, without asking ICU
    if (cp == U' ' || cp == U'\t') return CharClass::Space;
    if (cp == U'\n') return CharClass::Newline;
    const bool alnum = (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z');
    return alnum ? CharClass::Latin : CharClass::LatinPunct;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) return CharClass::Cjk;  // the unified ideographs: all Han
  if (cp == 0xA0 || cp == 0x202F) return CharClass::NoBreakSpace;
  if (cp == 0x2028) return CharClass::Newline;
  if (in(kOpening, cp)) return CharClass::CjkOpen;
  if (in(kClosing, cp)) return CharClass::CjkClose;
  if (in(kOtherFullWidth, cp)) return CharClass::CjkOther;
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &err);
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_BOPOMOFO:
      return CharClass::Cjk;
    case USCRIPT_HANGUL:
      return CharClass::Hangul;
    default:
      break;
  }
  // The prolonged sound mark and full-width letters and digits are set like kana and Han;
  // other full-width forms and CJK symbols (～ 〜 ※) are punctuation: no autospace beside them.
  // So are the half-width prolonged sound mark ｰ and voiced-sound marks ﾞ ﾟ (script Common,
  // letters to ICU): read as Latin, "ﾌﾞ" took the Han–Latin quarter em inside a kana.
  if (cp == 0x30FC || cp == 0xFF70 || cp == 0xFF9E || cp == 0xFF9F ||
      ((cp >= 0xFF01 && cp <= 0xFF60) && u_isalnum(static_cast<UChar32>(cp))))
    return CharClass::Cjk;
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60)) return CharClass::CjkOther;
  if (u_isalnum(static_cast<UChar32>(cp))) return CharClass::Latin;
  return CharClass::LatinPunct;
}

ScriptWidths script_widths(std::string_view text) {
  ScriptWidths w;
  bool in_word = false;  // the last code point was a Latin letter or digit
  bool joined = false;   // ... or an apostrophe or point right after one
  for (std::size_t at = 0; at < text.size();) {
    const char32_t cp = next_code_point(text, at);
    const CharClass c = classify(cp);
    const bool was_joined = joined;
    joined = false;
    if (c != CharClass::Latin) {
      joined = in_word && (cp == U'\'' || cp == U'’' || cp == U'.');
      in_word = false;
    }
    switch (c) {
      case CharClass::Latin:
        w.latin += 0.5;
        if (u_isdigit(static_cast<UChar32>(cp))) w.digits += 0.5;
        if (!in_word && !was_joined) ++w.latin_words;
        in_word = true;
        break;
      case CharClass::Cjk:
      case CharClass::Hangul:
      case CharClass::CjkOpen:
      case CharClass::CjkClose:
      case CharClass::CjkOther:
        w.cjk += 1;
        break;
      default:
        break;
    }
  }
  return w;
}

// In Chinese, Japanese or Korean text a pair of quotes takes the script of what it encloses (issue
// 11: "the quote glyph follows the language of the text it encloses"), both marks alike: a reviewer's
// `按“0、1、6 个月”` had its opening mark from the Latin font (it touches a digit) and its closing mark
// from the CJK font (it touches 月). Enclosed CJK (Han, kana, Hangul, full-width punctuation) makes
// both full-width; Latin letters and no CJK make both Latin (“warfarin”); digits and signs alone
// leave each mark as its neighbours decided. A ’ between two letters is an apostrophe, not a mark
// that closes. Pairs are found with a stack per kind of quote; counts are prefix sums, so deep or
// long quotes cost no more than short ones.
template <typename Char>
void pair_quotes(std::vector<Char>& chars) {
  const auto strong_cjk = [](const Char& c) {
    return c.cls == CharClass::Cjk || c.cls == CharClass::Hangul ||
           ((c.cls == CharClass::CjkOpen || c.cls == CharClass::CjkClose || c.cls == CharClass::CjkOther) &&
            !is_ambiguous(c.cp));
  };
  const auto latin_letter = [](const Char& c) {
    return c.cls == CharClass::Latin && !u_isdigit(static_cast<UChar32>(c.cp));
  };
  std::vector<std::uint32_t> cjk(chars.size() + 1, 0), latin(chars.size() + 1, 0);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    cjk[i + 1] = cjk[i] + strong_cjk(chars[i]);
    latin[i + 1] = latin[i] + latin_letter(chars[i]);
  }
  std::vector<std::size_t> doubles, singles;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t cp = chars[i].cp;
    if (cp == U'“' || cp == U'‘') {
      (cp == U'“' ? doubles : singles).push_back(i);
      continue;
    }
    if (cp != U'”' && cp != U'’') continue;
    if (cp == U'’' && i > 0 && i + 1 < chars.size() && chars[i - 1].cls == CharClass::Latin &&
        chars[i + 1].cls == CharClass::Latin)
      continue;  // an apostrophe (patient’s)
    auto& open = cp == U'”' ? doubles : singles;
    if (open.empty()) continue;
    const std::size_t o = open.back();
    open.pop_back();
    const std::uint32_t has_cjk = cjk[i] - cjk[o + 1], has_latin = latin[i] - latin[o + 1];
    if (has_cjk > 0) {
      chars[o].cls = CharClass::CjkOpen;
      chars[i].cls = CharClass::CjkClose;
    } else if (has_latin > 0) {
      chars[o].cls = chars[i].cls = CharClass::LatinPunct;
    }
  }
}

Result<Itemized> itemize(std::string_view text, const std::vector<StyleRange>& styles,
                         const ParagraphStyle& style, const FontSet& fonts) {
  Itemized out;
  out.classes.assign(text.size(), CharClass::LatinPunct);

  // Code points with their offsets and classes.
  struct Char {
    std::size_t offset;
    char32_t cp;
    CharClass cls;
  };
  std::vector<Char> chars;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    chars.push_back({at, cp, classify(cp)});
  }
  // Resolve ambiguous punctuation from the nearest strong neighbours. A quote belongs to the
  // word it touches; a dash or an ellipsis stands between words and takes the script of the
  // words either side, across the spaces around it ("seconds — about": Latin; "治疗——预防": CJK).
  // The nearest strong script each way (1 CJK, 0 Latin, -1 none before a line break, or before a
  // space for a quote) is found in one pass each way: a scan from every ambiguous character
  // made a run of 100,000 "…" quadratic (9 s). Resolving changes no strong class.
  const bool cjk_doc = is_cjk_language(style.lang);
  struct Nearest {
    std::int8_t across_spaces = -1, to_space = -1;
  };
  const auto strength = [](CharClass c) {
    return c == CharClass::Latin ? 0 : c == CharClass::Cjk || c == CharClass::Hangul ? 1 : -1;
  };
  std::vector<Nearest> before_of(chars.size()), after_of(chars.size());
  const auto sweep = [&](auto first, auto last, std::vector<Nearest>& out) {
    Nearest seen;
    for (auto it = first; it != last; ++it) {
      const std::size_t i = static_cast<std::size_t>(&*it - chars.data());
      out[i] = seen;
      const CharClass c = it->cls;
      if (const int s = strength(c); s >= 0)
        seen.across_spaces = seen.to_space = static_cast<std::int8_t>(s);
      else if (c == CharClass::Newline)
        seen = Nearest{};
      else if (c == CharClass::Space)
        seen.to_space = -1;
    }
  };
  sweep(chars.begin(), chars.end(), before_of);
  sweep(chars.rbegin(), chars.rend(), after_of);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (!is_ambiguous(chars[i].cp)) continue;
    const char32_t cp = chars[i].cp;
    const bool opening = cp == U'‘' || cp == U'“';
    const bool closing = cp == U'’' || cp == U'”';
    const bool across_spaces = !opening && !closing;
    const int before = across_spaces ? before_of[i].across_spaces : before_of[i].to_space;
    const int after = across_spaces ? after_of[i].across_spaces : after_of[i].to_space;
    bool as_cjk = false;
    if (opening)
      as_cjk = after == 1 || (after == -1 && before == 1);
    else if (closing)
      as_cjk = before == 1 || (before == -1 && after == 1);
    else  // Latin on one side and CJK on the other: the document's script decides
      as_cjk = (before == 1 && after == 1) || ((before == 1 || after == 1) && cjk_doc) ||
               (before == -1 && after == -1 && cjk_doc);
    if (as_cjk && (cjk_doc || (before == 1 && after == 1))) chars[i].cls = ambiguous_as_cjk(cp);
  }
  if (cjk_doc) pair_quotes(chars);

  // Faces per role and style, asked for lazily.
  // A paragraph uses a handful of faces: ask the (locked, shared) FontSet once for each.
  std::array<const Face*, 16> faces{};  // by role (CJK or not) and style: bit 0 CJK, 1 bold, 2 italic, 3 code
  auto face_for = [&](bool cjk, const StyleRange& s) -> Result<const Face*> {
    const auto key = static_cast<std::size_t>(cjk) | static_cast<std::size_t>(s.bold) << 1 |
                     static_cast<std::size_t>(s.italic) << 2 | static_cast<std::size_t>(s.code) << 3;
    if (faces[key]) return faces[key];
    FaceRequest req;
    if (cjk) {
      req.family = regional_cjk_family(style.fonts.cjk, style.lang);
      req.bold = s.bold || style.bold;  // CJK is never slanted: no fake italic
    } else {
      req.family = s.code ? style.fonts.mono : style.fonts.latin;
      req.bold = s.bold || style.bold;
      req.italic = s.italic && !s.code;
    }
    auto face = fonts.face(req);
    if (face) faces[key] = *face;
    return face;
  };

  std::size_t style_index = 0;  // styles are sorted and disjoint: walk them once
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const Char& c = chars[i];
    const std::size_t end = i + 1 < chars.size() ? chars[i + 1].offset : text.size();
    std::fill(out.classes.begin() + static_cast<std::ptrdiff_t>(c.offset),
              out.classes.begin() + static_cast<std::ptrdiff_t>(end), c.cls);
    while (style_index < styles.size() && styles[style_index].end <= c.offset) ++style_index;
    StyleRange s = (style_index < styles.size() && styles[style_index].begin <= c.offset)
                       ? styles[style_index]
                       : StyleRange{};
    // Spaces and line breaks take the face of what precedes them, so runs stay long. So do
    // default-ignorable characters (variation selectors, joiners): they belong to the character
    // before them (a VS picks its glyph through the font's cmap format 14, in the same buffer),
    // print as nothing, and are never "missing".
    bool cjk = is_cjk(c.cls);
    const bool ignorable = is_default_ignorable(c.cp);
    if ((c.cls == CharClass::Space || c.cls == CharClass::Newline || c.cls == CharClass::NoBreakSpace ||
         ignorable) &&
        !out.runs.empty() && out.runs.back().end == c.offset) {
      out.runs.back().end = end;
      continue;
    }
    auto face = face_for(cjk, s);
    if (!face) return face.error();
    const Face* chosen = *face;
    if (!chosen->covers(c.cp) && c.cls != CharClass::Newline && !ignorable) {
      auto other = face_for(!cjk, s);
      if (other && (*other)->covers(c.cp)) {
        chosen = *other;
        cjk = !cjk;
      } else {
        out.missing.push_back(c.cp);
        // Set where the replacement character's glyph is (shape.hpp draws it for the missing one):
        // the Latin faces have U+FFFD, the CJK ones do not, and their .notdef may be empty.
        if (!chosen->covers(kReplacementCharacter) && other && (*other)->covers(kReplacementCharacter)) {
          chosen = *other;
          cjk = !cjk;
        }
      }
    }
    const hb_script_t script = c.cls == CharClass::Hangul ? HB_SCRIPT_HANGUL
                               : cjk                      ? HB_SCRIPT_HAN
                                                          : HB_SCRIPT_LATIN;
    if (!out.runs.empty() && out.runs.back().end == c.offset && out.runs.back().face == chosen &&
        out.runs.back().script == script) {
      out.runs.back().end = end;
    } else {
      out.runs.push_back(Run{c.offset, end, chosen, script});
    }
  }
  return out;
}

}  // namespace leafpress::text
