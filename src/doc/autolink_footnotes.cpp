#include "doc/autolink_footnotes.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "doc/cjk_autolinks.hpp"
#include "doc/cmark_gfm.hpp"

namespace leafpress::doc {
namespace {

// How much of `address` GFM's extension would link: up to its first CJK character, then
// without trailing ASCII punctuation and unbalanced closing brackets.
std::size_t linked_length(std::string_view address) {
  std::size_t end = std::min(first_cjk_character(address), address.size());
  auto open = std::count(address.begin(), address.begin() + static_cast<std::ptrdiff_t>(end), '(');
  auto close = std::count(address.begin(), address.begin() + static_cast<std::ptrdiff_t>(end), ')');
  while (end > 0) {
    const char c = address[end - 1];
    if (is_trailing_address_mark(c)) {
      --end;
    } else if (c == ')' && close > open) {
      --end, --close;
    } else {
      break;
    }
  }
  return end;
}

// `text` with a backslash before each ASCII punctuation mark: read as link text, it is itself.
std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c))) out += '\\';
    out += c;
  }
  return out;
}

struct Swallowed {
  bool www = false;       // linked as http:// + its text
  std::size_t links = 0;  // how many links have this text
};

}  // namespace

std::optional<std::string> end_autolinks_at_footnotes(cmark_node* root, std::string_view text) {
  if (text.find("[^") == std::string_view::npos) return std::nullopt;
  std::map<std::string, Swallowed> swallowed;  // by the link's text
  {
    const CmarkIter iter(cmark_iter_new(root));
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      cmark_node* link = cmark_iter_get_node(iter.get());
      if (event != CMARK_EVENT_ENTER || cmark_node_get_type(link) != CMARK_NODE_LINK) continue;
      cmark_node* child = cmark_node_first_child(link);
      if (child == nullptr || cmark_node_next(child) != nullptr ||
          cmark_node_get_type(child) != CMARK_NODE_TEXT)
        continue;
      const char* literal = cmark_node_get_literal(child);
      const char* url = cmark_node_get_url(link);
      if (literal == nullptr || url == nullptr) continue;
      const std::string_view label(literal), target(url);
      if (label.size() > kMaxMendedLength || label.find("[^") == std::string_view::npos) continue;
      // The extension's links only: its text is its address, or www.… after http://.
      const char* prefix = autolink_prefix(target, label);
      if (prefix == nullptr || std::string_view(prefix) == "mailto:") continue;
      const bool www = *prefix != '\0';
      auto [it, added] = swallowed.try_emplace(std::string(label), Swallowed{www, 0});
      if (added && swallowed.size() > kMaxMendedAddresses) {
        swallowed.erase(it);
        continue;
      }
      ++it->second.links;
    }
  }
  struct Edit {
    std::size_t at, length;
    std::string with;
  };
  std::vector<Edit> edits;
  for (const auto& [label, seen] : swallowed) {
    std::vector<std::size_t> found;
    for (std::size_t at = text.find(label); at != std::string_view::npos;
         at = text.find(label, at + label.size()))
      found.push_back(at);
    if (found.size() != seen.links) continue;  // also in code, or written otherwise: not ours to change
    const std::string_view address = std::string_view(label).substr(0, label.find("[^"));
    const std::size_t length = linked_length(address);
    const std::string_view url = address.substr(0, length);
    if (url.size() < 4 || url.find_first_of("<>\n") != std::string_view::npos) continue;
    const std::string link =
        seen.www ? "[" + escaped(url) + "](<http://" + std::string(url) + ">)" : "<" + std::string(url) + ">";
    for (const std::size_t at : found) edits.push_back(Edit{at, length, link});
  }
  if (edits.empty()) return std::nullopt;
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
  std::string out;
  out.reserve(text.size() + edits.size() * 16);
  std::size_t copied = 0;
  for (const Edit& e : edits) {
    if (e.at < copied) continue;  // inside an address already rewritten
    out.append(text.substr(copied, e.at - copied));
    out += e.with;
    copied = e.at + e.length;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace leafpress::doc
