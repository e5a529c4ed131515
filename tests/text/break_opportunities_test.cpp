// Tests for text/break_opportunities.cpp: where ICU and the CLReq/JLReq rules let a
// line break. Expectations are drawn as the text with "÷" at every break opportunity
// and "∙" at every fallback break (Korean syllables: taken only at a cost).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/utf8.hpp"
#include "tests/support/test_support.hpp"
#include "text/break_opportunities.hpp"

using leafpress::next_code_point;
using leafpress::test::kNoEnd;
using leafpress::test::kNoStart;
using leafpress::test::kNoStartStrict;
using leafpress::test::utf8;
using leafpress::text::find_break_opportunities;
using leafpress::text::LineBreakStrictness;
using leafpress::text::may_not_end_line;
using leafpress::text::may_not_start_line;

namespace {

constexpr auto kNormal = LineBreakStrictness::Normal;
constexpr auto kStrict = LineBreakStrictness::Strict;
constexpr auto kAuto = LineBreakStrictness::Auto;

std::string draw(const std::string& text, const std::string& lang, LineBreakStrictness strictness) {
  const auto breaks = find_break_opportunities(text, lang, strictness);
  REQUIRE(breaks.size() == text.size() + 1);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (breaks[i] == leafpress::text::kBreak) out += "÷";
    if (breaks[i] == leafpress::text::kFallbackBreak) out += "∙";
    if (breaks[i] == leafpress::text::kNameSyllableBreak) out += "°";
    if (breaks[i] == leafpress::text::kLoneSyllableBreak) out += "¦";
    if (breaks[i] == leafpress::text::kTieBreak) out += "~";          // after a bare number
    if (breaks[i] == leafpress::text::kMeasureWordBreak) out += "≈";  // ... before a unit written out
    out += text[i];
  }
  if (breaks[text.size()]) out += "÷";
  return out;
}

}  // namespace

