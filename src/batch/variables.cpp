#include "batch/variables.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/hyphenated_word.hpp"
#include "doc/image.hpp"
#include "doc/smart_punctuation.hpp"

namespace leafpress::batch {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;  // UTF-8 column names
}

// One placeholder at `open` (pointing at "{{"): its name and where it ends, or no name.
struct Found {
  std::string name;
  std::size_t end = 0;  // one past the closing "}}"
};

Found parse_at(std::string_view text, std::size_t open) {
  std::size_t i = open + 2;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t name_begin = i;
  while (i < text.size() && is_name_char(text[i])) ++i;
  const std::size_t name_end = i;
  while (i < text.size() && text[i] == ' ') ++i;
  if (name_end == name_begin || text.substr(i, 2) != "}}") return {};
  return {std::string(text.substr(name_begin, name_end - name_begin)), i + 2};
}

// cmark percent-encodes braces in link destinations and image paths.
std::string decode_braces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const std::string_view code = s.substr(i + 1, 2);
      if (code == "7B" || code == "7b") {
        out += '{';
        i += 2;
        continue;
      }
      if (code == "7D" || code == "7d") {
        out += '}';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The name of a clinic slot field, or nullptr.
std::string doc::Clinic::*clinic_field(std::string_view key) {
  static const std::array<std::pair<std::string_view, std::string doc::Clinic::*>, 7> kFields{{
      {"clinic.name", &doc::Clinic::name},
      {"clinic.address", &doc::Clinic::address},
      {"clinic.phone", &doc::Clinic::phone},
      {"clinic.url", &doc::Clinic::url},
      {"clinic.email", &doc::Clinic::email},
      {"clinic.hours", &doc::Clinic::hours},
      {"clinic.logo", &doc::Clinic::logo},
  }};
  for (const auto& [name, member] : kFields)
    if (name == key) return member;
  return nullptr;
}

}  // namespace

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1)) {
    Found f = parse_at(text, at);
    if (!f.name.empty()) out.insert(std::move(f.name));
  }
  return out;
}

std::vector<Unfilled> unfilled_placeholders(const doc::Document& document) {
  std::vector<Unfilled> out;
  std::set<std::string> seen;
  const auto note = [&](std::string_view text, int line) {
    for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1)) {
      Found f = parse_at(text, at);
      if (!f.name.empty() && seen.insert(f.name).second) out.push_back({line, std::move(f.name)});
    }
  };
  // The front matter the leaflet prints (the back panel's phone, e-mail and address, the QR
  // code's url too), each at its key's line.
  const auto& meta = document.meta;
  const auto key_line = [&](const char* key) {
    const auto it = meta.key_lines.find(key);
    return it != meta.key_lines.end() ? it->second : 1;
  };
  for (const auto& [field, key] :
       {std::pair{&meta.title, "title"}, std::pair{&meta.subtitle, "subtitle"},
        std::pair{&meta.author, "author"}, std::pair{&meta.clinic.name, "clinic"},
        std::pair{&meta.clinic.address, "clinic"}, std::pair{&meta.clinic.hours, "clinic"},
        std::pair{&meta.clinic.phone, "clinic"}, std::pair{&meta.clinic.email, "clinic"},
        std::pair{&meta.clinic.url, "clinic"}})
    note(*field, key_line(key));
  // The text, code included (a data merge fills it there too: fill_document), link targets
  // (printed after their link where the layout asks) and QR codes, each at its block's line.
  for (const auto& block : document.blocks) {
    const auto spans = [&](const std::vector<doc::Span>& of) {
      for (const auto& span : of) {
        note(span.text, block.line);
        note(decode_braces(span.link), block.line);
      }
    };
    spans(block.spans);
    for (const auto& row : block.table.rows)
      for (const auto& cell : row) spans(cell.spans);
    note(decode_braces(block.qr), block.line);
  }
  return out;
}

