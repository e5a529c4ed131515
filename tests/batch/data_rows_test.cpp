// Tests for batch/data_rows.cpp: CSV through libcsv, rows that know their line,
// bad rows kept apart from good ones, file-level problems refused.
#include <catch2/catch.hpp>

#include "batch/data_rows.hpp"

using leafpress::batch::parse_csv;

TEST_CASE("data_rows: a header, rows and the line each row starts on", "[batch]") {
  const std::string csv =
      "\xEF\xBB\xBF"
      "clinic.id,clinic.name,clinic.phone\n"
      "east, East Clinic ,555-0100\n"
      "\n"
      "harbour,\"Harbour View, East Wing\",555-0142\r\n"
      "multi,\"Two\nlines\",555-0199\n"
      "quote,\"The \"\"Best\"\" Clinic\",555-0123";
  auto t = parse_csv(csv, "clinics.csv");
  if (!t) FAIL(t.error().describe());
  CHECK(t->columns == std::vector<std::string>{"clinic.id", "clinic.name", "clinic.phone"});
  REQUIRE(t->rows.size() == 4);
  CHECK(t->rows[0].origin == "clinics.csv:2");
  CHECK(t->rows[0].values.at("clinic.name") == "East Clinic");  // spaces around unquoted fields trimmed
  CHECK(t->rows[1].origin == "clinics.csv:4");
  CHECK(t->rows[1].values.at("clinic.name") == "Harbour View, East Wing");
  CHECK(t->rows[1].values.at("clinic.phone") == "555-0142");
  CHECK(t->rows[2].origin == "clinics.csv:5");
  CHECK(t->rows[2].values.at("clinic.name") == "Two\nlines");
  CHECK(t->rows[3].origin == "clinics.csv:7");
  CHECK(t->rows[3].values.at("clinic.name") == "The \"Best\" Clinic");
  for (const auto& r : t->rows) CHECK_FALSE(r.problem);
}

TEST_CASE("data_rows: a row with the wrong number of fields or bad UTF-8 fails alone", "[batch]") {
  auto t = parse_csv("id,name\na,Alpha\nb,Beta,extra\nc\nd,\xC3\x28\ne,Echo\n", "x.csv");
  REQUIRE(t);
  REQUIRE(t->rows.size() == 5);
  CHECK_FALSE(t->rows[0].problem);
  REQUIRE(t->rows[1].problem);
  CHECK(t->rows[1].problem->line == 3);
  CHECK_THAT(t->rows[1].problem->message, Catch::Contains("3 fields, the header 2"));
  REQUIRE(t->rows[2].problem);
  CHECK(t->rows[2].problem->line == 4);
  REQUIRE(t->rows[3].problem);
  CHECK_THAT(t->rows[3].problem->message, Catch::Contains("not valid UTF-8"));
  CHECK_FALSE(t->rows[4].problem);
  CHECK(t->rows[4].values.at("name") == "Echo");
}

TEST_CASE("data_rows: problems with the whole file are errors", "[batch]") {
  CHECK_THAT(parse_csv("", "x.csv").error().message, Catch::Contains("empty"));
  CHECK_THAT(parse_csv("id,id\n1,2\n", "x.csv").error().message, Catch::Contains("appears twice"));
  CHECK_THAT(parse_csv("id,,name\n", "x.csv").error().message, Catch::Contains("no name"));
  auto open_quote = parse_csv("id,name\na,Alpha\nb,\"Beta\nc,Gamma\n", "x.csv");
  REQUIRE_FALSE(open_quote);
  CHECK(open_quote.error().line == 3);
  CHECK_THAT(open_quote.error().message, Catch::Contains("never closed"));
}

TEST_CASE("data_rows: lone CR line ends count as lines", "[batch]") {
  const auto t = parse_csv("id,name\r1,one\r2,two\r\r3,\"multi\rline\"\r4,four\r", "cr.csv");
  REQUIRE(t);
  REQUIRE(t->rows.size() == 4);
  CHECK(t->rows[0].origin == "cr.csv:2");
  CHECK(t->rows[1].origin == "cr.csv:3");
  CHECK(t->rows[2].origin == "cr.csv:5");
  CHECK(t->rows[3].origin == "cr.csv:7");
  const auto bad = parse_csv("id,name\r1,one\r2\r", "cr.csv");
  REQUIRE(bad);
  REQUIRE(bad->rows[1].problem);
  CHECK(bad->rows[1].problem->line == 3);
  CHECK_THAT(bad->rows[1].problem->message, Catch::Contains("(id, name)"));  // the columns found
}

TEST_CASE("data_rows: columns, text per row and values in all are bounded, and the error says which",
          "[batch]") {
  std::string wide;
  for (int i = 0; i < 10000; ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  auto e = parse_csv(wide + "\n1,2\n", "wide.csv");
  REQUIRE_FALSE(e);
  CHECK(e.error().file == "wide.csv");
  CHECK(e.error().line == 1);
  CHECK_THAT(e.error().message, Catch::Contains("1000 fields") && Catch::Contains("columns"));
  e = parse_csv("a,b\n1," + std::string(100000, 'x') + "\n", "long.csv");
  REQUIRE_FALSE(e);
  CHECK(e.error().line == 2);
  CHECK_THAT(e.error().message, Catch::Contains("KiB of text"));
  std::string tall = "a,b,c,d,e,f,g,h,i,j\n";
  for (int r = 0; r < 100001; ++r) tall += "1,2,3,4,5,6,7,8,9,0\n";
  e = parse_csv(tall, "tall.csv");
  REQUIRE_FALSE(e);
  CHECK_THAT(e.error().message, Catch::Contains("1000000 values"));
}
