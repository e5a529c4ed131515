#include "layout/styles.hpp"

#include <algorithm>
#include <cstdio>

#include "core/utf8.hpp"

namespace leafpress::layout {

constexpr double kCaptionScale = 0.85;  // captions: a step below the body

text::ParagraphStyle body_style(const Scene& s, Pt body) {
  text::ParagraphStyle st;
  st.size = body;
  st.lang = s.lang;
  st.hyphen_exceptions = s.hyphenation.get();
  st.expansion = s.t.glyph_expansion;  // read by justified lines only
  st.fonts.latin = s.t.serif.latin;
  st.fonts.cjk = s.t.serif.cjk;
  st.strictness = !s.t.strict_line_breaks   ? text::LineBreakStrictness::Auto
                  : *s.t.strict_line_breaks ? text::LineBreakStrictness::Strict
                                            : text::LineBreakStrictness::Normal;
  return st;
}

text::Align body_align(const Scene& s, Pt column, Pt size) {
  switch (s.t.body_align) {
    case BodyAlign::Justify:
      return text::Align::Justify;
    case BodyAlign::Left:
      return text::Align::Ragged;
    case BodyAlign::Auto:
      break;
  }
  const bool latin_led = s.mix.latin_share > kLatinLedShare;
  return latin_led && (s.ragged_for_budget || too_narrow_to_justify(s, column, size)) ? text::Align::Ragged
                                                                                      : text::Align::Justify;
}

bool too_narrow_to_justify(const Scene& s, Pt column, Pt size) {
  const double words_em = s.by_measure ? 0 : kJustifyMinWords * (s.mix.latin_word_em + kWordSpaceEm);
  return column < std::max(kJustifyLatinMinEm, words_em) * size;
}

void align_body(const Scene& s, text::ParagraphStyle& st, Pt column, Pt body, const doc::Block& block) {
  st.align = body_align(s, column, body, block);
  if (st.align == text::Align::Ragged && s.tight_rag) st.rag_em = kTightRagEm;
}

text::Align body_align(const Scene& s, Pt column, Pt size, const doc::Block& block) {
  const text::Align article = body_align(s, column, size);
  if (s.t.body_align != BodyAlign::Auto || s.by_measure || article == text::Align::Ragged) return article;
  // English sentences: more letters than CJK (digits are no English: a phone number in a
  // Chinese sentence), and at least a line's worth of words.
  const text::ScriptWidths w = text::script_widths(block.plain_text());
  const double letters = w.latin - w.digits;
  const bool english = letters > kLatinLedShare * (letters + w.cjk) && w.latin_words >= kJustifyMinWords;
  return english && too_narrow_to_justify(s, column, size) ? text::Align::Ragged : article;
}

bool aligned_by_words(const Scene& s, Pt column, Pt size) {
  if (s.t.body_align != BodyAlign::Auto || s.by_measure) return false;
  const text::Align article = body_align(s, column, size);
  if (article == text::Align::Ragged) return column >= kJustifyLatinMinEm * size;
  for (const doc::Block& b : s.doc.blocks)
    if ((b.kind == doc::BlockKind::Paragraph || b.kind == doc::BlockKind::ListItem ||
         b.kind == doc::BlockKind::Footnote) &&
        body_align(s, column, size, b) == text::Align::Ragged)
      return true;
  return false;
}

TextMix text_mix(const doc::Document& d) {
  text::ScriptWidths sum;
  for (const doc::Block& b : d.blocks) {
    if (b.kind != doc::BlockKind::Paragraph && b.kind != doc::BlockKind::ListItem &&
        b.kind != doc::BlockKind::Footnote)
      continue;
    const text::ScriptWidths w = text::script_widths(b.plain_text());
    sum.latin += w.latin;
    sum.cjk += w.cjk;
    sum.latin_words += w.latin_words;
  }
  TextMix mix;
  const double all = sum.latin + sum.cjk;
  if (all > 0) mix.latin_share = sum.latin / all;
  if (sum.latin_words > 0) mix.latin_word_em = sum.latin / sum.latin_words;
  return mix;
}

text::ParagraphStyle heading_style(const Scene& s, int level, Pt body) {
  text::ParagraphStyle st = body_style(s, body);
  const auto& sizes = s.t.heading_sizes;
  const std::size_t i =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(level, 1)) - 1, sizes.size() - 1);
  st.size = sizes[i] * body / 10;  // heading sizes are written for a 10 pt body
  st.fonts.latin = s.t.sans.latin;
  st.fonts.cjk = s.t.sans.cjk;
  st.align = text::Align::Left;
  st.hyphenate = false;
  st.bold = true;
  st.balance = true;
  return st;
}

text::ParagraphStyle caption_style(const Scene& s, Pt body) {
  text::ParagraphStyle st = body_style(s, body * kCaptionScale);
  st.fonts.latin = s.t.sans.latin;
  st.fonts.cjk = s.t.sans.cjk;
  st.align = text::Align::Center;
  st.hyphenate = false;
  st.balance = true;
  return st;
}

std::vector<text::TextSpan> to_text_spans(const doc::Block& block) {
  std::vector<text::TextSpan> out;
  for (const auto& sp : block.spans)
    out.push_back(
        text::TextSpan{sp.text, sp.strong, sp.emphasis, sp.code, !sp.link.empty() && sp.link == sp.text});
  return out;
}

Result<text::Paragraph> compose_checked(const Scene& s, const std::vector<text::TextSpan>& spans,
                                        const text::ParagraphStyle& st, Pt width, int line,
                                        std::vector<std::string>& warnings) {
  auto para = text::compose(spans, st, width, s.fonts);
  if (!para) {
    Error e = para.error();
    // text::compose fails only on a font, and fonts are named by the layout.
    if (e.file.empty()) e.file = s.t.path, e.line = 0;
    return e;
  }
  for (const char32_t cp : para->missing) {
    std::string ch;
    append_utf8(ch, cp);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    // A control character is named by its code only: printed raw it would act on the terminal.
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    warnings.push_back(s.doc.path + ":" + std::to_string(line) + ": no font has " +
                       (control ? std::string("the control character ") : "'" + ch + "' (") + code +
                       (control ? "" : ")") + "; it prints as the replacement character \xEF\xBF\xBD");
  }
  for (const auto& l : para->lines)
    if (l.overfull)
      warnings.push_back(s.doc.path + ":" + std::to_string(line) + ": a line is wider than the column: '" +
                         std::string(utf8_prefix(l.text(), 40)) + "'");
  return para;
}

}  // namespace leafpress::layout
