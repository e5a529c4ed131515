// pdf/font_embed.hpp: one face → a Type0 font in the document, subset.
//
// Input:  the face and every glyph the pages use with the text it stands for.
// Output: an indirect Type0 font dictionary (Identity-H) whose descendant is
//         CIDFontType2 + /FontFile2 (TrueType outlines; CIDToGIDMap Identity,
//         codes are the subset's glyph ids) or CIDFontType0 + /FontFile3
//         /CIDFontType0C (bare CFF; codes are the original glyph ids, which
//         are the CIDs in CID-keyed fonts such as Noto CJK, where CID = GID).
//         /W gives the widths, /ToUnicode maps codes back to text (never code 0:
//         .notdef stands for no character), /CIDSet lists the CIDs, /Flags says
//         what the face is (descriptor_flags).
// Subsetting: font_subset.hpp (hb-subset), through the cache when one is given.
//         The subset tag is derived from the glyph set, so equal inputs give
//         equal bytes.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>

#include "core/result.hpp"
#include "pdf/font_subset.hpp"
#include "text/font_set.hpp"

namespace leafpress::pdf {

struct EmbeddedFont {
  HPDF_Dict font = nullptr;           // the Type0 dictionary (owned by the document)
  std::map<unsigned, unsigned> code;  // glyph id in the face → 2-byte code in the content stream
  std::map<unsigned, int> width;      // code → width in 1/1000 em, as written in /W
};

// The FontDescriptor /Flags (ISO 32000-1 9.8.2) of `face` showing `glyphs`: FixedPitch from the
// 'post' table, Serif from OS/2's family class or PANOSE, Italic from the style or angle, and
// Nonsymbolic when every character shown is in the standard Latin set, else Symbolic.
int descriptor_flags(const text::Face& face, const std::map<unsigned, std::string>& glyphs);

// Four upper-case hex digits, as "%04X" writes a value below 0x10000: a 2-byte code of an
// Identity-H font or a UTF-16 unit, in content streams and ToUnicode maps.
void append_hex4(std::string& out, unsigned v);

// `glyphs`: glyph id → the text it stands for (may be empty).
Result<EmbeddedFont> embed_font(HPDF_Doc doc, const text::Face& face,
                                const std::map<unsigned, std::string>& glyphs, SubsetCache* cache);

}  // namespace leafpress::pdf
