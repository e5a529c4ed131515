// Tests for doc/image.cpp: resolving a picture inside the article's folder, and
// decoding PNG and JPEG into 8-bit Gray, RGB or CMYK. The pictures are made here,
// with libpng's simplified write API and TurboJPEG (both linked through
// leafpress_doc), so every expected pixel is known.
#include <png.h>
#include <turbojpeg.h>
#include <zlib.h>

#include <filesystem>
#include <vector>

#include "doc/image.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::doc::ColorSpace;
using leafpress::doc::decode_image;
using leafpress::doc::load_image;
using leafpress::doc::Raster;
using leafpress::doc::resolve_asset;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

namespace {

// A PNG of `format` (PNG_FORMAT_*), pixels as given, row after row: 8-bit samples, or
// 16-bit ones (the linear format writes those).
template <class Sample>
std::string encode_png(int width, int height, png_uint_32 format, const std::vector<Sample>& pixels) {
  static_assert(sizeof(Sample) == 1 || sizeof(Sample) == 2);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = sizeof(Sample) == 2 ? format | PNG_FORMAT_FLAG_LINEAR : format;
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_get_memory_size(image, size, 0, pixels.data(), 0, nullptr) != 0);
  std::string out(size, '\0');
  REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr) != 0);
  out.resize(size);
  return out;
}
std::string make_png(int width, int height, png_uint_32 format, const std::vector<std::uint8_t>& pixels) {
  return encode_png(width, height, format, pixels);
}
std::string make_png16(int width, int height, png_uint_32 format, const std::vector<std::uint16_t>& pixels) {
  return encode_png(width, height, format, pixels);
}

std::string make_jpeg(int width, int height, int pixel_format, int subsampling,
                      const std::vector<std::uint8_t>& pixels) {
  tjhandle tj = tjInitCompress();
  REQUIRE(tj != nullptr);
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  const int rc = tjCompress2(tj, pixels.data(), width, 0, height, pixel_format, &jpeg, &size, subsampling, 95,
                             TJFLAG_ACCURATEDCT);
  std::string out = rc == 0 ? std::string(reinterpret_cast<char*>(jpeg), size) : std::string();
  tjFree(jpeg);
  tjDestroy(tj);
  REQUIRE(rc == 0);
  return out;
}

Raster decode_ok(const std::string& bytes) {
  auto raster = decode_image(bytes, "pic");
  INFO((raster ? std::string() : raster.error().describe()));
  REQUIRE(raster.has_value());
  return raster.value();
}

leafpress::Error decode_error(const std::string& bytes) {
  auto raster = decode_image(bytes, "pic.png");
  REQUIRE_FALSE(raster.has_value());
  CHECK(raster.error().file == "pic.png");
  CHECK_FALSE(raster.error().hint.empty());
  return raster.error();
}

bool near(int a, int b, int tolerance) {
  return std::abs(a - b) <= tolerance;
}

}  // namespace

// ---- Decoding ----

