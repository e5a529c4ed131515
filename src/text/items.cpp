#include "text/items.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace leafpress::text {
namespace {

struct Cluster {
  std::size_t begin = 0, end = 0;  // bytes
  std::uint32_t glyph_begin = 0, glyph_end = 0;
  Pt width = 0;
};

std::vector<Cluster> clusters_of(const ItemInput& in) {
  std::vector<Cluster> out;
  for (std::uint32_t g = 0; g < in.glyphs.size(); ++g) {
    const auto& glyph = in.glyphs[g];
    if (out.empty() || out.back().begin != glyph.cluster) {
      if (!out.empty()) out.back().end = glyph.cluster;
      out.push_back(Cluster{glyph.cluster, in.text.size(), g, g, 0});
    }
    out.back().glyph_end = g + 1;
    out.back().width += glyph.advance;
  }
  return out;
}

// Unit signs written after a number: they belong to the number ("30%", "37℃").
bool is_unit_sign(char32_t cp) {
  return cp == U'%' || cp == U'‰' || cp == U'℃' || cp == U'°' || cp == U'℉' || cp == U'％';
}
bool is_han_or_kana(CharClass c) {
  return c == CharClass::Cjk;
}

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_stop(char32_t cp) {
  return cp == U'、' || cp == U'。' || cp == U'，' || cp == U'．';
}

class Builder {
 public:
  explicit Builder(const ItemInput& in) : in_(in) {}

  Items build() {
    out_.glyphs.assign(in_.glyphs.begin(), in_.glyphs.end());
    const auto clusters = clusters_of(in_);
    bool have_prev = false;  // a visible cluster precedes on this line of text
    Side prev{};
    bool pending_space = false, no_break_space = false, after_soft_hyphen = false;
    std::int32_t space_glyph = -1;
    Pt space_width = 0;

    for (const Cluster& c : clusters) {
      const CharClass cls = in_.classes[c.begin];
      std::size_t pos = c.begin;
      const char32_t cp = next_code_point(in_.text, pos);
      if (cls == CharClass::Newline) {
        flush();
        // A line break right after another (a blank line) needs a box to be a line at all.
        if (ends_with_forced_break()) out_.items.emplace_back(Box{});
        force_break();
        have_prev = pending_space = after_soft_hyphen = false;
        continue;
      }
      if (cls == CharClass::Space || cls == CharClass::NoBreakSpace) {
        if (have_prev && !pending_space) {
          pending_space = true;
          no_break_space = cls == CharClass::NoBreakSpace;
          space_glyph = static_cast<std::int32_t>(c.glyph_begin);
          space_width = c.width;
        } else if (have_prev) {
          no_break_space = no_break_space || cls == CharClass::NoBreakSpace;
        }
        continue;
      }
      if (cp == kSoftHyphen) {
        // U+00AD: invisible, a hyphen break the author chose (TeX's \-): drawn as a hyphen
        // only when the line breaks there. ICU's break after it is the same break.
        if (have_prev && !pending_space) {
          flush();
          hyphen_penalty(prev.face, in_.hyphen_penalty, c.begin);
          after_soft_hyphen = true;
        }
        continue;
      }
      const Side next = side_of(c, cls, cp);
      if (have_prev && after_soft_hyphen && !pending_space) {
        // the break is the soft hyphen's; no glue or second break here
      } else if (have_prev) {
        if (pending_space && in_.breaks[c.begin] == kUrlBreak && !no_break_space) {
          // Before an address: the ordinary break at the space (the first glue, after a
          // box), or, dearer, one where the line may end short (see kBeforeUrlBreakPenalty).
          flush();
          glue(0, em(kUrlRaggedStretch), 0, GlueKind::Word);
          out_.items.emplace_back(Penalty{.cost = kBeforeUrlBreakPenalty});
          glue(0, -em(kUrlRaggedStretch), 0, GlueKind::Word);
          typed_space(prev, next, 0, space_glyph, space_width);
        } else if (pending_space)
          typed_space(prev, next,
                      no_break_space || in_.breaks[c.begin] == kNoBreak ? kInfinitePenalty
                      : in_.breaks[c.begin] == kUnitBreak               ? kUnitBreakPenalty
                                                                        : 0,
                      space_glyph, space_width);
        else
          between(prev, next, c);
      }
      pending_space = no_break_space = after_soft_hyphen = false;
      add(c, next);
      prev = next;
      prev.cls = in_.classes[c.end - 1];  // the last character of the cluster decides what follows
      have_prev = true;
    }
    flush();
    if (!ends_with_forced_break()) force_break();
    return std::move(out_);
  }

