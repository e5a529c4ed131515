// cli/preview_command.cpp: `leafpress preview ARTICLE.md`: pictures of the PDF it builds.
//
// The PDF is built as `build` would (NAME.pdf in the output folder), then read back
// and rendered with poppler (render/), so the pictures show what prints: NAME-1.png,
// NAME-2.png... one per page, and for a folded leaflet NAME-folded.png, its panels
// in reading order (cover, the panels as the reader opens them, the back).
// Every picture is written like a PDF: to a temporary file, then renamed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "layout/template.hpp"
#include "render/folded_view.hpp"
#include "render/png_write.hpp"
#include "render/render_pdf.hpp"

namespace fs = std::filesystem;

namespace leafpress::cli {
namespace {

// Reading order of a folded leaflet's panels: the cover, then the body's panels in flow
// order, then the back (when the flow does not end there already).
std::vector<render::PanelCut> reading_order(const layout::Template& t) {
  std::vector<render::PanelCut> cuts;
  if (t.booklet || t.cover_style != layout::CoverStyle::Panel || t.cover_panel.empty()) return cuts;
  auto add = [&](const std::string& name) {
    for (std::size_t s = 0; s < t.sides.size(); ++s)
      for (const auto& p : t.sides[s].panels)
        if (p.name == name) {
          for (const auto& c : cuts)
            if (c.page == static_cast<int>(s) && c.x == p.x) return;
          cuts.push_back(render::PanelCut{static_cast<int>(s), p.x, p.width});
          return;
        }
  };
  add(t.cover_panel);
  for (const auto& name : t.flow) add(name);
  if (!t.back_panel.empty()) add(t.back_panel);
  return cuts;
}

}  // namespace

Result<std::vector<std::string>> write_previews(const std::string& pdf, const std::string& layout_file,
                                                const fs::path& dir, const std::string& stem, double dpi) {
  auto bytes = read_file(pdf, std::size_t{1} << 30);
  if (!bytes) return bytes.error();
  auto pages = render::render_pdf(*bytes, dpi);
  if (!pages) {
    Error e = pages.error();
    e.file = pdf;
    return e;
  }
  std::vector<std::string> written;
  auto write = [&](const render::Picture& picture, const std::string& name) -> Status {
    auto png = render::encode_png(picture, dpi);
    if (!png) return png.error();
    const std::string path = (dir / name).string();
    if (auto w = write_file_atomically(path, *png); !w) return w;
    written.push_back(path);
    return Ok{};
  };
  for (std::size_t i = 0; i < pages->size(); ++i)
    if (auto w = write((*pages)[i].picture, stem + "-" + std::to_string(i + 1) + ".png"); !w)
      return w.error();
  if (!layout_file.empty())
    if (auto t = layout::load_template(layout_file); t)
      if (const auto cuts = reading_order(*t); !cuts.empty())
        if (auto w = write(render::folded_view(*pages, cuts), stem + "-folded.png"); !w) return w.error();
  return written;
}

int run_preview(const PreviewRequest& request, const char* argv0) {
  if (!(request.dpi >= render::kMinDpi && request.dpi <= render::kMaxDpi)) {
    char dpi[32];
    std::snprintf(dpi, sizeof dpi, "%g", request.dpi);
    return usage_error(std::string("--dpi must be between 36 and 600, not ") + dpi);
  }
  batch::Job job{.article = request.article, .layout = request.layout, .sets = request.sets};
  if (auto s = set_print_options(job, request.standard, request.marks); !s)
    return usage_error(s.error().message);
  const fs::path dir = request.out_dir.empty() ? fs::path(".") : fs::path(request.out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) {
    return usage_error(dir.string() + ": cannot make the folder (-o names a folder for the pictures)");
  }
  const std::string stem = fs::path(request.article).stem().string();
  job.output = (dir / (stem + ".pdf")).string();
  const batch::Context& ctx = process_context(argv0);
  const auto outcome = batch::build_job(job, ctx, std::max(1u, std::thread::hardware_concurrency()) - 1);
  for (const auto& w : outcome.warnings) std::cerr << "warning: " << w << "\n";
  if (!outcome.ok) {
    std::cerr << "error: " << outcome.error.describe() << "\n";
    return 1;
  }
  std::cout << "wrote " << outcome.output << " (" << outcome.pages
            << (outcome.pages == 1 ? " page" : " pages") << ")\n";
  auto pictures = write_previews(outcome.output, outcome.inputs.empty() ? "" : outcome.inputs.front(), dir,
                                 stem, request.dpi);
  if (!pictures) {
    std::cerr << "error: " << pictures.error().describe() << "\n";
    return 1;
  }
  for (const auto& p : *pictures) std::cout << "wrote " << p << "\n";
  return 0;
}

}  // namespace leafpress::cli