TEST_CASE("break_opportunities: drawn breaks", "[text]") {
  struct Row {
    const char* lang;
    LineBreakStrictness strictness;
    const char* text;
    const char* breaks;
  };
  // clang-format off
  const Row rows[] = {
      // zh: between Han characters; never before ，。」） nor after 「（.
      {"zh", kNormal, "你好，世界。「引号」（括号）内容", "你÷好，÷世÷界。÷「引÷号」÷（括÷号）÷内÷容"},
      {"zh-Hans", kNormal, "你好，世界。「引号」（括号）内容", "你÷好，÷世÷界。÷「引÷号」÷（括÷号）÷内÷容"},
      // —— and …… are one unit each.
      {"zh", kNormal, "他说——好的……真的", "他÷说÷——÷好÷的……÷真÷的"},
      // A number keeps its unit, range and measure word (CLReq 3.1.7): 1糖 15%～25% 5～10分 37℃; a
      // Han character after a unit sign starts a word of its own (37℃ | 以上).
      {"zh", kNormal, "类型1糖尿病 type 2", "类÷型÷1糖÷尿÷病 ÷type 2"},  // "type 2": a numbered name
      {"zh", kNormal, "约15%～25%的人", "约15%～25%÷的÷人"},  // 约 keeps its number
      {"zh", kNormal, "每次5～10分钟", "每÷次÷5～10分钟"},
      // ... a unit of two characters too, after a space or a classifier ("10～15 分 | 鐘" split it).
      {"zh-Hant", kNormal, "間隔10～15 分鐘；公分", "間÷隔÷10～15 分鐘；÷公÷分"},
      {"ja", kAuto, "6～8時間ごと", "6～8時間÷ご÷と"},
      {"zh", kNormal, "睡2个小时分钟", "睡÷2个小时÷分÷钟"},
      {"zh", kNormal, "体温37℃以上", "体÷温÷37℃÷以÷上"},
      {"ja", kNormal, "３０％以上", "３０％÷以÷上"},
      // ... but for a suffix of the quantity itself: 38℃台, 5%増, 30%超.
      {"ja", kNormal, "熱が38℃台で5%増", "熱÷が÷38℃台÷で÷5%増"},
      // A range of counted quantities: the range mark stays with both ("10月～ | 12月" read as
      // an open range).
      {"ja", kAuto, "前の10月～12月中旬", "前÷の÷10月～12月÷中÷旬"},
      {"zh", kNormal, "每年3月-5月和9月～11月", "每÷年÷3月-5月÷和÷9月～11月"},
      {"zh", kNormal, "服药3个月～6个月", "服÷药÷3个月～6个月"},
      {"ja", kAuto, "3か月後と2個", "3か月÷後÷と÷2個"},
      {"zh", kNormal, "中·文", "中·÷文"},
      // ja normal: small kana and ー may start a line; strict: they may not.
      {"ja", kNormal, "カップとコーヒー", "カ÷ッ÷プ÷と÷コ÷ー÷ヒ÷ー"},
      {"ja", kStrict, "カップとコーヒー", "カッ÷プ÷と÷コー÷ヒー"},
      // Auto (the default): Japanese breaks strictly (JLReq 3.1.7), the rest normally.
      {"ja", kAuto, "カップとコーヒー", "カッ÷プ÷と÷コー÷ヒー"},
      {"ja-JP", kAuto, "ちょっと見た。", "ちょっ÷と÷見÷た。"},
      {"zh", kAuto, "カップ", "カ÷ッ÷プ"},
      {"ja", kNormal, "ちょっと見た。", "ち÷ょ÷っ÷と÷見÷た。"},
      {"ja", kStrict, "ちょっと見た。", "ちょっ÷と÷見÷た。"},
      {"ja", kNormal, "見た・聞いた", "見÷た・÷聞÷い÷た"},
      // ko: at spaces (keep-all); between two Hangul syllables only as a fallback (KLREQ),
      // leaving two syllables or more on each side (∙), never next to Han; other languages
      // break Hangul anywhere.
      {"ko", kNormal, "저는 학생입니다. 한국어(韓國語)를 배워요", "저는 ÷학생∙입∙니다. ÷한국어∙(韓國語)를 ÷배워요"},
      {"ko-KR", kNormal, "日本語の文 한국 語", "日本語の文 ÷한국 ÷語"},
      {"en", kNormal, "저는 학생입니다", "저÷는 ÷학÷생÷입÷니÷다"},
      // en: after spaces and after a hyphen before a letter.
      {"en", kNormal, "A well-known fact, e.g. self-evident (really) 2-3 items.",
                      "A ÷well-÷known ÷fact, ÷e.g. ÷self-÷evident ÷(really) ÷2-3 ~items."},
      // ... but not after a one-letter first part: never "e- | mail" or "X- | ray".
      {"en", kNormal, "by e-mail, an X-ray, re-infused, T-cells", "by ÷e-mail, ÷an ÷X-ray, ÷re-÷infused, ÷T-cells"},
      {"en", kNormal, "a 13C-UBT test", "a ÷13C-÷UBT ÷test"},
      {"en", kNormal, "β-blockers, 5-aminolevulinic, X‐ray", "β-blockers, ÷5-aminolevulinic, ÷X‐ray"},
      {"en", kNormal, "vitamin-K-dependent", "vitamin-÷K-÷dependent"},
      {"zh", kNormal, "用e-mail预约", "用÷e-mail÷预÷约"},
      {"zh", kNormal, "试验（¹³C-UBT）或", "试÷验÷（¹³C-÷UBT）÷或"},
      {"zh", kNormal, "检测抗-HBs", "检÷测÷抗-HBs"},
      // A spaced dash stays at the end of the line before: never "— about" at a line start.
      {"en", kNormal, "twenty seconds — about as long", "twenty ÷seconds — ÷about ÷as ÷long"},
      {"en-GB", kNormal, "wash – then dry", "wash – ÷then ÷dry"},
      // A short range with an unspaced en dash is one item ("7:30 a.m.– | 6:00 p.m." in a footer);
      // a long compound may part after its dash.
      {"en", kNormal, "Mon–Fri 7:30 a.m.–6:00 p.m., Sat 9:00 a.m.–noon",
       "Mon–Fri ÷7:30 a.m.–6:00 p.m., ÷Sat ÷9:00 a.m.–noon"},
      {"en", kNormal, "cardiothoracic–respiratory, sodium–glucose", "cardiothoracic–÷respiratory, ÷sodium–÷glucose"},
      {"en", kNormal, "(Mon–Fri), 9 a.m.–noon. COVID-19–related", "(Mon–Fri), ÷9 a.m.–noon. ÷COVID-19–÷related"},
      {"", kNormal, "two words", "two ÷words"},
      // A unit written with a slash is one word: never "mg/ | dL".
      {"en", kNormal, "150 mg/dL and/or 10 mg/kg", "150 mg/dL ÷and/or ÷10 mg/kg"},
      // Two names of four letters or more are two words: "amoxicillin/ | clavulanate".
      {"en", kNormal, "amoxicillin/clavulanate, HIV/AIDS", "amoxicillin/÷clavulanate, ÷HIV/AIDS"},
      // ... but a measure written out is a unit: "100 beats/ | minute" reads as two.
      {"en", kNormal, "100 beats/minute, 15 mmol/litre, drops/minute", "100 ≈beats/minute, ÷15 mmol/litre, ÷drops/minute"},
      {"ja", kNormal, "（sacubitril/valsartan）", "（sacubitril/÷valsartan）"},
      // ... and so is the clock; a unit written out is a word like any other.
      {"en", kNormal, "in 24 hours, 2 tablets at 9 am", "in ÷24 ≈hours, ÷2 ≈tablets ÷at ÷9 am"},
      {"zh", kNormal, "每次10～15mg/kg，", "每÷次÷10～15mg/kg，"},
      // A number keeps its counter after a space, and its unit: "3～4 | 次" would leave 次 alone.
      {"zh", kNormal, "每天 3～4 次，TSH 10 mIU/L", "每÷天 ÷3～4 次，÷TSH ÷10 mIU/L"},
      // Korean may break after a middle dot, as between syllables (KLREQ).
      {"ko", kNormal, "B형간염 1차·2차, 결핵", "B형간염 1차·∙2차, ÷결핵"},
      // ... and before a bracketed gloss, after a closing bracket before a syllable; never so
      // that a particle or one syllable stands alone ("허리 | 를", "(free T4) | 이").
      {"ko", kNormal, "아세트아미노펜(acetaminophen) 검진(무료)을", "아세°트°아°미°노펜∙(acetaminophen) ÷검진∙(무료)을"},
      {"ko", kNormal, "허리를 유리티록신(free T4)이 충분히", "허리¦를 ÷유리°티°록신∙(free ÷T4)이 ÷충분히"},
      // A word glossed in Latin letters is a name: its syllables part only as a last resort (°),
      // with or without a space before the gloss; a gloss in Hangul makes no name.
      {"ko", kNormal, "클로피도그렐 (clopidogrel) 중성지방", "클로°피°도°그렐 ÷(clopidogrel) ÷중성∙지방"},
      {"ko", kNormal, "혈소판응집(무료)", "혈소∙판∙응집∙(무료)"},
      // A case particle alone at a line start is a dear fallback (¦); never 이 ("this"), 로 or 나
      // (-으로, -거나), one syllable at a line's end, or the counter and particle after a number
      // ("3~6개월 | 을", "6시까 | 지").
      {"ko", kNormal, "분비를 압력이 하므로 3~6개월은 6시까지 약은", "분비¦를 ÷압력이 ÷하므로 ÷3~6개월은 ÷6시까지 ÷약은"},
      {"ko", kNormal, "６개월을 7%이상을 HbA1c수치를", "６개월을 ÷7%이상을 ÷HbA1c수치¦를"},
      // Not 은, 는, 과, 도, 의, which end verbs' modifiers and nouns as often, nor a 가 after a
      // final consonant (a subject's 가 follows a vowel).
      {"ko", kNormal, "허리를 숙이는 검사결과 혈중농도 전문가 괜찮은 어린아이가",
       "허리¦를 ÷숙이는 ÷검사∙결과 ÷혈중∙농도 ÷전문가 ÷괜찮은 ÷어린∙아∙이¦가"},
      // Nor a verb's endings in the particles' forms.
      {"ko", kNormal, "복용했을 괜찮을 가져가 돌아와 치료를", "복용∙했을 ÷괜찮을 ÷가져가 ÷돌아와 ÷치료¦를"},
      // A particle written apart from an address or a Latin word stays with it.
      {"ko", kNormal, "예약 https://a.example/booking 을 이용해 CT 를 찍고 CT 검사",
       "예약 ÷https://÷a.example/÷booking 을 ÷이용해 ÷CT 를 ÷찍고 ÷CT ÷검사"},
      {"ko", kNormal, "있습니다. 이 약은, 이 검사", "있습∙니다. ÷이 ÷약은, ÷이 ÷검사"},
      {"en", kNormal, "", ""},
  };
  // clang-format on
  for (const Row& row : rows) {
    INFO(row.lang << (row.strictness == kStrict ? " strict" : " normal") << ": " << row.text);
    CHECK(draw(row.text, row.lang, row.strictness) == row.breaks);
  }
}

