#include "layout/back_panel.hpp"

#include <algorithm>
#include <string_view>

#include "core/utf8.hpp"
#include "doc/document.hpp"
#include "layout/clinic_qr.hpp"
#include "layout/structure.hpp"
#include "text/break_opportunities.hpp"

namespace leafpress::layout {
namespace {

constexpr Pt kLogoHeight = mm(14);  // the largest a logo is drawn
constexpr Pt kGap = mm(4);          // between the body and the rule above the block
constexpr double kLeading = 1.35;   // of the block's size
constexpr double kFieldGap = 0.4;   // between the name and address and the ways to reach the clinic, in lines
constexpr double kMinWhoEms = 12;   // a footer's name-and-address column narrows to this at least (ems)

struct Line {
  text::Line line;
  Pt size = 0;
  Cmyk color;
  int element = kArtifact;  // its P in the block's Sect (structure.hpp)
  Pt gap_before = 0;        // extra room above it (a new group of fields)
};

// The author's line under the clinic's name `name` (above the `address`): the author on one line,
// less the name where it starts or ends with it as a whole word ("Maple Grove Pediatrics
// Respiratory Team" under "Maple Grove Pediatrics": "Respiratory Team"; "和平里社区卫生服务中心
// 慢病管理科": "慢病管理科"; not "Northfield Surgery's nursing team"); nothing where what is left is
// punctuation, or the name or the address already says it (as whole words).
std::string author_line(const std::string& author_text, const std::string& name, const std::string& address) {
  const std::string author = doc::one_line(author_text);
  // Marks that part a name from the rest: spaces, commas, dashes, colons, bars, brackets, the middle
  // dots and the ideographic space and comma.
  const auto separator = [](std::string_view v, bool front) -> std::size_t {
    for (const std::string_view mark : {" ", ",", ";", ":", ".", "|", "/", "(", ")", "-", "\u2013", "\u2014",
                                        "\u00B7", "\u30FB", "\u3000", "\u3001", "\uFF0C", "\uFF1A"})
      if (front ? v.starts_with(mark) : v.ends_with(mark)) return mark.size();
    return 0;
  };
  // `part` in `text` as whole words: at its ends a separator, or a wide character (CJK has no spaces).
  const auto says = [&](std::string_view text, std::string_view part) {
    if (part.empty()) return false;
    std::size_t first = 0;
    const bool wide_start = text::is_wide(next_code_point(part, first));
    const bool wide_end = text::is_wide(code_point_before(part, part.size()).first);
    for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) {
      const std::string_view before = text.substr(0, at), after = text.substr(at + part.size());
      const bool starts = wide_start || before.empty() || separator(before, false) > 0;
      const bool ends = wide_end || after.empty() || separator(after, true) > 0;
      if (starts && ends) return true;
    }
    return false;
  };
  if (author.empty() || says(name, author) || says(address, author)) return "";
  std::string_view rest = author;
  if (!name.empty() && rest.starts_with(name) && says(rest.substr(0, name.size() + 1), name)) {
    rest.remove_prefix(name.size());
    while (const std::size_t n = separator(rest, true)) rest.remove_prefix(n);
  } else if (!name.empty() && rest.ends_with(name) && says(rest, name)) {
    rest.remove_suffix(name.size());
    while (const std::size_t n = separator(rest, false)) rest.remove_suffix(n);
    // "Respiratory Team at": what is left leads into the name; the author whole reads better.
    for (const std::string_view lead : {" at", " of", " for", " in", " from", " the"})
      if (rest.ends_with(lead)) rest = author;
  } else {
    // The hospital both name, before a space: "仁康醫院 腎臟科暨營養室" under "仁康醫院 血液透析中心"
    // prints "腎臟科暨營養室"; "Anticoagulation Service, Harbourside Community Hospital" under
    // "Harbourside Community Hospital — Anticoagulation Clinic" prints "Anticoagulation Service".
    std::size_t common = 0;
    while (common < rest.size() && common < name.size() && rest[common] == name[common]) ++common;
    const std::size_t space = rest.substr(0, common).rfind(' ');
    if (space != std::string_view::npos && space > 0 && common < name.size()) {
      rest.remove_prefix(space);
      while (const std::size_t n = separator(rest, true)) rest.remove_prefix(n);
    } else {
      for (std::size_t cut = name.size(); cut > 0; --cut) {  // the longest of the name's first words
        if (name[cut - 1] == ' ' || cut == name.size()) continue;
        if (cut < name.size() && separator(name.substr(cut), true) == 0) continue;
        const std::string_view head = std::string_view(name).substr(0, cut);
        if (head.find(' ') == std::string_view::npos) break;  // one word: too little to go by
        if (rest.ends_with(head) && rest.size() > head.size() &&
            separator(rest.substr(0, rest.size() - head.size()), false)) {
          rest.remove_suffix(head.size());
          while (const std::size_t n = separator(rest, false)) rest.remove_suffix(n);
          break;
        }
      }
    }
  }
  while (const std::size_t n = separator(rest, false)) rest.remove_suffix(n);  // "Pediatrics." alone
  if (says(address, rest)) return "";  // "St Aldhelm's Hospital", the address's first words
  return std::string(rest);
}

// Fields of the clinic set as left-aligned lines `width` wide, each field a P of `sect`.
struct Lines {
  const Scene& s;
  Decoration& d;
  int sect;
  Pt width;
  std::vector<std::string>& warnings;
  std::vector<Line> out{};

