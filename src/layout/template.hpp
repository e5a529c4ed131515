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

#include <map>
#include <optional>
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
  Pt x = 0;         // from the sheet's left trim edge (filled in by load_template)
  int columns = 1;  // text columns in the panel, `gutter` apart
  Pt margin = -1;   // this panel's side margin; below 0: the layout's margins.side
};

struct Side {
  std::string name;
  std::vector<Panel> panels;  // a fold between each two
  bool optional = false;      // printed only when the body needs it (a handout's second side)
};

// Where the title goes: a whole cover panel (folds, booklets) or a header band
// above the body on the same panel (handouts).
enum class CoverStyle { Panel, Header };

struct FontRole {  // families for one role (serif body, sans headings)
  std::string latin, cjk;
};

// Where a style value was written: the layout file and line, or "--set" (line 0).
struct Origin {
  std::string file{};
  int line = 0;
  std::string key{};  // as written there: "styles.heading.color" in a layout, "heading.color" for --set
};

// How body paragraphs meet the right edge of the column (styles.body.align).
// Auto: justified, except a Latin-led article in a column narrower than kJustifyLatinMinEm
// or than kJustifyMinWords of its words (layout/styles.hpp), which is set ragged right:
// there justified English can only open its word spaces or hyphenate half its lines.
enum class BodyAlign { Auto, Justify, Left };

// ±2 %, microtype's default font expansion: wider than that, letters look distorted.
constexpr double kMaxGlyphExpansion = 0.02;

struct Template {
  std::string name, description, path;
  Pt sheet_width = 0, sheet_height = 0;
  Pt bleed = mm(3);
  Pt safe_margin = mm(5);  // no text nearer than this to trim or fold
  Pt mark_offset = mm(4), mark_length = mm(6);
  Pt margin_top = mm(12), margin_bottom = mm(12), margin_side = mm(8);
  std::vector<Side> sides;
  bool booklet = false;  // one page template repeated: cover, body pages, back cover; pages a multiple of 4
  Pt gutter = mm(5);     // between the columns of a panel
  std::string cover_panel;  // front cover: title and subtitle
  CoverStyle cover_style = CoverStyle::Panel;
  double cover_image_share = 0.5;  // the cover image's box: this share of the panel's height, from the top
  std::string back_panel;          // clinic block at its foot; "" = a footer on the last page
  bool back_qr = true;             // a QR code of the clinic's url in the back panel's clinic block
  bool print_urls = false;         // a link whose text is not its address prints " (address)" after it
  std::vector<std::string> flow;   // panel names in reading order of the body
  FontRole serif{"Noto Serif", "Noto Serif CJK"}, sans{"Noto Sans", "Noto Sans CJK"};
  Pt body_size = 10;          // the largest body size copy-fit tries (and the one it starts from)
  Pt body_size_min = 10;      // the smallest: copy-fit picks the largest size in [min, body_size] that fits
  // The layout's own smallest body size, which --set body.size leaves as it is: the tables' least
  // size, the clinic block's and the cover foot's follow it, so that a size copy-fit reports
  // builds the same page when it is fixed (a reviewer: reported 9.5 pt, "does not fit even at
  // 9.5 pt" with --set body.size=9.5pt, as the clinic block was set at 9.5 pt, not 9).
  Pt layout_size_min = 10;
  double leading = 1.45;      // baseline distance in multiples of the size: the tightest copy-fit uses
  double leading_max = 1.45;  // the loosest: copy-fit opens the leading up to this to fill the panels
  int pages_max = 0;          // at most this many sides (handouts) or pages (booklets); 0: no limit
  // CLReq/JLReq strict: small kana and ー never start a line; unset: strict for Japanese only
  std::optional<bool> strict_line_breaks;
  BodyAlign body_align = BodyAlign::Auto;
  std::vector<Pt> heading_sizes{18, 12.5, 11};
  Pt title_size = 24, subtitle_size = 13;
  double paragraph_spacing = 0.45;  // space after a paragraph, in body lines
  // styles.body.expansion: how far Latin glyphs of justified body text may widen or narrow
  // (text::ParagraphStyle::expansion), 0 to kMaxGlyphExpansion; 0, off, unless asked for.
  double glyph_expansion = 0;
  Cmyk accent{1, 0.45, 0, 0.1};     // headings, title, cover band
  Cmyk text_color{0, 0, 0, 1};
  Cmyk quote_tint{0.1, 0.03, 0, 0};  // the call-out box behind block quotes
  // "styles.body.color", "styles.heading.color", "styles.quote.tint" → where each was set; a key
  // left out keeps the default and has no entry.
  std::map<std::string, Origin> origins{};
};

Result<Template> parse_template(std::string_view yaml, std::string_view path);
Result<Template> load_template(const std::string& path);

// Sets one style key from the command line: "body.size=9pt" (fixes the size: no
// copy-fit), "body.leading=1.4", "heading.color=100,45,0,10"... (the keys are
// listed in layouts/README.md).
Status set_template_key(Template& t, const std::string& assignment);

}  // namespace leafpress::layout
