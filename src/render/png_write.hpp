// render/png_write.hpp: a Picture as PNG bytes, with libpng.
//
// 8-bit RGB, no interlacing, a pHYs chunk with the resolution (so an image viewer
// or a word processor shows the page at its real size), zlib level 6. The bytes
// go to the caller, which writes them through core/atomic_file.hpp like a PDF.
// Errors: libpng refuses (never for a well-formed Picture).
#pragma once

#include <string>

#include "core/result.hpp"
#include "render/picture.hpp"

namespace leafpress::render {

Result<std::string> encode_png(const Picture& picture, double dpi);

}  // namespace leafpress::render
