#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "layout/back_panel.hpp"
#include "layout/body_setting.hpp"
#include "layout/column_ends.hpp"
#include "layout/copy_fit.hpp"
#include "layout/cover.hpp"
#include "layout/folios.hpp"
#include "layout/hyphen_budget.hpp"
#include "layout/impose.hpp"
#include "layout/marks.hpp"
#include "layout/office_pages.hpp"
#include "layout/place_blocks.hpp"
#include "layout/proof_guides.hpp"
#include "layout/structure.hpp"

namespace leafpress::layout {
namespace {

// The PDF's Author (ISO 32000-1 14.3.3; dc:creator in the XMP): who wrote the leaflet, the front
// matter's author (often the clinic's team: "Headache Clinic, Northfield General Hospital"); the
// clinic's name where it gives none or the name says more ("仁愛聯合診所風濕免疫科" for "仁愛聯合診所").
std::string pdf_author(const doc::FrontMatter& meta) {
  const std::string author = doc::one_line(meta.author), clinic = doc::one_line(meta.clinic.name);
  const bool said = !author.empty() && clinic.find(author) != std::string::npos;
  return author.empty() || said ? clinic : author;
}

constexpr double kMaxImageShare = 0.45;  // a picture in the body: at most this share of a frame's height
constexpr std::size_t kMinBlocksForHelper = 8;  // a shorter article is not worth a thread
constexpr double kMinColumnEms = 6;             // the narrowest column worth setting text in, in body ems

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
    if (b.kind != doc::BlockKind::Image || !b.qr.empty()) continue;  // a QR code is drawn, not loaded
    if (b.image.empty())
      return Error{s.doc.path, b.line, "a picture without a file", "write ![caption](file.png)"};
    if (auto r = load(b.image, b.line, "the picture"); !r) return r;
  }
  if (auto r = load(s.doc.meta.cover_image, s.doc.meta.cover_image_line, "the cover image"); !r) return r;
  return load(s.doc.meta.clinic.logo, s.doc.meta.logo_line, "the clinic logo");
}

// A picture printed coarser than this looks soft (prepress convention: 300 ppi is
// full detail, 150 the least for a photograph); coarser than kMinPrintPpi it is
// refused for print (pdf/preflight.hpp).
constexpr double kSoftPpi = 150;

// Names every picture with the article line that asked for it, and warns about each one
// printed coarser than kSoftPpi, once per picture and line.
void name_pictures(PageModel& model, const Scene& s) {
  std::map<const doc::Raster*, int> lines;
  auto note = [&](const std::string& path, int line) {
    if (const auto it = s.images.find(path); it != s.images.end() && it->second)
      lines.emplace(it->second.get(), line);
  };
  note(s.doc.meta.cover_image, s.doc.meta.cover_image_line);
  note(s.doc.meta.clinic.logo, s.doc.meta.logo_line);
  for (const auto& b : s.doc.blocks)
    if (b.kind == doc::BlockKind::Image) note(b.image, b.line);
  std::map<const doc::Raster*, double> coarsest;  // ppi at the largest size each is drawn
  for (auto& page : model.pages)
    for (auto& image : page.images) {
      if (!image.raster) continue;
      image.article = s.doc.path;
      if (const auto it = lines.find(image.raster.get()); it != lines.end()) image.line = it->second;
      if (image.rect.width() <= 0) continue;
      const double ppi = image.raster->width / (image.rect.width() / 72);
      auto [it, fresh] = coarsest.emplace(image.raster.get(), ppi);
      if (!fresh) it->second = std::min(it->second, ppi);
    }
  // In the article's order: the map's order is the pictures' addresses, which change from run
  // to run, and a report that reorders itself between two builds of one file reads as a change.
  struct Soft {
    int line;
    std::string name;
    double ppi;
  };
  std::vector<Soft> soft;
  for (const auto& [raster, ppi] : coarsest) {
    if (ppi >= kSoftPpi) continue;
    const auto line = lines.find(raster);
    soft.push_back(
        {line == lines.end() ? 0 : line->second, doc::shown_path(raster->source, s.doc.path), ppi});
  }
  std::ranges::sort(
      soft, [](const Soft& a, const Soft& b) { return std::tie(a.line, a.name) < std::tie(b.line, b.name); });
  for (const Soft& p : soft) {
    char what[96];
    std::snprintf(what, sizeof what, "prints at %.0f ppi, less than %.0f ppi: it will look soft", p.ppi,
                  kSoftPpi);
    model.warnings.push_back(s.doc.path + ":" + std::to_string(p.line) + ": the picture '" + p.name + "' " +
                             what + " (use one with more pixels, or print it smaller)");
  }
}

