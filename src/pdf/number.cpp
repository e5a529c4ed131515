#include "pdf/number.hpp"

#include <charconv>

namespace leafpress::pdf {

// std::to_chars, not snprintf: a leaflet has some 10 000 of these, and printf's
// locale-aware path was an eighth of a warm build. Same digits as "%.3f".
std::string number(double v) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3).ptr;
  std::string s(buf, end);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace leafpress::pdf
