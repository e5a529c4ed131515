// layout/template.hpp: a leaflet layout, read from layouts/NAME.yaml.
//
// Input:  YAML (see layouts/README.md for every key). Lengths are written with
//         a unit: "97mm", "3.6875in", "10pt"; a bare number means points.
// Output: Template: the sheet, its sides and panels in prepress order (left to
//         right as the sheet lies on the press), the cover panel, the order in
//         which the body flows through panels, and the styles.
// Errors: a missing or unknown key, a wrong type, a negative or zero length,
//         panels that do not add up to the sheet width: an Error naming the
//         layout file, the line and the key.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/units.hpp"
#include "layout/page_model.hpp"
#include "text/paragraph.hpp"

namespace leafpress::layout {

struct Panel {
  std::string name;
  Pt width = 0;
  Pt x = 0;  // from the sheet's left trim edge (filled in by load_template)
};

struct Side {
  std::string name;
  std::vector<Panel> panels;
};

struct FontRole {  // families for one role (serif body, sans headings)
  std::string latin, cjk;
};

struct Template {
  std::string name, description, path;
  Pt sheet_width = 0, sheet_height = 0;
  Pt bleed = mm(3);
  Pt safe_margin = mm(5);  // no text nearer than this to trim or fold
  Pt mark_offset = mm(4), mark_length = mm(6);
  Pt margin_top = mm(12), margin_bottom = mm(12), margin_side = mm(8);
  std::vector<Side> sides;
  std::string cover_panel;        // front cover: title and subtitle
  std::vector<std::string> flow;  // panel names in reading order of the body
  FontRole serif{"Noto Serif", "Noto Serif CJK"}, sans{"Noto Sans", "Noto Sans CJK"};
  Pt body_size = 10;
  double leading = 1.45;            // baseline distance in multiples of the size
  bool strict_line_breaks = false;  // CLReq/JLReq strict: small kana and ー never start a line
  std::vector<Pt> heading_sizes{18, 12.5, 11};
  Pt title_size = 24, subtitle_size = 13;
  Cmyk accent{1, 0.45, 0, 0.1};  // headings, title, cover band
  Cmyk text_color{0, 0, 0, 1};
};

Result<Template> parse_template(std::string_view yaml, std::string_view path);
Result<Template> load_template(const std::string& path);

// Sets one style key from the command line: "body.size=9pt", "body.leading=1.4".
Status set_template_key(Template& t, const std::string& assignment);

}  // namespace leafpress::layout
