// pdf/hpdf_handles.hpp: the owning handle for a libharu document, and its error state.
//
// libharu reports errors through a callback; ErrorState records the first one
// so that calls can be chained and checked once (low-level calls only set an
// error, and HPDF_SaveToStream then writes nothing: DESIGN.md).
#pragma once

#include <hpdf.h>

#include <string>

#include "core/handle.hpp"

namespace leafpress::pdf {

using PdfDoc = Handle<_HPDF_Doc_Rec, HPDF_Free>;

struct ErrorState {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
  [[nodiscard]] bool ok() const { return error == HPDF_OK; }
  // In words, for the user: "libharu refused it: a page is larger than ... (libharu error 0x1054,
  // detail 0)" (hpdf_errors.cpp).
  [[nodiscard]] std::string describe() const;
};

}  // namespace leafpress::pdf
