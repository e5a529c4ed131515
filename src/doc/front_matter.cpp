// doc/front_matter.cpp: reads the YAML between the `---` lines into FrontMatter.
//
// yaml-cpp reports problems by throwing; every YAML::Exception is caught here
// and turned into an Error, so nothing throws out of parse_front_matter. Lines
// in yaml-cpp marks count from 0 within the YAML text, so `first_line` (the
// file line of the first YAML line) is added to name the user's real line.
//
// Keys leafpress knows are type-checked: a list where a title belongs is almost
// always an indentation slip, and saying so beats a cover with no title. Other
// scalar keys are kept in `extra` for templates; other non-scalar keys are
// ignored, since no template could print them as one string.
//
// Pictures (`cover_image:`, `clinic: {logo: ...}`) are resolved inside the
// article's folder here (doc/image.hpp), so FrontMatter holds the real file and
// a bad path is reported at the front-matter line that names it.
#include <yaml-cpp/depthguard.h>  // YAML::DeepRecursion
#include <yaml-cpp/yaml.h>

#include <array>
#include <string>
#include <utility>

#include "core/yaml_limits.hpp"
#include "doc/document.hpp"
#include "doc/image.hpp"

namespace leafpress::doc {
namespace {

// The longest BCP 47 tag that registries expect implementations to keep
// (RFC 5646 §4.4.1 recommends at least 35 characters).
constexpr std::size_t kMaxLangTagChars = 35;

std::string trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const auto begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(kSpace);
  return std::string(s.substr(begin, end - begin + 1));
}

// Lines of the YAML text, so that the body starts after it and its closing fence.
int count_lines(std::string_view text) {
  int lines = 0;
  for (char c : text)
    if (c == '\n') ++lines;
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

std::string describe_type(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a group of nested keys";
    default:
      return "text";
  }
}

// RFC 5646 §2.1 in the small: subtags of 1-8 letters or digits joined by
// hyphens, the first one letters only. It catches "zh_CN" or "中文"; "Chinese"
// passes, being well-formed if unregistered: the check is shape, not registry.
bool looks_like_bcp47(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxLangTagChars) return false;
  std::size_t subtag_start = 0;
  bool first = true;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-') {
      const std::size_t len = i - subtag_start;
      if (len == 0 || len > 8) return false;
      subtag_start = i + 1;
      first = false;
      continue;
    }
    const char c = tag[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && !first)) return false;
  }
  return true;
}