// The style colours and where they were set, for messages about their ink (pdf/preflight.hpp).
std::vector<ColorSource> color_sources(const Template& t) {
  auto source = [&](const Cmyk& color, const std::string& key) {
    const auto it = t.origins.find(key);
    return it == t.origins.end() ? ColorSource{color, t.path, 0, key}
                                 : ColorSource{color, it->second.file, it->second.line, it->second.key};
  };
  std::vector<ColorSource> out{source(t.text_color, "styles.body.color"),
                               source(t.accent, "styles.heading.color")};
  for (int depth = 1; depth <= kDarkerQuoteLevels; ++depth)
    out.push_back(source(quote_tint(t.quote_tint, depth), "styles.quote.tint"));
  return out;
}

// 9, 9.25, 10.5: a size as the user writes it.
std::string points(Pt size) {
  char text[16];
  std::snprintf(text, sizeof text, "%g", std::round(size * 100) / 100);
  return text;
}

Error overflow_error(const Scene& s, const Trial& trial) {
  const Collected& c = trial.collection.blocks[*trial.flowed.overflow_element];
  const Template& t = s.t;
  const std::size_t n = trial.flowed.lines_left;
  const std::string lines = std::to_string(n) + (n == 1 ? " line is left over" : " lines are left over");
  // An article without headings has no section to name: the line says where.
  const std::string from = c.section.empty() ? "" : ", from section '" + c.section + "' on";
  if (t.booklet)
    return Error{s.doc.path, c.source_line,
                 "the article does not fit layout '" + t.name + "' in " + std::to_string(kMaxPages) +
                     " pages: " + lines + from,
                 "split the article into two booklets"};
  if (t.pages_max > 0) {
    const std::string sides = std::to_string(t.pages_max) + (t.pages_max == 1 ? " side" : " sides");
    return Error{s.doc.path, c.source_line,
                 "the article does not fit layout '" + t.name + "' on " + sides + " (pages.max) even at " +
                     points(t.body_size_min) + " pt: " + lines + from,
                 "shorten the article, or allow more pages (pages.max)"};
  }
  // A size 10 % smaller, but not under the layout's own smallest where that is smaller still than
  // the size tried (a reviewer's fixed 9.5 pt was told to try 8.5 pt, under the layout's 9 pt).
  Pt smaller = std::floor(t.body_size_min * 0.9 * 4) / 4;
  if (t.layout_size_min < t.body_size_min) smaller = std::max(smaller, t.layout_size_min);
  // A fixed size (--set body.size, or a layout of one size) was tried at that size alone, not "even" there.
  const bool fixed = t.body_size == t.body_size_min;
  const bool set_above_range = fixed && t.body_size_min > t.layout_size_min;
  return Error{
      s.doc.path, c.source_line,
      "the article does not fit layout '" + t.name + "'" + (fixed ? " at " : " even at ") +
          points(t.body_size_min) + " pt: " + lines + " after the last panel (" + t.flow.back() + ")" + from,
      std::string(set_above_range ? "leave out --set body.size to let leafpress choose the size, " : "") +
          "shorten the article, choose a larger layout (leafpress layouts), or set a smaller body "
          "size, e.g. --set body.size=" +
          points(smaller) + "pt"};
}

