#include "pdf/write.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <map>
#include <tuple>

#include "core/atomic_file.hpp"
#include "core/utf8.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/hpdf_handles.hpp"

namespace leafpress::pdf {

std::string ErrorState::describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  return buf;
}

namespace {

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->ok()) state->error = error, state->detail = detail;
}

// std::to_chars, not snprintf: a leaflet has some 10 000 of these, and printf's
// locale-aware path was an eighth of a warm build. Same digits as "%.3f".
std::string number(double v) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3).ptr;
  std::string s(buf, end);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

// Four upper-case hex digits: one glyph code of an Identity-H font.
void append_code(std::string& out, unsigned code) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char digits[4] = {kHex[(code >> 12) & 0xF], kHex[(code >> 8) & 0xF], kHex[(code >> 4) & 0xF],
                          kHex[code & 0xF]};
  out.append(digits, 4);
}

// A text string for Info: UTF-16BE with a byte order mark, written as <hex> (ISO 32000-1 7.9.2.2).
HPDF_Binary text_string(HPDF_MMgr mmgr, const std::string& utf8) {
  std::vector<HPDF_BYTE> bytes{0xFE, 0xFF};
  for (const char16_t unit : to_utf16(utf8)) {
    bytes.push_back(static_cast<HPDF_BYTE>(unit >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
  }
  return HPDF_Binary_New(mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Date date_of(long long epoch) {
  const std::time_t t = epoch >= 0 ? static_cast<std::time_t>(epoch) : std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = tm.tm_sec;
  d.ind = 'Z';
  return d;
}

class Writer {
 public:
  explicit Writer(const layout::PageModel& model) : model_(model) {}

  Result<std::string> run(const WriteOptions& options) {
    doc_ = PdfDoc(HPDF_New(on_error, &errors_));
    if (!doc_) return Error{"", 0, "out of memory", ""};
    HPDF_Doc pdf = doc_.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    if (auto s = embed_fonts(options.subsets); !s) return s.error();
    if (auto s = metadata(options); !s) return s.error();
    for (const auto& page : model_.pages)
      if (auto s = draw(page); !s) return s.error();
    pdf->pdf_version = HPDF_VER_14;  // set last: some calls lower it (DESIGN.md)
    if (!errors_.ok()) return Error{"", 0, "cannot build the PDF: " + errors_.describe(), ""};
    if (HPDF_SaveToStream(pdf) != HPDF_OK || !errors_.ok())
      return Error{"", 0, "cannot write the PDF: " + errors_.describe(), ""};
    std::string bytes(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ResetStream(pdf);
    if (HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK && size == 0)
      return Error{"", 0, "cannot read back the PDF: " + errors_.describe(), ""};
    bytes.resize(size);
    return bytes;
  }

 private:
  // Every face with the glyphs it must hold, then one embedded font per face.
  Status embed_fonts(SubsetCache* cache) {
    std::map<const text::Face*, std::map<unsigned, std::string>> used;
    for (const auto& page : model_.pages)
      for (const auto& run : page.runs)
        for (const auto& g : run.glyphs) {
          auto& text = used[g.face][g.glyph];
          if (text.empty()) text = g.text;
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
      fonts_.emplace(face, std::move(*embedded));
    }
    return Ok{};
  }

  Status metadata(const WriteOptions& options) {
    HPDF_Doc pdf = doc_.get();
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "leafpress");
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "leafpress " LEAFPRESS_VERSION " with libharu");
    const HPDF_Date date = date_of(options.epoch);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    HPDF_Dict info = pdf->info;
    if (!info) return Error{"", 0, "cannot create the document information", ""};
    auto put = [&](const char* key, std::string value) {
      // libharu's strings hold at most 65535 bytes; Info is for catalogues, so cut long ones at a character.
      constexpr std::size_t kMaxInfoBytes = 8000;
      if (value.size() > kMaxInfoBytes) {
        std::size_t cut = kMaxInfoBytes;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
        value.resize(cut);
      }
      if (!value.empty()) HPDF_Dict_Add(info, key, text_string(pdf->mmgr, value));
    };
    put("Title", model_.title);
    put("Author", model_.author);
    put("Subject", model_.subtitle);
    std::string keywords;
    for (const auto& k : model_.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
    put("Keywords", keywords);
    if (!model_.lang.empty()) HPDF_Dict_Add(pdf->catalog, "Lang", text_string(pdf->mmgr, model_.lang));
    if (!errors_.ok())
      return Error{"", 0, "cannot write the document information: " + errors_.describe(), ""};
    return Ok{};
  }

  void box(HPDF_Page page, const char* name, const layout::Rect& r) {
    const HPDF_Box b{static_cast<HPDF_REAL>(r.x0), static_cast<HPDF_REAL>(r.y0), static_cast<HPDF_REAL>(r.x1),
                     static_cast<HPDF_REAL>(r.y1)};
    HPDF_Dict_Add(page, name, HPDF_Box_Array_New(page->mmgr, b));
  }

  Status draw(const layout::Page& p) {
    HPDF_Page page = HPDF_AddPage(doc_.get());
    if (!page) return Error{"", 0, "cannot add a page: " + errors_.describe(), ""};
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
    box(page, "BleedBox", p.bleed);
    box(page, "TrimBox", p.trim);
    HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;

    for (const auto& f : p.fills) {
      HPDF_Page_SetCMYKFill(page, f.color.c, f.color.m, f.color.y, f.color.k);
      HPDF_Page_Rectangle(page, f.rect.x0, f.rect.y0, f.rect.width(), f.rect.height());
      HPDF_Page_Fill(page);
    }

    for (const auto& d : p.dots) {
      HPDF_Page_SetCMYKFill(page, d.color.c, d.color.m, d.color.y, d.color.k);
      HPDF_Page_Circle(page, d.x, d.y, d.radius);
      HPDF_Page_Fill(page);
    }

    // Text: raw Tf/Tm/TJ inside libharu's BT/ET, with glyph codes of our Type0 fonts.
    HPDF_Page_BeginText(page);
    std::string ops;
    const text::Face* current_face = nullptr;
    double current_size = 0;
    layout::Cmyk current_color{-1, -1, -1, -1};
    for (const auto& run : p.runs) {
      if (!(run.color == current_color)) {
        ops += number(run.color.c) + " " + number(run.color.m) + " " + number(run.color.y) + " " +
               number(run.color.k) + " k\n";
        current_color = run.color;
      }
      std::size_t i = 0;
      while (i < run.glyphs.size()) {
        const text::Face* face = run.glyphs[i].face;
        const EmbeddedFont& font = fonts_.at(face);
        if (face != current_face || run.size != current_size) {
          const char* name = HPDF_Page_GetLocalFontName(page, font.font);
          if (!name) return Error{"", 0, "cannot register a font on the page: " + errors_.describe(), ""};
          ops += std::string("/") + name + " " + number(run.size) + " Tf\n";
          current_face = face;
          current_size = run.size;
        }
        const double x0 = run.x + run.glyphs[i].x, y0 = run.y + run.glyphs[i].y;
        ops += "1 0 0 1 " + number(x0) + " " + number(y0) + " Tm [";
        double pen = 0;                    // where the PDF viewer's pen is, relative to x0
        const double y = run.glyphs[i].y;  // a raised or lowered glyph starts a new Tm
        bool in_string = false;            // glyphs with no shift between them share one <...>
        for (; i < run.glyphs.size() && run.glyphs[i].face == face && run.glyphs[i].y == y; ++i) {
          const auto& g = run.glyphs[i];
          const double want = run.x + g.x - x0;
          const double shift = (want - pen) * 1000 / run.size;
          if (std::abs(shift) > 0.05) {
            if (in_string) ops += '>';
            in_string = false;
            ops += number(-shift);
          }
          const unsigned code = font.code.at(g.glyph);
          if (!in_string) ops += '<';
          in_string = true;
          append_code(ops, code);
          pen = want + font.width.at(code) * run.size / 1000;
        }
        if (in_string) ops += '>';
        ops += "] TJ\n";
      }
      if (ops.size() > 1 << 16) flush(stream, ops);
    }
    flush(stream, ops);
    HPDF_Page_EndText(page);

    for (const auto& r : p.rules) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width));
      HPDF_Page_SetCMYKStroke(page, r.color.c, r.color.m, r.color.y, r.color.k);
      if (r.dashed) {
        const HPDF_UINT16 dash[] = {2, 2};
        HPDF_Page_SetDash(page, dash, 2, 0);
      }
      HPDF_Page_MoveTo(page, r.x0, r.y0);
      HPDF_Page_LineTo(page, r.x1, r.y1);
      HPDF_Page_Stroke(page);
      if (r.dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
    }
    if (!errors_.ok()) return Error{"", 0, "cannot draw the page: " + errors_.describe(), ""};
    return Ok{};
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
