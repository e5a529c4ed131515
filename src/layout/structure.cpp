#include "layout/structure.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

#include "core/utf8.hpp"

namespace leafpress::layout {

const char* struct_type_name(StructType type) {
  switch (type) {
    case StructType::Document:
      return "Document";
    case StructType::Sect:
      return "Sect";
    case StructType::H1:
      return "H1";
    case StructType::H2:
      return "H2";
    case StructType::H3:
      return "H3";
    case StructType::H4:
      return "H4";
    case StructType::H5:
      return "H5";
    case StructType::H6:
      return "H6";
    case StructType::P:
      return "P";
    case StructType::L:
      return "L";
    case StructType::LI:
      return "LI";
    case StructType::Lbl:
      return "Lbl";
    case StructType::LBody:
      return "LBody";
    case StructType::BlockQuote:
      return "BlockQuote";
    case StructType::Table:
      return "Table";
    case StructType::THead:
      return "THead";
    case StructType::TBody:
      return "TBody";
    case StructType::TR:
      return "TR";
    case StructType::TH:
      return "TH";
    case StructType::TD:
      return "TD";
    case StructType::Figure:
      return "Figure";
    case StructType::Caption:
      return "Caption";
    case StructType::Note:
      return "Note";
    case StructType::Reference:
      return "Reference";
    case StructType::Link:
      return "Link";
    case StructType::Span:
      return "Span";
  }
  return "Span";
}

void graft(StructTree& tree, int parent, Decoration& d) {
  const int offset = static_cast<int>(tree.elements.size());
  for (StructElement e : d.structure.elements) {
    const bool root = e.parent == kArtifact;
    e.parent = root ? parent : e.parent + offset;
    for (int& child : e.children) child += offset;
    tree.elements.push_back(std::move(e));
    if (root && parent >= 0)
      tree.elements[static_cast<std::size_t>(parent)].children.push_back(
          static_cast<int>(tree.elements.size()) - 1);
  }
  auto move = [&](auto& pieces) {
    for (auto& piece : pieces)
      if (piece.tag.element >= 0) piece.tag.element += offset;
  };
  move(d.fills);
  move(d.images);
  move(d.runs);
  move(d.rules);
  d.structure = StructTree{};
}

namespace {

constexpr int kTopHeading = 2;  // the title is H1; the body's headings start at H2

StructType heading(int level) {
  static constexpr StructType kLevels[] = {StructType::H1, StructType::H2, StructType::H3,
                                           StructType::H4, StructType::H5, StructType::H6};
  return kLevels[std::clamp(level, 1, 6) - 1];
}

// The containers a block goes into, as the flat block list reveals them (doc/document.hpp:
// depth and quote_depth): sections by heading level, quotes by depth, lists by depth.
class BodyBuilder {
 public:
  BodyBuilder(StructTree& tree, int root) : tree_(tree), root_(root) {}

  void add(const doc::Block& block, Collected& c, std::vector<std::string>& warnings,
           const std::string& path) {
    if (block.kind == doc::BlockKind::Footnote) return note(block, c);
    set_quote_depth(block.quote_depth);
    if (block.kind != doc::BlockKind::ListItem && block.depth == 0) lists_.clear();
    switch (block.kind) {
      case doc::BlockKind::Heading: {
        const int level = heading_level(block.level);
        if (block.quote_depth == 0) {
          while (!sects_.empty() && sects_.back().first >= level) sects_.pop_back();
          const int sect = tree_.add(StructType::Sect, container());
          sects_.emplace_back(level, sect);
        }
        c.tags.text = tree_.add(heading(level), container());
        return;
      }
      case doc::BlockKind::ThematicBreak:
        return;  // a rule: an artifact
      case doc::BlockKind::Image: {
        c.tags.figure = tree_.add(StructType::Figure, inner());
        auto& figure = tree_.elements[static_cast<std::size_t>(c.tags.figure)];
        figure.alt = block.plain_text();
        // A QR code's alt text names where it leads: a screen reader cannot scan it.
        if (!block.qr.empty())
          figure.alt =
              figure.alt.empty() ? "QR code: " + block.qr : figure.alt + " (QR code: " + block.qr + ")";
        if (figure.alt.empty())
          warnings.push_back(path + ":" + std::to_string(block.line) +
                             ": the picture has no alt text, so screen readers cannot describe it "
                             "(write ![what it shows](" +
                             std::filesystem::path(block.image).filename().string() + "))");
        if (!c.lines.empty()) c.tags.text = tree_.add(StructType::Caption, c.tags.figure);
        return;
      }
      case doc::BlockKind::ListItem:
        return list_item(block, c);
      case doc::BlockKind::Table:  // its TR, TH and TD come from place_blocks, as the rows are drawn
        c.tags.text = tree_.add(StructType::Table, inner());
        return;
      default:
        c.tags.text = tree_.add(StructType::P, inner());
        return;
    }
  }

