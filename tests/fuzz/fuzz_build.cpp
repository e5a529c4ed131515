// tests/fuzz/fuzz_build.cpp: a whole build, (layout, article) bytes → PDF bytes, in memory.
//
// Input: layout YAML, a line `===8<===`, then the article. Without that line
// the whole input is the article, on the project's trifold-a4 layout, so the
// Markdown corpus can seed this target too.
// Promise checked: no crash, no exception out of any stage (only batch/ may
// catch, and it only turns them into "internal error" lines), and a build that
// succeeds gives a complete PDF: it starts with %PDF- and ends with %%EOF.
#include <filesystem>
#include <memory>

#include "core/atomic_file.hpp"
#include "doc/document.hpp"
#include "layout/layout.hpp"
#include "layout/template.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/write.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/font_set.hpp"

using namespace leafpress;

namespace {

constexpr std::string_view kSeparator = "\n===8<===\n";

const text::FontSet& fonts() {
  static const text::FontSet set({std::filesystem::path(LEAFPRESS_SOURCE_DIR) / "fonts"});
  return set;
}

const std::string& default_layout() {
  static const std::string yaml =
      read_file(std::filesystem::path(LEAFPRESS_SOURCE_DIR) / "layouts" / "trifold-a4.yaml", 1 << 20).value();
  return yaml;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = fuzz::as_text(data, size);
  std::string_view layout_yaml = default_layout();
  if (const auto cut = input.find(kSeparator); cut != std::string_view::npos) {
    layout_yaml = input.substr(0, cut);
    input.remove_prefix(cut + kSeparator.size());
  }
  auto tmpl = layout::parse_template(layout_yaml, "fuzz.yaml");
  if (!tmpl) {
    fuzz::note(tmpl.error());
    return 0;
  }
  auto document = doc::parse_document(input, "fuzz.md");
  if (!document) {
    fuzz::note(document.error());
    return 0;
  }
  const bool proof = (size & 1) != 0;  // both with and without guides, chosen by the input
  auto model = layout::lay_out(*document, *tmpl, fonts(), layout::LayoutOptions{proof, true});
  if (!model) {
    fuzz::note(model.error());
    fuzz::fuzz_check(!model.error().message.empty(), "a layout Error without a message");
    return 0;
  }
  fuzz::fuzz_check(!model->pages.empty(), "a PageModel without pages");
  pdf::WriteOptions options;
  options.epoch = 0;  // the same input gives the same bytes
  options.standard = (size & 2) != 0 ? pdf::Standard::Print : pdf::Standard::None;
  auto pdf = pdf::write_pdf(*model, options);
  if (!pdf) {
    fuzz::note(pdf.error());
    fuzz::fuzz_check(!pdf.error().message.empty(), "a pdf Error without a message");
    return 0;
  }
  fuzz::fuzz_check(pdf->starts_with("%PDF-"), "a PDF that does not start with %PDF-");
  fuzz::fuzz_check(pdf->find("%%EOF", pdf->size() > 16 ? pdf->size() - 16 : 0) != std::string::npos,
                   "a PDF that does not end with %%EOF");
  return 0;
}
