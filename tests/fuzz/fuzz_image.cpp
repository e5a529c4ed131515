// tests/fuzz/fuzz_image.cpp: image bytes (PNG, JPEG or anything) → Raster.
//
// Images come from anywhere (a photo from a phone, a logo from a website).
// Promise checked (doc/image.hpp): decode_image never crashes, refuses what it
// cannot read with a message, and a Raster it returns has a size within
// kMaxImagePixels and exactly width × height × components bytes.
#include "doc/image.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace leafpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto raster = doc::decode_image(fuzz::as_text(data, size), "fuzz.img");
  if (!raster) {
    fuzz::note(raster.error());
    fuzz::fuzz_check(!raster.error().message.empty(), "an Error without a message");
    return 0;
  }
  fuzz::fuzz_check(raster->width > 0 && raster->height > 0, "an image without pixels");
  const auto pixels = static_cast<std::uint64_t>(raster->width) * static_cast<std::uint64_t>(raster->height);
  fuzz::fuzz_check(pixels <= doc::kMaxImagePixels, "an image over kMaxImagePixels");
  fuzz::fuzz_check(raster->pixels.size() == pixels * static_cast<std::uint64_t>(raster->components()),
                   "pixels that do not match width × height × components");
  return 0;
}
