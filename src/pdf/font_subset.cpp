#include "pdf/font_subset.hpp"

#include <algorithm>

#include "pdf/flate.hpp"
#include "text/hb_handles.hpp"

namespace leafpress::pdf {

Result<FontSubset> make_subset(const text::Face& face, const std::vector<unsigned>& glyphs) {
  const auto fail = [&](const std::string& what) {
    return Error{face.file.string(), 0, "cannot embed the font: " + what, "try another font file"};
  };
  text::HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!input) return fail("out of memory");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (const unsigned g : glyphs) hb_set_add(glyph_set, g);
  hb_set_clear(hb_subset_input_unicode_set(input.get()));
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const hb_tag_t tag :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F')})
    hb_set_add(drop, tag);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  text::HbSubsetPlan plan(hb_subset_plan_create_or_fail(face.subset_source(), input.get()));
  if (!plan) return fail("hb-subset could not plan the subset");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  text::HbFace subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) return fail("hb-subset failed");

  FontSubset out;
  for (const unsigned g : glyphs) {
    // CID-keyed CFF keeps its CIDs (Noto CJK: CID = GID); everything else is renumbered.
    const unsigned code = face.is_cid_keyed ? g : hb_map_get(old_to_new, g);
    if (code == HB_MAP_VALUE_INVALID || code > 0xFFFF)
      return fail("glyph " + std::to_string(g) + " was lost");
    out.code[g] = code;
  }
  if (face.is_cid_keyed) {
    out.cids.push_back(0);
    for (const auto& [g, code] : out.code)
      if (code != 0) out.cids.push_back(code);
    std::sort(out.cids.begin(), out.cids.end());
    out.cids.erase(std::unique(out.cids.begin(), out.cids.end()), out.cids.end());
  } else {
    for (unsigned i = 0; i < hb_face_get_glyph_count(subset.get()); ++i) out.cids.push_back(i);
  }
  text::HbBlob program(face.is_cff ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                                   : hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(program.get(), &length);
  if (length == 0) return fail("the subset is empty");
  out.program.assign(data, length);
  // Compressed here, so that a batch compresses each subset once, not once per PDF.
  auto deflated = deflate(out.program);
  if (!deflated) return fail("zlib could not compress the subset");
  out.deflated = std::move(*deflated);
  return out;
}

Result<std::shared_ptr<const FontSubset>> SubsetCache::get(const text::Face& face,
                                                           const std::vector<unsigned>& glyphs) {
  auto key = std::make_pair(&face, glyphs);
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  // Subset outside the lock: two threads may make the same subset once each, which is
  // cheaper than making every other thread wait.
  auto made = make_subset(face, glyphs);
  if (!made) return made.error();
  auto shared = std::make_shared<const FontSubset>(std::move(made).value());
  const std::size_t bytes = shared->program.size() + shared->deflated.size() + shared->code.size() * 48 +
                            shared->cids.size() * 4 + glyphs.size() * 4;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries || bytes_ + bytes > kMaxBytes) {
    entries_.clear();
    bytes_ = 0;
  }
  if (entries_.emplace(std::move(key), shared).second) bytes_ += bytes;
  return shared;
}

}  // namespace leafpress::pdf
