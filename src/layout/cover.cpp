#include "layout/cover.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "core/utf8.hpp"
#include "layout/sheet_plan.hpp"
#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

constexpr double kBandShare = 0.36;  // a band without a picture reaches down to this share (a top-third line)
constexpr double kHeaderImageShare = 0.3;  // a handout's picture: this share of the text block's width
constexpr double kTitleLeading = 1.2;      // of the title size
constexpr double kSubtitleLeading = 1.3;
constexpr double kCapHeight = 0.75;  // of the size: the top of a line above its baseline
constexpr Pt kLogoHeight = mm(12);   // the cover's logo, at the foot
constexpr Cmyk kWhite{0, 0, 0, 0};   // text on the band: no ink (paper white)

std::shared_ptr<const doc::Raster> raster_of(const Scene& s, const std::string& path) {
  if (path.empty()) return nullptr;
  const auto it = s.images.find(path);
  return it == s.images.end() ? nullptr : it->second;
}

// A text composed ragged-right at one width: its lines, size and leading.
struct Block {
  std::vector<text::Line> lines;
  Pt size = 0, leading = 0;
  [[nodiscard]] Pt height() const {  // cap height of the first line to the last baseline
    return lines.empty() ? 0 : size * kCapHeight + (static_cast<double>(lines.size()) - 1) * leading;
  }
};

Result<Block> compose_block(const Scene& s, const std::string& text, text::ParagraphStyle st, Pt width,
                            double leading, std::vector<std::string>& warnings) {
  st.align = text::Align::Left;
  st.hyphenate = false;
  auto para = compose_checked(s, {text::TextSpan{text}}, st, width, s.doc.meta.body_line, warnings);
  if (!para) return para.error();
  return Block{std::move(para->lines), st.size, st.size * leading};
}

// Draws `b` left-aligned at x, its first baseline at y, as one structure element of `type`.
void draw_block(Decoration& d, const Block& b, Pt x, Pt y, Cmyk color, StructType type) {
  const int element = local_element(d, type);
  for (const auto& line : b.lines) {
    d.runs.push_back(GlyphRun{x, y, b.size, color, line.glyphs, next_tag(d, element)});
    y -= b.leading;
  }
}

text::ParagraphStyle title_style(const Scene& s) {
  auto st = heading_style(s, 1, 10);
  st.size = s.t.title_size;
  return st;
}

std::string title_of(const Scene& s) {
  return s.doc.meta.title.empty() ? doc::untitled(s.lang) : s.doc.meta.title;
}

// A title is set as balanced lines broken between words (CSS text-wrap: balance); a word wider
// than the measure is split between letters: "Thromboembolism:" at 24 pt in a tri-fold's 75-mm
// panel printed `Thromboembolis- | m: What You`. A typographer sets such a title smaller until
// its longest word fits, here a point at a time down to kMinTitleShare of the layout's size;
// a word that fits at none is split as before. So is a title whose balanced lines leave a short
// word or one character alone on a line, where a smaller size avoids it: a tri-fold's 24 pt
// printed `Getting ready for | your colonoscopy: | bowel | preparation | instructions`.
constexpr double kMinTitleShare = 0.7;
// A word alone on a title's line is a fragment when it fills less than this share of the measure
// ("bowel"); a long one ("instructions", "Thromboembolism:") fills its line and reads whole.
constexpr double kLoneWordShare = 0.6;
// A title may be set this much smaller, at most, so that no line ends on a word that leads into
// the next ("Caring for | Your Knees"; a lone word is worth kMinTitleShare), and stays this much
// larger than the largest heading.
constexpr double kLeadWordTitleShare = 0.75;
// A title broken after its colon by compose_title: no line but its last narrower than this share.
constexpr double kShortTitleLineShare = 0.5;
constexpr double kTitleOverHeading = 1.05;

// Does the line hold one short word (no space inside it), or one Chinese or Japanese character?
bool lone_word(const text::Line& line, Pt width) {
  std::string t = line.text();
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (t.empty() || t.find(' ') != std::string::npos) return false;
  std::size_t characters = 0;
  bool wide = false;
  for (std::size_t pos = 0; pos < t.size(); ++characters) wide = next_code_point(t, pos) >= 0x2E80 || wide;
  return wide ? characters <= 1 : line.width < kLoneWordShare * width;
}

