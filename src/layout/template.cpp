#include "layout/template.hpp"

#include <yaml-cpp/depthguard.h>  // YAML::DeepRecursion
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "core/atomic_file.hpp"
#include "core/hex_colors.hpp"
#include "core/yaml_limits.hpp"
#include "layout/color_value.hpp"

namespace leafpress::layout {
namespace {

constexpr std::size_t kMaxLayoutBytes = 256u << 10;

// Thrown inside this file only, to unwind out of nested reads; parse_template
// turns it into an Error.
struct LayoutError {
  int line;
  std::string message, hint;
};

int line_of(const YAML::Node& n) {
  return n.Mark().line + 1;
}

[[noreturn]] void fail_at(const YAML::Node& n, const std::string& message, const std::string& hint = "") {
  throw LayoutError{line_of(n), message, hint};
}

void only_keys(const YAML::Node& map, const std::string& where, const std::set<std::string>& allowed) {
  if (!map.IsMap()) fail_at(map, "'" + where + "' must be a map of keys");
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>();
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail_at(kv.first, "unknown key '" + (where.empty() ? key : where + "." + key) + "'",
              "known keys: " + list);
    }
  }
}

std::string text_of(const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) fail_at(n, "'" + key + "' must be a text value");
  return n.as<std::string>();
}

double number_of(const YAML::Node& n, const std::string& key) {
  const std::string s = text_of(n, key);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(v))
    fail_at(n, "'" + key + "' must be a number, not '" + s + "'");
  return v;
}

// "97mm", "3.6875in", "10pt", "12" (points).
Pt length_of(const YAML::Node& n, const std::string& key, bool allow_zero = false) {
  const std::string s = text_of(n, key);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  const std::string unit = end ? std::string(end) : "";
  double pt = 0;
  if (end == s.c_str() || !std::isfinite(v))
    fail_at(n, "'" + key + "' must be a length such as 97mm, 0.125in or 10pt, not '" + s + "'");
  if (unit == "mm")
    pt = mm(v);
  else if (unit == "cm")
    pt = mm(v * 10);
  else if (unit == "in")
    pt = inch(v);
  else if (unit == "pt" || unit.empty())
    pt = v;
  else
    fail_at(n, "'" + key + "' has an unknown unit '" + unit + "'", "use mm, cm, in or pt");
  if (pt < 0 || (!allow_zero && pt == 0))
    fail_at(n, "'" + key + "' must be " + (allow_zero ? "zero or more" : "more than zero"));
  if (pt > mm(2000)) fail_at(n, "'" + key + "' is larger than any sheet (" + s + ")");
  return pt;
}

// A colour in any form of color_value.hpp, or a YAML list of four CMYK percentages.
Cmyk color_of(const YAML::Node& n, const std::string& key) {
  if (n.IsSequence()) {
    if (n.size() != 4)
      fail_at(n, "'" + key + "' must be a colour; a list holds four CMYK percentages, e.g. [100, 45, 0, 10]",
              std::string("write ") + kColorForms);
    double v[4];
    for (std::size_t i = 0; i < 4; ++i) {
      v[i] = number_of(n[i], key);
      if (v[i] < 0 || v[i] > 100) fail_at(n[i], "'" + key + "' values are percentages from 0 to 100");
    }
    return Cmyk{v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100};
  }
  if (!n.IsScalar()) fail_at(n, "'" + key + "' must be a colour", std::string("write ") + kColorForms);
  auto color = parse_color(n.Scalar());
  if (!color) fail_at(n, "'" + key + "': " + color.error().message, color.error().hint);
  return *color;
}

// Type sizes: below 4 pt nothing is legible (heading.sizes=0.0001pt drew headings no one could
// see), above 72 pt a heading no longer fits a leaflet's panel.
constexpr Pt kMinTypeSize = 4, kMaxTypeSize = 72;
constexpr Pt kMaxEdge = mm(50);  // bleed, marks.offset, marks.length: far more than any print shop asks

