// End to end, the tools a clinic uses every day: preview pictures, watch, brand
// colours in hex, pages for a desktop printer. Real PDFs, read back with qpdf,
// pdfinfo and libpng (through doc::load_image).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <regex>

#include "color/convert.hpp"
#include "doc/image.hpp"
#include "tests/support/e2e_support.hpp"

using namespace leafpress::test;

namespace fs = std::filesystem;

namespace {

std::string article(const std::string& front_matter, const std::string& body) {
  return "---\n" + front_matter + "---\n\n" + body;
}

const std::string kBody =
    "# Hand washing\n\nWash your hands with soap for twenty seconds, before meals and after the toilet.\n\n"
    "## When\n\nBefore you eat, after you cough, after the bus.\n";

// The page content streams of a PDF, uncompressed (qpdf --qdf).
std::string content_of(const std::string& pdf) {
  const auto qdf = pdf + ".qdf";
  REQUIRE(
      run_tool("qpdf --qdf --object-streams=disable " + shell_quoted(pdf) + " " + shell_quoted(qdf)).status ==
      0);
  return read_bytes(qdf);
}

std::string percent_text(double v) {  // as pdf/number.cpp writes 0..1: up to 3 decimals
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("daily: --standard none writes pages at the trim size, without bleed or marks", "[e2e][daily]") {
  TempDir dir;
  const auto none = (dir.path / "none.pdf").string();
  const auto r =
      run_tool(kBinary + " build " + shell_quoted(kSeed) + " --standard none -o " + shell_quoted(none));
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto media = pdf_box(none, 1, "MediaBox");
  const auto trim = pdf_box(none, 1, "TrimBox");
  const auto bleed = pdf_box(none, 1, "BleedBox");
  CHECK(media == trim);
  CHECK(bleed == trim);
  CHECK(media[2] == Approx(841.89).margin(0.01));  // A4 landscape: 297 x 210 mm
  CHECK(media[3] == Approx(595.28).margin(0.01));
  // Crop and fold marks are drawn in the registration colour: none here, but in the print file.
  CHECK(content_of(none).find("/All0 CS") == std::string::npos);
  const auto print = (dir.path / "print.pdf").string();
  REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(print)).status == 0);
  CHECK(content_of(print).find("/All0 CS") != std::string::npos);
  CHECK(pdf_box(print, 1, "MediaBox")[2] > 900);

  SECTION("--marks none for print, --marks all for none") {
    const auto cut = (dir.path / "cut.pdf").string();
    REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " --marks none -o " + shell_quoted(cut))
                .status == 0);
    CHECK(pdf_box(cut, 2, "MediaBox") == pdf_box(cut, 2, "TrimBox"));
    CHECK(content_of(cut).find("/All0 CS") == std::string::npos);
    const auto marked = (dir.path / "marked.pdf").string();
    REQUIRE(run_tool(kBinary + " build " + shell_quoted(kSeed) + " --standard none --marks all -o " +
                     shell_quoted(marked))
                .status == 0);
    CHECK(pdf_box(marked, 1, "MediaBox")[2] > 900);
    CHECK(run_tool(kBinary + " build " + shell_quoted(kSeed) + " --marks some -o " + shell_quoted(marked))
              .status == 2);
  }
}

