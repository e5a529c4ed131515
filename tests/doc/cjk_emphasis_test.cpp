// Tests for doc/cjk_emphasis.cpp: the CommonMark CJK-friendly amendments and smart
// quotes in CJK text. Cases marked "spec" are the published examples of the
// amendments (markdown-cjk-friendly, testcases/*.md); the expected output is written
// as the text with <b>, <i>, <a> around styled spans.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc/cjk_emphasis.hpp"
#include "doc/document.hpp"

using leafpress::doc::parse_document;

namespace {

// The one paragraph of `markdown`, its spans marked up.
std::string marked(const std::string& markdown) {
  auto doc = parse_document(markdown, "a.md");
  INFO(markdown);
  REQUIRE(doc.has_value());
  REQUIRE(doc->blocks.size() == 1);
  std::string out;
  for (const auto& span : doc->blocks[0].spans) {
    std::string text = span.text;
    if (span.code) text = "`" + text + "`";
    if (!span.link.empty()) text = "<a>" + text + "</a>";
    if (span.emphasis) text = "<i>" + text + "</i>";
    if (span.strong) text = "<b>" + text + "</b>";
    if (span.strike) text = "<s>" + text + "</s>";
    out += text;
  }
  return out;
}

struct Case {
  const char* markdown;
  const char* expected;
};

void check_all(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO(c.markdown);
    CHECK(marked(c.markdown) == c.expected);
  }
}

}  // namespace

TEST_CASE("cjk_emphasis: the issue's examples are bold and italic", "[doc][cjk]") {
  check_all({
      {"**可以吃：**白米粥", "<b>可以吃：</b>白米粥"},
      {"**重要。**请注意", "<b>重要。</b>请注意"},
      {"*注意（重要）*です", "<i>注意（重要）</i>です"},
      {"**패키지(괄호)**를 설치합니다", "<b>패키지(괄호)</b>를 설치합니다"},
  });
}

