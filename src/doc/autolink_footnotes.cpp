#include "doc/autolink_footnotes.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.hpp"
#include "doc/cjk_emphasis.hpp"

namespace leafpress::doc {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where a bare address GFM's extension would link starts in `token` (a run without white
// space), or npos: a scheme it links (http://, https://, ftp://) or `www.`, not after a
// letter or digit.
std::size_t address_start(std::string_view token) {
  constexpr std::array<std::string_view, 4> kStarts{"https://", "http://", "ftp://", "www."};
  std::size_t best = std::string_view::npos;
  for (const std::string_view start : kStarts) {
    for (std::size_t at = token.find(start); at != std::string_view::npos; at = token.find(start, at + 1)) {
      if (at > 0 && std::isalnum(static_cast<unsigned char>(token[at - 1]))) continue;
      best = std::min(best, at);
      break;
    }
  }
  return best;
}

// How much of `address` GFM's extension would link: up to its first CJK character, then
// without trailing ASCII punctuation and an unbalanced closing bracket.
std::size_t linked_length(std::string_view address) {
  std::size_t end = address.size();
  for (std::size_t pos = 0; pos < address.size();) {
    const std::size_t at = pos;
    if (is_cjk_character(next_code_point(address, pos))) {
      end = at;
      break;
    }
  }
  while (end > 0) {
    const char c = address[end - 1];
    if (std::string_view("?!.,:*_~'\"").find(c) != std::string_view::npos) {
      --end;
    } else if (c == ')' &&
               std::count(address.begin(), address.begin() + static_cast<std::ptrdiff_t>(end), ')') >
                   std::count(address.begin(), address.begin() + static_cast<std::ptrdiff_t>(end), '(')) {
      --end;
    } else {
      break;
    }
  }
  return end;
}

// The line with each address that runs into a footnote reference written as a link.
std::string mend_line(std::string_view line) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = line.find("[^"); at != std::string_view::npos; at = line.find("[^", at + 2)) {
    if (at == 0 || is_space(line[at - 1])) continue;
    // Not inside a code span: an odd number of backticks before it on the line.
    if (std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(at), '`') % 2 != 0) continue;
    std::size_t token = at;
    while (token > copied && !is_space(line[token - 1])) --token;
    const std::string_view word = line.substr(token, at - token);
    const std::size_t start = address_start(word);
    if (start == std::string_view::npos) continue;
    const std::string_view address = word.substr(start);
    const std::size_t length = linked_length(address);
    const std::string_view url = address.substr(0, length);
    // Only a plain address: nothing that would end the link's text or destination early.
    if (url.size() <= 4 || url.find_first_of("[]<>\\`") != std::string_view::npos) continue;
    if (url.find('.') == std::string_view::npos) continue;  // GFM links a domain with a dot only
    const std::size_t url_at = token + start;
    out.append(line.substr(copied, url_at - copied));
    out += '[';
    out.append(url);
    out += "](<";
    if (url.starts_with("www.")) out += "http://";
    out.append(url);
    out += ">)";
    copied = url_at + length;
  }
  if (copied == 0) return std::string(line);
  out.append(line.substr(copied));
  return out;
}

bool fence_mark(std::string_view line, std::string& fence) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent >= 4 || indent >= line.size() || (line[indent] != '`' && line[indent] != '~')) return false;
  std::size_t n = indent;
  while (n < line.size() && line[n] == line[indent]) ++n;
  if (n - indent < 3) return false;
  const std::string mark(line.substr(indent, n - indent));
  if (fence.empty()) {
    fence = mark;
  } else if (mark.front() == fence.front() && mark.size() >= fence.size()) {
    fence.clear();
  }
  return true;
}

}  // namespace

std::string end_autolinks_at_footnotes(std::string_view text) {
  if (text.find("[^") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 64);
  std::string fence;  // the open code fence, if any
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    const bool mark = fence_mark(line, fence);
    if (mark || !fence.empty() || line.find("[^") == std::string_view::npos)
      out.append(line);
    else
      out += mend_line(line);
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  return out;
}

}  // namespace leafpress::doc
