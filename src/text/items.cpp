#include "text/items.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/utf8.hpp"
#include "text/break_opportunities.hpp"

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
// A sign written right before a digit belongs to the number ("−2.5", "+1", "±0.5"): the
// quarter em goes before the sign, as it goes after a unit sign ("T 值在 −1.0 以上"). Not the
// hyphen-minus: after Han it is as often a range ("3月-5月", "2-3天"), which takes no space.
bool is_number_sign(char32_t cp) {
  return cp == U'+' || cp == U'\u2212' || cp == U'±';
}
bool is_han_or_kana(CharClass c) {
  return c == CharClass::Cjk;
}

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_hyphen(char32_t cp) {
  return cp == U'-' || cp == U'‐';
}

bool is_stop(char32_t cp) {
  return cp == U'、' || cp == U'。' || cp == U'，' || cp == U'．';
}

using Recipe = ItemPlan::Recipe;

// The glue made of so many em, by Recipe::em: width, stretch, shrink.
enum EmGlue : std::uint8_t { kAutospaceGlue, kMarkGlue, kCjkGlue, kRaggedGlue, kRaggedUndone };
constexpr std::array<std::array<double, 3>, 5> kEmGlue = {{
    {kAutospace, kAutospace / 2, kAutospace / 4},  // Han-Latin (CLReq 3.4)
    {0.5, kCjkStretch, 0.25},                      // the half em a full-width mark keeps beside it
    {0, kCjkStretch, 0},                           // between CJK characters
    {0, kUrlRaggedStretch, 0},                     // before a break where the line may end short
    {0, -kUrlRaggedStretch, 0},                    // after it
}};

class Builder {
 public:
  // `plan`: when given, every item's recipe is recorded there too (see ItemPlan).
  explicit Builder(const ItemInput& in, ItemPlan* plan = nullptr) : in_(in), plan_(plan) {}

