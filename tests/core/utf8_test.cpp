// Tests for core/utf8.cpp: validation (with the offset of the first bad byte),
// line numbers of offsets, decoding and encoding.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "tests/support/test_support.hpp"

using leafpress::first_invalid_utf8;
using leafpress::line_of_offset;
using leafpress::next_code_point;
using leafpress::test::utf8;

namespace {

std::string bytes(std::initializer_list<unsigned> list) {
  std::string s;
  for (const unsigned b : list) s += static_cast<char>(b);
  return s;
}

std::vector<char32_t> decoded(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  while (pos < s.size()) out.push_back(next_code_point(s, pos));
  REQUIRE(pos == s.size());
  return out;
}

}  // namespace

TEST_CASE("utf8: valid text has no invalid offset", "[core]") {
  CHECK_FALSE(first_invalid_utf8("").has_value());
  CHECK_FALSE(first_invalid_utf8("plain ASCII\nwith lines\n").has_value());
  CHECK_FALSE(first_invalid_utf8("naïve café").has_value());                     // 2-byte
  CHECK_FALSE(first_invalid_utf8("造血干细胞 — 「」").has_value());              // 3-byte
  CHECK_FALSE(first_invalid_utf8("emoji 😀 and 𠀀").has_value());                 // 4-byte
  CHECK_FALSE(first_invalid_utf8(bytes({0xF4, 0x8F, 0xBF, 0xBF})).has_value());  // U+10FFFF, the last
  CHECK_FALSE(first_invalid_utf8(bytes({0xED, 0x9F, 0xBF})).has_value());        // U+D7FF, before surrogates
  CHECK_FALSE(first_invalid_utf8(bytes({0xEE, 0x80, 0x80})).has_value());        // U+E000, after them
  CHECK_FALSE(first_invalid_utf8(std::string_view("a\0b", 3)).has_value());      // NUL is valid UTF-8
}

TEST_CASE("utf8: the first invalid byte is found at its offset", "[core]") {
  struct Row {
    const char* what;
    std::string text;
    std::size_t offset;
  };
  const Row rows[] = {
      {"lone continuation byte", "ab" + bytes({0x80}) + "cd", 2},
      {"0xFF never appears", bytes({0xFF}), 0},
      {"0xFE never appears", "x" + bytes({0xFE}), 1},
      {"5-byte lead", "abc" + bytes({0xF8, 0x88, 0x80, 0x80, 0x80}), 3},
      {"truncated 2-byte at end", "abc" + bytes({0xC3}), 3},
      {"truncated 3-byte at end", "造" + bytes({0xE9, 0x80}), 3},
      {"truncated 4-byte at end", bytes({0xF0, 0x9F, 0x98}), 0},
      {"lead followed by ASCII", "a" + bytes({0xC3}) + "a", 1},
      {"overlong 2-byte '/'", bytes({0xC0, 0xAF}), 0},
      {"overlong 2-byte NUL", "ok" + bytes({0xC1, 0x80}), 2},
      {"overlong 3-byte", bytes({0xE0, 0x80, 0xAF}), 0},
      {"overlong 4-byte", bytes({0xF0, 0x80, 0x80, 0xAF}), 0},
      {"surrogate U+D800", "é" + bytes({0xED, 0xA0, 0x80}), 2},
      {"surrogate U+DFFF", bytes({0xED, 0xBF, 0xBF}), 0},
      {"past U+10FFFF", bytes({0xF4, 0x90, 0x80, 0x80}), 0},
      {"0xF5 lead (past U+10FFFF)", bytes({0xF5, 0x80, 0x80, 0x80}), 0},
      {"GBK bytes after valid text", "干细胞" + bytes({0xB8, 0xC9}), 9},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    const auto bad = first_invalid_utf8(row.text);
    REQUIRE(bad.has_value());
    CHECK(*bad == row.offset);
  }
}