TEST_CASE("image: an RGB PNG decodes to its exact pixels", "[doc]") {
  const std::vector<std::uint8_t> px{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
  const auto r = decode_ok(make_png(2, 2, PNG_FORMAT_RGB, px));
  CHECK(r.width == 2);
  CHECK(r.height == 2);
  CHECK(r.space == ColorSpace::Rgb);
  CHECK(r.components() == 3);
  CHECK(r.pixels == px);
  CHECK(r.source == "pic");
}

TEST_CASE("image: a grey PNG stays grey", "[doc]") {
  const auto r = decode_ok(make_png(3, 1, PNG_FORMAT_GRAY, {0, 128, 255}));
  CHECK(r.space == ColorSpace::Gray);
  CHECK(r.pixels == std::vector<std::uint8_t>{0, 128, 255});
}

TEST_CASE("image: PNG alpha is laid over white", "[doc]") {
  // Opaque red, fully transparent blue, half-transparent black.
  const auto r = decode_ok(make_png(3, 1, PNG_FORMAT_RGBA, {255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 128}));
  REQUIRE(r.space == ColorSpace::Rgb);
  REQUIRE(r.pixels.size() == 9);
  CHECK(std::vector<std::uint8_t>(r.pixels.begin(), r.pixels.begin() + 6) ==
        std::vector<std::uint8_t>{255, 0, 0, 255, 255, 255});
  // Half black over white: mid grey (libpng composites in linear light, so above 127 in sRGB).
  CHECK(r.pixels[6] > 100);
  CHECK(r.pixels[6] < 230);
  CHECK(r.pixels[6] == r.pixels[7]);
  CHECK(r.pixels[7] == r.pixels[8]);
}

TEST_CASE("image: grey with alpha over white stays grey", "[doc]") {
  const auto r = decode_ok(make_png(2, 1, PNG_FORMAT_GA, {0, 0, 50, 255}));
  CHECK(r.space == ColorSpace::Gray);
  CHECK(r.pixels == std::vector<std::uint8_t>{255, 50});
}

TEST_CASE("image: a palette PNG decodes through its colours", "[doc]") {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = 2;
  image.height = 1;
  image.format = PNG_FORMAT_RGB_COLORMAP;
  image.colormap_entries = 2;
  const std::vector<std::uint8_t> colormap{0, 128, 0, 200, 100, 50};
  const std::vector<std::uint8_t> indexes{1, 0};
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_get_memory_size(image, size, 0, indexes.data(), 0, colormap.data()) != 0);
  std::string bytes(size, '\0');
  REQUIRE(png_image_write_to_memory(&image, bytes.data(), &size, 0, indexes.data(), 0, colormap.data()) != 0);
  bytes.resize(size);
  const auto r = decode_ok(bytes);
  CHECK(r.space == ColorSpace::Rgb);
  CHECK(r.pixels == std::vector<std::uint8_t>{200, 100, 50, 0, 128, 0});
}

TEST_CASE("image: a 16-bit PNG comes out as 8 bits", "[doc]") {
  // Linear 16-bit white and black; libpng converts them to 8-bit sRGB.
  const auto r = decode_ok(make_png16(2, 1, PNG_FORMAT_GRAY, {65535, 0}));
  CHECK(r.space == ColorSpace::Gray);
  CHECK(r.pixels == std::vector<std::uint8_t>{255, 0});
}

TEST_CASE("image: a 16-bit PNG without gAMA is read as sRGB, as scanners mean it", "[doc]") {
  std::string bytes = make_png16(1, 1, PNG_FORMAT_GRAY, {32768});
  // libpng's writer adds gAMA 1.0 (linear); scanners and "16 bits/channel" exports write none.
  const auto gama = bytes.find("gAMA");
  REQUIRE(gama != std::string::npos);
  bytes.erase(gama - 4, 4 + 4 + 4 + 4);  // length, type, 4 bytes of gamma, CRC
  const auto r = decode_ok(bytes);
  REQUIRE(r.pixels.size() == 1);
  CHECK(near(r.pixels[0], 128, 1));  // a linear reading gives 186: a mid grey printed far too light
}

TEST_CASE("image: an RGB JPEG decodes close to its pixels", "[doc]") {
  std::vector<std::uint8_t> px;
  for (int i = 0; i < 16 * 16; ++i) px.insert(px.end(), {200, 40, 90});
  const auto r = decode_ok(make_jpeg(16, 16, TJPF_RGB, TJSAMP_444, px));
  CHECK(r.width == 16);
  CHECK(r.height == 16);
  CHECK(r.space == ColorSpace::Rgb);
  REQUIRE(r.pixels.size() == px.size());
  CHECK(near(r.pixels[0], 200, 3));
  CHECK(near(r.pixels[1], 40, 3));
  CHECK(near(r.pixels[2], 90, 3));
}

TEST_CASE("image: a greyscale JPEG stays grey", "[doc]") {
  const std::vector<std::uint8_t> px(8 * 8, 77);
  const auto r = decode_ok(make_jpeg(8, 8, TJPF_GRAY, TJSAMP_GRAY, px));
  CHECK(r.space == ColorSpace::Gray);
  REQUIRE(r.pixels.size() == 64);
  CHECK(near(r.pixels[0], 77, 2));
}

