#include "text/shape.hpp"

#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

// HarfBuzz's time on one cluster grows with the square of its length: one letter
// under 50,000 combining marks takes seconds. Unicode's Stream-Safe Text Format
// (UAX #15) allows 30 non-starters in a row and no script needs more, so a run is
// shaped in pieces, each ending after at most kMaxMarkRun marks in a row. A mark
// past that starts a cluster of its own: it stays in the text (and the PDF's text
// layer) and prints without a base, as the garbage it is.
constexpr int kMaxMarkRun = 30;

bool is_mark(char32_t cp) {
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

// Where a run is cut so that no piece holds more than kMaxMarkRun marks in a row:
// byte offsets, ending with run.end.
std::vector<std::size_t> piece_ends(std::string_view text, const Run& run) {
  std::vector<std::size_t> ends;
  int marks = 0;
  for (std::size_t pos = run.begin; pos < run.end;) {
    const std::size_t at = pos;
    if (!is_mark(next_code_point(text, pos))) {
      marks = 0;
    } else if (++marks > kMaxMarkRun) {
      ends.push_back(at);
      marks = 1;
    }
  }
  ends.push_back(run.end);
  return ends;
}

// What HarfBuzz says about one glyph, in font units: the same at every size.
struct Shaped {
  std::uint32_t run = 0;  // index into the runs: the face is the caller's, not the cache's
  unsigned glyph = 0;
  std::uint32_t cluster = 0;
  hb_position_t advance = 0, x_offset = 0, y_offset = 0;
  bool unsafe_to_break = false;
};

}  // namespace

struct FontUnitGlyphs {
  std::vector<Shaped> glyphs;
};

namespace {

// Shaping does not depend on the size (leafpress's hb_fonts have no ppem: no
// hinting), yet copy-fit composes every paragraph at several sizes, and a batch
// composes the same paragraphs for every data row. So results are kept per
// (language, paragraph text, runs), in font units, and scaled on the way out.
// Bounded: past kMaxBytes the cache starts over, so memory stays flat.
class ShapeCache {
 public:
  static constexpr std::size_t kMaxBytes = 4u << 20;  // glyphs and keys; the seed article is ~350 KB

  std::shared_ptr<const FontUnitGlyphs> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void add(std::string key, std::shared_ptr<const FontUnitGlyphs> glyphs) {
    std::lock_guard lock(mutex_);
    const std::size_t bytes = glyphs->glyphs.size() * sizeof(Shaped) + key.size() + 64;
    if (bytes_ + bytes > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
    if (entries_.emplace(std::move(key), std::move(glyphs)).second) bytes_ += bytes;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const FontUnitGlyphs>> entries_;
  std::size_t bytes_ = 0;
};

ShapeCache& cache() {
  static ShapeCache c;
  return c;
}

template <class T>
void append_bytes(std::string& key, const T& v) {
  char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  key.append(bytes, sizeof v);
}

std::string key_of(std::string_view text, const std::vector<Run>& runs, const std::string& lang) {
  std::string key;
  key.reserve(lang.size() + text.size() + runs.size() * 32 + 16);
  append_bytes(key, lang.size());
  key += lang;
  append_bytes(key, text.size());
  key += text;
  // Faces by file and index, not address: a FontSet freed and another made (tests do)
  // could reuse an address for another font.
  for (const Run& r : runs) {
    append_bytes(key, r.begin);
    append_bytes(key, r.end);
    append_bytes(key, r.script);
    append_bytes(key, r.face->index);
    const std::string& file = r.face->file.native();
    append_bytes(key, file.size());
    key += file;
  }
  return key;
}

std::vector<Shaped> shape_in_font_units(std::string_view text, const std::vector<Run>& runs,
                                        const std::string& lang) {
  std::vector<Shaped> out;
  out.reserve(text.size());
  HbBuffer buffer(hb_buffer_create());
  const hb_language_t language = hb_language_from_string(lang.c_str(), -1);
  for (std::uint32_t r = 0; r < runs.size(); ++r) {
    std::size_t begin = runs[r].begin;
    for (const std::size_t end : piece_ends(text, runs[r])) {
      const Run run{begin, end, runs[r].face, runs[r].script};
      begin = end;
      hb_buffer_clear_contents(buffer.get());
      hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()),
                         static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
      hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
      hb_buffer_set_script(buffer.get(), run.script);
      hb_buffer_set_language(buffer.get(), language);
      hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
      hb_shape(run.face->hb_font(), buffer.get(), nullptr, 0);
      unsigned count = 0;
      hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
      hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
      const unsigned replacement = run.face->replacement_glyph;
      for (unsigned i = 0; i < count; ++i) {
        if (info[i].codepoint == 0 && replacement != 0) {
          std::size_t at = info[i].cluster;
          const char32_t cp = next_code_point(text, at);
          if (cp != U'\n' && cp != 0x2028 && !is_default_ignorable(cp)) {
            info[i].codepoint = replacement;
            pos[i].x_advance = hb_font_get_glyph_h_advance(run.face->hb_font(), replacement);
            pos[i].x_offset = pos[i].y_offset = 0;
          }
        }
        out.push_back(Shaped{
            .run = r,
            .glyph = info[i].codepoint,
            .cluster = info[i].cluster,
            .advance = pos[i].x_advance,
            .x_offset = pos[i].x_offset,
            .y_offset = pos[i].y_offset,
            .unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0,
        });
      }
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const FontUnitGlyphs> shaped_in_font_units(std::string_view text,
                                                           const std::vector<Run>& runs,
                                                           const std::string& lang) {
  std::string key = key_of(text, runs, lang);
  auto shaped = cache().find(key);
  if (!shaped) {
    shaped = std::make_shared<const FontUnitGlyphs>(FontUnitGlyphs{shape_in_font_units(text, runs, lang)});
    cache().add(std::move(key), shaped);
  }
  return shaped;
}

std::vector<ShapedGlyph> shape(std::string_view text, const std::vector<Run>& runs, const std::string& lang,
                               Pt size) {
  return scaled(*shaped_in_font_units(text, runs, lang), runs, size);
}

std::vector<ShapedGlyph> scaled(const FontUnitGlyphs& shaped, const std::vector<Run>& runs, Pt size) {
  std::vector<ShapedGlyph> out;
  out.reserve(shaped.glyphs.size());
  for (const Shaped& g : shaped.glyphs) {
    const Face* face = runs[g.run].face;
    const double scale = size / face->upem;
    out.push_back(ShapedGlyph{
        .face = face,
        .glyph = g.glyph,
        .cluster = g.cluster,
        .advance = g.advance * scale,
        .x_offset = g.x_offset * scale,
        .y_offset = g.y_offset * scale,
        .unsafe_to_break = g.unsafe_to_break,
    });
  }
  return out;
}

}  // namespace leafpress::text
