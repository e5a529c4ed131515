#include "text/font_set.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>

#include "core/handle.hpp"

namespace leafpress::text {
namespace {

using FcPatternHandle = Handle<FcPattern, FcPatternDestroy>;
using FcConfigHandle = Handle<FcConfig, FcConfigDestroy>;
using FcFontSetHandle = Handle<FcFontSet, FcFontSetDestroy>;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string ot_name(hb_face_t* face, hb_ot_name_id_t id) {
  unsigned len = 0;
  len = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, nullptr);
  std::string out(len + 1, '\0');
  unsigned size = len + 1;
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, out.data());
  out.resize(size);
  return out;
}

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// HarfBuzz clamps a table that runs past the end of the file and goes on, so a
// truncated download would load and print blank glyphs. Check the sfnt table
// directory (OpenType spec, "Organization of an OpenType font") ourselves: every
// table must lie inside the file.
std::optional<std::string> check_table_directory(hb_blob_t* blob, unsigned index) {
  unsigned size = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob, &size));
  if (size < 12) return "it is too short to be a font";
  std::uint32_t offset = 0;
  if (std::memcmp(data, "ttcf", 4) == 0) {
    if (size < 16 || be32(data + 8) <= index || 16 + 4 * static_cast<std::uint64_t>(index) > size)
      return "its collection header is cut short";
    offset = be32(data + 12 + 4 * index);
  }
  if (static_cast<std::uint64_t>(offset) + 12 > size) return "its table directory is cut short";
  const unsigned tables = (data[offset + 4] << 8) | data[offset + 5];
  if (offset + 12 + 16ull * tables > size) return "its table directory is cut short";
  for (unsigned t = 0; t < tables; ++t) {
    const unsigned char* rec = data + offset + 12 + 16 * t;
    if (static_cast<std::uint64_t>(be32(rec + 8)) + be32(rec + 12) > size)
      return "table '" + std::string(reinterpret_cast<const char*>(rec), 4) +
             "' runs past the end of the file";
  }
  return std::nullopt;
}

// Whether a CFF table is CID-keyed: its Top DICT starts with the ROS operator
// (12 30; Adobe TN #5176, 18). Reads the header, the Name INDEX and the first
// Top DICT entry; anything malformed counts as not CID-keyed.
bool has_ros(hb_blob_t* cff) {
  unsigned size = 0;
  const auto* d = reinterpret_cast<const unsigned char*>(hb_blob_get_data(cff, &size));
  // An INDEX (count, offSize, offsets, data): where its data starts and ends.
  auto index_data = [&](std::size_t at, std::size_t& data_begin, std::size_t& data_end) -> bool {
    if (at + 3 > size) return false;
    const std::size_t count = (std::size_t{d[at]} << 8) | d[at + 1];
    if (count == 0) {
      data_begin = data_end = at + 2;
      return true;
    }
    const std::size_t off_size = d[at + 2];
    if (off_size < 1 || off_size > 4 || at + 3 + (count + 1) * off_size > size) return false;
    auto offset = [&](std::size_t i) {
      std::size_t v = 0;
      for (std::size_t k = 0; k < off_size; ++k) v = (v << 8) | d[at + 3 + i * off_size + k];
      return v;
    };
    const std::size_t base = at + 2 + (count + 1) * off_size;
    data_begin = base + offset(0);
    data_end = base + offset(count);
    return data_end <= size && data_begin <= data_end;
  };
  if (size < 4) return false;
  std::size_t begin = 0, end = 0;
  if (!index_data(d[2], begin, end)) return false;                 // Name INDEX
  if (!index_data(end, begin, end) || begin >= end) return false;  // Top DICT INDEX
  // Operands come first: skip numbers up to the first operator.
  for (std::size_t i = begin; i < end;) {
    const unsigned b = d[i];
    if (b <= 21) return b == 12 && i + 1 < end && d[i + 1] == 30;
    if (b == 28) {
      i += 3;
    } else if (b == 29) {
      i += 5;
    } else if (b == 30) {  // a real number: nibbles up to 0xF
      while (++i < end && (d[i] & 0x0F) != 0x0F && (d[i] & 0xF0) != 0xF0) {
      }
      ++i;
    } else if (b >= 247 && b <= 254) {
      i += 2;
    } else {
      ++i;
    }
  }
  return false;
}

