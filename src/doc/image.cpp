// doc/image.cpp: see image.hpp.
//
// Resolving: the article's folder is made canonical once, and the asset is
// made canonical with every symlink followed, so "photos/../../etc/passwd",
// "/etc/passwd" and "photos/link-to-etc" all end up outside it and are refused
// by one comparison of path components (not of strings: "/a/bc" is not inside
// "/a/b").
//
// Decoding: PNG through libpng's simplified API (png_image_*), which keeps
// libpng's setjmp/longjmp error handling inside libpng's own C frames, so no
// longjmp ever crosses a C++ destructor. JPEG through TurboJPEG, which does the
// same. Both report the header first, so the pixel limit is checked before a
// single row is allocated or decoded. What JPEG markers add (Adobe's inverted
// CMYK, the EXIF orientation of a phone photo) is read in jpeg_markers.cpp.
#include "doc/image.hpp"

#include <png.h>
#include <turbojpeg.h>

#include <system_error>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "doc/jpeg_markers.hpp"

namespace leafpress::doc {
namespace fs = std::filesystem;

namespace {

// A photo filling an A4 page at 300 dpi is a few MiB as JPEG, some tens as PNG; a file past this is
// an accident (a 1200 dpi scan, a renamed camera RAW) or hostile, and is refused before it is read.
constexpr std::size_t kMaxImageFileBytes = 64u << 20;

constexpr std::string_view kOutsideHint =
    "copy the picture into the article's folder or a folder inside it, and write its path relative to "
    "the article, e.g. `photos/arm.jpg`";

// True when `inner` is `folder` or lies below it; both canonical. Compared by components.
bool is_inside(const fs::path& inner, const fs::path& folder) {
  auto f = folder.begin();
  auto i = inner.begin();
  for (; f != folder.end(); ++f, ++i) {
    if (f->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *f) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%20" → " " (RFC 3986 2.1); a '%' not followed by two hex digits stays as it is.
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool starts_with_bytes(std::string_view bytes, std::string_view signature) {
  return bytes.size() >= signature.size() && bytes.substr(0, signature.size()) == signature;
}

Error too_large(std::string_view source, std::uint64_t width, std::uint64_t height) {
  return Error{std::string(source), 0,
               "the image is " + std::to_string(width) + " x " + std::to_string(height) +
                   " pixels, more than the limit of " + std::to_string(kMaxImagePixels / 1'000'000) +
                   " megapixels",
               "scale it down; 300 pixels per inch at the printed size is enough for print"};
}

Error corrupt(std::string_view source, std::string_view format, std::string_view why) {
  return Error{std::string(source), 0,
               "the " + std::string(format) + " image is damaged: " + std::string(why),
               "open it in an image editor and export it again as PNG or JPEG"};
}

// ---- PNG ----

// png_image holds its decoder in `opaque`; png_image_free releases it and may be called again.
struct PngImage {
  png_image image{};
  PngImage() { image.version = PNG_IMAGE_VERSION; }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;
};

Result<Raster> decode_png(std::string_view bytes, std::string_view source) {
  PngImage png;
  if (png_image_begin_read_from_memory(&png.image, bytes.data(), bytes.size()) == 0)
    return corrupt(source, "PNG", png.image.message);
  const std::uint64_t width = png.image.width, height = png.image.height;
  if (width == 0 || height == 0) return corrupt(source, "PNG", "it has no pixels");
  if (width * height > kMaxImagePixels) return too_large(source, width, height);

  // Colour stays colour, grey stays grey (palettes follow their entries); without an alpha
  // flag in the format, libpng composites any alpha or tRNS over `background`, and 16-bit
  // samples come out as 8-bit sRGB.
  Raster raster;
  raster.source = std::string(source);
  raster.width = static_cast<int>(width);
  raster.height = static_cast<int>(height);
  // A 16-bit file without gAMA/sRGB is sRGB-encoded in practice (scanners, "16 bits/channel"
  // exports); libpng would otherwise take it as linear and print it far too light.
  png.image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
  const bool color = (png.image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  png.image.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  raster.space = color ? ColorSpace::Rgb : ColorSpace::Gray;
  raster.pixels.resize(PNG_IMAGE_SIZE(png.image));
  const png_color white{255, 255, 255};
  if (png_image_finish_read(&png.image, &white, raster.pixels.data(), 0, nullptr) == 0)
    return corrupt(source, "PNG", png.image.message);
  return raster;
}

// ---- JPEG ----

using TjHandle = Handle<void, tjDestroy>;

Result<Raster> decode_jpeg(std::string_view bytes, std::string_view source) {
  const TjHandle tj(tjInitDecompress());
  if (!tj) return Error{std::string(source), 0, "the JPEG decoder could not start", "try again"};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto size = static_cast<unsigned long>(bytes.size());
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(tj.get(), data, size, &width, &height, &subsampling, &colorspace) != 0)
    return corrupt(source, "JPEG", tjGetErrorStr2(tj.get()));
  if (width <= 0 || height <= 0) return corrupt(source, "JPEG", "it has no pixels");
  if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > kMaxImagePixels)
    return too_large(source, static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height));

  Raster raster;
  raster.source = std::string(source);
  raster.width = width;
  raster.height = height;
  int format = TJPF_RGB;
  if (colorspace == TJCS_GRAY) {
    raster.space = ColorSpace::Gray;
    format = TJPF_GRAY;
  } else if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) {
    raster.space = ColorSpace::Cmyk;  // kept as CMYK: converting ink to RGB would need a colour profile
    format = TJPF_CMYK;
  }
  raster.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                       static_cast<std::size_t>(raster.components()));
  // Warnings (a truncated file, corrupt entropy data) stop the decoder too: libjpeg would fill
  // the rest with grey, and a half-grey photo must not reach the press.
  if (tjDecompress2(tj.get(), data, size, raster.pixels.data(), width, 0, height, format,
                    TJFLAG_ACCURATEDCT | TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0)
    return corrupt(source, "JPEG", tjGetErrorStr2(tj.get()));
  if (raster.space == ColorSpace::Cmyk && jpeg_has_adobe_marker(bytes))
    for (auto& sample : raster.pixels) sample = static_cast<std::uint8_t>(255 - sample);
  apply_orientation(raster, jpeg_exif_orientation(bytes));
  return raster;
}

}  // namespace