TEST_CASE("daily: a hex brand colour lands as its FOGRA39 CMYK in print and exactly in archive",
          "[e2e][daily]") {
  TempDir dir;
  // Unquoted, as people type it: YAML would read `#0E7C7B` as a comment.
  const auto md = write_bytes(dir.path / "a.md", article("title: Hands\naccent: #0E7C7B\n", kBody));
  const auto print = (dir.path / "print.pdf").string();
  auto r = run_tool(kBinary + " build " + shell_quoted(md) + " -o " + shell_quoted(print));
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto cmyk = leafpress::color::srgb_to_print_cmyk(14 / 255.0, 124 / 255.0, 123 / 255.0);
  REQUIRE(cmyk);
  const std::string fill = percent_text((*cmyk)[0]) + " " + percent_text((*cmyk)[1]) + " " +
                           percent_text((*cmyk)[2]) + " " + percent_text((*cmyk)[3]) + " k";
  INFO(fill);
  const auto stream = content_of(print);
  CHECK(stream.find(fill) != std::string::npos);
  CHECK(stream.find(" rg\n") == std::string::npos);  // PDF/X-1a: no RGB anywhere
  // The layout's own blue (100,45,0,10) is gone: the article's accent replaced it.
  CHECK(stream.find("1 0.45 0 0.1 k") == std::string::npos);

  const auto archive = (dir.path / "archive.pdf").string();
  r = run_tool(kBinary + " build " + shell_quoted(md) + " --standard archive -o " + shell_quoted(archive));
  REQUIRE(r.status == 0);
  CHECK(content_of(archive).find("0.055 0.486 0.482 rg") != std::string::npos);  // 14/255, 124/255, 123/255

  // --set overrides the front matter; a wrong colour names the key and shows the forms.
  r = run_tool(kBinary + " build " + shell_quoted(md) + " --set 'heading.color=cmyk(0,100,0,0)' -o " +
               shell_quoted(print));
  REQUIRE(r.status == 0);
  CHECK(content_of(print).find("0 1 0 0 k") != std::string::npos);
  const auto bad = write_bytes(dir.path / "b.md", article("title: Hands\naccent: teal blue\n", kBody));
  r = run_tool(kBinary + " build " + shell_quoted(bad) + " -o " + shell_quoted(print));
  CHECK(r.status == 1);
  CHECK(r.output.find("b.md:3: front matter key `accent`") != std::string::npos);
  CHECK(r.output.find("rgb(14, 124, 123)") != std::string::npos);
}

TEST_CASE("daily: preview writes a PNG of every page and a folded view, from the PDF it builds",
          "[e2e][daily]") {
  TempDir dir;
  const auto out = dir.path / "preview";
  const auto r = run_tool(kBinary + " preview " + shell_quoted(kSeed) + " -o " + shell_quoted(out) +
                          " --dpi 72 --standard none --set heading.color=#0E7C7B");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(fs::exists(out / "stem-cell-therapy.pdf"));
  for (const char* name : {"stem-cell-therapy-1.png", "stem-cell-therapy-2.png"}) {
    const auto page = leafpress::doc::load_image(out / name);
    REQUIRE(page);
    // A4 landscape at the trim (--standard none) at 72 dpi: 842 x 595 pixels.
    CHECK(page->width == 842);
    CHECK(page->height == 595);
  }
  const auto cover = leafpress::doc::load_image(out / "stem-cell-therapy-1.png");
  REQUIRE(cover);
  // The cover band: the top of the right-hand panel (x 197-297 mm), in the accent colour, exactly as given.
  const int x = static_cast<int>(247 / 25.4 * 72), y = static_cast<int>(5 / 25.4 * 72);
  const std::size_t i = (static_cast<std::size_t>(y) * cover->width + x) * 3;
  CHECK(std::abs(cover->pixels[i] - 14) <= 3);
  CHECK(std::abs(cover->pixels[i + 1] - 124) <= 3);
  CHECK(std::abs(cover->pixels[i + 2] - 123) <= 3);
  // The folded view: six panels of the tri-fold side by side, the cover first.
  const auto folded = leafpress::doc::load_image(out / "stem-cell-therapy-folded.png");
  REQUIRE(folded);
  CHECK(folded->width > 6 * 270);
  CHECK(folded->width < 7 * 290);
  const int gap = static_cast<int>(std::lround(0.12 * 72));
  const std::size_t j = (static_cast<std::size_t>(gap + 5) * folded->width + gap + 20) * 3;
  CHECK(std::abs(folded->pixels[j + 1] - 124) <= 3);  // the cover's band, top left of the picture

  // build refuses a picture name and points to preview.
  const auto refused =
      run_tool(kBinary + " build " + shell_quoted(kSeed) + " -o " + shell_quoted(dir.path / "x.png"));
  CHECK(refused.status == 2);
  CHECK(refused.output.find("leafpress preview") != std::string::npos);
  CHECK(!fs::exists(dir.path / "x.png"));
}

namespace {

// A running `leafpress watch`: its output read line by line, stopped with SIGTERM.
struct Watch {
  pid_t pid = -1;
  int out = -1;
  std::string pending;

  Watch(const std::vector<std::string>& args, const fs::path& cwd) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    REQUIRE(::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    out = pipe_fds[0];
  }
  ~Watch() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
    if (out >= 0) ::close(out);
  }

