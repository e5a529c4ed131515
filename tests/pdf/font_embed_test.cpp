// Tests for pdf/font_embed.cpp: the FontDescriptor says what each face is, /CIDSet lists the
// subset's CIDs, and code 0 (.notdef) copies out as no character.
#include <catch2/catch.hpp>

#include <regex>

#include "pdf/font_embed.hpp"
#include "tests/pdf/pdf_test_support.hpp"

using leafpress::pdf::descriptor_flags;
using leafpress::pdf::Standard;
using leafpress::text::Face;
using namespace leafpress::test;

namespace {

const Face* face(const std::string& family, bool italic = false) {
  auto f = project_fonts().face({family, false, italic});
  if (!f) FAIL(f.error().describe());
  return *f;
}

// ISO 32000-1 Table 123.
constexpr int kFixedPitch = 1, kSerif = 2, kSymbolic = 4, kNonsymbolic = 32, kItalic = 64;

// A run of `text` in `f`, one glyph per character (no shaping); a character the face lacks is
// glyph 0, as the shaper leaves it.
leafpress::layout::GlyphRun run_of(const Face* f, const std::string& text, double x, double y) {
  leafpress::layout::GlyphRun r;
  r.x = x, r.y = y, r.size = 12;
  double pen = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    leafpress::text::PlacedGlyph g;
    g.face = f;
    g.glyph = f->glyph_for(leafpress::next_code_point(text, pos));
    g.x = pen;
    g.advance = f->advance_em(g.glyph) * 12;
    g.text = text.substr(start, pos - start);
    pen += g.advance + 1;
    r.glyphs.push_back(g);
  }
  return r;
}

}  // namespace

TEST_CASE("font_embed: /Flags per face, not 4 for all", "[pdf]") {
  const std::map<unsigned, std::string> latin{{36, "A"}, {37, "b"}};
  const std::map<unsigned, std::string> han{{1000, "造"}};
  CHECK(descriptor_flags(*face("Noto Serif"), latin) == (kSerif | kNonsymbolic));
  CHECK(descriptor_flags(*face("Noto Serif", true), latin) == (kSerif | kItalic | kNonsymbolic));
  CHECK(descriptor_flags(*face("Noto Sans"), latin) == kNonsymbolic);
  CHECK(descriptor_flags(*face("Noto Sans Mono"), latin) == (kFixedPitch | kNonsymbolic));
  CHECK(descriptor_flags(*face("Noto Serif CJK SC"), han) == (kSerif | kSymbolic));
  CHECK(descriptor_flags(*face("Noto Sans CJK SC"), han) == kSymbolic);
  // A Latin face showing Greek is symbolic: its characters are outside the standard Latin set.
  CHECK(descriptor_flags(*face("Noto Serif"), {{36, "A"}, {500, "α"}}) == (kSerif | kSymbolic));
}

TEST_CASE("font_embed: every descriptor has /Flags from its face and a /CIDSet", "[pdf]") {
  auto m = marked_sheet();
  m.pages[0].runs = {run_of(face("Noto Serif"), "Hello", 100, 300),
                     run_of(face("Noto Sans Mono"), "code", 100, 280),
                     run_of(face("Noto Serif CJK SC"), "造血", 100, 260)};
  TempDir dir;
  const std::string q = qdf(write_to(m, Standard::Archive, dir));
  std::vector<int> flags;
  const std::regex flag(R"(/Flags (\d+))");
  for (auto it = std::sregex_iterator(q.begin(), q.end(), flag); it != std::sregex_iterator(); ++it)
    flags.push_back(std::stoi((*it)[1]));
  std::sort(flags.begin(), flags.end());
  CHECK(flags == std::vector<int>{kSerif | kSymbolic, kFixedPitch | kNonsymbolic, kSerif | kNonsymbolic});
  const std::regex cidset(R"(/CIDSet \d+ 0 R)");
  CHECK(std::distance(std::sregex_iterator(q.begin(), q.end(), cidset), std::sregex_iterator()) == 3);
}

TEST_CASE("font_embed: .notdef (code 0) maps to no character", "[pdf]") {
  // U+0001 drawn as .notdef after an emoji had been: both once copied out as the emoji.
  auto m = marked_sheet();
  const Face* serif = face("Noto Serif");
  auto run = run_of(serif, "a\U0001F600b\x01", 100, 300);
  REQUIRE(run.glyphs[1].glyph == 0);
  REQUIRE(run.glyphs[3].glyph == 0);
  m.pages[0].runs = {run};
  TempDir dir;
  const std::string pdf = write_to(m, Standard::None, dir);
  const std::string q = qdf(pdf);
  // The code space range is <0000> <FFFF>; no bfchar entry may start at <0000>.
  CHECK_THAT(q, Catch::Contains("<0000> <FFFF>"));
  CHECK_FALSE(std::regex_search(q, std::regex(R"(<0000> <(?!FFFF>))")));
  const auto text = run_tool("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -").output;
  CHECK(text.find("\U0001F600") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("a"));
}
