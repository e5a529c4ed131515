// Colours as people give them: every accepted form, and errors that show the forms.
#include <catch2/catch.hpp>

#include "core/hex_colors.hpp"
#include "layout/color_value.hpp"
#include "layout/template.hpp"

using leafpress::layout::Cmyk;
using leafpress::layout::parse_color;

TEST_CASE("color_value: CMYK forms keep the percentages as given", "[layout][color]") {
  for (const char* text : {"100,45,0,10", "cmyk(100, 45, 0, 10)", "CMYK(100%,45%,0%,10%)", " 100 45 0 10 "}) {
    INFO(text);
    const auto c = parse_color(text);
    REQUIRE(c);
    CHECK(*c == Cmyk{1, 0.45, 0, 0.1});
    CHECK(!c->srgb);
  }
}

TEST_CASE("color_value: sRGB forms keep the sRGB value and carry its print conversion", "[layout][color]") {
  const auto hex = parse_color("#0E7C7B");
  const auto fn = parse_color("rgb(14, 124, 123)");
  REQUIRE(hex);
  REQUIRE(fn);
  REQUIRE(hex->srgb);
  CHECK(hex->srgb->r == Approx(14 / 255.0));
  CHECK(hex->srgb->g == Approx(124 / 255.0));
  CHECK(hex->srgb->b == Approx(123 / 255.0));
  CHECK(*hex == *fn);
  // A teal in FOGRA39: cyan and yellow, little magenta; whole percentages.
  CHECK(hex->c > 0.5);
  CHECK(hex->y > 0.2);
  CHECK(hex->m < 0.2);
  CHECK(hex->c * 100 == Approx(std::round(hex->c * 100)));
  // White is no ink, black is ink.
  const auto white = parse_color("#fff");
  REQUIRE(white);
  CHECK(white->c + white->m + white->y + white->k == Approx(0).margin(0.011));
  const auto black = parse_color("#000000");
  REQUIRE(black);
  CHECK(black->k > 0.8);
}

TEST_CASE("color_value: a wrong colour says why and lists the accepted forms", "[layout][color]") {
  for (const char* text : {"teal", "#0E7C7", "#GG0000", "rgb(300, 0, 0)", "rgb(1, 2)", "cmyk(1, 2, 3)",
                           "100,45,0,110", "hsl(1, 2, 3)", "", "rgb(1, 2, 3"}) {
    INFO(text);
    const auto c = parse_color(text);
    REQUIRE(!c);
    CHECK(c.error().message.find("is not a colour") != std::string::npos);
    CHECK(c.error().hint.find("#0E7C7B") != std::string::npos);
    CHECK(c.error().hint.find("cmyk(") != std::string::npos);
  }
}

TEST_CASE("color_value: a layout takes #hex unquoted, and a wrong colour names the key and line",
          "[layout][color]") {
  const std::string base = R"(name: t
description: d
sheet: {width: 297mm, height: 210mm}
sides:
  - name: outside
    panels: [{name: a, width: 99mm}, {name: b, width: 99mm}, {name: c, width: 99mm}]
cover: {panel: c}
flow: [a, b]
styles:
  heading:
    color: )";
  const auto ok = leafpress::layout::parse_template(base + "#0E7C7B   # the clinic's teal\n", "t.yaml");
  REQUIRE(ok);
  REQUIRE(ok->accent.srgb);
  CHECK(ok->accent.srgb->g == Approx(124 / 255.0));
  const auto bad = leafpress::layout::parse_template(base + "tea1\n", "t.yaml");
  REQUIRE(!bad);
  CHECK(bad.error().line == 11);
  CHECK(bad.error().message.find("styles.heading.color") != std::string::npos);
  CHECK(bad.error().hint.find("rgb(") != std::string::npos);
}

TEST_CASE("color_value: --set takes every form", "[layout][color]") {
  leafpress::layout::Template t;
  REQUIRE(leafpress::layout::set_template_key(t, "heading.color=#0E7C7B"));
  CHECK(t.accent.srgb);
  REQUIRE(leafpress::layout::set_template_key(t, "heading.color=100,45,0,10"));
  CHECK(t.accent == Cmyk{1, 0.45, 0, 0.1});
  REQUIRE(leafpress::layout::set_template_key(t, "quote.tint=[10, 3, 0, 0]"));
  CHECK(t.quote_tint == Cmyk{0.1, 0.03, 0, 0});
  const auto bad = leafpress::layout::set_template_key(t, "body.color=blue");
  REQUIRE(!bad);
  CHECK(bad.error().message.find("body.color") != std::string::npos);
}

TEST_CASE("hex_colors: quotes a hex value and nothing else", "[core][color]") {
  using leafpress::quote_hex_colors;
  CHECK(quote_hex_colors("accent: #0E7C7B\n") == "accent: \"#0E7C7B\"\n");
  CHECK(quote_hex_colors("  color: #abc   # teal\r\n") == "  color: \"#abc\"   # teal\r\n");
  CHECK(quote_hex_colors("- #0E7C7B") == "- \"#0E7C7B\"");
  CHECK(quote_hex_colors("#abcdef\n# a comment\n") == "#abcdef\n# a comment\n");
  CHECK(quote_hex_colors("title: A # B\nurl: http://x/#abc\n") == "title: A # B\nurl: http://x/#abc\n");
  CHECK(quote_hex_colors("accent: \"#0E7C7B\"") == "accent: \"#0E7C7B\"");
  CHECK(quote_hex_colors("accent: #0E7C7BX") == "accent: #0E7C7BX");
  CHECK(quote_hex_colors("heading: {sizes: [18pt], color: #0E7C7B}") ==
        "heading: {sizes: [18pt], color: \"#0E7C7B\"}");
  CHECK(quote_hex_colors("tints: [#abc, #0E7C7B]") == "tints: [\"#abc\", \"#0E7C7B\"]");
  CHECK(quote_hex_colors("a: b  # see #abc, then") == "a: b  # see #abc, then");
  // A hostile flow-map line 200 KB long is left as it is (std::regex recursed once a character on it and
  // overflowed the stack).
  const std::string long_line = "{k" + std::string(200000, 'x') + ": #abc}";
  CHECK(quote_hex_colors(long_line) == long_line);
}
