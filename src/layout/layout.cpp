#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>

#include "layout/back_panel.hpp"
#include "layout/copy_fit.hpp"
#include "layout/cover.hpp"
#include "layout/impose.hpp"
#include "layout/marks.hpp"
#include "layout/place_blocks.hpp"
#include "layout/proof_guides.hpp"

namespace leafpress::layout {
namespace {

constexpr double kMaxImageShare = 0.45;  // a picture in the body: at most this share of a frame's height

// Every picture the article names, decoded once and shared by every trial size.
Status load_images(Scene& s) {
  auto load = [&](const std::string& path, int line, const std::string& what) -> Status {
    if (path.empty() || s.images.count(path)) return Ok{};
    auto raster = doc::load_image(path);
    if (!raster) {
      const Error& e = raster.error();
      return Error{s.doc.path, line, "cannot use " + what + " '" + path + "': " + e.message,
                   e.hint.empty() ? "use a PNG or JPEG file inside the article's folder" : e.hint};
    }
    s.images[path] = std::make_shared<const doc::Raster>(std::move(*raster));
    return Ok{};
  };
  for (const auto& b : s.doc.blocks) {
    if (b.kind != doc::BlockKind::Image) continue;
    if (b.image.empty())
      return Error{s.doc.path, b.line, "a picture without a file", "write ![caption](file.png)"};
    if (auto r = load(b.image, b.line, "the picture"); !r) return r;
  }
  if (auto r = load(s.doc.meta.cover_image, s.doc.meta.cover_image_line, "the cover image"); !r) return r;
  return load(s.doc.meta.clinic.logo, s.doc.meta.logo_line, "the clinic logo");
}

Error overflow_error(const Scene& s, const Trial& trial) {
  const Collected& c = trial.collection.blocks[*trial.flowed.overflow_element];
  const Template& t = s.t;
  const std::string lines = std::to_string(trial.flowed.lines_left);
  if (t.booklet)
    return Error{s.doc.path, c.source_line,
                 "the article does not fit layout '" + t.name + "' in " + std::to_string(kMaxPages) +
                     " pages: " + lines + " lines are left over, from section '" + c.section + "' on",
                 "split the article into two booklets"};
  const Pt smaller = std::floor(t.body_size_min * 0.9 * 4) / 4;
  return Error{
      s.doc.path, c.source_line,
      "the article does not fit layout '" + t.name + "' even at " +
          std::to_string(t.body_size_min).substr(0, 4) + " pt: " + lines +
          " lines are left over after the last panel (" + t.flow.back() + "), from section '" + c.section +
          "' on",
      "shorten the article, choose a larger layout (leafpress layouts), or set a smaller body size, e.g. "
      "--set body.size=" +
          std::to_string(smaller).substr(0, 4) + "pt"};
}

}  // namespace

Result<PageModel> lay_out(const doc::Document& document, const Template& tmpl, const text::FontSet& fonts,
                          const LayoutOptions& options) {
  Scene s{document, tmpl, fonts, document.meta.lang.empty() ? "en" : document.meta.lang, {}};
  if (auto r = load_images(s); !r) return r.error();

  // The cover and the clinic block do not depend on the body size: set them once, and keep their room.
  std::vector<std::string> warnings;
  auto cover = set_cover(s, warnings);
  if (!cover) return cover.error();
  const std::vector<PagePlan> plans = page_plans(tmpl);
  auto clinic = set_clinic(s, plans.front().footer, warnings);
  if (!clinic) return clinic.error();

  const Page geometry = blank_page(tmpl);
  const Pt frame_height = geometry.trim.height() - std::max(tmpl.margin_top, tmpl.safe_margin) -
                          std::max(tmpl.margin_bottom, tmpl.safe_margin) - cover->reserved - clinic->reserved;
  const bool cjk = text::is_cjk_language(s.lang);
  auto compose = [&](Pt size) {
    return collect_blocks(s, size, column_width(tmpl, size, cjk), frame_height * kMaxImageShare);
  };
  auto frames = [&](const PagePlan& plan, const Collection& c) {
    return make_frames(tmpl, plan, c.column, cover->reserved, clinic->reserved);
  };
  auto fit = copy_fit(tmpl.body_size_min, tmpl.body_size, plans, compose, frames);
  if (!fit) return fit.error();
  if (!fit->fits()) return overflow_error(s, *fit);

  PageModel model;
  model.title = document.meta.title;
  model.subtitle = document.meta.subtitle;
  model.author = document.meta.clinic.name.empty() ? document.meta.author : document.meta.clinic.name;
  model.lang = s.lang;
  model.keywords = document.meta.keywords;
  model.body_size = fit->collection.body;
  for (std::size_t i = 0; i < fit->plan.sides.size(); ++i) model.pages.push_back(geometry);
  place_blocks(model, s, fit->collection, fit->flowed, fit->frames);
  draw(model.pages[static_cast<std::size_t>(fit->plan.cover_page)], *cover);
  draw(model.pages[static_cast<std::size_t>(fit->plan.back_page)], *clinic);
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    add_crop_marks(model.pages[i], tmpl.mark_offset, tmpl.mark_length);
    add_fold_marks(model.pages[i], tmpl.sides[static_cast<std::size_t>(fit->plan.sides[i])], tmpl.mark_offset,
                   tmpl.mark_length);
  }
  model.warnings = std::move(warnings);
  model.warnings.insert(model.warnings.end(), fit->collection.warnings.begin(),
                        fit->collection.warnings.end());

  if (options.proof)
    if (auto r = add_proof_guides(model, tmpl, fonts, fit->plan.sides); !r) return r.error();
  if (tmpl.booklet && options.impose) return impose_saddle_stitch(std::move(model), tmpl);
  return model;
}

}  // namespace leafpress::layout