// How a title's lines end, best first when compared: fewer on a leading word, its colon kept at
// a line's end, more at a phrase mark, fewer lines.
struct TitleBreaks {
  std::size_t dangling = 0;
  // A colon parts a title from its subtitle. Where the words before it take more than one line,
  // the colon ends the last of them, or the title reads across its own seam: a tri-fold's cover
  // set `中風後的居家 | 復健：給病人 | 與照顧者的指引` at 24 pt, where at 20 pt it reads
  // `中風後的居家復健：| 給病人與 | 照顧者的指引`.
  bool colon_parted = false;
  std::ptrdiff_t phrase_ends = 0;  // negated: more compares less
  std::size_t lines = 0;
  auto operator<=>(const TitleBreaks&) const = default;
};

// The code point at byte `at` of `line` (0 at its end).
char32_t code_point_at(std::string_view line, std::size_t at) {
  return at < line.size() ? next_code_point(line, at) : 0;
}
bool digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}

// Where the title's first colon stands in `line`: npos when none. Not a time's ("10:30",
// "8：30": between digits); a half-width one before a space or the end, or after a Chinese or
// Japanese character ("復健:給病人"), not inside a word ("clinic:warfarin").
std::size_t title_colon(std::string_view line) {
  for (std::size_t at = 0; at < line.size(); ++at) {
    const bool wide = line.substr(at).starts_with("：");
    if (!wide && line[at] != ':') continue;
    const std::size_t end = at + (wide ? std::string_view("：").size() : 1);
    const char32_t before = code_point_before(line, at).first;
    if (digit(before) && digit(code_point_at(line, end))) continue;
    if (wide || end == line.size() || line[end] == ' ' || before >= 0x2E80) return at;
  }
  return std::string_view::npos;
}

// Where the colon that title_colon found at `colon` ends.
std::size_t colon_end(std::string_view line, std::size_t colon) {
  return colon + (line[colon] == ':' ? 1 : std::string_view("：").size());
}

// The title with a line break after its first colon (and the space after it), for a title not
// broken by hand; empty when it has no colon or already has a line break.
std::string broken_at_colon(const std::string& title) {
  if (title.find('\n') != std::string::npos) return "";
  const std::size_t colon = title_colon(title);
  if (colon == std::string::npos) return "";
  const std::size_t end = colon_end(title, colon);
  if (end >= title.size()) return "";
  const std::size_t rest = title.find_first_not_of(' ', end);
  if (rest == std::string::npos) return "";
  return title.substr(0, end) + "\n" + title.substr(rest);
}

TitleBreaks title_breaks(const std::vector<text::Line>& lines) {
  TitleBreaks out;
  out.lines = lines.size();
  bool colon_seen = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t = lines[i].text();
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (const std::size_t colon = title_colon(t); !colon_seen && colon != std::string::npos) {
      colon_seen = true;
      out.colon_parted = i > 0 && colon_end(t, colon) < t.size();
    }
    if (i + 1 == lines.size()) break;
    out.dangling += lines[i].ends_leading_on();
    for (const std::string_view mark :
         {":", ",", ";", "—", "–", "?", "!", "：", "，", "、", "；", "？", "！"})
      if (t.ends_with(mark)) --out.phrase_ends;
  }
  return out;
}

// The lines' text, trailing spaces dropped.
std::vector<std::string> texts_of(const std::vector<text::Line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    std::string t = l.text();
    while (!t.empty() && t.back() == ' ') t.pop_back();
    out.push_back(std::move(t));
  }
  return out;
}

Result<Block> compose_title_sized(const Scene& s, Pt width, std::vector<std::string>& warnings);