TEST_CASE("image: an Adobe CMYK JPEG is stored as ink, not inverted", "[doc]") {
  // TurboJPEG writes CMYK as Adobe does, with an APP14 marker and 255 meaning no ink.
  // Adobe (255, 255, 255, 0) is 100 % black ink: (0, 0, 0, 255) once un-inverted.
  std::vector<std::uint8_t> px;
  for (int i = 0; i < 8 * 8; ++i) px.insert(px.end(), {255, 255, 255, 0});
  const std::string bytes = make_jpeg(8, 8, TJPF_CMYK, TJSAMP_444, px);
  CHECK(bytes.find("Adobe") != std::string::npos);
  const auto r = decode_ok(bytes);
  CHECK(r.space == ColorSpace::Cmyk);
  CHECK(r.components() == 4);
  REQUIRE(r.pixels.size() == 8 * 8 * 4);
  CHECK(near(r.pixels[0], 0, 3));
  CHECK(near(r.pixels[1], 0, 3));
  CHECK(near(r.pixels[2], 0, 3));
  CHECK(near(r.pixels[3], 255, 3));
}

TEST_CASE("image: a phone photo's EXIF orientation is applied", "[doc]") {
  // 16 x 8, left half black, right half white; stored sideways, EXIF says "turn 90° clockwise".
  std::vector<std::uint8_t> px(16 * 8);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 16; ++x) px[static_cast<std::size_t>(y * 16 + x)] = x < 8 ? 0 : 255;
  const std::string jpeg = make_jpeg(16, 8, TJPF_GRAY, TJSAMP_GRAY, px);
  const std::string tiff("MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 26);
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const std::string app1 =
      std::string("\xFF\xE1", 2) + static_cast<char>(0) + static_cast<char>(payload.size() + 2) + payload;
  const auto r = decode_ok(jpeg.substr(0, 2) + app1 + jpeg.substr(2));
  REQUIRE(r.width == 8);
  REQUIRE(r.height == 16);
  // The left edge, turned clockwise, is now the top: black above, white below.
  CHECK(near(r.pixels[2 * 8 + 4], 0, 8));
  CHECK(near(r.pixels[13 * 8 + 4], 255, 8));
}

TEST_CASE("image: anything but PNG or JPEG is refused by its signature", "[doc]") {
  for (const std::string& bytes :
       {std::string("GIF89a\x01\x00\x01\x00", 10), std::string("<svg></svg>"),
        std::string("RIFF\0\0\0\0WEBPVP8 ", 16), std::string("%PDF-1.7"), std::string()}) {
    const auto e = decode_error(bytes);
    CHECK(e.message == "not a PNG or JPEG image");
  }
}

TEST_CASE("image: a truncated PNG is an error, not a partial picture", "[doc]") {
  std::vector<std::uint8_t> px(32 * 32 * 3);
  for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>(i * 7);
  const std::string png = make_png(32, 32, PNG_FORMAT_RGB, px);
  for (const std::size_t keep :
       {std::size_t{8}, std::size_t{20}, std::size_t{40}, png.size() / 2, png.size() - 13}) {
    INFO("kept " << keep << " of " << png.size() << " bytes");
    const auto e = decode_error(png.substr(0, keep));
    CHECK(e.message.find("PNG image is damaged") != std::string::npos);
  }
}

TEST_CASE("image: a PNG with a damaged data chunk is an error", "[doc]") {
  std::vector<std::uint8_t> px(16 * 16 * 3, 100);
  std::string png = make_png(16, 16, PNG_FORMAT_RGB, px);
  const auto idat = png.find("IDAT");
  REQUIRE(idat != std::string::npos);
  for (std::size_t i = idat + 6; i < idat + 14 && i < png.size(); ++i) png[i] = static_cast<char>(~png[i]);
  decode_error(png);
}

