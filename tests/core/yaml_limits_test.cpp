// Tests for core/yaml_limits.cpp: aliases counted as often as they are used, bombs
// refused with the limit and the line, ordinary YAML (and broken YAML) let through.
#include <catch2/catch.hpp>

#include <string>

#include "core/yaml_limits.hpp"

using leafpress::check_yaml_expansion;
using leafpress::kSmallYamlBudget;
using leafpress::YamlBudget;

namespace {

// Nine levels of nine aliases of the level before: 9^9 values from about 900 bytes.
std::string billion_laughs() {
  std::string yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  return yaml;
}

}  // namespace

TEST_CASE("yaml_limits: a billion laughs is refused at the alias that passes the budget", "[core]") {
  const auto s = check_yaml_expansion(billion_laughs(), kSmallYamlBudget, "m.yaml", "the manifest");
  REQUIRE_FALSE(s);
  CHECK(s.error().file == "m.yaml");
  CHECK(s.error().line >= 5);
  CHECK(s.error().line <= 9);
  CHECK_THAT(s.error().message,
             Catch::Contains("the manifest is too large") && Catch::Contains("100000 values"));
}

TEST_CASE("yaml_limits: text counts as often as its alias is used, bytes limit named", "[core]") {
  std::string yaml = "big: &t " + std::string(1000, 'x') + "\nkeywords: [";
  for (int i = 0; i < 3000; ++i) yaml += (i ? ", " : "") + std::string("*t");
  yaml += "]\n";
  const auto s = check_yaml_expansion(yaml, kSmallYamlBudget, "a.md", "the front matter", 2);
  REQUIRE_FALSE(s);
  CHECK(s.error().line == 3);  // the keywords line, counted from the article's line 2
  CHECK_THAT(s.error().message, Catch::Contains("MiB of text"));
}

TEST_CASE("yaml_limits: a list that holds itself is refused", "[core]") {
  const auto s = check_yaml_expansion("a: &x [1, *x]\n", kSmallYamlBudget, "l.yaml", "the layout");
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().message, Catch::Contains("never end"));
}

TEST_CASE("yaml_limits: ordinary anchors, plain YAML and broken YAML pass", "[core]") {
  CHECK(check_yaml_expansion("defaults: &d {layout: trifold-a4}\njobs:\n  - <<: *d\n    x: *d\n",
                             kSmallYamlBudget, "m.yaml", "the manifest"));
  CHECK(check_yaml_expansion("title: a * b\n", kSmallYamlBudget, "a.md", "the front matter"));
  CHECK(
      check_yaml_expansion("a: [*nosuch\n", kSmallYamlBudget, "a.md", "the front matter"));  // load says why
  // Exactly at the budget passes; one more value does not.
  const YamlBudget tiny{.values = 7, .bytes = 100};
  CHECK(check_yaml_expansion("a: &a [1]\nb: *a\n", tiny, "t", "t"));  // map, a, [ ], 1, b, [ ], 1 = 7
  CHECK_FALSE(check_yaml_expansion("a: &a [1]\nb: *a\nc: *a\n", tiny, "t", "t"));
}
