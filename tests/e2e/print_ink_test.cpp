// End to end: what a print PDF puts on the plates, measured the way a print shop's RIP would:
// Ghostscript's tiffsep device separates each page into C, M, Y and K, and the composite it
// writes (uncompressed CMYK TIFF) is read here pixel by pixel. The layout's colours were checked
// before (preflight); pictures are the other way ink comes in: a CMYK JPEG saved at 400 % must
// come out within FOGRA39's 330 %.
#include <catch2/catch.hpp>

#include <turbojpeg.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/e2e_support.hpp"

namespace fs = std::filesystem;
using namespace leafpress::test;

namespace {

// A CMYK JPEG as Photoshop writes them (Adobe APP14, values inverted: 0 = full ink): the left
// half at 400 % (C = M = Y = K = 100 %), the right half a ramp well within the limit.
std::string cmyk_jpeg(int width, int height) {
  std::vector<unsigned char> px(static_cast<std::size_t>(width) * height * 4);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      unsigned char* p = px.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      if (x < width / 2) {
        p[0] = p[1] = p[2] = p[3] = 0;
      } else {
        p[0] = static_cast<unsigned char>(255 - x * 255 / width);
        p[1] = static_cast<unsigned char>(255 - y * 255 / height);
        p[2] = 200, p[3] = 255;
      }
    }
  tjhandle tj = tjInitCompress();
  REQUIRE(tj != nullptr);
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  const int rc = tjCompress2(tj, px.data(), width, 0, height, TJPF_CMYK, &jpeg, &size, TJSAMP_444, 95, 0);
  std::string out(reinterpret_cast<const char*>(jpeg), rc == 0 ? size : 0);
  tjFree(jpeg);
  tjDestroy(tj);
  REQUIRE(rc == 0);
  return out;
}

struct CmykImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // C M Y K, 0..255 = 0..100 % ink
};

// An uncompressed, chunky 8-bit CMYK TIFF as tiffsep writes its composite (-sCompression=none).
CmykImage read_cmyk_tiff(const std::string& bytes) {
  REQUIRE(bytes.size() > 8);
  const bool le = bytes[0] == 'I';
  auto u16 = [&](std::size_t at) {
    if (at + 2 > bytes.size()) FAIL("the TIFF ends early");
    const auto a = static_cast<unsigned char>(bytes[at]), b = static_cast<unsigned char>(bytes[at + 1]);
    return le ? a | b << 8 : a << 8 | b;
  };
  auto u32 = [&](std::size_t at) {
    return le ? static_cast<std::uint32_t>(u16(at)) | static_cast<std::uint32_t>(u16(at + 2)) << 16
              : static_cast<std::uint32_t>(u16(at)) << 16 | static_cast<std::uint32_t>(u16(at + 2));
  };
  const std::uint32_t ifd = u32(4);
  CmykImage image;
  std::vector<std::uint32_t> offsets, counts;
  int compression = 0, samples = 0;
  // A tag's values: inline when they fit in 4 bytes, else at an offset.
  auto values = [&](std::size_t entry) {
    const int type = u16(entry + 2);
    const std::uint32_t n = u32(entry + 4);
    const std::size_t size = type == 3 ? 2 : 4;
    const std::size_t at = n * size <= 4 ? entry + 8 : u32(entry + 8);
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < n; ++i) out.push_back(size == 2 ? u16(at + i * 2) : u32(at + i * 4));
    return out;
  };
  for (int i = 0, n = u16(ifd); i < n; ++i) {
    const std::size_t entry = ifd + 2 + 12 * static_cast<std::size_t>(i);
    const auto v = values(entry);
    switch (u16(entry)) {
      case 256:
        image.width = static_cast<int>(v[0]);
        break;
      case 257:
        image.height = static_cast<int>(v[0]);
        break;
      case 259:
        compression = static_cast<int>(v[0]);
        break;
      case 273:
        offsets = v;
        break;
      case 277:
        samples = static_cast<int>(v[0]);
        break;
      case 279:
        counts = v;
        break;
      default:
        break;
    }
  }
  REQUIRE(compression == 1);
  REQUIRE(samples == 4);
  REQUIRE(offsets.size() == counts.size());
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    REQUIRE(offsets[i] + counts[i] <= bytes.size());
    image.pixels.insert(image.pixels.end(), bytes.begin() + offsets[i],
                        bytes.begin() + offsets[i] + counts[i]);
  }
  REQUIRE(image.pixels.size() == static_cast<std::size_t>(image.width) * image.height * 4);
  return image;
}

