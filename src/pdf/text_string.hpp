// pdf/text_string.hpp: a PDF text string (Info values, bookmarks, /Lang) from UTF-8.
//
// UTF-16BE with a byte order mark, written as <hex> (ISO 32000-1 7.9.2.2):
// Chinese, Japanese and Korean titles come back intact in every reader.
#pragma once

#include <hpdf.h>

#include <string>

namespace leafpress::pdf {

HPDF_Binary text_string(HPDF_MMgr mmgr, const std::string& utf8);

}  // namespace leafpress::pdf
