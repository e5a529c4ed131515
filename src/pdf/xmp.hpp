// pdf/xmp.hpp: the XMP metadata packet of a PDF/A file.
//
// xmp_packet: the packet for Metadata (metadata.hpp), so that it says what
// Info says (ISO 19005-2 6.6.2.3): dc:title (x-default), dc:creator,
// dc:description (Subject), dc:language, pdf:Keywords, pdf:Producer,
// xmp:CreatorTool, xmp:CreateDate = xmp:ModifyDate = xmp:MetadataDate, and
// pdfaid:part 2 / pdfaid:conformance U. Empty values are left out, as in Info.
// Text is XML-escaped; the packet is UTF-8 with padding for in-place edits.
// write_xmp: the packet as the catalog's /Metadata stream (/Type /Metadata
// /Subtype /XML), uncompressed, as PDF/A requires.
// Errors: an Error when libharu refuses the stream.
#pragma once

#include <hpdf.h>

#include <string>

#include "core/result.hpp"
#include "pdf/metadata.hpp"

namespace leafpress::pdf {

std::string xmp_packet(const Metadata& meta);

Status write_xmp(HPDF_Doc doc, const Metadata& meta);

}  // namespace leafpress::pdf
