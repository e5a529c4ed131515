#include "batch/font_check.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include "core/utf8.hpp"

namespace leafpress::batch {
namespace {

constexpr std::size_t kMaxListed = 12;  // characters named in one warning; the count says the rest

// Han, kana, Hangul, bopomofo, CJK punctuation and full-width forms: the blocks a CJK font sets.
bool is_cjk_char(char32_t cp) {
  constexpr std::pair<char32_t, char32_t> kBlocks[] = {{0x1100, 0x11FF}, {0x2E80, 0x2FDF},  {0x3000, 0x33FF},
                                                       {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},  {0xA960, 0xA97F},
                                                       {0xAC00, 0xD7FF}, {0xF900, 0xFAFF},  {0xFE30, 0xFE4F},
                                                       {0xFF00, 0xFFEF}, {0x20000, 0x3FFFF}};
  for (const auto& [first, last] : kBlocks)
    if (cp >= first && cp <= last) return true;
  return false;
}

void collect(const std::string& text, std::set<char32_t>& latin, std::set<char32_t>& cjk) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp < 0x21 || (cp >= 0x7F && cp < 0xA1) || cp == 0x200B || cp == 0xFEFF) continue;
    (is_cjk_char(cp) ? cjk : latin).insert(cp);
  }
}

}  // namespace

Result<std::vector<std::string>> font_coverage_warnings(const doc::Document& d, const layout::Template& t,
                                                        const text::FontSet& fonts) {
  // "Noto Serif CJK" names a family of regional faces; the article's language picks one (font_set.hpp).
  const std::string lang = d.meta.lang.empty() ? "en" : d.meta.lang;
  const auto cjk_face = [&](const std::string& f) { return text::regional_cjk_family(f, lang); };
  const layout::Template defaults;
  // The shipped Noto families are the ones every test and layout is made with; only a family
  // someone chose is checked (the Noto fallbacks for a rare sign are itemize's business).
  const std::string shipped[] = {defaults.serif.latin, defaults.sans.latin, cjk_face(defaults.serif.cjk),
                                 cjk_face(defaults.sans.cjk)};
  const auto chosen = [&](const std::string& family) {
    return !family.empty() && std::find(std::begin(shipped), std::end(shipped), family) == std::end(shipped);
  };
  // Nothing to check (the usual case): the article's characters are not even gathered.
  if (!chosen(t.serif.latin) && !chosen(cjk_face(t.serif.cjk)) && !chosen(t.sans.latin) &&
      !chosen(cjk_face(t.sans.cjk)))
    return std::vector<std::string>{};
  std::set<char32_t> body_latin, body_cjk, head_latin, head_cjk;
  for (const auto& b : d.blocks) {
    const bool heading = b.kind == doc::BlockKind::Heading;
    for (const auto& s : b.spans)
      collect(s.text, heading ? head_latin : body_latin, heading ? head_cjk : body_cjk);
  }
  collect(d.meta.title, head_latin, head_cjk);
  collect(d.meta.subtitle, head_latin, head_cjk);
  std::vector<std::string> out;
  auto check = [&](const std::string& role, const std::string& family,
                   const std::set<char32_t>& used) -> Status {
    if (!chosen(family) || used.empty()) return Ok{};
    auto face = fonts.face(text::FaceRequest{.family = family});
    if (!face) {
      Error e = face.error();
      e.message = role + " '" + family + "': " + e.message;
      if (e.hint.empty()) e.hint = "see `leafpress fonts` for the families installed, by script";
      return e;
    }
    std::string lacking;
    std::size_t count = 0;
    for (const char32_t cp : used)
      if (!(*face)->covers(cp)) {
        if (++count <= kMaxListed) {
          lacking += ' ';
          append_utf8(lacking, cp);
        }
      }
    if (count > 0)
      out.push_back(role + " '" + family + "' lacks " + std::to_string(count) + " character" +
                    (count == 1 ? "" : "s") + " the article uses:" + lacking +
                    (count > kMaxListed ? " ..." : "") +
                    " (choose a family that covers them: leafpress fonts)");
    return Ok{};
  };
  // The body is set in the serif role, headings and the title in the sans role (layout/styles.cpp).
  for (const auto& [role, family, used] :
       {std::tuple{std::string("fonts.serif"), t.serif.latin, body_latin},
        std::tuple{std::string("fonts.serif.cjk"), cjk_face(t.serif.cjk), body_cjk},
        std::tuple{std::string("fonts.sans"), t.sans.latin, head_latin},
        std::tuple{std::string("fonts.sans.cjk"), cjk_face(t.sans.cjk), head_cjk}})
    if (auto r = check(role, family, used); !r) return r.error();
  return out;
}

}  // namespace leafpress::batch
