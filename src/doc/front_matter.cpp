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
//
// Text the leaflet prints (title, subtitle, author, the clinic's name, address and hours)
// gets the body's smart punctuation (doc/smart_punctuation.hpp), so `child's` on the cover
// reads `child’s` as in the body; phone, url, e-mail, date, keywords and paths stay as typed.
// A value holding a {{placeholder}} is converted when a data merge fills it (batch/variables.hpp).
#include <yaml-cpp/depthguard.h>  // YAML::DeepRecursion
#include <yaml-cpp/yaml.h>

#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <utility>

#include "core/hex_colors.hpp"
#include "core/hyphenated_word.hpp"
#include "core/yaml_limits.hpp"
#include "doc/document.hpp"
#include "doc/image.hpp"
#include "doc/smart_punctuation.hpp"

namespace leafpress::doc {
namespace {

// The longest BCP 47 tag that registries expect implementations to keep
// (RFC 5646 §4.4.1 recommends at least 35 characters).
constexpr std::size_t kMaxLangTagChars = 35;
// A hyphenation list longer than this is not an author's list of hard words.
constexpr std::size_t kMaxHyphenationWords = 2000;

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

constexpr std::string_view kSupportedLangs = "zh-Hans, zh-Hant, ja, ko, en (en-US, en-GB)";

// The tag meant by a common mistake: a country for a language (jp, cn, kr), a region where
// Chinese needs its script (zh-CN: Simplified characters are a script, zh-Hans; CLReq 1.1),
// an underscore, a language's English name. "" when the tag is not such a mistake.
std::string suggested_lang(std::string_view written) {
  std::string t;
  for (char c : written) t += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::array<std::pair<std::string_view, std::string_view>, 22> kMistakes = {{
      {"jp", "ja"},           {"ja-jp", "ja"},        {"jpn", "ja"},         {"japanese", "ja"},
      {"cn", "zh-Hans"},      {"zh", "zh-Hans"},      {"zh-cn", "zh-Hans"},  {"zh-sg", "zh-Hans"},
      {"zh-my", "zh-Hans"},   {"chinese", "zh-Hans"}, {"zh-tw", "zh-Hant"},  {"zh-hk", "zh-Hant"},
      {"zh-mo", "zh-Hant"},   {"tw", "zh-Hant"},      {"kr", "ko"},          {"ko-kr", "ko"},
      {"kor", "ko"},          {"korean", "ko"},       {"english", "en"},     {"eng", "en"},
      {"en-us", "en-US"},     {"en-gb", "en-GB"},
  }};
  for (const auto& [mistake, tag] : kMistakes)
    if (t == mistake) {
      std::string lower_tag(tag);
      for (auto& c : lower_tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return written.find('_') == std::string_view::npos && t == lower_tag ? std::string() : std::string(tag);
    }
  return {};
}

// Turns yaml-cpp marks into the user's file lines and builds the errors.
class Reader {
 public:
  Reader(std::string_view path, int first_line) : path_(path), first_line_(first_line) {}

  [[nodiscard]] int line_of(const YAML::Mark& mark) const {
    // A mark is -1 when yaml-cpp has no position (an empty document).
    return mark.line >= 0 ? first_line_ + mark.line : first_line_;
  }

  [[nodiscard]] std::string_view path() const { return path_; }

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
    // `logo: "{{clinic.logo}}"`: a data merge fills it and resolves it then (batch/variables.cpp).
    if (written->find("{{") != std::string::npos) return written;
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

  // `hyphenation: [ri-za-trip-tan, metoclopramide]`, or one line "a-b, c": words of ASCII
  // letters with a hyphen wherever they may break (TeX's \hyphenation). A hostile list is
  // bounded (kMaxHyphenationWords).
  [[nodiscard]] Result<std::vector<std::string>> hyphenation(const YAML::Node& key,
                                                             const YAML::Node& value) const {
    const auto fail = [&](const YAML::Mark& at, const std::string& what) {
      return error(at, "front matter key `hyphenation`: " + what,
                   "list English words with a hyphen where each may break, or none where it must not, e.g. "
                   "`hyphenation: [ri-za-trip-tan, metoclopramide]`");
    };
    std::vector<std::pair<std::string, YAML::Mark>> written;
    if (value.IsNull()) return std::vector<std::string>();
    if (value.IsScalar()) {
      for (auto& w : split_keywords(value.Scalar())) written.emplace_back(std::move(w), value.Mark());
    } else if (value.IsSequence()) {
      for (const auto& item : value) {
        if (item.IsNull()) continue;
        if (!item.IsScalar()) return fail(item.Mark(), "must hold words, not " + describe_type(item));
        written.emplace_back(trim(item.Scalar()), item.Mark());
      }
    } else {
      return fail(key.Mark(), "must be a list or text, not " + describe_type(value));
    }
    std::vector<std::string> out;
    for (auto& [word, mark] : written) {
      if (word.empty()) continue;
      // `- "{{drug}}"`: a data merge fills it and checks it then (batch/variables.cpp).
      if (word.find("{{") == std::string::npos)
        if (const std::string fault = hyphenated_word_fault(word); !fault.empty())
          return fail(mark, "\"" + word + "\" " + fault);
      out.push_back(std::move(word));
    }
    if (out.size() > kMaxHyphenationWords)
      return fail(key.Mark(), "lists " + std::to_string(out.size()) + " words; at most " +
                                  std::to_string(kMaxHyphenationWords) + " may be listed");
    return out;
  }

  // The clinic panel. Unknown scalar fields go to `extra` as "clinic.<field>"
  // so a template can still use them and nothing the author wrote is lost.
  [[nodiscard]] Status clinic(const YAML::Node& key, const YAML::Node& value, FrontMatter& meta) const {
    if (value.IsNull()) return Ok{};
    if (value.IsScalar()) {  // `clinic: Riverside Clinic`: the clinic's name, as people write it
      meta.clinic.name = trim(value.Scalar());
      return Ok{};
    }
    if (!value.IsMap())
      return error(key.Mark(),
                   "front matter key `clinic` must be the clinic's name or a group of nested keys, not " +
                       describe_type(value),
                   "write `clinic: Riverside Clinic`, or indent `name:`, `address:`, `phone:`, `url:`, "
                   "`email:`, `hours:`, `logo:` under `clinic:`");
    constexpr std::array<std::pair<std::string_view, std::string Clinic::*>, 7> kFields = {{
        {"name", &Clinic::name},
        {"address", &Clinic::address},
        {"phone", &Clinic::phone},
        {"url", &Clinic::url},
        {"email", &Clinic::email},
        {"hours", &Clinic::hours},
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
    if (name == "lang" && !read->empty()) {
      if (const auto better = suggested_lang(*read); !better.empty())
        return reader.error(key.Mark(), "front matter key `lang`: \"" + *read + "\" is not a language tag leafpress knows",
                            "write `lang: " + better + "`; supported: " + std::string(kSupportedLangs));
      if (!looks_like_bcp47(*read))
        return reader.error(key.Mark(), "front matter key `lang` is not a language tag: \"" + *read + "\"",
                            "use a BCP 47 tag with hyphens; supported: " + std::string(kSupportedLangs));
    }
    if (name == "date") {
      meta.date_line = reader.line_of(value.Mark());
      // A {{variable}} is filled and checked later (batch/variables.cpp).
      if (!read->empty() && read->find("{{") == std::string::npos && !date_epoch(*read))
        return Error{std::string(reader.path()), meta.date_line, date_error(*read), kDateHint};
    }
    meta.*member = std::move(read.value());
    return Ok{};
  }
  if (name == "keywords") {
    auto read = reader.keywords(key, value);
    if (!read) return read.error();
    meta.keywords = std::move(read.value());
    return Ok{};
  }
  if (name == "hyphenation") {
    auto read = reader.hyphenation(key, value);
    if (!read) return read.error();
    meta.hyphenation = std::move(read.value());
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
  if (name == "fonts" && value.IsMap()) {  // fonts: {serif: Family}: kept as "fonts.serif" for layout
    for (auto it = value.begin(); it != value.end(); ++it)
      if (it->first.IsScalar() && it->second.IsScalar())
        meta.extra["fonts." + it->first.Scalar()] = trim(it->second.Scalar());
    return Ok{};
  }
  if (value.IsScalar()) meta.extra[name] = value.Scalar();
  if (value.IsNull()) meta.extra[name] = "";
  return Ok{};
}

}  // namespace

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

std::optional<long long> date_epoch(std::string_view date) {
  // Exactly YYYY-MM-DD: sscanf("%d-%d-%d") took "2026-13-45" and timegm rolled it over to
  // 2027-02-14; "9999-99-99" made a PDF date no reader accepts.
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (std::size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
      if (date[k] < '0' || date[k] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (date[k] - '0');
    }
  const std::chrono::year_month_day day{std::chrono::year{parts[0]},
                                        std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!day.ok() || parts[0] < kFirstYear) return std::nullopt;  // a real day of the calendar
  return static_cast<long long>(std::chrono::sys_days{day}.time_since_epoch().count()) * 86400;
}

std::string date_error(std::string_view date) {
  return "front matter key `date` is not a date of the calendar: \"" + std::string(date) + "\"";
}

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
    const YAML::Node root = YAML::Load(quote_hex_colors(yaml));  // `accent: #0E7C7B`
    if (root.IsNull()) return meta;  // only comments, or nothing between the fences
    if (!root.IsMap())
      return reader.error(root.Mark(),
                          "the front matter must be `key: value` lines, not " + describe_type(root),
                          "write one `key: value` per line, e.g. `title: My article`");
    // Every key is read, and every mistake reported at once (Error::more).
    std::vector<Error> errors;
    for (auto it = root.begin(); it != root.end(); ++it) {
      if (!it->first.IsScalar()) continue;  // a list or map as a key: nothing we could name
      meta.key_lines[it->first.Scalar()] = reader.line_of(it->first.Mark());
      if (auto status = read_key(reader, it->first, it->second, meta); !status) errors.push_back(status.error());
    }
    if (!errors.empty()) {
      Error first = errors.front();
      first.more.assign(errors.begin() + 1, errors.end());
      return first;
    }
    // A value with a {{placeholder}} is converted once filled, the row's value in its context
    // (`{{clinic.name}}'s`: an apostrophe after a name, not an opening quote after a brace).
    for (std::string* printed : printed_fields(meta))
      if (printed->find("{{") == std::string::npos) *printed = smarten(*printed);
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