TEST_CASE("break_opportunities: no break before a line-start prohibited character", "[text]") {
  for (const char* lang : {"zh", "zh-Hant", "ja", "ko", "en"}) {
    for (const auto strictness : {kNormal, kStrict}) {
      for (const char32_t cp : kNoStart) {
        const std::string text = "汉字" + utf8(cp) + "汉字";
        INFO(lang << ": " << text);
        CHECK(find_break_opportunities(text, lang, strictness)[6] == 0);
        CHECK(may_not_start_line(cp, strictness));
      }
    }
  }
}

TEST_CASE("break_opportunities: no break after a line-end prohibited character", "[text]") {
  for (const char* lang : {"zh", "zh-Hant", "ja", "ko", "en"}) {
    for (const char32_t cp : kNoEnd) {
      const std::string mark = utf8(cp);
      const std::string text = "汉字" + mark + "汉字";
      INFO(lang << ": " << text);
      CHECK(find_break_opportunities(text, lang, kNormal)[6 + mark.size()] == 0);
      CHECK(may_not_end_line(cp));
    }
  }
}

TEST_CASE("break_opportunities: small kana and ー start a line in normal mode, not strict", "[text]") {
  for (const char32_t cp : kNoStartStrict) {
    const std::string text = "漢字" + utf8(cp) + "漢字";
    INFO(text);
    CHECK(find_break_opportunities(text, "ja", kStrict)[6] == 0);
    CHECK(may_not_start_line(cp, kStrict));
    CHECK_FALSE(may_not_start_line(cp, kNormal));
    // UAX #14 itself keeps 々 and 〻 (class NS) off a line start; the rest are class CJ.
    if (cp != U'々' && cp != U'〻') CHECK(find_break_opportunities(text, "ja", kNormal)[6] == 1);
  }
}

