#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.hpp"
#include "layout/marks.hpp"
#include "layout/panel_flow.hpp"

namespace leafpress::layout {
namespace {

constexpr double kListIndentEm = 1.2;   // hanging indent per list level
constexpr double kQuoteIndentEm = 1.0;  // block quotes, each side
constexpr double kHeadingLeading = 1.2;
constexpr Pt kMediaRoom = mm(3);  // beyond the marks

struct PanelRef {
  int page = 0;
  const Panel* panel = nullptr;
};

std::vector<text::TextSpan> to_text_spans(const doc::Block& block) {
  std::vector<text::TextSpan> out;
  for (const auto& s : block.spans)
    out.push_back(text::TextSpan{s.text, s.strong, s.emphasis, s.code, !s.link.empty() && s.link == s.text});
  return out;
}

// A block set in lines, waiting to be placed.
struct Collected {
  Element element;
  std::vector<text::Line> lines;
  Pt indent = 0;
  Pt size = 10;
  Cmyk color;
  std::optional<text::Line> marker;  // list bullet or number, hung left of the text
  Pt marker_x = 0;
  int source_line = 0;
  std::string section;  // the heading this block belongs to
  bool heading = false;
  std::string heading_text;
};

class Builder {
 public:
  Builder(const doc::Document& d, const Template& t, const text::FontSet& f) : doc_(d), t_(t), fonts_(f) {
    lang_ = d.meta.lang.empty() ? "en" : d.meta.lang;
  }

  Result<PageModel> run() {
    PageModel model;
    model.title = doc_.meta.title;
    model.subtitle = doc_.meta.subtitle;
    model.author = doc_.meta.clinic.name.empty() ? doc_.meta.author : doc_.meta.clinic.name;
    model.lang = lang_;
    model.keywords = doc_.meta.keywords;
    model.body_size = t_.body_size;
    make_pages(model);

    // The column: the narrowest flow panel less margins, in whole ems for CJK.
    Pt column = 1e9;
    std::vector<PanelRef> flow_panels;
    for (const auto& name : t_.flow) {
      const PanelRef ref = find_panel(name);
      flow_panels.push_back(ref);
      column = std::min(column, ref.panel->width - 2 * std::max(t_.margin_side, t_.safe_margin));
    }
    if (text::is_cjk_language(lang_)) column = std::floor(column / t_.body_size) * t_.body_size;
    column_ = column;

    if (auto s = collect(); !s) return s.error();
    std::vector<Frame> frames;
    for (const auto& ref : flow_panels) {
      const Page& page = model.pages[static_cast<std::size_t>(ref.page)];
      frames.push_back(Frame{ref.page, page.trim.x0 + ref.panel->x + (ref.panel->width - column) / 2,
                             page.trim.y1 - std::max(t_.margin_top, t_.safe_margin),
                             page.trim.y0 + std::max(t_.margin_bottom, t_.safe_margin)});
    }
    std::vector<Element> elements;
    for (const auto& c : collected_) elements.push_back(c.element);
    const FlowResult placed = flow(elements, frames);
    if (placed.overflow_element) {
      const Collected& c = collected_[*placed.overflow_element];
      return Error{
          doc_.path, c.source_line,
          "the article does not fit layout '" + t_.name + "': " + std::to_string(placed.lines_left) +
              " lines are left over after the last panel (" + t_.flow.back() + "), from section '" +
              c.section + "' on",
          "shorten the article or set a smaller body size, e.g. --set body.size=" +
              std::to_string(static_cast<int>(std::floor(t_.body_size * 0.9 * 4)) / 4.0).substr(0, 4) + "pt"};
    }
    for (std::size_t i = 0; i < collected_.size(); ++i)
      place(model, collected_[i], placed.placements[i], frames);
    if (auto s = cover(model); !s) return s.error();
    for (std::size_t s = 0; s < t_.sides.size(); ++s) {
      add_crop_marks(model.pages[s], t_.mark_offset, t_.mark_length);
      add_fold_marks(model.pages[s], t_.sides[s], t_.mark_offset, t_.mark_length);
    }
    model.warnings = warnings_;
    return model;
  }

 private:
  void make_pages(PageModel& model) const {
    const Pt room = t_.mark_offset + t_.mark_length + kMediaRoom;
    for (std::size_t s = 0; s < t_.sides.size(); ++s) {
      Page page;
      page.width = t_.sheet_width + 2 * room;
      page.height = t_.sheet_height + 2 * room;
      page.trim = Rect{room, room, room + t_.sheet_width, room + t_.sheet_height};
      page.bleed = Rect{room - t_.bleed, room - t_.bleed, room + t_.sheet_width + t_.bleed,
                        room + t_.sheet_height + t_.bleed};
      model.pages.push_back(page);
    }
  }

  PanelRef find_panel(const std::string& name) const {
    for (std::size_t s = 0; s < t_.sides.size(); ++s)
      for (const auto& p : t_.sides[s].panels)
        if (p.name == name) return PanelRef{static_cast<int>(s), &p};
    return {};  // load_template checked every name
  }

