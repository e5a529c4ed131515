// Tests for text/font_set.cpp: regional CJK families, finding installed faces through
// fontconfig, refusing a family that is not there, and damaged font files.
#include <fontconfig/fontconfig.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "tests/support/test_support.hpp"
#include "text/font_set.hpp"

using leafpress::test::installed_fonts;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;
using leafpress::text::Face;
using leafpress::text::FaceRequest;
using leafpress::text::FontSet;
using leafpress::text::regional_cjk_family;

namespace {

const Face* face_of(const FaceRequest& request) {
  auto face = installed_fonts().face(request);
  INFO(request.family << (request.bold ? " bold" : "") << (request.italic ? " italic" : "") << ": "
                      << (face ? std::string() : face.error().describe()));
  REQUIRE(face.has_value());
  REQUIRE(*face != nullptr);
  return *face;
}

std::filesystem::path write_file(const std::filesystem::path& file, std::string_view data) {
  std::ofstream out(file, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  return file;
}

void check_load_fails(const std::filesystem::path& file, unsigned index = 0) {
  auto loaded = Face::load(file, index);
  INFO(file.string() << " #" << index << (loaded ? ": loaded" : ": " + loaded.error().describe()));
  CHECK_FALSE(loaded.has_value());
  if (loaded) return;
  CHECK(loaded.error().file == file.string());
  CHECK_FALSE(loaded.error().message.empty());
}

}  // namespace

TEST_CASE("font_set: regional_cjk_family", "[text]") {
  struct Row {
    const char* base;
    const char* lang;
    const char* family;
  };
  // clang-format off
  const Row rows[] = {
      {"Noto Serif CJK", "zh-Hans",    "Noto Serif CJK SC"},
      {"Noto Serif CJK", "zh",         "Noto Serif CJK SC"},
      {"Noto Serif CJK", "zh-CN",      "Noto Serif CJK SC"},
      {"Noto Serif CJK", "zh-Hans-SG", "Noto Serif CJK SC"},
      {"Noto Serif CJK", "",           "Noto Serif CJK SC"},  // unknown: SC
      {"Noto Serif CJK", "en",         "Noto Serif CJK SC"},
      {"Noto Serif CJK", "zh-Hant",    "Noto Serif CJK TC"},
      {"Noto Serif CJK", "zh-Hant-TW", "Noto Serif CJK TC"},
      {"Noto Serif CJK", "zh-TW",      "Noto Serif CJK TC"},
      {"Noto Serif CJK", "zh-HK",      "Noto Serif CJK TC"},
      {"Noto Serif CJK", "zh-MO",      "Noto Serif CJK TC"},
      {"Noto Serif CJK", "ZH-hant",    "Noto Serif CJK TC"},  // BCP 47 tags ignore case
      {"Noto Serif CJK", "ja",         "Noto Serif CJK JP"},
      {"Noto Serif CJK", "ja-JP",      "Noto Serif CJK JP"},
      {"Noto Serif CJK", "ko",         "Noto Serif CJK KR"},
      {"Noto Serif CJK", "ko-KR",      "Noto Serif CJK KR"},
      {"Noto Sans CJK",  "ja",         "Noto Sans CJK JP"},
      {"Noto Sans CJK",  "zh-TW",      "Noto Sans CJK TC"},
      // Not ending in "CJK": unchanged.
      {"Noto Serif",        "ja",      "Noto Serif"},
      {"Noto Serif CJK SC", "ja",      "Noto Serif CJK SC"},
      {"Source Han Serif",  "ko",      "Source Han Serif"},
      {"CJ",                "ja",      "CJ"},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.base << " + " << row.lang);
    CHECK(regional_cjk_family(row.base, row.lang) == row.family);
  }
}

TEST_CASE("font_set: finds Noto Serif in four styles", "[text]") {
  const Face* regular = face_of({"Noto Serif", false, false});
  CHECK(regular->family == "Noto Serif");
  CHECK(regular->postscript_name == "NotoSerif-Regular");
  CHECK_FALSE(regular->is_cff);  // TrueType outlines
  CHECK_FALSE(regular->is_bold);
  CHECK_FALSE(regular->is_italic);
  CHECK(regular->upem > 0);
  CHECK(regular->ascender > 0.5);
  CHECK(regular->descender < 0);
  CHECK(regular->covers(U'a'));
  CHECK(regular->advance_em(regular->glyph_for(U'a')) > 0.3);
  CHECK(regular->advance_em(regular->glyph_for(U'a')) < 0.8);
  CHECK_FALSE(regular->covers(U'汉'));

  const Face* bold = face_of({"Noto Serif", true, false});
  const Face* italic = face_of({"Noto Serif", false, true});
  const Face* bold_italic = face_of({"Noto Serif", true, true});
  CHECK(bold->is_bold);
  CHECK_FALSE(bold->is_italic);
  CHECK(italic->is_italic);
  CHECK_FALSE(italic->is_bold);
  CHECK(italic->italic_angle < 0);
  CHECK(bold_italic->is_bold);
  CHECK(bold_italic->is_italic);
  for (const Face* f : {bold, italic, bold_italic}) {
    CHECK(f->family == "Noto Serif");
    CHECK(f != regular);
    CHECK(f->file != regular->file);
  }
  // Asked again, the same face.
  CHECK(face_of({"Noto Serif", false, false}) == regular);
  CHECK(face_of({"Noto Serif", true, false}) == bold);
}

