// pdf/flate.hpp: every FlateDecode stream of a PDF, compressed by libdeflate.
//
// libdeflate writes the same zlib format (RFC 1950/1951) as zlib, about twice as
// fast and a little smaller at the same level; its output depends only on its
// input and level, so the same inputs still give the same bytes.
//
// Font subsets and ICC profiles are the same in many PDFs of a batch, so they
// are deflated once (deflate) and their bytes written into each PDF unchanged
// (write_deflated). The streams libharu fills (page contents, ToUnicode CMaps,
// CIDSets, pictures) are marked FlateDecode as they are made, and compressed by
// deflate_marked_streams just before the document is saved (libharu's own zlib
// is never called). libharu drops a /Filter key from a stream it does not
// compress itself, so the key is written by the dictionary's write hook, which
// libharu calls after the other keys and before ">>".
// Thread-safety: each thread has its own compressor.
#pragma once

#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>

namespace leafpress::pdf {

// The compression level: libdeflate's 6 (its default) is smaller than zlib's
// default and still costs little next to composition; 9 and up gain < 1 % on our
// streams for three times the time and more.
inline constexpr int kFlateLevel = 6;

// zlib-format bytes of `bytes`; nullopt only when memory runs out.
std::optional<std::string> deflate(std::string_view bytes);

// Makes `bytes` (already deflated) the stream of `stream_dict`, marked /FlateDecode; the
// stream holds them until the document is freed (nothing may be written to it after this).
HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string bytes);
HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string_view bytes);

// Compresses, in place, every stream of `doc` that is marked FlateDecode and not
// yet compressed (HPDF_COMP_ALL marks libharu's own). Call once, right before saving.
HPDF_STATUS deflate_marked_streams(HPDF_Doc doc);

}  // namespace leafpress::pdf
