#include "pdf/text_string.hpp"

#include <hpdf_objects.h>

#include <vector>

#include "core/utf8.hpp"

namespace leafpress::pdf {

bool is_plain_ascii(std::string_view utf8) {
  for (const char c : utf8)
    if (c < 0x20 || c > 0x7E) return false;  // control bytes and every UTF-8 byte above 0x7F
  return true;
}

void* text_string(HPDF_MMgr mmgr, const std::string& utf8) {
  // libharu escapes ( ) and \ in literal strings (HPDF_Stream_WriteEscapeText).
  if (is_plain_ascii(utf8)) return HPDF_String_New(mmgr, utf8.c_str(), nullptr);
  std::vector<HPDF_BYTE> bytes{0xFE, 0xFF};
  for (const char16_t unit : to_utf16(utf8)) {
    bytes.push_back(static_cast<HPDF_BYTE>(unit >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
  }
  return HPDF_Binary_New(mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace leafpress::pdf
