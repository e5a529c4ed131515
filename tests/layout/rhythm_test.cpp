// Tests for layout/rhythm.cpp: what apply_rhythm tells the flow about each block.
#include <catch2/catch.hpp>

#include <string>

#include "layout/rhythm.hpp"

using namespace leafpress;
using namespace leafpress::layout;

namespace {

// A body block of one line whose text is `text`; a list item if `item`.
Collected body(const std::string& text, bool item = false) {
  Collected c;
  c.role = Role::Body;
  c.list_item = item;
  text::Line line;
  text::PlacedGlyph g;
  g.text = text;
  line.glyphs.push_back(g);
  c.lines.push_back(line);
  c.element.lines.push_back(FlowLine{12, 10});
  return c;
}

Collected heading() {
  Collected c;
  c.role = Role::Heading;
  c.element.heading_level = 2;
  c.element.lines.push_back(FlowLine{14, 11});
  return c;
}

}  // namespace

// A paragraph that introduces what follows stays with it when feathering spreads a panel's
// room (panel_flow.hpp): one that leads in to a list, and one that ends on a colon
// ("…the key processes are believed to be involved:", then "Immune System Resetting: …").
TEST_CASE("rhythm: a paragraph that leads in to a list or ends on a colon introduces what follows",
          "[layout]") {
  Collection c;
  c.body = 10;
  c.blocks = {body("you notice:"),
              body("a swollen knee", true),
              body("a warm knee", true),
              body("are believed to be involved:"),
              body("Immune System Resetting: HSC…"),
              body("其作用机制包括："),
              body("免疫调节。"),
              body("ends plainly."),
              body("Next paragraph."),
              body("before a heading:"),
              heading(),
              body("Section text.")};
  apply_rhythm(c, Rhythm{});
  const auto leads = [&](std::size_t i) { return c.blocks[i].element.leads_in; };
  CHECK(leads(0));                             // a list follows
  CHECK_FALSE(leads(1));                       // a list item itself
  CHECK(leads(3));                             // a colon, a paragraph follows
  CHECK(leads(5));                             // a full-width colon
  CHECK_FALSE(leads(7));                       // a full stop
  CHECK_FALSE(leads(9));                       // a colon, but a heading follows
  CHECK(c.blocks[0].element.space_after > 0);  // the gap itself is kept, only not widened
}

// A call-out box is kept whole on its own: its last paragraph does not lead in to what follows
// the box (a reviewer's box, "…if you notice:" then a paragraph outside, was split across frames
// when its lead-in kept with the text after it). Inside one box, or into one, it does.
TEST_CASE("rhythm: a lead-in does not lead out of its box", "[layout]") {
  Collection c;
  c.body = 10;
  c.blocks = {body("Call us if you notice:"), body("Outside the box."), body("In the box, if:"),
              body("still in the box."), body("Before the box:"), body("the box.")};
  c.blocks[0].quote_depth = 1;
  c.blocks[2].quote_depth = 1;
  c.blocks[3].quote_depth = 1;
  c.blocks[5].quote_depth = 1;
  apply_rhythm(c, Rhythm{});
  CHECK_FALSE(c.blocks[0].element.leads_in);  // out of the box
  CHECK(c.blocks[2].element.leads_in);        // within it
  CHECK(c.blocks[4].element.leads_in);        // into it: the box follows whole
}

// A few notes after the article are one group, which the flow keeps in one frame: parted, a
// reviewer's Korean booklet held its second note alone on its last page, under no rule. Many
// notes may part, as a long list does.
TEST_CASE("rhythm: a few notes after the article keep together", "[layout]") {
  const auto note = [](bool first, std::size_t lines) {
    Collected c = body("1. A note.");
    c.note_rule = first;
    c.element.lines.assign(lines, FlowLine{10, 8});
    return c;
  };
  Collection few;
  few.body = 10;
  few.blocks = {body("Text."), note(true, 1), note(false, 2)};
  apply_rhythm(few, Rhythm{});
  CHECK(few.blocks[0].element.group < 0);
  CHECK(few.blocks[1].element.group >= 0);
  CHECK(few.blocks[2].element.group == few.blocks[1].element.group);

  // An article that ends on a colon does not lead in to its notes.
  Collection colon;
  colon.body = 10;
  colon.blocks = {body("Call us if you notice:"), note(true, 1), note(false, 1)};
  apply_rhythm(colon, Rhythm{});
  CHECK_FALSE(colon.blocks[0].element.leads_in);

  // Many notes part as a long list does; a call-out box inside one keeps its own group.
  Collection many;
  many.body = 10;
  Collected boxed = note(false, 1);
  boxed.quote_depth = 1;
  many.blocks = {body("Text."), note(true, 3), note(false, 3), note(false, 3), boxed};  // 10 lines
  apply_rhythm(many, Rhythm{});
  for (std::size_t i = 0; i + 1 < many.blocks.size(); ++i) CHECK(many.blocks[i].element.group < 0);
  CHECK(many.blocks.back().element.group >= 0);
}

// "• 情緒與睡眠" ended a z-fold's panel, its sub-items at the top of the next (a reviewer): a short
// item that opens a nested list keeps with it, as a heading with its text. Not an item whose next
// is a sibling, nor a longer one (three lines or more: a paragraph of its own), nor the last; nor
// before a lone sub-item of one line (the keep, two lines, reached on into the next pair), nor in
// a call-out box, kept whole as it is (a code review). Before two sub-items of a line each it keeps
// ("• Please avoid, for the first two weeks:" and one of four restrictions before a turn).
TEST_CASE("rhythm: a short list item keeps with the nested list it opens", "[layout]") {
  Collection c;
  c.body = 10;
  c.blocks = {body("情緒與睡眠", true),        body("中風後約三分之一…", true),
              body("照顧者也需要休息…", true), body("預防跌倒", true),
              body("浴室加裝扶手…", true),     body("a long item", true),
              body("its sub-item", true),      body("Mood", true),
              body("sleep less", true),        body("Appetite", true),
              body("eat less", true),          body("Please avoid:", true),
              body("rubbing", true),           body("swimming", true)};
  for (const std::size_t nested : {1u, 2u, 4u, 6u, 8u, 10u, 12u, 13u}) c.blocks[nested].indent = 14;
  for (const std::size_t two : {1u, 4u, 6u, 10u}) c.blocks[two].element.lines.push_back(FlowLine{12, 10});
  for (int k = 0; k < 2; ++k) c.blocks[5].element.lines.push_back(FlowLine{12, 10});  // three lines
  for (const std::size_t quoted : {9u, 10u}) c.blocks[quoted].quote_depth = 1;
  apply_rhythm(c, Rhythm{});
  const auto keeps = [&](std::size_t i) { return c.blocks[i].element.keep_with_next; };
  CHECK(keeps(0));
  CHECK_FALSE(keeps(1));  // a sub-item before its sibling
  CHECK_FALSE(keeps(2));  // before an item of the outer list
  CHECK(keeps(3));
  CHECK_FALSE(keeps(5));  // three lines
  CHECK_FALSE(keeps(6));  // before an item of the outer list
  CHECK_FALSE(keeps(7));  // before a sub-item of one line
  CHECK_FALSE(keeps(9));  // in a call-out box
  CHECK_FALSE(keeps(10));
  CHECK(keeps(11));  // before two sub-items of a line each
}
