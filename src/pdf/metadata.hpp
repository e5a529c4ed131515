// pdf/metadata.hpp: what a document says about itself: Info, /Lang, dates, PDF/X keys.
//
// Metadata is worked out once (metadata_of) and written twice when the
// standard asks for it: into the Info dictionary (write_info, here) and into
// the XMP packet (xmp.hpp), so the two agree by construction, as PDF/A wants.
//  - Title (or "Untitled", as the cover shows), Author (the clinic), Subject
//    (front matter `subject:`, else the subtitle), Keywords (joined with ", "),
//    Creator "leafpress", Producer "leafpress VERSION with libharu".
//  - CreationDate = ModDate = the job's epoch (SOURCE_DATE_EPOCH, else the
//    article's `date:`, else its file time: batch/build_job.cpp), in UTC.
//  - print: GTS_PDFXVersion "PDF/X-1:2001", GTS_PDFXConformance
//    "PDF/X-1a:2001", Trapped /False (leafpress does no trapping).
//  - archive and none: /Lang in the catalog (a PDF 1.4 key: print is PDF 1.3 and has none).
// Values longer than 8000 bytes are cut at a character (libharu strings hold
// at most 65535 bytes, and Info is for catalogues).
// Errors: an Error when libharu refuses an entry.
#pragma once

#include <hpdf.h>

#include <string>

#include "core/result.hpp"
#include "layout/page_model.hpp"
#include "pdf/write.hpp"

namespace leafpress::pdf {

struct Metadata {
  Standard standard = Standard::None;  // the one the file claims (none for a proof)
  std::string title, author, subject, keywords, lang;
  std::string creator, producer;
  long long epoch = 0;  // seconds since 1970, UTC
  bool tagged = false;  // a tag tree is written: the file declares PDF/UA-1 (and PDF/A-2a, not -2u)
};

Metadata metadata_of(const layout::PageModel& model, Standard standard, long long epoch, bool tagged = false);

std::string pdf_date(long long epoch);  // D:20231114221320+00'00'
std::string xmp_date(long long epoch);  // 2023-11-14T22:13:20+00:00

Status write_info(HPDF_Doc doc, const Metadata& meta);

}  // namespace leafpress::pdf
