// text/hb_handles.hpp: owning handles for HarfBuzz objects.
//
// Sharing a reference-counted object is explicit: share(x) takes a new
// reference (hb_*_reference) and returns a second owning handle.
#pragma once

#include <hb-subset.h>
#include <hb.h>

#include "core/handle.hpp"

namespace leafpress::text {

using HbBlob = Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = Handle<hb_face_t, hb_face_destroy>;
using HbFont = Handle<hb_font_t, hb_font_destroy>;
using HbBuffer = Handle<hb_buffer_t, hb_buffer_destroy>;
using HbSet = Handle<hb_set_t, hb_set_destroy>;
using HbShapePlan = Handle<hb_shape_plan_t, hb_shape_plan_destroy>;
using HbSubsetInput = Handle<hb_subset_input_t, hb_subset_input_destroy>;
using HbSubsetPlan = Handle<hb_subset_plan_t, hb_subset_plan_destroy>;

inline HbBlob share(const HbBlob& b) {
  return HbBlob(hb_blob_reference(b.get()));
}
inline HbFace share(const HbFace& f) {
  return HbFace(hb_face_reference(f.get()));
}

}  // namespace leafpress::text
