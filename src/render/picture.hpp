// render/picture.hpp: an 8-bit RGB picture, rows top to bottom, as plain data.
#pragma once

#include <cstdint>
#include <vector>

namespace leafpress::render {

struct Rgb8 {
  std::uint8_t r = 255, g = 255, b = 255;
  bool operator==(const Rgb8&) const = default;
};

struct Picture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb{};  // width * height * 3 bytes

  static Picture blank(int width, int height, Rgb8 fill);
  [[nodiscard]] Rgb8 at(int x, int y) const;
  void set(int x, int y, Rgb8 c);
};

// A box in pixels: [x0, x1) × [y0, y1), y down from the top.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

}  // namespace leafpress::render
