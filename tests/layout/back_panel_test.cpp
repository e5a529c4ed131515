// Tests for layout/back_panel.cpp: the clinic block on a back panel, a handout's
// footer and a booklet's back cover.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "tests/layout/layout_fixtures.hpp"

using leafpress::mm;
using leafpress::test::find_run;
using leafpress::test::lay_out_text;
using leafpress::test::shipped_layout;

namespace {

const std::string kClinic =
    "---\ntitle: Knees\nclinic:\n  name: Riverside Family Clinic\n  address: 12 Mill Road\n  phone: \"+1 555 "
    "0100\"\n  url: https://riverside.example.org\n---\n\n";

std::string long_body(int paragraphs) {
  std::string s;
  for (int i = 0; i < paragraphs; ++i)
    s += "Regular exercise strengthens the muscles around the joint and keeps the cartilage healthy. "
         "Walk, swim or cycle for half an hour on most days of the week.\n\n";
  return s;
}

}  // namespace

TEST_CASE("back_panel: the clinic sits at the foot of the tri-fold's back panel, the body above it",
          "[layout]") {
  const auto t = shipped_layout("trifold-a4");
  auto m = lay_out_text(kClinic + long_body(48), t);
  if (!m) FAIL(m.error().describe());
  const auto& page = m->pages[0];
  const double back_x0 = page.trim.x0 + mm(97), back_x1 = back_x0 + mm(100);
  double clinic_top = 0;
  for (const char* field : {"Riverside", "Mill Road", "555", "riverside.example"}) {
    INFO(field);
    bool found = false;
    for (const auto& r : page.runs)
      if (leafpress::test::run_text(r).find(field) != std::string::npos && r.x >= back_x0 && r.x < back_x1 &&
          r.y < page.trim.y0 + mm(45)) {
        found = true;
        clinic_top = std::max(clinic_top, r.y);
      }
    CHECK(found);
  }
  // Body lines on the back panel stand above the clinic block.
  int body_lines = 0;
  for (const auto& r : page.runs)
    if (r.x >= back_x0 && r.x < back_x1 &&
        leafpress::test::run_text(r).find("exercise") != std::string::npos) {
      ++body_lines;
      CHECK(r.y > clinic_top + 10);
    }
  CHECK(body_lines > 0);
}

TEST_CASE("back_panel: a handout's clinic is a footer on the last side, a booklet's on the back cover",
          "[layout]") {
  auto handout = lay_out_text(kClinic + "Short.\n", shipped_layout("handout-a4"));
  if (!handout) FAIL(handout.error().describe());
  REQUIRE(handout->pages.size() == 1);
  const auto [hp, hrun] = find_run(*handout, "Mill Road");
  REQUIRE(hrun);
  // A block across the two columns: name and address in the first, phone and url in the second,
  // both ending on the foot line.
  const auto* phone = find_run(*handout, "555").second;
  const auto* url = find_run(*handout, "riverside.example").second;
  REQUIRE(phone);
  REQUIRE(url);
  CHECK(phone->x > hrun->x + mm(60));
  CHECK(url->y == Approx(hrun->y));
  CHECK(find_run(*handout, "Riverside Family").second->x == Approx(hrun->x));
  CHECK(hrun->y < handout->pages[0].trim.y0 + mm(30));

  leafpress::layout::LayoutOptions reader;
  reader.impose = false;
  auto booklet = lay_out_text(kClinic + long_body(30), shipped_layout("booklet-a5"), "a.md", reader);
  if (!booklet) FAIL(booklet.error().describe());
  const auto [bp, brun] = find_run(*booklet, "Mill Road");
  REQUIRE(brun);
  CHECK(bp == static_cast<int>(booklet->pages.size()) - 1);
}

