// Tests for batch/fingerprint.cpp: a job is up to date only while its article,
// values, options, recorded files and the PDF itself are unchanged.
#include <catch2/catch.hpp>

#include <thread>

#include "batch/fingerprint.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using namespace leafpress::batch;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

TEST_CASE("fingerprint: the inputs hash covers the article, the values and the options", "[batch]") {
  TempDir dir;
  Job j;
  j.article = write_bytes(dir.path / "a.md", "Hello {{name}}\n");
  j.output = (dir.path / "a.pdf").string();
  j.fill_variables = true;
  j.variables = {{"name", "East"}};
  const std::string base = inputs_hash(j);
  CHECK(base.size() == 32);
  CHECK(inputs_hash(j) == base);
  Job k = j;
  k.variables["name"] = "West";
  CHECK(inputs_hash(k) != base);
  k = j;
  k.sets = {"body.size=9pt"};
  CHECK(inputs_hash(k) != base);
  k = j;
  k.standard = leafpress::pdf::Standard::Archive;
  CHECK(inputs_hash(k) != base);
  write_bytes(j.article, "Hello {{name}}!\n");
  CHECK(inputs_hash(j) != base);
  k.article = (dir.path / "missing.md").string();
  CHECK(inputs_hash(k).empty());
}

TEST_CASE("fingerprint: a recorded build is up to date until an input or the PDF changes", "[batch]") {
  TempDir dir;
  Job j;
  j.article = write_bytes(dir.path / "a.md", "Hello\n");
  j.output = write_bytes(dir.path / "a.pdf", "%PDF-1.4 not really\n");
  const std::string layout = write_bytes(dir.path / "layout.yaml", "name: x\n");
  const std::string font = write_bytes(dir.path / "font.ttf", "font bytes");
  Outcome o;
  o.ok = true;
  o.pages = 2;
  o.body_size = 9.5;
  o.inputs = {layout, font};
  const std::string inputs = inputs_hash(j);
  CHECK_FALSE(up_to_date(j, inputs));  // never built
  REQUIRE(write_record(j, inputs, o));
  CHECK(fs::exists(sidecar_path(j.output)));
  CHECK(fs::path(sidecar_path(j.output)).filename() == ".a.pdf.leafpress");
  auto record = up_to_date(j, inputs);
  REQUIRE(record);
  CHECK(record->pages == 2);
  CHECK(record->body_size == 9.5);
  CHECK_FALSE(up_to_date(j, inputs_hash(j) + "x"));

  write_bytes(layout, "name: y\n");  // the layout's bytes are hashed
  CHECK_FALSE(up_to_date(j, inputs));
  write_bytes(layout, "name: x\n");
  CHECK(up_to_date(j, inputs));
  write_bytes(font, "other font bytes");  // fonts by size and time
  CHECK_FALSE(up_to_date(j, inputs));
  REQUIRE(write_record(j, inputs, o));
  CHECK(up_to_date(j, inputs));
  write_bytes(j.output, "%PDF-1.4 edited by hand\n");  // the PDF itself
  CHECK_FALSE(up_to_date(j, inputs));
  REQUIRE(write_record(j, inputs, o));
  fs::remove(j.output);
  CHECK_FALSE(up_to_date(j, inputs));
}
