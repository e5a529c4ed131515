// pdf/file_id.hpp: the trailer's /ID, from a hash of the file's own bytes.
//
// PDF/X and PDF/A need a file identifier; the same inputs must give the same
// bytes, so it cannot come from a clock or a random number. Before saving,
// add_id_placeholder puts /ID [<00…00> <00…00>] (16 zero bytes each) into the
// trailer; after saving, stamp_id replaces both with the MD5 (libharu's own,
// the digest ISO 32000-1 14.4 suggests) of the whole file as written with the
// placeholder. Equal content gives an equal /ID; any change gives another.
// Errors: an Error when the trailer cannot take the entry or the placeholder
//         is not found in the bytes.
#pragma once

#include <hpdf.h>

#include <string>

#include "core/result.hpp"

namespace leafpress::pdf {

Status add_id_placeholder(HPDF_Doc doc);

Status stamp_id(std::string& bytes);

}  // namespace leafpress::pdf
