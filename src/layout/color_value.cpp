#include "layout/color_value.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "color/convert.hpp"

namespace leafpress::layout {

const char* const kColorForms = "#0E7C7B, rgb(14, 124, 123), cmyk(100, 45, 0, 10) or 100,45,0,10 (CMYK %)";

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Error not_a_color(std::string_view text, const std::string& why) {
  return Error{"", 0, "'" + std::string(text) + "' is not a colour" + (why.empty() ? "" : ": " + why),
               std::string("write ") + kColorForms};
}

// "14, 124, 123" or "14 124 123": numbers, each maybe with '%'. Sets `percent` per value.
bool numbers(std::string_view list, std::vector<double>& out, std::vector<bool>& percent) {
  std::string s(list);
  for (auto& c : s)
    if (c == ',' || c == '/') c = ' ';
  const char* p = s.c_str();
  while (true) {
    while (*p == ' ' || *p == '\t') ++p;
    if (!*p) return true;
    char* end = nullptr;
    const double v = std::strtod(p, &end);
    if (end == p || !std::isfinite(v)) return false;
    p = end;
    const bool pc = *p == '%';
    if (pc) ++p;
    if (*p && *p != ' ' && *p != '\t') return false;
    out.push_back(v);
    percent.push_back(pc);
  }
}

Result<Cmyk> from_srgb(double r, double g, double b) {
  auto cmyk = color::srgb_to_print_cmyk(r, g, b);
  if (!cmyk) return cmyk.error();
  const auto& v = *cmyk;
  return Cmyk{v[0], v[1], v[2], v[3], Srgb{r, g, b}};
}

Result<Cmyk> cmyk_of(std::string_view text, const std::vector<double>& v) {
  if (v.size() != 4) return not_a_color(text, "CMYK takes four percentages");
  for (double x : v)
    if (x < 0 || x > 100) return not_a_color(text, "CMYK values are percentages from 0 to 100");
  return Cmyk{v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Result<Cmyk> parse_color(std::string_view written) {
  const std::string text = trim(written);
  if (text.empty()) return not_a_color(written, "the value is empty");
  if (text[0] == '#') {
    const std::string hex = text.substr(1);
    if (hex.size() != 6 && hex.size() != 3)
      return not_a_color(text, "a hex colour has 6 digits (#RRGGBB) or 3 (#RGB)");
    double rgb[3];
    for (std::size_t i = 0; i < 3; ++i) {
      const int hi = hex_digit(hex.size() == 6 ? hex[2 * i] : hex[i]);
      const int lo = hex_digit(hex.size() == 6 ? hex[2 * i + 1] : hex[i]);
      if (hi < 0 || lo < 0) return not_a_color(text, "hex digits are 0-9 and A-F");
      rgb[i] = (hi * 16 + lo) / 255.0;
    }
    return from_srgb(rgb[0], rgb[1], rgb[2]);
  }
  const std::string low = lower(text);
  const auto open = low.find('(');
  if (open != std::string::npos) {
    if (low.back() != ')') return not_a_color(text, "the closing ')' is missing");
    const std::string fn = trim(low.substr(0, open));
    std::vector<double> v;
    std::vector<bool> percent;
    if (!numbers(std::string_view(low).substr(open + 1, low.size() - open - 2), v, percent))
      return not_a_color(text, "the values must be numbers");
    if (fn == "rgb") {
      if (v.size() != 3) return not_a_color(text, "rgb() takes three values");
      double rgb[3];
      for (std::size_t i = 0; i < 3; ++i) {
        const double max = percent[i] ? 100 : 255;
        if (v[i] < 0 || v[i] > max) return not_a_color(text, "rgb() values go from 0 to 255 (or 0% to 100%)");
        rgb[i] = v[i] / max;
      }
      return from_srgb(rgb[0], rgb[1], rgb[2]);
    }
    if (fn == "cmyk") return cmyk_of(text, v);
    return not_a_color(text, "'" + fn + "()' is not a colour form");
  }
  std::vector<double> v;
  std::vector<bool> percent;
  if (!numbers(text, v, percent)) return not_a_color(text, "");
  return cmyk_of(text, v);
}

}  // namespace leafpress::layout
