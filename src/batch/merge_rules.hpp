// batch/merge_rules.hpp: how a data row's values meet the article's own, and what the user hears.
//
// Precedence (README, Batch runs), lowest first:
//   1. the article's front matter (`clinic: {name: ...}`, `title:`...);
//   2. the manifest's `vars:` (values every row of a job shares);
//   3. the row (a CSV line or a `rows:` entry);
//   4. a per-language value of any of these: `clinic.name.zh-Hans` is used instead of
//      `clinic.name` in an article whose `lang:` is zh-Hans (the tag compared without case;
//      `clinic.name.zh` serves every zh-* article that has no value of its own).
// A row value that replaces a value the article writes itself (its clinic's name, say) is
// not silently taken: override_warnings names the key, both values and the row.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "batch/variables.hpp"
#include "doc/document.hpp"

namespace leafpress::batch {

// `values` with the per-language ones for `lang` put in place of their plain keys.
// The per-language keys themselves stay (a text may still name `{{clinic.name.ja}}`).
Variables for_language(const Variables& values, const std::string& lang);

// "a.md:4: clinic.name 'Riverside' in the article is replaced by 'Eastside' from clinics.csv:3"
// for every clinic field the article writes (not as a {{placeholder}}) that the row changes.
std::vector<std::string> override_warnings(const doc::Document& document, const Variables& values,
                                           const std::string& row);

}  // namespace leafpress::batch
