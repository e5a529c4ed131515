// Tests for pdf/xmp.cpp and the dates of pdf/metadata.cpp: the packet says what Info says.
#include <catch2/catch.hpp>

#include "pdf/metadata.hpp"
#include "pdf/xmp.hpp"

using leafpress::pdf::Metadata;
using leafpress::pdf::metadata_of;
using leafpress::pdf::Standard;

TEST_CASE("metadata: dates in PDF and XMP form name the same instant", "[pdf]") {
  CHECK(leafpress::pdf::pdf_date(1700000000) == "D:20231114221320+00'00'");
  CHECK(leafpress::pdf::xmp_date(1700000000) == "2023-11-14T22:13:20+00:00");
  CHECK(leafpress::pdf::pdf_date(0) == "D:19700101000000+00'00'");
}

TEST_CASE("metadata: taken from the page model once, for Info and XMP alike", "[pdf]") {
  leafpress::layout::PageModel model;
  model.subtitle = "For patients";
  model.keywords = {"stem cells", "干细胞"};
  model.author = "Demo Clinic";
  const Metadata m = metadata_of(model, Standard::Archive, 1700000000);
  CHECK(m.title == "Untitled");  // as the cover shows it; PDF/X and PDF/A need a title
  CHECK(m.subject == "For patients");
  CHECK(m.keywords == "stem cells, 干细胞");
  model.subject = "Stem cell therapy";
  model.title = std::string(9000, 'x');
  const Metadata m2 = metadata_of(model, Standard::Archive, 0);
  CHECK(m2.subject == "Stem cell therapy");
  CHECK(m2.title.size() == 8000);
}

TEST_CASE("xmp: the packet carries the PDF/A identification and the Info values, escaped", "[pdf]") {
  Metadata m;
  m.standard = Standard::Archive;
  m.title = "Knees & <hips> 膝关节";
  m.author = "Demo \"Clinic\"";
  m.subject = "For patients";
  m.keywords = "knees, 膝关节";
  m.lang = "zh-Hans";
  m.creator = "leafpress";
  m.producer = "leafpress 0.1.0 with libharu";
  m.epoch = 1700000000;
  const std::string x = leafpress::pdf::xmp_packet(m);
  CHECK(x.starts_with("<?xpacket begin=\"\xEF\xBB\xBF\""));
  CHECK(x.ends_with("<?xpacket end=\"w\"?>"));
  CHECK_THAT(x, Catch::Contains("<pdfaid:part>2</pdfaid:part>"));
  CHECK_THAT(x, Catch::Contains("<pdfaid:conformance>U</pdfaid:conformance>"));
  CHECK_THAT(x, Catch::Contains("<rdf:li xml:lang=\"x-default\">Knees &amp; &lt;hips&gt; 膝关节</rdf:li>"));
  CHECK_THAT(x, Catch::Contains("<dc:creator><rdf:Seq><rdf:li>Demo &quot;Clinic&quot;</rdf:li>"));
  CHECK_THAT(x, Catch::Contains("<dc:language><rdf:Bag><rdf:li>zh-Hans</rdf:li>"));
  CHECK_THAT(x, Catch::Contains("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">For patients<"));
  CHECK_THAT(x, Catch::Contains("<pdf:Keywords>knees, 膝关节</pdf:Keywords>"));
  CHECK_THAT(x, Catch::Contains("<pdf:Producer>leafpress 0.1.0 with libharu</pdf:Producer>"));
  CHECK_THAT(x, Catch::Contains("<xmp:CreateDate>2023-11-14T22:13:20+00:00</xmp:CreateDate>"));
  CHECK_THAT(x, Catch::Contains("<xmp:ModifyDate>2023-11-14T22:13:20+00:00</xmp:ModifyDate>"));
}

TEST_CASE("xmp: empty values are left out, as Info leaves them out", "[pdf]") {
  Metadata m;
  m.title = "T";
  m.creator = "leafpress";
  m.producer = "p";
  const std::string x = leafpress::pdf::xmp_packet(m);
  CHECK_THAT(x, !Catch::Contains("dc:creator"));
  CHECK_THAT(x, !Catch::Contains("dc:description"));
  CHECK_THAT(x, !Catch::Contains("pdf:Keywords"));
  CHECK_THAT(x, !Catch::Contains("dc:language"));
}
