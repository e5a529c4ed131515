// layout/impose.cpp: see impose.hpp. (Placeholder until imposition lands.)
#include "layout/impose.hpp"

namespace leafpress::layout {

std::vector<std::pair<int, int>> saddle_stitch_order(int) {
  return {};
}

Result<PageModel> impose_saddle_stitch(PageModel reader, const Template&) {
  return reader;
}

}  // namespace leafpress::layout
