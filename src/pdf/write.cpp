#include "pdf/write.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <new>
#include <tuple>
#include <unordered_map>

#include "core/atomic_file.hpp"
#include "core/utf8.hpp"
#include "pdf/file_id.hpp"
#include "pdf/flate.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/hpdf_handles.hpp"
#include "pdf/images.hpp"
#include "pdf/links.hpp"
#include "pdf/metadata.hpp"
#include "pdf/number.hpp"
#include "pdf/outline.hpp"
#include "pdf/output_intent.hpp"
#include "pdf/paint.hpp"
#include "pdf/preflight.hpp"
#include "pdf/structure.hpp"
#include "pdf/xmp.hpp"

namespace leafpress::pdf {

namespace {

// The write function of the stream a document is saved to (HPDF_CallbackWriter_New): its
// data is a std::string.
HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
  try {  // called from libharu's C: nothing may be thrown through it
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(data), size);
  } catch (const std::bad_alloc&) {
    return HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
  }
  return HPDF_OK;
}

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->ok()) state->error = error, state->detail = detail;
}

long long now_or(long long epoch) {
  return epoch >= 0 ? epoch : static_cast<long long>(std::time(nullptr));
}

class Writer {
 public:
  explicit Writer(const layout::PageModel& model) : model_(model) {}