  Items build() {
    if (!plan_) out_.glyphs.assign(in_.glyphs.begin(), in_.glyphs.end());  // a plan keeps no glyphs
    const auto clusters = clusters_of(in_);
    clusters_ = &clusters;
    bool have_prev = false;  // a visible cluster precedes on this line of text
    Side prev{};
    bool pending_space = false, no_break_space = false, after_soft_hyphen = false;
    std::int32_t space_glyph = -1;
    Pt space_width = 0;
    std::uint32_t space_cluster = 0;

    if (plan_) {
      plan_->clusters.reserve(clusters.size() + 1);
      for (const Cluster& c : clusters) plan_->clusters.push_back(c.glyph_begin);
      plan_->clusters.push_back(static_cast<std::uint32_t>(in_.glyphs.size()));
    }
    for (cluster_ = 0; cluster_ < clusters.size(); ++cluster_) {
      const Cluster& c = clusters[cluster_];
      const CharClass cls = in_.classes[c.begin];
      std::size_t pos = c.begin;
      const char32_t cp = next_code_point(in_.text, pos);
      if (cls == CharClass::Newline) {
        flush();
        // A line break right after another (a blank line) needs a box to be a line at all.
        if (ends_with_forced_break()) push(Box{});
        force_break();
        have_prev = pending_space = after_soft_hyphen = measure_word_ = false;
        continue;
      }
      if (cls == CharClass::Space || cls == CharClass::NoBreakSpace) {
        if (have_prev && !pending_space) {
          pending_space = true;
          no_break_space = cls == CharClass::NoBreakSpace;
          space_glyph = static_cast<std::int32_t>(c.glyph_begin);
          space_width = c.width;
          space_cluster = static_cast<std::uint32_t>(cluster_);
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
      // A measure word runs to the next space, line break or mark that is not a letter ("10
      // minutes/unquestionably": not "unquestionably").
      if (pending_space)
        measure_word_ = in_.breaks[c.begin] == kMeasureWordBreak;
      else if (cls != CharClass::Latin)
        measure_word_ = false;
      if (have_prev && after_soft_hyphen && !pending_space) {
        // the break is the soft hyphen's; no glue or second break here
      } else if (have_prev) {
        if (pending_space && in_.breaks[c.begin] == kUrlBreak && !no_break_space) {
          // Before an address: the ordinary break at the space (the first glue, after a
          // box), or, dearer, one where the line may end short (see kBeforeUrlBreakPenalty).
          flush();
          glue(kRaggedGlue, GlueKind::Word);
          push(Penalty{.cost = kBeforeUrlBreakPenalty});
          glue(kRaggedUndone, GlueKind::Word);
          typed_space(prev, next, 0, space_glyph, space_width, space_cluster);
        } else if (pending_space)
          typed_space(prev, next,
                      no_break_space || in_.breaks[c.begin] == kNoBreak ? kInfinitePenalty
                      : in_.breaks[c.begin] == kUnitBreak               ? kUnitBreakPenalty
                      : in_.breaks[c.begin] == kTieBreak                ? kTiePenalty
                      : in_.breaks[c.begin] == kNumberPrefixBreak       ? kNumberPrefixPenalty
                      : in_.breaks[c.begin] == kLastPassBreak           ? kLastPassBreakPenalty
                      : in_.breaks[c.begin] == kMeasureWordBreak        ? in_.measure_penalty
                                                                        : 0,
                      space_glyph, space_width, space_cluster);
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
    if (plan_) {
      plan_->items = std::move(out_.items);  // plan_items keeps nothing else of what was built
      plan_->hyphens = std::move(out_.hyphens);
      plan_->hyphen_penalty = in_.hyphen_penalty;
      plan_->lone_particle_penalty = in_.lone_particle_penalty;
      plan_->measure_penalty = in_.measure_penalty;
      plan_->lone_particles = lone_particles_;
      plan_->measure_words =
          std::find(in_.breaks.begin(), in_.breaks.end(), kMeasureWordBreak) != in_.breaks.end();
    }
    return std::move(out_);
  }

 private:
  struct Side {
    CharClass cls = CharClass::LatinPunct;
    char32_t cp = 0;
    bool open = false, close = false;  // a compressible full-width mark
    bool full_mark = false;            // another full-width mark (：；！？): keeps its em
    bool latin = false;                // a Latin letter or digit, a unit sign after one, a sign before one
    const Face* face = nullptr;
  };

  Side side_of(const Cluster& c, CharClass cls, char32_t cp) const {
    Side s{.cls = cls, .cp = cp, .face = in_.glyphs[c.glyph_begin].face};
    // Only marks whose glyph really is a full em can lose half of it.
    const bool full_width = c.width > 0.9 * in_.em;
    // Only these classes read full_width: the plan checks them at every other size.
    if (plan_ && (cls == CharClass::CjkOpen || cls == CharClass::CjkClose || cls == CharClass::CjkOther))
      plan_->full_width.push_back({static_cast<std::uint32_t>(cluster_), full_width});
    const bool centered = in_.centered_stops && is_stop(cp);
    s.open = full_width && cls == CharClass::CjkOpen;
    s.close = full_width && cls == CharClass::CjkClose && !centered;
    s.full_mark = full_width && (cls == CharClass::CjkOther || (cls == CharClass::CjkClose && centered));
    s.latin =
        cls == CharClass::Latin || is_unit_sign(cp) ||
        (is_number_sign(cp) && c.end < in_.text.size() && in_.text[c.end] >= '0' && in_.text[c.end] <= '9');
    return s;
  }

  // CLReq 3.4 / JLReq 3.1.8: a quarter em between Han/Kana and Latin letters or digits,
  // and between Han and a unit sign ("30%以上" reads as "30% 以上").
  static bool needs_autospace(const Side& a, const Side& b) {
    return (is_han_or_kana(a.cls) && b.latin) || (a.latin && is_han_or_kana(b.cls));
  }

  // Every item goes out here, with how its widths follow from the size (when recording a plan).
  void push(const Item& item, const Recipe& recipe = {}) {
    out_.items.push_back(item);
    if (plan_) plan_->recipes.push_back(recipe);
  }

  void flush() {
    if (box_open_)
      push(box_, Recipe{.how = Recipe::Clusters,
                        .first = box_cluster_,
                        .last = static_cast<std::uint32_t>(cluster_last_)});
    box_open_ = false;
  }

  bool ends_with_forced_break() const {
    return !out_.items.empty() && std::holds_alternative<Penalty>(out_.items.back()) &&
           std::get<Penalty>(out_.items.back()).cost <= -kInfinitePenalty;
  }

  void force_break() {
    push(Glue{.width = 0, .stretch = 0, .shrink = 0, .kind = GlueKind::Fill});
    push(Penalty{.width = 0, .cost = -kInfinitePenalty});
  }

  void forbid_break_if(bool forbidden) {
    if (forbidden) push(Penalty{.cost = kInfinitePenalty});
  }

  // Glue of so many em (kEmGlue).
  void glue(EmGlue which, GlueKind kind, std::int32_t glyph = -1) {
    const auto& e = kEmGlue[which];
    push(Glue{em(e[0]), em(e[1]), em(e[2]), kind, glyph}, Recipe{.how = Recipe::Em, .em = which});
  }

  Pt em(double v) const { return v * in_.em; }

  // A space the author typed between two visible characters; `cost` of a break there:
  // kInfinitePenalty when a no-break space or the rules forbid a break before the next
  // character ("( note )"), kUnitBreakPenalty between a number and its unit.
  void typed_space(const Side& a, const Side& b, double cost, std::int32_t glyph, Pt width,
                   std::uint32_t cluster) {
    flush();
    if (cost > 0) push(Penalty{.cost = cost});
    if (needs_autospace(a, b)) {
      glue(kAutospaceGlue, GlueKind::Autospace, glyph);
    } else if (a.close || b.open) {
      // The mark's own half em is the space: do not add a word space to it.
      glue(kMarkGlue, GlueKind::Punctuation, glyph);
    } else if (((a.cp >= U'0' && a.cp <= U'9') || a.cp == U')') && cost >= kUnitBreakPenalty) {
      // After a number, a space that holds it to its unit or to its next digit group
      // ("140 mmHg", "+1 555 0100") is part of the quantity (SI 5.4.3): a tie, which never
      // opens past a word space at r = 1. "130/80 ⟷ mmHg" was the one space a Chinese line
      // no break could fill had to open, to 1 em. Between digit groups it does not open at all,
      // nor after a phone number's area code in brackets, which holds it to the number
      // (break_opportunities.cpp): a Chinese line opened it, "(02)␣␣2708-1234".
      if (b.cp >= U'0' && b.cp <= U'9')
        push(group_space(width, in_.em, glyph), Recipe{.how = Recipe::GroupSpace, .first = cluster});
      else
        push(word_space(width, in_.em, glyph, GlueKind::Tie),
             Recipe{.how = Recipe::WordSpace, .first = cluster});
    } else {
      push(word_space(width, in_.em, glyph), Recipe{.how = Recipe::WordSpace, .first = cluster});
    }
  }

  // Two visible characters side by side.
  void between(const Side& a, const Side& b, const Cluster& c) {
    const bool allowed = in_.breaks[c.begin] == kBreak;
    if (in_.breaks[c.begin] == kUrlBreak) {
      flush();
      forbid_break_if(true);  // the glue before the break is no break of its own
      glue(kRaggedGlue, GlueKind::Word);
      // In a word as a hyphen is: an address parted at a column's, panel's or page's end
      // ("thyroid@hanbit- | clinic.example.kr" over a turn) is copied in two halves.
      push(Penalty{.cost = a.cp == U'/' ? kUrlBreakPenalty : kUrlNameBreakPenalty, .in_word = true});
      glue(kRaggedUndone, GlueKind::Word);
    } else if (needs_autospace(a, b)) {
      flush();
      break_before(c, allowed, false);
      glue(kAutospaceGlue, GlueKind::Autospace);
    } else if ((a.close && !b.close && !b.full_mark) || (b.open && !a.open && !a.close && !a.full_mark)) {
      // The half em that a full-width mark keeps beside it; neighbouring marks share one,
      // whatever they are: 。」 」（ ）、 」： ：「 all take 1.5 em (CLReq 3.1.6, JLReq 3.1.4).
      flush();
      forbid_break_if(!allowed);
      glue(kMarkGlue, GlueKind::Punctuation);
    } else if (is_cjk(a.cls) && is_cjk(b.cls) && a.cls != CharClass::Hangul && b.cls != CharClass::Hangul &&
               !(a.cp == b.cp && (a.cp == U'—' || a.cp == U'…')) && !a.open && !b.close) {
      // Inter-character glue: how CJK lines are justified (CLReq 3.8). A line no break could
      // fill spreads it past its cap (paragraph.cpp set_line), but not beside a mark that keeps
      // its em (a centred "、" or "：" is blank on both sides: "，⟷每" read as a 3/4 em hole),
      // inside a katakana word ("フ ェ キ ソ フ ェ ナ ジ ン" read as a drug's name letter-spaced) or a
      // word or number in full-width letters ("Ｃ Ｋ Ｄ", "２ ０ ２ ６": Latin and digits are never
      // letter-spaced), nor before a small kana or ー, which belong to the kana before them
      // (JLReq 3.1.7).
      flush();
      break_before(c, allowed, true);
      // (Before a Han ideograph, U+4E00 and up, nothing is held: no list to search.)
      const bool held = a.full_mark || b.full_mark || (is_katakana(a.cp) && is_katakana(b.cp)) ||
                        (is_full_width_alnum(a.cp) && is_full_width_alnum(b.cp)) ||
                        (b.cp < 0x4E00 && may_not_start_line(b.cp, LineBreakStrictness::Strict));
      glue(kCjkGlue, held ? GlueKind::CjkHeld : GlueKind::Cjk);
    } else if (allowed) {
      flush();
      const bool after_hyphen = is_hyphen(a.cp);
      // After a slash between two names ("amoxicillin/ | clavulanate"): as after a compound's
      // hyphen, but no hyphen ends the line.
      push(Penalty{.cost = after_hyphen || a.cp == U'/' ? kExplicitHyphenPenalty : 0,
                   .flagged = after_hyphen,
                   .in_word = a.cp == U'/'});
    } else if (in_.breaks[c.begin] == kLastPassBreak) {
      // After the dash of a range of two times (break_opportunities.cpp): a line ends in it as
      // after a compound's hyphen (flagged: kept off a column's last line and out of a ladder).
      flush();
      push(Penalty{.cost = kLastPassBreakPenalty, .flagged = true});
    } else if (const auto b = in_.breaks[c.begin]; b == kInWordBreak || b == kGluedBreak) {
      // A title's Korean word and the gloss in brackets after it ("인플루엔자(독감)").
      flush();
      title_word_break(c);
    } else if (const auto b = in_.breaks[c.begin]; is_syllable_break(b)) {
      flush();
      lone_particles_ = lone_particles_ || b == kLoneSyllableBreak;
      push(Penalty{.cost = b == kFallbackBreak       ? kSyllableBreakPenalty
                           : b == kNameSyllableBreak ? kNameSyllablePenalty
                                                     : in_.lone_particle_penalty,
                   .in_word = true,
                   .fills = true});
    } else if (in_.hyphens[c.begin] && !in_.glyphs[c.glyph_begin].unsafe_to_break) {
      flush();
      // In ragged text, a unit written out after its number ("10 seconds") costs its tie as well
      // as a hyphen to part: else the tie's cost bought "Hold your breath for 10 sec- | onds",
      // where "for | 10 seconds" deepens the rag a little.
      const double cost = in_.hyphens[c.begin] == kNameHyphen ? kNameHyphenPenalty
                          : measure_word_ && in_.measure_penalty == kRaggedMeasurePenalty
                              ? in_.hyphen_penalty + kRaggedMeasurePenalty
                              : in_.hyphen_penalty;
      hyphen_penalty(a.face, cost, c.begin);
    }
  }

  // The break before `c` where glue follows it (between two CJK characters, or a CJK character and
  // a Latin one): a word that belongs to the number after it ("约5～7天", "每2天", "午後5時") at a
  // tie's cost, as when spaced (break_opportunities.cpp); between two CJK characters (`words`), a
  // title's or a table cell's break inside a word at its cost (title_word_break); else allowed or
  // not (an ordinal's 第 before a digit, kInWordBreak: never).
  void break_before(const Cluster& c, bool allowed, bool words) {
    if (in_.breaks[c.begin] == kNumberPrefixBreak)
      push(Penalty{.cost = kNumberPrefixPenalty});
    else if (!(words && title_word_break(c)))
      forbid_break_if(!allowed);
  }

  // A title's break inside a word, or between a word and its gloss (kInWordBreak, kGluedBreak,
  // paragraph.cpp keep_cjk_words_whole), which the balancer takes only when they fit no line
  // together: its penalty, if the break before `c` is one.
  bool title_word_break(const Cluster& c) {
    const auto b = in_.breaks[c.begin];
    if (b != kInWordBreak && b != kGluedBreak) return false;
    push(Penalty{.cost = b == kInWordBreak ? kInWordBreakPenalty : kGluedBreakPenalty,
                 .in_word = b == kInWordBreak});
    return true;
  }

  void hyphen_penalty(const Face* face, double cost, std::size_t at) {
    const unsigned g = face->hyphen_glyph;
    const Pt w = face->hyphen_em * in_.em;
    out_.hyphens.push_back(
        ShapedGlyph{.face = face, .glyph = g, .cluster = static_cast<std::uint32_t>(at), .advance = w});
    push(Penalty{.width = w,
                 .cost = cost,
                 .flagged = true,
                 .glyph = static_cast<std::int32_t>(out_.hyphens.size() - 1)},
         Recipe{.how = Recipe::Hyphen});
  }

  void add(const Cluster& c, const Side& s) {
    if (s.open || s.close) {
      // A full-width mark is a half-em box; its other half is glue (see between()).
      flush();
      push(Box{.width = c.width / 2,
               .glyph_begin = c.glyph_begin,
               .glyph_end = c.glyph_end,
               .shift = s.open ? -c.width / 2 : 0},
           Recipe{.how = s.open ? Recipe::OpenMark : Recipe::CloseMark,
                  .first = static_cast<std::uint32_t>(cluster_)});
      return;
    }
    // Room for a hyphen after `c` only where more of the word follows it: a word as wide as the
    // line, hyphen excepted, had its last letter split off ("acetaminophe- | n" in a table's cell
    // that holds "acetaminophen").
    const auto word_ends = [&] { return line_may_end_after(cluster_); };
    // ... and a Latin word wider than a line is split into parts of about equal width, each
    // within the line, rather than filled letter by letter to the line's end: greedy, a table's
    // cut column read "acetaminophe- | n", now "acetami- | nophen".
    const bool even_split =
        box_open_ && split_width_ > 0 && !is_hyphen(s.cp) && box_.width + c.width / 2 > split_width_;
    if (box_open_ && in_.max_box_width > 0 && !is_hyphen(s.cp) &&
        (even_split ||
         box_.width + c.width + (word_ends() ? 0 : s.face->hyphen_em * in_.em) > in_.max_box_width)) {
      // A word longer than a line: break it rather than run off the page. Hangul and Han
      // take no hyphen (a Korean word split between syllables shows none, KLREQ); nor does a
      // break right after the word's own hyphen, and none comes before one: "cotransporter- |
      // -2" and "cotransporter-- | 2" had two.
      flush();
      if (s.cls == CharClass::Hangul || s.cls == CharClass::Cjk)
        push(Penalty{.cost = kEmergencySplitPenalty});
      else if (is_hyphen(box_last_cp_))
        push(Penalty{.cost = kEmergencySplitPenalty, .flagged = true});
      else
        hyphen_penalty(s.face, kEmergencySplitPenalty, c.begin);
    }
    box_last_cp_ = s.cp;
    const bool latin = s.cls == CharClass::Latin || s.cls == CharClass::LatinPunct;
    if (!box_open_) {
      split_width_ = latin && in_.max_box_width > 0 ? even_part(s) : 0;
      box_ = Box{.width = 0, .glyph_begin = c.glyph_begin, .glyph_end = c.glyph_begin, .expandable = latin};
      box_open_ = true;
      box_cluster_ = static_cast<std::uint32_t>(cluster_);
    }
    box_.expandable = box_.expandable && latin;
    box_.glyph_end = c.glyph_end;
    box_.width += c.width;
    cluster_last_ = cluster_;
  }

  // The width of each part of the Latin word that starts at the cluster being read, where it is
  // wider than a line (ItemInput::max_box_width): the word's letters and marks up to its end (a
  // space, a line's end, a break or a hyphenation point, anything not Latin) shared among as
  // few parts as hold it, a hyphen after each but the last. 0: it fits whole, or no line may end
  // after it. Read short (it stops at a mark the word may still run on past), never long: a
  // part is never narrower than it must be.
  Pt even_part(const Side& s) const {
    const auto& cl = *clusters_;
    Pt word = 0;
    std::size_t k = cluster_;
    for (; k < cl.size(); ++k) {
      const std::size_t at = cl[k].begin;
      if (k > cluster_ && (in_.breaks[at] != kNoBreak || in_.hyphens[at] != 0)) break;
      // Its marks too ("(ABC…)", "ABC…,"): they are in the box with its letters.
      if (in_.classes[at] != CharClass::Latin && in_.classes[at] != CharClass::LatinPunct) break;
      word += cl[k].width;
      // A compound's part ends at its own hyphen: no line ends right after it (below), so the
      // compound is filled to the line's end as before, and parts first at that hyphen
      // ("cotransporter- | 2", not "cotrans- | porter-2").
      std::size_t pos = at;
      if (is_hyphen(next_code_point(in_.text, pos))) {
        ++k;
        break;
      }
    }
    // Only a word a line may end after: one glued to what follows (a no-break space, a tie
    // before its unit, "( ABC… )") is filled to the line's end as before, so that its last part
    // is short enough to share a line with what it is glued to (else "…nophen drops" ran past).
    if (k == cluster_ || !line_may_end_after(k - 1)) return 0;
    const Pt hyphen = s.face->hyphen_em * in_.em, line = in_.max_box_width - hyphen;
    // Its last part takes no hyphen (add() checks it so).
    if (word <= in_.max_box_width || line <= 0) return 0;
    return word / std::ceil((word - hyphen) / line);
  }

  // Whether a line may end right after cluster `k`: at the text's end, a line break, or a space a
  // line may end at (not a no-break space, nor one before a mark no line may start with, ")",
  // nor a tie before a unit: "( ABC… )", "ABC… mg" ran past the column with their break gone).
  bool line_may_end_after(std::size_t k) const {
    const auto& cl = *clusters_;
    if (k + 1 >= cl.size()) return true;
    const CharClass next = in_.classes[cl[k + 1].begin];
    if (next == CharClass::Newline) return true;
    if (next != CharClass::Space) return false;
    std::size_t after = k + 1;
    while (after < cl.size() && in_.classes[cl[after].begin] == CharClass::Space) ++after;
    return after >= cl.size() || in_.classes[cl[after].begin] == CharClass::Newline ||
           in_.breaks[cl[after].begin] == kBreak;
  }

  const ItemInput& in_;
  ItemPlan* plan_ = nullptr;
  Items out_;
  Box box_;
  bool box_open_ = false;
  std::size_t cluster_ = 0;  // the cluster being read
  const std::vector<Cluster>* clusters_ = nullptr;  // all of them (build)
  Pt split_width_ = 0;                              // even_part of the word being read
  // The word being read is a unit written out after its number (kMeasureWordBreak).
  bool measure_word_ = false;
  std::uint32_t box_cluster_ = 0;  // the open box's first cluster
  std::size_t cluster_last_ = 0;   // and its last
  char32_t box_last_cp_ = 0;       // the open box's last character so far
  bool lone_particles_ = false;    // a particle's break was pushed (ItemPlan::lone_particles)
};

}  // namespace

Glue word_space(Pt width, Pt em, std::int32_t glyph, GlueKind kind) {
  // A word space, Latin or Korean, opens to kWordSpaceMax at ratio 1 (see items.hpp).
  return Glue{width, std::max(width / 2, kWordSpaceMax * em - width), width / 2.5, kind, glyph};
}

Glue group_space(Pt width, Pt em, std::int32_t glyph) {
  Glue g = word_space(width, em, glyph, GlueKind::Tie);
  g.stretch = 0;
  return g;
}

Items build_items(const ItemInput& in) {
  return Builder(in).build();
}

ItemPlan plan_items(const ItemInput& in) {
  ItemPlan plan;
  ItemInput whole = in;
  whole.max_box_width = 0;  // the plan has every word whole; build_items checks the splits per size
  Builder(whole, &plan).build();
  // Kept in the prepared-paragraph cache, whose bound counts sizes: no room left from growing.
  plan.items.shrink_to_fit();
  plan.recipes.shrink_to_fit();
  return plan;
}

std::optional<Items> items_at(const ItemPlan& plan, const ItemInput& in, std::vector<ShapedGlyph>&& glyphs) {
  if (plan.clusters.empty() || plan.hyphen_penalty != in.hyphen_penalty ||
      (plan.measure_words && plan.measure_penalty != in.measure_penalty) ||
      (plan.lone_particles && plan.lone_particle_penalty != in.lone_particle_penalty))
    return std::nullopt;
  const Pt em = in.em;
  // A cluster's width as clusters_of adds it: glyph by glyph, in text order.
  const auto width = [&](std::uint32_t k) {
    Pt w = 0;
    for (std::uint32_t g = plan.clusters[k]; g < plan.clusters[k + 1]; ++g) w += in.glyphs[g].advance;
    return w;
  };
  // What side_of decided from a width: the same at this size, or the plan does not hold.
  for (const auto& [k, full] : plan.full_width)
    if ((width(k) > 0.9 * em) != full) return std::nullopt;
  Items out;
  out.items = plan.items;
  for (std::size_t i = 0; i < out.items.size(); ++i) {
    const Recipe& r = plan.recipes[i];
    Item& item = out.items[i];
    switch (r.how) {
      case Recipe::None:
        break;
      case Recipe::Clusters: {
        Pt w = 0;
        for (std::uint32_t k = r.first; k <= r.last; ++k) {
          const Pt cw = width(k);
          // Where add() would split a word wider than a line (the old greedy test, which holds
          // wherever add()'s does, its even parts and a word's last letter included): no plan
          if (k > r.first && in.max_box_width > 0 &&
              w + cw + in.glyphs[plan.clusters[k]].face->hyphen_em * em > in.max_box_width)
            return std::nullopt;
          w += cw;
        }
        std::get_if<Box>(&item)->width = w;
        break;
      }
      case Recipe::OpenMark:
      case Recipe::CloseMark: {
        Box* box = std::get_if<Box>(&item);
        const Pt w = width(r.first);
        box->width = w / 2;
        box->shift = r.how == Recipe::OpenMark ? -w / 2 : 0;
        break;
      }
      case Recipe::Em: {
        Glue* g = std::get_if<Glue>(&item);
        const auto& e = kEmGlue[r.em];
        g->width = e[0] * em;
        g->stretch = e[1] * em;
        g->shrink = e[2] * em;
        break;
      }
      case Recipe::WordSpace: {
        Glue* g = std::get_if<Glue>(&item);
        *g = word_space(width(r.first), em, g->glyph, g->kind);
        break;
      }
      case Recipe::GroupSpace: {
        Glue* g = std::get_if<Glue>(&item);
        *g = group_space(width(r.first), em, g->glyph);
        break;
      }
      case Recipe::Hyphen: {
        Penalty* p = std::get_if<Penalty>(&item);
        p->width = plan.hyphens[static_cast<std::size_t>(p->glyph)].face->hyphen_em * em;
        break;
      }
    }
  }
  out.hyphens = plan.hyphens;
  for (auto& h : out.hyphens) h.advance = h.face->hyphen_em * em;
  out.glyphs = std::move(glyphs);
  return out;
}

std::optional<Items> items_at(const ItemPlan& plan, const ItemInput& in) {
  return items_at(plan, in, std::vector<ShapedGlyph>(in.glyphs.begin(), in.glyphs.end()));
}

Items build_items(const ItemPlan& plan, const ItemInput& in, std::vector<ShapedGlyph>&& glyphs) {
  if (auto items = items_at(plan, in, std::move(glyphs))) return std::move(*items);
  return build_items(in);
}

Items build_items(const ItemPlan& plan, const ItemInput& in) {
  if (auto items = items_at(plan, in)) return std::move(*items);
  return build_items(in);
}

}  // namespace leafpress::text
