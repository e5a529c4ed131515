#include "pdf/text_string.hpp"

#include <hpdf_objects.h>

#include <vector>

#include "core/utf8.hpp"

namespace leafpress::pdf {

HPDF_Binary text_string(HPDF_MMgr mmgr, const std::string& utf8) {
  std::vector<HPDF_BYTE> bytes{0xFE, 0xFF};
  for (const char16_t unit : to_utf16(utf8)) {
    bytes.push_back(static_cast<HPDF_BYTE>(unit >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
  }
  return HPDF_Binary_New(mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace leafpress::pdf
