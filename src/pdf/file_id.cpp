#include "pdf/file_id.hpp"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include <cstdio>

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
  HPDF_MD5_CTX ctx;
  HPDF_MD5Init(&ctx);
  HPDF_MD5Update(&ctx, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                 static_cast<HPDF_UINT32>(bytes.size()));
  HPDF_BYTE digest[kIdBytes];
  HPDF_MD5Final(digest, &ctx);
  std::string hex;
  char buf[4];
  for (const HPDF_BYTE b : digest) {
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned>(b));
    hex += buf;
  }
  bytes.replace(first + 1, hex.size(), hex);
  bytes.replace(second + 1, hex.size(), hex);
  return Ok{};
}

}  // namespace leafpress::pdf
