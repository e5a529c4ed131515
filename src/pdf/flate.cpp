#include "pdf/flate.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>

namespace leafpress::pdf {
namespace {

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

std::optional<std::string> deflate(std::string_view bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                static_cast<uLong>(bytes.size()), Z_DEFAULT_COMPRESSION) != Z_OK)
    return std::nullopt;
  out.resize(size);
  return out;
}

HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string_view bytes) {
  stream_dict->filter = HPDF_STREAM_FILTER_NONE;
  stream_dict->write_fn = write_flate_filter;
  return HPDF_Stream_Write(stream_dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace leafpress::pdf