// Splits "a, b，c、d": authors writing Chinese or Japanese type the full-width
// comma (U+FF0C) or the enumeration comma (U+3001) as naturally as ','.
std::vector<std::string> split_keywords(std::string_view text) {
  constexpr std::array<std::string_view, 3> kSeparators = {",", "\xEF\xBC\x8C", "\xE3\x80\x81"};
  std::vector<std::string> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t sep_len = 0;
    if (i < text.size())
      for (auto sep : kSeparators)
        if (text.substr(i, sep.size()) == sep) sep_len = sep.size();
    if (i == text.size() || sep_len > 0) {
      auto word = trim(text.substr(start, i - start));
      if (!word.empty()) out.push_back(std::move(word));
      i += sep_len > 0 ? sep_len : 1;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

// Turns yaml-cpp marks into the user's file lines and builds the errors.
class Reader {
 public:
  Reader(std::string_view path, int first_line) : path_(path), first_line_(first_line) {}

  [[nodiscard]] int line_of(const YAML::Mark& mark) const {
    // A mark is -1 when yaml-cpp has no position (an empty document).
    return mark.line >= 0 ? first_line_ + mark.line : first_line_;
  }

  [[nodiscard]] Error error(const YAML::Mark& mark, std::string message, std::string hint) const {
    return Error{std::string(path_), line_of(mark), std::move(message), std::move(hint)};
  }

  // A text value; `key:` with nothing after it (YAML null) is empty text.
  [[nodiscard]] Result<std::string> text(const std::string& name, const YAML::Node& key,
                                         const YAML::Node& value) const {
    if (value.IsNull()) return std::string();
    if (value.IsScalar()) return trim(value.Scalar());
    return error(key.Mark(), "front matter key `" + name + "` must be text, not " + describe_type(value),
                 "write it on one line, e.g. `" + name + ": some text`");
  }

  // A picture's path, resolved inside the article's folder; empty stays empty (no picture).
  [[nodiscard]] Result<std::string> asset(const std::string& name, const YAML::Node& key,
                                          const YAML::Node& value) const {
    auto written = text(name, key, value);
    if (!written || written->empty()) return written;
    auto file = resolve_asset(path_, *written, line_of(value.Mark()));
    if (!file) return file.error();
    return file->string();
  }

  [[nodiscard]] Result<std::vector<std::string>> keywords(const YAML::Node& key,
                                                          const YAML::Node& value) const {
    if (value.IsNull()) return std::vector<std::string>();
    if (value.IsScalar()) return split_keywords(value.Scalar());
    if (value.IsMap())
      return error(key.Mark(),
                   "front matter key `keywords` must be a list or text, not " + describe_type(value),
                   "write `keywords: [a, b]` or `keywords: a, b`");
    std::vector<std::string> out;
    for (const auto& item : value) {
      if (item.IsNull()) continue;
      if (!item.IsScalar())
        return error(item.Mark(), "front matter key `keywords` must hold words, not " + describe_type(item),
                     "write one keyword per `- ` line");
      auto word = trim(item.Scalar());
      if (!word.empty()) out.push_back(std::move(word));
    }
    return out;
  }

  // The clinic panel. Unknown scalar fields go to `extra` as "clinic.<field>"
  // so a template can still use them and nothing the author wrote is lost.
  [[nodiscard]] Status clinic(const YAML::Node& key, const YAML::Node& value, FrontMatter& meta) const {
    if (value.IsNull()) return Ok{};
    if (!value.IsMap())
      return error(key.Mark(),
                   "front matter key `clinic` must be a group of nested keys, not " + describe_type(value),
                   "indent `name:`, `address:`, `phone:`, `url:`, `logo:` under `clinic:`");
    constexpr std::array<std::pair<std::string_view, std::string Clinic::*>, 5> kFields = {{
        {"name", &Clinic::name},
        {"address", &Clinic::address},
        {"phone", &Clinic::phone},
        {"url", &Clinic::url},
        {"logo", &Clinic::logo},
    }};
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string field = it->first.Scalar();
      auto read = field == "logo" ? asset("clinic.logo", it->first, it->second)
                                  : text("clinic." + field, it->first, it->second);
      bool known = false;
      for (const auto& [name, member] : kFields) {
        if (field != name) continue;
        if (!read) return read.error();
        meta.clinic.*member = std::move(read.value());
        if (field == "logo") meta.logo_line = line_of(it->second.Mark());
        known = true;
      }
      if (!known && read) meta.extra["clinic." + field] = std::move(read.value());
    }
    return Ok{};
  }

 private:
  std::string_view path_;
  int first_line_;
};

Status read_key(const Reader& reader, const YAML::Node& key, const YAML::Node& value, FrontMatter& meta) {
  constexpr std::array<std::pair<std::string_view, std::string FrontMatter::*>, 6> kTextKeys = {{
      {"title", &FrontMatter::title},
      {"subtitle", &FrontMatter::subtitle},
      {"lang", &FrontMatter::lang},
      {"author", &FrontMatter::author},
      {"date", &FrontMatter::date},
      {"layout", &FrontMatter::layout},
  }};
  const std::string name = key.Scalar();
  for (const auto& [known, member] : kTextKeys) {
    if (name != known) continue;
    auto read = reader.text(name, key, value);
    if (!read) return read.error();
    if (name == "lang" && !read->empty() && !looks_like_bcp47(*read))
      return reader.error(key.Mark(), "front matter key `lang` is not a language tag: \"" + *read + "\"",
                          "use a BCP 47 tag with hyphens, e.g. `zh-Hans`, `zh-Hant`, `ja`, `en`");
    meta.*member = std::move(read.value());
    return Ok{};
  }
  if (name == "keywords") {
    auto read = reader.keywords(key, value);
    if (!read) return read.error();
    meta.keywords = std::move(read.value());
    return Ok{};
  }
  if (name == "clinic") return reader.clinic(key, value, meta);
  if (name == "cover_image") {
    auto read = reader.asset(name, key, value);
    if (!read) return read.error();
    meta.cover_image = std::move(read.value());
    meta.cover_image_line = reader.line_of(value.Mark());
    return Ok{};
  }
  if (value.IsScalar()) meta.extra[name] = value.Scalar();
  if (value.IsNull()) meta.extra[name] = "";
  return Ok{};
}

}  // namespace

Result<FrontMatter> parse_front_matter(std::string_view yaml, std::string_view path, int first_line) {
  const Reader reader(path, first_line);
  FrontMatter meta;
  // The caller passes the text between the fences: the closing fence follows
  // the last YAML line and the body the fence. parse_document sets it anyway.
  meta.body_line = first_line + count_lines(yaml) + 1;
  if (auto bounded = check_yaml_expansion(yaml, kSmallYamlBudget, std::string(path), "the front matter", first_line);
      !bounded)
    return bounded.error();
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return meta;  // only comments, or nothing between the fences
    if (!root.IsMap())
      return reader.error(root.Mark(),
                          "the front matter must be `key: value` lines, not " + describe_type(root),
                          "write one `key: value` per line, e.g. `title: My article`");
    for (auto it = root.begin(); it != root.end(); ++it) {
      if (!it->first.IsScalar()) continue;  // a list or map as a key: nothing we could name
      if (auto status = read_key(reader, it->first, it->second, meta); !status) return status.error();
    }
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's message for it is "bad file"
    return reader.error(e.mark, "the front matter nests brackets or lists hundreds of levels deep",
                        "write each key on one line, e.g. `keywords: [hands, soap]`");
  } catch (const YAML::Exception& e) {
    return reader.error(e.mark, "the front matter is not valid YAML: " + e.msg,
                        "check the indentation, and put text containing `: ` or `#` in quotes");
  }
  return meta;
}

}  // namespace leafpress::doc
