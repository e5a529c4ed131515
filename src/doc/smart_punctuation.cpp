#include "doc/smart_punctuation.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <unicode/uchar.h>

#include "core/utf8.hpp"
#include "doc/cmark_gfm.hpp"
#include "doc/document.hpp"

namespace leafpress::doc {
namespace {

bool ascii_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool ascii_punct(char c) {
  return std::ispunct(static_cast<unsigned char>(c)) != 0;
}  // CommonMark's set
bool blank(char c) {
  return c == ' ' || c == '\t';
}

// A phone number has at least this many digits ("(217) 555-0148", "01722 555 019"); shorter
// digit groups (doses, years, house numbers) are text.
constexpr int kPhoneDigits = 7;

// Marks [from, to) as typed-as-is.
void keep(std::vector<bool>& kept, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) kept[i] = true;
}

// `scheme://…` or `www.…` up to white space or non-ASCII text (a CJK sentence goes on
// without a space, as doc/cjk_autolinks.hpp ends addresses), less the punctuation GFM's
// autolinks leave outside an address: `(see www.x.org).` keeps `).`.
void keep_addresses(std::string_view s, std::vector<bool>& kept) {
  const auto lower = [&](std::size_t k) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  };
  std::size_t scheme_end = 0;  // where the last scheme scan stopped: a start before it stops there too
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && ascii_alnum(s[i - 1])) continue;  // an address starts a word
    bool scheme = false;
    if (i >= scheme_end) {  // each character scanned once: linear in a hostile `a.a.a.a…`
      scheme_end = i;
      while (scheme_end < s.size() && (ascii_alnum(s[scheme_end]) || s[scheme_end] == '+' ||
                                       s[scheme_end] == '.' || s[scheme_end] == '-'))
        ++scheme_end;
      scheme = scheme_end > i && std::isalpha(static_cast<unsigned char>(s[i])) &&
               s.substr(scheme_end, 3) == "://";
    }
    const bool www =
        i + 4 <= s.size() && lower(i) == 'w' && lower(i + 1) == 'w' && lower(i + 2) == 'w' && s[i + 3] == '.';
    if (!scheme && !www) continue;
    std::size_t end = i;
    int open = 0, close = 0;  // parentheses in [i, end)
    while (end < s.size() && !blank(s[end]) && s[end] != '<' &&
           (static_cast<unsigned char>(s[end]) & 0x80) == 0) {
      open += s[end] == '(', close += s[end] == ')';
      ++end;
    }
    for (; end > i; --end) {  // trailing punctuation is the sentence's; a `)` only when unbalanced
      const char last = s[end - 1];
      if (last == ')' && close > open)
        --close;
      else if (std::string_view("?!.,:*_~'\"").find(last) == std::string_view::npos)
        break;
    }
    keep(kept, i, end);
    i = std::max(i, end);
    scheme_end = std::max(scheme_end, i);
  }
}

// `local@domain.tld`: the local part may hold an apostrophe between letters (O'Brien).
void keep_emails(std::string_view s, std::vector<bool>& kept) {
  const auto local_char = [](char c) {
    return ascii_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos;
  };
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t from = at;
    while (from > 0 && (local_char(s[from - 1]) || (s[from - 1] == '\'' && from >= 2 &&
                                                    ascii_alnum(s[from - 2]) && ascii_alnum(s[from]))))
      --from;
    std::size_t to = at + 1;
    while (to < s.size() && (ascii_alnum(s[to]) || s[to] == '.' || s[to] == '-')) ++to;
    while (to > at + 1 && (s[to - 1] == '.' || s[to - 1] == '-')) --to;  // the sentence's full stop
    const std::string_view domain = s.substr(at + 1, to - at - 1);
    if (from == at || domain.find('.') == std::string_view::npos) continue;
    keep(kept, from, to);
  }
}