  // The next line it prints; "" when it prints none within a minute (a hung watch fails, never hangs the
  // suite).
  std::string line() {
    while (pending.find('\n') == std::string::npos) {
      pollfd p{out, POLLIN, 0};
      if (::poll(&p, 1, 60000) <= 0) return "";
      char buf[4096];
      const ssize_t n = ::read(out, buf, sizeof buf);
      if (n <= 0) return "";
      pending.append(buf, static_cast<std::size_t>(n));
    }
    const auto nl = pending.find('\n');
    std::string l = pending.substr(0, nl);
    pending.erase(0, nl + 1);
    // The short test article draws copy-fit's "fills 1 of 5 panels" warning on every build;
    // this test reads what watch itself says.
    if (l.find("suits a text this short") != std::string::npos) return line();
    return l;
  }

  int stop() {
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

// Saves as editors do: a new file renamed over the old one.
void save_by_rename(const fs::path& file, const std::string& text) {
  write_bytes(file.string() + ".swp", text);
  fs::rename(file.string() + ".swp", file);
}

}  // namespace

TEST_CASE("daily: watch rebuilds once per save, survives a broken edit and stops on SIGTERM",
          "[e2e][daily]") {
  TempDir dir;
  const auto md = dir.path / "a.md";
  write_bytes(md, article("title: Hands\n", kBody));
  Watch watch({kBinary, "watch", "a.md", "--standard", "none"}, dir.path);
  const auto first = watch.line();
  INFO(first);
  REQUIRE(first.find("built a.pdf") != std::string::npos);
  REQUIRE(watch.line().find("watching 2 files") != std::string::npos);  // the article and its layout
  const auto good = read_bytes(dir.path / "a.pdf");
  REQUIRE(good.size() > 1000);

  // One save (write + rename + the editor's chmod) is one rebuild: the next line after the
  // broken save below must be its error, not a second build of this one.
  save_by_rename(md, article("title: Hands, again\n", kBody));
  fs::permissions(md, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto second = watch.line();
  INFO(second);
  CHECK(second.find("built a.pdf") != std::string::npos);
  const auto rebuilt = read_bytes(dir.path / "a.pdf");
  CHECK(rebuilt != good);

  write_bytes(md, "---\ntitle: [unclosed\n---\n\n# x\n");  // saved in place this time
  const auto third = watch.line();
  INFO(third);
  CHECK(third.find("error: a.md:") != std::string::npos);
  CHECK(third.find("last good PDF is kept") != std::string::npos);
  CHECK(read_bytes(dir.path / "a.pdf") == rebuilt);

  save_by_rename(md, article("title: Hands, fixed\n", kBody));
  CHECK(watch.line().find("built a.pdf") != std::string::npos);
  CHECK(watch.stop() == 0);
}

TEST_CASE("daily: layouts by name from a layouts/ folder beside the article, and LEAFPRESS_LAYOUTS",
          "[e2e][daily]") {
  TempDir dir;
  fs::create_directories(dir.path / "texts/layouts");
  auto yaml = read_bytes(kSource / "layouts/trifold-a4.yaml");
  yaml = std::regex_replace(yaml, std::regex("name: trifold-a4"), "name: clinic-fold");
  yaml = std::regex_replace(yaml, std::regex("description: [^\n]*"), "description: Riverside's own tri-fold");
  write_bytes(dir.path / "texts/layouts/clinic-fold.yaml", yaml);
  const auto md = write_bytes(dir.path / "texts/a.md", article("title: Hands\nlayout: clinic-fold\n", kBody));
  // Built from another working folder: the front matter's layout is found from the article's folder.
  const auto pdf = (dir.path / "a.pdf").string();
  auto r = run_tool("cd / && " + kBinary + " build " + shell_quoted(md) + " -o " + shell_quoted(pdf));
  INFO(r.output);
  CHECK(r.status == 0);
  r = run_tool(kBinary + " layouts " + shell_quoted(md));
  CHECK(r.output.find("clinic-fold      Riverside's own tri-fold") != std::string::npos);
  CHECK(r.output.find("trifold-a4") != std::string::npos);
  r = run_tool("LEAFPRESS_LAYOUTS=" + shell_quoted(dir.path / "texts/layouts") + " " + kBinary + " layouts");
  CHECK(r.output.find("clinic-fold") != std::string::npos);
  // An article may name only a layout file, inside its folder or a layouts folder.
  for (const std::string bad : {"../../../../etc/passwd", "../outside.yaml", "/etc/hostname"}) {
    const auto b = write_bytes(dir.path / "texts/b.md", article("layout: " + bad + "\n", kBody));
    r = run_tool(kBinary + " build " + shell_quoted(b) + " -o " + shell_quoted(pdf));
    INFO(bad << "\n" << r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("b.md:2: front matter key `layout`") != std::string::npos);
  }
}

TEST_CASE(
    "daily: batch --dry-run lists every PDF with its values, skips blank CSV rows, and "
    "per-language values follow the article's lang",
    "[e2e][daily]") {
  TempDir dir;
  write_bytes(dir.path / "a.en.md",
              article("title: Flu shots\nlang: en\nclinic: {name: \"{{clinic.name}}\"}\n",
                      kBody + "\nCall {{clinic.name}}.\n"));
  write_bytes(dir.path / "a.zh.md",
              article("title: 流感疫苗\nlang: zh-Hans\nclinic: {name: \"{{clinic.name}}\"}\n",
                      "# 流感疫苗\n\n请致电{{clinic.name}}。\n"));
  write_bytes(
      dir.path / "clinics.csv",
      "clinic.id,clinic.name,clinic.name.zh-Hans\nriver,Riverside Clinic,河畔诊所\n,,\n\"\",\"\",\"\"\n");
  const auto manifest = write_bytes(dir.path / "m.yaml",
                                    "jobs:\n  - name: flu\n    articles: a.*.md\n    data: clinics.csv\n"
                                    "    output: out/{{clinic.id}}/{{article}}.pdf\n");
  auto r = run_tool(kBinary + " batch " + shell_quoted(manifest) + " --dry-run");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("out/river/a.en.pdf") != std::string::npos);
  CHECK(r.output.find("out/river/a.zh.pdf") != std::string::npos);
  CHECK(r.output.find("clinic.name = 河畔诊所") != std::string::npos);
  CHECK(r.output.find("clinic.name = Riverside Clinic") != std::string::npos);
  CHECK(r.output.find("2 PDFs would be built") != std::string::npos);  // the blank rows are no PDFs
  CHECK(!fs::exists(dir.path / "out"));
  r = run_tool(kBinary + " batch " + shell_quoted(manifest));
  REQUIRE(r.status == 0);
  const auto zh = run_tool("pdftotext " + shell_quoted(dir.path / "out/river/a.zh.pdf") + " -");
  CHECK(zh.output.find("河畔诊所") != std::string::npos);
  const auto en = run_tool("pdftotext " + shell_quoted(dir.path / "out/river/a.en.pdf") + " -");
  CHECK(en.output.find("Riverside Clinic") != std::string::npos);
  CHECK(en.output.find("河畔诊所") == std::string::npos);
}

TEST_CASE("daily: fonts by name, checked against the article's characters, and leafpress fonts lists them",
          "[e2e][daily]") {
  TempDir dir;
  const auto md = write_bytes(dir.path / "a.md", article("title: Hands\nfonts: {serif: DejaVu Sans Mono}\n",
                                                         kBody + "\nŁódź ąę, ꙮ and 中文.\n"));
  const auto pdf = (dir.path / "a.pdf").string();
  auto r = run_tool(kBinary + " fonts");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("Japanese (ja):") != std::string::npos);
  CHECK(r.output.find("  Noto Serif CJK JP") != std::string::npos);
  CHECK(r.output.find("  Noto Serif\n") != std::string::npos);
  r = run_tool(kBinary + " build " + shell_quoted(md) + " -o " + shell_quoted(pdf) +
               " --set 'fonts.sans=Nosuch Sans'");
  CHECK(r.status == 1);
  CHECK(r.output.find("fonts.sans 'Nosuch Sans'") != std::string::npos);
  r = run_tool(kBinary + " build " + shell_quoted(md) + " -o " + shell_quoted(pdf));
  CHECK(r.status == 0);
  CHECK(r.output.find("fonts.serif 'DejaVu Sans Mono' lacks 1 character the article uses: ꙮ") !=
        std::string::npos);
  const auto fonts = run_tool("pdffonts " + shell_quoted(pdf));
  CHECK(fonts.output.find("DejaVuSansMono") != std::string::npos);
  CHECK(fonts.output.find("NotoSerifCJK") != std::string::npos);
}