  text::ParagraphStyle body_style() const {
    text::ParagraphStyle st;
    st.size = t_.body_size;
    st.lang = lang_;
    st.fonts.latin = t_.serif.latin;
    st.fonts.cjk = t_.serif.cjk;
    st.strictness =
        t_.strict_line_breaks ? text::LineBreakStrictness::Strict : text::LineBreakStrictness::Normal;
    return st;
  }

  text::ParagraphStyle heading_style(int level) const {
    text::ParagraphStyle st = body_style();
    const std::size_t i =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(level, 1)) - 1, t_.heading_sizes.size() - 1);
    st.size = t_.heading_sizes[i] * t_.body_size / 10;  // headings scale with the body
    st.fonts.latin = t_.sans.latin;
    st.fonts.cjk = t_.sans.cjk;
    st.align = text::Align::Left;
    st.hyphenate = false;
    st.bold = true;
    return st;
  }

  Result<text::Paragraph> compose(const std::vector<text::TextSpan>& spans, const text::ParagraphStyle& st,
                                  Pt width, int line) {
    auto para = text::compose(spans, st, width, fonts_);
    if (!para) {
      Error e = para.error();
      // text::compose fails only on a font, and fonts are named by the layout.
      if (e.file.empty()) e.file = t_.path, e.line = 0;
      return e;
    }
    for (const char32_t cp : para->missing) {
      std::string ch;
      append_utf8(ch, cp);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      warnings_.push_back(doc_.path + ":" + std::to_string(line) + ": no font has '" + ch + "' (" + code +
                          "); it prints as a box");
    }
    for (const auto& l : para->lines)
      if (l.overfull)
        warnings_.push_back(doc_.path + ":" + std::to_string(line) + ": a line is wider than the column: '" +
                            l.text().substr(0, 40) + "'");
    return para;
  }

  Status collect() {
    std::string section = doc_.meta.title;
    bool title_skipped = false;
    for (const auto& block : doc_.blocks) {
      Collected c;
      c.source_line = block.line;
      const Pt body = t_.body_size;
      // Deep nesting indents no further than a third of the column: text must stay readable.
      const Pt quote = std::min(block.quote_depth * kQuoteIndentEm * body, column_ / 6);
      switch (block.kind) {
        case doc::BlockKind::Heading: {
          if (block.level == 1 && !title_skipped && block.plain_text() == doc_.meta.title) {
            title_skipped = true;  // shown on the cover
            continue;
          }
          const auto st = heading_style(block.level);
          auto para = compose(to_text_spans(block), st, column_ - quote, block.line);
          if (!para) return para.error();
          c.lines = std::move(para->lines);
          c.size = st.size;
          c.color = t_.accent;
          c.element.space_before = st.size * 0.9;
          c.element.space_after = st.size * 0.25;
          c.element.keep_with_next = true;
          for (std::size_t i = 0; i < c.lines.size(); ++i)
            c.element.lines.push_back(FlowLine{st.size * kHeadingLeading, st.size * 0.8});
          c.heading = true;
          c.heading_text = block.plain_text();
          section = c.heading_text;
          break;
        }
        case doc::BlockKind::ThematicBreak: {
          c.element.lines.push_back(FlowLine{body * t_.leading, body * 0.5});
          c.element.space_after = body * 0.5;
          c.size = body;
          break;
        }
        default: {
          auto st = body_style();
          Pt indent = quote;
          Pt right = quote;
          if (block.kind == doc::BlockKind::ListItem) {
            indent = std::min(indent + block.depth * kListIndentEm * body, column_ / 3);
            if (block.first_in_item) {
              // The marker hangs left of the text, ending a third of an em before it, whatever its width.
              const std::string mark = block.ordered ? std::to_string(block.number) + "." : "•";
              auto marker_style = st;
              marker_style.align = text::Align::Left;
              marker_style.hyphenate = false;
              auto m = compose({text::TextSpan{mark}}, marker_style, column_, block.line);
              if (!m) return m.error();
              if (!m->lines.empty()) {
                c.marker = m->lines.front();
                c.marker_x = indent - body / 3 - c.marker->width;
              }
            }
          }
          if (block.kind == doc::BlockKind::Code) st.align = text::Align::Left, st.hyphenate = false;
          auto para = compose(to_text_spans(block), st, column_ - indent - right, block.line);
          if (!para) return para.error();
          c.lines = std::move(para->lines);
          c.indent = indent;
          c.size = body;
          c.color = t_.text_color;
          c.element.space_after = body * t_.leading * 0.45;
          for (std::size_t i = 0; i < c.lines.size(); ++i)
            c.element.lines.push_back(FlowLine{body * t_.leading, body * 0.8});
          break;
        }
      }
      c.section = section;
      if (!c.element.lines.empty()) collected_.push_back(std::move(c));
    }
    return Ok{};
  }

