// tests/fuzz/fuzz_markdown.cpp: article bytes (front matter + Markdown) → Document.
//
// Promise checked (doc/document.hpp): parse_document never crashes, returns an
// Error with a message or a Document whose blocks all lie on a line of the file
// and nest no deeper than kMaxDepth.
#include <algorithm>

#include "doc/document.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace leafpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  const auto document = doc::parse_document(bytes, "fuzz.md");
  if (!document) {
    fuzz::note(document.error());
    fuzz::fuzz_check(!document.error().message.empty(), "an Error without a message");
    fuzz::fuzz_check(document.error().file == "fuzz.md", "an Error that does not name the article");
    return 0;
  }
  fuzz::fuzz_check(!document->blocks.empty(), "a Document without blocks");
  const auto lines = static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n') +
                                      std::count(bytes.begin(), bytes.end(), '\r') + 1);
  for (const auto& block : document->blocks) {
    fuzz::fuzz_check(block.line >= 1 && block.line <= lines, "a block on a line the file does not have");
    fuzz::fuzz_check(block.depth + block.quote_depth <= doc::kMaxDepth, "nesting deeper than kMaxDepth");
  }
  return 0;
}