TEST_CASE("cjk_emphasis: spec examples, Japanese and Chinese", "[doc][cjk]") {
  check_all({
      {"これは**私のやりたかったこと。**だからするの。", "これは<b>私のやりたかったこと。</b>だからするの。"},
      {"**[製品ほげ](./product-foo)**と**[製品ふが](./product-bar)**をお試しください",
       "<b><a>製品ほげ</a></b>と<b><a>製品ふが</a></b>をお試しください"},
      {"単語と**[単語と](word-and)**単語", "単語と<b><a>単語と</a></b>単語"},
      {"**これは太字になりません。**ご注意ください。", "<b>これは太字になりません。</b>ご注意ください。"},
      {"カッコに注意**（太字にならない）**文が続く場合に要警戒。",
       "カッコに注意<b>（太字にならない）</b>文が続く場合に要警戒。"},
      {"**[リンク](https://example.com)**も注意。（画像も同様）",
       "<b><a>リンク</a></b>も注意。（画像も同様）"},
      {"先頭の**`コード`も注意。**", "先頭の<b>`コード`</b><b>も注意。</b>"},
      {"**末尾の`コード`**も注意。", "<b>末尾の</b><b>`コード`</b>も注意。"},
      {"税込**¥10,000**で入手できます。", "税込<b>¥10,000</b>で入手できます。"},
      {"正解は**④**です。", "正解は<b>④</b>です。"},
      {"太郎は**「こんにちわ」**といった", "太郎は<b>「こんにちわ」</b>といった"},
      {"太郎は**\"こんにちわ\"**といった", "太郎は<b>“こんにちわ”</b>といった"},
      {"太郎は**「Hello」**といった", "太郎は<b>「Hello」</b>といった"},
      {"太郎は**\"Oh my god\"**といった", "太郎は<b>“Oh my god”</b>といった"},
      {"**C#**や**F#**は**「.NET」**というプラットフォーム上で動作します。",
       "<b>C#</b>や<b>F#</b>は<b>「.NET」</b>というプラットフォーム上で動作します。"},
      {"IDが**００１号**になります。", "IDが<b>００１号</b>になります。"},
      {"Go**「初心者」**を対象とした記事です。", "Go<b>「初心者」</b>を対象とした記事です。"},
      {"**⻲田太郎**と申します", "<b>⻲田太郎</b>と申します"},
      {"・**㋐**:選択肢１つ目", "・<b>㋐</b>:選択肢１つ目"},
      {"**さようなら︙**と太郎はいった。", "<b>さようなら︙</b>と太郎はいった。"},
      {".NET**（.NET Frameworkは不可）**では、", ".NET<b>（.NET Frameworkは不可）</b>では、"},
      {"Git**（注：不是GitHub）**", "Git<b>（注：不是GitHub）</b>"},
      {"𰻞𰻞**（ビャンビャン）**麺", "𰻞𰻞<b>（ビャンビャン）</b>麺"},
      {"𰻞𰻞**(ビャンビャン)**麺", "𰻞𰻞<b>(ビャンビャン)</b>麺"},
      {"ハイパーテキストコーヒーポット制御プロトコル**(HTCPCP)**",
       "ハイパーテキストコーヒーポット制御プロトコル<b>(HTCPCP)</b>"},
      {"﨑**(崎)**", "﨑<b>(崎)</b>"},
      {"国際規格**[ECMA-262](https://tc39.es/ecma262/)**", "国際規格<b><a>ECMA-262</a></b>"},
      {"𠮟**(こちらが正式表記)**", "𠮟<b>(こちらが正式表記)</b>"},
      {"谺𬤲**(こだま)**石神社", "谺𬤲<b>(こだま)</b>石神社"},
      {"**推荐几个框架：**React、Vue等前端框架。", "<b>推荐几个框架：</b>React、Vue等前端框架。"},
      // An ideographic variation selector (U+E0100) after the Han character.
      {"葛\U000E0100**(こちらが正式表記)**城市", "葛\U000E0100<b>(こちらが正式表記)</b>城市"},
      {"阿寒湖アイヌシアターイコㇿ**(Akanko Ainu Theater Ikor)**",
       "阿寒湖アイヌシアターイコㇿ<b>(Akanko Ainu Theater Ikor)</b>"},
      {"あ𛀙**(か)**よろし", "あ𛀙<b>(か)</b>よろし"},
      // Standard variation selectors (U+FE00, U+FE0E) take the side of the character before.
      {"大塚\uFE00**(U+585A U+FE00)** 大塚**(U+FA10)**",
       "大塚\uFE00<b>(U+585A U+FE00)</b> 大塚<b>(U+FA10)</b>"},
      {"〽\uFE0E**(庵点)**は、", "〽\uFE0E<b>(庵点)</b>は、"},
      {"**“\uFE01Git”\uFE01**Hub", "<b>“\uFE01Git”\uFE01</b>Hub"},
  });
}

TEST_CASE("cjk_emphasis: spec examples, a Han character then each CJK mark", "[doc][cjk]") {
  for (const char* mark : {"，", "。", "、", "；", "：", "？", "！", "“", "”", "‘",  "’", "（",
                           "）", "【", "】", "《", "》", "—",  "～", "…", "·", "〃", "-", "々"}) {
    const std::string m(mark);
    INFO(m);
    CHECK(marked("**真" + m + "**她") == "<b>真" + m + "</b>她");
  }
  for (const char* mark : {"（", "【", "《"}) {
    const std::string m(mark);
    CHECK(marked("真**" + m + "她**") == "真<b>" + m + "她</b>");
  }
  CHECK(marked("**真，** 她") == "<b>真，</b> 她");
  CHECK(marked("**真**，她") == "<b>真</b>，她");
}

