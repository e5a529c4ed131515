// layout/blocks.hpp: the article's blocks set in lines at one body size.
//
// Each block becomes a Collected: its lines (composed once, at the column
// width), what panel_flow needs to place them (an Element: line heights,
// spacing, keep rules) and what place_blocks needs to draw them (indent, size,
// colour, list marker, picture, quote depth). Headings, captions, spacing and
// leading scale with `body`. The first `#` heading equal to the title is left
// to the cover.
//   - lists: each level indents by kListIndentEm; the marker hangs left of the text;
//   - quotes: indented on both sides, set on a tinted box by place_blocks;
//   - pictures: scaled to the column (never taller than `max_image_height`),
//     the alt text set under them as a caption, kept together;
//   - thematic breaks: a short centred rule.
// Errors: a font that cannot be found (from text::compose).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/panel_flow.hpp"
#include "layout/styles.hpp"

namespace leafpress::layout {

// How far a line rises above its baseline, as a share of its size: the top of a frame's
// first line (proof_guides.cpp draws the grid from it).
constexpr double kLineAscent = 0.8;

// What a block is, for rhythm.hpp, which sets its spacing and line pitch.
enum class Role { Body, Heading, Picture, Rule, Other };

struct Collected {
  Element element;
  Role role = Role::Other;
  bool list_item = false;         // a list item's paragraph (no space between the items of one list)
  std::vector<text::Line> lines;  // for a picture: its caption, after the picture's own line
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
  int block = -1;  // index into Document::blocks
  // Structure (structure.hpp, set once at the final size): the element of its lines
  // (a picture: its Caption), the list marker's Lbl, a picture's Figure.
  struct Tags {
    int text = kArtifact, label = kArtifact, figure = kArtifact;
  } tags{};
};

struct Collection {
  Pt body = 10;
  Pt column = 0;
  std::vector<Collected> blocks;
  std::vector<std::string> warnings;
};

Result<Collection> collect_blocks(const Scene& s, Pt body, Pt column, Pt max_image_height);

}  // namespace leafpress::layout