TEST_CASE("break_opportunities: —— and …… never split", "[text]") {
  for (const char* lang : {"zh", "zh-Hant", "ja", "ko", "en"}) {
    for (const std::string pair : {"——", "……", "――"}) {
      const std::string text = "我说" + pair + "好的";
      INFO(lang << ": " << text);
      const auto breaks = find_break_opportunities(text, lang, kNormal);
      CHECK(breaks[6 + pair.size() / 2] == 0);
    }
  }
}

// Full-width letters and digits make words and numbers as Latin ones do: UAX #14 gives them ID,
// a break between any two, and a tri-fold's line ended "…受けられます。Ｇ" before "ＦＲが".
TEST_CASE("break_opportunities: a word or number in full-width letters never splits", "[text]") {
  for (const char* lang : {"ja", "zh", "zh-Hant"}) {
    INFO(lang);
    CHECK(draw("ＧＦＲが６０ｍＬの方", lang, kNormal) == "ＧＦＲ÷が÷６０ｍＬ÷の÷方");
    CHECK(draw("慢性腎臓病（ＣＫＤ）は２０２６年", lang, kNormal).find("Ｃ÷") == std::string::npos);
    // ... but where nothing else will do, as a word wider than the line is split.
    CHECK(find_break_opportunities("ＧＦＲ", lang, kNormal)[3] == leafpress::text::kInWordBreak);
  }
}

TEST_CASE("break_opportunities: breaks fall on character starts only", "[text]") {
  const std::string text = "Ω 你好，世界。「引号」ありがとう 한국어 naïve – text";
  for (const char* lang : {"zh", "ja", "ko", "en"}) {
    const auto breaks = find_break_opportunities(text, lang, kNormal);
    REQUIRE(breaks.size() == text.size() + 1);
    CHECK(breaks[0] == 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
      INFO(lang << " at byte " << i);
      if (continuation) CHECK(breaks[i] == 0);
    }
  }
}

TEST_CASE("break_opportunities: the same on many threads at once", "[text]") {
  const std::string zh = "你好，世界。「引号」（括号）内容他说——好的……真的";
  const std::string ja = "カップとコーヒーを飲んだ。ちょっと";
  const auto want_zh = find_break_opportunities(zh, "zh", kNormal);
  const auto want_ja = find_break_opportunities(ja, "ja", kStrict);
  std::vector<int> ok(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 200; ++i) {
        same = same && find_break_opportunities(zh, "zh", kNormal) == want_zh;
        same = same && find_break_opportunities(ja, "ja", kStrict) == want_ja;
      }
      ok[t] = same ? 1 : 0;
    });
  }
  for (auto& th : threads) th.join();
  for (const int o : ok) CHECK(o == 1);
}

TEST_CASE("break_opportunities: a phone number's digit groups never part", "[text]") {
  // "÷" marks a break; none inside the numbers.
  CHECK(draw("请致电 +1 555 0100，或前往", "zh-Hans", kNormal) == "请÷致÷电 ÷+1 555 0100，÷或÷前÷往");
  CHECK(draw("Call 0571 8800 1234 today", "en", kNormal) == "Call ÷0571 8800 1234 ~today");
  // Between a number and a word the space is a tie ("~", kTieBreak): a break at a small cost.
  CHECK(draw("in 3 days", "en", kNormal) == "in ÷3 ≈days");
  // A long run of numbers (a list of doses) may still break, as a last resort.
  const std::string doses = "10 20 30 40 50 60 70 80 90";
  const auto breaks = find_break_opportunities(doses, "en", kNormal);
  CHECK(breaks[3] == leafpress::text::kUnitBreak);
}

TEST_CASE("break_opportunities: a time keeps a.m. or p.m., a dose c.c., a phone number its area code",
          "[text]") {
  // Drawn, the unit's space shows no ordinary break ("÷"); it is a kUnitBreak, for the last pass.
  CHECK(draw("Friday 7:00 a.m. to 7:00 p.m.", "en", kNormal) == "Friday ÷7:00 a.m. ÷to ÷7:00 p.m.");
  CHECK(draw("每天喝水 1,500～2,000 c.c. 以上", "zh-Hant", kNormal).find(" c.c.") != std::string::npos);
  CHECK(draw("每天喝水 1,500～2,000 c.c. 以上", "zh-Hant", kNormal).find("÷c.c.") == std::string::npos);
  const std::string at_end = "until 8 p.m";  // the text may end inside it
  CHECK(find_break_opportunities(at_end, "en", kNormal)[8] == leafpress::text::kUnitBreak);
  // "(04) | 2229-3671" read as two numbers.
  CHECK(draw("請撥打 (04) 2229-3671 洽詢", "zh-Hant", kNormal).find("(04) 2229") != std::string::npos);
  CHECK(draw("請撥打 (04) 2229-3671 洽詢", "zh-Hant", kNormal).find("(04) ÷2229") == std::string::npos);
  // A word in brackets before a number stays an ordinary break.
  CHECK(draw("(see) 12 pages", "en", kNormal) == "(see) ÷12 ~pages");
}

