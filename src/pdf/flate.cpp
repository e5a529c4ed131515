#include "pdf/flate.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>

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

namespace {

// A finished stream's bytes, read by libharu when it saves (HPDF_CallbackReader_New): the
// stream owns them (free_fn). libharu's memory stream would copy them in and out again with its
// byte-by-byte HPDF_MemCpy.
struct HeldBytes {
  std::string bytes;
  std::size_t at = 0;
};

HeldBytes& held(HPDF_Stream stream) {
  return *static_cast<HeldBytes*>(stream->attr);
}

HPDF_STATUS held_read(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
  HeldBytes& h = held(stream);
  const std::size_t n = std::min<std::size_t>(*size, h.bytes.size() - h.at);
  std::memcpy(out, h.bytes.data() + h.at, n);
  h.at += n;
  if (n == *size) return HPDF_OK;
  *size = static_cast<HPDF_UINT>(n);
  return HPDF_STREAM_EOF;  // as libharu's memory stream says it, with what was left
}

HPDF_STATUS held_seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  HeldBytes& h = held(stream);
  // As libharu's memory stream reads them: from the end, `pos` counts back.
  const auto size = static_cast<std::ptrdiff_t>(h.bytes.size());
  const std::ptrdiff_t to = mode == HPDF_SEEK_CUR   ? static_cast<std::ptrdiff_t>(h.at) + pos
                            : mode == HPDF_SEEK_END ? size - pos
                                                    : pos;
  if (to < 0 || to > size) return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  h.at = static_cast<std::size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 held_tell(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(held(stream).at);
}

HPDF_UINT32 held_size(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(held(stream).bytes.size());
}

void held_free(HPDF_Stream stream) {
  std::unique_ptr<HeldBytes>(static_cast<HeldBytes*>(stream->attr));  // destroyed here
  stream->attr = nullptr;
}

}  // namespace

HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string bytes) {
  auto h = std::make_unique<HeldBytes>(HeldBytes{std::move(bytes), 0});
  HPDF_Stream stream =
      HPDF_CallbackReader_New(stream_dict->mmgr, held_read, held_seek, held_tell, held_size, h.get());
  if (!stream) return HPDF_SetError(stream_dict->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
  h.release();  // the stream owns it now
  stream->free_fn = held_free;
  HPDF_Stream_Free(stream_dict->stream);
  stream_dict->stream = stream;
  stream_dict->filter = HPDF_STREAM_FILTER_NONE;
  stream_dict->write_fn = write_flate_filter;
  return HPDF_OK;
}

HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string_view bytes) {
  return write_deflated(stream_dict, std::string(bytes));
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
      if (const HPDF_STATUS st = write_deflated(dict, std::move(*deflated)); st != HPDF_OK) return st;
    }
  }
  return HPDF_OK;
}

}  // namespace leafpress::pdf
