#include "pdf/flate.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include "core/handle.hpp"

namespace leafpress::pdf {
namespace {

using Compressor = Handle<libdeflate_compressor, libdeflate_free_compressor>;

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// One compressor per thread (a compressor is not thread-safe; making one costs
// more than compressing a page), kept for the thread's life.
libdeflate_compressor* compressor() {
  thread_local Compressor c(libdeflate_alloc_compressor(kFlateLevel));
  return c.get();
}

}  // namespace

std::optional<std::string> deflate(std::string_view bytes) {
  libdeflate_compressor* c = compressor();
  if (!c) return std::nullopt;
  std::string out(libdeflate_zlib_compress_bound(c, bytes.size()), '\0');
  const std::size_t size = libdeflate_zlib_compress(c, bytes.data(), bytes.size(), out.data(), out.size());
  if (size == 0) return std::nullopt;  // cannot happen with the bound's room
  out.resize(size);
  return out;
}

HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string_view bytes) {
  stream_dict->filter = HPDF_STREAM_FILTER_NONE;
  stream_dict->write_fn = write_flate_filter;
  return HPDF_Stream_Write(stream_dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_STATUS deflate_marked_streams(HPDF_Doc doc) {
  std::string plain;
  for (HPDF_Xref xref = doc->xref; xref; xref = xref->prev) {
    for (HPDF_UINT i = 0; i < xref->entries->count; ++i) {
      const auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, i));
      if (!entry || !entry->obj) continue;
      const auto* header = static_cast<const HPDF_Obj_Header*>(entry->obj);
      if ((header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
      auto dict = static_cast<HPDF_Dict>(entry->obj);
      // Only a memory stream marked FlateDecode alone, with no write hook of its own.
      if (!dict->stream || dict->stream->type != HPDF_STREAM_MEMORY ||
          dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE || dict->write_fn)
        continue;
      plain.clear();
      plain.reserve(dict->stream->size);
      const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(dict->stream);
      for (HPDF_UINT b = 0; b < buffers; ++b) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(dict->stream, b, &length);
        if (data) plain.append(reinterpret_cast<const char*>(data), length);
      }
      auto deflated = deflate(plain);
      if (!deflated) return HPDF_SetError(&doc->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
      HPDF_MemStream_FreeData(dict->stream);
      if (const HPDF_STATUS st = write_deflated(dict, *deflated); st != HPDF_OK) return st;
    }
  }
  return HPDF_OK;
}

}  // namespace leafpress::pdf