TEST_CASE("break_opportunities: a numbered or lettered name stays whole", "[text]") {
  // "Managing Type | 2 Diabetes", "vitamin | D": kUnitBreak, for the last pass only.
  CHECK(draw("Managing Type 2 Diabetes", "en", kNormal) == "Managing ÷Type 2 ~Diabetes");
  CHECK(draw("take vitamin D daily", "en", kNormal) == "take ÷vitamin D ÷daily");
  CHECK(draw("at stage 3.", "en", kNormal) == "at ÷stage 3.");
  // A service named by its initials and number ("call NHS | 111" in a reviewer's handout).
  CHECK(draw("call NHS 111 or", "en-GB", kNormal) == "call ÷NHS 111 ~or");
  CHECK(draw("a BMI 25 or", "en", kNormal) == "a ÷BMI 25 ~or");
  CHECK(draw("the NHS 2024 plan", "en", kNormal) == "the ÷NHS ÷2024 ~plan");  // a year
  // A count belongs to its noun (a code review): "CHILDREN UNDER | 12 YEARS", "COPD | 3 times".
  CHECK(draw("UNDER 12 YEARS", "en", kNormal) == "UNDER ÷12 ≈YEARS");
  CHECK(draw("COPD 3 times", "en", kNormal) == "COPD ÷3 ≈times");
  CHECK(draw("call NHS 111.", "en-GB", kNormal) == "call ÷NHS 111.");
  CHECK(draw("TAKE 1-2 TABLETS", "en", kNormal).find("TAKE ÷1") != std::string::npos);
  // Other words before a number, and longer numbers, are ordinary breaks (after the number, a tie).
  CHECK(draw("in 3 days", "en", kNormal) == "in ÷3 ≈days");
  CHECK(draw("Type 2024 forms", "en", kNormal) == "Type ÷2024 ~forms");
  CHECK(draw("Vitamin Drinks", "en", kNormal) == "Vitamin ÷Drinks");
}

// A reviewer's warfarin diary read "1 × 3 mg + 2 | × 0.5 mg": the first line a whole dose. A count
// times a dose is one item; the plus between two of them stays a break.
TEST_CASE("break_opportunities: a count times a dose stays whole", "[text]") {
  CHECK(draw("1 × 3 mg + 2 × 0.5 mg", "en", kNormal) == "1 × 3 mg ÷+ ÷2 × 0.5 mg");
  CHECK(draw("take 2 x 5 mg daily", "en", kNormal) == "take ÷2 x 5 mg ÷daily");
  // No number after it: an ordinary break there.
  CHECK(draw("size 2 × large", "en", kNormal) == "size ÷2 × ÷large");
}

// Two reviewers' ragged leaflets read "longer than 10 | minutes", "44 mcg, 2 | puffs", "3 to 7 |
// days": before a unit or a count written out, the tie is a kMeasureWordBreak (dearer in ragged
// text, items.hpp); before other words it stays a plain tie ("5 or | 6 usually" is no fault).
TEST_CASE("break_opportunities: a number before a unit written out is a measure's tie", "[text]") {
  CHECK(draw("longer than 10 minutes, or", "en", kNormal) == "longer ÷than ÷10 ≈minutes, ÷or");
  CHECK(draw("take 2 puffs or 3 Tablets", "en", kNormal) == "take ÷2 ≈puffs ÷or ÷3 ≈Tablets");
  CHECK(draw("6 glasses, 2 inches", "en", kNormal) == "6 ≈glasses, ÷2 ≈inches");
  CHECK(draw("5 or 6 usually", "en", kNormal) == "5 ~or ÷6 ~usually");
  CHECK(draw("10 minutesque", "en", kNormal) == "10 ~minutesque");
}

// A reviewer's warfarin leaflet read "St | John's wort": a title keeps its name, an abbreviation
// its number (kUnitBreak, the last pass only), as TeX's authors tie "Dr.~Lee" and "Fig.~3".
TEST_CASE("break_opportunities: a title keeps its name, an abbreviation its number", "[text]") {
  CHECK(draw("such as St John's wort", "en", kNormal) == "such ÷as ÷St John's ÷wort");
  CHECK(draw("ask Dr Lee or Mrs. Patel", "en", kNormal) == "ask ÷Dr Lee ÷or ÷Mrs. Patel");
  CHECK(draw("see Fig. 3 and p. 12", "en", kNormal) == "see ÷Fig. 3 ~and ÷p. 12");
  // Not a number after it: an ordinary break ("No. | We"); nor a word that only starts like one.
  CHECK(draw("No. We do not.", "en", kNormal) == "No. ÷We ÷do ÷not.");
  CHECK(draw("Stay home", "en", kNormal) == "Stay ÷home");
}

