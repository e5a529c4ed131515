// pdf/paint.hpp: the colour operators a standard allows, registration colour and overprint.
//
// Layouts give colours in CMYK (FOGRA39). What goes into the content stream:
//  - print (PDF/X-1a): the CMYK values as they are (`k`/`K`); crop and fold
//    marks in registration colour, /Separation /All, so they print on every
//    plate without a 4 × 100 % process black; 100 % K (text, rules, emphasis
//    dots) overprints, through an ExtGState /OP /op true /OPM 1, so black type
//    never knocks a hairline out of the colour under it. Everything else
//    knocks out (a second ExtGState with /OP /op false), because white text
//    that overprinted would vanish.
//  - archive (PDF/A-2u) and none: the colour as sRGB (`rg`/`RG`, color.hpp);
//    marks in /Separation /All with a DeviceRGB alternate; no overprint.
// The shared resources (the /All colour space, the two ExtGStates) are made
// once per document; `use_*` registers them on a page and returns the name.
// Errors: an Error when a colour cannot be converted or libharu refuses an object.
// Thread-safety: one Paint per document.
#pragma once

#include <hpdf.h>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/result.hpp"
#include "layout/page_model.hpp"
#include "pdf/color.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

class Paint {
 public:
  static Result<Paint> make(HPDF_Doc doc, Standard standard);

  // "c m y k k\n" or "r g b rg\n" (stroke: K / RG).
  Result<std::string> fill(const layout::Cmyk& color);
  Result<std::string> stroke(const layout::Cmyk& color);
  // Selects registration colour for strokes on `page`: "/All0 CS 1 SCN\n".
  Result<std::string> registration_stroke(HPDF_Page page);
  // Whether this colour overprints in this standard (print and 100 % K).
  [[nodiscard]] bool overprints(const layout::Cmyk& color) const;
  // "/E1 gs\n": turns overprint on or off on `page`; empty outside print.
  Result<std::string> overprint(HPDF_Page page, bool on);

 private:
  Result<std::string> color(const layout::Cmyk& color, bool stroking);

  HPDF_Doc doc_ = nullptr;
  Standard standard_ = Standard::None;
  HPDF_Array registration_ = nullptr;  // [/Separation /All alternate tint-transform]
  HPDF_Dict overprint_on_ = nullptr, overprint_off_ = nullptr;
  std::set<HPDF_Page> registered_;  // pages whose resources name the /All colour space
  std::map<std::tuple<double, double, double, double>, Rgb> rgb_;  // conversions made so far
};

}  // namespace leafpress::pdf