// Face::subset_source: every table of the face but 'cmap'.
hb_blob_t* table_without_cmap(hb_face_t*, hb_tag_t tag, void* source) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return nullptr;
  return hb_face_reference_table(static_cast<hb_face_t*>(source), tag);
}

}  // namespace

Result<std::unique_ptr<Face>> Face::load(const std::filesystem::path& file, unsigned index) {
  HbBlob blob(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!blob) return Error{file.string(), 0, "cannot read the font file", "check that it exists"};
  return from_blob(std::move(blob), file, index);
}

Result<std::unique_ptr<Face>> Face::from_bytes(std::string_view bytes, const std::filesystem::path& name,
                                               unsigned index) {
  if (bytes.size() > std::numeric_limits<unsigned>::max())
    return Error{name.string(), 0, "the font file is too large", "use a font file under 4 GB"};
  HbBlob blob(hb_blob_create_or_fail(bytes.data(), static_cast<unsigned>(bytes.size()),
                                     HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
  if (!blob) return Error{name.string(), 0, "cannot read the font: out of memory", ""};
  return from_blob(std::move(blob), name, index);
}

Result<std::unique_ptr<Face>> Face::from_blob(HbBlob blob, const std::filesystem::path& file,
                                              unsigned index) {
  auto f = std::make_unique<Face>();
  f->file = file;
  f->index = index;
  f->blob_ = std::move(blob);
  if (index >= std::max(1u, hb_face_count(f->blob_.get())))
    return Error{file.string(), 0, "font collection has no face " + std::to_string(index), ""};
  if (auto damaged = check_table_directory(f->blob_.get(), index))
    return Error{file.string(), 0, "the font file is damaged: " + *damaged,
                 "replace it with a complete copy of the font"};
  f->face_ = HbFace(hb_face_create(f->blob_.get(), index));
  if (hb_face_get_glyph_count(f->face_.get()) == 0)
    return Error{file.string(), 0, "not a usable font (no glyphs): the file is damaged or not a font",
                 "replace it with a complete .ttf, .otf or .ttc file"};
  f->upem_ = f->upem = hb_face_get_upem(f->face_.get());
  if (f->upem_ == 0) f->upem_ = f->upem = 1000;
  f->font_ = HbFont(hb_font_create(f->face_.get()));
  hb_font_make_immutable(f->font_.get());
  hb_face_make_immutable(f->face_.get());

  HbBlob cff(hb_face_reference_table(f->face_.get(), HB_TAG('C', 'F', 'F', ' ')));
  f->is_cff = hb_blob_get_length(cff.get()) > 0;
  f->is_cid_keyed = f->is_cff && has_ros(cff.get());
  if (f->is_cff) {
    f->subset_face_ = HbFace(hb_face_create_for_tables(table_without_cmap, f->face_.get(), nullptr));
    hb_face_set_upem(f->subset_face_.get(), f->upem);
    hb_face_set_glyph_count(f->subset_face_.get(), hb_face_get_glyph_count(f->face_.get()));
    hb_face_make_immutable(f->subset_face_.get());
  }
  HbBlob glyf(hb_face_reference_table(f->face_.get(), HB_TAG('g', 'l', 'y', 'f')));
  if (!f->is_cff && hb_blob_get_length(glyf.get()) == 0)
    return Error{file.string(), 0,
                 "font has neither TrueType nor CFF outlines (CFF2 and bitmap fonts are not supported)",
                 "use a static OpenType or TrueType font"};

  f->family = ot_name(f->face_.get(), HB_OT_NAME_ID_FONT_FAMILY);
  f->postscript_name = ot_name(f->face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME);
  std::erase_if(f->postscript_name,
                [](char c) { return c <= ' ' || c > '~' || c == '/' || c == '(' || c == ')'; });
  if (f->postscript_name.empty()) f->postscript_name = "Font";

  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(f->font_.get(), &ext)) {
    f->ascender = f->to_em(ext.ascender);
    f->descender = f->to_em(ext.descender);
  }
  hb_position_t cap = 0;
  if (hb_ot_metrics_get_position(f->font_.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0)
    f->cap_height = f->to_em(cap);
  f->italic_angle = hb_style_get_value(f->font_.get(), HB_STYLE_TAG_SLANT_ANGLE);
  f->is_bold = hb_style_get_value(f->font_.get(), HB_STYLE_TAG_WEIGHT) >= 600;
  f->is_italic = hb_style_get_value(f->font_.get(), HB_STYLE_TAG_ITALIC) > 0.5;

  f->replacement_glyph = f->glyph_for(0xFFFD);
  f->hyphen_glyph = f->glyph_for(U'-');
  f->hyphen_em = f->advance_em(f->hyphen_glyph);

  // The font's bounding box from 'head' (big-endian int16 at offsets 36..43).
  HbBlob head(hb_face_reference_table(f->face_.get(), HB_TAG('h', 'e', 'a', 'd')));
  unsigned len = 0;
  const char* h = hb_blob_get_data(head.get(), &len);
  if (len >= 44) {
    for (int i = 0; i < 4; ++i) {
      const auto v = static_cast<int16_t>((static_cast<unsigned char>(h[36 + 2 * i]) << 8) |
                                          static_cast<unsigned char>(h[37 + 2 * i]));
      f->bbox[static_cast<std::size_t>(i)] = f->to_em(v);
    }
  }
  return f;
}

unsigned Face::glyph_for(char32_t cp) const {
  std::atomic<std::uint64_t>& slot = glyph_cache_[cp % kGlyphCacheSlots];
  const std::uint64_t key = static_cast<std::uint64_t>(cp) + 1;
  if (const std::uint64_t seen = slot.load(std::memory_order_relaxed); seen >> 32 == key)
    return static_cast<unsigned>(seen & 0xFFFFFFFFu);
  hb_codepoint_t g = 0;
  const unsigned glyph = hb_font_get_nominal_glyph(font_.get(), cp, &g) ? g : 0;
  slot.store(key << 32 | glyph, std::memory_order_relaxed);
  return glyph;
}

double Face::advance_em(unsigned glyph) const {
  return to_em(hb_font_get_glyph_h_advance(font_.get(), glyph));
}

namespace {

// fontconfig's full configuration is some seventy XML files (/etc/fonts/conf.d: aliases,
// hinting, substitution rules); parsing them takes longer than composing a leaflet, and
// leafpress uses none of their rules (it asks for a family by name and refuses substitutes).
// So a FontSet first loads only where fonts and their caches are, as Debian's fonts.conf
// names them; a family not found there is looked up again with the full configuration
// (fonts in folders only it names, such as TeX's), so no font is lost.
constexpr const char* kFontFolders = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
</fontconfig>
)";

FcConfigHandle font_folders_only() {
  // A configuration of the user's own (FONTCONFIG_FILE, FONTCONFIG_PATH) is read in full.
  if (std::getenv("FONTCONFIG_FILE") || std::getenv("FONTCONFIG_PATH")) return nullptr;
  FcConfigHandle config(FcConfigCreate());
  if (!config ||
      !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(kFontFolders), FcTrue) ||
      !FcConfigBuildFonts(config.get()))
    return nullptr;
  return config;
}

}  // namespace