std::string points_text(Pt v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpt", std::round(v * 1000) / 1000);
  return buf;
}

// A type size (a length) between `lo` and `hi`, or an error naming the key and the range.
Pt size_of(const YAML::Node& n, const std::string& key, Pt lo = kMinTypeSize, Pt hi = kMaxTypeSize) {
  const Pt v = length_of(n, key);
  if (v < lo - 1e-9 || v > hi + 1e-9)
    fail_at(n,
            "'" + key + "' must be between " + points_text(lo) + " and " + points_text(hi) + ", not '" +
                text_of(n, key) + "'",
            "write a size such as 12pt");
  return v;
}

BodyAlign align_of(const YAML::Node& n, const std::string& key) {
  const std::string v = text_of(n, key);
  if (v == "auto") return BodyAlign::Auto;
  if (v == "justify") return BodyAlign::Justify;
  if (v == "left") return BodyAlign::Left;
  fail_at(n, "'" + key + "' must be auto, justify or left, not '" + v + "'");
  return BodyAlign::Auto;
}

bool line_break_of(const YAML::Node& n, const std::string& key) {
  const std::string v = text_of(n, key);
  if (v != "normal" && v != "strict") fail_at(n, "'" + key + "' must be normal or strict, not '" + v + "'");
  return v == "strict";
}

// A share written "50%" or 0.5; nothing when `v` is not a number.
struct Share {
  double value = 0;
  bool percent = false;  // written with its % sign
};
std::optional<Share> share_in(std::string v) {
  const bool percent = !v.empty() && v.back() == '%';
  if (percent) v.pop_back();
  char* end = nullptr;
  const double x = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0' || !std::isfinite(x)) return std::nullopt;
  return Share{percent ? x / 100 : x, percent};
}

// "50%" or 0.5: a share of something, above 0 and at most 1.
double share_of(const YAML::Node& n, const std::string& key) {
  const auto share = share_in(text_of(n, key));
  if (!share) fail_at(n, "'" + key + "' must be a share such as 50% or 0.5");
  const double x = share->value;
  if (x <= 0 || x > 1) fail_at(n, "'" + key + "' must be more than 0% and at most 100%");
  return x;
}

// "2%" or 0.02, from 0 (off) to kMaxGlyphExpansion.
double expansion_of(const YAML::Node& n, const std::string& key) {
  const auto share = share_in(text_of(n, key));
  if (!share) fail_at(n, "'" + key + "' must be a share such as 2% or 0.02, not '" + text_of(n, key) + "'");
  const double x = share->value;
  const bool percent = share->percent;
  if (x < 0 || x > kMaxGlyphExpansion + 1e-12)
    fail_at(n, "'" + key + "' must be from 0% (off) to 2%, not '" + text_of(n, key) + "'",
            percent ? "wider, letters look distorted"
                    : "write a share with its % sign, e.g. 2%; a bare number is a fraction (0.02)");
  return x;
}

bool flag_of(const YAML::Node& n, const std::string& key) {
  const std::string v = text_of(n, key);
  if (v != "true" && v != "false") fail_at(n, "'" + key + "' must be true or false, not '" + v + "'");
  return v == "true";
}

// "10pt" (fixed) or [9pt, 12pt] (copy-fit picks the largest that fits).
void body_size_of(const YAML::Node& n, Template& t) {
  if (n.IsSequence()) {
    if (n.size() != 2) fail_at(n, "'styles.body.size' must be one size or a range [smallest, largest]");
    t.body_size_min = size_of(n[0], "styles.body.size", 5, 30);
    t.body_size = size_of(n[1], "styles.body.size", 5, 30);
    if (t.body_size_min > t.body_size)
      fail_at(n, "'styles.body.size' range must go from the smaller size to the larger");
  } else {
    t.body_size = t.body_size_min = size_of(n, "styles.body.size", 5, 30);
  }
  t.layout_size_min = t.body_size_min;
}