  void place(PageModel& model, const Collected& c, const std::vector<Placement>& at,
             const std::vector<Frame>& frames) {
    for (std::size_t i = 0; i < at.size(); ++i) {
      const Frame& frame = frames[static_cast<std::size_t>(at[i].frame)];
      Page& page = model.pages[static_cast<std::size_t>(frame.page)];
      if (c.lines.empty()) {  // a thematic break: a short centred rule
        const Pt y = at[i].baseline + c.size * 0.3;
        page.rules.push_back(Rule{frame.x + column_ * 0.35, y, frame.x + column_ * 0.65, y, 0.6, t_.accent});
        continue;
      }
      page.runs.push_back(GlyphRun{frame.x + c.indent, at[i].baseline, c.size, c.color, c.lines[i].glyphs});
      add_emphasis_marks(page, c.lines[i], frame.x + c.indent, at[i].baseline, c.size, c.color);
      if (i == 0 && c.marker)
        page.runs.push_back(
            GlyphRun{frame.x + c.marker_x, at[i].baseline, c.size, c.color, c.marker->glyphs});
      if (i == 0 && c.heading)
        model.outline.push_back(Outline{c.heading_text, frame.page, at[i].baseline + c.size});
    }
  }

  // CLReq: a dot under each emphasised character (zh, ko); JLReq: a sesame dot above it (ja).
  void add_emphasis_marks(Page& page, const text::Line& line, Pt x, Pt baseline, Pt size, Cmyk color) const {
    const bool above = lang_.rfind("ja", 0) == 0;
    for (const auto& g : line.glyphs) {
      if (!g.emphasis_mark) continue;
      const Pt cx = x + g.x + g.advance / 2;
      const Pt cy = above ? baseline + size * 0.98 : baseline - size * 0.28;
      page.dots.push_back(Dot{cx, cy, size * 0.07, color});
    }
  }

  // Title and subtitle on the cover panel, under a band of the accent colour that bleeds off the top.
  Status cover(PageModel& model) {
    const PanelRef ref = find_panel(t_.cover_panel);
    Page& page = model.pages[static_cast<std::size_t>(ref.page)];
    const Pt left = page.trim.x0 + ref.panel->x, right = left + ref.panel->width;
    const bool at_right_edge = std::abs(ref.panel->x + ref.panel->width - t_.sheet_width) < 0.01;
    const bool at_left_edge = ref.panel->x < 0.01;
    page.fills.push_back(Fill{Rect{at_left_edge ? page.bleed.x0 : left, page.trim.y1 - mm(16),
                                   at_right_edge ? page.bleed.x1 : right, page.bleed.y1},
                              t_.accent});
    const Pt margin = std::max(t_.margin_side, t_.safe_margin);
    const Pt width = ref.panel->width - 2 * margin;
    Pt y = page.trim.y1 - page.trim.height() * 0.30;
    auto centred = [&](const std::string& s, text::ParagraphStyle st, Cmyk color, Pt leading) -> Status {
      st.align = text::Align::Center;
      st.hyphenate = false;
      auto para = compose({text::TextSpan{s}}, st, width, 1);
      if (!para) return para.error();
      for (const auto& line : para->lines) {
        y -= leading;
        page.runs.push_back(
            GlyphRun{left + margin + (width - line.width) / 2, y, st.size, color, line.glyphs});
      }
      return Ok{};
    };
    auto title_style = heading_style(1);
    title_style.size = t_.title_size;
    if (auto s = centred(model.title.empty() ? std::string("Untitled") : model.title, title_style, t_.accent,
                         t_.title_size * 1.25);
        !s)
      return s;
    y -= t_.subtitle_size * 0.8;
    if (!model.subtitle.empty()) {
      auto st = heading_style(2);
      st.bold = false;
      st.size = t_.subtitle_size;
      if (auto s = centred(model.subtitle, st, t_.text_color, t_.subtitle_size * 1.3); !s) return s;
    }
    // The title block must end above the author line (and inside the safe area).
    const Pt floor = page.trim.y0 + std::max(t_.margin_bottom, t_.safe_margin) + t_.body_size * 3;
    if (y - t_.subtitle_size < floor)
      return Error{doc_.path, 0, "the title and subtitle are too long for the cover",
                   "shorten them, or set a smaller title size, e.g. --set title.size=18pt"};
    if (!model.author.empty()) {
      auto st = heading_style(3);
      st.bold = false;
      st.size = t_.body_size;
      y = page.trim.y0 + std::max(t_.margin_bottom, t_.safe_margin) + t_.body_size * 1.3;
      if (auto s = centred(model.author, st, t_.text_color, t_.body_size * 1.3); !s) return s;
    }
    return Ok{};
  }

  const doc::Document& doc_;
  const Template& t_;
  const text::FontSet& fonts_;
  std::string lang_;
  Pt column_ = 0;
  std::vector<Collected> collected_;
  std::vector<std::string> warnings_;
};

}  // namespace

Result<PageModel> lay_out(const doc::Document& document, const Template& tmpl, const text::FontSet& fonts,
                          [[maybe_unused]] const LayoutOptions& options) {
  return Builder(document, tmpl, fonts).run();
}

}  // namespace leafpress::layout
