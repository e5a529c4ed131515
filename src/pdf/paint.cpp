#include "pdf/paint.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "pdf/number.hpp"

namespace leafpress::pdf {
namespace {

Error libharu_error(const char* what) {
  return Error{"", 0, std::string("cannot write ") + what, "report a bug: libharu refused an object"};
}

// A Type 2 (exponential, N 1) function from tint 0..1 to the alternate space: a straight line c0 → c1.
HPDF_Dict tint_transform(HPDF_Doc doc, std::initializer_list<int> c0, std::initializer_list<int> c1) {
  HPDF_Dict fn = HPDF_Dict_New(doc->mmgr);
  if (!fn || HPDF_Xref_Add(doc->xref, fn) != HPDF_OK) return nullptr;
  HPDF_STATUS st = HPDF_Dict_AddNumber(fn, "FunctionType", 2);
  HPDF_Array domain = HPDF_Array_New(doc->mmgr);
  st |= HPDF_Dict_Add(fn, "Domain", domain);
  st |= HPDF_Array_AddNumber(domain, 0);
  st |= HPDF_Array_AddNumber(domain, 1);
  for (const auto& [key, values] : {std::pair{"C0", c0}, std::pair{"C1", c1}}) {
    HPDF_Array a = HPDF_Array_New(doc->mmgr);
    st |= HPDF_Dict_Add(fn, key, a);
    for (const int v : values) st |= HPDF_Array_AddNumber(a, v);
  }
  st |= HPDF_Dict_AddNumber(fn, "N", 1);
  return st == HPDF_OK ? fn : nullptr;
}

HPDF_Dict ext_gstate(HPDF_Doc doc, bool overprint) {
  HPDF_Dict gs = HPDF_CreateExtGState(doc);
  if (!gs) return nullptr;
  HPDF_STATUS st = HPDF_Dict_AddBoolean(gs, "OP", overprint ? HPDF_TRUE : HPDF_FALSE);
  st |= HPDF_Dict_AddBoolean(gs, "op", overprint ? HPDF_TRUE : HPDF_FALSE);
  st |= HPDF_Dict_AddNumber(gs, "OPM", overprint ? 1 : 0);
  return st == HPDF_OK ? gs : nullptr;
}

}  // namespace

Result<Paint> Paint::make(HPDF_Doc doc, Standard standard) {
  Paint p;
  p.doc_ = doc;
  p.standard_ = standard;
  const bool cmyk = standard == Standard::Print;
  HPDF_Dict fn =
      cmyk ? tint_transform(doc, {0, 0, 0, 0}, {1, 1, 1, 1}) : tint_transform(doc, {1, 1, 1}, {0, 0, 0});
  if (!fn) return libharu_error("the registration colour");
  p.registration_ = HPDF_Array_New(doc->mmgr);
  if (!p.registration_ || HPDF_Xref_Add(doc->xref, p.registration_) != HPDF_OK)
    return libharu_error("the registration colour");
  HPDF_STATUS st = HPDF_Array_AddName(p.registration_, "Separation");
  st |= HPDF_Array_AddName(p.registration_, "All");
  st |= HPDF_Array_AddName(p.registration_, cmyk ? "DeviceCMYK" : "DeviceRGB");
  st |= HPDF_Array_Add(p.registration_, fn);
  if (st != HPDF_OK) return libharu_error("the registration colour");
  if (cmyk) {
    p.overprint_on_ = ext_gstate(doc, true);
    p.overprint_off_ = ext_gstate(doc, false);
    if (!p.overprint_on_ || !p.overprint_off_) return libharu_error("the overprint settings");
  }
  return p;
}

Result<std::string> Paint::color(const layout::Cmyk& c, bool stroking) {
  if (standard_ == Standard::Print)
    return number(c.c) + " " + number(c.m) + " " + number(c.y) + " " + number(c.k) +
           (stroking ? " K\n" : " k\n");
  if (c.srgb)  // given in sRGB: kept exactly as given (layout/color_value.hpp)
    return number(c.srgb->r) + " " + number(c.srgb->g) + " " + number(c.srgb->b) +
           (stroking ? " RG\n" : " rg\n");
  const auto key = std::make_tuple(c.c, c.m, c.y, c.k);
  auto it = rgb_.find(key);
  if (it == rgb_.end()) {
    auto rgb = to_rgb(c);
    if (!rgb) return rgb.error();
    it = rgb_.emplace(key, *rgb).first;
  }
  const Rgb& v = it->second;
  return number(v.r) + " " + number(v.g) + " " + number(v.b) + (stroking ? " RG\n" : " rg\n");
}

Result<std::string> Paint::fill(const layout::Cmyk& c) {
  return color(c, false);
}

Result<std::string> Paint::stroke(const layout::Cmyk& c) {
  return color(c, true);
}

Result<std::string> Paint::registration_stroke(HPDF_Page page) {
  // The way libharu registers fonts (HPDF_Page_GetLocalFontName): Resources may be inherited.
  if (!registered_.count(page)) {
    auto resources =
        static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
    HPDF_Dict spaces = resources ? HPDF_Dict_New(page->mmgr) : nullptr;
    if (!spaces || HPDF_Dict_Add(resources, "ColorSpace", spaces) != HPDF_OK ||
        HPDF_Dict_Add(spaces, "All0", registration_) != HPDF_OK)
      return libharu_error("the registration colour");
    registered_.insert(page);
  }
  return std::string("/All0 CS 1 SCN\n");
}

bool Paint::overprints(const layout::Cmyk& c) const {
  return standard_ == Standard::Print && c == layout::Cmyk{0, 0, 0, 1};
}

Result<std::string> Paint::overprint(HPDF_Page page, bool on) {
  if (standard_ != Standard::Print) return std::string();
  const char* name = HPDF_Page_GetExtGStateName(page, on ? overprint_on_ : overprint_off_);
  if (!name) return libharu_error("the overprint settings");
  return std::string("/") + name + " gs\n";
}

}  // namespace leafpress::pdf
