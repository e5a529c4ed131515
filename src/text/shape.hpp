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
// Words: a paragraph not in that cache is shaped word by word (a word and the spaces
// after it), each word once per thread, face, script and language, where the font
// does nothing across a space (no lookup of the shaping plan touches the space glyph;
// see shape.cpp): the same glyphs as shaping each run whole, at a fraction of the cost
// when words repeat (they do: within an article, and across a batch's leaflets).
// Thread-safety: reentrant; the hb_buffer is per call, the paragraph cache has a
// mutex, the word cache is per thread.
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

// For tests: shaped without the paragraph cache, word by word where the font allows it
// (as shape() does) or each run whole (by_words false). The two are equal, glyph for glyph.
std::vector<ShapedGlyph> shape_uncached(std::string_view text, const std::vector<Run>& runs,
                                        const std::string& lang, Pt size, bool by_words);

}  // namespace leafpress::text
