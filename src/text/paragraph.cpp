#include "text/paragraph.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/utf8.hpp"

#include "text/break_opportunities.hpp"
#include "text/hyphenate.hpp"
#include "text/itemize.hpp"
#include "text/knuth_plass.hpp"
#include "text/shape.hpp"

namespace leafpress::text {
namespace {

// Tolerances of the three Knuth–Plass passes, as adjustment ratios: the first
// keeps word spaces under about 0.45 em; the second allows looser lines; the
// third accepts any line that is not overfull, so the paragraph still gets the
// least bad set of breaks. There is no emergency stretch (TeX's
// \emergencystretch): CJK glue may not stretch past kCjkStretchCap, so
// pretending it could would only make lines that set_line leaves short.
constexpr double kFirstTolerance = 1.5;
constexpr double kSecondTolerance = 3.0;
constexpr double kLastTolerance = 1e6;

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Marks hyphenation points of Latin words, except in code, URLs and the paragraph's last word.
std::vector<std::uint8_t> hyphenation_map(std::string_view text, const std::vector<StyleRange>& styles,
                                          bool enabled) {
  std::vector<std::uint8_t> map(text.size() + 1, 0);
  if (!enabled) return map;
  // One pass over the styles, so the check below is O(1) a word (not O(styles)).
  std::vector<std::uint8_t> no_hyphen(text.size() + 1, 0);
  for (const auto& s : styles)
    if (s.code || s.url) std::fill(no_hyphen.begin() + s.begin, no_hyphen.begin() + s.end, 1);
  auto excluded = [&](std::size_t at) { return no_hyphen[at] != 0; };
  // The paragraph's last word is everything after its last space ("medication’s.").
  const std::size_t last_space = text.find_last_of(" \n\t");
  const std::size_t last_word_begin = last_space == std::string_view::npos ? 0 : last_space + 1;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ascii_letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_ascii_letter(text[j])) ++j;
    // Letters glued to other letters (é, Han) are not a plain English word; quotes
    // and apostrophes around it are fine ("patient’s" hyphenates as pa-tient’s).
    auto letter_at = [&](std::size_t at) {
      std::size_t pos = at;
      return u_isalpha(static_cast<UChar32>(next_code_point(text, pos))) ||
             u_isdigit(static_cast<UChar32>(text[at]));
    };
    std::size_t before = i;
    while (before > 0 && (static_cast<unsigned char>(text[before - 1]) & 0xC0) == 0x80) --before;
    if (before > 0) --before;
    const bool plain = (i == 0 || !letter_at(before)) && (j == text.size() || !letter_at(j));
    if (plain && i < last_word_begin && !excluded(i))
      for (std::size_t p : hyphenation_points(text.substr(i, j - i))) map[i + p] = 1;
    i = j;
  }
  return map;
}

// Byte ranges of URLs typed as plain text: http://…, https://…, www.… up to a space,
// a CJK character or closing punctuation at the end.
std::vector<std::pair<std::size_t, std::size_t>> find_urls(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto rest = text.substr(i);
    const bool starts =
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    if (!starts || (i > 0 && static_cast<unsigned char>(text[i - 1]) < 0x80 &&
                    std::isalnum(static_cast<unsigned char>(text[i - 1]))))
      continue;
    std::size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) > ' ' &&
           static_cast<unsigned char>(text[j]) < 0x80)
      ++j;
    while (j > i && std::string_view(".,;:!?)]'\"").find(text[j - 1]) != std::string_view::npos) --j;
    out.emplace_back(i, j);
    i = j;
  }
  return out;
}

bool ends_with_fill(std::span<const Item> items, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (const auto* g = std::get_if<Glue>(&items[i]); g && g->kind == GlueKind::Fill) return true;
  return false;
}

bool capped(GlueKind k) {
  return k == GlueKind::Cjk || k == GlueKind::Punctuation;
}

