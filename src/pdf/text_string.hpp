// pdf/text_string.hpp: a PDF text string (Info values, bookmarks, /Lang) from UTF-8.
//
// ISO 32000-1 7.9.2.2: a text string is PDFDocEncoding or UTF-16BE with a byte
// order mark. Plain printable ASCII (the same bytes in PDFDocEncoding) is
// written as a literal string, `(Riverside Clinic)`: tools that re-distill a
// file to PDF/A (Ghostscript) or read Info without a UTF-16 decoder keep it.
// Anything else, Chinese, Japanese and Korean titles and accented Latin, is
// UTF-16BE with the byte order mark, written as <hex>, and comes back intact in
// every reader.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace leafpress::pdf {

// Whether `utf8` is written as a literal PDFDocEncoding string (printable ASCII only).
bool is_plain_ascii(std::string_view utf8);

// A new direct object (an HPDF_String or an HPDF_Binary) for HPDF_Dict_Add / HPDF_Array_Add.
void* text_string(HPDF_MMgr mmgr, const std::string& utf8);

}  // namespace leafpress::pdf
