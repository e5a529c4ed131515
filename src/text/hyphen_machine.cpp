#include "text/hyphen_machine.hpp"

#include <cstring>
#include <type_traits>
#include <vector>

namespace leafpress::text {
namespace {

// Saved bytes: native integers (the build machine is the machine that reads them).
// A record: magic, name, fingerprint, the record's length (to skip it), the level count,
// then per level: its counts, the dictionary's own fields, a table of fixed-size state
// records, one of transitions, and every string NUL-terminated in one block (a state
// names its strings by offset, -1 for none). Restoring is then a few copies and one
// pass over the states that checks every offset and index before it is used.
constexpr std::uint32_t kMagic = 0x324d484cu;  // "LHM2"; a new layout takes a new number

struct SavedState {
  std::int32_t match = -1, repl = -1;  // offsets into the level's strings
  std::int32_t fallback = 0, num_trans = 0;
  std::int8_t replindex = 0, replcut = 0;
  std::int8_t pad[2] = {};
};
struct SavedTrans {
  std::int32_t new_state = 0;
  char ch = 0;
  char pad[3] = {};
};
static_assert(std::is_trivially_copyable_v<SavedState> && sizeof(SavedState) == 20);
static_assert(std::is_trivially_copyable_v<SavedTrans> && sizeof(SavedTrans) == 8);

void put_raw(std::string& out, const void* p, std::size_t n) {
  out.append(static_cast<const char*>(p), n);
}

template <class T>
void put(std::string& out, T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  put_raw(out, &v, sizeof v);
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
    std::string text;
    const auto offset_of = [&](const char* str) {
      if (!str) return std::int32_t{-1};
      const auto at = static_cast<std::int32_t>(text.size());
      text.append(str).push_back('\0');
      return at;
    };
    std::vector<SavedState> states(static_cast<std::size_t>(d->num_states));
    std::vector<SavedTrans> trans;
    for (int i = 0; i < d->num_states; ++i) {
      const HyphenState& from = d->states[i];
      SavedState& to = states[static_cast<std::size_t>(i)];
      to.match = offset_of(from.match);
      to.repl = offset_of(from.repl);
      // libhyphen sets these only with a replacement (and reads them only then): the
      // rest is whatever its allocator returned, saved as 0 so the bytes are the same every build.
      to.replindex = from.repl ? from.replindex : 0;
      to.replcut = from.repl ? from.replcut : 0;
      to.fallback = from.fallback_state;
      to.num_trans = from.num_trans;
      for (int t = 0; t < from.num_trans; ++t) {
        SavedTrans& tr = trans.emplace_back();
        tr.ch = from.trans[t].ch;
        tr.new_state = from.trans[t].new_state;
      }
    }
    // NOHYPHEN: libhyphen keeps nohyphenl + 1 strings, each NUL-terminated, in one block.
    std::int32_t nohyphen = -1;
    if (d->nohyphen) {
      nohyphen = static_cast<std::int32_t>(text.size());
      const char* p = d->nohyphen;
      for (int k = 0; k <= d->nohyphenl; ++k) {
        const std::size_t n = std::strlen(p) + 1;
        text.append(p, n);
        p += n;
      }
    }
    put(out, static_cast<std::int32_t>(d->num_states));
    put<std::uint64_t>(out, trans.size());
    put<std::uint64_t>(out, text.size());
    put(out, d->lhmin);
    put(out, d->rhmin);
    put(out, d->clhmin);
    put(out, d->crhmin);
    put(out, nohyphen);
    put(out, static_cast<std::int32_t>(d->nohyphenl));
    put_raw(out, d->cset, sizeof d->cset);
    put(out, static_cast<std::int32_t>(d->utf8));
    put_raw(out, states.data(), states.size() * sizeof(SavedState));
    put_raw(out, trans.data(), trans.size() * sizeof(SavedTrans));
    put_raw(out, text.data(), text.size());
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
      HyphenDict& d = level.dict;
      d.num_states = r.get<std::int32_t>();
      const auto trans_count = r.get<std::uint64_t>();
      const auto text_bytes = r.get<std::uint64_t>();
      // Every count within the record's length before anything is sized by it.
      if (!r.ok() || d.num_states < 0 ||
          static_cast<std::uint64_t>(d.num_states) > length / sizeof(SavedState) ||
          trans_count > length / sizeof(SavedTrans) || text_bytes > length)
        return nullptr;
      d.lhmin = r.get<char>();
      d.rhmin = r.get<char>();
      d.clhmin = r.get<char>();
      d.crhmin = r.get<char>();
      const auto nohyphen = r.get<std::int32_t>();
      d.nohyphenl = r.get<std::int32_t>();
      const std::string_view cset = r.bytes(sizeof d.cset);
      d.utf8 = r.get<std::int32_t>();
      const std::string_view states = r.bytes(static_cast<std::size_t>(d.num_states) * sizeof(SavedState));
      const std::string_view trans = r.bytes(static_cast<std::size_t>(trans_count) * sizeof(SavedTrans));
      const std::string_view text = r.bytes(static_cast<std::size_t>(text_bytes));
      if (!r.ok() || (!text.empty() && text.back() != '\0')) return nullptr;  // every string ends inside
      std::memcpy(d.cset, cset.data(), sizeof d.cset);
      level.text.assign(text.begin(), text.end());
      const auto string_at = [&](std::int32_t at, bool& ok) -> char* {
        if (at == -1) return nullptr;
        if (at < 0 || static_cast<std::uint64_t>(at) >= text_bytes) {
          ok = false;
          return nullptr;
        }
        return level.text.data() + at;
      };
      bool ok = true;
      d.nohyphen = string_at(nohyphen, ok);
      if (d.nohyphen) {  // nohyphenl + 1 strings, all inside the block
        if (d.nohyphenl < 0) return nullptr;
        std::size_t at = static_cast<std::size_t>(nohyphen);
        for (int k = 0; k <= d.nohyphenl; ++k) {
          const std::size_t end = text.find('\0', at);
          if (end == std::string_view::npos) return nullptr;
          at = end + 1;
        }
      }
      level.trans.resize(static_cast<std::size_t>(trans_count));
      for (std::size_t t = 0; t < level.trans.size(); ++t) {
        SavedTrans saved;
        std::memcpy(&saved, trans.data() + t * sizeof saved, sizeof saved);
        if (saved.new_state < 0 || saved.new_state >= d.num_states) return nullptr;
        level.trans[t].ch = saved.ch;
        level.trans[t].new_state = saved.new_state;
      }
      level.states.resize(static_cast<std::size_t>(d.num_states));
      std::size_t next_trans = 0;
      for (std::size_t i = 0; i < level.states.size(); ++i) {
        SavedState saved;
        std::memcpy(&saved, states.data() + i * sizeof saved, sizeof saved);
        if (saved.num_trans < 0 ||
            static_cast<std::size_t>(saved.num_trans) > level.trans.size() - next_trans ||
            saved.fallback < -1 || saved.fallback >= d.num_states)
          return nullptr;
        HyphenState& st = level.states[i];
        st.match = string_at(saved.match, ok);
        st.repl = string_at(saved.repl, ok);
        st.replindex = saved.replindex;
        st.replcut = saved.replcut;
        st.fallback_state = saved.fallback;
        st.num_trans = saved.num_trans;
        st.trans = saved.num_trans ? level.trans.data() + next_trans : nullptr;
        next_trans += static_cast<std::size_t>(saved.num_trans);
      }
      if (!ok || next_trans != level.trans.size()) return nullptr;
      d.states = level.states.data();
      d.nextlevel = l + 1 < levels ? &machine->levels_[l + 1].dict : nullptr;
    }
    return machine;
  }
  return nullptr;
}

}  // namespace leafpress::text
