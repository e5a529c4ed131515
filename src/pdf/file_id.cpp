#include "pdf/file_id.hpp"

#include <glib.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>

#include "core/handle.hpp"

namespace leafpress::pdf {
namespace {

constexpr HPDF_UINT kIdBytes = 16;
const std::string kPlaceholder(2 * kIdBytes, '0');

}  // namespace

Status add_id_placeholder(HPDF_Doc doc) {
  const HPDF_BYTE zeros[kIdBytes] = {};
  HPDF_Array id = HPDF_Array_New(doc->mmgr);
  HPDF_STATUS st = id ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
  if (id) {
    st |= HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(zeros), kIdBytes));
    st |= HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(zeros), kIdBytes));
    st |= HPDF_Dict_Add(doc->trailer, "ID", id);
  }
  if (st != HPDF_OK) return Error{"", 0, "cannot write the file identifier", "report a bug"};
  return Ok{};
}

Status stamp_id(std::string& bytes) {
  const std::size_t trailer = bytes.rfind("trailer");
  const std::size_t key = trailer == std::string::npos ? trailer : bytes.find("/ID", trailer);
  const std::size_t first = key == std::string::npos ? key : bytes.find("<" + kPlaceholder + ">", key);
  const std::size_t second =
      first == std::string::npos ? first : bytes.find("<" + kPlaceholder + ">", first + kPlaceholder.size());
  if (second == std::string::npos)
    return Error{"", 0, "cannot find the file identifier to fill in", "report a bug"};
  // GLib's MD5 (HarfBuzz's dependency, already in the process): libharu's copies every
  // 64-byte block byte by byte before hashing it, a third of its time.
  const Handle<GChecksum, g_checksum_free> md5(g_checksum_new(G_CHECKSUM_MD5));
  g_checksum_update(md5.get(), reinterpret_cast<const guchar*>(bytes.data()),
                    static_cast<gssize>(bytes.size()));
  guint8 digest[kIdBytes];
  gsize digest_size = kIdBytes;
  g_checksum_get_digest(md5.get(), digest, &digest_size);
  std::string hex;
  char buf[4];
  for (const guint8 b : digest) {
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned>(b));
    hex += buf;
  }
  bytes.replace(first + 1, hex.size(), hex);
  bytes.replace(second + 1, hex.size(), hex);
  return Ok{};
}

}  // namespace leafpress::pdf