Result<std::string> fill(std::string_view text, const Variables& values) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos;) {
    const Found f = parse_at(text, at);
    if (f.name.empty()) {
      at = text.find("{{", at + 1);
      continue;
    }
    const auto it = values.find(f.name);
    if (it == values.end())
      return Error{"", 0, "unknown variable {{" + f.name + "}}",
                   "add a column `" + f.name + "` to the data, or a `vars:` entry to the job"};
    if (it->second.empty())
      return Error{"", 0, "variable {{" + f.name + "}} is empty", "fill in `" + f.name + "` for this row"};
    out.append(text.substr(copied, at - copied));
    out += it->second;
    copied = f.end;
    at = text.find("{{", copied);
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

Status fill_document(doc::Document& document, const Variables& values, const std::string& row) {
  const auto located = [&](Error e, int line, const std::string& where) {
    e.file = document.path;
    e.line = line;
    e.message += " in " + where + " (values from " + row + ")";
    return e;
  };
  const auto fill_from = [&](const Variables& from, std::string& s, int line,
                             const std::string& where) -> Status {
    if (s.find("{{") == std::string::npos) return Ok{};
    auto filled = fill(s, from);
    if (!filled) return located(filled.error(), line, where);
    s = std::move(filled).value();
    return Ok{};
  };
  const auto fill_in = [&](std::string& s, int line, const std::string& where) {
    return fill_from(values, s, line, where);
  };
  // The body's text was given its quotes and dashes by the parser; a value set in it gets
  // them too (doc/smart_punctuation.hpp), code excepted, so that `{{clinic.name}}` reads the
  // same in a paragraph as on the back panel.
  // Made when a span first holds a placeholder: most articles of a batch have none in the body.
  std::optional<Variables> smart;
  const auto fill_span = [&](doc::Span& span, int line, const std::string& where) {
    if (span.code || span.text.find("{{") == std::string::npos)
      return fill_from(values, span.text, line, where);
    if (!smart) {
      smart.emplace(values);
      for (auto& [name, value] : *smart) value = doc::smarten(value);
    }
    return fill_from(*smart, span.text, line, where);
  };
  // cmark percent-encodes the braces of a link or image target; look for them decoded.
  const auto fill_target = [&](std::string& s, int line, const std::string& where) -> Status {
    if (s.find("%7B%7B") == std::string::npos && s.find("%7b%7b") == std::string::npos)
      return fill_in(s, line, where);
    std::string decoded = decode_braces(s);
    if (auto r = fill_in(decoded, line, where); !r) return r;
    s = std::move(decoded);
    return Ok{};
  };

  // Text the leaflet prints gets the body's quotes and dashes once filled, the value in its
  // context (doc/smart_punctuation.hpp; the parser left these fields as typed).
  const auto fill_printed = [&](std::string& s, int line, const std::string& where) -> Status {
    if (s.find("{{") == std::string::npos) return Ok{};
    if (auto r = fill_in(s, line, where); !r) return r;
    s = doc::smarten(s);
    return Ok{};
  };

  auto& meta = document.meta;
  const int fm = 1;  // front matter starts the file
  for (std::string* field : doc::printed_fields(meta))
    if (auto r = fill_printed(*field, fm, "the front matter"); !r) return r;
  for (auto* field : {&meta.lang, &meta.date, &meta.layout})
    if (auto r = fill_in(*field, fm, "the front matter"); !r) return r;
  // A date from the row is checked as one written in the file is (doc/document.hpp date_epoch).
  if (!meta.date.empty() && !doc::date_epoch(meta.date))
    return Error{document.path, meta.date_line > 0 ? meta.date_line : fm, doc::date_error(meta.date),
                 doc::kDateHint};
  for (auto& k : meta.keywords)
    if (auto r = fill_in(k, fm, "the front matter"); !r) return r;
  // `hyphenation: ["{{drugs}}"]`: a row's value may list several words, split at commas, each
  // checked as a word written in the file is (core/hyphenated_word.hpp).
  if (std::any_of(meta.hyphenation.begin(), meta.hyphenation.end(),
                  [](const std::string& w) { return w.find("{{") != std::string::npos; })) {
    const auto at = meta.key_lines.find("hyphenation");
    const int line = at != meta.key_lines.end() ? at->second : fm;
    std::vector<std::string> words;
    for (std::string entry : meta.hyphenation) {
      if (auto r = fill_in(entry, line, "the front matter"); !r) return r;
      for (std::string& word : doc::split_keywords(entry)) {
        if (const std::string fault = hyphenated_word_fault(word); !fault.empty())
          return located(Error{"", 0, "front matter key `hyphenation`: \"" + word + "\" " + fault,
                               "list English words with a hyphen where each may break, e.g. ri-za-trip-tan"},
                         line, "the front matter");
        words.push_back(std::move(word));
      }
    }
    meta.hyphenation = std::move(words);
  }
  for (auto* field : {&meta.clinic.phone, &meta.clinic.url, &meta.clinic.email})
    if (auto r = fill_in(*field, fm, "the front matter"); !r) return r;
  // Pictures named through a placeholder (`logo: "{{clinic.logo}}"`) are resolved once filled:
  // inside the article's folder like any picture, except a row's own clinic.logo, which the
  // manifest has resolved and confined to its folder already (manifest.cpp).
  for (auto [field, line] :
       {std::pair{&meta.clinic.logo, meta.logo_line}, std::pair{&meta.cover_image, meta.cover_image_line}}) {
    if (field->find("{{") == std::string::npos) continue;
    if (auto r = fill_in(*field, line, "the front matter"); !r) return r;
    if (const auto it = values.find("clinic.logo"); it != values.end() && *field == it->second) continue;
    auto file = doc::resolve_asset(document.path, *field, line);
    if (!file) return file.error();
    *field = file->string();
  }
  for (auto& [key, value] : meta.extra)
    if (auto r = fill_in(value, fm, "the front matter"); !r) return r;
  for (auto& block : document.blocks) {
    for (auto& span : block.spans) {
      if (auto r = fill_span(span, block.line, "the text"); !r) return r;
      if (auto r = fill_target(span.link, block.line, "a link"); !r) return r;
    }
    for (auto& row : block.table.rows)
      for (auto& cell : row)
        for (auto& span : cell.spans) {
          if (auto r = fill_span(span, block.line, "a table"); !r) return r;
          if (auto r = fill_target(span.link, block.line, "a link"); !r) return r;
        }
    if (auto r = fill_target(block.qr, block.line, "a QR code"); !r) return r;
    // A picture named by a variable was left unresolved by the parser: resolve it now,
    // with the same inside-the-folder check as any other picture.
    const bool named_by_variable = block.image.find("{{") != std::string::npos ||
                                   block.image.find("%7B%7B") != std::string::npos ||
                                   block.image.find("%7b%7b") != std::string::npos;
    if (auto r = fill_target(block.image, block.line, "an image path"); !r) return r;
    if (named_by_variable && block.kind == doc::BlockKind::Image) {
      auto file = doc::resolve_asset(document.path, block.image, block.line);
      if (!file) return file.error();
      block.image = file->string();
    }
  }
  // A data row's clinic.* values fill the slot even where the article does not name them.
  for (const auto& [key, value] : values)
    if (auto member = clinic_field(key); member && !value.empty())
      meta.clinic.*member = doc::printed_clinic_field(member) ? doc::smarten(value) : value;
  return Ok{};
}

}  // namespace leafpress::batch
