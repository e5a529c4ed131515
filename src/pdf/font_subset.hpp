// pdf/font_subset.hpp: hb-subset a face to the glyphs a document uses, with a cache.
//
// A subset depends only on (face, glyph set), so a batch that prints the same
// leaflet for 40 clinics subsets each font once (DESIGN.md, "Performance shape").
// FontSubset holds the font program to embed (the whole subset font for
// TrueType; the bare CFF table for CFF fonts) and, for each glyph, the 2-byte
// code the content stream uses: the original glyph id for a CID-keyed CFF (in
// Noto CJK CID = GID, and hb-subset keeps the CIDs in its charset), the subset's
// glyph id otherwise (TrueType with CIDToGIDMap Identity, name-keyed CFF).
// Subsetting drops GSUB/GPOS/GDEF (shaping is done) and TrueType hinting.
// Thread-safety: SubsetCache::get may be called from many threads; entries are
// immutable and shared.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "text/font_set.hpp"

namespace leafpress::pdf {

struct FontSubset {
  std::string program;
  std::string deflated;  // `program` compressed (zlib, FlateDecode) once, for every PDF that embeds it
  std::map<unsigned, unsigned> code;  // glyph id in the face → code in the PDF
  // Every CID the program holds, ascending, for /CIDSet (ISO 19005-2 6.2.11.4.2): the codes and
  // .notdef for a CID-keyed CFF; 0 … glyph count − 1 otherwise (hb-subset adds the parts of
  // composite glyphs, which have no code of their own).
  std::vector<unsigned> cids{};
};

Result<FontSubset> make_subset(const text::Face& face, const std::vector<unsigned>& glyphs);

class SubsetCache {
 public:
  // At most this many subsets, and this many bytes of them, are kept; past either the
  // cache starts over (a merge of many data rows makes a glyph set per row, and memory
  // must stay flat: a Latin subset with its compressed copy is some 50 KB).
  static constexpr std::size_t kMaxEntries = 256;
  static constexpr std::size_t kMaxBytes = 6u << 20;

  Result<std::shared_ptr<const FontSubset>> get(const text::Face& face, const std::vector<unsigned>& glyphs);

 private:
  std::mutex mutex_;
  std::map<std::pair<const text::Face*, std::vector<unsigned>>, std::shared_ptr<const FontSubset>> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace leafpress::pdf
