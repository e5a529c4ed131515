// tests/fuzz/fuzz_template.cpp: layout YAML → Template.
//
// Promise checked (layout/template.hpp): parse_template never crashes or
// throws, and a Template it accepts has a sheet, panels of positive width that
// lie on the sheet, and a flow through panels it has.
#include <set>

#include "layout/template.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace leafpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto t = layout::parse_template(fuzz::as_text(data, size), "fuzz.yaml");
  if (!t) {
    fuzz::note(t.error());
    fuzz::fuzz_check(!t.error().message.empty(), "an Error without a message");
    return 0;
  }
  fuzz::fuzz_check(t->sheet_width > 0 && t->sheet_height > 0, "a sheet without size");
  fuzz::fuzz_check(!t->sides.empty(), "a layout without sides");
  std::set<std::string> names;
  for (const auto& side : t->sides)
    for (const auto& panel : side.panels) {
      fuzz::fuzz_check(panel.width > 0, "a panel without width");
      fuzz::fuzz_check(panel.x >= 0 && panel.x + panel.width <= t->sheet_width + mm(0.5) + 0.01,
                       "a panel off the sheet");
      names.insert(panel.name);
    }
  for (const auto& name : t->flow)
    fuzz::fuzz_check(names.count(name) == 1, "a flow through an unknown panel");
  fuzz::fuzz_check(t->body_size > 0, "a body size that is not positive");
  return 0;
}