// A title set smaller so that its colon ends a line is set at the largest size, up to its own,
// that breaks it into the same lines when told to break after the colon: balanced freely, a
// Z-fold's title ran "…正しく | 測るために：毎日の | …" at 24 pt, and was set at 20 pt as
// "家庭で血圧を正しく | 測るために： | 毎日の測定と | 記録のしかた", which 24 pt sets too (a code
// review). A title whose colon no size ends a line at is broken there, where that reads well.
Result<Block> compose_title(const Scene& s, Pt width, std::vector<std::string>& warnings) {
  std::vector<std::string> said;
  auto title = compose_title_sized(s, width, said);
  if (!title) return title;
  const std::string whole_title = title_of(s);
  const std::string forced = broken_at_colon(whole_title);
  // Where no size ends a line at the colon, the title broken there at the size found, if that
  // splits no word and leaves none alone or dangling: "家庭で血圧を正しく | 測るために： | 毎日の
  // 測定と | 記録のしかた" in a US tri-fold, not "…| 測るために：毎日の | 測定と記録のしかた".
  // Chinese and Japanese titles only, whose colon parts title from subtitle as a rule: an
  // English one broken there took a line more and parted a term ("Caring for a person | with a
  // urinary | catheter at home: | …", a code review).
  const std::size_t colon = title_colon(whole_title);
  const bool cjk_colon = colon != std::string::npos &&
                         (whole_title[colon] != ':' || code_point_before(whole_title, colon).first >= 0x2E80);
  const bool parted = cjk_colon && title_breaks(title->lines).colon_parted;
  // Broken there, no line but the last under half the measure: "Your hospital appointment: | a
  // guide | for Chinese-speaking…" read worse than the colon inside a line.
  const auto whole = [&](const Block& b) {
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
      const text::Line& l = b.lines[i];
      if (l.hyphenated || l.overfull || (b.lines.size() > 1 && lone_word(l, width)) ||
          (i + 1 < b.lines.size() && l.width < kShortTitleLineShare * width))
        return false;
    }
    return title_breaks(b.lines).dangling == 0;
  };
  if (!forced.empty() && (parted || title->size < title_style(s).size - 0.5)) {
    const auto wanted = texts_of(title->lines);
    text::ParagraphStyle st = title_style(s);
    for (; st.size > title->size - 0.5; st.size -= 1) {
      std::vector<std::string> said_there;
      auto larger = compose_block(s, forced, st, width, kTitleLeading, said_there);
      if (!larger) return larger;
      if (whole(*larger) && (parted || texts_of(larger->lines) == wanted)) {
        warnings.insert(warnings.end(), said_there.begin(), said_there.end());
        return larger;
      }
    }
  }
  warnings.insert(warnings.end(), said.begin(), said.end());
  return title;
}

Result<Block> compose_title_sized(const Scene& s, Pt width, std::vector<std::string>& warnings) {
  text::ParagraphStyle st = title_style(s);
  const Pt least = st.size * kMinTitleShare;
  // The sections' headings (##) as large as they are set: at the layout's largest body size.
  const Pt largest_heading = heading_style(s, 2, s.t.body_size).size;
  const Pt least_dangling = std::max(st.size * kLeadWordTitleShare, largest_heading * kTitleOverHeading);
  // The largest size that splits no word, and the best that also leaves no word alone (below);
  // each with the warnings of its size only.
  static_assert(kLeadWordTitleShare >= kMinTitleShare);
  std::optional<std::pair<Block, std::vector<std::string>>> whole, no_lone, clean;
  TitleBreaks no_lone_breaks;
  for (;;) {
    std::vector<std::string> said;
    auto title = compose_block(s, title_of(s), st, width, kTitleLeading, said);
    if (!title) return title;
    const bool split = std::any_of(title->lines.begin(), title->lines.end(),
                                   [](const text::Line& l) { return l.hyphenated || l.overfull; });
    const bool lone =
        title->lines.size() > 1 && std::any_of(title->lines.begin(), title->lines.end(),
                                               [&](const text::Line& l) { return lone_word(l, width); });
    // A line that ends on "in", "and", "for", "the"… reads as cut off, at a title's size most of
    // all: "Eating Well in | Pregnancy: Vitamins, | Supplements and | Foods to Avoid" at 21 pt, where
    // at 19 pt it reads "Eating Well in Pregnancy: | Vitamins, Supplements | and Foods to Avoid".
    const TitleBreaks breaks = title_breaks(title->lines);
    const bool dangling = breaks.dangling > 0;
    if (!split && !whole) whole.emplace(*title, said);
    // Of the sizes that leave no word alone, the one with the fewest lines ending on a leading
    // word, then the most that end at a colon or a comma, then the fewest lines, then the largest:
    // where every size leaves one such line, a title in two lines reads as one phrase ("Preparing
    // for your | hip replacement" at 23 pt, not "Preparing for | your hip | replacement" at 24, in
    // a US tri-fold's panel), but not at the price of its colon ("After your | cataract operation: |
    // caring for your eye…", not "…operation: caring | for your eye during…").
    if (!split && !lone && (!no_lone || breaks < no_lone_breaks)) {
      no_lone.emplace(*title, said);
      no_lone_breaks = breaks;
    }
    if (!split && !lone && !dangling && !breaks.colon_parted) {
      warnings.insert(warnings.end(), said.begin(), said.end());
      return title;
    }
    if (!split && !lone && !dangling && !clean) clean.emplace(*title, said);
    // A dangling word or a parted colon is worth a title kLeadWordTitleShare of its size, no
    // less, and still larger than the headings. Past that, of the sizes that leave no word alone,
    // the best (above); but where no size keeps the colon at a line's end either, the largest
    // that was clean but for it: a smaller size would only save a line.
    if (st.size - 1 < least_dangling && no_lone) {
      const auto& [block, said_there] = clean && no_lone_breaks.colon_parted ? *clean : *no_lone;
      warnings.insert(warnings.end(), said_there.begin(), said_there.end());
      return block;
    }
    // No size avoids a lone word (least_dangling >= least, so no_lone is empty here): the largest
    // that splits none.
    if (st.size - 1 < least) {
      if (!whole) {
        warnings.insert(warnings.end(), said.begin(), said.end());
        return title;
      }
      warnings.insert(warnings.end(), whole->second.begin(), whole->second.end());
      return whole->first;
    }
    st.size -= 1;
  }
}

