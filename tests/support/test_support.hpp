// tests/support/test_support.hpp: helpers shared by the test files: a temporary
// folder, running a command and capturing what it prints, reading and writing
// whole files, the FontSets, and a few small checks used in more than one file.
#pragma once

#include <catch2/catch.hpp>

#include <malloc.h>
#include <sys/wait.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/units.hpp"
#include "core/utf8.hpp"
#include "text/font_set.hpp"

namespace leafpress::test {

// ---- Files and folders ----

// A fresh folder under the system temp dir (made by mkdtemp, so no other test
// shares it), removed with everything in it when the object dies.
struct TempDir {
  std::filesystem::path path;

  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "leafpress-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// The whole file, bytes intact; empty when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes `bytes` as the whole file (the test stops if it cannot); returns the path.
inline std::string write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
  return file.string();
}

// ---- Running tools ----

struct ToolResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command` through the shell; status is its exit code, -1 when it did not exit normally.
inline ToolResult run_tool(const std::string& command) {
  ToolResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

// The path as one shell word, in single quotes (a ' inside becomes '\'').
inline std::string shell_quoted(const std::filesystem::path& p) {
  std::string out = "'";
  for (const char c : p.string()) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// A box of one page from `pdfinfo -box`: "Page    1 TrimBox:     x0 y0 x1 y1".
inline std::array<double, 4> pdf_box(const std::string& pdf, int page, const std::string& name) {
  const auto out = run_tool("pdfinfo -box -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                            shell_quoted(pdf))
                       .output;
  INFO(out);
  std::smatch m;
  const std::regex re("Page\\s+" + std::to_string(page) + "\\s+" + name +
                      ":\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)");
  REQUIRE(std::regex_search(out, m, re));
  return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

// ---- Fonts (fontconfig's setup is slow: one FontSet of each kind per process) ----

// The installed fonts plus the project's fonts/ folder, as the CLI sees them.
inline const text::FontSet& project_fonts() {
  static const text::FontSet set({std::filesystem::path(LEAFPRESS_SOURCE_DIR) / "fonts"});
  return set;
}

// The installed fonts only.
inline const text::FontSet& installed_fonts() {
  static const text::FontSet set;
  return set;
}

// ---- Text and numbers ----

// The UTF-8 bytes of one code point.
inline std::string utf8(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

// The lists of text/break_opportunities.cpp (CLReq 3.1.7, JLReq appendix A).
inline constexpr std::u32string_view kNoStart =
    U"，。、；：？！）］｝〕〉》」』】〗〙〛’”｠»‼⁇⁈⁉・·,.:;!?)]}%‰℃°′″";
inline constexpr std::u32string_view kNoStartStrict =
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ー";
inline constexpr std::u32string_view kNoEnd = U"（［｛〔〈《「『【〖〘〚‘“｟«([{";

inline bool near(Pt a, Pt b, Pt tolerance = 1e-6) {
  return std::abs(a - b) < tolerance;
}

// ---- Memory ----

// Bytes malloc has handed out and not had back: small blocks and mmapped ones (mallinfo2).
inline double heap_in_use() {
  const auto m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd);
}

// Whether heap_in_use sees allocations: under AddressSanitizer its allocator replaces
// malloc's and mallinfo2 says nothing; a memory check is then skipped, with a warning.
// Anywhere else a heap that cannot be measured fails the test (the check must be able to fail).
inline const char* volatile heap_probe = nullptr;  // the probe's block escapes: it cannot be left out
inline bool heap_measurable() {
  const double before = heap_in_use();
  std::vector<char> block(std::size_t{4} << 20, 1);
  heap_probe = block.data();
  const bool seen = heap_in_use() - before >= static_cast<double>(std::size_t{4} << 20);
  heap_probe = nullptr;
#if defined(__SANITIZE_ADDRESS__)
  if (!seen) WARN("the heap cannot be measured under AddressSanitizer: memory not checked");
#else
  if (!seen) FAIL("mallinfo2 does not see a 4 MiB allocation: the heap cannot be measured");
#endif
  return seen;
}

}  // namespace leafpress::test