  Result<std::string> run(const WriteOptions& options) {
    // A proof has guides over the pages: it must not claim to be fit for print or the archive.
    const Standard standard = model_.proof ? Standard::None : options.standard;
    if (auto s = preflight(model_, standard); !s) return s.error();
    doc_ = PdfDoc(HPDF_New(on_error, &errors_));
    if (!doc_) return Error{"", 0, "out of memory", ""};
    HPDF_Doc pdf = doc_.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    auto paint = Paint::make(pdf, standard);
    if (!paint) return paint.error();
    paint_ = &*paint;
    ImageStore images(pdf, standard, model_);
    images_ = &images;
    // PDF/X-1a is PDF 1.3: no tags. Archive and none are tagged (PDF/A-2a, PDF/UA-1).
    StructureWriter structure(pdf, model_.structure, standard != Standard::Print);
    structure_ = &structure;
    if (auto s = embed_fonts(options.subsets); !s) return s.error();
    const Metadata meta = metadata_of(model_, standard, now_or(options.epoch), structure.enabled());
    if (auto s = write_info(pdf, meta); !s) return s.error();
    if (standard == Standard::Archive || meta.tagged)
      if (auto s = write_xmp(pdf, meta); !s) return s.error();
    if (auto s = write_output_intent(pdf, standard); !s) return s.error();
    std::vector<HPDF_Page> pages;
    for (std::size_t i = 0; i < model_.pages.size(); ++i) {
      auto drawn = draw(model_.pages[i], i);
      if (!drawn) return drawn.error();
      pages.push_back(*drawn);
      auto links = write_links(*drawn, model_.pages[i], standard);
      if (!links) return links.error();
      for (std::size_t j = 0; j < links->size(); ++j)  // each in its Link element, by an /OBJR
        if (const int element = model_.pages[i].links[j].element; element >= 0)
          if (auto s = structure.add_link((*links)[j], i, element); !s) return s.error();
      links_.push_back(std::move(*links));
    }
    if (auto s = structure.finish(pages); !s) return s.error();
    if (auto s = write_outline(pdf, model_.outline, pages); !s) return s.error();
    if (auto s = add_id_placeholder(pdf); !s) return s.error();
    // Set last: some libharu calls lower it (DESIGN.md). PDF/X-1a:2001 is PDF 1.3; PDF/A-2 reads up to 1.7.
    // A tagged file declares PDF/UA-1, which is built on ISO 32000-1 (PDF 1.7).
    pdf->pdf_version = standard == Standard::Print                    ? HPDF_VER_13
                       : standard == Standard::Archive || meta.tagged ? HPDF_VER_17
                                                                      : HPDF_VER_14;
    if (!errors_.ok()) return Error{"", 0, "cannot build the PDF: " + errors_.describe(), ""};
    // libdeflate, not libharu's zlib, for the streams HPDF_COMP_ALL marked (flate.hpp).
    if (deflate_marked_streams(pdf) != HPDF_OK || !errors_.ok())
      return Error{"", 0, "cannot compress the PDF's streams: " + errors_.describe(), ""};
    // Saved straight into a string: libharu's own memory stream copies byte by byte, twice
    // (into its buffers, then out with HPDF_ReadFromStream).
    std::string bytes;
    pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &bytes);
    const bool saved = pdf->stream && HPDF_SaveToStream(pdf) == HPDF_OK && errors_.ok();
    HPDF_Stream_Free(pdf->stream);  // it points at `bytes`
    pdf->stream = nullptr;
    if (!saved) return Error{"", 0, "cannot write the PDF: " + errors_.describe(), ""};
    if (auto s = stamp_id(bytes); !s) return s.error();
    return bytes;
  }

 private:
  // Every face with the glyphs it must hold, then one embedded font per face.
  Status embed_fonts(SubsetCache* cache) {
    auto& used = unicode_;  // kept: the text loop compares each glyph's text with its ToUnicode entry
    {
      // Gathered in hash maps (a lookup a glyph), then ordered once per face.
      std::unordered_map<const text::Face*, std::unordered_map<unsigned, std::string>> seen;
      const text::Face* face = nullptr;
      std::unordered_map<unsigned, std::string>* of_face = nullptr;
      for (const auto& page : model_.pages)
        for (const auto& run : page.runs)
          for (const auto& g : run.glyphs) {
            if (g.face != face) face = g.face, of_face = &seen[face];
            // ToUnicode keeps the glyph's own character: a hyphen inserted at a break (U+00AD)
            // yields to a typed one; the other glyphs get /ActualText where they are shown.
            auto& text = (*of_face)[g.glyph];
            if (text.empty() || text == layout::kSoftHyphen) text = g.text;
          }
      for (auto& [f, glyphs] : seen) {
        auto& ordered = used[f];
        for (auto& [glyph, text] : glyphs) ordered.emplace(glyph, std::move(text));
      }
    }
    // Embed in an order of the fonts' own (file, index), not of their addresses in
    // memory: the same inputs must give the same bytes.
    std::vector<const text::Face*> order;
    for (const auto& [face, glyphs] : used) order.push_back(face);
    std::sort(order.begin(), order.end(), [](const text::Face* a, const text::Face* b) {
      return std::tie(a->file, a->index) < std::tie(b->file, b->index);
    });
    for (const text::Face* face : order) {
      const auto& glyphs = used.at(face);
      auto embedded = embed_font(doc_.get(), *face, glyphs, cache);
      if (!embedded) return embedded.error();
      // What the text loop needs of each glyph, found with one hash lookup instead of three in maps.
      auto& shown = shown_[face];
      shown.reserve(glyphs.size());
      for (const auto& [glyph, text] : glyphs) {
        const unsigned code = embedded->code.at(glyph);
        shown.emplace(glyph, Shown{code, embedded->width.at(code), &text});
      }
      fonts_.emplace(face, std::move(*embedded));
    }
    return Ok{};
  }

  void box(HPDF_Page page, const char* name, const layout::Rect& r) {
    const HPDF_Box b{static_cast<HPDF_REAL>(r.x0), static_cast<HPDF_REAL>(r.y0), static_cast<HPDF_REAL>(r.x1),
                     static_cast<HPDF_REAL>(r.y1)};
    HPDF_Dict_Add(page, name, HPDF_Box_Array_New(page->mmgr, b));
  }

  // Turns overprint on or off (print only; paint.hpp) when it changes, in `ops`.
  Status overprint(HPDF_Page page, bool on, std::string& ops) {
    if (on == overprinting_) return Ok{};
    auto op = paint_->overprint(page, on);
    if (!op) return op.error();
    ops += *op;
    overprinting_ = on;
    return Ok{};
  }

  Result<HPDF_Page> draw(const layout::Page& p, std::size_t index) {
    HPDF_Page page = HPDF_AddPage(doc_.get());
    if (!page) return Error{"", 0, "cannot add a page: " + errors_.describe(), ""};
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
    box(page, "BleedBox", p.bleed);
    box(page, "TrimBox", p.trim);
    HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
    overprinting_ = false;  // a page starts with the default graphics state
    std::string ops;

    // Every piece is marked content: its element's MCID, or an artifact (pdf/structure.hpp).
    const std::string end = structure_->end();
    for (std::size_t i = 0; i < p.fills.size(); ++i) {
      const auto& f = p.fills[i];
      // A QR code's modules (hundreds of rectangles of one Figure, one colour) are one marked-content
      // sequence, not one each: poppler took 7 s to read the tag tree of a leaflet with two codes.
      // (Each has its own Tag::order; drawn one after another, they read as one.)
      const bool same_piece = i > 0 && f.tag.element >= 0 && f.tag.element == p.fills[i - 1].tag.element &&
                              f.color == p.fills[i - 1].color;
      if (!same_piece) {
        if (i > 0) ops += end;
        auto color = paint_->fill(f.color);
        if (!color) return color.error();
        // 100 % K overprints as text does (a QR code's modules); tints and bands knock out.
        if (auto s = overprint(page, paint_->overprints(f.color), ops); !s) return s.error();
        ops += structure_->begin(index, f.tag) + *color;
      }
      flush(stream, ops);
      HPDF_Page_Rectangle(page, f.rect.x0, f.rect.y0, f.rect.width(), f.rect.height());
      HPDF_Page_Fill(page);
    }
    if (!p.fills.empty()) ops += end;

    for (const auto& im : p.images) {
      auto image = images_->get(*im.raster);
      if (!image) return image.error();
      ops += structure_->begin(index, im.tag);
      flush(stream, ops);
      HPDF_Page_DrawImage(page, *image, static_cast<HPDF_REAL>(im.rect.x0),
                          static_cast<HPDF_REAL>(im.rect.y0), static_cast<HPDF_REAL>(im.rect.width()),
                          static_cast<HPDF_REAL>(im.rect.height()));
      ops += end;
    }

    for (const auto& d : p.dots) {
      auto color = paint_->fill(d.color);
      if (!color) return color.error();
      ops += structure_->begin(index, d.tag);
      if (auto s = overprint(page, paint_->overprints(d.color), ops); !s) return s.error();
      ops += *color;
      flush(stream, ops);
      HPDF_Page_Circle(page, d.x, d.y, d.radius);
      HPDF_Page_Fill(page);
      ops += end;
    }
    flush(stream, ops);

    // Text: raw Tf/Tm/TJ inside libharu's BT/ET, with glyph codes of our Type0 fonts. Tagged, each
    // run is a text object of its own inside its marked content (BDC BT ... ET EMC): readers that
    // buffer a text object's glyphs (MuPDF) then give every glyph its own MCID.
    const bool text_per_run = structure_->enabled();
    if (!text_per_run) HPDF_Page_BeginText(page);
    const text::Face* current_face = nullptr;
    double current_size = 0;
    layout::Cmyk current_color{-1, -1, -1, -1};
    for (const auto& run : p.runs) {
      ops += structure_->begin(index, run.tag);
      if (text_per_run) ops += "BT\n";
      if (!(run.color == current_color)) {
        auto color = paint_->fill(run.color);
        if (!color) return color.error();
        if (auto s = overprint(page, paint_->overprints(run.color), ops); !s) return s.error();
        ops += *color;
        current_color = run.color;
      }
      // A run whose glyphs stand apart where the text has none (layout::GlyphRun::actual_text):
      // its text as /ActualText (ISO 32000-1 14.9.4) around all of it, or readers that take a gap
      // over a tenth of an em for a word break copy "肾 小 球" and never find "肾小球". Tagged
      // files only (archive and screen), as for a hyphen: PDF/X-1a is PDF 1.3, before /ActualText.
      const bool actual_text = text_per_run && run.actual_text;
      if (actual_text) {
        ops += "/Span <</ActualText <FEFF";
        for (const auto& g : run.glyphs)
          for (const char16_t unit : to_utf16(g.text)) append_hex4(ops, unit);
        ops += ">>> BDC\n";
      }
      std::size_t i = 0;
      while (i < run.glyphs.size()) {
        const text::Face* face = run.glyphs[i].face;
        const EmbeddedFont& font = fonts_.at(face);
        const auto& shown = shown_.at(face);
        if (face != current_face || run.size != current_size) {
          const char* name = HPDF_Page_GetLocalFontName(page, font.font);
          if (!name) return Error{"", 0, "cannot register a font on the page: " + errors_.describe(), ""};
          ops += std::string("/") + name + " " + number(run.size) + " Tf\n";
          current_face = face;
          current_size = run.size;
        }
        const double x0 = run.x + run.glyphs[i].x, y0 = run.y + run.glyphs[i].y;
        // An expanded glyph (text::PlacedGlyph::scale) is drawn wider or narrower by the text
        // matrix (ISO 32000-1 9.4.2): its advance and the TJ shifts after it scale with it.
        const double scale = run.glyphs[i].scale;
        ops += (scale == 1 ? std::string("1") : number(scale)) + " 0 0 1 " + number(x0) + " " + number(y0) +
               " Tm [";
        double pen = 0;                    // where the PDF viewer's pen is, relative to x0
        const double y = run.glyphs[i].y;  // a raised or lowered glyph starts a new Tm
        bool in_string = false;            // glyphs with no shift between them share one <...>
        for (; i < run.glyphs.size() && run.glyphs[i].face == face && run.glyphs[i].y == y &&
               run.glyphs[i].scale == scale;
             ++i) {
          const auto& g = run.glyphs[i];
          const double want = run.x + g.x - x0;
          const double shift = (want - pen) * 1000 / (run.size * scale);
          if (std::abs(shift) > 0.05) {
            if (in_string) ops += '>';
            in_string = false;
            ops += number(-shift);
          }
          const Shown& glyph = shown.at(g.glyph);
          const unsigned code = glyph.code;
          pen = want + glyph.width * run.size * scale / 1000;
          if (text_per_run && !actual_text && !g.text.empty() && g.text != *glyph.unicode) {
            // This glyph stands for other text than its ToUnicode entry says (an inserted
            // hyphen, U+00AD, ISO 32000-1 14.8.2.2.3): a marked-content sequence with
            // /ActualText (14.9.4) around it alone. The pen moves on across TJ operators.
            if (in_string) ops += '>';
            in_string = false;
            ops += "] TJ\n/Span <</ActualText <FEFF";
            for (const char16_t unit : to_utf16(g.text)) append_hex4(ops, unit);
            ops += ">>> BDC\n[<";
            append_hex4(ops, code);
            ops += ">] TJ\nEMC\n[";
            continue;
          }
          if (!in_string) ops += '<';
          in_string = true;
          append_hex4(ops, code);
        }
        if (in_string) ops += '>';
        ops += "] TJ\n";
      }
      if (actual_text) ops += "EMC\n";
      if (text_per_run) ops += "ET\n";
      ops += end;
      if (ops.size() > 1 << 16) flush(stream, ops);
    }
    flush(stream, ops);
    if (!text_per_run) HPDF_Page_EndText(page);

    for (const auto& r : p.rules) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width));
      const bool mark =
          r.purpose == layout::RulePurpose::CropMark || r.purpose == layout::RulePurpose::FoldMark;
      auto color = mark ? paint_->registration_stroke(page) : paint_->stroke(r.color);
      if (!color) return color.error();
      ops += structure_->begin(index, r.tag);
      if (auto s = overprint(page, !mark && paint_->overprints(r.color), ops); !s) return s.error();
      ops += *color;
      flush(stream, ops);
      if (r.dashed) {
        const HPDF_UINT16 dash[] = {2, 2};
        HPDF_Page_SetDash(page, dash, 2, 0);
      }
      HPDF_Page_MoveTo(page, r.x0, r.y0);
      HPDF_Page_LineTo(page, r.x1, r.y1);
      HPDF_Page_Stroke(page);
      if (r.dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
      ops += end;
      flush(stream, ops);
    }
    if (!errors_.ok()) return Error{"", 0, "cannot draw the page: " + errors_.describe(), ""};
    return page;
  }

  static void flush(HPDF_Stream stream, std::string& ops) {
    HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                      static_cast<HPDF_UINT>(ops.size()));
    ops.clear();
  }

  const layout::PageModel& model_;
  ErrorState errors_;
  PdfDoc doc_;
  std::map<const text::Face*, EmbeddedFont> fonts_;
  std::map<const text::Face*, std::map<unsigned, std::string>> unicode_;  // glyph → its ToUnicode text
  struct Shown {
    unsigned code = 0;                     // in the content stream
    int width = 0;                         // as /W has it, 1/1000 em
    const std::string* unicode = nullptr;  // its ToUnicode text, in unicode_
  };
  std::map<const text::Face*, std::unordered_map<unsigned, Shown>> shown_;  // glyph → how it is shown
  Paint* paint_ = nullptr;
  ImageStore* images_ = nullptr;
  StructureWriter* structure_ = nullptr;
  bool overprinting_ = false;
  std::vector<std::vector<HPDF_Annotation>> links_;  // per page, in the order of Page::links
};

}  // namespace

Result<std::string> write_pdf(const layout::PageModel& model, const WriteOptions& options) {
  return Writer(model).run(options);
}

Status write_pdf_file(const layout::PageModel& model, const std::string& path, const WriteOptions& options) {
  auto bytes = write_pdf(model, options);
  if (!bytes) {
    Error e = bytes.error();
    if (e.file.empty()) e.file = path;
    return e;
  }
  return write_file_atomically(path, *bytes);
}

std::optional<Standard> parse_standard(std::string_view name) {
  if (name == "print") return Standard::Print;
  if (name == "archive") return Standard::Archive;
  if (name == "none") return Standard::None;
  return std::nullopt;
}

const char* standard_name(Standard standard) {
  switch (standard) {
    case Standard::Print:
      return "print";
    case Standard::Archive:
      return "archive";
    case Standard::None:
      return "none";
  }
  return "none";
}

}  // namespace leafpress::pdf