TEST_CASE("cjk_emphasis: spec examples, Korean", "[doc][cjk]") {
  check_all({
      {"**이 [링크](https://example.kr/)**만을 강조하고 싶다.",
       "<b>이 </b><b><a>링크</a></b>만을 강조하고 싶다."},
      {"**스크립트(script)**라고", "<b>스크립트(script)</b>라고"},
      {"패키지를 발행하려면 **`npm publish`**를 실행하십시오.",
       "패키지를 발행하려면 <b>`npm publish`</b>를 실행하십시오."},
      {"**안녕(hello)**하세요.", "<b>안녕(hello)</b>하세요."},
      {"ᅡ**(a)**", "ᅡ<b>(a)</b>"},
      {"**(k)**ᄏ", "<b>(k)</b>ᄏ"},
  });
}

TEST_CASE("cjk_emphasis: spec examples, underscores next to CJK punctuation", "[doc][cjk]") {
  check_all({
      {"__注意__：注意事項", "<b>注意</b>：注意事項"},
      {"注意：__注意事項__", "注意：<b>注意事項</b>"},
      {"正體字。\uFE01_Traditional._", "正體字。\uFE01<i>Traditional.</i>"},
      {"正體字。\uFE01__Hong Kong and Taiwan.__", "正體字。\uFE01<b>Hong Kong and Taiwan.</b>"},
      {"简体字 / 新字体。\uFE00_Simplified._", "简体字 / 新字体。\uFE00<i>Simplified.</i>"},
  });
}

TEST_CASE("cjk_emphasis: spec examples, CJK symbols that are also emoji", "[doc][cjk]") {
  for (const char* symbol : {"〰", "〽", "🈂", "🈷", "㊗", "㊙"}) {
    const std::string s(symbol);
    INFO(s);
    CHECK(marked("a**" + s + "**a") == "a<b>" + s + "</b>a");
  }
}

TEST_CASE("cjk_emphasis: non-CJK punctuation keeps CommonMark's rule", "[doc][cjk]") {
  // Spec examples (non-bmp.md) that must stay literal. `a**a∇**a` is not here: cmark-gfm
  // 0.29 counts only P* as punctuation and already makes it bold (see cjk_emphasis.hpp).
  check_all({
      {"a**a«**a", "a**a«**a"},
      {"a**»a**a", "a**»a**a"},
      {"a**𐬻a**a", "a**𐬻a**a"},
      {"a**a𐬻**a", "a**a𐬻**a"},
  });
}

TEST_CASE("cjk_emphasis: CommonMark cases without CJK are unchanged", "[doc][cjk]") {
  check_all({
      {"a * foo bar*", "a * foo bar*"},
      {"**foo bar **", "**foo bar **"},
      {"_foo_bar", "_foo_bar"},
      {"*foo*bar", "<i>foo</i>bar"},
      {"foo-_(bar)_", "foo-<i>(bar)</i>"},
      {"**foo \"*bar*\" foo**", "<b>foo “</b><b><i>bar</i></b><b>” foo</b>"},
      {"*(**foo**)*", "<i>(</i><b><i>foo</i></b><i>)</i>"},
      {"snake_case_name", "snake_case_name"},
  });
}

TEST_CASE("cjk_emphasis: escaped marks stay literal next to CJK", "[doc][cjk]") {
  check_all({
      {"\\*\\*重要。\\*\\*请注意", "**重要。**请注意"},
      {"\\_\\_注意\\_\\_：注意", "__注意__：注意"},
      {"**重要。\\***请注意", "<b>重要。*</b>请注意"},
      {"`\\*代码\\*` **重要。**请", "`\\*代码\\*` <b>重要。</b>请"},
  });
}

TEST_CASE("cjk_emphasis: unmatched marks next to CJK stay as written", "[doc][cjk]") {
  check_all({
      {"价格**5元。", "价格**5元。"},
      {"**重要。请注意", "**重要。请注意"},
      {"重要。**请注意", "重要。**请注意"},
  });
}

TEST_CASE("cjk_emphasis: nested and inside other inlines", "[doc][cjk]") {
  check_all({
      {"*外**重要。**内*", "<i>外</i><b><i>重要。</i></b><i>内</i>"},
      {"[请**注意：**这里](https://e.org)", "<a>请</a><b><a>注意：</a></b><a>这里</a>"},
      {"~~**删除。**了~~", "<s><b>删除。</b></s><s>了</s>"},
  });
}