// Places the glyphs of items [begin, end) that make one line; `end` is the break.
Line set_line(const Items& items, const std::vector<std::string>& glyph_text, std::size_t begin,
              std::size_t end, Pt width, Pt em, bool justify) {
  const auto& list = items.items;
  // Discardable items at the line start go.
  while (begin < end && !std::holds_alternative<Box>(list[begin])) ++begin;
  Pt natural = 0, stretch = 0, shrink = 0, capped_stretch = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&list[i])) natural += b->width, stretch += b->stretch;
    if (const auto* g = std::get_if<Glue>(&list[i])) {
      natural += g->width;
      stretch += g->stretch;
      shrink += g->shrink;
      if (capped(g->kind)) capped_stretch += g->stretch;
    }
  }
  const Penalty* at_break = end < list.size() ? std::get_if<Penalty>(&list[end]) : nullptr;
  if (at_break) natural += at_break->width;

  // Adjustment ratios: shrink evenly; stretch, but never letter-space CJK beyond
  // kCjkStretchCap: what CJK glue cannot take goes to word spaces and autospace.
  double r_capped = 0, r_free = 0;
  const bool last = ends_with_fill(list, begin, end);
  if (natural > width && shrink > 0) {
    r_capped = r_free = std::max(-1.0, (width - natural) / shrink);
  } else if (justify && !last && natural < width && stretch > 0) {
    const double r = (width - natural) / stretch;
    const Pt cap = kCjkStretchCap * em;
    Pt taken = 0;
    for (std::size_t i = begin; i < end; ++i)
      if (const auto* g = std::get_if<Glue>(&list[i]); g && capped(g->kind))
        taken += std::min(r * g->stretch, cap);
    const Pt free_stretch = stretch - capped_stretch;
    r_capped = r;
    r_free = free_stretch > 0 ? (width - natural - taken) / free_stretch : 0;
    if (free_stretch <= 0) r_capped = capped_stretch > 0 ? std::min(r, cap / (kCjkStretch * em)) : 0;
  }

  Line line;
  Pt x = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (const auto* b = std::get_if<Box>(&list[i])) {
      Pt pen = x + b->shift;
      // Tracking only stretches (r_free > 0), spread evenly over the box's glyphs.
      const std::uint32_t count = b->glyph_end - b->glyph_begin;
      const Pt track = r_free > 0 && count > 1 ? r_free * b->stretch / (count - 1) : 0;
      for (std::uint32_t g = b->glyph_begin; g < b->glyph_end; ++g) {
        const ShapedGlyph& s = items.glyphs[g];
        line.glyphs.push_back(PlacedGlyph{s.face, s.glyph, pen + s.x_offset, s.y_offset, s.advance,
                                          glyph_text[g], s.emphasis_mark});
        pen += s.advance + track;
      }
      x += b->width + (r_free > 0 ? r_free * b->stretch : 0);
    } else if (const auto* g = std::get_if<Glue>(&list[i])) {
      if (g->glyph >= 0) {
        const ShapedGlyph& s = items.glyphs[static_cast<std::size_t>(g->glyph)];
        line.glyphs.push_back(PlacedGlyph{s.face, s.glyph, x, 0, s.advance, " "});
      }
      const double r = capped(g->kind) ? r_capped : r_free;
      Pt gap = g->width + (r >= 0 ? r * g->stretch : r * g->shrink);
      if (capped(g->kind) && r > 0) gap = g->width + std::min(r * g->stretch, kCjkStretchCap * em);
      x += gap;
    }
  }
  if (at_break && at_break->glyph >= 0) {
    const ShapedGlyph& s = items.hyphens[static_cast<std::size_t>(at_break->glyph)];
    line.glyphs.push_back(PlacedGlyph{s.face, s.glyph, x, 0, s.advance, "-"});
    x += at_break->width;
    line.hyphenated = true;
  }
  line.width = x;
  line.overfull = x > width + 0.01;
  return line;
}

}  // namespace

std::string Line::text() const {
  std::string out;
  for (const auto& g : glyphs) out += g.text;
  return out;
}

