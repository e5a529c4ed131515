// pdf/hpdf_errors.cpp: libharu's error codes in words (ErrorState::describe, hpdf_handles.hpp).
//
// libharu reports a number and a detail ("error 0x1054 (detail 0)"), which tells a user
// nothing. The codes leafpress can meet, given what it writes, are said here in words with
// libharu's limits (hpdf_consts.h); the code stays at the end for a bug report.
#include <cstdio>

#include "pdf/hpdf_handles.hpp"

namespace leafpress::pdf {
namespace {

const char* words(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "it ran out of memory";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR:
      return "the file could not be written";
    case HPDF_BINARY_LENGTH_ERR:
    case HPDF_STRING_OUT_OF_RANGE:
      return "a text (title, bookmark, keyword or alternative text) is longer than a PDF string may be "
             "(65,535 bytes)";
    case HPDF_NAME_OUT_OF_RANGE:
    case HPDF_NAME_INVALID_VALUE:
      return "a name (of a font, say) is longer than a PDF name may be (127 bytes)";
    case HPDF_ARRAY_COUNT_ERR:
      return "a list in the PDF has more than 32,767 entries (a font with too many widths?)";
    case HPDF_DICT_COUNT_ERR:
      return "a page uses more than 4,095 resources (fonts, pictures, colour states)";
    case HPDF_XREF_COUNT_ERR:
      return "the PDF would hold more than 8,388,607 objects";
    case HPDF_PAGE_INVALID_SIZE:
      return "a page is smaller than 3 pt or larger than 14,400 pt (200 in, 5.08 m) on a side, which "
             "PDF readers do not accept";
    case HPDF_REAL_OUT_OF_RANGE:
      return "a position or size is beyond 32,767 pt, the largest number PDF readers must accept";
    case HPDF_PAGE_INVALID_FONT_SIZE:
      return "a font size is not between 0 and 600 pt";
    case HPDF_PAGE_OUT_OF_RANGE:
    case HPDF_INVALID_PAGE_INDEX:
      return "a page number is out of range";
    case HPDF_ZLIB_ERROR:
      return "zlib could not compress a stream";
    case HPDF_INVALID_IMAGE:
    case HPDF_INVALID_COLOR_SPACE:
    case HPDF_INVALID_BIT_PER_COMPONENT:
      return "a picture's pixels were refused";
    case HPDF_INVALID_DESTINATION:
    case HPDF_INVALID_OUTLINE:
      return "a bookmark was refused";
    case HPDF_PAGE_INVALID_GMODE:
    case HPDF_PAGE_CANNOT_RESTORE_GSTATE:
    case HPDF_EXCEED_GSTATE_LIMIT:
      return "drawing operators came in an order PDF does not allow";
    case HPDF_INVALID_PARAMETER:
    case HPDF_INVALID_OBJECT:
    case HPDF_INVALID_DOCUMENT:
    case HPDF_INVALID_PAGE:
    case HPDF_ITEM_NOT_FOUND:
      return "it was given an object or value it does not accept";
    default:
      return nullptr;
  }
}

}  // namespace

std::string ErrorState::describe() const {
  char code[64];
  std::snprintf(code, sizeof code, "libharu error 0x%04X, detail %u", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  const char* said = words(error);
  return said ? std::string("libharu refused it: ") + said + " (" + code + ")" : std::string(code);
}

}  // namespace leafpress::pdf
