#include "pdf/metadata.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <ctime>

#include "core/utf8.hpp"
#include "pdf/text_string.hpp"

namespace leafpress::pdf {
namespace {

std::string cut(std::string value) {
  constexpr std::size_t kMaxInfoBytes = 8000;
  value.resize(utf8_prefix(value, kMaxInfoBytes).size());
  return value;
}

std::tm utc(long long epoch) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

Metadata metadata_of(const layout::PageModel& model, Standard standard, long long epoch, bool tagged) {
  Metadata m;
  m.tagged = tagged;
  m.standard = standard;
  m.title = cut(model.title.empty() ? "Untitled" : model.title);
  m.author = cut(model.author);
  m.subject = cut(model.subject.empty() ? model.subtitle : model.subject);
  std::string keywords;
  for (const auto& k : model.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
  m.keywords = cut(keywords);
  m.lang = model.lang;
  m.creator = "leafpress";
  m.producer = "leafpress " LEAFPRESS_VERSION " with libharu";
  m.epoch = epoch;
  return m;
}

std::string pdf_date(long long epoch) {
  const std::tm tm = utc(epoch);
  char buf[96];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+00'00'", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_date(long long epoch) {
  const std::tm tm = utc(epoch);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

Status write_info(HPDF_Doc doc, const Metadata& meta) {
  // HPDF_SetInfoAttr makes the Info dictionary; every value is then ours.
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, meta.creator.c_str());
  HPDF_Dict info = doc->info;
  if (!info) return Error{"", 0, "cannot create the document information", ""};
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_STATUS st = HPDF_OK;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) st |= HPDF_Dict_Add(info, key, text_string(mmgr, value));
  };
  auto put_ascii = [&](const char* key, const std::string& value) {
    st |= HPDF_Dict_Add(info, key, HPDF_String_New(mmgr, value.c_str(), nullptr));
  };
  put("Title", meta.title);
  put("Author", meta.author);
  put("Subject", meta.subject);
  put("Keywords", meta.keywords);
  put_ascii("Creator", meta.creator);
  put_ascii("Producer", meta.producer);
  put_ascii("CreationDate", pdf_date(meta.epoch));
  put_ascii("ModDate", pdf_date(meta.epoch));
  if (meta.standard == Standard::Print) {
    put_ascii("GTS_PDFXVersion", "PDF/X-1:2001");
    put_ascii("GTS_PDFXConformance", "PDF/X-1a:2001");
    st |= HPDF_Dict_AddName(info, "Trapped", "False");
  }
  // /Lang is PDF 1.4 (ISO 32000-1 Table 28): a PDF/X-1a file is PDF 1.3, where it does not exist.
  if (!meta.lang.empty() && meta.standard != Standard::Print)
    st |= HPDF_Dict_Add(doc->catalog, "Lang", text_string(mmgr, meta.lang));
  if (st != HPDF_OK) return Error{"", 0, "cannot write the document information", "report a bug"};
  return Ok{};
}

}  // namespace leafpress::pdf
