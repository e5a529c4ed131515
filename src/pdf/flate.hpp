// pdf/flate.hpp: streams compressed once, then embedded as they are.
//
// Font subsets and ICC profiles are the same in many PDFs of a batch, so they
// are deflated once (deflate) and their bytes written into each PDF unchanged
// (write_deflated). libharu drops a /Filter key from a stream it does not
// compress itself, so the key is written by the dictionary's write hook,
// which libharu calls after the other keys and before ">>".
#pragma once

#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>

namespace leafpress::pdf {

// zlib at its default level; nullopt when zlib fails.
std::optional<std::string> deflate(std::string_view bytes);

// Makes `bytes` (already deflated) the stream of `stream_dict`, marked /FlateDecode.
HPDF_STATUS write_deflated(HPDF_Dict stream_dict, std::string_view bytes);

}  // namespace leafpress::pdf
