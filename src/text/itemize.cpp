#include "text/itemize.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>

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
  if (cp == 0x30FC || ((cp >= 0xFF01 && cp <= 0xFF60) && u_isalnum(static_cast<UChar32>(cp))))
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
  // Resolve ambiguous punctuation from the nearest strong neighbours.
  const bool cjk_doc = is_cjk_language(style.lang);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (!is_ambiguous(chars[i].cp)) continue;
    const char32_t cp = chars[i].cp;
    const bool opening = cp == U'‘' || cp == U'“';
    const bool closing = cp == U'’' || cp == U'”';
    // A quote belongs to the word it touches; a dash or an ellipsis stands between words
    // and takes the script of the words either side, across the spaces around it
    // ("seconds — about": Latin; "治疗——预防": CJK).
    const bool across_spaces = !opening && !closing;
    auto strong = [&](std::ptrdiff_t step) -> int {  // 1 CJK, 0 Latin, -1 none
      for (std::ptrdiff_t k = static_cast<std::ptrdiff_t>(i) + step;
           k >= 0 && k < static_cast<std::ptrdiff_t>(chars.size()); k += step) {
        const CharClass c = chars[static_cast<std::size_t>(k)].cls;
        if (c == CharClass::Latin) return 0;
        if (c == CharClass::Cjk || c == CharClass::Hangul) return 1;
        if (c == CharClass::Newline || (c == CharClass::Space && !across_spaces)) return -1;
      }
      return -1;
    };
    const int before = strong(-1), after = strong(+1);
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