// A reviewer's vaccine table read "Hib | 3차" and "DTaP-IPV | 2차": a Korean dose's ordinal keeps
// the name it counts (kUnitBreak); "3차례" (times) is a word of its own.
TEST_CASE("break_opportunities: a Korean dose's ordinal keeps its vaccine", "[text]") {
  const std::string drawn = draw("DTaP-IPV 1차, Hib 1차, 일본뇌염 2회", "ko", kNormal);
  INFO(drawn);
  CHECK(drawn.find("IPV 1차") != std::string::npos);
  CHECK(drawn.find("Hib 1차") != std::string::npos);
  CHECK(drawn.find("뇌염 2회") != std::string::npos);
  CHECK(draw("모두 3차례 맞습니다", "ko", kNormal).find("÷3차례") != std::string::npos);
}

// "Take 2–4 puffs": a range is a number too, and its unit written out keeps with it.
TEST_CASE("break_opportunities: a range before a unit written out is a measure's tie", "[text]") {
  CHECK(draw("Take 2–4 puffs or 3-5 drops", "en", kNormal) == "Take ÷2–4 ≈puffs ÷or ÷3-5 ≈drops");
  CHECK(draw("COVID-19 vaccine", "en", kNormal).find("19 ÷vaccine") != std::string::npos);
}

// Reviewers found "(04) 2229-3671 轉 | 5120" under three numbers and "2359-6688 分 | 機 3210": a
// phone number keeps its extension's label and digits (kUnitBreak, the last pass), and the label
// is never cut inside.
TEST_CASE("break_opportunities: a phone number keeps its extension", "[text]") {
  CHECK(draw("門診：(04) 2229-3671 轉 5120，或", "zh-Hant", kNormal) ==
        "門÷診：÷(04) 2229-3671 轉 5120，÷或");
  CHECK(draw("專線 2359-6688 分機 3210；夜間", "zh-Hant", kNormal) == "專÷線 ÷2359-6688 分機 3210；÷夜÷間");
  CHECK(draw("代表 03-1234-5678 内線 123 まで", "ja", kNormal) == "代÷表 ÷03-1234-5678 内線 123 ま÷で");
  CHECK(draw("Call 01632 960 123 ext. 4021 today", "en", kNormal) == "Call ÷01632 960 123 ext. 4021 ~today");
  CHECK(draw("전화 02-123-4567 내선 210 으로", "ko", kNormal).find("4567 내선 210") != std::string::npos);
  // Written without spaces, the label is still whole, and the breaks either side of it stay as
  // found (a unit's break is a space's: a table of such numbers could otherwise not break at all).
  const std::string unspaced = draw("(04)2229-3671轉5120，或", "zh-Hant", kNormal);
  INFO(unspaced);
  CHECK(unspaced.find("÷5120") != std::string::npos);
  CHECK(draw("2359-6688分機3210", "zh-Hant", kNormal).find("分÷機") == std::string::npos);
  // Not a label without a number before it and after it.
  CHECK(draw("轉診 5 次", "zh-Hant", kNormal).find("÷診") != std::string::npos);
  CHECK(draw("the ext file", "en", kNormal) == "the ÷ext ÷file");
}

// "ただちにエピペン | ®、119 番通報": the sign stays with its name.
TEST_CASE("break_opportunities: a registered or trademark sign never starts a line", "[text]") {
  CHECK(draw("ただちにエピペン®、119", "ja", kNormal).find("ン®") != std::string::npos);
  CHECK(draw("ただちにエピペン®、119", "ja", kNormal).find("÷®") == std::string::npos);
  CHECK(draw("使ったエピペン™は", "ja", kNormal).find("÷™") == std::string::npos);
}

// "We check a lipid panel 6 to | 12 weeks after" and "between 9 a.m. and 12 | noon": a range's
// second number keeps with its first (a tie), a time its noon (a unit: the last pass only).
TEST_CASE("break_opportunities: a range with to keeps its numbers, noon its hour", "[text]") {
  CHECK(draw("panel 6 to 12 weeks after", "en", kNormal) == "panel ÷6 ~to ~12 ≈weeks ÷after");
  CHECK(draw("and 12 noon.", "en", kNormal) == "and ÷12 noon.");
  // Not after a word: "up to | 12 weeks" may part as any words do.
  CHECK(draw("up to 12 weeks", "en", kNormal) == "up ÷to ÷12 ≈weeks");
}

TEST_CASE("break_opportunities: a year that ends a clause is no range's first number", "[text]") {
  // "2024," ends a clause: the "to" after it starts a new phrase.
  CHECK(draw("in 2024, to 5 of them", "en", kNormal).find("÷5") != std::string::npos);
}

// "aspirin 100 mg 每天一 | 次" (a reviewer, across a handout's turn): a Han numeral keeps its counter,
// as a digit does ("3次"); other breaks between Han characters stay.
TEST_CASE("break_opportunities: a Han numeral keeps its counter", "[text]") {
  const std::string drawn = draw("每天一次，每次两片，连服三天", "zh-Hans", kNormal);
  INFO(drawn);
  CHECK(drawn.find("一次") != std::string::npos);
  CHECK(drawn.find("两片") != std::string::npos);
  CHECK(drawn.find("三天") != std::string::npos);
  CHECK(drawn.find("每÷天") != std::string::npos);
  // Not forbidden: where nothing else will do (a narrow table cell), as a word a cell keeps whole.
  const std::string text = "每天一次";
  CHECK(find_break_opportunities(text, "zh-Hans", kNormal)[text.find("次")] == leafpress::text::kInWordBreak);
  CHECK(draw("一日二回", "ja", kNormal).find("二回") != std::string::npos);
  CHECK(draw("一般来说", "zh-Hans", kNormal).find("一÷般") != std::string::npos);  // 般 counts nothing
}

