// Tests for text::load_word_dictionary (text/paragraph.cpp): a cold build's head start
// (batch::warm_up) builds ICU's word dictionary on another thread while titles are
// composed; it changes no break, for any language, and is safe beside compose.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_support.hpp"
#include "text/paragraph.hpp"

using leafpress::test::installed_fonts;
using leafpress::text::Align;
using leafpress::text::compose;
using leafpress::text::load_word_dictionary;
using leafpress::text::ParagraphStyle;
using leafpress::text::TextSpan;

namespace {

struct Title {
  const char* lang;
  const char* text;
};
const Title kTitles[] = {
    {"zh-Hans", "糖尿病足部护理：每天五分钟"},
    {"zh-Hant", "骨質疏鬆症：預防跌倒的居家安全"},
    {"ja", "睡眠の質を高めるための生活習慣"},
    {"ko", "국가예방접종 안내와 예약 방법"},
    {"en", "How to look after your feet when you have diabetes"},
};

// Each title's lines, as layout sets a title (bold, flush left, balanced) at 170 pt. No
// Catch assertion inside: it runs on several threads at once (Catch's are not thread-safe).
std::vector<std::string> titles() {
  std::vector<std::string> out;
  for (const Title& t : kTitles) {
    ParagraphStyle style;
    style.size = 20;
    style.lang = t.lang;
    style.bold = true;
    style.align = Align::Left;
    style.balance = true;
    auto p = compose({TextSpan{t.text}}, style, 170, installed_fonts());
    std::string lines = p ? "" : "error: " + p.error().message;
    if (p)
      for (const auto& line : p->lines) lines += line.text() + " | ";
    out.push_back(lines);
  }
  return out;
}

}  // namespace

TEST_CASE("word dictionary: loaded on other threads while titles are composed, no break changes",
          "[text][word_dictionary]") {
  const std::vector<std::string> before = titles();
  REQUIRE(before[0] == "糖尿病足部护理： | 每天五分钟 | ");  // words kept whole: the dictionary is used
  std::vector<std::vector<std::string>> during(2);
  {
    std::vector<std::jthread> threads;
    for (const Title& t : kTitles)
      threads.emplace_back([lang = std::string(t.lang)] { load_word_dictionary(lang); });
    threads.emplace_back([&] { during[0] = titles(); });
    threads.emplace_back([&] { during[1] = titles(); });
  }
  CHECK(during[0] == before);
  CHECK(during[1] == before);
  load_word_dictionary("");  // no language: nothing to load
  CHECK(titles() == before);
}
