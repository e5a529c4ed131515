// bench/compose_bench.cpp: paragraph composition time, and how it grows.
//
// Composes every paragraph of the seed article (fonts already loaded), then the
// same paragraphs repeated 50 times, then its longest paragraph made 50 times
// longer as one paragraph: Knuth-Plass must stay about linear in length. Every
// measurement composes afresh (a word of its own defeats the paragraph cache);
// one more line shows the article composed again from the cache.
#include <chrono>
#include <cstdio>

#include "doc/document.hpp"
#include "text/paragraph.hpp"

using namespace leafpress;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<text::TextSpan> spans_of(const doc::Block& b) {
  std::vector<text::TextSpan> out;
  for (const auto& s : b.spans) out.push_back({s.text, s.strong, s.emphasis, s.code, false});
  return out;
}

// text::compose keeps shaped and analysed paragraphs (text/paragraph.cpp): each call
// here gets a word of its own at the end, so that every measurement composes afresh.
std::vector<text::TextSpan> fresh(std::vector<text::TextSpan> spans) {
  static int counter = 0;
  spans.push_back({" " + std::to_string(++counter)});
  return spans;
}

double seconds_to_compose(const std::vector<std::vector<text::TextSpan>>& paragraphs,
                          const text::FontSet& fonts, std::size_t* lines, bool cached = false) {
  text::ParagraphStyle style;
  style.size = 9;
  style.lang = "zh-Hans";
  std::vector<std::vector<text::TextSpan>> input;
  for (const auto& p : paragraphs) input.push_back(cached ? p : fresh(p));
  const auto start = Clock::now();
  for (const auto& p : input) {
    auto composed = text::compose(p, style, 225, fonts);
    if (composed) *lines += composed->lines.size();
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main() {
  auto document = doc::load_document(std::string(LEAFPRESS_SOURCE_DIR) + "/content/stem-cell-therapy.md");
  if (!document) {
    std::fprintf(stderr, "%s\n", document.error().describe().c_str());
    return 1;
  }
  text::FontSet fonts;
  std::vector<std::vector<text::TextSpan>> seed;
  std::size_t longest = 0;
  for (const auto& b : document->blocks)
    if (b.kind == doc::BlockKind::Paragraph || b.kind == doc::BlockKind::ListItem) {
      seed.push_back(spans_of(b));
      if (b.plain_text().size() > seed[longest].front().text.size()) longest = seed.size() - 1;
    }
  std::size_t lines = 0;
  seconds_to_compose(seed, fonts, &lines);  // warm: faces, ICU, hyphenation dictionary
  lines = 0;
  const double once = seconds_to_compose(seed, fonts, &lines);
  std::printf("seed article: %zu paragraphs, %zu lines, %.2f ms\n", seed.size(), lines, once * 1e3);
  std::size_t again_lines = 0;
  seconds_to_compose(seed, fonts, &again_lines, true);
  const double again = seconds_to_compose(seed, fonts, &again_lines, true);
  std::printf("seed article again, same text (prepared paragraphs kept): %.2f ms\n", again * 1e3);

  std::vector<std::vector<text::TextSpan>> fifty;
  for (int i = 0; i < 50; ++i) fifty.insert(fifty.end(), seed.begin(), seed.end());
  lines = 0;
  const double times50 = seconds_to_compose(fifty, fonts, &lines);
  std::printf("50x the article: %zu lines, %.2f ms (%.1fx the time)\n", lines, times50 * 1e3, times50 / once);

  std::vector<text::TextSpan> one;
  for (int i = 0; i < 50; ++i) one.insert(one.end(), seed[longest].begin(), seed[longest].end());
  std::vector<std::vector<text::TextSpan>> single{seed[longest]}, long_one{one};
  std::size_t l1 = 0, l50 = 0;
  const double p1 = seconds_to_compose(single, fonts, &l1);
  const double p50 = seconds_to_compose(long_one, fonts, &l50);
  std::printf("longest paragraph: %zu lines %.3f ms; 50x as one paragraph: %zu lines %.2f ms (%.1fx)\n", l1,
              p1 * 1e3, l50, p50 * 1e3, p50 / p1);
  return 0;
}
