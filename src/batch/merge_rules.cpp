#include "batch/merge_rules.hpp"

#include <cctype>
#include <string_view>
#include <utility>

#include "doc/smart_punctuation.hpp"

namespace leafpress::batch {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Variables for_language(const Variables& values, const std::string& lang) {
  Variables out = values;
  if (lang.empty()) return out;
  const std::string tag = lower(lang);
  const std::string primary = tag.substr(0, tag.find('-'));
  // Two passes: the primary language ("zh") first, so that the full tag ("zh-hans") wins.
  for (const std::string& want : {primary, tag}) {
    if (want.empty()) continue;
    for (const auto& [key, value] : values) {
      const auto dot = key.rfind('.');
      if (dot == std::string::npos || dot == 0) continue;
      if (lower(key.substr(dot + 1)) != want) continue;
      // `clinic.name.zh-Hans`: the tag is everything after the key's last '.' (tags hold no '.').
      out[key.substr(0, dot)] = value;
    }
  }
  return out;
}

std::vector<std::string> override_warnings(const doc::Document& document, const Variables& values,
                                           const std::string& row) {
  const auto& c = document.meta.clinic;
  const std::pair<const char*, const std::string*> fields[] = {
      {"clinic.name", &c.name},   {"clinic.address", &c.address}, {"clinic.phone", &c.phone},
      {"clinic.url", &c.url},     {"clinic.email", &c.email},     {"clinic.hours", &c.hours},
  };
  const auto line_of = [&]() {
    const auto it = document.meta.key_lines.find("clinic");
    return it == document.meta.key_lines.end() ? 0 : it->second;
  };
  std::vector<std::string> out;
  for (const auto& [key, written] : fields) {
    if (written->empty() || written->find("{{") != std::string::npos) continue;
    const auto it = values.find(key);
    // The article's name, address and hours were read with smart punctuation (St Aldhelm’s):
    // the row's value says the same when it does once converted.
    const bool printed = key == std::string_view("clinic.name") ||
                         key == std::string_view("clinic.address") || key == std::string_view("clinic.hours");
    if (it == values.end() || it->second.empty() || it->second == *written ||
        (printed && doc::smarten(it->second) == *written))
      continue;
    const int line = line_of();
    out.push_back(document.path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + key + " '" +
                  *written + "' in the article is replaced by '" + it->second + "' from " + row +
                  " (the row wins; write {{" + key + "}} in the article, or remove the column, to say which)");
  }
  return out;
}

}  // namespace leafpress::batch
