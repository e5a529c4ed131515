// Tests for doc/jpeg_markers.cpp: the EXIF orientation as a table of pictures,
// and marker segments read safely from hostile bytes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc/jpeg_markers.hpp"

using leafpress::doc::apply_orientation;
using leafpress::doc::ColorSpace;
using leafpress::doc::jpeg_exif_orientation;
using leafpress::doc::jpeg_has_adobe_marker;
using leafpress::doc::Raster;

namespace {

// A 3 x 2 grey picture "abc/def"; the result as rows of letters, "/" between rows.
std::string oriented(int orientation) {
  Raster r;
  r.width = 3;
  r.height = 2;
  r.space = ColorSpace::Gray;
  r.pixels = {'a', 'b', 'c', 'd', 'e', 'f'};
  apply_orientation(r, orientation);
  std::string out;
  for (int y = 0; y < r.height; ++y) {
    if (y > 0) out += '/';
    for (int x = 0; x < r.width; ++x)
      out += static_cast<char>(r.pixels[static_cast<std::size_t>(y * r.width + x)]);
  }
  return out;
}

// SOI, an APP1 Exif segment holding one IFD entry `tag` = `value` (TIFF SHORT), then SOS.
std::string exif_jpeg(bool big_endian, unsigned tag, unsigned value) {
  auto u16 = [&](unsigned v) {
    return big_endian ? std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}
                      : std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
  };
  auto u32 = [&](unsigned v) { return big_endian ? u16(0) + u16(v) : u16(v) + u16(0); };
  std::string tiff = (big_endian ? "MM" : "II") + u16(42) + u32(8) + u16(1) + u16(tag) + u16(3) + u32(1) +
                     u16(value) + u16(0) + u32(0);
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const auto length = static_cast<unsigned>(payload.size() + 2);
  return std::string("\xFF\xD8\xFF\xE1", 4) + static_cast<char>(length >> 8) +
         static_cast<char>(length & 0xFF) + payload + std::string("\xFF\xDA\0\x02", 4);
}

}  // namespace

TEST_CASE("jpeg_markers: the eight EXIF orientations turn the picture upright", "[doc]") {
  CHECK(oriented(1) == "abc/def");
  CHECK(oriented(2) == "cba/fed");   // mirrored
  CHECK(oriented(3) == "fed/cba");   // upside down
  CHECK(oriented(4) == "def/abc");   // mirrored upside down
  CHECK(oriented(5) == "ad/be/cf");  // transposed
  CHECK(oriented(6) == "da/eb/fc");  // turned 90° clockwise
  CHECK(oriented(7) == "fc/eb/da");  // transversed
  CHECK(oriented(8) == "cf/be/ad");  // turned 90° anticlockwise
  CHECK(oriented(0) == "abc/def");   // out of range: as stored
  CHECK(oriented(9) == "abc/def");
}

TEST_CASE("jpeg_markers: the orientation is read in either byte order", "[doc]") {
  CHECK(jpeg_exif_orientation(exif_jpeg(true, 0x0112, 6)) == 6);
  CHECK(jpeg_exif_orientation(exif_jpeg(false, 0x0112, 8)) == 8);
  CHECK(jpeg_exif_orientation(exif_jpeg(true, 0x0110, 6)) == 1);   // another tag
  CHECK(jpeg_exif_orientation(exif_jpeg(true, 0x0112, 42)) == 1);  // not an orientation
}

TEST_CASE("jpeg_markers: truncated or lying segments are read as nothing", "[doc]") {
  const std::string good = exif_jpeg(true, 0x0112, 6);
  for (std::size_t keep = 0; keep < good.size(); ++keep)
    CHECK(jpeg_exif_orientation(good.substr(0, keep)) >= 1);
  std::string lying = good;
  lying[4] = static_cast<char>(0xFF);  // a segment length past the end
  CHECK(jpeg_exif_orientation(lying) == 1);
  std::string far_ifd = good;
  far_ifd[10 + 4 + 3] = static_cast<char>(0x7F);  // the IFD offset points past the end
  CHECK(jpeg_exif_orientation(far_ifd) == 1);
  CHECK_FALSE(jpeg_has_adobe_marker(good));
  CHECK_FALSE(jpeg_has_adobe_marker(""));
}
