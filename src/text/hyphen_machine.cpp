#include "text/hyphen_machine.hpp"

#include <cstring>
#include <type_traits>

namespace leafpress::text {
namespace {

// Saved bytes: native integers (the build machine is the machine that reads them).
// A record: magic, name, fingerprint, the record's length (to skip it), the counts
// that size the restored vectors, then each level's fields in hyphen.h's order.
// A string is its length (-1: a null pointer) and its bytes, without the NUL.
constexpr std::uint32_t kMagic = 0x314d484cu;  // "LHM1"; a new layout takes a new number

void put_raw(std::string& out, const void* p, std::size_t n) {
  out.append(static_cast<const char*>(p), n);
}

template <class T>
void put(std::string& out, T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  put_raw(out, &v, sizeof v);
}

void put_string(std::string& out, const char* s) {
  if (!s) {
    put<std::int32_t>(out, -1);
    return;
  }
  const auto n = static_cast<std::int32_t>(std::strlen(s));
  put(out, n);
  put_raw(out, s, static_cast<std::size_t>(n));
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  std::size_t at() const { return at_; }

  template <class T>
  T get() {
    T v{};
    if (!take(sizeof v)) return v;
    std::memcpy(&v, bytes_.data() + at_ - sizeof v, sizeof v);
    return v;
  }
  std::string_view bytes(std::size_t n) {
    if (!take(n)) return {};
    return bytes_.substr(at_ - n, n);
  }
  // A saved string, copied NUL-terminated into `text` (reserved: never reallocates).
  char* string(std::vector<char>& text) {
    const auto n = get<std::int32_t>();
    if (n < 0) return nullptr;
    const std::string_view s = bytes(static_cast<std::size_t>(n));
    if (!ok_ || text.size() + s.size() + 1 > text.capacity()) {
      ok_ = false;
      return nullptr;
    }
    char* p = text.data() + text.size();
    text.insert(text.end(), s.begin(), s.end());
    text.push_back('\0');
    return p;
  }

 private:
  bool take(std::size_t n) {
    if (!ok_ || n > bytes_.size() - at_) {
      ok_ = false;
      return false;
    }
    at_ += n;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::size_t level_text_bytes(const HyphenDict& d) {
  std::size_t n = d.nohyphen ? std::strlen(d.nohyphen) + 1 : 0;
  for (int i = 0; i < d.num_states; ++i) {
    const HyphenState& s = d.states[i];
    if (s.match) n += std::strlen(s.match) + 1;
    if (s.repl) n += std::strlen(s.repl) + 1;
  }
  return n;
}

std::size_t level_trans(const HyphenDict& d) {
  std::size_t n = 0;
  for (int i = 0; i < d.num_states; ++i) n += static_cast<std::size_t>(d.states[i].num_trans);
  return n;
}

}  // namespace

DictFingerprint fingerprint(std::string_view file_bytes) {
  // FNV-1a over 8-byte words (the tail zero-padded), then a final avalanche
  // (splitmix64's): a changed, added or removed pattern changes the hash.
  std::uint64_t h = 0xcbf29ce484222325ull;
  std::size_t i = 0;
  for (; i + 8 <= file_bytes.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, file_bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, file_bytes.data() + i, file_bytes.size() - i);
  h = (h ^ tail) * 0x100000001b3ull;
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return {file_bytes.size(), h};
}

void save_machine(std::string& out, std::string_view name, const DictFingerprint& file,
                  const HyphenDict& dict) {
  put(out, kMagic);
  put(out, static_cast<std::uint32_t>(name.size()));
  put_raw(out, name.data(), name.size());
  put(out, file.size);
  put(out, file.hash);
  const std::size_t length_at = out.size();
  put<std::uint64_t>(out, 0);  // the record's length after this field, filled in below
  std::uint32_t levels = 0;
  for (const HyphenDict* d = &dict; d; d = d->nextlevel) ++levels;
  put(out, levels);
  for (const HyphenDict* d = &dict; d; d = d->nextlevel) {
    put<std::uint64_t>(out, level_trans(*d));
    put<std::uint64_t>(out, level_text_bytes(*d));
    put(out, d->lhmin);
    put(out, d->rhmin);
    put(out, d->clhmin);
    put(out, d->crhmin);
    put_string(out, d->nohyphen);
    put(out, static_cast<std::int32_t>(d->nohyphenl));
    put_raw(out, d->cset, sizeof d->cset);
    put(out, static_cast<std::int32_t>(d->utf8));
    put(out, static_cast<std::int32_t>(d->num_states));
    for (int i = 0; i < d->num_states; ++i) {
      const HyphenState& s = d->states[i];
      put_string(out, s.match);
      put_string(out, s.repl);
      // libhyphen sets these only with a replacement (and reads them only then): the
      // rest is whatever its allocator returned, saved as 0 so the bytes are the same every build.
      put(out, s.repl ? s.replindex : static_cast<signed char>(0));
      put(out, s.repl ? s.replcut : static_cast<signed char>(0));
      put(out, static_cast<std::int32_t>(s.fallback_state));
      put(out, static_cast<std::int32_t>(s.num_trans));
      for (int t = 0; t < s.num_trans; ++t) {
        put(out, s.trans[t].ch);
        put(out, static_cast<std::int32_t>(s.trans[t].new_state));
      }
    }
  }
  const std::uint64_t length = out.size() - length_at - sizeof(std::uint64_t);
  std::memcpy(out.data() + length_at, &length, sizeof length);
}

std::unique_ptr<RestoredMachine> restore(std::string_view saved, std::string_view name,
                                         const DictFingerprint& file) {
  Reader r(saved);
  while (r.ok() && r.at() < saved.size()) {
    if (r.get<std::uint32_t>() != kMagic) return nullptr;
    const std::string_view record_name = r.bytes(r.get<std::uint32_t>());
    const DictFingerprint record_file{r.get<std::uint64_t>(), r.get<std::uint64_t>()};
    const auto length = r.get<std::uint64_t>();
    if (!r.ok()) return nullptr;
    if (record_name != name || !(record_file == file)) {
      (void)r.bytes(static_cast<std::size_t>(length));
      continue;
    }
    auto machine = std::make_unique<RestoredMachine>();
    const auto levels = r.get<std::uint32_t>();
    if (!r.ok() || levels == 0 || levels > 8) return nullptr;
    machine->levels_.resize(levels);  // never resized again: the dicts' nextlevel pointers stay valid
    for (std::uint32_t l = 0; l < levels; ++l) {
      RestoredMachine::Level& level = machine->levels_[l];
      const auto trans_count = r.get<std::uint64_t>();
      const auto text_bytes = r.get<std::uint64_t>();
      if (!r.ok() || trans_count > length || text_bytes > length) return nullptr;
      level.trans.reserve(static_cast<std::size_t>(trans_count));
      level.text.reserve(static_cast<std::size_t>(text_bytes));
      HyphenDict& d = level.dict;
      d.lhmin = r.get<char>();
      d.rhmin = r.get<char>();
      d.clhmin = r.get<char>();
      d.crhmin = r.get<char>();
      d.nohyphen = r.string(level.text);
      d.nohyphenl = r.get<std::int32_t>();
      const std::string_view cset = r.bytes(sizeof d.cset);
      if (!r.ok()) return nullptr;
      std::memcpy(d.cset, cset.data(), sizeof d.cset);
      d.utf8 = r.get<std::int32_t>();
      d.num_states = r.get<std::int32_t>();
      if (!r.ok() || d.num_states < 0 || static_cast<std::uint64_t>(d.num_states) > length) return nullptr;
      level.states.resize(static_cast<std::size_t>(d.num_states));
      for (HyphenState& s : level.states) {
        s.match = r.string(level.text);
        s.repl = r.string(level.text);
        s.replindex = r.get<signed char>();
        s.replcut = r.get<signed char>();
        s.fallback_state = r.get<std::int32_t>();
        s.num_trans = r.get<std::int32_t>();
        if (!r.ok() || s.num_trans < 0 || s.fallback_state < -1 || s.fallback_state >= d.num_states ||
            level.trans.size() + static_cast<std::size_t>(s.num_trans) > level.trans.capacity())
          return nullptr;
        s.trans = s.num_trans ? level.trans.data() + level.trans.size() : nullptr;
        for (int t = 0; t < s.num_trans; ++t) {
          HyphenTrans tr{};
          tr.ch = r.get<char>();
          tr.new_state = r.get<std::int32_t>();
          if (tr.new_state < 0 || tr.new_state >= d.num_states) return nullptr;
          level.trans.push_back(tr);
        }
      }
      if (!r.ok()) return nullptr;
      d.states = level.states.data();
      d.nextlevel = l + 1 < levels ? &machine->levels_[l + 1].dict : nullptr;
    }
    return machine;
  }
  return nullptr;
}

}  // namespace leafpress::text
