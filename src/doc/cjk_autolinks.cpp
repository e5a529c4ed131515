#include "doc/cjk_autolinks.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "doc/cjk_emphasis.hpp"
#include "doc/cmark_gfm.hpp"

namespace leafpress::doc {
namespace {

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? std::string_view(text) : std::string_view();
}

}  // namespace

const char* autolink_prefix(std::string_view url, std::string_view text) {
  if (url == text) return "";
  for (const char* prefix : {"http://", "mailto:"})
    if (url.size() == text.size() + std::string_view(prefix).size() && url.starts_with(prefix) &&
        url.ends_with(text))
      return prefix;
  return nullptr;
}

std::size_t first_cjk_character(std::string_view address) {
  for (std::size_t pos = 0; pos < address.size();) {
    const std::size_t at = pos;
    if (is_cjk_character(next_code_point(address, pos))) return at;
  }
  return std::string_view::npos;
}

bool is_trailing_address_mark(char c) {
  return std::string_view("?!.,:*_~'\"").find(c) != std::string_view::npos;
}

void trim_cjk_from_autolinks(cmark_node* root) {
  std::vector<cmark_node*> links;
  {
    const CmarkIter iter(cmark_iter_new(root));
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get()))
      if (event == CMARK_EVENT_ENTER &&
          cmark_node_get_type(cmark_iter_get_node(iter.get())) == CMARK_NODE_LINK)
        links.push_back(cmark_iter_get_node(iter.get()));
  }
  for (cmark_node* link : links) {
    cmark_node* text = cmark_node_first_child(link);
    if (text == nullptr || cmark_node_next(text) != nullptr || cmark_node_get_type(text) != CMARK_NODE_TEXT)
      continue;
    const std::string label(literal(text));
    const char* url = cmark_node_get_url(link);
    const char* prefix = autolink_prefix(url != nullptr ? url : "", label);
    if (prefix == nullptr) continue;
    const std::size_t cut = first_cjk_character(label);
    // No CJK, or CJK from the first character: not an address we can mend.
    if (cut == std::string_view::npos || cut == 0) continue;
    // GFM drops trailing ASCII punctuation from an address; do the same at the new end.
    std::size_t end = cut;
    while (end > 0 && is_trailing_address_mark(label[end - 1])) --end;
    if (end == 0) continue;
    const std::string address = label.substr(0, end);
    cmark_node_set_literal(text, address.c_str());
    cmark_node_set_url(link, (std::string(prefix) + address).c_str());
    cmark_node* rest = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(rest, label.substr(end).c_str());
    cmark_node_insert_after(link, rest);
  }
}

}  // namespace leafpress::doc
