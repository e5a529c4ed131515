// Tests for batch/input_guard.cpp: an output that is an input, under any name, is
// refused with both named; pictures found in the article; folders refused.
#include <catch2/catch.hpp>

#include <filesystem>

#include "batch/input_guard.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;
using leafpress::batch::InputGuard;
using leafpress::batch::Job;
using leafpress::test::read_bytes;
using leafpress::test::TempDir;
using leafpress::test::write_bytes;

TEST_CASE("input_guard: outputs over the article, its pictures, the layout or the data are refused",
          "[batch]") {
  TempDir dir;
  fs::create_directories(dir.path / "sub");
  const std::string png = read_bytes(fs::path(LEAFPRESS_SOURCE_DIR) / "tests/fuzz/corpus/image/rgb.png");
  write_bytes(dir.path / "p.png", png);
  write_bytes(dir.path / "cover.png", png);
  write_bytes(dir.path / "my.yaml", "name: x\n");
  write_bytes(dir.path / "d.csv", "id\n1\n");
  const std::string article =
      write_bytes(dir.path / "a.md", "---\ntitle: T\ncover_image: cover.png\n---\n# T\n\n![steps](p.png)\n");
  InputGuard guard;
  guard.add((dir.path / "d.csv").string(), "the data file d.csv");
  guard.add_job(Job{.article = article, .layout = (dir.path / "my.yaml").string()});
  const auto refused = [&](const fs::path& output) {
    auto s = guard.check_output(output.string(), "the PDF of a.md");
    return s ? std::string() : s.error().describe();
  };
  CHECK_THAT(refused(dir.path / "a.md"),
             Catch::Contains("the article") && Catch::Contains("would destroy it"));
  CHECK_THAT(refused(dir.path / "sub" / ".." / "p.png"), Catch::Contains("the picture"));
  CHECK_THAT(refused(dir.path / "cover.png"), Catch::Contains("the cover image"));
  CHECK_THAT(refused(dir.path / "my.yaml"), Catch::Contains("the layout"));
  CHECK_THAT(refused(dir.path / "d.csv"), Catch::Contains("the data file d.csv"));
  CHECK_THAT(refused(dir.path), Catch::Contains("is a folder"));
  CHECK(refused(dir.path / "a.pdf").empty());
  CHECK(refused("/dev/null").empty());  // written through, never replaced
}

// A manifest's checks read an article (InputGuard::article) before its first job is recorded:
// the job still records what the article names, and the article is not read again.
TEST_CASE("input_guard: an article read before its job is recorded with the job, read once", "[batch]") {
  TempDir dir;
  write_bytes(dir.path / "cover.png",
              read_bytes(fs::path(LEAFPRESS_SOURCE_DIR) / "tests/fuzz/corpus/image/rgb.png"));
  const std::string article =
      write_bytes(dir.path / "a.md", "---\ntitle: T\ncover_image: cover.png\n---\n# T\n");
  InputGuard guard;
  const auto read = guard.article(article);
  REQUIRE(read);
  CHECK(guard.check_output((dir.path / "cover.png").string(), "the PDF of a.md"));  // no job yet
  CHECK(guard.add_job(Job{.article = article}) == read);
  CHECK(guard.add_job(Job{.article = article}) == read);  // the next row's
  CHECK_FALSE(guard.check_output((dir.path / "cover.png").string(), "the PDF of a.md"));
  CHECK_FALSE(guard.check_output(article, "the PDF of a.md"));
  CHECK(guard.article((dir.path / "missing.md").string()) == nullptr);
  // Forgotten, the articles go; what they name stays recorded.
  guard.forget_articles();
  CHECK_FALSE(guard.check_output((dir.path / "cover.png").string(), "the PDF of a.md"));
}