 private:
  struct ListLevel {
    int list = kArtifact, body = kArtifact;
  };

  // The first body heading becomes H2 whatever its Markdown level; later ones keep their
  // distance from it, but never go more than one level below the heading before (ISO 14289-1
  // 7.4.2: heading levels must not skip).
  int heading_level(int markdown) {
    if (!mapped_) offset_ = kTopHeading - markdown, mapped_ = true;
    const int level = std::clamp(markdown + offset_, kTopHeading, std::min(6, previous_ + 1));
    previous_ = level;
    return level;
  }

  int container() const { return quotes_.empty() ? section() : quotes_.back(); }
  int section() const { return sects_.empty() ? root_ : sects_.back().second; }
  // Where a paragraph goes: inside the innermost list item, if any.
  int inner() const { return !lists_.empty() && lists_.back().body >= 0 ? lists_.back().body : container(); }

  void set_quote_depth(int depth) {
    if (static_cast<int>(quotes_.size()) == depth) return;
    lists_.clear();
    while (static_cast<int>(quotes_.size()) > depth) quotes_.pop_back();
    while (static_cast<int>(quotes_.size()) < depth)
      quotes_.push_back(tree_.add(StructType::BlockQuote, container()));
  }

  void list_item(const doc::Block& block, Collected& c) {
    const auto depth = static_cast<std::size_t>(std::max(block.depth, 1));
    while (lists_.size() > depth) lists_.pop_back();
    while (lists_.size() < depth) lists_.push_back(ListLevel{tree_.add(StructType::L, inner()), kArtifact});
    ListLevel& level = lists_.back();
    if (block.first_in_item || level.body < 0) {
      const int item = tree_.add(StructType::LI, level.list);
      if (c.marker || block.task != doc::Task::None) c.tags.label = tree_.add(StructType::Lbl, item);
      // A task item's box is drawn, not written: its state as text (ISO 32000-1 14.9.4).
      if (block.task != doc::Task::None)
        tree_.elements[static_cast<std::size_t>(c.tags.label)].actual_text =
            block.task == doc::Task::Done ? "\u2611" : "\u2610";
      level.body = tree_.add(StructType::LBody, item);
    }
    c.tags.text = tree_.add(StructType::P, level.body);
  }

  // Footnotes follow the article: a Note per note, its number as Lbl (a listener must hear
  // which reference the note answers; it was an artifact), its paragraphs as P.
  void note(const doc::Block& block, Collected& c) {
    lists_.clear();
    quotes_.clear();
    if (block.footnote != note_number_ || note_ < 0) {
      note_ = tree_.add(StructType::Note, root_);
      note_number_ = block.footnote;
      if (c.marker) c.tags.label = tree_.add(StructType::Lbl, note_);
    }
    c.tags.text = tree_.add(StructType::P, note_);
  }

  StructTree& tree_;
  int root_;
  std::vector<std::pair<int, int>> sects_;  // (heading level, Sect)
  std::vector<int> quotes_;                 // BlockQuote per depth
  std::vector<ListLevel> lists_;            // L per depth, with the current item's LBody
  int offset_ = 0, previous_ = 1;
  bool mapped_ = false;  // offset_ is set by the first heading
  int note_ = kArtifact, note_number_ = 0;
};

}  // namespace

void build_body_structure(StructTree& tree, int root, const Scene& s, Collection& c,
                          std::vector<std::string>& warnings) {
  BodyBuilder builder(tree, root);
  for (Collected& k : c.blocks) {
    if (k.block < 0 || static_cast<std::size_t>(k.block) >= s.doc.blocks.size()) continue;
    builder.add(s.doc.blocks[static_cast<std::size_t>(k.block)], k, warnings, s.doc.path);
  }
}

// ---- Languages ----

namespace {

enum class Script { Neutral, Latin, Han, Kana, Hangul };

Script script_of(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
    return Script::Latin;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)) return Script::Kana;
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
    return Script::Hangul;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF))
    return Script::Han;
  return Script::Neutral;
}

bool cjk(const std::string& lang) {
  auto starts = [&](const char* p) { return lang.rfind(p, 0) == 0; };
  return starts("zh") || starts("ja") || starts("ko");
}