 private:
  struct Side {
    CharClass cls = CharClass::LatinPunct;
    char32_t cp = 0;
    bool open = false, close = false;  // a compressible full-width mark
    bool full_mark = false;            // another full-width mark (：；！？): keeps its em
    bool latin = false;                // a Latin letter or digit, or a unit sign after one
    const Face* face = nullptr;
  };

  Side side_of(const Cluster& c, CharClass cls, char32_t cp) const {
    Side s{.cls = cls, .cp = cp, .face = in_.glyphs[c.glyph_begin].face};
    // Only marks whose glyph really is a full em can lose half of it.
    const bool full_width = c.width > 0.9 * in_.em;
    const bool centered = in_.centered_stops && is_stop(cp);
    s.open = full_width && cls == CharClass::CjkOpen;
    s.close = full_width && cls == CharClass::CjkClose && !centered;
    s.full_mark = full_width && (cls == CharClass::CjkOther || (cls == CharClass::CjkClose && centered));
    s.latin = cls == CharClass::Latin || is_unit_sign(cp);
    return s;
  }

  // CLReq 3.4 / JLReq 3.1.8: a quarter em between Han/Kana and Latin letters or digits,
  // and between Han and a unit sign ("30%以上" reads as "30% 以上").
  static bool needs_autospace(const Side& a, const Side& b) {
    return (is_han_or_kana(a.cls) && b.latin) || (a.latin && is_han_or_kana(b.cls));
  }

  void flush() {
    if (box_open_) out_.items.emplace_back(box_);
    box_open_ = false;
  }

  bool ends_with_forced_break() const {
    return !out_.items.empty() && std::holds_alternative<Penalty>(out_.items.back()) &&
           std::get<Penalty>(out_.items.back()).cost <= -kInfinitePenalty;
  }

  void force_break() {
    out_.items.emplace_back(Glue{.width = 0, .stretch = 0, .shrink = 0, .kind = GlueKind::Fill});
    out_.items.emplace_back(Penalty{.width = 0, .cost = -kInfinitePenalty});
  }

  void forbid_break_if(bool forbidden) {
    if (forbidden) out_.items.emplace_back(Penalty{.cost = kInfinitePenalty});
  }

  void glue(Pt width, Pt stretch, Pt shrink, GlueKind kind, std::int32_t glyph = -1) {
    out_.items.emplace_back(Glue{width, stretch, shrink, kind, glyph});
  }

  Pt em(double v) const { return v * in_.em; }

  // A space the author typed between two visible characters; `cost` of a break there:
  // kInfinitePenalty when a no-break space or the rules forbid a break before the next
  // character ("( note )"), kUnitBreakPenalty between a number and its unit.
  void typed_space(const Side& a, const Side& b, double cost, std::int32_t glyph, Pt width) {
    flush();
    if (cost > 0) out_.items.emplace_back(Penalty{.cost = cost});
    if (needs_autospace(a, b)) {
      glue(em(kAutospace), em(kAutospace / 2), em(kAutospace / 4), GlueKind::Autospace, glyph);
    } else if (a.close || b.open) {
      // The mark's own half em is the space: do not add a word space to it.
      glue(em(0.5), em(kCjkStretch), em(0.25), GlueKind::Punctuation, glyph);
    } else if (a.cp >= U'0' && a.cp <= U'9' && cost >= kUnitBreakPenalty) {
      // After a number, a space that holds it to its unit or to its next digit group
      // ("140 mmHg", "+1 555 0100") is part of the quantity (SI 5.4.3): a tie, which never
      // opens past a word space at r = 1. "130/80 ⟷ mmHg" was the one space a Chinese line
      // no break could fill had to open, to 1 em.
      glue(width, std::max(width / 2, em(kWordSpaceMax) - width), width / 2.5, GlueKind::Tie, glyph);
    } else {
      // A word space, Latin or Korean, opens to kWordSpaceMax at ratio 1 (see items.hpp).
      glue(width, std::max(width / 2, em(kWordSpaceMax) - width), width / 2.5, GlueKind::Word, glyph);
    }
  }

