// core/yaml_limits.hpp: a bound on what a YAML document becomes once its aliases are expanded.
//
// YAML anchors (&a) and aliases (*a) let a few hundred bytes stand for billions of
// values ("a billion laughs": nine lists of nine aliases of the list before). yaml-cpp
// shares an aliased node rather than copying it, but whatever walks the tree (the
// manifest's `vars:`, the front matter's `keywords:`, a layout) meets every alias as
// a full copy, and an 898-byte manifest grew past 1.8 GB. check_yaml_expansion walks
// the document once as parser events, before it is loaded, and adds up the values
// (scalars, lists, maps, nulls) and the bytes of text each alias stands for; the
// whole check is linear in the document's size. It refuses a document whose expanded
// size passes the budget, saying which limit and where, and an alias to an anchor that
// is not finished yet (a list that holds itself, which would never end).
// Syntax errors are not its business: it returns Ok, and the real load reports them.
// Used by every YAML reader: the batch manifest, the article's front matter, layouts.
// Thread-safety: pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace leafpress {

struct YamlBudget {
  std::size_t values = 0;  // scalars, lists, maps and nulls, every alias expanded
  std::size_t bytes = 0;   // the text of every scalar (keys included), every alias expanded
};

// A manifest: 100,000 rows of clinics written inline fit; a bomb does not.
constexpr YamlBudget kManifestYamlBudget{.values = 1'000'000, .bytes = 16u << 20};
// Front matter (inside a 1 MiB article) and layouts (256 KiB): a few dozen keys each.
constexpr YamlBudget kSmallYamlBudget{.values = 100'000, .bytes = 2u << 20};

// `what` names the document in messages ("the manifest", "the front matter");
// `first_line` is the file line of the YAML's first line (front matter starts at 2).
Status check_yaml_expansion(std::string_view yaml, const YamlBudget& budget, const std::string& file,
                            std::string_view what, int first_line = 1);

}  // namespace leafpress