  Status add(const std::string& text, text::ParagraphStyle st, Cmyk color, bool url, Pt gap_before = 0) {
    if (text.empty()) return Ok{};
    st.align = text::Align::Left;
    st.hyphenate = false;
    auto para = compose_checked(s, {text::TextSpan{text, false, false, false, url}}, st, width,
                                s.doc.meta.body_line, warnings);
    if (!para) return para.error();
    const int element = local_element(d, StructType::P, sect);
    for (auto& l : para->lines) {
      out.push_back(Line{std::move(l), st.size, color, element, out.empty() ? 0 : gap_before});
      gap_before = 0;
    }
    return Ok{};
  }
  [[nodiscard]] Pt height() const {
    Pt h = 0;
    for (const auto& l : out) h += l.size * kLeading + l.gap_before;
    return h;
  }
};

// A footer column's fields (text, style, a url's link style), and how they set at a width: the
// height Lines gives them, and whether a word of theirs no longer fits whole (a line wider than
// the column, or one ending inside a word: "Llanfairpwllgwyngyllgoger- | ychwyrndrobwll").
struct Field {
  const std::string* text;
  text::ParagraphStyle st;
  bool url = false;
};
struct ColumnFit {
  Pt height = 0;
  bool parts_word = false;
};

Result<ColumnFit> column_fit(const Scene& s, const std::vector<Field>& fields, Pt width) {
  ColumnFit out;
  std::vector<std::string> unused;
  for (Field f : fields) {
    if (f.text->empty()) continue;
    f.st.align = text::Align::Left;
    f.st.hyphenate = false;
    auto para = compose_checked(s, {text::TextSpan{*f.text, false, false, false, f.url}}, f.st, width,
                                s.doc.meta.body_line, unused);
    if (!para) return para.error();
    for (const auto& l : para->lines) {
      out.height += f.st.size * kLeading;
      out.parts_word = out.parts_word || l.width > width + 0.01 || l.hyphenated || l.ends_in_word;
    }
  }
  return out;
}

// The widest of `fields` set on one line each in `st` (a url's in its link style: `url`).
Result<Pt> widest(const Scene& s, const std::vector<std::pair<const std::string*, bool>>& fields,
                  text::ParagraphStyle st) {
  st.align = text::Align::Left;
  st.hyphenate = false;
  Pt out = 0;
  for (const auto& [text, url] : fields) {
    if (text->empty()) continue;
    auto w = text::measure({text::TextSpan{*text, false, false, false, url}}, st, s.fonts);
    if (!w) return w.error();
    out = std::max(out, w->max);
  }
  return out;
}

// Draws `lines` left-aligned at x so that the last baseline stands on `foot`.
void draw_lines(Decoration& d, const std::vector<Line>& lines, Pt x, Pt foot) {
  Pt h = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) h += lines[i].size * kLeading + lines[i].gap_before;
  Pt y = foot + h;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) y -= lines[i].size * kLeading + lines[i].gap_before;
    d.runs.push_back(
        GlyphRun{x, y, lines[i].size, lines[i].color, lines[i].line.glyphs, next_tag(d, lines[i].element)});
  }
}

}  // namespace