// foreign_language for a first character of `script`, in a document in `lang`.
const char* language_of(Script script, const std::string& lang, bool cjk_document) {
  if (cjk_document) {
    // Hangul in Japanese or Chinese, kana in Korean: rare enough to name them too.
    if (script == Script::Latin) return "en";
    if (script == Script::Hangul && lang.rfind("ko", 0) != 0) return "ko";
    if (script == Script::Kana && lang.rfind("ja", 0) != 0) return "ja";
    return "";
  }
  switch (script) {
    case Script::Han:
      return "zh";
    case Script::Kana:
      return "ja";
    case Script::Hangul:
      return "ko";
    default:
      return "";
  }
}

}  // namespace

std::string foreign_language(const std::string& text, const std::string& lang) {
  if (text.empty() || first_invalid_utf8(text)) return "";
  std::size_t pos = 0;
  return language_of(script_of(next_code_point(text, pos)), lang, cjk(lang));
}

void split_languages(PageModel& model, const std::string& lang) {
  StructTree& tree = model.structure;
  if (tree.elements.empty()) return;
  // A run's parts: [begin, end) of its glyphs and their language ("" = the document's).
  struct Part {
    std::size_t begin, end;
    std::string_view lang;  // a literal of language_of
    bool strong;            // holds a letter of some script (else only neutral glyphs so far)
  };
  const bool cjk_document = cjk(lang);
  auto parts_of = [&](const GlyphRun& run) {
    std::vector<Part> parts;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
      const std::string& text = run.glyphs[i].text;
      bool strong = false;
      std::string_view l;  // foreign_language(text, lang), worked out once per glyph
      const bool ascii = text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80;  // most glyphs
      if (ascii || (!text.empty() && !first_invalid_utf8(text))) {
        std::size_t pos = 0;
        const Script script = script_of(ascii ? static_cast<char32_t>(text[0]) : next_code_point(text, pos));
        strong = script != Script::Neutral;
        if (strong) l = language_of(script, lang, cjk_document);
      }
      // Neutral glyphs (spaces, digits, punctuation) stay with the part they follow, or join
      // the first letters after them at the start of a run.
      if (parts.empty() || (strong && parts.back().strong && parts.back().lang != l))
        parts.push_back(Part{i, i, l, strong});
      else if (strong && !parts.back().strong)
        parts.back().lang = l, parts.back().strong = true;
      parts.back().end = i + 1;
    }
    return parts;
  };
  // Each tagged run's parts, worked out once (they are used up to three times below).
  std::vector<std::vector<std::vector<Part>>> parts(model.pages.size());
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    parts[p].resize(model.pages[p].runs.size());
    for (std::size_t r = 0; r < model.pages[p].runs.size(); ++r)
      if (model.pages[p].runs[r].tag.element >= 0) parts[p][r] = parts_of(model.pages[p].runs[r]);
  }
  // First: the languages of each element's runs. One foreign language throughout: /Lang on it.
  std::map<int, std::vector<std::string>> seen;  // element → languages of its parts
  for (std::size_t p = 0; p < model.pages.size(); ++p)
    for (std::size_t r = 0; r < model.pages[p].runs.size(); ++r) {
      const GlyphRun& run = model.pages[p].runs[r];
      if (run.tag.element < 0) continue;
      auto& langs = seen[run.tag.element];
      for (const Part& part : parts[p][r])
        if (std::find(langs.begin(), langs.end(), part.lang) == langs.end())
          langs.push_back(std::string(part.lang));
    }
  std::map<int, bool> split;  // element → its runs are split into Spans
  for (const auto& [element, langs] : seen) {
    bool any_foreign = false;
    for (const auto& l : langs) any_foreign |= !l.empty();
    if (!any_foreign) continue;
    if (langs.size() == 1)
      tree.elements[static_cast<std::size_t>(element)].lang = langs.front();
    else
      split[element] = true;
  }
  if (split.empty()) return;
  // The split runs in drawing order, so that a foreign phrase running over several lines is one
  // Span; a part in the document's language closes it.
  struct At {
    int order;
    std::size_t page, run;
    bool operator<(const At& o) const {
      return std::tie(order, page, run) < std::tie(o.order, o.page, o.run);
    }
  };
  std::vector<At> order;
  for (std::size_t p = 0; p < model.pages.size(); ++p)
    for (std::size_t r = 0; r < model.pages[p].runs.size(); ++r)
      if (const Tag& t = model.pages[p].runs[r].tag; t.element >= 0 && split.count(t.element))
        order.push_back(At{t.order, p, r});
  std::sort(order.begin(), order.end());
  std::map<std::pair<std::size_t, std::size_t>, std::vector<int>> part_elements;  // (page, run) → per part
  std::map<int, std::pair<std::string, int>> open;  // element → (language, Span) still open
  for (const At& at : order) {
    const GlyphRun& run = model.pages[at.page].runs[at.run];
    auto& elements = part_elements[{at.page, at.run}];
    auto& [open_lang, span] = open.try_emplace(run.tag.element, std::string(), kArtifact).first->second;
    for (const Part& part : parts[at.page][at.run]) {
      if (!part.strong && span >= 0) {  // only digits or punctuation: part of the open Span
        elements.push_back(span);
        continue;
      }
      if (part.lang.empty()) {
        span = kArtifact;
        elements.push_back(run.tag.element);
        continue;
      }
      if (span < 0 || open_lang != part.lang) {
        span = tree.add(StructType::Span, run.tag.element);
        tree.elements.back().lang = open_lang = std::string(part.lang);
      }
      elements.push_back(span);
    }
  }
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    Page& page = model.pages[p];
    std::vector<GlyphRun> runs;
    runs.reserve(page.runs.size());
    for (std::size_t r = 0; r < page.runs.size(); ++r) {
      GlyphRun& run = page.runs[r];
      const auto found = part_elements.find({p, r});
      if (found == part_elements.end()) {
        runs.push_back(std::move(run));
        continue;
      }
      const auto& run_parts = parts[p][r];
      for (std::size_t i = 0; i < run_parts.size(); ++i) {
        GlyphRun piece{run.x, run.y, run.size, run.color, {}, run.tag, run.actual_text};
        piece.glyphs.assign(run.glyphs.begin() + static_cast<std::ptrdiff_t>(run_parts[i].begin),
                            run.glyphs.begin() + static_cast<std::ptrdiff_t>(run_parts[i].end));
        piece.tag.element = found->second[i];
        runs.push_back(std::move(piece));
      }
    }
    page.runs = std::move(runs);
  }
}

