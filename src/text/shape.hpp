// text/shape.hpp: runs of one face → glyphs, with HarfBuzz.
//
// Each run is shaped with its script and the document's language (so that
// HarfBuzz and the font's 'locl' pick, say, the Japanese form of a Han
// character), left to right, with the font's default features (kerning and
// ligatures for Latin). The whole paragraph is given as context so that
// shaping at run edges sees its neighbours. Clusters are byte offsets into
// the paragraph text. Positions are converted from font units to points at
// `size` here and nowhere else.
// Missing characters: where HarfBuzz gives .notdef (glyph 0) for a character the
// face lacks, the face's U+FFFD glyph is drawn instead when it has one: the
// .notdef of many Latin faces is empty, and a missing character must show.
// (Not for line breaks and default-ignorable characters, which print as nothing.)
// Cache: results are kept in font units per (language, text, runs) and scaled to
// `size` on the way out (shaping does not depend on the size): copy-fit's trials
// at other sizes and a batch's other data rows shape each paragraph once. The
// cache is process-wide, bounded, and knows faces by file and index.
// Thread-safety: reentrant; the hb_buffer is per call, the cache has a mutex.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/itemize.hpp"

namespace leafpress::text {

std::vector<ShapedGlyph> shape(std::string_view text, const std::vector<Run>& runs, const std::string& lang,
                               Pt size);

// The same in two steps, for a caller that sets one text at many sizes (copy-fit's trials):
// the shaped glyphs in font units (from the cache, or shaped and cached), then scaled to a
// size. scaled(*shaped_in_font_units(t, r, l), r, s) == shape(t, r, l, s), bit for bit.
struct FontUnitGlyphs;
std::shared_ptr<const FontUnitGlyphs> shaped_in_font_units(std::string_view text,
                                                           const std::vector<Run>& runs,
                                                           const std::string& lang);
std::vector<ShapedGlyph> scaled(const FontUnitGlyphs& glyphs, const std::vector<Run>& runs, Pt size);

}  // namespace leafpress::text
