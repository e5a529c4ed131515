// hyphen_machine_gen: the build's step that saves libhyphen's pattern machines
// (text/hyphen_machine.hpp) for the program to restore at run time.
//
//   hyphen_machine_gen OUT.bin DICT.dic...
//
// Loads each dictionary with hnj_hyphen_load and writes its machine, under the file's
// name and fingerprint, into OUT.bin. A dictionary that is not installed is left out
// (the program then loads it at run time, if it is there by then); OUT.bin is always
// written, empty when none is.
#include <hyphen.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "core/handle.hpp"
#include "text/hyphen_machine.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.bin DICT.dic...\n", argv[0]);
    return 2;
  }
  std::string saved;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) continue;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const leafpress::Handle<HyphenDict, hnj_hyphen_free> dict(hnj_hyphen_load(argv[i]));
    if (!dict) {
      std::fprintf(stderr, "error: %s: libhyphen cannot load it (reinstall the hyphen-en-* package)\n",
                   argv[i]);
      return 1;
    }
    const std::string name = std::filesystem::path(argv[i]).filename().string();
    leafpress::text::save_machine(saved, name, leafpress::text::fingerprint(bytes), *dict);
  }
  const std::string tmp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(saved.data(), static_cast<std::streamsize>(saved.size()));
    if (!out) {
      std::fprintf(stderr, "error: %s: cannot write it\n", tmp.c_str());
      return 1;
    }
  }
  std::filesystem::rename(tmp, argv[1]);
  return 0;
}