TEST_CASE("font_set: finds Noto Serif CJK SC, with CFF outlines", "[text]") {
  const Face* sc = face_of({"Noto Serif CJK SC", false, false});
  CHECK(sc->family == "Noto Serif CJK SC");
  CHECK(sc->is_cff);
  CHECK(sc->covers(U'汉'));
  CHECK(sc->covers(U'。'));
  CHECK(sc->advance_em(sc->glyph_for(U'汉')) == Approx(1.0));
  CHECK_FALSE(sc->is_bold);
  CHECK(sc->postscript_name.find(' ') == std::string::npos);
  const Face* bold = face_of({"Noto Serif CJK SC", true, false});
  CHECK(bold->is_bold);
  CHECK(bold->is_cff);
  CHECK(bold != sc);

  // Every regional family the mapping names is installed; JP is another face of the
  // same collection.
  for (const char* lang : {"zh-Hans", "zh-Hant", "ja", "ko"}) {
    const Face* face = face_of({regional_cjk_family("Noto Serif CJK", lang), false, false});
    INFO(lang);
    CHECK(face->family == regional_cjk_family("Noto Serif CJK", lang));
    CHECK(face->is_cff);
    CHECK(face->covers(U'汉'));
  }
  const Face* jp = face_of({"Noto Serif CJK JP", false, false});
  if (jp->file == sc->file) CHECK(jp->index != sc->index);
}

TEST_CASE("font_set: an unknown family is an error, not a substitute", "[text]") {
  for (const std::string family : {"Leafpress No Such Font", "Noto Serif CJK XX", "Noto Seriff"}) {
    auto face = installed_fonts().face({family, false, false});
    INFO(family);
    REQUIRE_FALSE(face.has_value());
    CHECK(face.error().message.find(family) != std::string::npos);
    CHECK(face.error().hint.find("fonts/") != std::string::npos);
  }
  // Also in bold: the style does not make fontconfig's substitute acceptable.
  auto bold = installed_fonts().face({"Leafpress No Such Font", true, true});
  REQUIRE_FALSE(bold.has_value());
  CHECK(bold.error().message.find("Leafpress No Such Font") != std::string::npos);
}

TEST_CASE("font_set: a FontSet with an extra font folder still finds installed fonts", "[text]") {
  TempDir dir;
  write_file(dir.path / "readme.txt", "not a font");
  const FontSet set({dir.path, dir.path / "missing"});
  auto face = set.face({"Noto Serif", false, false});
  REQUIRE(face.has_value());
  CHECK((*face)->family == "Noto Serif");
}

TEST_CASE("font_set: a family only fontconfig's full configuration knows is still found", "[text]") {
  // A FontSet reads the standard font folders first (font_set.cpp); TeX's fonts are in a folder
  // that only a file of /etc/fonts/conf.d names.
  const auto listed = leafpress::test::run_tool("fc-list 'Latin Modern Roman' file");
  if (listed.output.find("/texmf/") == std::string::npos) {
    WARN("Latin Modern Roman (texlive) is not installed: nothing to look for outside the standard folders");
    return;
  }
  const FontSet set;
  auto face = set.face({"Latin Modern Roman", false, false});
  REQUIRE(face.has_value());
  CHECK((*face)->file.string().find("/texmf/") != std::string::npos);
  auto noto = set.face({"Noto Serif", false, false});  // and the others as before
  REQUIRE(noto.has_value());
  CHECK((*noto)->family == "Noto Serif");
}

TEST_CASE("font_set: Face::load on a damaged file is an error", "[text]") {
  TempDir dir;
  const std::string font = read_bytes(face_of({"Noto Serif", false, false})->file);
  REQUIRE(font.size() > 20000);

  SECTION("missing or empty") {
    check_load_fails(dir.path / "missing.ttf");
    check_load_fails(write_file(dir.path / "empty.ttf", ""));
    check_load_fails(dir.path);  // a folder
  }
  SECTION("garbage") {
    std::mt19937 rng(42);
    std::string noise(50000, '\0');
    for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
    check_load_fails(write_file(dir.path / "noise.ttf", noise));
    // A TrueType or OpenType signature followed by noise.
    check_load_fails(write_file(dir.path / "sfnt.ttf", std::string("\x00\x01\x00\x00", 4) + noise));
    check_load_fails(write_file(dir.path / "otto.otf", "OTTO" + noise));
    check_load_fails(write_file(dir.path / "ttcf.ttc", "ttcf" + noise));
    check_load_fails(write_file(dir.path / "text.ttf", "This is a text file, not a font.\n"));
  }
  SECTION("truncated inside the table directory or early tables") {
    for (const std::size_t size : {4, 12, 100, 1000, 5000, 20000}) {
      INFO("first " << size << " bytes");
      check_load_fails(write_file(dir.path / ("cut" + std::to_string(size) + ".ttf"), font.substr(0, size)));
    }
  }
  SECTION("a face index the file does not have") {
    const std::filesystem::path copy = write_file(dir.path / "whole.ttf", font);
    REQUIRE(Face::load(copy, 0).has_value());  // the copy itself is fine
    check_load_fails(copy, 1);
    check_load_fails(copy, 99);
    const Face* sc = face_of({"Noto Serif CJK SC", false, false});
    check_load_fails(sc->file, 99);
  }
}

