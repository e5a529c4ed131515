#include "text/shape.hpp"

namespace leafpress::text {

std::vector<ShapedGlyph> shape(std::string_view text, const std::vector<Run>& runs, const std::string& lang,
                               Pt size) {
  std::vector<ShapedGlyph> out;
  out.reserve(text.size());
  HbBuffer buffer(hb_buffer_create());
  const hb_language_t language = hb_language_from_string(lang.c_str(), -1);
  for (const Run& run : runs) {
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
  return out;
}

}  // namespace leafpress::text