// "服糖後 2 小時 ≥ | 153 mg/dL" (a reviewer's diagnostic criteria): a number keeps the sign that
// compares it, parted as from its unit where spaced, never where written close; the line may
// still break before the sign.
TEST_CASE("break_opportunities: a number keeps its comparison sign", "[text]") {
  const std::string zh = "服糖後 2 小時 ≥ 153 mg/dL 即可";
  const auto breaks = find_break_opportunities(zh, "zh-Hant", kNormal);
  CHECK(breaks[zh.find("153")] == leafpress::text::kUnitBreak);
  CHECK(breaks[zh.find("≥")] != 0);
  CHECK(draw("HbA1c < 7% or ≥ 6.5%", "en", kNormal).find("÷7%") == std::string::npos);
  CHECK(draw("HbA1c < 7% or ≥ 6.5%", "en", kNormal).find("÷6.5%") == std::string::npos);
  const std::string close = draw("空腹血糖＞7.0 mmol/L", "zh-Hans", kNormal);
  INFO(close);
  CHECK(close.find("÷7.0") == std::string::npos);
  // A plain number after a space parts as before.
  CHECK(draw("take 2 tablets", "en", kNormal).find("÷2") != std::string::npos);
}

// "第 | 10～14 天", "延至第 | 14 天" (a reviewer's dressing table): 第 and the number it makes an
// ordinal keep together, spaced at a tie's cost, close as one word.
TEST_CASE("break_opportunities: an ordinal keeps its number", "[text]") {
  const std::string spaced = "关节处可延至第 14 天拆线";
  CHECK(find_break_opportunities(spaced, "zh-Hans", kNormal)[spaced.find("14")] ==
        leafpress::text::kNumberPrefixBreak);
  const std::string close = "第10天和第一次";
  const auto breaks = find_break_opportunities(close, "zh-Hans", kNormal);
  CHECK(breaks[close.find("10")] == leafpress::text::kInWordBreak);
  CHECK(breaks[close.find("一")] == leafpress::text::kInWordBreak);
  CHECK(draw("延至第 14 天拆线", "zh-Hans", kNormal).find("÷第") !=
        std::string::npos);  // before it, as before
}

// "8:00 a.m.–11:30 | a.m." in a narrow column of opening hours (a reviewer): a range of two times
// parts after its dash, at a cost (kLastPassBreak), not forbidden as a short range of words is.
TEST_CASE("break_opportunities: a range of two times may part after its dash", "[text]") {
  const std::string hours = "Sat 8:00 a.m.–11:30 a.m., Sun closed";
  CHECK(find_break_opportunities(hours, "en", kNormal)[hours.find("11:30")] ==
        leafpress::text::kLastPassBreak);
  const std::string days = "Mon–Fri 9–5";
  const auto breaks = find_break_opportunities(days, "en", kNormal);
  CHECK(breaks[days.find("Fri")] == 0);
  CHECK(breaks[days.find("5")] == 0);
}

// "1회 약 | 3~4.5 mL" (a reviewer's Korean dose): a word that makes the number a guess keeps it, at a
// tie's cost; not the end of a longer word ("감기약 2알": cold medicine, two tablets).
TEST_CASE("break_opportunities: about keeps its number", "[text]") {
  const std::string ko = "1회 약 3~4.5 mL입니다";
  CHECK(find_break_opportunities(ko, "ko", kNormal)[ko.find("3~")] == leafpress::text::kNumberPrefixBreak);
  const std::string zh = "大约 80% 的患者";
  CHECK(find_break_opportunities(zh, "zh-Hans", kNormal)[zh.find("80")] ==
        leafpress::text::kNumberPrefixBreak);
  CHECK(find_break_opportunities(std::string("节约 30%"), "zh-Hans", kNormal)[7] !=
        leafpress::text::kNumberPrefixBreak);
  const std::string word = "감기약 2알을";
  CHECK(find_break_opportunities(word, "ko", kNormal)[word.find("2")] != leafpress::text::kNumberPrefixBreak);
}

