// cli/fonts_command.cpp: `leafpress fonts`: the font families fontconfig knows, by script.
//
// A family is listed under a script when fontconfig says it covers that script's language
// (FC_LANG: zh-cn, zh-tw, ja, ko, en), so the list answers "what can I give to
// `--set fonts.serif=...` for a Japanese leaflet". The project's fonts/ folder is included
// (batch::Context loads it as application fonts).
#include <fontconfig/fontconfig.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/commands.hpp"

namespace leafpress::cli {

int run_fonts(const char* argv0) {
  (void)process_context(argv0);  // adds the project's fonts/ to fontconfig's configuration
  const std::pair<const char*, const char*> scripts[] = {
      {"en", "Latin (en)"},
      {"zh-cn", "Simplified Chinese (zh-Hans)"},
      {"zh-tw", "Traditional Chinese (zh-Hant)"},
      {"ja", "Japanese (ja)"},
      {"ko", "Korean (ko)"},
  };
  std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> fields(FcObjectSetBuild(FC_FAMILY, nullptr),
                                                                     FcObjectSetDestroy);
  for (const auto& [lang, title] : scripts) {
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(FcPatternCreate(), FcPatternDestroy);
    std::unique_ptr<FcLangSet, decltype(&FcLangSetDestroy)> langs(FcLangSetCreate(), FcLangSetDestroy);
    FcLangSetAdd(langs.get(), reinterpret_cast<const FcChar8*>(lang));
    FcPatternAddLangSet(pattern.get(), FC_LANG, langs.get());
    std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> found(
        FcFontList(nullptr, pattern.get(), fields.get()), FcFontSetDestroy);
    std::set<std::string> families;
    for (int i = 0; found && i < found->nfont; ++i) {
      FcChar8* family = nullptr;
      if (FcPatternGetString(found->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
        families.insert(reinterpret_cast<const char*>(family));
    }
    std::cout << title << ": " << families.size() << " families\n";
    for (const auto& f : families) std::cout << "  " << f << "\n";
  }
  std::cout << "Use one by name: --set fonts.serif=\"Noto Serif\" (fonts.sans, fonts.serif.cjk, fonts.sans.cjk),\n"
               "or `fonts: {serif: Noto Serif}` in a layout's or an article's front matter.\n";
  return 0;
}

}  // namespace leafpress::cli
