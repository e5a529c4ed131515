// Tests for batch/data_rows.cpp: CSV through libcsv, rows that know their line,
// bad rows kept apart from good ones, file-level problems refused.
#include <catch2/catch.hpp>

#include "batch/data_rows.hpp"
#include "tests/support/test_support.hpp"

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

// A merge reads its CSV from a copy on disk, 64 KiB at a time: every line ending ("\r\n"
// cut in two by a piece's end, a lone "\r", "\n"), the byte order mark and quoted line
// breaks give the rows the text in memory gives, and editing the file afterwards changes
// nothing.
TEST_CASE("data_rows: rows read from a snapshot a piece at a time are the rows of the text", "[batch]") {
  leafpress::test::TempDir dir;
  std::string csv = "\xEF\xBB\xBFid,name,note\r\n";
  const char* ends[] = {"\r\n", "\n", "\r"};
  for (int i = 0; csv.size() < 300000; ++i) {
    csv += std::to_string(i) + ",Clinic " + std::to_string(i) + ",";
    csv += i % 7 == 0 ? "\"two\nlines\"" : i % 11 == 0 ? "too,many" : "plain";
    // Pieces are read from the byte after the mark: a "\r\n" whose halves fall on both
    // sides of each piece's end.
    const std::size_t boundary = 3 + 65536 * ((csv.size() - 3) / 65536 + 1);
    if (boundary - csv.size() < 40) {
      csv.append(boundary - 1 - csv.size(), 'x');
      csv += "\r\n";
    } else {
      csv += ends[i % 3];
    }
    if (i % 13 == 0) csv += "\n,,\n";  // blank lines and a row of empty fields
  }
  const auto path = dir.path / "big.csv";
  leafpress::test::write_bytes(path, csv);
  auto snapshot = leafpress::batch::CsvSnapshot::take(path.string(), "big.csv");
  REQUIRE(snapshot);
  leafpress::test::write_bytes(path, "id\nchanged\n");  // too late: the copy was taken
  auto from_text = leafpress::batch::CsvRows::open(csv, "big.csv");
  auto from_file = leafpress::batch::CsvRows::open(*snapshot, "big.csv");
  REQUIRE(from_text);
  REQUIRE(from_file);
  CHECK(from_file->columns() == std::vector<std::string>{"id", "name", "note"});
  std::size_t rows = 0, problems = 0;
  for (;;) {
    auto a = from_text->next();
    auto b = from_file->next();
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(a->has_value() == b->has_value());
    if (!a->has_value()) break;
    ++rows;
    const auto& x = **a;
    const auto& y = **b;
    INFO(x.origin);
    CHECK(x.origin == y.origin);
    CHECK(x.values == y.values);
    CHECK(x.problem.has_value() == y.problem.has_value());
    problems += y.problem.has_value();
  }
  CHECK(rows > 10000);
  CHECK(problems > 500);
}

// A spreadsheet set to German or French saves "CSV" with semicolons (its decimal mark is
// the comma), with a byte order mark and CRLF: the header has no comma, so the
// semicolons separate (a comma inside a value is then text). Likewise tabs. Read from a
// snapshot, as a merge reads it, the same.
TEST_CASE("data_rows: a header without commas but with semicolons or tabs says what separates fields",
          "[batch]") {
  leafpress::test::TempDir dir;
  for (const std::string sep : {";", "\t"}) {
    const std::string csv =
        "\xEF\xBB\xBF"
        "clinic.id" +
        sep + "clinic.name" + sep + "clinic.address\r\n" + "east" + sep + "East Clinic" + sep +
        "12 River Road, Easton\r\n" + "west" + sep + "\"West" + sep + " Annex\"" + sep + "3 Quay Street\r\n" +
        "short" + sep + "x\r\n";
    INFO(csv);
    auto t = parse_csv(csv, "clinics.csv");
    if (!t) FAIL(t.error().describe());
    CHECK(t->columns == std::vector<std::string>{"clinic.id", "clinic.name", "clinic.address"});
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[0].values.at("clinic.address") == "12 River Road, Easton");
    CHECK(t->rows[1].values.at("clinic.name") == "West" + sep + " Annex");
    REQUIRE(t->rows[2].problem);  // two fields, the header three
    CHECK(t->rows[2].problem->hint == (sep == ";" ? "a ; inside" : "a tab inside") +
                                          std::string(" a value needs the value in double quotes"));
    const auto path = leafpress::test::write_bytes(dir.path / "clinics.csv", csv);
    auto snapshot = leafpress::batch::CsvSnapshot::take(path, "clinics.csv");
    REQUIRE(snapshot);
    auto rows = leafpress::batch::CsvRows::open(*snapshot, "clinics.csv");
    REQUIRE(rows);
    CHECK(rows->columns() == t->columns);
    auto first = rows->next();
    REQUIRE(first);
    REQUIRE(first->has_value());
    CHECK((*first)->values == t->rows[0].values);
  }
  // Excel's `sep=;` line before the header says it outright; lines still count from the file's first.
  auto sep = parse_csv("sep=;\r\nid;name\r\na;Alpha, Inc.\r\n", "x.csv");
  if (!sep) FAIL(sep.error().describe());
  CHECK(sep->columns == std::vector<std::string>{"id", "name"});
  REQUIRE(sep->rows.size() == 1);
  CHECK(sep->rows[0].origin == "x.csv:3");
  CHECK(sep->rows[0].values.at("name") == "Alpha, Inc.");
  // Excel's "Unicode Text" is UTF-16: said so, not "not valid UTF-8".
  auto utf16 = parse_csv(std::string("\xFF\xFEi\0d\0\t\0n\0\r\0\n\0", 14), "x.csv");
  REQUIRE_FALSE(utf16);
  CHECK(utf16.error().line == 1);
  CHECK_THAT(utf16.error().message, Catch::StartsWith("the file is UTF-16"));
  CHECK_THAT(utf16.error().hint, Catch::Contains("CSV UTF-8"));
  // A comma anywhere in the header: commas separate, as ever.
  auto mixed = parse_csv("id,note;more\na,b;c\n", "x.csv");
  REQUIRE(mixed);
  CHECK(mixed->columns == std::vector<std::string>{"id", "note;more"});
}