text::ParagraphStyle subtitle_style(const Scene& s) {
  auto st = heading_style(s, 2, 10);
  st.bold = false;
  st.size = s.t.subtitle_size;
  return st;
}

// The cover names the clinic (or author) at its foot, unless the title or subtitle already does.
std::string foot_name(const Scene& s) {
  const std::string name = s.doc.meta.clinic.name.empty() ? s.doc.meta.author : s.doc.meta.clinic.name;
  // On one line: a title broken by hand may break inside the name ("…at Riverside | Family Practice").
  if (name.empty() || doc::one_line(s.doc.meta.title).find(name) != std::string::npos ||
      doc::one_line(s.doc.meta.subtitle).find(name) != std::string::npos)
    return "";
  return name;
}

// Where backgrounds go across a panel: out to the bleed where the panel meets the trim, to the fold
// elsewhere.
std::pair<Pt, Pt> background_span(const Template& t, const Page& page, const Panel& panel) {
  const Pt left = page.trim.x0 + panel.x, right = left + panel.width;
  const Pt x0 = panel.x < 0.01 ? page.bleed.x0 : left;
  const Pt x1 = std::abs(panel.x + panel.width - t.sheet_width) < 0.01 ? page.bleed.x1 : right;
  return {x0, x1};
}

// The foot of a panel cover: the logo at the text block's left, the clinic's name beside it
// (or alone), standing on the foot margin. Returns the top of what it drew.
Result<Pt> cover_foot(const Scene& s, Decoration& d, Pt x, Pt width, Pt foot,
                      std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const auto logo = raster_of(s, s.doc.meta.clinic.logo);
  const std::string name = foot_name(s);
  Pt top = foot;
  Pt text_x = x;
  if (logo && logo->width > 0 && logo->height > 0) {
    const Pt h = std::min(kLogoHeight, width / 3 * logo->height / logo->width);
    const Pt w = h * logo->width / logo->height;
    const int figure = local_element(d, StructType::Figure);
    d.structure.elements[static_cast<std::size_t>(figure)].alt =
        s.doc.meta.clinic.name.empty() ? "Logo" : s.doc.meta.clinic.name + " logo";
    d.images.push_back(Image{Rect{x, foot, x + w, foot + h}, logo, next_tag(d, figure)});
    top = foot + h;
    text_x = x + w + mm(3);
  }
  if (!name.empty()) {
    auto st = heading_style(s, 3, 10);
    st.size = std::clamp(t.layout_size_min, 8.0, 11.0);
    auto b = compose_block(s, name, st, x + width - text_x, 1.25, warnings);
    if (!b) return b.error();
    // Beside a logo: centred on it; alone: on the foot margin.
    const Pt h = b->height();
    const Pt last = top > foot ? foot + (top - foot - h) / 2 : foot;
    draw_block(d, *b, text_x, last + (static_cast<double>(b->lines.size()) - 1) * b->leading, t.accent,
               StructType::P);
    top = std::max(top, last + h);
  }
  return top;
}