struct FontSet::Impl {
  std::mutex mutex;
  std::vector<std::filesystem::path> font_dirs;
  FcConfigHandle config;
  bool full = false;  // config is fontconfig's full configuration
  std::map<FaceRequest, const Face*> by_request;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<Face>> by_file;

  void load(FcConfigHandle c, bool is_full) {
    config = std::move(c);
    full = is_full;
    for (const auto& dir : font_dirs) {
      std::error_code ec;
      if (std::filesystem::is_directory(dir, ec))
        FcConfigAppFontAddDir(config.get(), reinterpret_cast<const FcChar8*>(dir.c_str()));
    }
  }
};

FontSet::FontSet(std::vector<std::filesystem::path> font_dirs) : impl_(std::make_unique<Impl>()) {
  static std::atomic<std::uint64_t> next_id{1};
  id_ = next_id++;
  impl_->font_dirs = std::move(font_dirs);
  if (FcConfigHandle quick = font_folders_only())
    impl_->load(std::move(quick), false);
  else
    impl_->load(FcConfigHandle(FcInitLoadConfigAndFonts()), true);
}

FontSet::~FontSet() = default;

Result<const Face*> FontSet::face(const FaceRequest& request) const {
  std::lock_guard lock(impl_->mutex);
  if (auto it = impl_->by_request.find(request); it != impl_->by_request.end()) return it->second;

  auto found = match(request);
  if (!found && !impl_->full) {  // perhaps in a folder only the full configuration names
    impl_->load(FcConfigHandle(FcInitLoadConfigAndFonts()), true);
    found = match(request);
  }
  if (!found)
    return Error{
        "", 0, "font '" + request.family + "' is not installed",
        "run `make deps` (it installs fonts-noto-core and fonts-noto-cjk) or copy the font into fonts/"};
  const auto& key = *found;
  auto it = impl_->by_file.find(key);
  if (it == impl_->by_file.end()) {
    auto loaded = Face::load(key.first, key.second);
    if (!loaded) return loaded.error();
    it = impl_->by_file.emplace(key, std::move(loaded).value()).first;
  }
  impl_->by_request.emplace(request, it->second.get());
  return it->second.get();
}

