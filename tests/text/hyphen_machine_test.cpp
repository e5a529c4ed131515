// Tests for text/hyphen_machine.cpp: a machine saved at build time and restored is
// libhyphen's own machine, field by field, and hyphenates every word the same; it is
// used only for the file it was made from.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "tests/support/test_support.hpp"
#include "text/hyphen_machine.hpp"

namespace fs = std::filesystem;
using leafpress::text::DictFingerprint;
using leafpress::text::embedded_machines;
using leafpress::text::fingerprint;
using leafpress::text::restore;
using leafpress::text::save_machine;

namespace {

using Loaded = leafpress::Handle<HyphenDict, hnj_hyphen_free>;

const char* const kDicts[] = {"hyph_en_US.dic", "hyph_en_GB.dic"};

std::string dict_path(const char* name) {
  return std::string(LEAFPRESS_HYPHEN_DIR) + "/" + name;
}

std::string bytes_of(const std::string& path) {
  auto bytes = leafpress::read_file(path, 16u << 20);
  REQUIRE(bytes);
  return *bytes;
}

bool same_string(const char* a, const char* b) {
  return (!a && !b) || (a && b && std::strcmp(a, b) == 0);
}

// NOHYPHEN: `count` strings one after the other, each NUL-terminated.
bool same_strings(const char* a, const char* b, int count) {
  if (!a || !b) return !a && !b;
  for (int k = 0; k < count; ++k, a += std::strlen(a) + 1, b += std::strlen(b) + 1)
    if (std::strcmp(a, b) != 0) return false;
  return true;
}

// Every field hnj_hyphen_hyphenate2 may read, on every level.
void require_same_machine(const HyphenDict* a, const HyphenDict* b) {
  int level = 0;
  for (; a && b; a = a->nextlevel, b = b->nextlevel, ++level) {
    INFO("level " << level);
    REQUIRE(a->lhmin == b->lhmin);
    REQUIRE(a->rhmin == b->rhmin);
    REQUIRE(a->clhmin == b->clhmin);
    REQUIRE(a->crhmin == b->crhmin);
    REQUIRE(a->nohyphenl == b->nohyphenl);
    REQUIRE(same_strings(a->nohyphen, b->nohyphen, a->nohyphenl + 1));
    REQUIRE(std::memcmp(a->cset, b->cset, sizeof a->cset) == 0);
    REQUIRE(a->utf8 == b->utf8);
    REQUIRE(a->num_states == b->num_states);
    for (int i = 0; i < a->num_states; ++i) {
      const HyphenState& s = a->states[i];
      const HyphenState& t = b->states[i];
      INFO("state " << i);
      REQUIRE(same_string(s.match, t.match));
      REQUIRE(same_string(s.repl, t.repl));
      if (s.repl) {  // set, and read, only with a replacement
        REQUIRE(s.replindex == t.replindex);
        REQUIRE(s.replcut == t.replcut);
      }
      REQUIRE(s.fallback_state == t.fallback_state);
      REQUIRE(s.num_trans == t.num_trans);
      for (int k = 0; k < s.num_trans; ++k) {
        REQUIRE(s.trans[k].ch == t.trans[k].ch);
        REQUIRE(s.trans[k].new_state == t.trans[k].new_state);
      }
    }
  }
  REQUIRE(!a);
  REQUIRE(!b);
  REQUIRE(level == 2);  // libhyphen's compound level, then the patterns
}

// The hyphens libhyphen marks in `word` (lower case ASCII) with `dict`.
std::string hyphens(HyphenDict* dict, const std::string& word) {
  std::string out(word.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  REQUIRE(hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), out.data(), nullptr, &rep,
                                &pos, &cut) == 0);
  REQUIRE(!rep);  // the English patterns have no non-standard hyphenation
  out.resize(word.size());
  return out;
}

// Every word of ASCII letters in the project's articles, lower case.
std::set<std::string> article_words() {
  std::set<std::string> words;
  for (const char* dir : {"content", "tests/articles"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(LEAFPRESS_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".md") continue;
      std::string word;
      for (const char c : bytes_of(e.path().string()) + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
          if (word.size() >= 2 && word.size() <= 64) words.insert(word);
          word.clear();
        }
      }
    }
  }
  return words;
}

}  // namespace

TEST_CASE("hyphen machine: the build saved both dictionaries, and each restores as libhyphen loads it",
          "[text][hyphen_machine]") {
  for (const char* name : kDicts) {
    INFO(name);
    const std::string path = dict_path(name);
    const Loaded loaded(hnj_hyphen_load(path.c_str()));
    REQUIRE(loaded);
    const auto restored = restore(embedded_machines(), name, fingerprint(bytes_of(path)));
    REQUIRE(restored);
    require_same_machine(loaded.get(), restored->dict());
  }
}

TEST_CASE("hyphen machine: saved and restored, every word of every article hyphenates the same",
          "[text][hyphen_machine]") {
  const std::set<std::string> words = article_words();
  REQUIRE(words.size() > 1000);
  for (const char* name : kDicts) {
    INFO(name);
    const std::string path = dict_path(name);
    const Loaded loaded(hnj_hyphen_load(path.c_str()));
    REQUIRE(loaded);
    std::string saved;
    const DictFingerprint file = fingerprint(bytes_of(path));
    save_machine(saved, name, file, *loaded);
    const auto restored = restore(saved, name, file);
    REQUIRE(restored);
    require_same_machine(loaded.get(), restored->dict());
    std::size_t with_hyphen = 0;
    for (const std::string& w : words) {
      INFO(w);
      const std::string marks = hyphens(loaded.get(), w);
      REQUIRE(hyphens(restored->dict(), w) == marks);
      for (const char m : marks) with_hyphen += (m & 1) ? 1 : 0;
    }
    CHECK(with_hyphen > 500);  // the comparison saw real hyphens, not only empty marks
  }
}

