// layout/styles.hpp: what every step of one layout shares, and the paragraph
// styles of each role (body, headings, captions) at a given body size.
//
// Headings, captions and leading scale with the body size, so copy-fit changes
// one number. compose_checked composes through text::compose and turns missing
// glyphs and overfull lines into warnings for the user.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "doc/document.hpp"
#include "doc/image.hpp"
#include "layout/template.hpp"
#include "text/font_set.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

struct Scene {  // read-only for every step of one lay_out call
  const doc::Document& doc;
  const Template& t;
  const text::FontSet& fonts;
  std::string lang;
  std::map<std::string, std::shared_ptr<const doc::Raster>> images;  // by resolved path
};

text::ParagraphStyle body_style(const Scene& s, Pt body);
text::ParagraphStyle heading_style(const Scene& s, int level, Pt body);
text::ParagraphStyle caption_style(const Scene& s, Pt body);

std::vector<text::TextSpan> to_text_spans(const doc::Block& block);

Result<text::Paragraph> compose_checked(const Scene& s, const std::vector<text::TextSpan>& spans,
                                        const text::ParagraphStyle& st, Pt width, int line,
                                        std::vector<std::string>& warnings);

}  // namespace leafpress::layout