std::optional<std::pair<std::string, unsigned>> FontSet::match(const FaceRequest& request) const {
  FcPatternHandle pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(request.family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, request.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, request.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // No FcConfigSubstitute: its rules append dozens of fallback families for
  // FcFontMatch to score every installed font against (a third of the lookup's
  // time), and a fallback is refused below anyway: only the family asked for counts.
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  // Only a face of the family asked for is accepted (below), and where the family is installed
  // fontconfig's best match is one of its faces (a request names no format, foundry or charset,
  // the properties it weighs before the family). So only that family's faces are scored, in
  // FcFontMatch's order (system fonts, then the application's): the same best, without scoring
  // every installed font (~1.5 M instructions a request).
  // Compared as fontconfig compares families: ignoring case and blanks.
  const auto squeezed = [](std::string_view name) {
    std::string out;
    for (const char c : name)
      if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string wanted = squeezed(request.family);
  const auto is_wanted = [&](const char* name) {
    std::size_t k = 0;
    for (; *name; ++name) {
      if (*name == ' ') continue;
      if (k == wanted.size() || std::tolower(static_cast<unsigned char>(*name)) != wanted[k]) return false;
      ++k;
    }
    return k == wanted.size();
  };
  FcFontSetHandle family(FcFontSetCreate());
  if (!family) return std::nullopt;
  for (const FcSetName which : {FcSetSystem, FcSetApplication}) {
    const FcFontSet* set = FcConfigGetFonts(impl_->config.get(), which);
    for (int i = 0; set && i < set->nfont; ++i) {
      FcChar8* name = nullptr;
      for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &name) == FcResultMatch; ++k)
        if (is_wanted(reinterpret_cast<const char*>(name))) {
          FcPatternReference(set->fonts[i]);
          FcFontSetAdd(family.get(), set->fonts[i]);
          break;
        }
    }
  }
  if (family->nfont == 0) return std::nullopt;
  FcFontSet* sets[] = {family.get()};
  FcPatternHandle match(FcFontSetMatch(impl_->config.get(), sets, 1, pattern.get(), &result));
  const std::string want = lower(request.family);
  bool family_ok = false;
  FcChar8* value = nullptr;
  for (int i = 0; match && FcPatternGetString(match.get(), FC_FAMILY, i, &value) == FcResultMatch; ++i)
    if (lower(reinterpret_cast<const char*>(value)) == want) family_ok = true;
  FcChar8* file = nullptr;
  int index = 0;
  if (!family_ok || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
  FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
  return std::make_pair(std::string(reinterpret_cast<const char*>(file)), static_cast<unsigned>(index));
}

bool is_cjk_language(const std::string& lang) {
  const std::string l = lower(lang.substr(0, 2));
  return l == "zh" || l == "ja" || l == "ko";
}

std::string regional_cjk_family(const std::string& base, const std::string& lang) {
  if (base.size() < 3 || base.compare(base.size() - 3, 3, "CJK") != 0) return base;
  const std::string l = lower(lang);
  const auto starts = [&](const char* p) { return l.rfind(p, 0) == 0; };
  if (starts("ja")) return base + " JP";
  if (starts("ko")) return base + " KR";
  if (starts("zh-hant") || starts("zh-tw") || starts("zh-hk") || starts("zh-mo")) return base + " TC";
  return base + " SC";
}

}  // namespace leafpress::text