  // Two visible characters side by side.
  void between(const Side& a, const Side& b, const Cluster& c) {
    const bool allowed = in_.breaks[c.begin] == kBreak;
    if (in_.breaks[c.begin] == kUrlBreak) {
      flush();
      forbid_break_if(true);  // the glue before the break is no break of its own
      glue(0, em(kUrlRaggedStretch), 0, GlueKind::Word);
      out_.items.emplace_back(Penalty{.cost = kUrlBreakPenalty});
      glue(0, -em(kUrlRaggedStretch), 0, GlueKind::Word);
    } else if (needs_autospace(a, b)) {
      flush();
      forbid_break_if(!allowed);
      glue(em(kAutospace), em(kAutospace / 2), em(kAutospace / 4), GlueKind::Autospace);
    } else if ((a.close && !b.close && !b.full_mark) || (b.open && !a.open && !a.close && !a.full_mark)) {
      // The half em that a full-width mark keeps beside it; neighbouring marks share one,
      // whatever they are: 。」 」（ ）、 」： ：「 all take 1.5 em (CLReq 3.1.6, JLReq 3.1.4).
      flush();
      forbid_break_if(!allowed);
      glue(em(0.5), em(kCjkStretch), em(0.25), GlueKind::Punctuation);
    } else if (is_cjk(a.cls) && is_cjk(b.cls) && a.cls != CharClass::Hangul && b.cls != CharClass::Hangul &&
               !(a.cp == b.cp && (a.cp == U'—' || a.cp == U'…')) && !a.open && !b.close) {
      // Inter-character glue: how CJK lines are justified (CLReq 3.8).
      flush();
      forbid_break_if(!allowed);
      glue(0, em(kCjkStretch), 0, GlueKind::Cjk);
    } else if (allowed) {
      flush();
      const bool after_hyphen = a.cp == U'-' || a.cp == U'‐';
      out_.items.emplace_back(
          Penalty{.cost = after_hyphen ? kExplicitHyphenPenalty : 0, .flagged = after_hyphen});
    } else if (in_.breaks[c.begin] == kFallbackBreak) {
      flush();
      out_.items.emplace_back(Penalty{.cost = kSyllableBreakPenalty});
    } else if (in_.hyphens[c.begin] && !in_.glyphs[c.glyph_begin].unsafe_to_break) {
      flush();
      hyphen_penalty(a.face, in_.hyphen_penalty, c.begin);
    }
  }

  void hyphen_penalty(const Face* face, double cost, std::size_t at) {
    const unsigned g = face->hyphen_glyph;
    const Pt w = face->hyphen_em * in_.em;
    out_.hyphens.push_back(
        ShapedGlyph{.face = face, .glyph = g, .cluster = static_cast<std::uint32_t>(at), .advance = w});
    out_.items.emplace_back(Penalty{.width = w,
                                    .cost = cost,
                                    .flagged = true,
                                    .glyph = static_cast<std::int32_t>(out_.hyphens.size() - 1)});
  }

  void add(const Cluster& c, const Side& s) {
    if (s.open || s.close) {
      // A full-width mark is a half-em box; its other half is glue (see between()).
      flush();
      out_.items.emplace_back(Box{.width = c.width / 2,
                                  .glyph_begin = c.glyph_begin,
                                  .glyph_end = c.glyph_end,
                                  .shift = s.open ? -c.width / 2 : 0});
      return;
    }
    if (box_open_ && in_.max_box_width > 0 &&
        box_.width + c.width + s.face->hyphen_em * in_.em > in_.max_box_width) {
      // A word longer than a line: break it rather than run off the page. Hangul and Han
      // take no hyphen (a Korean word split between syllables shows none, KLREQ).
      flush();
      if (s.cls == CharClass::Hangul || s.cls == CharClass::Cjk)
        out_.items.emplace_back(Penalty{.cost = kEmergencySplitPenalty});
      else
        hyphen_penalty(s.face, kEmergencySplitPenalty, c.begin);
    }
    if (!box_open_) {
      box_ = Box{.width = 0, .glyph_begin = c.glyph_begin, .glyph_end = c.glyph_begin};
      box_open_ = true;
    }
    box_.glyph_end = c.glyph_end;
    box_.width += c.width;
  }

  const ItemInput& in_;
  Items out_;
  Box box_;
  bool box_open_ = false;
};

}  // namespace

Items build_items(const ItemInput& in) {
  return Builder(in).build();
}

}  // namespace leafpress::text
