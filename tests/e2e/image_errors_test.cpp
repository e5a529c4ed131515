// End to end: every way a picture can be wrong gives one clear error naming the
// article, the line and what to do, and no PDF (and no half-written file).
#include <catch2/catch.hpp>

#include <png.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace fs = std::filesystem;

namespace {

// A 2 x 2 grey PNG, written by libpng's simplified API.
std::string tiny_png() {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = 2;
  image.height = 2;
  image.format = PNG_FORMAT_GRAY;
  const unsigned char pixels[4] = {0, 80, 160, 255};
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_get_memory_size(image, size, 0, pixels, 0, nullptr) != 0);
  std::string out(size, '\0');
  REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, pixels, 0, nullptr) != 0);
  out.resize(size);
  return out;
}

struct Case {
  std::string name;
  std::string reference;  // as written in the article
  std::string expect;     // in the message
};

// The article, with the picture alone on line 8.
std::string article_with(const std::string& reference) {
  return "---\ntitle: Hand washing\nlang: en\n---\n\nWash your hands often.\n\n![Soap and water](" +
         reference + ")\n\nDry them well.\n";
}

}  // namespace

TEST_CASE("image errors: the tiny PNG fixture builds into a screen PDF, with a warning", "[e2e]") {
  TempDir dir;
  write_bytes(dir.path / "soap.png", tiny_png());
  const std::string article = write_bytes(dir.path / "hands.md", article_with("soap.png"));
  const std::string pdf = (dir.path / "hands.pdf").string();
  const auto r =
      run_tool(kBinary + " build " + shell_quoted(article) + " --standard none -o " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(fs::exists(pdf));
  // A few pixels across a column: the warning names the article line and the picture.
  CHECK(std::regex_search(
      r.output,
      std::regex(
          R"(warning: \S*hands\.md:8: the picture '\S*soap\.png' prints at \d+ ppi, less than 150 ppi)")));
}

TEST_CASE("image errors: soft pictures are warned about in the article's order, the same every run", "[e2e]") {
  // Ordered by where the pictures sat in memory, the warnings came in the order the pictures'
  // names sort or in reverse, or either way from run to run (lines 16, 12, 8 for this article).
  TempDir dir;
  for (const char* name : {"a.png", "b.png", "c.png", "cover.png"}) write_bytes(dir.path / name, tiny_png());
  const std::string article = write_bytes(dir.path / "hands.md",
                                          "---\ntitle: Hand washing\nlang: en\ncover_image: cover.png\n---\n\n"
                                          "Wet your hands.\n\n![Water](c.png)\n\n"
                                          "Soap them well.\n\n![Soap](a.png)\n\n"
                                          "Dry them.\n\n![A towel](b.png)\n");
  const std::string pdf = (dir.path / "hands.pdf").string();
  const std::vector<std::string> expected{"hands.md:4: the picture 'cover.png'", "hands.md:9: the picture 'c.png'",
                                          "hands.md:13: the picture 'a.png'", "hands.md:17: the picture 'b.png'"};
  for (int run = 0; run < 4; ++run) {
    const auto r =
        run_tool(kBinary + " build " + shell_quoted(article) + " --standard none -o " + shell_quoted(pdf));
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::vector<std::string> soft;  // the warning lines alone: stdout's "wrote …" may come anywhere
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("warning: ") && line.find(" ppi, less than 150 ppi") != std::string::npos)
        soft.push_back(line.substr(line.find("hands.md:"), line.find("' prints") + 1 - line.find("hands.md:")));
    CHECK(soft == expected);
  }
}

TEST_CASE("image errors: print refuses a picture coarser than 72 ppi, naming the article line", "[e2e]") {
  TempDir dir;
  write_bytes(dir.path / "soap.png", tiny_png());
  const std::string article = write_bytes(dir.path / "hands.md", article_with("soap.png"));
  const std::string pdf = (dir.path / "hands.pdf").string();
  const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK_FALSE(fs::exists(pdf));
  CHECK(std::regex_search(
      r.output,
      std::regex(
          R"(error: \S*hands\.md:8: the picture '\S*soap\.png' prints at \d+ ppi, less than the 72 ppi print needs)")));
}

TEST_CASE("image errors: one clear error with article and line, and no PDF", "[e2e]") {
  TempDir dir;
  const fs::path folder = dir.path / "leaflet";
  fs::create_directories(folder);
  write_bytes(dir.path / "elsewhere.png", tiny_png());
  write_bytes(folder / "notes.png", "these are notes, not a picture");
  write_bytes(folder / "cut.png", tiny_png().substr(0, 40));
  write_bytes(folder / "photo.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
  fs::create_symlink(dir.path / "elsewhere.png", folder / "link.png");

  const Case cases[] = {
      {"missing", "soap.png", "not found"},
      {"not an image", "notes.png", "not a PNG or JPEG image"},
      {"truncated PNG", "cut.png", "damaged"},
      {"corrupt JPEG", "photo.jpg", "damaged"},
      {"outside with ..", "../elsewhere.png", "outside the article's folder"},
      {"absolute path elsewhere", (dir.path / "elsewhere.png").string(), "outside the article's folder"},
      {"symlink pointing out", "link.png", "outside the article's folder"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string article = write_bytes(folder / "hands.md", article_with(c.reference));
    const std::string pdf = (folder / "hands.pdf").string();
    const auto r = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
    INFO(r.output);
    CHECK(r.status != 0);
    CHECK(r.output.find(article + ":8:") != std::string::npos);  // the article and the picture's line
    CHECK(r.output.find(c.expect) != std::string::npos);
    CHECK(r.output.find('(') != std::string::npos);  // a hint: what to do
    CHECK_FALSE(fs::exists(pdf));
    for (const auto& entry : fs::directory_iterator(folder))  // no temporary file left behind
      CHECK(entry.path().extension() != ".tmp");
  }
}

TEST_CASE("image errors: a bad cover image or logo names its front-matter line", "[e2e]") {
  TempDir dir;
  const std::string article =
      write_bytes(dir.path / "hands.md",
                  "---\ntitle: Hand washing\ncover_image: ../cover.jpg\n---\n\nWash your hands often.\n");
  const std::string pdf = (dir.path / "hands.pdf").string();
  auto r = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status != 0);
  CHECK(r.output.find(article + ":3:") != std::string::npos);
  CHECK_FALSE(fs::exists(pdf));

  write_bytes(dir.path / "hands.md",
              "---\ntitle: Hand washing\nclinic:\n  name: Harbour\n  logo: logo.png\n---\n\nWash.\n");
  r = run_tool(kBinary + " build " + shell_quoted(article) + " -o " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status != 0);
  CHECK(r.output.find(article + ":5:") != std::string::npos);
  CHECK(r.output.find("'logo.png' not found") != std::string::npos);
  CHECK_FALSE(fs::exists(pdf));
}