// ---- Reading order ----

void number_reading_order(PageModel& model) {
  StructTree& tree = model.structure;
  if (tree.elements.empty()) return;
  // Drawing order within a producer: (order as drawn, page, kind, index) — the split parts of a
  // run share its order and follow each other in the page's runs.
  using Key = std::tuple<int, std::size_t, int, std::size_t>;
  struct Piece {
    Key key;
    Tag* tag;
  };
  std::vector<std::vector<Piece>> own(tree.elements.size());
  auto collect = [&](std::size_t page, int kind, auto& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Tag& tag = pieces[i].tag;
      if (tag.element < 0 || static_cast<std::size_t>(tag.element) >= own.size()) {
        tag.element = kArtifact;
        continue;
      }
      own[static_cast<std::size_t>(tag.element)].push_back(Piece{Key{tag.order, page, kind, i}, &tag});
    }
  };
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    Page& page = model.pages[p];
    collect(p, 0, page.fills);
    collect(p, 1, page.images);
    collect(p, 2, page.runs);
    collect(p, 3, page.dots);
    collect(p, 4, page.rules);
  }
  for (auto& pieces : own)
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.key < b.key; });
  // The first piece of each element's subtree, to merge children among an element's own pieces.
  std::vector<std::optional<Key>> first(tree.elements.size());
  auto first_of = [&](auto& self, int e) -> std::optional<Key> {
    const auto i = static_cast<std::size_t>(e);
    std::optional<Key> k = own[i].empty() ? std::nullopt : std::optional<Key>(own[i].front().key);
    for (const int child : tree.elements[i].children) {
      const auto c = self(self, child);
      if (c && (!k || *c < *k)) k = c;
    }
    return first[i] = k;
  };
  first_of(first_of, 0);
  int next = 0;
  auto walk = [&](auto& self, int e) -> void {
    const auto i = static_cast<std::size_t>(e);
    const auto& children = tree.elements[i].children;
    if (own[i].empty()) {
      for (const int child : children) self(self, child);
      return;
    }
    std::size_t p = 0;
    for (const int child : children) {
      const auto& k = first[static_cast<std::size_t>(child)];
      while (p < own[i].size() && (!k || own[i][p].key < *k)) own[i][p++].tag->order = next++;
      self(self, child);
    }
    while (p < own[i].size()) own[i][p++].tag->order = next++;
  };
  walk(walk, 0);
}

}  // namespace leafpress::layout
