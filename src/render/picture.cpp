#include "render/picture.hpp"

namespace leafpress::render {

Picture Picture::blank(int width, int height, Rgb8 fill) {
  Picture p;
  p.width = width;
  p.height = height;
  p.rgb.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  for (std::size_t i = 0; i < p.rgb.size(); i += 3) {
    p.rgb[i] = fill.r;
    p.rgb[i + 1] = fill.g;
    p.rgb[i + 2] = fill.b;
  }
  return p;
}

Rgb8 Picture::at(int x, int y) const {
  const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3;
  return Rgb8{rgb[i], rgb[i + 1], rgb[i + 2]};
}

void Picture::set(int x, int y, Rgb8 c) {
  const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3;
  rgb[i] = c.r;
  rgb[i + 1] = c.g;
  rgb[i + 2] = c.b;
}

}  // namespace leafpress::render