TEST_CASE("image: a truncated or damaged JPEG is an error", "[doc]") {
  std::vector<std::uint8_t> px;
  for (int i = 0; i < 64 * 64; ++i)
    px.insert(px.end(), {static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(i * 3), 90});
  const std::string jpeg = make_jpeg(64, 64, TJPF_RGB, TJSAMP_420, px);
  for (const std::size_t keep : {std::size_t{3}, std::size_t{30}, jpeg.size() / 2, jpeg.size() - 2}) {
    INFO("kept " << keep << " of " << jpeg.size() << " bytes");
    const auto e = decode_error(jpeg.substr(0, keep));
    CHECK(e.message.find("JPEG image is damaged") != std::string::npos);
  }
}

TEST_CASE("image: pictures above kMaxImagePixels are refused before decoding", "[doc]") {
  // A valid PNG header claiming 10000 x 10000 pixels: only the header is read.
  std::string png = make_png(1, 1, PNG_FORMAT_GRAY, {0});
  auto put32 = [&](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (24 - 8 * i));
  };
  put32(16, 10000);  // IHDR width, height
  put32(20, 10000);
  // IHDR's CRC covers type and data (bytes 12..28).
  put32(29, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17)));
  const auto e = decode_error(png);
  CHECK(e.message.find("10000 x 10000 pixels") != std::string::npos);
  CHECK(e.message.find("megapixels") != std::string::npos);

  // The same for JPEG: SOF0 holds height and width after the precision byte.
  std::string jpeg = make_jpeg(8, 8, TJPF_GRAY, TJSAMP_GRAY, std::vector<std::uint8_t>(64, 0));
  const auto sof = jpeg.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  for (const std::size_t at : {sof + 5, sof + 7}) {
    jpeg[at] = static_cast<char>(0x20);  // 8192 x 8192
    jpeg[at + 1] = static_cast<char>(0x00);
  }
  CHECK(decode_error(jpeg).message.find("megapixels") != std::string::npos);
}

// ---- Resolving ----

namespace {

struct Article {
  TempDir dir;
  fs::path folder = dir.path / "clinic";
  std::string article = (folder / "flu.md").string();
  Article() {
    fs::create_directories(folder / "photos");
    write_bytes(article, "# Flu\n");
    write_bytes(folder / "photos" / "arm.png", make_png(1, 1, PNG_FORMAT_GRAY, {0}));
    write_bytes(dir.path / "secret.png", make_png(1, 1, PNG_FORMAT_GRAY, {0}));
  }
};

leafpress::Error resolve_error(const Article& a, std::string_view reference) {
  auto r = resolve_asset(a.article, reference, 7);
  INFO(reference);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().file == a.article);
  CHECK(r.error().line == 7);
  CHECK_FALSE(r.error().hint.empty());
  return r.error();
}

}  // namespace

TEST_CASE("image: a path relative to the article resolves to the file", "[doc]") {
  const Article a;
  const auto expected = fs::canonical(a.folder / "photos" / "arm.png");
  for (const std::string_view ref : {"photos/arm.png", "./photos/arm.png", "photos/../photos/arm.png"}) {
    auto r = resolve_asset(a.article, ref, 3);
    INFO(ref << ": " << (r ? std::string() : r.error().describe()));
    REQUIRE(r.has_value());
    CHECK(*r == expected);
  }
  // An absolute path that lands inside the folder is the same file.
  auto r = resolve_asset(a.article, expected.string(), 3);
  REQUIRE(r.has_value());
  CHECK(*r == expected);
}

TEST_CASE("image: %20 in a path stands for a space, as in a URL", "[doc]") {
  const Article a;
  write_bytes(a.folder / "photos" / "my arm.png", "x");
  auto r = resolve_asset(a.article, "photos/my%20arm.png", 3);
  INFO((r ? std::string() : r.error().describe()));
  REQUIRE(r.has_value());
  CHECK(*r == fs::canonical(a.folder / "photos" / "my arm.png"));
  // Decoding never opens a way out: %2e%2e is "..".
  CHECK(resolve_error(a, "%2e%2e/secret.png").message.find("outside") != std::string::npos);
}

