#include "layout/column_ends.hpp"

#include <algorithm>

namespace leafpress::layout {

std::vector<int> lines_ending_frames(const FlowResult& flowed, std::size_t b) {
  std::vector<int> out;
  if (b >= flowed.placements.size()) return out;
  const auto& places = flowed.placements[b];
  // The element's last line may end a frame too: the next element starts the next frame.
  const auto next_frame = [&](std::size_t i) -> int {
    if (i + 1 < places.size()) return places[i + 1].frame;
    for (std::size_t k = b + 1; k < flowed.placements.size(); ++k)
      if (!flowed.placements[k].empty()) return flowed.placements[k].front().frame;
    return places[i].frame + 1;
  };
  for (std::size_t i = 0; i < places.size(); ++i)
    if (next_frame(i) != places[i].frame) out.push_back(static_cast<int>(i));
  return out;
}

namespace {

// Lines that run past the measure: a re-set may not add any (a word or an address that only its
// hyphen, or its break, let fit).
std::ptrdiff_t overfull(const std::vector<text::Line>& lines) {
  return std::count_if(lines.begin(), lines.end(), [](const text::Line& l) { return l.overfull; });
}

// A line that may not end a frame: in a hyphen (inserted, or a compound's own) or inside a word.
bool parts_word(const text::Line& line) {
  return line.hyphenated || line.ends_at_hyphen || line.ends_in_word;
}

}  // namespace

std::size_t unhyphenate_column_ends(Collection& collection, const FlowResult& flowed) {
  std::size_t changed = 0;
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  for (std::size_t b = 0; b < count; ++b) {
    Collected& c = collection.blocks[b];
    if (!c.recompose || flowed.placements[b].size() != c.lines.size()) continue;
    text::ComposeOptions options;
    for (const int i : lines_ending_frames(flowed, b)) {
      if (parts_word(c.lines[static_cast<std::size_t>(i)])) options.no_hyphen_lines.push_back(i);
    }
    if (options.no_hyphen_lines.empty()) continue;
    options.exact_lines = static_cast<int>(c.lines.size());
    auto again = c.recompose(options);
    if (!again || again->lines.size() != c.lines.size()) continue;
    // Kept whole, the word may not fit its line ("staldhelms.example.nhs.uk/eye/cataract-
    // aftercare." ran 1.6 pt past the column): a hyphen at the turn reads better than that.
    if (overfull(again->lines) > overfull(c.lines)) continue;
    c.lines = std::move(again->lines);
    ++changed;
  }
  return changed;
}

std::size_t broken_column_ends(const Collection& collection, const FlowResult& flowed) {
  std::size_t out = 0;
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  for (std::size_t b = 0; b < count; ++b) {
    const Collected& c = collection.blocks[b];
    if (!c.recompose || flowed.placements[b].size() != c.lines.size()) continue;
    for (const int i : lines_ending_frames(flowed, b))
      out += parts_word(c.lines[static_cast<std::size_t>(i)]);
  }
  return out;
}

std::size_t end_turns_at_sentences(Collection& collection, const FlowResult& flowed,
                                   const std::vector<Frame>& frames) {
  const std::vector<bool> turns = side_turns(frames);
  std::size_t changed = 0;
  const std::size_t count = std::min(collection.blocks.size(), flowed.placements.size());
  for (std::size_t b = 0; b < count; ++b) {
    Collected& c = collection.blocks[b];
    if (!c.recompose || c.role != Role::Body || flowed.placements[b].size() != c.lines.size()) continue;
    for (const int i : lines_ending_frames(flowed, b)) {
      const auto line = static_cast<std::size_t>(i);
      const auto frame = static_cast<std::size_t>(flowed.placements[b][line].frame);
      if (line + 1 >= c.lines.size() || frame >= turns.size() || !turns[frame]) continue;
      text::ComposeOptions options;
      options.sentence_end_line = i;
      options.exact_lines = static_cast<int>(c.lines.size());
      auto again = c.recompose(options);
      if (!again || again->lines.size() != c.lines.size() || again->lines == c.lines) continue;
      if (overfull(again->lines) > overfull(c.lines)) continue;
      c.lines = std::move(again->lines);
      // Set again later (hyphen budgets, column ends), it ends that line at its sentence still.
      // (This runs once per trial: a second pass would wrap the wrapper.)
      c.recompose = [inner = std::move(c.recompose), i](const text::ComposeOptions& o) {
        text::ComposeOptions with = o;
        with.sentence_end_line = i;
        return inner(with);
      };
      ++changed;
      break;  // one turn per paragraph
    }
  }
  return changed;
}

}  // namespace leafpress::layout
