// doc/jpeg_markers.cpp: see jpeg_markers.hpp.
#include "doc/jpeg_markers.hpp"

#include <cstdint>
#include <optional>
#include <utility>

namespace leafpress::doc {
namespace {

constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTiffShort = 3;

std::uint8_t byte_at(std::string_view b, std::size_t i) {
  return static_cast<std::uint8_t>(b[i]);
}

// The payload of the first segment with this marker before the first scan; nullopt if none.
std::optional<std::string_view> find_segment(std::string_view bytes, std::uint8_t wanted,
                                             std::string_view tag) {
  std::size_t pos = 2;  // after SOI
  while (pos + 4 <= bytes.size()) {
    if (byte_at(bytes, pos) != 0xFF) return std::nullopt;
    const std::uint8_t marker = byte_at(bytes, pos + 1);
    if (marker == 0xFF) {  // a fill byte before the marker
      ++pos;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) return std::nullopt;  // start of scan, end of image
    const std::size_t length = std::size_t{byte_at(bytes, pos + 2)} << 8 | byte_at(bytes, pos + 3);
    if (length < 2 || pos + 2 + length > bytes.size()) return std::nullopt;
    const std::string_view payload = bytes.substr(pos + 4, length - 2);
    if (marker == wanted && payload.substr(0, tag.size()) == tag) return payload;
    pos += 2 + length;
  }
  return std::nullopt;
}

// Reads TIFF integers in the byte order the TIFF header names.
struct Tiff {
  std::string_view data;
  bool big_endian = false;
  [[nodiscard]] std::optional<std::uint32_t> read(std::size_t at, int size) const {
    if (at + static_cast<std::size_t>(size) > data.size()) return std::nullopt;
    std::uint32_t v = 0;
    for (int i = 0; i < size; ++i) {
      const std::size_t k =
          big_endian ? at + static_cast<std::size_t>(i) : at + static_cast<std::size_t>(size - 1 - i);
      v = v << 8 | byte_at(data, k);
    }
    return v;
  }
};

}  // namespace

bool jpeg_has_adobe_marker(std::string_view bytes) {
  return find_segment(bytes, 0xEE, "Adobe").has_value();
}

int jpeg_exif_orientation(std::string_view bytes) {
  constexpr std::string_view kExif("Exif\0\0", 6);
  const auto exif = find_segment(bytes, 0xE1, kExif);
  if (!exif) return 1;
  Tiff tiff{exif->substr(kExif.size())};
  if (tiff.data.substr(0, 2) == "MM")
    tiff.big_endian = true;
  else if (tiff.data.substr(0, 2) != "II")
    return 1;
  const auto ifd = tiff.read(4, 4);
  if (!ifd) return 1;
  const auto count = tiff.read(*ifd, 2);
  if (!count) return 1;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const std::size_t entry = *ifd + 2 + std::size_t{i} * 12;
    const auto tag = tiff.read(entry, 2), type = tiff.read(entry + 2, 2), value = tiff.read(entry + 8, 2);
    if (!tag || !type || !value) return 1;
    if (*tag != kOrientationTag) continue;
    return *type == kTiffShort && *value >= 1 && *value <= 8 ? static_cast<int>(*value) : 1;
  }
  return 1;
}

void apply_orientation(Raster& raster, int orientation) {
  if (orientation <= 1 || orientation > 8) return;
  const int w = raster.width, h = raster.height;
  const bool swaps = orientation >= 5;  // 5-8 turn the picture a quarter: width and height trade places
  const int out_w = swaps ? h : w, out_h = swaps ? w : h;
  const auto n = static_cast<std::size_t>(raster.components());
  std::vector<std::uint8_t> out(raster.pixels.size());
  for (int y = 0; y < out_h; ++y) {
    for (int x = 0; x < out_w; ++x) {
      // The stored pixel that shows at (x, y).
      int sx = x, sy = y;
      switch (orientation) {
        case 2:
          sx = w - 1 - x;
          break;  // mirrored
        case 3:
          sx = w - 1 - x, sy = h - 1 - y;
          break;  // upside down
        case 4:
          sy = h - 1 - y;
          break;  // mirrored upside down
        case 5:
          sx = y, sy = x;
          break;  // transposed
        case 6:
          sx = y, sy = h - 1 - x;
          break;  // to be turned 90° clockwise
        case 7:
          sx = w - 1 - y, sy = h - 1 - x;
          break;  // transversed
        case 8:
          sx = w - 1 - y, sy = x;
          break;  // to be turned 90° anticlockwise
        default:
          break;
      }
      const std::size_t from =
          (static_cast<std::size_t>(sy) * static_cast<std::size_t>(w) + static_cast<std::size_t>(sx)) * n;
      const std::size_t to =
          (static_cast<std::size_t>(y) * static_cast<std::size_t>(out_w) + static_cast<std::size_t>(x)) * n;
      for (std::size_t c = 0; c < n; ++c) out[to + c] = raster.pixels[from + c];
    }
  }
  raster.pixels = std::move(out);
  raster.width = out_w;
  raster.height = out_h;
}

}  // namespace leafpress::doc
