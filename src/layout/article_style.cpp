#include "layout/article_style.hpp"

#include "layout/color_value.hpp"

namespace leafpress::layout {

Status apply_article_style(Template& t, const doc::Document& d) {
  const auto line_of = [&](const std::string& key) {
    const auto it = d.meta.key_lines.find(key);
    return it == d.meta.key_lines.end() ? 0 : it->second;
  };
  if (const auto it = d.meta.extra.find("accent"); it != d.meta.extra.end()) {
    auto color = parse_color(it->second);
    if (!color)
      return Error{d.path, line_of("accent"), "front matter key `accent`: " + color.error().message,
                   color.error().hint};
    t.accent = *color;
  }
  // fonts: {serif: Family, sans: Family, serif.cjk: ...} (doc/ keeps nested keys as "fonts.serif").
  for (const auto& [key, value] : d.meta.extra) {
    if (!key.starts_with("fonts.")) continue;
    if (auto r = set_template_key(t, key + "=" + value); !r)
      return Error{d.path, line_of("fonts"), "front matter key `" + key + "`: " + r.error().message,
                   r.error().hint};
  }
  return Ok{};
}

}  // namespace leafpress::layout
