#include "core/yaml_limits.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>
#include <vector>

namespace leafpress {
namespace {

struct Size {
  std::size_t values = 0, bytes = 0;
};

// Thrown out of the parser's callbacks to stop it at the first value past the budget.
struct OverBudget {
  YAML::Mark mark;
  std::string message;
};

// Counts the expanded document: `total` grows by one value (and its text) per scalar,
// list, map or null, and by an anchor's whole expanded size per alias. A list or map
// that carries an anchor records, at its end, how much `total` grew inside it: that
// is what every later alias to it adds.
class Counter : public YAML::EventHandler {
 public:
  explicit Counter(const YamlBudget& budget) : budget_(budget) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor, 0); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    leaf(mark, anchor, value.size());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchored_.find(anchor);
    if (it == anchored_.end())
      throw OverBudget{mark, "an alias refers to the list or map it is inside of, which would never end"};
    add(mark, it->second);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    Size at_start;
  };

  void add(const YAML::Mark& mark, const Size& more) {
    total_.values += more.values;
    total_.bytes += more.bytes;
    // Every addition is checked at once, and an anchor's size is at most the budget:
    // the sums stay far from overflowing.
    if (total_.values > budget_.values)
      throw OverBudget{mark, "with its aliases expanded, it holds more than " +
                                 std::to_string(budget_.values) + " values"};
    if (total_.bytes > budget_.bytes)
      throw OverBudget{mark, "with its aliases expanded, it holds more than " +
                                 std::to_string(budget_.bytes >> 20) + " MiB of text"};
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::size_t bytes) {
    add(mark, Size{1, bytes});
    if (anchor != YAML::NullAnchor) anchored_[anchor] = Size{1, bytes};
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(mark, Size{1, 0});
    stack_.push_back(Open{anchor, Size{total_.values - 1, total_.bytes}});
  }
  void close() {
    if (stack_.empty()) return;
    const Open o = stack_.back();
    stack_.pop_back();
    if (o.anchor != YAML::NullAnchor)
      anchored_[o.anchor] = Size{total_.values - o.at_start.values, total_.bytes - o.at_start.bytes};
  }

  YamlBudget budget_;
  Size total_;
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, Size> anchored_;  // finished anchors only
};

}  // namespace

Status check_yaml_expansion(std::string_view yaml, const YamlBudget& budget, const std::string& file,
                            std::string_view what, int first_line) {
  // Without an alias nothing can expand: the document is its own size, which the
  // file-size limits already bound.
  if (yaml.find('*') == std::string_view::npos) return Ok{};
  std::istringstream in{std::string(yaml)};
  Counter counter(budget);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(counter);  // the first document: what YAML::Load reads
  } catch (const OverBudget& e) {
    const int line = e.mark.line >= 0 ? first_line + e.mark.line : 0;
    return Error{file, line, std::string(what) + " is too large: " + e.message,
                 "write the values out instead of repeating aliases (*name) of aliases"};
  } catch (const YAML::Exception&) {
    return Ok{};  // not valid YAML: the load says where and why
  }
  return Ok{};
}

}  // namespace leafpress
