// doc/image.hpp: the pictures an article names, read safely.
//
// Input:  a path written in the article (`![alt](photos/arm.jpg)`, `logo:` and
//         `cover_image:` in the front matter) and the article's own path.
// Output: resolve_asset: the file, made absolute and canonical; decode_image: its
//         pixels as 8-bit Gray, RGB or CMYK (PNG through libpng, JPEG through
//         libjpeg-turbo). Alpha (and a palette's or grey's tRNS) is composited over
//         white: print has no transparency. 16-bit PNG comes out as 8-bit sRGB. CMYK
//         JPEGs stay CMYK; Adobe's inverted CMYK (APP14) is stored non-inverted.
//         A JPEG's EXIF orientation is applied: the Raster is upright.
//         Anything else (GIF, WebP, SVG...) is refused by its first bytes.
// Safety: an asset must resolve (symlinks followed) to a file inside the
//         article's folder; "..", absolute paths elsewhere and links that point
//         out are refused. Images larger than kMaxImagePixels are refused before
//         any pixel is decoded.
// Errors: an Error naming the article, the line where the path is written and
//         what to do (missing file, not PNG/JPEG, corrupt data, outside the folder).
//         A truncated or damaged file is an error, never a half-grey picture.
// Thread-safety: reentrant; a Raster is immutable once decoded and shared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace leafpress::doc {

constexpr std::uint64_t kMaxImagePixels = 50'000'000;  // 50 megapixels: a 300 dpi A3 sheet is 17

enum class ColorSpace { Gray, Rgb, Cmyk };

struct Raster {
  int width = 0, height = 0;  // pixels
  ColorSpace space = ColorSpace::Rgb;
  std::vector<std::uint8_t> pixels;  // row-major, 8 bits per component, no padding; CMYK not inverted
  std::string source;                // the file, for messages
  [[nodiscard]] int components() const {
    return space == ColorSpace::Gray ? 1 : space == ColorSpace::Rgb ? 3 : 4;
  }
  // Some pixels, and exactly width × height × components bytes of them.
  [[nodiscard]] bool complete() const {
    return width > 0 && height > 0 &&
           pixels.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                                static_cast<std::size_t>(components());
  }
};

// `reference` as written in `article` at `line`; the result is an existing regular file
// inside the article's folder.
Result<std::filesystem::path> resolve_asset(std::string_view article, std::string_view reference, int line);

// A resolved picture as a message shows it: relative to the article's folder ("photos/arm.jpg"),
// as the author wrote it; the whole path when that is not shorter.
std::string shown_path(const std::string& file, std::string_view article);

// Decodes PNG or JPEG bytes. `source` names the file in messages.
Result<Raster> decode_image(std::string_view bytes, std::string_view source);

// Reads (size-limited) and decodes a file. Errors name the image file, line 0.
Result<Raster> load_image(const std::filesystem::path& file);

// The same, for a picture an article names: errors name `article` and the `line` where the
// picture is written (Block::line, or the front-matter line), and the image in the message.
Result<Raster> load_image(const std::filesystem::path& file, std::string_view article, int line);

}  // namespace leafpress::doc
