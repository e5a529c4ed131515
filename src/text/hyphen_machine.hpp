// text/hyphen_machine.hpp: libhyphen's pattern machine, saved at build time and
// restored at run time without reading the patterns again.
//
// hnj_hyphen_load turns a .dic file of Liang patterns into a state machine (a trie
// with fallback states, as TeX's) and takes some 39 M instructions for
// hyph_en_US.dic: a third of a cold `leafpress build` of an English or mixed
// article, and the layout waits for it. The machine is a plain C structure
// (hyphen.h: HyphenDict, HyphenState, HyphenTrans), so the build runs libhyphen once
// (hyphen_machine_gen) and writes each machine out as bytes; at run time restore()
// rebuilds the same structure from them in some 1.4 M instructions (libhyphen: 39 M).
//
// A saved machine is used only for the very file it was made from: it carries the
// file's size and a 64-bit hash of its bytes, and the run-time caller compares them
// with the file it reads (fingerprint()). A dictionary updated or replaced after the
// build, or a machine saved by another version of this format, is not used: the
// caller loads the file through libhyphen as before. Hyphenation itself is always
// libhyphen's (hnj_hyphen_hyphenate2 over the restored machine), so the points are
// the same bit for bit; tests compare every field of both machines.
#pragma once

#include <hyphen.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::text {

// Identifies a dictionary file's bytes: its size and a 64-bit hash of its content.
struct DictFingerprint {
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
  bool operator==(const DictFingerprint&) const = default;
};
DictFingerprint fingerprint(std::string_view file_bytes);

// Appends to `out` one saved machine: `name` (the file name, e.g. "hyph_en_US.dic"),
// the file's fingerprint and every level of `dict` (libhyphen chains a second level
// for compound words through `nextlevel`).
void save_machine(std::string& out, std::string_view name, const DictFingerprint& file,
                  const HyphenDict& dict);

// A machine rebuilt from saved bytes. It owns every state, transition and string the
// HyphenDict points to; dict() is read by hnj_hyphen_hyphenate2 like a loaded one
// (never pass it to hnj_hyphen_free: nothing in it came from libhyphen's allocator).
class RestoredMachine {
 public:
  HyphenDict* dict() { return &levels_.front().dict; }

 private:
  struct Level {
    HyphenDict dict{};
    std::vector<HyphenState> states;
    std::vector<HyphenTrans> trans;
    std::vector<char> text;  // match, repl and nohyphen strings, each NUL-terminated
  };
  std::vector<Level> levels_;  // front() first; each dict's nextlevel points to the next one
  friend std::unique_ptr<RestoredMachine> restore(std::string_view, std::string_view, const DictFingerprint&);
};

// The machine saved in `saved` (a sequence of save_machine outputs) for the file
// `name` with fingerprint `file`; null when none matches, or the bytes are not a
// machine of this format (then the caller loads the file through libhyphen).
std::unique_ptr<RestoredMachine> restore(std::string_view saved, std::string_view name,
                                         const DictFingerprint& file);

// The machines saved into the program at build time (empty when no dictionary was
// installed on the build machine).
std::string_view embedded_machines();

}  // namespace leafpress::text