Result<Decoration> set_clinic(const Scene& s, bool footer, std::vector<std::string>& warnings) {
  const Template& t = s.t;
  const doc::Clinic& c = s.doc.meta.clinic;
  Decoration d;
  std::shared_ptr<const doc::Raster> logo;
  if (!c.logo.empty())
    if (const auto it = s.images.find(c.logo); it != s.images.end()) logo = it->second;
  // Without a clinic, the author (or else the title) signs the back: a back cover is never blank.
  const std::string name = !c.name.empty()              ? c.name
                           : !s.doc.meta.author.empty() ? s.doc.meta.author
                                                        : doc::one_line(s.doc.meta.title);
  if (name.empty() && c.address.empty() && c.phone.empty() && c.url.empty() && c.hours.empty() &&
      c.email.empty() && !logo)
    return d;

  const Page page = blank_page(t);
  // Aligned with the body's text block on the panel it shares (the page's, for a footer).
  const Panel* panel = footer || t.booklet ? &t.sides.front().panels.front() : find_panel(t, t.back_panel);
  const BlockSpan block = text_block(t, *panel, column_width(t, t.layout_size_min, false));
  const Pt x = page.trim.x0 + block.x0, width = block.x1 - block.x0;
  d.block_x0 = x, d.block_x1 = x + width;
  // Two columns side by side in a footer across two text columns; else one.
  const bool two = footer && panel->columns >= 2;
  const Pt column = two ? (width - t.gutter) / 2 : width;

  const Pt size = std::clamp(t.layout_size_min, 8.0, 10.0);
  // The clinic block is a Sect of its own, read last (structure.hpp); each field a P.
  const int sect = local_element(d, StructType::Sect);
  const int figure =
      logo ? local_element(d, StructType::Figure, sect) : kArtifact;  // drawn on top: read first
  if (logo)
    d.structure.elements[static_cast<std::size_t>(figure)].alt = c.name.empty() ? "Logo" : c.name + " logo";
  auto name_style = heading_style(s, 3, 10);
  name_style.size = size * 1.15;
  auto info = heading_style(s, 3, 10);
  info.bold = false;
  info.size = size;
  // The url's QR code: at the right end of a footer, beside its columns (the ways-to-reach
  // column narrows for it); in a panel on the row above the lines, right of the logo.
  auto qr = clinic_qr_width(s, column / 2);
  if (!qr) return qr.error();
  const Pt qr_width = *qr;

  // The ways to reach the clinic stand under the second text column, left of the code. Where an
  // e-mail address or a url is too long for that and the first column's lines leave room, the
  // column starts further left, so that the address stays on one line: parted
  // ("antenatal@harbourside- | midwives.example.nhs.uk" in a reviewer's handout footer beside
  // a short address), it is copied wrong. A long postal address wraps to make that room, down to
  // the clinic name's width (a reviewer's "https://www.sakura- | kids.example.jp/allergy" beside
  // an address of two full lines): a street address reads as well in three lines, a url parted
  // does not.
  // Only where that makes the block no taller and parts no word of the address: a block that
  // grew by three lines for one url made an article overflow, and a one-word place name broke
  // (a code review).
  const std::string author = author_line(s.doc.meta.author, name, c.address);
  Pt reach_x = x + column + t.gutter;
  Pt reach_width = two && qr_width > 0 ? column - qr_width - t.gutter / 2 : column;
  Pt who_column = column;
  if (two) {
    auto reach_w = widest(s, {{&c.email, false}, {&c.url, true}}, info);
    if (!reach_w) return reach_w.error();
    if (*reach_w > reach_width) {
      // The who column's widest line: the name's, the author's or the address's (the author's
      // left out, a team's name ran into the phone number beside it).
      auto name_w = widest(s, {{&name, false}}, name_style);
      auto address_w = widest(s, {{&author, false}, {&c.address, false}}, info);
      if (!name_w) return name_w.error();
      if (!address_w) return address_w.error();
      const Pt right = reach_x + reach_width;
      const Pt who_w = std::min(std::max(*name_w, *address_w), column);
      reach_x = std::min(reach_x, std::max(x + who_w + t.gutter, right - *reach_w));
      reach_width = right - reach_x;
      const Pt narrowed = right - *reach_w - t.gutter - x;
      if (reach_x > right - *reach_w + 0.01 && narrowed >= std::max(*name_w, kMinWhoEms * size) - 0.01) {
        const std::vector<Field> who_fields{{&name, name_style}, {&author, info}, {&c.address, info}};
        const std::vector<Field> reach_fields{
            {&c.phone, info}, {&c.hours, info}, {&c.email, info}, {&c.url, info, true}};
        auto who_now = column_fit(s, who_fields, who_column);
        auto reach_now = column_fit(s, reach_fields, reach_width);
        auto who_then = column_fit(s, who_fields, narrowed);
        auto reach_then = column_fit(s, reach_fields, *reach_w);
        for (const auto* r : {&who_now, &reach_now, &who_then, &reach_then})
          if (!*r) return r->error();
        if (!who_then->parts_word &&
            std::max(who_then->height, reach_then->height) <= std::max(who_now->height, reach_now->height) + 0.01) {
          who_column = narrowed;
          reach_x = right - *reach_w;
          reach_width = *reach_w;
        }
      }
    }
  }

  // Who and where (name, address), then how to reach it (phone, hours, e-mail, web).
  Lines who{s, d, sect, who_column, warnings};
  if (auto r = who.add(name, name_style, t.accent, false); !r) return r.error();
  // The front matter's author under the clinic's name: the team or department that wrote the
  // leaflet ("Anticoagulation Service", "산과·내분비 협진팀"), whom a patient asks for. Two
  // reviewers found it printed nowhere once a clinic was named.
  if (!author.empty())
    if (auto r = who.add(author, info, t.text_color, false); !r) return r.error();
  if (auto r = who.add(c.address, info, t.text_color, false); !r) return r.error();
  Lines reach{s, d, sect, reach_width, warnings};
  const Pt gap = two ? 0 : size * kLeading * kFieldGap;
  if (auto r = reach.add(c.phone, info, t.text_color, false, gap); !r) return r.error();
  if (auto r = reach.add(c.hours, info, t.text_color, false); !r) return r.error();
  if (auto r = reach.add(c.email, info, t.text_color, false); !r) return r.error();
  if (auto r = reach.add(c.url, info, t.text_color, true); !r) return r.error();
  // Read after the url it encodes.
  const int qr_figure = qr_width > 0 ? local_element(d, StructType::Figure, sect) : kArtifact;
  if (qr_width > 0) d.structure.elements[static_cast<std::size_t>(qr_figure)].alt = "QR code: " + c.url;

  // Set from the foot margin upward: the last baseline stands on it.
  const Pt foot = page.trim.y0 + std::max(t.margin_bottom, t.safe_margin) + size * 0.25;
  Pt logo_height = 0, logo_width = 0;
  if (logo) {
    logo_height = std::min(kLogoHeight, column / 2 * logo->height / logo->width);
    logo_width = logo_height * logo->width / logo->height;
  }
  Pt text_top = 0;  // the height of the text above the foot's baseline, plus a cap
  if (two) {
    text_top = std::max(who.height(), reach.height());
  } else {
    if (!reach.out.empty() && !who.out.empty()) reach.out.front().gap_before = gap;
    for (auto& l : reach.out) who.out.push_back(std::move(l));
    reach.out.clear();
    text_top = who.height();
  }
  const Pt cap = size * 0.75;  // the first line's cap height above its baseline, near enough
  Pt top = 0;
  if (two) {
    // The code's top level with the first line's cap, its foot on or below the foot line.
    const Pt row = std::max(text_top + cap, qr_width);
    top = foot + row + (logo ? logo_height + size * 0.6 : 0) + size * 0.2;
    if (qr_width > 0)
      if (auto r = add_clinic_qr(s, d, x + width, QrEdge::Right, foot - size * 0.25 + row, qr_width,
                                 next_tag(d, qr_figure));
          !r)
        return r.error();
    if (logo) {
      const Pt ly = foot + row + size * 0.6;
      d.images.push_back(Image{Rect{x, ly, x + logo_width, ly + logo_height}, logo, next_tag(d, figure)});
    }
  } else {
    const Pt row = std::max(logo_height, qr_width);
    const Pt ly = foot + text_top + size * 0.6;  // the row's foot
    top = (logo || qr_width > 0) ? ly + row + size * 0.2 : foot + text_top + size * 0.2;
    if (logo)
      d.images.push_back(Image{Rect{x, ly, x + logo_width, ly + logo_height}, logo, next_tag(d, figure)});
    if (qr_width > 0)
      if (auto r = add_clinic_qr(s, d, logo ? x + width : x, logo ? QrEdge::Right : QrEdge::Left, ly + row,
                                 qr_width, next_tag(d, qr_figure));
          !r)
        return r.error();
  }
  // Both columns end on the foot line.
  draw_lines(d, who.out, x, foot);
  if (two) draw_lines(d, reach.out, reach_x, foot);
  d.rules.push_back(Rule{x, top, x + width, top, 0.5, t.accent});
  d.reserved = top - (page.trim.y0 + std::max(t.margin_bottom, t.safe_margin)) + kGap;
  if (d.reserved > page.trim.height() / 2)
    return Error{s.doc.path, 1, "the clinic block is taller than half the panel",
                 "shorten the clinic's address, or leave out the logo"};
  return d;
}

}  // namespace leafpress::layout
