// batch/variables.hpp: {{name}} placeholders filled from a data row.
//
// Input:  a parsed Document (doc/document.hpp) and the row's values, keyed by
//         column name ("clinic.name", "phone"). Substitution happens AFTER
//         parsing, in the span text (table cells too), link targets, image paths,
//         `qr:` addresses and front-matter strings, so a value is always plain text:
//         a clinic called "*Sunrise*: East" can neither start emphasis nor break the YAML.
//         Where it prints as text (span text outside code, title, subtitle, author, the
//         clinic's name, address and hours) it gets the body's quotes and dashes
//         (doc/smart_punctuation.hpp: `O'Brien` prints `O’Brien`); in the front matter the
//         whole filled field is converted, the value in its context.
//         A picture path with a placeholder (`![x]({{photo}})`) is resolved once filled,
//         inside the article's folder like any picture (doc/image.hpp).
// Syntax: `{{name}}` or `{{ name }}`; a name is letters, digits, `_`, `-` and `.`.
//         Text such as `{{ }}` or `{{a b}}` is not a placeholder and stays as written.
// Clinic: values named clinic.name/address/phone/url/logo also fill the back-panel
//         slot (FrontMatter::clinic), whether or not the article mentions them.
// Errors: a placeholder with no value, or an empty one (a blank phone number on a
//         handout is a defect), names the article line, the variable and the row
//         ("clinics.csv:7").
// Unfilled: an article built without data (`leafpress build`) prints a placeholder as
//         written; unfilled_placeholders() names them, so the user hears of `{{clinic.name}}`
//         before a print shop prints it.
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "doc/document.hpp"

namespace leafpress::batch {

using Variables = std::map<std::string, std::string>;

// The placeholder names in `text`, in order of first appearance.
std::set<std::string> placeholders(std::string_view text);

// `text` with every placeholder replaced. On a missing or empty value the error
// names the variable; the caller adds the file and line.
Result<std::string> fill(std::string_view text, const Variables& values);

// The placeholders a document prints as written when nothing fills them, where a data merge
// would fill them: the printed front matter (title, subtitle, author, the clinic's name,
// address, hours, phone, e-mail and url) at its key's line; the text (code too), link targets
// and QR codes at their block's line. One entry per name, at its first place, in that order.
struct Unfilled {
  int line = 0;
  std::string name;
};
std::vector<Unfilled> unfilled_placeholders(const doc::Document& document);

// Fills every placeholder of the document, then the clinic slot from clinic.* values.
// `row` says where the values came from, for messages ("clinics.csv:7", "row 3").
Status fill_document(doc::Document& document, const Variables& values, const std::string& row);

}  // namespace leafpress::batch