// Opening hours in a reviewer's Japanese and Korean handouts: "午前9時 | ～午後5時" started a line
// with the range's wave dash, "平日午前9時～午後 | 5時）" and "오전 | 9시" parted the hour from its
// half of the day, a Chinese table "每 | 20 分鐘" the rate from its number.
TEST_CASE("break_opportunities: a time of day and every keep their number, a wave dash its start", "[text]") {
  const std::string ja = "平日午前9時～午後5時";
  const auto breaks = find_break_opportunities(ja, "ja", kAuto);
  CHECK(breaks[ja.find("～")] == 0);
  CHECK(breaks[ja.find("午後")] == leafpress::text::kBreak);     // after the dash, as before
  CHECK(breaks[ja.find("9")] == leafpress::text::kNumberPrefixBreak);
  CHECK(breaks[ja.find("5")] == leafpress::text::kNumberPrefixBreak);
  CHECK(breaks[ja.find("後")] == 0);  // nor inside the word: "午 | 後5時"
  CHECK(breaks[ja.find("前")] == 0);
  const std::string ko = "평일 오전 9시~오후 5시";
  const auto ko_breaks = find_break_opportunities(ko, "ko", kNormal);
  CHECK(ko_breaks[ko.find("9")] == leafpress::text::kNumberPrefixBreak);
  CHECK(ko_breaks[ko.find("5")] == leafpress::text::kNumberPrefixBreak);
  for (const std::string zh : {"每 20 分鐘可重複", "下午 14:00～16:30", "約 10 分鐘"}) {
    INFO(zh);
    const std::size_t number = zh.find_first_of("0123456789");
    CHECK(find_break_opportunities(zh, "zh-Hant", kNormal)[number] == leafpress::text::kNumberPrefixBreak);
  }
  const std::string spaced = "每天下午 2 点";
  CHECK(find_break_opportunities(spaced, "zh-Hans", kNormal)[spaced.find("午")] == 0);
  // 正午前: before noon, no time of day.
  const std::string noon = "正午前1時間";
  CHECK(find_break_opportunities(noon, "ja", kAuto)[noon.find("1")] != leafpress::text::kNumberPrefixBreak);
  // A code review: "大约 | 5～7 天" became "大 | 约 5～7 天" and "续约 | 1 年" "续 | 约 1 年": 大约 is
  // kept whole at the same cost, and 约 ending another word is no prefix.
  const std::string about = "大约 5～7 天，续约 1 年，每天约 36 g";
  const auto about_breaks = find_break_opportunities(about, "zh-Hans", kNormal);
  CHECK(about_breaks[about.find("约")] == 0);
  CHECK(about_breaks[about.find("5")] == leafpress::text::kNumberPrefixBreak);
  CHECK(about_breaks[about.find("1")] == leafpress::text::kBreak);
  CHECK(about_breaks[about.find("36")] == leafpress::text::kNumberPrefixBreak);
  // A heading's subtitle opened with a wave dash as with a bracket may start a line, though
  // it opens with a time of day ("～午前の部"); its closing one may not, nor a spaced range's.
  for (const std::string subtitle : {"健康講座～からだにやさしい食事～", "糖尿病教室～午前の部～"}) {
    const auto sub = find_break_opportunities(subtitle, "ja", kAuto);
    CHECK(sub[subtitle.find("～")] == leafpress::text::kBreak);
    CHECK(sub[subtitle.rfind("～")] == 0);
  }
  const std::string spaced_range = "平日 9:00 ～ 17:00";
  CHECK(find_break_opportunities(spaced_range, "ja", kAuto)[spaced_range.find("～")] == 0);
  const std::string close = "每2天换药";
  CHECK(find_break_opportunities(close, "zh-Hans", kNormal)[close.find("2")] ==
        leafpress::text::kNumberPrefixBreak);
  // Not the end of a longer Korean word, and a number after any other word parts as before.
  const std::string word = "기오후 5개";
  CHECK(find_break_opportunities(word, "ko", kNormal)[word.find("5")] != leafpress::text::kNumberPrefixBreak);
  CHECK(draw("服用 2 片", "zh-Hans", kNormal).find("÷2") != std::string::npos);
}

// "約3,200円/ | 月" in a reviewer's cost table: a slash beside a Chinese or Japanese character
// holds both sides; between two names or words it still parts ("amoxicillin/ | clavulanate").
TEST_CASE("break_opportunities: a slash before a CJK counter never parts", "[text]") {
  for (const std::string text : {"約3,200円/月", "每日2次/天", "500 mg/日", "是／否"}) {
    INFO(text);
    const auto breaks = find_break_opportunities(text, "zh-Hans", kNormal);
    const std::size_t slash = text.find("/") != std::string::npos ? text.find("/") : text.find("／");
    CHECK(breaks[slash] == 0);
    // only where nothing else will do (a table's column is not made as wide for it)
    CHECK(breaks[slash + (text[slash] == '/' ? 1 : 3)] == leafpress::text::kLastPassBreak);
  }
  const std::string names = "amoxicillin/clavulanate";
  CHECK(find_break_opportunities(names, "en", kNormal)[names.find("clav")] == leafpress::text::kBreak);
  const std::string words = "尿蛋白/肌酐比值";  // two words: as between two names
  CHECK(find_break_opportunities(words, "zh-Hans", kNormal)[words.find("肌")] == leafpress::text::kBreak);
  const std::string days = "日/月/火/水/木";  // a list breaks after its slashes (a code review)
  CHECK(find_break_opportunities(days, "ja", kAuto)[days.find("月")] == leafpress::text::kBreak);
}
