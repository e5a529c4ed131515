#include "text/shape.hpp"

#include <hb-ot.h>

#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "core/utf8.hpp"
#include "text/hb_handles.hpp"

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
  // No mark below U+0300 (the combining diacritics) nor among the unified ideographs: most
  // characters of most articles, asked about one by one.
  if (cp < 0x300 || (cp >= 0x4E00 && cp <= 0x9FFF)) return false;
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

// Shapes text[begin, end) with one face and script, appending to `out` with clusters
// shifted by `shift`. `text` is the context HarfBuzz sees around the item.
void shape_item(hb_buffer_t* buffer, std::string_view text, std::size_t begin, std::size_t end,
                const Face& face, hb_script_t script, hb_language_t language, std::uint32_t run,
                std::size_t shift, std::vector<Shaped>& out) {
  hb_buffer_clear_contents(buffer);
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, script);
  hb_buffer_set_language(buffer, language);
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(face.hb_font(), buffer, nullptr, 0);
  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
  const unsigned replacement = face.replacement_glyph;
  for (unsigned i = 0; i < count; ++i) {
    if (info[i].codepoint == 0 && replacement != 0) {
      std::size_t at = info[i].cluster;
      const char32_t cp = next_code_point(text, at);
      if (cp != U'\n' && cp != 0x2028 && !is_default_ignorable(cp)) {
        info[i].codepoint = replacement;
        pos[i].x_advance = hb_font_get_glyph_h_advance(face.hb_font(), replacement);
        pos[i].x_offset = pos[i].y_offset = 0;
      }
    }
    out.push_back(Shaped{
        .run = run,
        .glyph = info[i].codepoint,
        .cluster = static_cast<std::uint32_t>(info[i].cluster + shift),
        .advance = pos[i].x_advance,
        .x_offset = pos[i].x_offset,
        .y_offset = pos[i].y_offset,
        .unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0,
    });
  }
}

// Word by word. A paragraph that differs from another by one word (the rows of a merge,
// the leaflets of a batch on one subject, the same words paragraph after paragraph) is
// mostly words already shaped: as in Chromium's word shaper and Android's minikin
// LayoutCache, a run is shaped in words, each word (with the spaces after it) shaped
// once per thread and face, and the glyphs put together. That gives what shaping the
// whole run gives only when nothing the font does reaches across a space: no lookup the
// shaping plan applies (GSUB or GPOS, for this script and language) has the space glyph
// in its input or context, and there is no 'kern', 'morx', 'kerx' or 'trak' table
// (HarfBuzz applies those outside the plan's lookups). Scripts: those HarfBuzz shapes
// without a complex shaper's context (Arabic joining and the like are shaped whole).
bool script_shapes_by_words(hb_script_t script) {
  switch (script) {
    case HB_SCRIPT_COMMON:
    case HB_SCRIPT_LATIN:
    case HB_SCRIPT_GREEK:
    case HB_SCRIPT_CYRILLIC:
    case HB_SCRIPT_HAN:
    case HB_SCRIPT_HIRAGANA:
    case HB_SCRIPT_KATAKANA:
    case HB_SCRIPT_BOPOMOFO:
    case HB_SCRIPT_HANGUL:
      return true;
    default:
      return false;
  }
}

bool space_is_inert(const Face& face, hb_script_t script, hb_language_t language) {
  hb_codepoint_t space = 0;
  if (!hb_font_get_nominal_glyph(face.hb_font(), ' ', &space)) return false;
  for (const hb_tag_t table : {HB_TAG('k', 'e', 'r', 'n'), HB_TAG('m', 'o', 'r', 'x'),
                               HB_TAG('k', 'e', 'r', 'x'), HB_TAG('t', 'r', 'a', 'k')}) {
    HbBlob blob(hb_face_reference_table(face.hb_face(), table));
    if (hb_blob_get_length(blob.get()) > 0) return false;
  }
  hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
  props.direction = HB_DIRECTION_LTR;
  props.script = script;
  props.language = language;
  HbShapePlan plan(hb_shape_plan_create_cached(face.hb_face(), &props, nullptr, 0, nullptr));
  HbSet lookups(hb_set_create()), before(hb_set_create()), input(hb_set_create()), after(hb_set_create()),
      output(hb_set_create());
  for (const hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    hb_set_clear(lookups.get());
    hb_ot_shape_plan_collect_lookups(plan.get(), table, lookups.get());
    for (hb_codepoint_t i = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &i);) {
      for (hb_set_t* set : {before.get(), input.get(), after.get(), output.get()}) hb_set_clear(set);
      hb_ot_layout_lookup_collect_glyphs(face.hb_face(), table, i, before.get(), input.get(), after.get(),
                                         output.get());
      for (hb_set_t* set : {before.get(), input.get(), after.get(), output.get()})
        if (hb_set_has(set, space)) return false;
    }
  }
  return true;
}

