// Tests for pdf/file_id.cpp: the /ID placeholder is filled with a hash of the bytes.
#include <catch2/catch.hpp>

#include <regex>

#include "pdf/file_id.hpp"

namespace {

const std::string kZeros(32, '0');

std::string file_with(const std::string& body) {
  return "%PDF-1.4\n" + body + "\ntrailer\n<<\n/ID [<" + kZeros + "> <" + kZeros + ">]\n>>\n%%EOF\n";
}

std::string id_of(const std::string& bytes) {
  std::smatch m;
  REQUIRE(std::regex_search(bytes, m, std::regex("/ID \\[<([0-9A-F]{32})> <([0-9A-F]{32})>\\]")));
  CHECK(m[1] == m[2]);  // a new file: both halves are the same
  return m[1];
}

}  // namespace

TEST_CASE("file_id: the placeholder becomes a hash of the content", "[pdf]") {
  std::string a = file_with("1 0 obj (a) endobj"), a2 = a, b = file_with("1 0 obj (b) endobj");
  const std::size_t size = a.size();
  REQUIRE(leafpress::pdf::stamp_id(a).has_value());
  REQUIRE(leafpress::pdf::stamp_id(a2).has_value());
  REQUIRE(leafpress::pdf::stamp_id(b).has_value());
  CHECK(a.size() == size);  // offsets in the xref stay right
  CHECK(id_of(a) != kZeros);
  CHECK(id_of(a) == id_of(a2));
  CHECK(id_of(a) != id_of(b));
}

TEST_CASE("file_id: no placeholder is an error, not a file without /ID", "[pdf]") {
  std::string bytes = "%PDF-1.4\ntrailer\n<< >>\n%%EOF\n";
  const auto s = leafpress::pdf::stamp_id(bytes);
  REQUIRE_FALSE(s.has_value());
  CHECK_FALSE(s.error().message.empty());
}
