// core/utf8.hpp: UTF-8 checks and decoding.
//
// Text is kept as UTF-8 std::string throughout; clusters are byte offsets.
// validate_utf8 finds the first bad byte so that a user learns the line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace leafpress {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when all is valid
// (overlongs, surrogates and code points past U+10FFFF are invalid).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// 1-based line number of a byte offset.
int line_of_offset(std::string_view text, std::size_t offset);

// Decodes the code point at `pos` (text must be valid) and advances pos.
char32_t next_code_point(std::string_view text, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// The first byte of the character that byte `at` belongs to (text must be valid).
std::size_t start_of_code_point(std::string_view text, std::size_t at);

// The code point that ends at byte `end` and the byte it starts at ({0, 0} at the text's start).
std::pair<char32_t, std::size_t> code_point_before(std::string_view text, std::size_t end);

// The longest start of `text` of at most `max_bytes` bytes that ends where a character does: a
// message's quote, a file name's part or a PDF's metadata cut inside a character ends in a broken
// byte.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// `text` safe to print on a terminal or in one log line: control bytes (C0, DEL and
// C1, newlines included) and bytes that are not UTF-8 become `\xNN`, so a file name
// cannot move the cursor, recolour the screen or split an `error:` line in two.
std::string printable(std::string_view text);

// UTF-16 code units (surrogate pairs past U+FFFF), for PDF text strings and ToUnicode maps.
std::u16string to_utf16(std::string_view utf8);

}  // namespace leafpress
