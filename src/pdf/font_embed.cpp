#include "pdf/font_embed.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/utf8.hpp"
#include "pdf/flate.hpp"
#include "text/hb_handles.hpp"

namespace leafpress::pdf {
namespace {

// Six capital letters from a hash of the font name and glyph set (ISO 32000-1 9.6.4).
std::string subset_tag(const text::Face& face, const std::map<unsigned, std::string>& glyphs) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](std::uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : face.postscript_name) mix(static_cast<unsigned char>(c));
  for (const auto& [g, t] : glyphs) mix(g);
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

void append_utf16be_hex(std::string& out, const std::string& utf8) {
  for (const char16_t unit : to_utf16(utf8)) append_hex4(out, unit);
}

// ISO 32000-1 9.8.2, Table 123: the FontDescriptor flags a reader uses to pick a
// substitute (and PDF/A validators compare with the font program).
constexpr int kFixedPitch = 1, kSerif = 2, kSymbolic = 4, kNonsymbolic = 32, kItalic = 64;

// A big-endian number at `at` in a font table, or 0 when the table is shorter.
unsigned table_number(hb_face_t* face, hb_tag_t tag, unsigned at, unsigned bytes) {
  text::HbBlob blob(hb_face_reference_table(face, tag));
  unsigned length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob.get(), &length));
  if (!data || at + bytes > length) return 0;
  unsigned v = 0;
  for (unsigned i = 0; i < bytes; ++i) v = v << 8 | data[at + i];
  return v;
}

// Serif: the OS/2 family class says so (IBM classes 1-5 and 7 have serifs, 8 is sans
// serif), else PANOSE's serif style for Latin text faces (2-10 serif, 11-13 sans);
// a font that says neither is judged by its name.
bool has_serifs(const text::Face& face) {
  hb_face_t* f = face.hb_face();
  const unsigned family_class = table_number(f, HB_TAG('O', 'S', '/', '2'), 30, 2) >> 8;
  if (family_class != 0) return (family_class >= 1 && family_class <= 5) || family_class == 7;
  const unsigned panose_family = table_number(f, HB_TAG('O', 'S', '/', '2'), 32, 1);
  const unsigned panose_serif = table_number(f, HB_TAG('O', 'S', '/', '2'), 33, 1);
  if (panose_family == 2 && panose_serif >= 2 && panose_serif <= 13) return panose_serif <= 10;
  return face.family.find("Serif") != std::string::npos && face.family.find("Sans") == std::string::npos;
}

// Whether a character is in Adobe's standard Latin character set (ISO 32000-1 Annex D.1):
// printable ASCII, the Latin-1 letters and signs, and WinAnsi's additions.
bool is_standard_latin(char32_t cp) {
  if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF)) return true;
  constexpr char32_t kWinAnsiExtras[] = {0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017D, 0x017E, 0x0192,
                                         0x0131, 0x0141, 0x0142, 0x02C6, 0x02DC, 0x2013, 0x2014, 0x2018,
                                         0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2020, 0x2021, 0x2022,
                                         0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0xFB01, 0xFB02};
  return std::find(std::begin(kWinAnsiExtras), std::end(kWinAnsiExtras), cp) != std::end(kWinAnsiExtras);
}

}  // namespace

void append_hex4(std::string& out, unsigned v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char digits[4] = {kHex[(v >> 12) & 0xF], kHex[(v >> 8) & 0xF], kHex[(v >> 4) & 0xF], kHex[v & 0xF]};
  out.append(digits, 4);
}

