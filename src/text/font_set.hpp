// text/font_set.hpp: the fonts of a process, found once and shared.
//
// Input:  family names (as fontconfig knows them), weight and slant. Fonts are
//         looked up through fontconfig, with the project's `fonts/` folder (and
//         any folder given) added as application fonts, so a clinic can drop in
//         its own font without installing it. fontconfig's configuration is read
//         in full only when a family is not in the standard font folders (cold
//         start: font_set.cpp).
// Output: Face: one font program (file + index into a .ttc), loaded once,
//         immutable afterwards. hb_face and hb_font are safe to share between
//         threads for shaping and subsetting (HarfBuzz guarantees this for
//         objects that are no longer modified); FreeType is not used, for that
//         reason and because HarfBuzz's own OpenType functions read everything
//         leafpress needs (advances, metrics, names).
// Units:  Face metrics are in em (1.0 = the font size); glyph advances from
//         HarfBuzz are in font units and converted with Face::to_em.
// Errors: a family that fontconfig cannot find (it would silently substitute
//         another font: we refuse that), a file that is not a font.
// Thread-safety: FontSet::face is safe to call from many threads (a mutex guards
//         the lookup; faces are never moved or freed while the FontSet lives).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "text/hb_handles.hpp"

namespace leafpress::text {

struct FaceRequest {
  std::string family;
  bool bold = false;
  bool italic = false;
  auto operator<=>(const FaceRequest&) const = default;
};

class Face {
 public:
  // Loads one face from a file; `index` selects a face inside a collection.
  static Result<std::unique_ptr<Face>> load(const std::filesystem::path& file, unsigned index);
  // Loads one face from bytes in memory (copied); `name` stands for the file in messages.
  // The same checks as load: for fuzzing and for fonts that do not come from a file.
  static Result<std::unique_ptr<Face>> from_bytes(std::string_view bytes, const std::filesystem::path& name,
                                                  unsigned index);

  [[nodiscard]] hb_face_t* hb_face() const { return face_.get(); }
  [[nodiscard]] hb_font_t* hb_font() const { return font_.get(); }
  // The face hb-subset should read: for CFF fonts the same tables without 'cmap'
  // (only the bare CFF table is embedded, and hb-subset would otherwise walk the
  // whole CJK cmap, ~65 000 entries, for every subset: two thirds of its time).
  [[nodiscard]] hb_face_t* subset_source() const { return subset_face_ ? subset_face_.get() : face_.get(); }
  [[nodiscard]] double to_em(double font_units) const { return font_units / upem_; }

  // The glyph for a code point, or 0 (.notdef) when the font lacks it. Remembered: itemize
  // asks for every character of every paragraph, and HarfBuzz's cmap lookup costs ~200
  // instructions where a remembered answer costs ten.
  [[nodiscard]] unsigned glyph_for(char32_t cp) const;
  [[nodiscard]] bool covers(char32_t cp) const { return glyph_for(cp) != 0; }
  [[nodiscard]] double advance_em(unsigned glyph) const;

  std::filesystem::path file;
  unsigned index = 0;
  std::string family;
  std::string postscript_name;  // for /BaseFont; spaces removed
  bool is_cff = false;          // outlines in a CFF table (Noto CJK) rather than glyf
  bool is_cid_keyed = false;    // a CID-keyed CFF (its Top DICT has ROS): glyphs are addressed by CID
  unsigned upem = 1000;
  double ascender = 0.8, descender = -0.2, cap_height = 0.7;  // em
  double italic_angle = 0;                                    // degrees
  bool is_bold = false, is_italic = false;
  std::array<double, 4> bbox{};  // em, xMin yMin xMax yMax
  // Looked up once at load (composition asks for them for every cluster and glyph):
  unsigned replacement_glyph = 0;  // glyph_for(U+FFFD), 0 when the face lacks it
  unsigned hyphen_glyph = 0;       // glyph_for('-')
  double hyphen_em = 0;            // advance_em(hyphen_glyph)

 private:
  static Result<std::unique_ptr<Face>> from_blob(HbBlob blob, const std::filesystem::path& file,
                                                 unsigned index);

  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  HbFace subset_face_;  // reads face_'s tables: declared after it, so destroyed first
  unsigned upem_ = 1000;
  // glyph_for's answers, direct-mapped by code point: (code point + 1) << 32 | glyph, 0 when
  // empty. One atomic word a slot, so threads share it without a lock (a slot is only ever
  // a whole answer; two threads may both look one up and store the same word).
  static constexpr std::size_t kGlyphCacheSlots = 4096;
  std::unique_ptr<std::atomic<std::uint64_t>[]> glyph_cache_ =
      std::make_unique<std::atomic<std::uint64_t>[]>(kGlyphCacheSlots);
};

class FontSet {
 public:
  // `font_dirs` are added to fontconfig as application font folders.
  explicit FontSet(std::vector<std::filesystem::path> font_dirs = {});
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // The face for a family and style. The returned pointer lives as long as the FontSet.
  Result<const Face*> face(const FaceRequest& request) const;

  // Unique in the process, never reused: caches of results that hold this set's
  // faces (text/paragraph.cpp) key on it, not on an address a later set may get.
  [[nodiscard]] std::uint64_t id() const { return id_; }

 private:
  // fontconfig's choice for a request: file and index, or nullopt (not that family). Locked by the caller.
  [[nodiscard]] std::optional<std::pair<std::string, unsigned>> match(const FaceRequest& request) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint64_t id_ = 0;
};

// The regional Noto CJK family for a document language: "Noto Serif CJK" + " SC"
// for zh-Hans (and unknown), " TC" for zh-Hant/zh-TW/zh-HK/zh-MO, " JP" for ja,
// " KR" for ko. A family that does not end in "CJK" is returned unchanged.
std::string regional_cjk_family(const std::string& base, const std::string& lang);

// Whether a document language is Chinese, Japanese or Korean (any case, any region).
bool is_cjk_language(const std::string& lang);

}  // namespace leafpress::text
