#include "text/shape.hpp"

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

}  // namespace

std::vector<ShapedGlyph> shape(std::string_view text, const std::vector<Run>& runs, const std::string& lang,
                               Pt size) {
  std::vector<ShapedGlyph> out;
  out.reserve(text.size());
  HbBuffer buffer(hb_buffer_create());
  const hb_language_t language = hb_language_from_string(lang.c_str(), -1);
  for (const Run& whole : runs) {
    std::size_t begin = whole.begin;
    for (const std::size_t end : piece_ends(text, whole)) {
      const Run run{begin, end, whole.face, whole.script};
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
      const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
      const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
      const double scale = size / run.face->upem;
      for (unsigned i = 0; i < count; ++i) {
        out.push_back(ShapedGlyph{
            .face = run.face,
            .glyph = info[i].codepoint,
            .cluster = info[i].cluster,
            .advance = pos[i].x_advance * scale,
            .x_offset = pos[i].x_offset * scale,
            .y_offset = pos[i].y_offset * scale,
            .unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0,
        });
      }
    }
  }
  return out;
}

}  // namespace leafpress::text