// A reviewer's footer parted "antenatal@harbourside- | midwives.example.nhs.uk" and the url
// the same way, in the narrow column left of the QR code, beside a short address. The ways to
// reach the clinic now start further left where the first column leaves room: whole, each on
// its line, still clear of the address and of the code.
TEST_CASE("back_panel: a handout footer keeps a long e-mail address and url whole", "[layout]") {
  const std::string clinic =
      "---\ntitle: Pregnancy\nclinic:\n  name: Harbourside Midwifery Practice\n  address: 18 Quayside "
      "Terrace, "
      "Portsmouth PO1 3HG\n  phone: 023 9281 4470\n  url: https://harbourside-midwives.example.nhs.uk\n  "
      "email: "
      "antenatal@harbourside-midwives.example.nhs.uk\n---\n\n";
  auto handout = lay_out_text(clinic + "Short.\n", shipped_layout("handout-a4"));
  if (!handout) FAIL(handout.error().describe());
  const auto* address = find_run(*handout, "Quayside").second;
  const auto* email = find_run(*handout, "antenatal@harbourside-midwives.example.nhs.uk").second;
  const auto* url = find_run(*handout, "https://harbourside-midwives.example.nhs.uk").second;
  REQUIRE(address);
  REQUIRE(email);  // on one line
  REQUIRE(url);
  CHECK(email->x == Approx(url->x));
  // A column of its own: right of the address with a gutter between, left of the QR code.
  const auto right_end = [](const leafpress::layout::GlyphRun& r) {
    return r.x + r.glyphs.back().x + r.glyphs.back().advance;
  };
  const auto& page = handout->pages[0];
  CHECK(email->x >= right_end(*address) + shipped_layout("handout-a4").gutter - 0.01);
  double code = page.trim.x1;  // the QR code's left edge: its modules are the black fills at the foot
  for (const auto& f : page.fills)
    if (f.rect.y1 < page.trim.y0 + mm(40) && f.rect.x0 > right_end(*email) - mm(20))
      code = std::min(code, f.rect.x0);
  CHECK(right_end(*email) <= code);
  CHECK(right_end(*url) <= code);
}

// ... and beside a postal address of two full lines: a reviewer's footer parted "https://www.sakura- |
// kids.example.jp/allergy" and "eye.daycase@stcolumbas. | example.nhs.uk". The address wraps
// narrower (down to the clinic name's width) to leave the url its line.
TEST_CASE("back_panel: a handout footer's long address wraps to keep the url whole", "[layout]") {
  const std::string clinic =
      "---\ntitle: Cataract\nauthor: Ophthalmology Day-Case Unit\nclinic:\n  name: St Columba's Hospital\n"
      "  address: Eye Treatment Centre, Level 2, 40 Marchmont Road, Edinburgh EH9 1HT\n"
      "  phone: 0131 496 0725\n  hours: Monday to Friday, 8:00 a.m. to 6:00 p.m.\n"
      "  email: eye.daycase@stcolumbas.example.nhs.uk\n"
      "  url: https://www.stcolumbas.example.nhs.uk/eye/cataract-aftercare\n---\n\n";
  auto handout = lay_out_text(clinic + "Short.\n", shipped_layout("handout-a4"));
  if (!handout) FAIL(handout.error().describe());
  const auto* url = find_run(*handout, "https://www.stcolumbas.example.nhs.uk/eye/cataract-aftercare").second;
  const auto* email = find_run(*handout, "eye.daycase@stcolumbas.example.nhs.uk").second;
  REQUIRE(url);  // on one line
  REQUIRE(email);
  const auto right_end = [](const leafpress::layout::GlyphRun& r) {
    return r.x + r.glyphs.back().x + r.glyphs.back().advance;
  };
  // Clear of every line of the address, a gutter apart.
  for (const auto& run : handout->pages[0].runs)
    if (run.y >= url->y - 0.01 && run.y < url->y + 60 && run.x < url->x - 0.01) {
      INFO(leafpress::test::run_text(run));
      CHECK(right_end(run) <= url->x - shipped_layout("handout-a4").gutter + 0.01);
    }
}

