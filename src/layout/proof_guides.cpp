// layout/proof_guides.cpp: see proof_guides.hpp. (Placeholder until the guides land.)
#include "layout/proof_guides.hpp"

namespace leafpress::layout {

Status add_proof_guides(PageModel& model, const Template&, const text::FontSet&) {
  model.proof = true;
  return Ok{};
}

}  // namespace leafpress::layout
