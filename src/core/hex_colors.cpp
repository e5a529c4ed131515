#include "core/hex_colors.hpp"

#include <regex>

namespace leafpress {
namespace {

// A `#` and three hex digits: what every hex colour starts with. Comments (`# folds in`)
// rarely look like that, and a text without it is returned as it is, before the
// regexes below are compiled (~1.5 ms, more than reading the whole layout).
bool may_hold_hex_color(std::string_view text) {
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (std::size_t at = text.find('#'); at != std::string_view::npos; at = text.find('#', at + 1))
    if (at + 3 < text.size() && hex(text[at + 1]) && hex(text[at + 2]) && hex(text[at + 3])) return true;
  return false;
}

constexpr std::size_t kMaxColorLine = 1024;

}  // namespace

std::string quote_hex_colors(std::string_view yaml) {
  if (!may_hold_hex_color(yaml)) return std::string(yaml);
  // key: #0E7C7B   (a list item `- #0E7C7B` too), optionally followed by a real comment
  static const std::regex hex_value(
      R"(^(\s*(?:-\s+)?(?:[^\s#'"][^#'":]*:\s+|))(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})(\s*(?:\s#.*)?)$)");
  static const std::regex in_flow(
      R"(((?:[{,]\s*[^\s#'"][^#'":,{}]*:|[\[,])\s*)(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})(?=\s*[,}\]]))");
  std::string out;
  out.reserve(yaml.size() + 16);
  std::size_t start = 0;
  while (start <= yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    if (end == std::string_view::npos) end = yaml.size();
    std::string line(yaml.substr(start, end - start));
    const bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.pop_back();
    // A line with a colour is short; std::regex recurses once a character (a hostile 100 KB line
    // would overflow the stack), so a longer one is left as it is.
    if (line.size() <= kMaxColorLine && may_hold_hex_color(line)) {
      std::smatch m;
      // Only lines with a key or a list dash: a bare `#abc` line is a comment.
      if (std::regex_match(line, m, hex_value) && m[1].str().find_first_of(":-") != std::string::npos)
        line = m[1].str() + "\"" + m[2].str() + "\"" + m[3].str();
      // In a flow map or list: `{color: #0E7C7B, ...}`, `[#abc, #def]`.
      line = std::regex_replace(line, in_flow, "$1\"$2\"");
    }
    out += line;
    if (cr) out += '\r';
    if (end == yaml.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace leafpress