TEST_CASE("hyphen machine: every field libhyphen reads survives, NOHYPHEN lists and replacements included",
          "[text][hyphen_machine]") {
  // A dictionary with what the English ones lack: forbidden sequences (three of them, kept
  // by libhyphen as NUL-separated strings), hyphen minima, and a non-standard replacement.
  leafpress::test::TempDir dir;
  const std::string path = (dir.path / "hyph_xx.dic").string();
  const std::string dic =
      "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nNOHYPHEN ck,tz,sch\n"
      "1ba\n1be\n1bi\n1ca\n1co\n1da\n1de\n1ta\n1to\nc1k\nt1z\nf1f/ff=f,1,2\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << dic;
  }
  const Loaded loaded(hnj_hyphen_load(path.c_str()));
  REQUIRE(loaded);
  REQUIRE(loaded->nextlevel);
  REQUIRE(loaded->nextlevel->nohyphen);
  REQUIRE(loaded->nextlevel->nohyphenl == 2);
  std::string saved;
  save_machine(saved, "hyph_xx.dic", fingerprint(dic), *loaded);
  const auto restored = restore(saved, "hyph_xx.dic", fingerprint(dic));
  REQUIRE(restored);
  require_same_machine(loaded.get(), restored->dict());
  for (const char* word : {"bababa", "tackabe", "schobeda", "tatzeta", "schiffahrt", "decoda"}) {
    INFO(word);
    const std::string w = word;
    std::string marks[2];
    HyphenDict* dicts[2] = {loaded.get(), restored->dict()};
    for (int i = 0; i < 2; ++i) {
      marks[i].assign(w.size() + 5, '\0');
      char** rep = nullptr;
      int* pos = nullptr;
      int* cut = nullptr;
      REQUIRE(hnj_hyphen_hyphenate2(dicts[i], w.c_str(), static_cast<int>(w.size()), marks[i].data(), nullptr,
                                    &rep, &pos, &cut) == 0);
      if (rep) {
        for (std::size_t k = 0; k < w.size(); ++k) {
          if (rep[k]) marks[i] += std::string("|") + rep[k] + std::to_string(pos[k]) + std::to_string(cut[k]);
          std::free(rep[k]);
        }
        std::free(rep);
        std::free(pos);
        std::free(cut);
      }
    }
    CHECK(marks[1] == marks[0]);
  }
}

TEST_CASE("hyphen machine: a machine is used only for the file it was made from", "[text][hyphen_machine]") {
  const std::string path = dict_path("hyph_en_US.dic");
  std::string bytes = bytes_of(path);
  const std::string_view saved = embedded_machines();
  REQUIRE(restore(saved, "hyph_en_US.dic", fingerprint(bytes)));
  CHECK_FALSE(restore(saved, "hyph_en_XX.dic", fingerprint(bytes)));  // another name
  // One pattern changed (a digit moved), or one added: another file.
  std::string edited = bytes;
  const std::size_t digit = edited.find_first_of("12345", edited.size() / 2);
  REQUIRE(digit != std::string::npos);
  std::swap(edited[digit], edited[digit + 1]);
  CHECK_FALSE(restore(saved, "hyph_en_US.dic", fingerprint(edited)));
  CHECK_FALSE(restore(saved, "hyph_en_US.dic", fingerprint(bytes + "zz1z\n")));
  CHECK_FALSE(fingerprint(edited) == fingerprint(bytes));
  // The British machine is not the American one, whatever its name says.
  CHECK_FALSE(restore(saved, "hyph_en_GB.dic", fingerprint(bytes)));
}

TEST_CASE("hyphen machine: cut or damaged bytes restore nothing, and never read past their end",
          "[text][hyphen_machine]") {
  const std::string path = dict_path("hyph_en_GB.dic");
  const Loaded loaded(hnj_hyphen_load(path.c_str()));
  REQUIRE(loaded);
  std::string saved;
  const DictFingerprint file = fingerprint(bytes_of(path));
  save_machine(saved, "hyph_en_GB.dic", file, *loaded);
  REQUIRE(restore(saved, "hyph_en_GB.dic", file));
  for (const std::size_t keep :
       {std::size_t{0}, std::size_t{3}, std::size_t{40}, saved.size() / 2, saved.size() - 1}) {
    INFO("first " << keep << " bytes");
    // A copy of exactly `keep` bytes: a read past them is a sanitizer error.
    const std::vector<char> cut(saved.begin(), saved.begin() + static_cast<std::ptrdiff_t>(keep));
    CHECK_FALSE(restore({cut.data(), cut.size()}, "hyph_en_GB.dic", file));
  }
  std::string wrong_magic = saved;
  wrong_magic[0] ^= 0x20;
  CHECK_FALSE(restore(wrong_magic, "hyph_en_GB.dic", file));
  CHECK_FALSE(restore("", "hyph_en_GB.dic", file));
}