// 1.45 (fixed) or [1.45, 1.7] (copy-fit opens it up to the larger to fill the panels).
void leading_of(const YAML::Node& n, Template& t) {
  if (n.IsSequence()) {
    if (n.size() != 2) fail_at(n, "'styles.body.leading' must be one number or a range [tightest, loosest]");
    t.leading = number_of(n[0], "styles.body.leading");
    t.leading_max = number_of(n[1], "styles.body.leading");
    if (t.leading > t.leading_max)
      fail_at(n, "'styles.body.leading' range must go from the tighter leading to the looser");
  } else {
    t.leading = t.leading_max = number_of(n, "styles.body.leading");
  }
}

const YAML::Node require(const YAML::Node& map, const std::string& key, const std::string& where) {
  const YAML::Node n = map[key];
  if (!n) fail_at(map, "missing key '" + (where.empty() ? key : where + "." + key) + "'");
  return n;
}

void read_fonts(const YAML::Node& n, FontRole& role, const std::string& where) {
  only_keys(n, where, {"latin", "cjk"});
  if (n["latin"]) role.latin = text_of(n["latin"], where + ".latin");
  if (n["cjk"]) role.cjk = text_of(n["cjk"], where + ".cjk");
}

Template read(const YAML::Node& root) {
  Template t;
  if (!root.IsMap()) fail_at(root, "a layout must be a map of keys", "see layouts/README.md");
  only_keys(root, "",
            {"name", "description", "sheet", "bleed", "safe_margin", "marks", "margins", "gutter", "booklet",
             "sides", "cover", "back", "flow", "fonts", "styles", "links"});
  t.name = text_of(require(root, "name", ""), "name");
  if (root["description"]) t.description = text_of(root["description"], "description");
  const auto sheet = require(root, "sheet", "");
  only_keys(sheet, "sheet", {"width", "height"});
  t.sheet_width = length_of(require(sheet, "width", "sheet"), "sheet.width");
  t.sheet_height = length_of(require(sheet, "height", "sheet"), "sheet.height");
  if (root["bleed"]) t.bleed = length_of(root["bleed"], "bleed", true);
  // Bleed and marks add to the PDF page on every side; larger than these, a 2 m booklet spread
  // would pass the 14,400 pt (5.08 m) a PDF page may have (libharu said only "error 0x1054").
  const auto at_most = [](const YAML::Node& n, const std::string& key, Pt v, Pt most) {
    if (v > most + 1e-9) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%gmm", to_mm(most));
      fail_at(n, "'" + key + "' must be at most " + limit + ", not '" + text_of(n, key) + "'");
    }
    return v;
  };
  if (root["bleed"]) at_most(root["bleed"], "bleed", t.bleed, kMaxEdge);
  if (root["safe_margin"]) t.safe_margin = length_of(root["safe_margin"], "safe_margin", true);
  // Marks stand outside the bleed, or they print on the job: the default follows a larger bleed.
  t.mark_offset = std::max(t.mark_offset, t.bleed + mm(1));
  if (const auto m = root["marks"]) {
    only_keys(m, "marks", {"offset", "length"});
    if (m["offset"])
      t.mark_offset = at_most(m["offset"], "marks.offset", length_of(m["offset"], "marks.offset"), kMaxEdge);
    if (m["length"])
      t.mark_length = at_most(m["length"], "marks.length", length_of(m["length"], "marks.length"), kMaxEdge);
    if (t.mark_offset < t.bleed)
      fail_at(m, "marks.offset must be at least the bleed, or the marks print on the job");
  }
  if (const auto m = root["margins"]) {
    only_keys(m, "margins", {"top", "bottom", "side"});
    if (m["top"]) t.margin_top = length_of(m["top"], "margins.top", true);
    if (m["bottom"]) t.margin_bottom = length_of(m["bottom"], "margins.bottom", true);
    if (m["side"]) t.margin_side = length_of(m["side"], "margins.side", true);
  }
  if (root["gutter"]) t.gutter = length_of(root["gutter"], "gutter", true);
  if (root["booklet"]) t.booklet = flag_of(root["booklet"], "booklet");
  const auto sides = require(root, "sides", "");
  if (!sides.IsSequence() || sides.size() == 0 || sides.size() > 2)
    fail_at(sides, "'sides' must list one or two sides of the sheet");  // a longer work is a booklet
  std::set<std::string> names;
  for (const auto& s : sides) {
    only_keys(s, "sides[]", {"name", "panels", "optional"});
    Side side{text_of(require(s, "name", "sides[]"), "sides[].name"), {}};
    if (s["optional"]) side.optional = flag_of(s["optional"], "sides[].optional");
    const auto panels = require(s, "panels", "sides[]");
    if (!panels.IsSequence() || panels.size() == 0)
      fail_at(panels, "'panels' must list the panels of side " + side.name);
    Pt x = 0;
    for (const auto& p : panels) {
      only_keys(p, "panels[]", {"name", "width", "columns", "margin"});
      Panel panel{text_of(require(p, "name", "panels[]"), "panels[].name"),
                  length_of(require(p, "width", "panels[]"), "panels[].width"), x};
      if (p["margin"]) panel.margin = length_of(p["margin"], "panels[].margin", true);
      if (p["columns"]) {
        const double c = number_of(p["columns"], "panels[].columns");
        if (c != std::floor(c) || c < 1 || c > 4)
          fail_at(p["columns"], "'panels[].columns' must be 1, 2, 3 or 4");
        panel.columns = static_cast<int>(c);
      }
      if (!names.insert(panel.name).second) fail_at(p, "panel name '" + panel.name + "' is used twice");
      x += panel.width;
      side.panels.push_back(panel);
    }
    if (std::abs(x - t.sheet_width) > mm(0.5))
      fail_at(panels,
              "the panels of side '" + side.name + "' add up to " +
                  std::to_string(std::lround(to_mm(x) * 10) / 10.0).substr(0, 6) + " mm, but the sheet is " +
                  std::to_string(std::lround(to_mm(t.sheet_width) * 10) / 10.0).substr(0, 6) + " mm wide",
              "make the panel widths add up to sheet.width");
    t.sides.push_back(side);
  }
  if (t.booklet && (t.sides.size() != 1 || t.sides[0].panels.size() != 1))
    fail_at(sides, "a booklet has one side with one panel: the page, repeated",
            "describe one page; leafpress repeats it and imposes the pages on sheets");
  if (t.sides.front().optional) fail_at(sides, "the first side cannot be optional");
  const auto cover = require(root, "cover", "");
  only_keys(cover, "cover", {"panel", "title_size", "subtitle_size", "style", "image_height"});
  if (cover["style"]) {
    const std::string v = text_of(cover["style"], "cover.style");
    if (v != "panel" && v != "header")
      fail_at(cover["style"], "'cover.style' must be panel or header, not '" + v + "'");
    t.cover_style = v == "header" ? CoverStyle::Header : CoverStyle::Panel;
  }
  if (cover["image_height"]) t.cover_image_share = share_of(cover["image_height"], "cover.image_height");
  t.cover_panel = text_of(require(cover, "panel", "cover"), "cover.panel");
  if (!names.count(t.cover_panel))
    fail_at(cover["panel"], "cover.panel '" + t.cover_panel + "' is not a panel of this layout");
  if (cover["title_size"]) t.title_size = size_of(cover["title_size"], "cover.title_size", 6, 96);
  if (t.title_size < 6 || t.title_size > 96) fail_at(cover, "cover.title_size must be between 6pt and 96pt");
  if (cover["subtitle_size"]) t.subtitle_size = size_of(cover["subtitle_size"], "cover.subtitle_size");
  if (const auto back = root["back"]) {
    only_keys(back, "back", {"panel", "footer", "qr"});
    if (back["qr"]) t.back_qr = flag_of(back["qr"], "back.qr");
    if (back["panel"] && back["footer"]) fail_at(back, "'back' takes a panel or footer: true, not both");
    if (back["panel"]) {
      t.back_panel = text_of(back["panel"], "back.panel");
      if (!names.count(t.back_panel))
        fail_at(back["panel"], "back.panel '" + t.back_panel + "' is not a panel of this layout");
    }
    if (back["footer"] && !flag_of(back["footer"], "back.footer"))
      fail_at(back["footer"], "'back.footer' can only be true", "leave it out for a back panel");
  }
  if (const auto links = root["links"]) {
    only_keys(links, "links", {"print_urls"});
    if (links["print_urls"]) t.print_urls = flag_of(links["print_urls"], "links.print_urls");
  }
  const auto flow = require(root, "flow", "");
  if (!flow.IsSequence() || flow.size() == 0)
    fail_at(flow, "'flow' must list the panels the body flows through, in order");
  for (const auto& f : flow) {
    const auto name = text_of(f, "flow[]");
    if (!names.count(name)) fail_at(f, "flow names '" + name + "', which is not a panel of this layout");
    if (name == t.cover_panel && t.cover_style == CoverStyle::Panel && !t.booklet)
      fail_at(f, "the cover panel '" + name + "' cannot also take body text",
              "use cover: {style: header} to set the title above the body");
    if (std::find(t.flow.begin(), t.flow.end(), name) != t.flow.end())
      fail_at(f, "flow names panel '" + name + "' twice", "list each panel once, in reading order");
    t.flow.push_back(name);
  }
  if (const auto fonts = root["fonts"]) {
    only_keys(fonts, "fonts", {"serif", "sans"});
    if (fonts["serif"]) read_fonts(fonts["serif"], t.serif, "fonts.serif");
    if (fonts["sans"]) read_fonts(fonts["sans"], t.sans, "fonts.sans");
  }
  if (const auto styles = root["styles"]) {
    only_keys(styles, "styles", {"body", "heading", "title", "quote"});
    if (const auto b = styles["body"]) {
      only_keys(b, "styles.body",
                {"size", "leading", "spacing", "color", "line_break", "align", "expansion"});
      if (b["size"]) body_size_of(b["size"], t);
      if (b["spacing"]) t.paragraph_spacing = number_of(b["spacing"], "styles.body.spacing");
      if (t.paragraph_spacing < 0 || t.paragraph_spacing > 3)
        fail_at(b, "styles.body.spacing must be between 0 and 3 (body lines)");
      if (b["leading"]) leading_of(b["leading"], t);
      if (b["color"]) {
        t.text_color = color_of(b["color"], "styles.body.color");
        t.origins["styles.body.color"] = Origin{"", line_of(b["color"]), "styles.body.color"};
      }
      if (b["line_break"]) t.strict_line_breaks = line_break_of(b["line_break"], "styles.body.line_break");
      if (b["align"]) t.body_align = align_of(b["align"], "styles.body.align");
      if (b["expansion"]) t.glyph_expansion = expansion_of(b["expansion"], "styles.body.expansion");
    }
    if (const auto h = styles["heading"]) {
      only_keys(h, "styles.heading", {"sizes", "color"});
      if (const auto sizes = h["sizes"]) {
        if (!sizes.IsSequence() || sizes.size() == 0)
          fail_at(sizes, "'styles.heading.sizes' must list sizes for heading levels 1, 2, 3...");
        t.heading_sizes.clear();
        for (const auto& s : sizes) t.heading_sizes.push_back(size_of(s, "styles.heading.sizes[]"));
      }
      if (h["color"]) {
        t.accent = color_of(h["color"], "styles.heading.color");
        t.origins["styles.heading.color"] = Origin{"", line_of(h["color"]), "styles.heading.color"};
      }
    }
    if (const auto ti = styles["title"]) {
      only_keys(ti, "styles.title", {"size", "subtitle_size"});
      if (ti["size"]) t.title_size = size_of(ti["size"], "styles.title.size", 6, 96);
      if (ti["subtitle_size"]) t.subtitle_size = size_of(ti["subtitle_size"], "styles.title.subtitle_size");
    }
    if (const auto q = styles["quote"]) {
      only_keys(q, "styles.quote", {"tint"});
      if (q["tint"]) {
        t.quote_tint = color_of(q["tint"], "styles.quote.tint");
        t.origins["styles.quote.tint"] = Origin{"", line_of(q["tint"]), "styles.quote.tint"};
      }
    }
  }
  if (t.leading < 1 || t.leading_max > 3)
    fail_at(root, "styles.body.leading must be between 1 and 3 (times the size)");
  if (t.body_size_min < 5 || t.body_size > 30) fail_at(root, "styles.body.size must be between 5pt and 30pt");
  if (t.title_size < 6 || t.title_size > 96) fail_at(root, "the title size must be between 6pt and 96pt");
  for (const auto& side : t.sides)
    for (const auto& p : side.panels)
      if ((p.width - 2 * std::max(p.margin >= 0 ? p.margin : t.margin_side, t.safe_margin) -
           (p.columns - 1) * t.gutter) /
              p.columns <=
          mm(10))
        fail_at(root, "panel '" + p.name + "' is too narrow for its margins and columns");
  if (t.sheet_height <= t.margin_top + t.margin_bottom + mm(20))
    fail_at(root, "the sheet is too short for its margins");
  return t;
}

}  // namespace

