// layout/blocks.hpp: the article's blocks set in lines at one body size.
//
// Each block becomes a Collected: its lines (composed once, at the column
// width), what panel_flow needs to place them (an Element: line heights,
// spacing, keep rules) and what place_blocks needs to draw them (indent, size,
// colour, list marker, picture, quote depth). Headings, captions, spacing and
// leading scale with `body`. The first `#` heading that says the title (doc::repeats_title:
// whatever quotes and dashes either was typed with) is left to the cover.
//   - lists: each level indents by kListIndentEm; the marker hangs left of the text;
//   - quotes: indented on both sides, set on a tinted box by place_blocks;
//   - pictures: scaled to the column (never taller than `max_image_height`),
//     the alt text set under them as a caption, kept together;
//   - thematic breaks: a short centred rule;
//   - tables (layout/table.hpp): one element line per row, kept together in a frame when
//     they fit one (unless moving on would leave a hole, panel_flow.hpp), else split between
//     rows with the header repeated (Element::repeat_lines);
//   - QR codes (`![caption](qr:URL)`, layout/qr_code.hpp): centred, caption under them;
//   - task items: an open or ticked box drawn as the marker;
//   - footnotes: after the article, kNoteScale of the body, numbered like a list, under a
//     short rule; their references are superscripts in the text (layout/inline_marks.hpp).
// Errors: a font that cannot be found (from text::compose).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/inline_marks.hpp"
#include "layout/panel_flow.hpp"
#include "layout/qr_code.hpp"
#include "layout/styles.hpp"
#include "layout/table.hpp"

namespace leafpress::layout {

// How far a line rises above its baseline, as a share of its size: the top of a frame's
// first line (proof_guides.cpp draws the grid from it).
constexpr double kLineAscent = 0.8;
constexpr double kNoteScale = 0.85;  // footnotes: of the body size
constexpr double kTaskBox = 0.7;     // a task item's box: its side, in body ems

// What a block is, for rhythm.hpp, which sets its spacing and line pitch.
enum class Role { Body, Heading, Picture, Rule, Other };

struct Collected {
  Element element;
  Role role = Role::Other;
  bool list_item = false;         // a list item's paragraph (no space between the items of one list)
  std::vector<text::Line> lines;  // for a picture: its caption, after the picture's own line
  bool ragged = false;            // set ragged right (text::Align::Ragged): its lines end short
  Pt measure = 0;                 // the width its lines are set to (text blocks)
  Pt indent = 0;                  // from the column's left edge
  Pt size = 10;
  Cmyk color;
  std::optional<text::Line> marker;  // list bullet or number, hung left of the text
  Pt marker_x = 0;
  int source_line = 0;
  std::string section;  // the heading this block belongs to
  bool heading = false;
  std::string heading_text;
  int quote_depth = 0;
  bool rule = false;                         // a thematic break
  std::shared_ptr<const doc::Raster> image;  // a picture: the first element line is the picture
  Pt image_width = 0, image_height = 0;
  Pt caption_size = 0;
  std::vector<SpanMark> marks{};               // per span of `lines`: links, strikethrough
  std::map<int, std::string> link_text{};      // the block's links: their text
  std::shared_ptr<const TableLayout> table{};  // a table: element line i is its row i
  std::shared_ptr<const QrCode> qr{};          // a QR code: the first element line, image_width square
  doc::Task task = doc::Task::None;            // a task item: its box is the marker
  bool note_rule = false;                      // the first footnote: a short rule above the notes
  int block = -1;                              // index into Document::blocks
  // Structure (structure.hpp, set once at the final size): the element of its lines
  // (a picture: its Caption), the list marker's Lbl, a picture's Figure.
  struct Tags {
    int text = kArtifact, label = kArtifact, figure = kArtifact;
  } tags{};
  // Composes a text block again with extra rules: column_ends.hpp asks for no hyphen on
  // the last line of a column once the flow knows where columns end. Empty for others.
  std::function<Result<text::Paragraph>(const text::ComposeOptions&)> recompose;
};

struct Collection {
  Pt body = 10;
  Pt column = 0;
  std::vector<Collected> blocks;
  std::vector<std::string> warnings;
};

Result<Collection> collect_blocks(const Scene& s, Pt body, Pt column, Pt max_image_height);

}  // namespace leafpress::layout