TEST_CASE("cjk_emphasis: one tilde is a range, never a strikethrough", "[doc][cjk]") {
  // GFM strikes through between single tildes too; Korean, Chinese and Japanese write
  // ranges with them, and the dose was struck through with its tildes dropped.
  check_all({
      {"10~15 mg씩, 4~6시간 간격으로", "10~15 mg씩, 4~6시간 간격으로"},
      {"每次5~10分钟，每天2~3次", "每次5~10分钟，每天2~3次"},
      {"take 4~6 hours apart, 2~3 times", "take 4~6 hours apart, 2~3 times"},
      {"5~10分，~~停药~~", "5~10分，<s>停药</s>"},
      {"~~struck~~ and 1~2", "<s>struck</s> and 1~2"},
  });
}

TEST_CASE("cjk_emphasis: character classes", "[doc][cjk]") {
  using leafpress::doc::is_cjk_character;
  using leafpress::doc::is_unicode_punctuation;
  CHECK(is_cjk_character(U'可'));
  CHECK(is_cjk_character(U'：'));       // full-width colon
  CHECK(is_cjk_character(U'패'));       // Hangul
  CHECK(is_cjk_character(U'ᅡ'));       // a Hangul jamo of neutral width
  CHECK(is_cjk_character(U'ｶ'));        // half-width katakana
  CHECK_FALSE(is_cjk_character(U'“'));  // ambiguous width
  CHECK_FALSE(is_cjk_character(U'a'));
  CHECK_FALSE(is_cjk_character(U'😀'));  // emoji presentation
  CHECK(is_unicode_punctuation(U'。'));
  CHECK(is_unicode_punctuation(U'$'));  // CommonMark 0.31: symbols count
  CHECK(is_unicode_punctuation(U'∇'));
  CHECK_FALSE(is_unicode_punctuation(U'字'));
}

TEST_CASE("cjk_emphasis: smart quotes inside CJK text open and close", "[doc][cjk]") {
  check_all({
      {"他说\"你好\"。", "他说“你好”。"},
      {"她说'好'吗", "她说‘好’吗"},
      {"他说\"hello\"然后走了", "他说“hello”然后走了"},
      {"\"你好\"他说", "“你好”他说"},
      {"他说“你好”。「引用」『二重』", "他说“你好”。「引用」『二重』"},
      {"「こんにちは」と言った...", "「こんにちは」と言った…"},
      {"don't \"quote\" -- --- ...", "don’t “quote” – — …"},
      {"彼は'Don't'と言った", "彼は‘Don’t’と言った"},
  });
}

TEST_CASE("cjk_emphasis: spec examples, strikethrough next to CJK", "[doc][cjk]") {
  check_all({
      {"a~~a()~~あ", "a<s>a()</s>あ"},
      {"あ~~()a~~a", "あ<s>()a</s>a"},
      {"𩸽~~()a~~a", "𩸽<s>()a</s>a"},
      {"a~~a()~~𩸽", "a<s>a()</s>𩸽"},
      {"葛\U000E0100~~()a~~a", "葛\U000E0100<s>()a</s>a"},
      {"羽\uFE00~~()a~~a", "羽\uFE00<s>()a</s>a"},
      {"a~~「a~~」", "a<s>「a</s>」"},
      {"「~~a」~~a", "「<s>a」</s>a"},
      {"~~a~~：~~a~~", "<s>a</s>：<s>a</s>"},
      {"~~（旧价格）~~新价格", "<s>（旧价格）</s>新价格"},
      {"价格~~100元~~，现在~80元~。", "价格<s>100元</s>，现在~80元~。"},
      {"价格~~~不删~~~除", "价格~~~不删~~~除"},
      {"~~单~边~", "~~单~边~"},
  });
}