// A code review: the name-and-address column narrowed for a url only where the block grows no
// taller and no word of the address breaks ("Llanfairpwllgwyngyllgoger- | ychwyrndrobwll"); and the
// ways to reach the clinic never stand over the author's line (the author's width was left out:
// "Department of Primary Carehttps://…").
TEST_CASE("back_panel: a footer's columns never overlap and part no word of the address", "[layout]") {
  for (const char* address : {"12 River Road, Easton", "12 River Road, Llanfairpwllgwyngyllgogerychwyrndrobwll, Easton"}) {
    const std::string text =
        std::string("---\ntitle: T\nauthor: Riverside Clinic Nursing and Vaccination Team, Department of "
                    "Primary Care\nclinic:\n  name: Riverside Clinic\n  address: ") +
        address +
        "\n  phone: +1 555 0100\n  url: https://www.riverside-family-health-centre.example.org/services/"
        "vaccinations/flu\n---\n\nShort.\n";
    auto m = lay_out_text(text, shipped_layout("handout-a4"));
    if (!m) FAIL(m.error().describe());
    const auto& runs = m->pages.back().runs;
    const auto right_end = [](const leafpress::layout::GlyphRun& r) {
      return r.x + r.glyphs.back().x + r.glyphs.back().advance;
    };
    const auto* phone = find_run(*m, "+1 555 0100").second;
    REQUIRE(phone);
    for (const auto& run : runs) {
      const std::string t = leafpress::test::run_text(run);
      if (run.x >= phone->x - 0.01 || run.y > phone->y + 80 || run.y < phone->y - 80) continue;
      INFO(t);
      CHECK(right_end(run) <= phone->x - 0.01);  // left of the ways to reach the clinic
      CHECK(t.find("Llanfairpwllgwyngyllgoger-") == std::string::npos);
    }
  }
}

TEST_CASE("back_panel: no clinic: the author or the title signs the back, no logo", "[layout]") {
  auto m = lay_out_text("# Knees\n\nText.\n", shipped_layout("trifold-a4"));
  if (!m) FAIL(m.error().describe());
  const auto& page = m->pages[0];
  CHECK(page.images.empty());
  const double back_x0 = page.trim.x0 + mm(97), back_x1 = back_x0 + mm(100);
  bool signed_back = false;
  for (const auto& r : page.runs)
    signed_back = signed_back || (leafpress::test::run_text(r) == "Knees" && r.x >= back_x0 &&
                                  r.x < back_x1 && r.y < page.trim.y0 + mm(30));
  CHECK(signed_back);
  auto a = lay_out_text("---\ntitle: Knees\nauthor: Dr Lee\n---\n\nText.\n", shipped_layout("trifold-a4"));
  if (!a) FAIL(a.error().describe());
  const auto [p, run] = find_run(*a, "Dr Lee");
  REQUIRE(run);
  CHECK(run->y < a->pages[0].trim.y0 + mm(30));
}