namespace {

// Everything about a paragraph that does not depend on its size or width: copy-fit
// composes each paragraph at several sizes, and a batch composes the same
// paragraphs for every data row, so this is worked out once and kept.
struct Prepared {
  std::string text;
  std::vector<StyleRange> styles;  // with the URLs found in the text
  Itemized itemized;
  std::vector<std::uint8_t> italic, breaks, hyphens;
  std::vector<std::string> glyph_text;  // per glyph of the shaped text (clusters do not change with size)
};

// A bounded process-wide cache of Prepared paragraphs, keyed by everything that goes
// into one: the spans, the style's fonts, language, boldness, breaking rules and
// hyphenation, and the FontSet (by id: its faces are in the runs).
class PreparedCache {
 public:
  static constexpr std::size_t kMaxBytes = 16u << 20;  // of paragraph text: memory stays flat

  std::shared_ptr<const Prepared> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void add(std::string key, std::shared_ptr<const Prepared> p) {
    std::lock_guard lock(mutex_);
    // Per byte of text: its class, italic, break and hyphen maps, and about one glyph
    // text (a std::string of 32 bytes): some 40 bytes, besides the key.
    const std::size_t cost = key.size() + p->text.size() * 40;
    if (bytes_ + cost > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
    bytes_ += cost;
    entries_.emplace(std::move(key), std::move(p));
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Prepared>> entries_;
  std::size_t bytes_ = 0;
};

PreparedCache& prepared_cache() {
  static PreparedCache cache;
  return cache;
}

// If ParagraphStyle or TextSpan gain a field, it must join the key below.
static_assert(sizeof(ParagraphStyle) == 152 && sizeof(TextSpan) == 40,
              "a new style field must join the key of the prepared-paragraph cache");

std::string prepared_key(const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                         const FontSet& fonts) {
  std::string key;
  const auto field = [&](std::string_view v) {
    key += std::to_string(v.size());
    key += ':';
    key += v;
  };
  field(std::to_string(fonts.id()));
  field(style.fonts.latin);
  field(style.fonts.cjk);
  field(style.fonts.mono);
  field(style.lang);
  key += static_cast<char>('0' + static_cast<int>(style.align));
  key += style.hyphenate ? 'h' : '-';
  key += static_cast<char>('0' + static_cast<int>(style.strictness));
  key += style.bold ? 'b' : '-';
  for (const auto& s : spans) {
    key +=
        static_cast<char>('0' + (s.bold ? 1 : 0) + (s.italic ? 2 : 0) + (s.code ? 4 : 0) + (s.url ? 8 : 0));
    field(s.text);
  }
  return key;
}

Result<std::shared_ptr<const Prepared>> prepare(const std::vector<TextSpan>& spans,
                                                const ParagraphStyle& style, const FontSet& fonts) {
  std::string key = prepared_key(spans, style, fonts);
  if (auto found = prepared_cache().find(key)) return found;
  auto p = std::make_shared<Prepared>();
  std::string& text = p->text;
  std::vector<StyleRange>& styles = p->styles;
  for (const auto& s : spans) {
    if (s.text.empty()) continue;
    styles.push_back(StyleRange{text.size(), text.size() + s.text.size(), s.bold, s.italic, s.code, s.url});
    text += s.text;
  }
  if (text.empty()) return std::shared_ptr<const Prepared>(std::move(p));
  auto itemized = itemize(text, styles, style, fonts);
  if (!itemized) return itemized.error();
  p->itemized = std::move(itemized).value();
  p->italic.assign(text.size(), 0);
  for (const auto& s : styles)
    if (s.italic) std::fill(p->italic.begin() + s.begin, p->italic.begin() + s.end, 1);
  p->breaks = find_break_opportunities(text, style.lang, style.strictness);
  // URLs typed as text break after / - . and are never hyphenated.
  for (const auto& [b, e] : find_urls(text)) {
    styles.push_back(StyleRange{b, e, false, false, false, true});
    for (std::size_t i = b + 1; i + 1 < e; ++i) p->breaks[i] = 0;
    for (std::size_t i = b; i + 1 < e; ++i)
      if ((text[i] == '/' && text[i + 1] != '/') || text[i] == '-' || text[i] == '.') p->breaks[i + 1] = 1;
  }
  p->hyphens = hyphenation_map(text, styles, style.hyphenate);
  // The text of each glyph: its cluster's characters on the first glyph of the cluster.
  const auto glyphs = shape(text, p->itemized.runs, style.lang, style.size);
  p->glyph_text.resize(glyphs.size());
  for (std::size_t g = 0; g < glyphs.size(); ++g) {
    if (g > 0 && glyphs[g].cluster == glyphs[g - 1].cluster) continue;
    std::size_t next = text.size();
    for (std::size_t k = g + 1; k < glyphs.size(); ++k)
      if (glyphs[k].cluster != glyphs[g].cluster) {
        next = glyphs[k].cluster;
        break;
      }
    p->glyph_text[g] = text.substr(glyphs[g].cluster, next - glyphs[g].cluster);
    if (p->glyph_text[g] == "\n") p->glyph_text[g].clear();
    // The replacement glyph drawn for a missing character (shape.hpp) copies out as U+FFFD: one
    // glyph has one text in the PDF, and the first character to fall back to it would otherwise
    // stand for every other (U+0001 once copied out as the emoji before it).
    if (glyphs[g].glyph != 0 && glyphs[g].glyph == glyphs[g].face->glyph_for(kReplacementCharacter))
      p->glyph_text[g] = "\xEF\xBF\xBD";
  }
  std::shared_ptr<const Prepared> done = std::move(p);
  prepared_cache().add(std::move(key), done);
  return done;
}

}  // namespace

Result<Paragraph> compose(const std::vector<TextSpan>& spans, const ParagraphStyle& style, Pt width,
                          const FontSet& fonts) {
  Paragraph para;
  para.size = style.size;
  auto prepared = prepare(spans, style, fonts);
  if (!prepared) return prepared.error();
  const Prepared& p = **prepared;
  const std::string& text = p.text;
  if (text.empty()) return para;
  para.missing = p.itemized.missing;
  auto glyphs = shape(text, p.itemized.runs, style.lang, style.size);
  for (auto& g : glyphs)
    g.emphasis_mark = p.italic[g.cluster] && p.itemized.classes[g.cluster] == CharClass::Cjk;
  const auto& breaks = p.breaks;
  const auto& hyphens = p.hyphens;
  const auto& glyph_text = p.glyph_text;
  // Traditional Chinese centres its stops in the em: they keep their full width.
  const bool zh_hant = regional_cjk_family("CJK", style.lang) == "CJK TC";
  const Items items = build_items(ItemInput{.text = text,
                                            .classes = p.itemized.classes,
                                            .breaks = breaks,
                                            .hyphens = hyphens,
                                            .glyphs = glyphs,
                                            .em = style.size,
                                            .centered_stops = zh_hant,
                                            .max_box_width = width});

  std::vector<std::size_t> chosen;
  const bool justify = style.align == Align::Justify;
  if (justify) {
    KnuthPlassParams params;
    params.tolerance = kFirstTolerance;
    auto found = knuth_plass(items.items, width, params);
    if (!found) {
      params.tolerance = kSecondTolerance;
      found = knuth_plass(items.items, width, params);
    }
    if (!found) {
      params.tolerance = kLastTolerance;
      found = knuth_plass(items.items, width, params);
    }
    if (found) chosen = std::move(*found);
  }
  if (chosen.empty()) chosen = first_fit(items.items, width);

  std::size_t begin = 0;
  for (const std::size_t end : chosen) {
    para.lines.push_back(set_line(items, glyph_text, begin, end, width, style.size, justify));
    begin = end + 1;
  }
  return para;
}

}  // namespace leafpress::text