TEST_CASE("image: a relative article path resolves against the working directory", "[doc]") {
  const Article a;
  const auto cwd = fs::current_path();
  fs::current_path(a.dir.path);
  auto r = resolve_asset("clinic/flu.md", "photos/arm.png", 3);
  fs::current_path(cwd);
  REQUIRE(r.has_value());
  CHECK(*r == fs::canonical(a.folder / "photos" / "arm.png"));
}

TEST_CASE("image: a missing file names the article, the line and the path looked for", "[doc]") {
  const Article a;
  const auto e = resolve_error(a, "photos/leg.png");
  CHECK(e.message.find("'photos/leg.png' not found") != std::string::npos);
  CHECK(e.message.find((a.folder / "photos" / "leg.png").string()) != std::string::npos);
}

TEST_CASE("image: paths that leave the article's folder are refused", "[doc]") {
  const Article a;
  for (const auto& ref :
       {std::string("../secret.png"), std::string("photos/../../secret.png"),
        (a.dir.path / "secret.png").string(), std::string("/etc/passwd"), std::string("../missing.png")}) {
    const auto e = resolve_error(a, ref);
    CHECK(e.message.find("outside the article's folder") != std::string::npos);
  }
  // A sibling folder whose name starts with the article folder's name is still outside.
  fs::create_directories(a.dir.path / "clinic2");
  write_bytes(a.dir.path / "clinic2" / "x.png", "x");
  CHECK(resolve_error(a, "../clinic2/x.png").message.find("outside") != std::string::npos);
}

TEST_CASE("image: a symlink pointing outside the folder is refused, one inside is followed", "[doc]") {
  const Article a;
  fs::create_symlink(a.dir.path / "secret.png", a.folder / "photos" / "out.png");
  fs::create_directory_symlink(a.dir.path, a.folder / "up");
  fs::create_symlink(a.folder / "photos" / "arm.png", a.folder / "in.png");
  fs::create_symlink(a.folder / "nowhere.png", a.folder / "dangling.png");

  auto e = resolve_error(a, "photos/out.png");
  CHECK(e.message.find("is a link to") != std::string::npos);
  CHECK(e.message.find("outside the article's folder") != std::string::npos);
  CHECK(resolve_error(a, "up/secret.png").message.find("outside") != std::string::npos);
  CHECK(resolve_error(a, "dangling.png").message.find("does not exist") != std::string::npos);

  auto r = resolve_asset(a.article, "in.png", 1);
  REQUIRE(r.has_value());
  CHECK(*r == fs::canonical(a.folder / "photos" / "arm.png"));
}

TEST_CASE("image: folders, URLs and empty names are refused", "[doc]") {
  const Article a;
  CHECK(resolve_error(a, "photos").message.find("not a file") != std::string::npos);
  CHECK(resolve_error(a, "https://example.org/a.png").message.find("not a file on this computer") !=
        std::string::npos);
  CHECK(resolve_error(a, "").message.find("no file name") != std::string::npos);
  // %00 never cuts a name short into another file's.
  CHECK(resolve_error(a, "photos%00.txt").message.find("not a file") == std::string::npos);
}

TEST_CASE("image: load_image reads and decodes, errors can name the article line", "[doc]") {
  const Article a;
  auto r = load_image(a.folder / "photos" / "arm.png");
  REQUIRE(r.has_value());
  CHECK(r->width == 1);

  write_bytes(a.folder / "broken.jpg", "\xFF\xD8\xFF\xE0 not really");
  auto e = load_image(a.folder / "broken.jpg", a.article, 12);
  REQUIRE_FALSE(e.has_value());
  CHECK(e.error().file == a.article);
  CHECK(e.error().line == 12);
  CHECK(e.error().message.find("broken.jpg") != std::string::npos);
  CHECK(e.error().message.find("damaged") != std::string::npos);

  auto missing = load_image(a.folder / "none.png");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().file == (a.folder / "none.png").string());
}