TEST_CASE("utf8: line_of_offset counts newlines before the offset", "[core]") {
  const std::string text = "one\ntwo\n\nfour";
  CHECK(line_of_offset(text, 0) == 1);
  CHECK(line_of_offset(text, 3) == 1);  // the '\n' itself still belongs to line 1
  CHECK(line_of_offset(text, 4) == 2);
  CHECK(line_of_offset(text, 8) == 3);
  CHECK(line_of_offset(text, 9) == 4);
  CHECK(line_of_offset(text, text.size()) == 4);
  CHECK(line_of_offset(text, 1000) == 4);  // past the end: the last line
  CHECK(line_of_offset("", 0) == 1);
}

TEST_CASE("utf8: invalid byte offsets map to the right line", "[core]") {
  const std::string text = "# Title\n\nfine line\nbad " + bytes({0xC3, 0x28}) + " here\n";
  const auto bad = first_invalid_utf8(text);
  REQUIRE(bad.has_value());
  CHECK(line_of_offset(text, *bad) == 4);
}

TEST_CASE("utf8: next_code_point decodes each length and advances", "[core]") {
  CHECK(decoded("A") == std::vector<char32_t>{U'A'});
  CHECK(decoded("é") == std::vector<char32_t>{U'\u00E9'});
  CHECK(decoded("造") == std::vector<char32_t>{U'\u9020'});
  CHECK(decoded("😀") == std::vector<char32_t>{U'\U0001F600'});
  CHECK(decoded("aé造😀z") == std::vector<char32_t>{U'a', U'\u00E9', U'\u9020', U'\U0001F600', U'z'});

  const std::string s = "x造y";
  std::size_t pos = 1;
  CHECK(next_code_point(s, pos) == U'\u9020');
  CHECK(pos == 4);
}

TEST_CASE("utf8: append_utf8 encodes at each length boundary", "[core]") {
  CHECK(utf8(U'\0') == std::string(1, '\0'));
  CHECK(utf8(0x7F) == bytes({0x7F}));
  CHECK(utf8(0x80) == bytes({0xC2, 0x80}));
  CHECK(utf8(0x7FF) == bytes({0xDF, 0xBF}));
  CHECK(utf8(0x800) == bytes({0xE0, 0xA0, 0x80}));
  CHECK(utf8(0xFFFF) == bytes({0xEF, 0xBF, 0xBF}));
  CHECK(utf8(0x10000) == bytes({0xF0, 0x90, 0x80, 0x80}));
  CHECK(utf8(0x10FFFF) == bytes({0xF4, 0x8F, 0xBF, 0xBF}));
  CHECK(utf8(U'造') == "造");
}

TEST_CASE("utf8: encode then decode round-trips and validates", "[core]") {
  const char32_t samples[] = {0x1,    0x41,   0x7F,   0x80,   0xE9,    0x7FF,   0x800,   0x3000,  0x9020,
                              0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x20000, 0x10FFFF};
  std::string all;
  for (const char32_t cp : samples) {
    INFO(static_cast<unsigned>(cp));
    const std::string e = utf8(cp);
    CHECK_FALSE(first_invalid_utf8(e).has_value());
    std::size_t pos = 0;
    CHECK(next_code_point(e, pos) == cp);
    CHECK(pos == e.size());
    all += e;
  }
  CHECK(decoded(all) == std::vector<char32_t>(std::begin(samples), std::end(samples)));
}

// A message quotes the start of a line: cut inside a character, it ended in a broken byte (an
// overfull line's warning ended "…ＭＥＤ\xEF", a code review).
TEST_CASE("utf8: a prefix ends where a character does", "[core]") {
  const std::string text = "ＭＥＤＩＣＡＬ";  // three bytes each
  CHECK(leafpress::utf8_prefix(text, 40) == text);
  CHECK(leafpress::utf8_prefix(text, 7) == "ＭＥ");
  CHECK(leafpress::utf8_prefix(text, 9) == "ＭＥＤ");
  CHECK(leafpress::utf8_prefix("abc", 2) == "ab");
  CHECK(leafpress::utf8_prefix("", 0).empty());
  for (std::size_t n = 0; n <= text.size(); ++n)
    CHECK_FALSE(leafpress::first_invalid_utf8(leafpress::utf8_prefix(text, n)).has_value());
}