// Two reviewers' front matter named a clinic and an author (the team that wrote the leaflet:
// "Anticoagulation Service", "산과·내분비 협진팀"); the author printed nowhere and the PDF's
// Author was the clinic's name. The author stands under the clinic's name, between it and the
// address, unless the name already says it; it is the PDF's Author (the clinic's name where there is
// no author).
TEST_CASE("back_panel: the author stands under the clinic's name and is the PDF's Author", "[layout]") {
  const std::string front =
      "---\ntitle: Warfarin\nauthor: Anticoagulation Service\nclinic:\n  name: Harbourside Hospital\n"
      "  address: 12 Mill Road\n---\n\nText.\n";
  for (const char* layout : {"trifold-a4", "handout-a4"}) {
    INFO(layout);
    auto m = lay_out_text(front, shipped_layout(layout));
    if (!m) FAIL(m.error().describe());
    const auto* author = find_run(*m, "Anticoagulation Service").second;
    const auto* address = find_run(*m, "12 Mill Road").second;
    REQUIRE(author);
    REQUIRE(address);
    const leafpress::layout::GlyphRun* name = nullptr;  // the block's, not the cover's
    for (const auto& page : m->pages)
      for (const auto& r : page.runs)
        if (leafpress::test::run_text(r) == "Harbourside Hospital" && std::abs(r.x - author->x) < 0.01)
          name = &r;
    REQUIRE(name);
    CHECK(author->x == Approx(name->x));
    CHECK(author->y < name->y);
    CHECK(author->y > address->y);
    CHECK(m->author == "Anticoagulation Service");
  }
  // Said by the name already: printed once.
  auto same =
      lay_out_text("---\ntitle: Knees\nauthor: Riverside\nclinic:\n  name: Riverside Clinic\n---\n\nText.\n",
                   shipped_layout("trifold-a4"));
  if (!same) FAIL(same.error().describe());
  int runs = 0;
  for (const auto& page : same->pages)
    for (const auto& r : page.runs)
      runs += leafpress::test::run_text(r).find("Riverside") != std::string::npos;
  CHECK(runs == 2);  // the cover's foot and the back's block
  // Starting with the name: the rest under it ("Respiratory Team", "慢病管理科").
  for (const auto& [author, rest] : std::vector<std::pair<std::string, std::string>>{
           {"Maple Grove Pediatrics Respiratory Team", "Respiratory Team"},
           {"Maple Grove Pediatrics, Respiratory Team", "Respiratory Team"},
           {"Team A \u2014 Maple Grove Pediatrics", "Team A"},
           {"Maple Grove Pediatrics: Respiratory Team", "Respiratory Team"},
           {"Maple Grove Pediatrics (Respiratory Team)", "Respiratory Team"},
           // The name's first words, shared or at the end: "仁康醫院 腎臟科暨營養室" under "仁康醫院
           // 血液透析中心".
           {"Maple Grove Nursing Team", "Nursing Team"},
           {"Nursing Team, Maple Grove", "Nursing Team"},
           // Not the name as a whole word, or the rest leading into it: the author whole.
           {"Maple Grove Pediatricsville nurses", "Maple Grove Pediatricsville nurses"},
           {"Respiratory Team at Maple Grove Pediatrics", "Respiratory Team at Maple Grove Pediatrics"}}) {
    INFO(author);
    auto m = lay_out_text("---\ntitle: Asthma\nauthor: \"" + author +
                              "\"\nclinic:\n  name: Maple Grove Pediatrics\n---\n\nText.\n",
                          shipped_layout("trifold-a4"));
    if (!m) FAIL(m.error().describe());
    CHECK(find_run(*m, rest).second);
    if (rest != author) CHECK_FALSE(find_run(*m, author).second);
  }
  CHECK(same->author == "Riverside Clinic");
  // Only punctuation left, or the address's first words: nothing more is printed.
  for (const auto& [author, name] : std::vector<std::pair<std::string, std::string>>{
           {"Riverside Clinic.", "Riverside Clinic"}, {"Eye Unit, St Anne's Hospital", "Eye Unit"}}) {
    INFO(author);
    auto m = lay_out_text("---\ntitle: Knees\nauthor: \"" + author + "\"\nclinic:\n  name: " + name +
                              "\n  address: St Anne's Hospital, Mill Lane\n---\n\nText.\n",
                          shipped_layout("trifold-a4"));
    if (!m) FAIL(m.error().describe());
    int lines = 0;
    for (const auto& page : m->pages)
      for (const auto& r : page.runs) {
        const std::string text = leafpress::test::run_text(r);
        lines += text.find("Clinic.") != std::string::npos || text == "St Anne\u2019s Hospital" ||
                 text.find("Eye Unit,") != std::string::npos;
      }
    CHECK(lines == 0);
  }  // the PDF's Author: the name, which says more
}
