// pdf/write.hpp: a PageModel → PDF bytes, with libharu, as the standard asks.
//
// The only stage that includes libharu. libharu 2.3 writes the document
// (pages, xref, compression); fonts are built with its object API because its
// own font code maps code points, not HarfBuzz glyphs, and cannot load CFF
// (DESIGN.md): each face becomes a Type0 font with Identity-H encoding over a
// subset made by hb-subset (font_embed.hpp), with /W widths and a ToUnicode
// map from the glyphs' text.
// Every page gets MediaBox (trim + bleed + room for marks), BleedBox and
// TrimBox. What the standard adds (README "Standards"):
//  - print (PDF/X-1a:2001, PDF 1.3): CMYK and gray only, FOGRA39 output
//    intent with its profile, PDF/X keys in Info, registration-colour marks,
//    overprinting 100 % K (paint.hpp, output_intent.hpp, metadata.hpp);
//  - archive (PDF/A-2u, PDF 1.7): sRGB colours and output intent, XMP that
//    agrees with Info (xmp.hpp);
//  - none (PDF 1.4): sRGB colours, nothing claimed. A proof (PageModel::proof)
//    is always written as none.
// Every file has Info, /Lang (not print: PDF 1.3 has none), bookmarks (outline.hpp) and a trailer /ID from a
// hash of its bytes (file_id.hpp): the same model and epoch give the same bytes.
// Pictures are image XObjects converted to the standard's colours (images.hpp).
// Errors: preflight.hpp first refuses what the standard cannot hold (a picture
// it cannot convert, ink above 330 %); any libharu, lcms2 or subsetting failure
// gives an Error; no bytes then. write_pdf_file writes to a temporary file and
// renames it: a reader never sees half a PDF.
// Thread-safety: reentrant (one HPDF_Doc per call); faces are only read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "layout/page_model.hpp"

namespace leafpress::pdf {

class SubsetCache;

// What the PDF claims to be, and keeps to (see README "Standards").
enum class Standard {
  Print,    // PDF/X-1a:2001, CMYK, FOGRA39 output intent: for the print shop (the default)
  Archive,  // PDF/A-2u, sRGB output intent, XMP: for the archive
  None,     // a plain RGB PDF: for screens and e-mail
};

std::optional<Standard> parse_standard(std::string_view name);  // "print", "archive", "none"
const char* standard_name(Standard standard);

struct WriteOptions {
  Standard standard = Standard::Print;
  long long epoch = -1;            // creation date in seconds since 1970 (SOURCE_DATE_EPOCH); -1 = now
  SubsetCache* subsets = nullptr;  // shared font subsets (a batch); null = subset afresh
};

Result<std::string> write_pdf(const layout::PageModel& model, const WriteOptions& options);

Status write_pdf_file(const layout::PageModel& model, const std::string& path, const WriteOptions& options);

}  // namespace leafpress::pdf
