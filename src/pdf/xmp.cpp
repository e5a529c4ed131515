#include "pdf/xmp.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

namespace leafpress::pdf {
namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 forbids most control characters; a tab or newline in a title becomes a space.
        out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

std::string xmp_packet(const Metadata& meta) {
  const std::string date = xmp_date(meta.epoch);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(meta.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!meta.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + escaped(meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!meta.subject.empty())
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(meta.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!meta.lang.empty())
    x += "   <dc:language><rdf:Bag><rdf:li>" + escaped(meta.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
  if (!meta.keywords.empty()) x += "   <pdf:Keywords>" + escaped(meta.keywords) + "</pdf:Keywords>\n";
  x += "   <pdf:Producer>" + escaped(meta.producer) + "</pdf:Producer>\n";
  x += "   <xmp:CreatorTool>" + escaped(meta.creator) + "</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  if (meta.standard == Standard::Archive) {
    x += "   <pdfaid:part>2</pdfaid:part>\n";
    // Level A (ISO 19005-2 6.8): tagged, with Unicode text; else U.
    x += std::string("   <pdfaid:conformance>") + (meta.tagged ? "A" : "U") + "</pdfaid:conformance>\n";
  }
  if (meta.tagged) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n";
  // pdfuaid is not one of the schemas PDF/A predefines: ISO 19005-2 6.6.2.3.2 wants it described.
  if (meta.tagged && meta.standard == Standard::Archive)
    x += "  <rdf:Description rdf:about=\"\"\n"
         "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "   <pdfaExtension:schemas>\n    <rdf:Bag>\n     <rdf:li rdf:parseType=\"Resource\">\n"
         "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "      <pdfaSchema:property>\n       <rdf:Seq>\n        <rdf:li rdf:parseType=\"Resource\">\n"
         "         <pdfaProperty:name>part</pdfaProperty:name>\n"
         "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
         "         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
         "followed</pdfaProperty:description>\n"
         "        </rdf:li>\n       </rdf:Seq>\n      </pdfaSchema:property>\n"
         "     </rdf:li>\n    </rdf:Bag>\n   </pdfaExtension:schemas>\n  </rdf:Description>\n";
  x += " </rdf:RDF>\n</x:xmpmeta>\n";
  for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + "\n";  // room for an editor, as XMP advises
  x += "<?xpacket end=\"w\"?>";
  return x;
}

Status write_xmp(HPDF_Doc doc, const Metadata& meta) {
  const std::string packet = xmp_packet(meta);
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) return Error{"", 0, "cannot write the XMP metadata", "report a bug"};
  stream->filter = HPDF_STREAM_FILTER_NONE;  // PDF/A: metadata readable without decoding
  HPDF_STATUS st = HPDF_Dict_AddName(stream, "Type", "Metadata");
  st |= HPDF_Dict_AddName(stream, "Subtype", "XML");
  st |= HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                          static_cast<HPDF_UINT>(packet.size()));
  st |= HPDF_Dict_Add(doc->catalog, "Metadata", stream);
  if (st != HPDF_OK) return Error{"", 0, "cannot write the XMP metadata", "report a bug"};
  return Ok{};
}

}  // namespace leafpress::pdf