Result<fs::path> resolve_asset(std::string_view article, std::string_view reference, int line) {
  const auto error = [&](std::string message, std::string_view hint) {
    return Error{std::string(article), line, std::move(message), std::string(hint)};
  };
  const std::string quoted = "'" + std::string(reference) + "'";
  if (reference.empty())
    return error("an image has no file name",
                 "write the picture's file name, e.g. `![Washing hands](hands.jpg)`");
  if (reference.find("://") != std::string_view::npos)
    return error("image " + quoted + " is not a file on this computer",
                 "download the picture into the article's folder and name the file instead");
  if (reference.find('\0') != std::string_view::npos)
    return error("image " + quoted + " has an invalid file name", "rename the file");

  std::error_code ec;
  fs::path article_path(article);
  if (article_path.is_relative()) article_path = fs::absolute(article_path, ec);
  const fs::path folder = fs::canonical(article_path.parent_path(), ec);
  if (ec)
    return error("the article's folder cannot be read: " + ec.message(), "check that the folder exists");

  auto candidate_of = [&](std::string_view ref) {
    const fs::path written(ref);
    return (written.is_absolute() ? written : folder / written).lexically_normal();
  };
  fs::path candidate = candidate_of(reference);
  // Markdown links are URLs: editors write `my%20photo.jpg` for "my photo.jpg". The name as
  // written wins when both exist.
  if (const std::string decoded = percent_decoded(reference);
      decoded != reference && decoded.find('\0') == std::string::npos &&
      !fs::exists(fs::symlink_status(candidate, ec)) &&
      fs::exists(fs::symlink_status(candidate_of(decoded), ec)))
    candidate = candidate_of(decoded);
  // Where the path points with every existing link followed. When the written path stays
  // inside but this does not, a link leads out: say so, since that is what the author must fix.
  const fs::path real = fs::weakly_canonical(candidate, ec);
  if (ec)
    return error("image " + quoted + " cannot be read: " + ec.message(), "check the file's permissions");
  if (!is_inside(candidate, folder))
    return error("image " + quoted + " is outside the article's folder (" + folder.string() + ")",
                 kOutsideHint);
  if (!is_inside(real, folder))
    return error("image " + quoted + " is a link to " + real.string() + ", outside the article's folder",
                 kOutsideHint);
  if (!fs::exists(real, ec)) {
    if (fs::is_symlink(fs::symlink_status(real, ec)))
      return error("image " + quoted + " is a link to a file that does not exist",
                   "replace the link with the picture itself");
    return error("image " + quoted + " not found: there is no " + candidate.string(),
                 "check the spelling and the folder; the path is relative to the article");
  }
  if (!fs::is_regular_file(real, ec))
    return error("image " + quoted + " is not a file",
                 "name a PNG or JPEG file, e.g. `photos/arm.jpg`, not a folder");
  return real;
}

Result<Raster> decode_image(std::string_view bytes, std::string_view source) {
  constexpr std::string_view kPng = "\x89PNG\r\n\x1a\n";
  constexpr std::string_view kJpeg = "\xFF\xD8\xFF";
  if (starts_with_bytes(bytes, kPng)) return decode_png(bytes, source);
  if (starts_with_bytes(bytes, kJpeg)) return decode_jpeg(bytes, source);
  return Error{std::string(source), 0, "not a PNG or JPEG image",
               "export the picture as PNG for drawings and logos or as JPEG for photos; GIF, WebP, HEIC, "
               "SVG and PDF are not read"};
}

Result<Raster> load_image(const fs::path& file) {
  auto bytes = read_file(file, kMaxImageFileBytes);
  if (!bytes) return bytes.error();
  return decode_image(*bytes, file.string());
}

Result<Raster> load_image(const fs::path& file, std::string_view article, int line) {
  auto raster = load_image(file);
  if (raster) return raster;
  Error e = raster.error();
  e.message = "image '" + file.string() + "': " + e.message;
  e.file = std::string(article);
  e.line = line;
  return e;
}

std::string shown_path(const std::string& file, std::string_view article) {
  std::error_code ec;
  const auto folder =
      std::filesystem::weakly_canonical(std::filesystem::absolute(article, ec).parent_path(), ec);
  if (ec) return file;
  const auto relative = std::filesystem::path(file).lexically_relative(folder);
  const std::string shown = relative.string();
  return shown.empty() || shown.starts_with("..") ? file : shown;
}

}  // namespace leafpress::doc
