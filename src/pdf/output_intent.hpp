// pdf/output_intent.hpp: the catalog's /OutputIntents: the condition the colours are meant for.
//
//  - print:   /S /GTS_PDFX, OutputConditionIdentifier FOGRA39, RegistryName
//             http://www.color.org (FOGRA39 is in the ICC characterisation
//             registry), and the FOGRA39 profile embedded as DestOutputProfile.
//  - archive: /S /GTS_PDFA1 with the sRGB profile (icc-profiles-free).
//  - none:    nothing.
// The profile streams carry /N (4 or 3) and are Flate-compressed.
// Errors: an Error when libharu refuses an object.
#pragma once

#include <hpdf.h>

#include "core/result.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

Status write_output_intent(HPDF_Doc doc, Standard standard);

// Compresses the profile `standard` embeds now (once per process; thread-safe), so that
// a cold build can do it on another thread while it lays out (batch/build_job.hpp).
void prepare_output_intent(Standard standard);

}  // namespace leafpress::pdf
