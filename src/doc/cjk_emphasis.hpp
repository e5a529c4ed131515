// doc/cjk_emphasis.hpp: emphasis and quotes next to Chinese, Japanese and Korean text.
//
// CommonMark decides whether `*` and `_` open or close emphasis by what flanks
// them, and counts every punctuation mark alike. Chinese and Japanese put no
// space between words, so `**可以吃：**白米粥` (a closing `**` after a full-width
// colon, before a Han character) and Korean `**패키지(괄호)**를` stay literal.
//
// apply_cjk_friendly_emphasis implements the "CommonMark CJK-friendly amendments"
// (the proposal for CommonMark issue 650, github.com/tats-u/markdown-cjk-friendly,
// specification.md): a delimiter run is left-flanking when it is not followed by
// whitespace and either not followed by a non-CJK punctuation character, or
// followed by one and preceded by whitespace, non-CJK punctuation, a CJK character
// or an ideographic variation selector; right-flanking mirrors it (preceded by
// non-CJK punctuation counts when followed by whitespace, punctuation or a CJK
// character). CJK characters are East Asian Width W, F or H that are not emoji
// presentation, or Hangul; a variation selector U+FE00–U+FE0E after a character
// takes that character's side. `_` still needs a punctuation mark before it to open
// inside a word, as in CommonMark. GFM strikethrough (`~~（旧价格）~~新价格`) flanks by the
// same amended rules (as remark-cjk-friendly-gfm-strikethrough does): `~` pairs with
// `~`, `~~` with `~~`.
//
// How: cmark-gfm pairs by CommonMark's rules and leaves unmatched runs as literal
// `*`/`_` in text nodes; a pair it made can be wrong under the amended rules
// (`**[a](u)**と**[b](v)**` pairs the middle two). So in every delimiter scope
// (paragraph, heading, table cell, link text) that holds CJK text and emphasis, the
// emphasis and strikethrough cmark-gfm made are taken apart again into delimiter runs
// (the marks, `*`, `_` or `~`, read from the source at the node's position), runs are split
// into nodes of their own and paired by CommonMark's "process emphasis" procedure
// (openers stack, rule of three) with the amended flanking. Scopes without CJK text
// keep cmark-gfm's result untouched.
// The neighbour of a run at a node boundary is the character the source has there:
// the backtick of a code span, `[` and `)` around a link, a line end (whitespace)
// at the edges of a paragraph or table cell.
// Known difference: cmark-gfm 0.29 counts only Unicode P* as punctuation, so a run
// next to a symbol (`a**a∇**a`) is paired where CommonMark 0.31 would not; this
// pass only adds emphasis, it never undoes cmark-gfm's.
//
// fix_cjk_smart_quotes: cmark's smart punctuation turns a straight quote between two
// letters into a closing one, so `他说"你好"` would read `他说”你好”`. A `”`/`’` where
// an opening quote is due (none open in the block), touching a CJK character on one
// side and a letter on the other, becomes `“`/`‘`. Quotes the author typed as
// 「」『』“” are never changed otherwise; `don't` keeps its apostrophe.
//
// Both walk with cmark's iterator (no recursion) and are linear in the text.
#pragma once

#include <cmark-gfm.h>

#include <string_view>

namespace leafpress::doc {

// Character classes of the amended rules, exposed for tests.
bool is_cjk_character(char32_t cp);
bool is_unicode_punctuation(char32_t cp);  // CommonMark 0.31: general category P* or S*

// `source`: the text cmark-gfm parsed, to tell `*` from `_` in the emphasis it made.
void apply_cjk_friendly_emphasis(cmark_node* root, std::string_view source);
void fix_cjk_smart_quotes(cmark_node* root);

}  // namespace leafpress::doc