// space_is_inert, worked out once per process for each face, script and language.
bool shapes_by_words(const Face& face, hb_script_t script, hb_language_t language, const std::string& lang) {
  if (!script_shapes_by_words(script)) return false;
  static std::mutex mutex;
  static std::map<std::tuple<std::string, unsigned, hb_script_t, std::string>, bool> known;
  auto key = std::make_tuple(face.file.native(), face.index, script, lang);
  {
    std::lock_guard lock(mutex);
    if (const auto it = known.find(key); it != known.end()) return it->second;
  }
  const bool inert = space_is_inert(face, script, language);
  std::lock_guard lock(mutex);
  known.emplace(std::move(key), inert);
  return inert;
}

// Where a word starts: after one or more spaces, at a character that starts a cluster
// of its own (a combining mark or a joiner after a space belongs to the space).
bool word_starts_at(std::string_view text, std::size_t at) {
  if (at == 0 || text[at - 1] != ' ' || text[at] == ' ') return false;
  std::size_t pos = at;
  const char32_t cp = next_code_point(text, pos);
  return !is_mark(cp) && !is_default_ignorable(cp);
}

// Each thread's words, shaped in font units with clusters from the word's start, keyed by
// face, script, language and the word's text. Per thread: no lock on the hot path.
// Bounded: past kMaxBytes it starts over, so memory stays flat.
class WordCache {
 public:
  static constexpr std::size_t kMaxBytes = 2u << 20;

  const std::vector<Shaped>* find(const std::string& key) const {
    const auto it = words_.find(key);
    return it == words_.end() ? nullptr : &it->second;
  }
  const std::vector<Shaped>& add(const std::string& key, std::vector<Shaped> glyphs) {
    const std::size_t bytes = glyphs.size() * sizeof(Shaped) + key.size() + 96;
    if (bytes_ + bytes > kMaxBytes) {
      words_.clear();
      bytes_ = 0;
    }
    bytes_ += bytes;
    return words_.insert_or_assign(key, std::move(glyphs)).first->second;
  }

 private:
  std::unordered_map<std::string, std::vector<Shaped>> words_;
  std::size_t bytes_ = 0;
};

std::vector<Shaped> shape_in_font_units(std::string_view text, const std::vector<Run>& runs,
                                        const std::string& lang, bool by_words) {
  std::vector<Shaped> out;
  out.reserve(text.size());
  HbBuffer buffer(hb_buffer_create());
  const hb_language_t language = hb_language_from_string(lang.c_str(), -1);
  thread_local WordCache words;
  thread_local std::string key;
  std::vector<Shaped> word;
  for (std::uint32_t r = 0; r < runs.size(); ++r) {
    const Face& face = *runs[r].face;
    const hb_script_t script = runs[r].script;
    const bool apart = by_words && shapes_by_words(face, script, language, lang);
    std::string prefix;  // the word cache's key before the word: face, script, language
    if (apart) {
      append_bytes(prefix, script);
      append_bytes(prefix, face.index);
      append_bytes(prefix, face.file.native().size());
      prefix += face.file.native();
      append_bytes(prefix, lang.size());
      prefix += lang;
    }
    std::size_t begin = runs[r].begin;
    for (const std::size_t end : piece_ends(text, runs[r])) {
      if (!apart) {
        shape_item(buffer.get(), text, begin, end, face, script, language, r, 0, out);
        begin = end;
        continue;
      }
      for (std::size_t w = begin; w < end;) {
        std::size_t next = w + 1;
        while (next < end && !word_starts_at(text, next)) ++next;
        const std::string_view text_of_word = text.substr(w, next - w);
        key.assign(prefix);
        key += text_of_word;
        const std::vector<Shaped>* glyphs = words.find(key);
        if (!glyphs) {
          word.clear();
          shape_item(buffer.get(), text_of_word, 0, text_of_word.size(), face, script, language, 0, 0, word);
          glyphs = &words.add(key, word);
        }
        for (Shaped g : *glyphs) {
          g.run = r;
          g.cluster += static_cast<std::uint32_t>(w);
          out.push_back(g);
        }
        w = next;
      }
      begin = end;
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
    shaped =
        std::make_shared<const FontUnitGlyphs>(FontUnitGlyphs{shape_in_font_units(text, runs, lang, true)});
    cache().add(std::move(key), shaped);
  }
  return shaped;
}

std::vector<ShapedGlyph> shape_uncached(std::string_view text, const std::vector<Run>& runs,
                                        const std::string& lang, Pt size, bool by_words) {
  return scaled(FontUnitGlyphs{shape_in_font_units(text, runs, lang, by_words)}, runs, size);
}

std::vector<ShapedGlyph> shape(std::string_view text, const std::vector<Run>& runs, const std::string& lang,
                               Pt size) {
  return scaled(*shaped_in_font_units(text, runs, lang), runs, size);
}

std::vector<ShapedGlyph> scaled(const FontUnitGlyphs& shaped, const std::vector<Run>& runs, Pt size) {
  std::vector<ShapedGlyph> out;
  out.reserve(shaped.glyphs.size());
  std::uint32_t run = std::numeric_limits<std::uint32_t>::max();  // glyphs come run by run
  const Face* face = nullptr;
  double scale = 0;
  for (const Shaped& g : shaped.glyphs) {
    if (g.run != run) {
      run = g.run;
      face = runs[run].face;
      scale = size / face->upem;
    }
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