// What copy-fit may change: the size, the leading, the space above sections; a handout's
// last page has its columns balanced.
FitRange fit_range(const Template& t) {
  FitRange r;
  r.smallest = t.body_size_min;
  r.largest = t.body_size;
  r.leading_min = r.leading = t.leading;
  r.leading_max = t.leading_max;
  r.paragraph_spacing = t.paragraph_spacing;
  r.balance = !t.booklet && std::any_of(t.sides.begin(), t.sides.end(), [](const Side& side) {
    return std::any_of(side.panels.begin(), side.panels.end(), [](const Panel& p) { return p.columns > 1; });
  });
  // A sheet with a side to spare (a handout's back) uses it rather than set the body in the lower
  // half of its range: the same sheet, printed on both sides, at a size its readers can read
  // (a handout at 9 pt, its table at 7.75 pt, for anaemic older patients). `pages.max` still
  // keeps it to one side. Booklets add sheets for pages, so they keep the fewest.
  const bool spare_side = !t.booklet && std::any_of(t.sides.begin(), t.sides.end(),
                                                    [](const Side& side) { return side.optional; });
  if (spare_side && t.pages_max != 1)
    r.fewer_sides_min = std::round((r.smallest + r.largest) / 2 / kStep) * kStep;
  return r;
}

// A leaflet whose flow panels the text cannot reach even at the largest size: say how full it
// is and which layout suits it (the handout of the same paper).
std::optional<std::string> short_text_warning(const Scene& s, const Trial& fit) {
  const Usage u = usage(fit);
  if (u.panels <= 1 || u.panels_used >= u.panels) return std::nullopt;
  const bool letter = std::abs(std::max(s.t.sheet_width, s.t.sheet_height) - 11 * 72) < 1 ||
                      std::abs(std::min(s.t.sheet_width, s.t.sheet_height) - 8.5 * 72) < 1;
  return s.doc.path + ": fills " + std::to_string(u.panels_used) + " of " + std::to_string(u.panels) +
         (s.t.booklet ? " inside pages" : " panels") + " at " + points(fit.collection.body) +
         " pt; a handout (--layout " + (letter ? "handout-letter" : "handout-a4") +
         ") suits a text this short";
}

// The cover and the clinic block were aligned with the text block at the smallest size's
// Latin column; move them to the body's final one (a CJK column is whole ems of its size).
void align_with_body(const Template& t, const PagePlan& plan, Pt column, Decoration& cover,
                     Decoration& clinic) {
  const Page page = blank_page(t);
  if (const Panel* p = find_panel(t, t.cover_panel)) {
    const BlockSpan b = text_block(t, *p, column);
    realign(cover, page.trim.x0 + b.x0, page.trim.x0 + b.x1);
  }
  const Panel* back =
      plan.footer || t.booklet ? &t.sides.front().panels.front() : find_panel(t, t.back_panel);
  if (back) {
    const BlockSpan b = text_block(t, *back, column);
    realign(clinic, page.trim.x0 + b.x0, page.trim.x0 + b.x1);
  }
}

}  // namespace