Result<Template> parse_template(std::string_view yaml, std::string_view path) {
  if (auto bounded = check_yaml_expansion(yaml, kSmallYamlBudget, std::string(path), "the layout"); !bounded)
    return bounded.error();
  try {
    const YAML::Node root = YAML::Load(quote_hex_colors(yaml));
    Template t = read(root);
    t.path = std::string(path);
    for (auto& [key, origin] : t.origins) origin.file = t.path;
    return t;
  } catch (const LayoutError& e) {
    return Error{std::string(path), e.line, e.message, e.hint};
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's message for it is "bad file"
    return Error{std::string(path), e.mark.line + 1,
                 "the layout nests brackets or lists hundreds of levels deep",
                 "see layouts/README.md for the keys and how they nest"};
  } catch (const YAML::Exception& e) {
    return Error{std::string(path), e.mark.line + 1, "not valid YAML: " + e.msg,
                 "check indentation and brackets"};
  }
}

Result<Template> load_template(const std::string& path) {
  auto bytes = read_file(path, kMaxLayoutBytes);
  if (!bytes) return bytes.error();
  return parse_template(*bytes, path);
}

Status set_template_key(Template& t, const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string key = assignment.substr(0, eq);
  const char* known =
      "known keys: body.size, body.leading, body.spacing, body.color, body.line_break, body.align, "
      "body.expansion, "
      "heading.sizes, "
      "heading.color, title.size, subtitle.size, quote.tint, pages.max, links.print_urls, back.qr, "
      "fonts.serif, fonts.sans, "
      "fonts.serif.cjk, fonts.sans.cjk";
  if (eq == std::string::npos)
    return Error{"--set", 0, "expected KEY=VALUE, got '" + assignment + "'", "e.g. --set body.size=9pt"};
  const std::string text = assignment.substr(eq + 1);
  const YAML::Node value(text);
  // Colours and size lists are written "100,45,0,10" (or in brackets) on the command line.
  auto list = [&]() { return YAML::Load(text.starts_with("[") ? text : "[" + text + "]"); };
  // A colour in any form of color_value.hpp ("#0E7C7B", "100,45,0,10"), or a bracketed list.
  auto color_node = [&]() { return text.starts_with("[") ? YAML::Load(text) : YAML::Node(text); };
  try {
    Template s = t;  // set on a copy: a refused value changes nothing
    if (key == "body.size") {
      s.body_size = s.body_size_min = size_of(value, key, 5, 30);  // a fixed size: copy-fit is off
    } else if (key == "body.leading") {
      s.leading = s.leading_max = number_of(value, key);
    } else if (key == "pages.max") {
      const double n = number_of(value, key);
      if (n < 1 || n > 64 || n != std::floor(n))
        return Error{"--set", 0, "pages.max must be a whole number of pages from 1 to 64",
                     "e.g. --set pages.max=1"};
      s.pages_max = static_cast<int>(n);
    } else if (key == "body.spacing") {
      s.paragraph_spacing = number_of(value, key);
      if (s.paragraph_spacing < 0 || s.paragraph_spacing > 3)
        return Error{"--set", 0, "body.spacing must be between 0 and 3 (body lines)", ""};
    } else if (key == "body.line_break") {
      s.strict_line_breaks = line_break_of(value, key);
    } else if (key == "body.align") {
      s.body_align = align_of(value, key);
    } else if (key == "body.expansion") {
      s.glyph_expansion = expansion_of(value, key);
    } else if (key == "body.color") {
      s.text_color = color_of(color_node(), key);
      s.origins["styles.body.color"] = Origin{"--set", 0, key};
    } else if (key == "heading.color") {
      s.accent = color_of(color_node(), key);
      s.origins["styles.heading.color"] = Origin{"--set", 0, key};
    } else if (key == "quote.tint") {
      s.quote_tint = color_of(color_node(), key);
      s.origins["styles.quote.tint"] = Origin{"--set", 0, key};
    } else if (key == "heading.sizes") {
      const YAML::Node sizes = list();
      if (sizes.size() == 0) return Error{"--set", 0, "heading.sizes needs at least one size", ""};
      s.heading_sizes.clear();
      for (const auto& n : sizes) s.heading_sizes.push_back(size_of(n, key));
    } else if (key == "links.print_urls") {
      s.print_urls = flag_of(value, key);
    } else if (key == "back.qr") {
      s.back_qr = flag_of(value, key);
    } else if (key == "fonts.serif" || key == "fonts.sans" || key == "fonts.serif.latin" ||
               key == "fonts.sans.latin" || key == "fonts.serif.cjk" || key == "fonts.sans.cjk") {
      // A family name as fontconfig knows it (`leafpress fonts` lists them by script).
      if (text.empty() || text.size() > 200)
        return Error{"--set", 0, "'" + key + "' needs a font family name", "see `leafpress fonts`"};
      FontRole& role = key.starts_with("fonts.serif") ? s.serif : s.sans;
      (key.ends_with(".cjk") ? role.cjk : role.latin) = text;
    } else if (key == "title.size") {
      s.title_size = size_of(value, key, 6, 96);
    } else if (key == "subtitle.size") {
      s.subtitle_size = size_of(value, key);
    } else {
      return Error{"--set", 0, "unknown key '" + key + "'", known};
    }
    if (s.body_size < 5 || s.body_size > 30)
      return Error{"--set", 0, "body.size must be between 5pt and 30pt", ""};
    if (s.leading < 1 || s.leading > 3) return Error{"--set", 0, "body.leading must be between 1 and 3", ""};
    if (s.title_size < 6 || s.title_size > 96)
      return Error{"--set", 0, "title.size must be between 6pt and 96pt", ""};
    t = s;
  } catch (const LayoutError& e) {
    return Error{"--set", 0, e.message, e.hint};
  } catch (const YAML::Exception& e) {
    return Error{"--set", 0, "'" + key + "' value is not readable: " + e.msg,
                 "e.g. --set heading.color=#0E7C7B"};
  }
  return Ok{};
}

}  // namespace leafpress::layout