// A font cut short after its first tables loads: the table directory still points past
// the end of the file and nothing checks it, so glyphs past the cut have no outlines.
TEST_CASE("font_set: Face::load on a font truncated late is an error", "[text]") {
  TempDir dir;
  const std::string font = read_bytes(face_of({"Noto Serif", false, false})->file);
  for (const std::size_t size : {font.size() / 4, font.size() / 2, font.size() - 1000, font.size() - 1}) {
    INFO("first " << size << " of " << font.size() << " bytes");
    check_load_fails(write_file(dir.path / ("cut" + std::to_string(size) + ".ttf"), font.substr(0, size)));
  }
}

TEST_CASE("font_set: Face::from_bytes reads what Face::load reads, with the same checks", "[text]") {
  const Face* serif = face_of({"Noto Serif", false, false});
  const std::string font = read_bytes(serif->file);
  auto face = Face::from_bytes(font, "memory.ttf", 0);
  REQUIRE(face.has_value());
  CHECK((*face)->family == serif->family);
  CHECK((*face)->upem == serif->upem);
  CHECK((*face)->glyph_for(U'a') == serif->glyph_for(U'a'));
  CHECK((*face)->file == "memory.ttf");
  for (const std::size_t size : {std::size_t{0}, std::size_t{11}, font.size() / 2}) {
    auto cut = Face::from_bytes(font.substr(0, size), "cut.ttf", 0);
    INFO(size << " bytes" << (cut ? ": loaded" : ": " + cut.error().describe()));
    REQUIRE_FALSE(cut.has_value());
    CHECK(cut.error().file == "cut.ttf");
  }
}

// glyph_for remembers its answers in slots shared by code points 4096 apart: every answer,
// asked twice and in any order, is HarfBuzz's own.
TEST_CASE("font_set: remembered glyphs are the cmap's, for code points that share a slot", "[text]") {
  for (const char* family : {"Noto Serif", "Noto Serif CJK SC"}) {
    auto face = installed_fonts().face(FaceRequest{family, false, false});
    REQUIRE(face.has_value());
    const Face& f = **face;
    std::size_t found = 0, missing = 0;
    for (int round = 0; round < 2; ++round)
      for (char32_t base : {U'A', U'é', U'中', U'。', char32_t{0x1F600}})
        for (char32_t k = 0; k < 4; ++k) {
          const char32_t cp = base + k * 4096;  // the same slot
          hb_codepoint_t g = 0;
          const unsigned want = hb_font_get_nominal_glyph(f.hb_font(), cp, &g) ? g : 0;
          CHECK(f.glyph_for(cp) == want);
          CHECK(f.covers(cp) == (want != 0));
          (want ? found : missing) += 1;
        }
    CHECK(found > 0);
    CHECK(missing > 0);
  }
}

// FontSet::face scores only the faces of the family asked for (font_set.cpp): its choice must
// be fontconfig's own best match over every installed font, style by style.
TEST_CASE("font_set: the face chosen is fontconfig's best match over all fonts", "[text]") {
  FcConfig* config = FcInitLoadConfigAndFonts();
  REQUIRE(config);
  std::size_t compared = 0;
  for (const char* family : {"Noto Serif", "Noto Sans", "Noto Sans Mono", "Noto Serif CJK SC",
                             "Noto Sans CJK JP", "Noto Serif CJK KR", "Noto Sans CJK TC"})
    for (const bool bold : {false, true})
      for (const bool italic : {false, true}) {
        auto face = installed_fonts().face(FaceRequest{family, bold, italic});
        REQUIRE(face.has_value());
        FcPattern* pattern = FcPatternCreate();
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcPattern* match = FcFontMatch(config, pattern, &result);
        REQUIRE(match);
        FcChar8* file = nullptr;
        int index = 0;
        REQUIRE(FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch);
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        INFO(family << (bold ? " bold" : "") << (italic ? " italic" : "") << ": " << file);
        CHECK((*face)->file == std::filesystem::path(reinterpret_cast<const char*>(file)));
        CHECK((*face)->index == static_cast<unsigned>(index));
        FcPatternDestroy(match);
        FcPatternDestroy(pattern);
        ++compared;
      }
  FcConfigDestroy(config);
  CHECK(compared == 28);
}