int descriptor_flags(const text::Face& face, const std::map<unsigned, std::string>& glyphs) {
  int flags = 0;
  if (table_number(face.hb_face(), HB_TAG('p', 'o', 's', 't'), 12, 4) != 0) flags |= kFixedPitch;
  if (has_serifs(face)) flags |= kSerif;
  if (face.is_italic || face.italic_angle != 0) flags |= kItalic;
  // Nonsymbolic when every character the subset shows is standard Latin; symbolic otherwise
  // (CJK, Greek, arrows...): the two are exclusive.
  bool latin = false;
  for (const auto& [g, t] : glyphs) {
    for (std::size_t pos = 0; pos < t.size();) {
      if (!is_standard_latin(next_code_point(t, pos))) return flags | kSymbolic;
      latin = true;
    }
  }
  return flags | (latin ? kNonsymbolic : kSymbolic);
}

namespace {

std::string to_unicode_cmap(const std::map<unsigned, std::string>& code_text) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<unsigned, std::string>> entries;
  // Code 0 is .notdef in every font: it stands for no character, so it maps to none (a
  // map from it would copy out whatever character first fell back to it).
  for (const auto& [code, t] : code_text)
    if (!t.empty() && code != 0) entries.emplace_back(code, t);
  for (std::size_t i = 0; i < entries.size(); i += 100) {  // at most 100 entries per block
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {  // "<%04X> <" the code, the text in UTF-16BE, ">"
      s += '<';
      append_hex4(s, entries[k].first);
      s += "> <";
      append_utf16be_hex(s, entries[k].second);
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace

Result<EmbeddedFont> embed_font(HPDF_Doc doc, const text::Face& face,
                                const std::map<unsigned, std::string>& glyphs, SubsetCache* cache) {
  const auto fail = [&](const std::string& what) {
    return Error{face.file.string(), 0, "cannot embed the font: " + what, "try another font file"};
  };
  std::vector<unsigned> glyph_ids;
  for (const auto& [g, t] : glyphs) glyph_ids.push_back(g);
  Result<std::shared_ptr<const FontSubset>> subset =
      cache ? cache->get(face, glyph_ids) : [&]() -> Result<std::shared_ptr<const FontSubset>> {
    auto made = make_subset(face, glyph_ids);
    if (!made) return made.error();
    return std::make_shared<const FontSubset>(std::move(made).value());
  }();
  if (!subset) return subset.error();
  const FontSubset& sub = **subset;

  EmbeddedFont out;
  std::map<unsigned, std::string> code_text;
  for (const auto& [g, t] : glyphs) {
    const unsigned code = sub.code.at(g);
    out.code[g] = code;
    out.width[code] = static_cast<int>(std::lround(face.advance_em(g) * 1000));
    if (!code_text.count(code)) code_text[code] = t;
  }
  const auto program_len = static_cast<HPDF_UINT>(sub.program.size());

  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Xref xref = doc->xref;
  const std::string base = subset_tag(face, glyphs) + "+" + face.postscript_name;
  HPDF_STATUS st = HPDF_OK;

  // The font program.
  HPDF_Dict file = HPDF_DictStream_New(mmgr, xref);
  if (!file) return fail("out of memory");
  // Already compressed (font_subset.hpp): written as it is.
  st |= write_deflated(file, sub.deflated);
  if (face.is_cff)
    st |= HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
  else
    st |= HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(program_len));

  // The descriptor.
  HPDF_Dict descriptor = HPDF_Dict_New(mmgr);
  st |= HPDF_Xref_Add(xref, descriptor);
  st |= HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  st |= HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
  st |= HPDF_Dict_AddNumber(descriptor, "Flags", descriptor_flags(face, glyphs));
  HPDF_Array bbox = HPDF_Array_New(mmgr);
  st |= HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  for (const double v : face.bbox)
    st |= HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(v * 1000)));
  st |= HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(face.italic_angle));
  st |= HPDF_Dict_AddNumber(descriptor, "Ascent", static_cast<HPDF_INT32>(std::lround(face.ascender * 1000)));
  st |=
      HPDF_Dict_AddNumber(descriptor, "Descent", static_cast<HPDF_INT32>(std::lround(face.descender * 1000)));
  st |= HPDF_Dict_AddNumber(descriptor, "CapHeight",
                            static_cast<HPDF_INT32>(std::lround(face.cap_height * 1000)));
  st |= HPDF_Dict_AddNumber(descriptor, "StemV", face.is_bold ? 140 : 80);
  st |= HPDF_Dict_Add(descriptor, face.is_cff ? "FontFile3" : "FontFile2", file);
  // /CIDSet: one bit per CID the program holds, high bit first (ISO 32000-1 Table 124). PDF/A-1
  // wants it in every subset, PDF/A-2 checks it when present; PDFBox's preflight asks for it.
  if (!sub.cids.empty()) {
    std::string bits(sub.cids.back() / 8 + 1, '\0');
    for (const unsigned c : sub.cids) bits[c / 8] = static_cast<char>(bits[c / 8] | (0x80 >> (c % 8)));
    HPDF_Dict cidset = HPDF_DictStream_New(mmgr, xref);
    if (!cidset) return fail("out of memory");
    cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    st |= HPDF_Stream_Write(cidset->stream, reinterpret_cast<const HPDF_BYTE*>(bits.data()),
                            static_cast<HPDF_UINT>(bits.size()));
    st |= HPDF_Dict_Add(descriptor, "CIDSet", cidset);
  }

  // The CID font, with widths.
  HPDF_Dict cid = HPDF_Dict_New(mmgr);
  st |= HPDF_Xref_Add(xref, cid);
  st |= HPDF_Dict_AddName(cid, "Type", "Font");
  st |= HPDF_Dict_AddName(cid, "Subtype", face.is_cff ? "CIDFontType0" : "CIDFontType2");
  st |= HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
  HPDF_Dict info = HPDF_Dict_New(mmgr);
  st |= HPDF_Dict_Add(cid, "CIDSystemInfo", info);
  st |= HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  st |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  st |= HPDF_Dict_AddNumber(info, "Supplement", 0);
  st |= HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
  if (!face.is_cff) st |= HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
  // /DW is the most common width; /W lists the others as runs of consecutive codes.
  std::map<int, int> counts;
  for (const auto& [c, w] : out.width) ++counts[w];
  const int dw = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
                   return a.second < b.second;
                 })->first;
  st |= HPDF_Dict_AddNumber(cid, "DW", dw);
  HPDF_Array w = HPDF_Array_New(mmgr);
  st |= HPDF_Dict_Add(cid, "W", w);
  HPDF_Array run = nullptr;
  unsigned last = 0;
  for (const auto& [c, width] : out.width) {
    if (width == dw) {
      run = nullptr;
      continue;
    }
    if (!run || c != last + 1) {
      st |= HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(c));
      run = HPDF_Array_New(mmgr);
      st |= HPDF_Array_Add(w, run);
    }
    st |= HPDF_Array_AddNumber(run, width);
    last = c;
  }

  // ToUnicode.
  HPDF_Dict cmap = HPDF_DictStream_New(mmgr, xref);
  cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  const std::string cmap_text = to_unicode_cmap(code_text);
  st |= HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(cmap_text.data()),
                          static_cast<HPDF_UINT>(cmap_text.size()));

  // The Type0 font the pages use.
  HPDF_Dict type0 = HPDF_Dict_New(mmgr);
  st |= HPDF_Xref_Add(xref, type0);
  st |= HPDF_Dict_AddName(type0, "Type", "Font");
  st |= HPDF_Dict_AddName(type0, "Subtype", "Type0");
  st |= HPDF_Dict_AddName(type0, "BaseFont", (face.is_cff ? base + "-Identity-H" : base).c_str());
  st |= HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  st |= HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  st |= HPDF_Array_Add(descendants, cid);
  st |= HPDF_Dict_Add(type0, "ToUnicode", cmap);
  if (st != HPDF_OK)
    return fail("libharu refused the font's objects (a font with more glyphs or widths than PDF holds?)");
  out.font = type0;
  return out;
}

}  // namespace leafpress::pdf