Result<PageModel> lay_out(const doc::Document& document, const Template& tmpl, const text::FontSet& fonts,
                          const LayoutOptions& options) {
  Scene s{document,
          tmpl,
          fonts,
          document.meta.lang.empty() ? "en" : document.meta.lang,
          {},
          text_mix(document),
          std::make_shared<const text::HyphenExceptions>(
              text::HyphenExceptions::from(document.meta.hyphenation))};
  if (auto r = load_images(s); !r) return r.error();

  // A lone build has a core to spare. Copy-fit's first trial prepares every paragraph
  // (itemizing, shaping, hyphenation, break opportunities: most of a cold build's
  // composition); text/paragraph keeps what it prepares in a process-wide cache keyed by
  // the paragraph, not the size. So a helper composes the second half of the article, last
  // block first, while this thread sets the cover and works from the top: by the time it
  // gets there, those paragraphs are prepared. The helper's results are dropped; only the
  // caches keep anything, and they hold the same whichever thread filled them.
  doc::Document tail;
  std::jthread helper;
  if (options.helpers > 0 && document.blocks.size() >= kMinBlocksForHelper) {
    tail.meta = document.meta;
    tail.blocks.assign(document.blocks.rbegin(),
                       document.blocks.rbegin() + static_cast<std::ptrdiff_t>(document.blocks.size() / 2));
    helper = std::jthread([&s, &tail] {
      const Scene t{tail, s.t, s.fonts, s.lang, s.images, s.mix, s.hyphenation};  // as the article is
      const Pt size = s.t.body_size_min;
      try {
        (void)collect_blocks(t, size, column_width(s.t, size, text::is_cjk_language(s.lang)), size * 1000);
      } catch (...) {  // only a head start: this thread's own composition meets any error and reports it
      }
    });
  }

  // The cover and the clinic block do not depend on the body size: set them once, and keep their room.
  std::vector<std::string> warnings;
  auto cover = set_cover(s, warnings);
  if (!cover) return cover.error();
  const std::vector<PagePlan> plans = page_plans(tmpl);
  auto clinic = set_clinic(s, plans.front().footer, warnings);
  if (!clinic) return clinic.error();

  const bool cjk = text::is_cjk_language(s.lang);
  // A column too narrow for a few words sets every word on a line of its own, or (CJK, whole ems) none.
  if (const Pt narrowest = column_width(tmpl, tmpl.body_size_min, cjk);
      narrowest < kMinColumnEms * tmpl.body_size_min) {
    char what[160];
    std::snprintf(what, sizeof what,
                  "the text column is %.1f mm wide, too narrow for %g pt text (it needs %.0f mm)",
                  narrowest / mm(1), tmpl.body_size_min, kMinColumnEms * tmpl.body_size_min / mm(1));
    return Error{tmpl.path, 0, what,
                 "make the flow panels wider, their margins or columns fewer, or body.size smaller"};
  }
  // A picture may take a share of the tallest frame it could land in. The frames come from the plan
  // with the most pages, so that the cover's and the clinic block's room is taken only where they are.
  Pt tallest_frame = 0;
  for (const Frame& f : make_frames(tmpl, plans.back(), column_width(tmpl, tmpl.body_size_min, cjk),
                                    cover->reserved, clinic->reserved))
    tallest_frame = std::max(tallest_frame, f.top - f.bottom);
  const Pt max_image_height = tallest_frame * kMaxImageShare;
  auto compose_with = [&](const Scene& scene) -> ComposeAt {
    return
        [&](Pt size) { return collect_blocks(scene, size, column_width(tmpl, size, cjk), max_image_height); };
  };
  const ComposeAt compose = compose_with(s);
  auto frames = [&](const PagePlan& plan, const Collection& c) {
    return make_frames(tmpl, plan, c.column, cover->reserved, clinic->reserved);
  };
  auto first = copy_fit(fit_range(tmpl), plans, compose, frames);
  if (!first) return first.error();
  if (!first->fits()) return overflow_error(s, *first);
  // Ragged or justified, the depth of the rag and the size, as a typographer would settle them
  // looking at this first fit (body_setting.hpp).
  const FitScene fit_scene = [&](const Scene& variant, const FitRange& range) {
    return copy_fit(range, plans, compose_with(variant), frames);
  };
  BodySetting body =
      settle_body(s, std::move(*first), fit_range(tmpl), column_width(tmpl, tmpl.body_size_min, cjk),
                  plans.front().sides.size(), fit_scene);
  const Scene& scene = body.scene;
  Trial& fit = body.trial;
  if (auto w = short_text_warning(scene, fit)) warnings.push_back(std::move(*w));
  // A size fixed under the layout's range (--set body.size) is the user's to make, but said: the
  // layout's smallest is what its designer found readable in print.
  if (tmpl.body_size_min < tmpl.layout_size_min - 1e-6)
    warnings.push_back(s.doc.path + ": the body is set at " + points(tmpl.body_size_min) +
                       " pt, under the smallest size layout '" + tmpl.name + "' sets it in (" +
                       points(tmpl.layout_size_min) + " pt): print a proof to check that it reads well");
  // Glyph expansion widens justified lines only: asked for where the body is set ragged, it
  // would change nothing without a word.
  if (tmpl.glyph_expansion > 0 &&
      body_align(scene, fit.collection.column, fit.collection.body) == text::Align::Ragged)
    warnings.push_back(s.doc.path +
                       ": body.expansion changes nothing here: the body is set ragged right in layout '" +
                       tmpl.name + "' (add --set body.align=justify to justify it)");

  PageModel model;
  // As the cover says them, on one line each: the PDF's Title is no place for the cover's line breaks.
  model.title = document.meta.title.empty() ? doc::untitled(s.lang) : doc::one_line(document.meta.title);
  model.subtitle = doc::one_line(document.meta.subtitle);
  model.author = pdf_author(document.meta);
  model.lang = s.lang;
  model.keywords = document.meta.keywords;
  model.body_size = fit.collection.body;
  model.line_pitch = fit.rhythm.grid ? fit.collection.body * fit.rhythm.leading : 0;
  const Page geometry = blank_page(tmpl);
  for (std::size_t i = 0; i < fit.plan.sides.size(); ++i) model.pages.push_back(geometry);
  // The tag tree, once, at the final size (structure.hpp): cover, body, clinic block.
  const int root = model.structure.add(StructType::Document, kArtifact);
  graft(model.structure, root, *cover);
  build_body_structure(model.structure, root, s, fit.collection, warnings);
  graft(model.structure, root, *clinic);
  align_with_body(tmpl, fit.plan, fit.collection.column, *cover, *clinic);
  place_blocks(model, s, fit.collection, fit.flowed, fit.frames);
  draw(model.pages[static_cast<std::size_t>(fit.plan.cover_page)], *cover);
  draw(model.pages[static_cast<std::size_t>(fit.plan.back_page)], *clinic);
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    add_crop_marks(model.pages[i], tmpl.mark_offset, tmpl.mark_length);
    add_fold_marks(model.pages[i], tmpl.sides[static_cast<std::size_t>(fit.plan.sides[i])], tmpl.mark_offset,
                   tmpl.mark_length);
  }
  if (tmpl.booklet) {
    int last_text_page = 0;
    for (const auto& lines : fit.flowed.placements)
      for (const auto& p : lines)
        last_text_page = std::max(last_text_page, fit.frames[static_cast<std::size_t>(p.frame)].page);
    if (auto r = add_folios_and_notes(model, s, fit.collection.column, model.line_pitch, last_text_page); !r)
      return r.error();
  }
  split_languages(model, s.lang);
  number_reading_order(model);
  model.warnings = std::move(warnings);
  model.warnings.insert(model.warnings.end(), fit.collection.warnings.begin(), fit.collection.warnings.end());
  name_pictures(model, s);
  model.color_sources = color_sources(tmpl);

  if (options.proof)
    if (auto r = add_proof_guides(model, tmpl, fonts, fit.plan.sides); !r) return r.error();
  if (tmpl.booklet && options.impose) {
    auto sheets = impose_saddle_stitch(std::move(model), tmpl);
    if (sheets && !options.marks && !options.proof) cut_to_trim(*sheets);
    return sheets;
  }
  if (!options.marks && !options.proof) cut_to_trim(model);
  return model;
}

}  // namespace leafpress::layout
