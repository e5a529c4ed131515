// doc/image.cpp: see image.hpp. (Placeholder until PNG/JPEG decoding lands.)
#include "doc/image.hpp"

namespace leafpress::doc {

Result<std::filesystem::path> resolve_asset(std::string_view article, std::string_view reference, int line) {
  return Error{std::string(article), line, "images are not supported yet: " + std::string(reference), ""};
}

Result<Raster> decode_image(std::string_view, std::string_view source) {
  return Error{std::string(source), 0, "images are not supported yet", ""};
}

Result<Raster> load_image(const std::filesystem::path& file) {
  return Error{file.string(), 0, "images are not supported yet", ""};
}

}  // namespace leafpress::doc
