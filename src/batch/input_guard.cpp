#include "batch/input_guard.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/utf8.hpp"
#include "doc/document.hpp"

namespace leafpress::batch {
namespace fs = std::filesystem;

std::shared_ptr<const doc::Document> InputGuard::article(const std::string& path) {
  const auto [known, fresh] = articles_read_.try_emplace(path);
  if (fresh)
    if (auto loaded = doc::load_document(path))
      known->second = std::make_shared<const doc::Document>(std::move(loaded).value());
  return known->second;
}

std::shared_ptr<const doc::Document> InputGuard::add_job(const Job& job) {
  // Many rows, one article: recorded (and read) once.
  if (!articles_recorded_.insert(job.article).second) return article(job.article);
  inputs_.add(job.article, "the article " + job.article);
  if (job.layout.find('/') != std::string::npos || job.layout.ends_with(".yaml"))
    inputs_.add(job.layout, "the layout " + job.layout);
  if (job.fill_variables)
    if (auto logo = job.variables.find("clinic.logo"); logo != job.variables.end() && !logo->second.empty())
      inputs_.add(logo->second, "the logo " + logo->second);
  const auto document = article(job.article);
  if (!document) return nullptr;  // its build says what is wrong with it
  const auto& meta = document->meta;
  if (!meta.cover_image.empty())
    inputs_.add(meta.cover_image, "the cover image " + meta.cover_image + " of " + job.article);
  if (!meta.clinic.logo.empty())
    inputs_.add(meta.clinic.logo, "the logo " + meta.clinic.logo + " of " + job.article);
  if (meta.layout.find('/') != std::string::npos || meta.layout.ends_with(".yaml")) {
    // From the working folder or the article's: whichever the build resolves it from.
    inputs_.add(meta.layout, "the layout " + meta.layout + " of " + job.article);
    const fs::path beside = fs::path(job.article).parent_path() / meta.layout;
    inputs_.add(beside, "the layout " + beside.string() + " of " + job.article);
  }
  for (const auto& block : document->blocks)
    if (block.kind == doc::BlockKind::Image && !block.image.empty())
      inputs_.add(block.image, "the picture " + block.image + " of " + job.article);
  return document;
}

Status InputGuard::check_output(const std::string& output, const std::string& writer,
                                const OutputType* kind) const {
  if (output_kind(output) == OutputKind::Stream) return Ok{};  // written through, never replaced
  std::error_code ec;
  if (fs::is_directory(output, ec))
    return Error{
        output, 0, "is a folder; " + writer + " needs a file name",
        "name a file, e.g. " +
            (fs::path(output) / (kind ? kind->example : kPdfOutput.example)).lexically_normal().string()};
  if (const std::string* input = inputs_.find(output))
    return Error{output, 0, writer + " would destroy it: it is " + *input + ", which this run reads",
                 "write the output to another file"};
  if (kind && fs::is_regular_file(output, ec)) {
    std::string head(64, '\0');
    std::ifstream in(output, std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (!head.empty() && !head.starts_with(kind->magic)) {
      const std::size_t line_end = std::min(head.find_first_of("\r\n"), std::size_t{24});
      return Error{output, 0,
                   "is not " + std::string(kind->name) + " (it begins \"" +
                       printable(head.substr(0, line_end)) + "\"): " + writer + " would replace it",
                   "leafpress replaces only what it made: move the file away, or choose another output name"};
    }
  }
  return Ok{};
}

}  // namespace leafpress::batch
