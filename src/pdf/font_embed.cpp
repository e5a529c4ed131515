#include "pdf/font_embed.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/utf8.hpp"
#include "pdf/flate.hpp"

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

std::string utf16be_hex(const std::string& utf8) {
  std::string out;
  char buf[8];
  for (const char16_t unit : to_utf16(utf8)) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(unit));
    out += buf;
  }
  return out;
}

std::string to_unicode_cmap(const std::map<unsigned, std::string>& code_text) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<unsigned, std::string>> entries;
  for (const auto& [code, t] : code_text)
    if (!t.empty()) entries.emplace_back(code, t);
  char buf[16];
  for (std::size_t i = 0; i < entries.size(); i += 100) {  // at most 100 entries per block
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%04X> <", entries[k].first);
      s += buf + utf16be_hex(entries[k].second) + ">\n";
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
  st |= HPDF_Dict_AddNumber(descriptor, "Flags",
                            4);  // symbolic: glyphs are addressed by code, not by a standard encoding
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
  if (st != HPDF_OK) return fail("libharu error " + std::to_string(st));
  out.font = type0;
  return out;
}

}  // namespace leafpress::pdf