// Digits with single separators (space, `-`, `.`, `/`, parentheses, `'` between digits),
// starting a word, 7 digits or more. `--` and `...` end it: "1990--2000" is a range.
void keep_phones(std::string_view s, std::vector<bool>& kept) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!(ascii_digit(c) || c == '+' || c == '(') || (i > 0 && ascii_alnum(s[i - 1]))) continue;
    std::size_t j = i, last_digit = i;
    int digits = 0;
    for (; j < s.size(); ++j) {
      const char d = s[j];
      if (ascii_digit(d)) {
        ++digits, last_digit = j + 1;
        continue;
      }
      const bool separator =
          d == ' ' || d == '-' || d == '.' || d == '/' || d == '(' || d == ')' || (d == '+' && j == i) ||
          (d == '\'' && j > i && ascii_digit(s[j - 1]) && j + 1 < s.size() && ascii_digit(s[j + 1]));
      const bool doubled = j + 1 < s.size() && (d == '-' || d == '.') && s[j + 1] == d;
      if (!separator || doubled) break;
    }
    if (digits >= kPhoneDigits && (last_digit == s.size() || !ascii_alnum(s[last_digit]))) {
      keep(kept, i, last_digit);
      i = last_digit;
    } else if (j > i) {
      i = j - 1;  // no phone number starts inside what was read: it would end at j too, shorter
    }
  }
}

void keep_placeholders(std::string_view s, std::vector<bool>& kept) {
  for (std::size_t open = s.find("{{"); open != std::string_view::npos; open = s.find("{{", open + 2)) {
    const std::size_t close = s.find("}}", open + 2);
    if (close == std::string_view::npos) return;
    keep(kept, open, close + 2);
    open = close;
  }
}

// One line, no blanks at its ends: the heading text parse_gfm reads.
std::string smarten_line(std::string_view line) {
  std::vector<bool> kept(line.size(), false);
  keep_addresses(line, kept);
  keep_emails(line, kept);
  keep_phones(line, kept);
  keep_placeholders(line, kept);
  std::string markdown = "# ";
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    // Quotes, dashes and full stops are what smart punctuation reads; all else is literal.
    const bool smart = c == '\'' || c == '"' || c == '-' || c == '.';
    if (ascii_punct(c) && (kept[i] || !smart)) markdown += '\\';
    markdown += c;
  }
  auto tree = parse_gfm(markdown, "");
  if (!tree) return std::string(line);
  std::string out;
  const CmarkIter iter(cmark_iter_new(tree->root.get()));
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_TEXT) continue;
    const char* literal = cmark_node_get_literal(node);
    if (literal) out += tree->escapes.restore(literal, true);  // an e-mail autolink's text too
  }
  return out;
}

}  // namespace

std::string smarten(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    std::size_t first = 0, last = line.size();
    while (first < last && (blank(line[first]) || line[first] == '\r')) ++first;
    while (last > first && (blank(line[last - 1]) || line[last - 1] == '\r')) --last;
    out += line.substr(0, first);
    if (last > first) out += smarten_line(line.substr(first, last - first));
    out += line.substr(last);
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  return out;
}

namespace {

// The comparison key of repeats_title (see the header).
std::string title_key(std::string_view text) {
  std::string out;
  bool space = false, dash = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    const bool is_space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 ||
                          cp == 0x2009 || cp == 0x202F || cp == 0x3000;
    const bool is_dash = cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
    if (is_space) {
      // No space after a colon, semicolon or comma: `抗凝药物: 安全服用指南` is `抗凝药物：安全服用指南`.
      space = !out.empty() && std::string_view(":;,").find(out.back()) == std::string_view::npos;
      continue;
    }
    if (is_dash && dash && !space) continue;  // `--` is one dash
    if (space) out += ' ';
    space = false;
    dash = is_dash;
    if (is_dash) {
      out += '-';
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032) {
      out += '\'';
    } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0x2033) {
      out += '"';
    } else if (cp == 0x2026) {
      out += "...";
    } else {
      // Letter case and full-width forms fold too: `Flu Vaccination` is `flu vaccination`, and
      // a full-width colon or letter (`抗凝药物：` typed `抗凝药物:` in the front matter) its ASCII form.
      const char32_t narrow = cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
      append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(narrow), U_FOLD_CASE_DEFAULT)));
    }
  }
  return out;
}

}  // namespace

std::array<std::string*, 6> printed_fields(FrontMatter& meta) {
  return {&meta.title,       &meta.subtitle,       &meta.author,
          &meta.clinic.name, &meta.clinic.address, &meta.clinic.hours};
}

bool printed_clinic_field(std::string Clinic::*member) {
  return member == &Clinic::name || member == &Clinic::address || member == &Clinic::hours;
}

bool repeats_title(std::string_view heading, std::string_view title) {
  // Either may be broken into lines by hand (`title: |`, `<br>`), where the other is not.
  const std::string key = title_key(one_line(title));
  return !key.empty() && title_key(one_line(heading)) == key;
}

}  // namespace leafpress::doc