// The most ink any pixel inside the bleed box of page `page` puts down, in percent. Outside it
// are the crop and fold marks, in registration colour: 400 % by design.
double max_ink_inside_bleed(const std::string& pdf, int page, const TempDir& dir) {
  constexpr int kDpi = 50;
  const auto out = (dir.path / "sep%d.tif").string();
  const auto gs =
      run_tool("gs -q -dNOPAUSE -dBATCH -sDEVICE=tiffsep -sCompression=none -r" + std::to_string(kDpi) +
               " -dFirstPage=" + std::to_string(page) + " -dLastPage=" + std::to_string(page) +
               " -sOutputFile=" + shell_quoted(out) + " " + shell_quoted(pdf));
  INFO(gs.output);
  REQUIRE(gs.status == 0);
  const CmykImage image = read_cmyk_tiff(read_bytes(dir.path / "sep1.tif"));
  const auto media = pdf_box(pdf, page, "MediaBox");
  const auto bleed = pdf_box(pdf, page, "BleedBox");
  const auto px = [&](double pt) { return static_cast<int>(pt * kDpi / 72); };
  const int x0 = px(bleed[0] - media[0]) + 1, x1 = px(bleed[2] - media[0]) - 1;
  const int y0 = px(media[3] - bleed[3]) + 1, y1 = px(media[3] - bleed[1]) - 1;  // rows run down
  int most = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
      const std::uint8_t* p = image.pixels.data() + (static_cast<std::size_t>(y) * image.width + x) * 4;
      most = std::max(most, p[0] + p[1] + p[2] + p[3]);
    }
  return most * 100.0 / 255;
}

}  // namespace

TEST_CASE("print ink: a CMYK JPEG at 400 % prints within 330 % (Ghostscript tiffsep)", "[e2e][pdf]") {
  TempDir dir;
  write_bytes(dir.path / "ink.jpg", cmyk_jpeg(600, 400));
  const auto article =
      write_bytes(dir.path / "ink.md",
                  "---\ntitle: Ink\nlang: en\n---\n# Ink\n\nA picture saved with too much ink.\n\n"
                  "![Rich black](ink.jpg)\n\nText after it.\n");
  for (const std::string standard : {"print", "none"}) {
    INFO(standard);
    const auto pdf = (dir.path / (standard + ".pdf")).string();
    const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " --standard " + standard + " -o " +
                            shell_quoted(pdf));
    INFO(r.output);
    REQUIRE(r.status == 0);
    // The picture is on the inside of the sheet (page 2): the body starts there.
    const double ink = max_ink_inside_bleed(pdf, 2, dir);
    if (standard == "print") {
      CHECK(ink <= 330.5);
      CHECK(ink > 200);  // still a rich black, not washed out
    } else {
      CHECK(ink > 0);  // sRGB: Ghostscript separates it its own way; only print is bound by 330 %
    }
  }
}

TEST_CASE("print ink: a layout colour above 330 % names the layout file and line", "[e2e][pdf]") {
  TempDir dir;
  const std::string layout = read_bytes(kSource / "layouts/trifold-a4.yaml");
  const auto at = layout.find("color: [100, 45, 0, 10]");
  REQUIRE(at != std::string::npos);
  std::string heavy = layout;
  heavy.replace(at, 23, "color: [100, 100, 100, 90]");
  const int line = 1 + static_cast<int>(std::count(layout.begin(), layout.begin() + at, '\n'));
  write_bytes(dir.path / "heavy.yaml", heavy);
  const auto article = write_bytes(dir.path / "a.md", "# Title\n\nSome text.\n");
  const auto r = run_tool("cd " + shell_quoted(dir.path) + " && " + LEAFPRESS_BINARY +
                          " build a.md --layout heavy.yaml -o a.pdf");
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK_THAT(r.output, Catch::StartsWith(
                           "error: heavy.yaml:" + std::to_string(line) +
                           ": 'styles.heading.color' (C 100 % M 100 % Y 100 % K 90 %) puts down 390 % ink"));
  CHECK_FALSE(fs::exists(dir.path / "a.pdf"));
  const auto set = run_tool("cd " + shell_quoted(dir.path) + " && " + LEAFPRESS_BINARY +
                            " build a.md --set heading.color=100,100,100,100 -o a.pdf");
  CHECK(set.status == 1);
  CHECK_THAT(set.output, Catch::StartsWith("error: --set: 'heading.color'"));
}
