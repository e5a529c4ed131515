#include "pdf/output_intent.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <string>

#include "pdf/flate.hpp"
#include "pdf/icc_profiles.hpp"

namespace leafpress::pdf {
namespace {

// The profile is the same in every PDF of a process: compressed once, not once per
// PDF (deflating the CMYK profile was a fifth of a warm build), and only the one the
// standard embeds. Empty if deflate fails.
const std::string& deflated_profile(bool print) {
  if (print) {
    static const std::string fogra39 = deflate(fogra39_profile()).value_or("");
    return fogra39;
  }
  static const std::string srgb = deflate(srgb_profile()).value_or("");
  return srgb;
}

}  // namespace

void prepare_output_intent(Standard standard) {
  if (standard != Standard::None) (void)deflated_profile(standard == Standard::Print);
}

Status write_output_intent(HPDF_Doc doc, Standard standard) {
  if (standard == Standard::None) return Ok{};
  const bool print = standard == Standard::Print;
  const std::string_view profile = print ? fogra39_profile() : srgb_profile();
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_STATUS st = HPDF_OK;

  HPDF_Dict icc = HPDF_DictStream_New(mmgr, doc->xref);
  if (!icc) return Error{"", 0, "cannot write the output intent", "report a bug"};
  st |= HPDF_Dict_AddNumber(icc, "N", print ? 4 : 3);
  if (const std::string& deflated = deflated_profile(print); !deflated.empty()) {
    st |= write_deflated(icc, deflated);
  } else {
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    st |= HPDF_Stream_Write(icc->stream, reinterpret_cast<const HPDF_BYTE*>(profile.data()),
                            static_cast<HPDF_UINT>(profile.size()));
  }

  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  st |= HPDF_Xref_Add(doc->xref, intent);
  st |= HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  st |= HPDF_Dict_AddName(intent, "S", print ? "GTS_PDFX" : "GTS_PDFA1");
  auto put = [&](const char* key, const char* value) {
    st |= HPDF_Dict_Add(intent, key, HPDF_String_New(mmgr, value, nullptr));
  };
  if (print) {
    put("OutputConditionIdentifier", "FOGRA39");
    put("RegistryName", "http://www.color.org");
    put("OutputCondition", "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (FOGRA39L)");
    put("Info", "Coated FOGRA39 (ISO 12647-2:2004)");
  } else {
    put("OutputConditionIdentifier", "sRGB IEC61966-2.1");
    put("RegistryName", "http://www.color.org");
    put("Info", "sRGB IEC61966-2.1");
  }
  st |= HPDF_Dict_Add(intent, "DestOutputProfile", icc);

  HPDF_Array intents = HPDF_Array_New(mmgr);
  st |= HPDF_Array_Add(intents, intent);
  st |= HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);
  if (st != HPDF_OK) return Error{"", 0, "cannot write the output intent", "report a bug"};
  return Ok{};
}

}  // namespace leafpress::pdf
