#include "render/png_write.hpp"

#include <png.h>

#include <cmath>

namespace leafpress::render {
namespace {

void append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

// libpng reports errors by longjmp from this callback: the one place a C library jumps.
[[noreturn]] void on_error(png_structp png, png_const_charp) {
  png_longjmp(png, 1);
}

}  // namespace

Result<std::string> encode_png(const Picture& picture, double dpi) {
  if (picture.width <= 0 || picture.height <= 0 ||
      picture.rgb.size() != static_cast<std::size_t>(picture.width) * picture.height * 3)
    return Error{"", 0, "cannot write an empty picture", "report a bug"};
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, on_error, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, nullptr);
    return Error{"", 0, "libpng cannot start a picture (out of memory?)", ""};
  }
  // Nothing with a destructor may be created between setjmp and the last libpng call.
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Error{"", 0, "libpng cannot write the picture", "report a bug"};
  }
  png_set_write_fn(png, &out, append, flush);
  png_set_IHDR(png, info, static_cast<png_uint_32>(picture.width), static_cast<png_uint_32>(picture.height),
               8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  const auto per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
  png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  for (int y = 0; y < picture.height; ++y)
    png_write_row(
        png, const_cast<png_bytep>(picture.rgb.data() + static_cast<std::size_t>(y) * picture.width * 3));
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace leafpress::render