Result<Decoration> panel_cover(const Scene& s, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const Page page = blank_page(t);
  const Panel* panel = find_panel(t, t.cover_panel);
  const auto [x0, x1] = background_span(t, page, *panel);
  const BlockSpan block = text_block(t, *panel, column_width(t, t.layout_size_min, false));
  const Pt bx = page.trim.x0 + block.x0, width = block.x1 - block.x0;
  Decoration d;
  d.block_x0 = bx, d.block_x1 = bx + width;
  const Pt margin_top = std::max(t.margin_top, t.safe_margin);
  const Pt margin_bottom = std::max(t.margin_bottom, t.safe_margin);

  auto title = compose_title(s, width, warnings);
  if (!title) return title.error();
  const Pt pad = std::max(title->size * 0.6, mm(6));  // the band's room around the title

  // The band: under a picture, a strip as tall as the title needs; without one, from the top
  // of the bleed down to a top-third line. The title stands in it in white, on its foot.
  Pt band_top = page.bleed.y1, band_bottom = page.trim.y1 - page.trim.height() * kBandShare;
  if (const auto raster = raster_of(s, s.doc.meta.cover_image)) {
    d.images.push_back(fit_image(
        raster, Rect{x0, page.trim.y1 - page.trim.height() * t.cover_image_share, x1, page.bleed.y1}));
    band_top = d.images.back().rect.y0;
    band_bottom = band_top - title->height() - 2 * pad;
  }
  band_bottom = std::min(band_bottom, page.trim.y1 - margin_top - title->height() - pad);
  d.fills.push_back(Fill{Rect{x0, band_bottom, x1, band_top}, t.accent});
  const Pt last_title = band_bottom + pad;
  draw_block(d, *title, bx, last_title + (static_cast<double>(title->lines.size()) - 1) * title->leading,
             kWhite, StructType::H1);
  Pt y = band_bottom;  // the foot of what is drawn so far
  if (!s.doc.meta.subtitle.empty()) {
    auto sub = compose_block(s, s.doc.meta.subtitle, subtitle_style(s), width, kSubtitleLeading, warnings);
    if (!sub) return sub.error();
    const Pt first = band_bottom - pad * 0.6 - t.subtitle_size * kCapHeight;
    draw_block(d, *sub, bx, first, t.accent, StructType::P);
    y = first - (static_cast<double>(sub->lines.size()) - 1) * sub->leading - t.subtitle_size * 0.3;
  }
  auto foot = cover_foot(s, d, bx, width, page.trim.y0 + margin_bottom, warnings);
  if (!foot) return foot.error();
  if (y - t.subtitle_size < *foot)
    return Error{s.doc.path, 1, "the title and subtitle are too long for the cover",
                 "shorten them, or set a smaller title size, e.g. --set title.size=18pt"};
  return d;
}

Result<Decoration> header_cover(const Scene& s, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const Page page = blank_page(t);
  const Panel* panel = find_panel(t, t.cover_panel);
  const auto [x0, x1] = background_span(t, page, *panel);
  const BlockSpan block = text_block(t, *panel, column_width(t, t.layout_size_min, false));
  const Pt bx = page.trim.x0 + block.x0, width = block.x1 - block.x0;
  Decoration d;
  d.block_x0 = bx, d.block_x1 = bx + width;
  const Pt top = page.trim.y1 - std::max(t.margin_top, t.safe_margin);
  const auto raster = raster_of(s, s.doc.meta.cover_image);
  const Pt image_width = raster ? width * kHeaderImageShare : 0;
  const Pt title_width = width - (raster ? image_width + t.gutter : 0);

  // The band runs off the top of the sheet and holds the title in white, from the top margin down.
  auto title = compose_title(s, title_width, warnings);
  if (!title) return title.error();
  const Pt pad = std::max(title->size * 0.5, mm(5));
  const Pt first = top - title->size * kCapHeight;
  Pt band_bottom = first - (static_cast<double>(title->lines.size()) - 1) * title->leading - pad;
  if (raster) {
    // Beside the title, right-aligned with the text block, inside the band.
    const Pt height = std::clamp(top - band_bottom, mm(20), page.trim.height() / 6);
    d.images.push_back(fit_image(raster, Rect{bx + width - image_width, top - height, bx + width, top}));
    band_bottom = std::min(band_bottom, d.images.back().rect.y0 - pad / 2);
  }
  d.fills.push_back(Fill{Rect{x0, band_bottom, x1, page.bleed.y1}, t.accent});
  draw_block(d, *title, bx, first, kWhite, StructType::H1);
  Pt bottom = band_bottom;
  if (!s.doc.meta.subtitle.empty()) {
    auto sub = compose_block(s, s.doc.meta.subtitle, subtitle_style(s), width, kSubtitleLeading, warnings);
    if (!sub) return sub.error();
    const Pt sub_first = band_bottom - pad * 0.7 - t.subtitle_size * kCapHeight;
    draw_block(d, *sub, bx, sub_first, t.accent, StructType::P);
    bottom = sub_first - (static_cast<double>(sub->lines.size()) - 1) * sub->leading - t.subtitle_size * 0.3;
  }
  d.reserved = top - bottom + mm(4);
  if (d.reserved > page.trim.height() / 2)
    return Error{s.doc.path, 1, "the title and subtitle take more than half the page",
                 "shorten them, or set a smaller title size, e.g. --set title.size=18pt"};
  return d;
}

}  // namespace

Result<Decoration> set_cover(const Scene& s, std::vector<std::string>& warnings) {
  return s.t.cover_style == CoverStyle::Header ? header_cover(s, warnings) : panel_cover(s, warnings);
}

}  // namespace leafpress::layout
