#include "batch/manifest.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "batch/data_rows.hpp"
#include "batch/fingerprint.hpp"
#include "batch/input_guard.hpp"
#include "batch/layout_search.hpp"
#include "batch/merge_rules.hpp"
#include "batch/path_glob.hpp"
#include "batch/variables.hpp"
#include "core/atomic_file.hpp"
#include "core/file_identity.hpp"
#include "core/utf8.hpp"
#include "core/yaml_limits.hpp"
#include "doc/document.hpp"
#include "doc/image.hpp"
#include "layout/template.hpp"

namespace leafpress::batch {
namespace fs = std::filesystem;

struct JobGroup {
  std::string manifest;  // the manifest's path: logos are relative to it, messages name it
  fs::path dir;          // its folder
  std::string name, pattern;
  Job base;          // what every PDF of the entry shares
  Variables shared;  // `vars:`
  std::vector<std::string> articles;
  int layout_line = 0;  // where `layout:` is written (the job's or the defaults'), for messages
  int output_line = 0;  // where `output:` is written
  // The rows: a copy of a CSV file (`data:`, read again row by row for each article), or
  // the rows written in the manifest (`rows:`), or one empty row (no data).
  std::shared_ptr<const CsvSnapshot> csv;
  std::string csv_name;      // the CSV as messages name it
  std::size_t csv_rows = 0;  // its rows, counted when the manifest was read
  std::vector<DataRow> rows;
};

namespace {

std::string resolve_in(const fs::path& dir, const std::string& p) {
  if (fs::path(p).is_absolute() || dir.empty()) return fs::path(p).lexically_normal().string();
  return (dir / p).lexically_normal().string();
}

// A value inside a file name: no folder separators, no "." or "..".
// Control bytes (a NUL would cut the name short) become '-' too, and a value is cut to
// kMaxValueInPath bytes (at a UTF-8 boundary): file names stop at 255 bytes.
std::string safe_in_path(std::string v) {
  constexpr std::size_t kMaxValueInPath = 100;
  v.resize(utf8_prefix(v, kMaxValueInPath).size());
  for (char& c : v)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '-';
  if (v == "." || v == "..") v = "_";
  return v;
}

// A problem of the row: at its file and line ("clinics.csv:7" is file clinics.csv, line 7,
// so that the report's error says them apart), or the manifest when it has no origin.
void locate_at_row(Error& e, const DataRow& row, const std::string& manifest) {
  e.file = row.origin.empty() ? manifest : row.origin;
  e.line = 0;
  const std::size_t colon = row.origin.rfind(':');
  if (colon == std::string::npos || colon + 1 == row.origin.size() ||
      row.origin.find_first_not_of("0123456789", colon + 1) != std::string::npos)
    return;
  e.file = row.origin.substr(0, colon);
  e.line = std::stoi(row.origin.substr(colon + 1));
}

// The PDF for one article and one row (the r-th of the entry, from 0).
PlannedJob plan_job(const JobGroup& g, const std::string& article, const DataRow& row, std::size_t r) {
  PlannedJob p;
  p.name = g.name;
  p.pattern = g.pattern;
  p.pattern_line = g.output_line;
  p.job = g.base;
  p.job.article = article;
  p.job.variables = g.shared;
  for (const auto& [k, v] : row.values) p.job.variables[k] = v;
  p.job.row = row.origin.empty() ? "the manifest" : row.origin;
  p.problem = row.problem;
  // A logo named by the data is a path like any in the manifest: relative to it, and
  // (as an article's pictures) never outside its folder.
  if (auto logo = p.job.variables.find("clinic.logo");
      logo != p.job.variables.end() && !logo->second.empty()) {
    auto file = doc::resolve_asset(g.manifest, logo->second, 0);
    if (file)
      logo->second = file->string();
    else if (!p.problem) {
      p.problem = file.error();
      locate_at_row(*p.problem, row, g.manifest);
    }
  }
  Variables path_values;
  for (const auto& [k, v] : p.job.variables) path_values[k] = safe_in_path(v);
  path_values["article"] = safe_in_path(fs::path(article).stem().string());  // `...md`: stem ".."
  path_values["job"] = safe_in_path(g.name);
  path_values["row"] = std::to_string(r + 1);
  auto filled = fill(g.pattern, path_values);
  if (filled) {
    p.shard_key = fs::path(*filled).lexically_normal().string();
    p.job.output = resolve_in(g.dir, *filled);
  } else {
    p.job.output = resolve_in(g.dir, g.pattern);
    // The same share on every machine, wherever the manifest is named from.
    p.shard_key = fs::path(g.pattern).lexically_normal().string() + "#" + std::to_string(r + 1);
    if (!p.problem) {
      p.problem = filled.error();
      locate_at_row(*p.problem, row, g.manifest);
      p.problem->message += " in the output pattern";
    }
  }
  return p;
}

constexpr std::size_t kMaxManifestBytes = 4u << 20;

const std::set<std::string> kJobKeys{"name", "article", "articles", "layout", "standard",
                                     "set",  "proof",   "impose",   "output", "data",
                                     "rows", "vars",    "pages_max"};

// A variable's name is a placeholder name ({{clinic.name}}): nested keys joined with
// '.' never need more, and a limit keeps deep nesting from making names of megabytes.
constexpr std::size_t kMaxVariableName = 256;
// Values of all planned PDFs together (each PDF keeps its row's values and the job's
// `vars:`): 10,000 clinics x 3 languages x 30 columns fit; about 150 bytes each.
constexpr std::size_t kMaxPlannedValues = 1'000'000;

// Reads the manifest; every error names it and the YAML line. The articles it reads are
// read through `guard` (InputGuard::article), which keeps them for the checks after it.
class Reader {
 public:
  Reader(const std::string& path, InputGuard& guard)
      : path_(path), dir_(fs::path(path).parent_path()), guard_(guard) {}

  Result<Manifest> run(const std::string& yaml) {
    if (auto bounded = check_yaml_expansion(yaml, kManifestYamlBudget, path_, "the manifest"); !bounded)
      return bounded.error();
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
      return Error{path_, e.mark.line + 1, "the manifest is not valid YAML: " + e.msg,
                   "check the indentation and the colons"};
    }
    if (!root.IsMap())
      return Error{path_, 1,
                   root.IsNull() ? std::string("the manifest is empty") : "the manifest has no `jobs:` list",
                   "a manifest is YAML that starts with `jobs:`, as in the README's Batch runs; "
                   "the CSV goes in a job's `data:`"};
    // A mistyped key first (`job:` for `jobs:`): it says more than a missing `jobs:`.
    for (const auto& it : root) {
      const std::string key = it.first.as<std::string>("");
      if (key != "jobs" && key != "defaults")
        return at(it.first, "unknown key `" + key + "`", "the top level has `defaults:` and `jobs:`");
    }
    if (!root["jobs"])
      return Error{path_, 1, "the manifest has no `jobs:` list",
                   "add `jobs:`, as in the README's Batch runs"};
    YAML::Node defaults = root["defaults"];
    if (defaults && !defaults.IsMap()) return at(defaults, "`defaults:` must be a group of keys", "");
    if (defaults)
      if (auto s = check_keys(defaults); !s) return s.error();
    const YAML::Node jobs = root["jobs"];
    if (!jobs.IsSequence()) return at(jobs, "`jobs:` must be a list of jobs", "start each job with `- `");
    if (jobs.size() == 0)
      return at(jobs, "`jobs:` lists no job", "add one: `- articles: NAME.md` with its `output:`");
    Manifest m;
    m.path = path_;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!jobs[i].IsMap()) return at(jobs[i], "a job must be a group of keys", "");
      if (auto s = check_keys(jobs[i]); !s) return s.error();
      auto group = expand(jobs[i], defaults, i);
      if (!group) return group.error();
      m.job_count += group->articles.size() * row_count_;
      m.groups.push_back(std::make_shared<const JobGroup>(std::move(group).value()));
    }
    m.data_files = data_files_;
    return m;
  }

 private:
  Error at(const YAML::Node& node, const std::string& message, const std::string& hint) const {
    const int line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
    return Error{path_, line, message, hint};
  }

  Status check_keys(const YAML::Node& job) const {
    for (const auto& it : job) {
      const std::string key = it.first.as<std::string>("");
      if (!kJobKeys.count(key))
        return at(it.first, "unknown job key `" + key + "`",
                  "known: name, articles, layout, standard, set, pages_max, proof, impose, output, data, "
                  "rows, vars");
    }
    return Ok{};
  }

  // The job's key, else the default's.
  static YAML::Node get(const YAML::Node& job, const YAML::Node& defaults, const char* key) {
    if (job[key]) return job[key];
    if (defaults && defaults[key]) return defaults[key];
    return YAML::Node(YAML::NodeType::Undefined);
  }

  Result<std::string> scalar(const YAML::Node& n, const char* key) const {
    if (!n.IsScalar()) return at(n, "`" + std::string(key) + "` must be text", "");
    return n.Scalar();
  }

  Result<std::vector<std::string>> strings(const YAML::Node& n, const char* key) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
      for (const auto& item : n) {
        if (!item.IsScalar()) return at(item, "`" + std::string(key) + "` must be a list of text", "");
        out.push_back(item.Scalar());
      }
    } else {
      return at(n, "`" + std::string(key) + "` must be text or a list of text", "");
    }
    return out;
  }

  std::string resolve(const std::string& p) const { return resolve_in(dir_, p); }

  // Flattens nested keys with '.': {clinic: {name: x}} → clinic.name = x.
  Status flatten(const YAML::Node& n, const std::string& prefix, Variables& out, const char* what) const {
    if (n.IsScalar()) {
      out[prefix] = n.Scalar();
      return Ok{};
    }
    if (n.IsNull()) {
      out[prefix] = "";
      return Ok{};
    }
    if (!n.IsMap()) return at(n, std::string(what) + " `" + prefix + "` must be text, not a list", "");
    for (const auto& it : n) {
      const std::string key = it.first.as<std::string>("");
      const std::string name = prefix.empty() ? key : prefix + "." + key;
      if (name.size() > kMaxVariableName)
        return at(it.first,
                  std::string(what) + " name `" + std::string(utf8_prefix(name, 40)) +
                      "...` is longer than " + std::to_string(kMaxVariableName) + " bytes",
                  "use short names, e.g. clinic.phone");
      if (auto s = flatten(it.second, name, out, what); !s) return s;
    }
    return Ok{};
  }

  Result<std::vector<std::string>> articles(const YAML::Node& job, const YAML::Node& defaults) const {
    YAML::Node n = get(job, defaults, "articles");
    if (!n) n = get(job, defaults, "article");
    if (!n) return at(job, "the job names no article", "add `articles: NAME.md` (globs allowed)");
    auto list = strings(n, "articles");
    if (!list) return list.error();
    std::vector<std::string> out;
    for (const auto& a : *list) {
      const std::string full = resolve(a);
      if (!has_glob_chars(a)) {
        // Missing, it would fail every row alone: said once, at the manifest's line.
        if (std::error_code ec; !fs::exists(full, ec))
          return at(n, "the article " + full + " does not exist",
                    "paths are relative to the manifest's folder");
        out.push_back(full);
        continue;
      }
      const auto matched = expand_glob(full);  // `**` is any depth of folders
      if (matched.empty())
        return at(n, "`" + a + "` matches no file", "paths are relative to the manifest's folder");
      out.insert(out.end(), matched.begin(), matched.end());
    }
    return out;
  }

  // Where the entry's rows come from, into `g`; `columns` gains the names the rows have,
  // `source` says where they come from, for messages. A CSV is read through once here:
  // its errors are usage errors, and row_count_ and values_ count its rows and values.
  Status rows(const YAML::Node& job, const YAML::Node& defaults, JobGroup& g, std::set<std::string>& columns,
              std::string& source) const {
    const YAML::Node data = get(job, defaults, "data");
    const YAML::Node inline_rows = get(job, defaults, "rows");
    row_count_ = values_ = 0;
    if (data && inline_rows) return at(job, "a job has `data:` or `rows:`, not both", "");
    if (data) {
      auto file = scalar(data, "data");
      if (!file) return file.error();
      auto snapshot = CsvSnapshot::take(resolve(*file), resolve(*file));
      // A name mistyped in the manifest is the manifest's line to fix.
      if (std::error_code ec; !snapshot && !fs::exists(resolve(*file), ec))
        return at(data, "the data file " + resolve(*file) + " does not exist",
                  "check the name in `data:`; it is relative to the manifest's folder");
      if (!snapshot) return snapshot.error();
      g.csv = std::move(snapshot).value();
      g.csv_name = resolve(*file);
      auto table = CsvRows::open(g.csv, g.csv_name);
      if (!table) return table.error();
      columns.insert(table->columns().begin(), table->columns().end());
      for (;;) {
        auto row = table->next();
        if (!row) return row.error();
        if (!*row) break;
        // A value that is not UTF-8 is the file's encoding (Excel's "CSV" in Windows-1252):
        // every row with an accent would fail alone, one line each. Said once, here.
        if ((*row)->not_utf8) {
          Error e = *(*row)->problem;
          e.message += ": the file is in another encoding";
          e.hint = "save it as UTF-8: in Excel, File, Save As, CSV UTF-8";
          return e;
        }
        ++row_count_;
        values_ += (*row)->values.size();
      }
      g.csv_rows = row_count_;
      data_files_.push_back(g.csv_name);
      source = g.csv_name;
      return Ok{};
    }
    if (inline_rows) {
      if (!inline_rows.IsSequence())
        return at(inline_rows, "`rows:` must be a list", "start each row with `- `");
      source = "the rows: of " + path_;
      for (const auto& r : inline_rows) {
        DataRow row;
        row.origin = path_ + ":" + std::to_string(r.Mark().line + 1);
        if (!r.IsMap()) {
          row.problem = at(r, "a row must be a group of keys (`name: value`)", "");
        } else if (auto s = flatten(r, "", row.values, "value"); !s) {
          row.problem = s.error();
        }
        for (const auto& [k, v] : row.values) columns.insert(k);
        values_ += row.values.size();
        g.rows.push_back(std::move(row));
      }
      row_count_ = g.rows.size();
      return Ok{};
    }
    g.rows.push_back(DataRow{});  // no data: one PDF per article
    row_count_ = 1;
    return Ok{};
  }

  // A variable an article uses that no row can have (no such column, no `vars:` entry)
  // fails every one of its PDFs: said once, as a usage error, at the article's line, before
  // anything is built, as a build of its first row would say it. Each article is filled
  // with the names as values: only an unknown name is an error here (a value that fails
  // as a date or a picture path is the rows' business).
  Status refuse_unknown_variables(const std::vector<std::string>& articles,
                                  const std::set<std::string>& columns, const std::string& source) const {
    Variables names;
    for (const auto& c : columns)
      if (c != "article" && c != "job" && c != "row") names[c] = c;
    for (const auto& article : articles) {
      const auto document = guard_.article(article);
      if (!document) continue;         // its build says what is wrong with it
      doc::Document copy = *document;  // filled in place
      auto filled = fill_document(copy, for_language(names, document->meta.lang), source);
      if (!filled && filled.error().message.starts_with("unknown variable")) {
        Error e = filled.error();
        std::string has;  // what a mistyped name was meant to be is likely among them
        for (const auto& [name, value] : names) has += (has.empty() ? "" : ", ") + name;
        e.hint += "; the job's values: " + (has.empty() ? std::string("none") : has);
        return e;
      }
    }
    return Ok{};
  }

  Result<JobGroup> expand(const YAML::Node& job, const YAML::Node& defaults, std::size_t index) const {
    std::string name = "job-" + std::to_string(index + 1);
    if (job["name"]) {
      auto n = scalar(job["name"], "name");
      if (!n) return n.error();
      name = *n;
    }
    Job base;
    base.fill_variables = true;
    int layout_line = 0;
    if (auto n = get(job, defaults, "layout")) {
      auto v = scalar(n, "layout");
      if (!v) return v.error();
      layout_line = n.Mark().line + 1;
      // A path (not a name from layouts/) is relative to the manifest too.
      base.layout = (v->find('/') != std::string::npos || v->ends_with(".yaml")) ? resolve(*v) : *v;
      // A name is looked up in layouts/ beside the manifest first (layout_search.hpp), then as for build.
      if (std::error_code ec;
          base.layout == *v && fs::is_regular_file(resolve("layouts/" + *v + ".yaml"), ec))
        base.layout = resolve("layouts/" + *v + ".yaml");
    }
    if (auto n = get(job, defaults, "standard")) {
      auto v = scalar(n, "standard");
      if (!v) return v.error();
      const auto standard = pdf::parse_standard(*v);
      if (!standard) return at(n, "`standard` must be print, archive or none, not `" + *v + "`", "");
      base.standard = *standard;
    }
    if (auto n = get(job, defaults, "set")) {
      auto v = strings(n, "set");
      if (!v) return v.error();
      base.sets = *v;
    }
    if (auto n = get(job, defaults, "pages_max")) {  // as --set pages.max=N
      auto v = scalar(n, "pages_max");
      if (!v) return v.error();
      layout::Template probe;  // checked here, at its own line (not among the `set:` entries)
      if (auto s = layout::set_template_key(probe, "pages.max=" + *v); !s)
        return at(n, "`pages_max: " + *v + "`: " + s.error().message, s.error().hint);
      base.sets.push_back("pages.max=" + *v);
    }
    for (const auto& [key, member] : {std::pair{"proof", &Job::proof}, std::pair{"impose", &Job::impose}})
      if (auto n = get(job, defaults, key)) {
        bool value = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
          return at(n, "`" + std::string(key) + "` must be true or false", "");
        base.*member = value;
      }
    const YAML::Node output = get(job, defaults, "output");
    if (!output)
      return at(job, "the job has no `output:`", "e.g. output: ../out/{{clinic.id}}-{{article}}.pdf");
    auto pattern = scalar(output, "output");
    if (!pattern) return pattern.error();
    // The pattern must end in a file name, or every row would be refused after building.
    if (const std::string last = fs::path(*pattern).filename().string();
        pattern->empty() || pattern->ends_with("/") || last == "." || last == ".." ||
        std::any_of(pattern->begin(), pattern->end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
      return at(output, "`output:` must name a file, not `" + *pattern + "`",
                "e.g. output: ../out/{{clinic.id}}/{{article}}.pdf");
    // --set keys and values are checked now: a bad one is a usage error, not a failed PDF per row.
    for (const auto& assignment : base.sets) {
      layout::Template probe;
      if (auto s = layout::set_template_key(probe, assignment); !s) {
        Error e =
            at(get(job, defaults, "set"), "`set: " + assignment + "`: " + s.error().message, s.error().hint);
        return e;
      }
    }
    Variables shared;
    if (auto n = get(job, defaults, "vars")) {
      if (!n.IsMap()) return at(n, "`vars:` must be a group of `name: value`", "");
      if (auto s = flatten(n, "", shared, "variable"); !s) return s.error();
    }
    auto list = articles(job, defaults);
    if (!list) return list.error();
    std::set<std::string> columns{"article", "job", "row"};
    for (const auto& [k, v] : shared) columns.insert(k);
    std::string source;
    JobGroup g;
    if (auto s = rows(job, defaults, g, columns, source); !s) return s.error();
    for (const auto& used : placeholders(*pattern))
      if (!columns.count(used)) {
        std::string found;
        for (const auto& c : columns) found += (found.empty() ? "" : ", ") + c;
        return at(output,
                  "the output pattern uses {{" + used + "}}, which " +
                      (source.empty() ? std::string("no row has (the job has no data: or rows:)")
                                      : source + " does not have (the values found: " + found + ")"),
                  "use a data column, a `vars:` entry, {{article}}, {{job}} or {{row}}");
      }
    if (!source.empty())
      if (auto s = refuse_unknown_variables(*list, columns, source); !s) return s.error();
    // Bounds what the manifest may plan in all (each PDF's values: the job's and its row's).
    const std::size_t values = shared.size() * row_count_ + values_;
    planned_values_ += values * list->size();
    if (planned_values_ > kMaxPlannedValues)
      return at(job,
                "the manifest plans too much: its PDFs would hold more than " +
                    std::to_string(kMaxPlannedValues) + " values in all (articles x rows x columns)",
                "split the data into several manifests, or drop columns the articles do not use");
    g.manifest = path_;
    g.dir = dir_;
    g.name = name;
    g.pattern = *pattern;
    g.layout_line = layout_line;
    g.output_line = output.Mark().line + 1;
    g.base = std::move(base);
    g.shared = std::move(shared);
    g.articles = std::move(list).value();
    return g;
  }

  std::string path_;
  fs::path dir_;
  InputGuard& guard_;

 public:
  mutable std::vector<std::string> data_files_;  // every CSV read, for Manifest::data_files
  mutable std::size_t planned_values_ = 0;
  mutable std::size_t row_count_ = 0, values_ = 0;  // of the entry being read (rows())
};

// What to do when two PDFs get one name: a pattern without a per-row value needs one
// (one it does not have already); one with such values meets rows that share them.
std::string collision_hint(const PlannedJob& a, const PlannedJob& b) {
  const auto used = placeholders(b.pattern);
  if (a.name != b.name || a.pattern != b.pattern)
    return "give the jobs' `output:` patterns different folders or names";
  if (a.job.article != b.job.article && !used.count("article")) return "put {{article}} into `output:`";
  std::string shared;
  for (const auto& name : used)
    if (name != "article" && name != "job") shared += (shared.empty() ? "{{" : ", {{") + name + "}}";
  if (!shared.empty())
    return "the two rows have the same " + shared +
           " (after / and control characters became -): make "
           "them differ, or add {{row}} to `output:`";
  return "put a value that differs per row into `output:`, e.g. {{row}} or a data column";
}

}  // namespace

struct Manifest::Cursor::State {
  std::vector<std::shared_ptr<const JobGroup>> groups;
  std::size_t group = 0, article = 0, row = 0;  // where the next job comes from
  std::optional<CsvRows> csv;                   // the rows of groups[group] for this article
  bool lost = false;                            // its copy could not be read back
};

Manifest::Cursor::Cursor(const Manifest& manifest) : state_(std::make_unique<State>()) {
  state_->groups = manifest.groups;
}
Manifest::Cursor::Cursor(Cursor&&) noexcept = default;
Manifest::Cursor& Manifest::Cursor::operator=(Cursor&&) noexcept = default;
Manifest::Cursor::~Cursor() = default;

void Manifest::Cursor::skip_article() {
  State& s = *state_;
  ++s.article;
  s.row = 0;
  s.csv.reset();
  s.lost = false;
}

std::optional<PlannedJob> Manifest::Cursor::next() {
  State& s = *state_;
  while (s.group < s.groups.size()) {
    const JobGroup& g = *s.groups[s.group];
    if (s.article >= g.articles.size()) {
      ++s.group;
      s.article = s.row = 0;
      s.csv.reset();
      s.lost = false;
      continue;
    }
    if (g.csv) {
      if (s.row >= g.csv_rows) {
        skip_article();
        continue;
      }
      // Read through once already when the manifest was loaded: the same rows, no errors,
      // unless the copy cannot be read back (a disk error): then each row left fails, none
      // is lost without a word.
      if (!s.csv && !s.lost)
        if (auto rows = CsvRows::open(g.csv, g.csv_name)) s.csv.emplace(std::move(rows).value());
      auto row = s.csv ? s.csv->next() : Result<std::optional<DataRow>>(std::optional<DataRow>{});
      if (!row || !*row) {
        s.csv.reset();
        s.lost = true;
        DataRow lost;
        lost.origin = g.csv_name;
        lost.problem =
            Error{g.csv_name, 0,
                  "row " + std::to_string(s.row + 1) + " could not be read back from the copy of the file",
                  "check the temporary folder's disk, then run again"};
        return plan_job(g, g.articles[s.article], lost, s.row++);
      }
      return plan_job(g, g.articles[s.article], **row, s.row++);
    }
    if (s.row >= g.rows.size()) {
      skip_article();
      continue;
    }
    const std::size_t r = s.row++;
    return plan_job(g, g.articles[s.article], g.rows[r], r);
  }
  return std::nullopt;
}

std::vector<PlannedJob> Manifest::all_jobs() const {
  std::vector<PlannedJob> out;
  out.reserve(job_count);
  auto cursor = plan();
  for (auto p = cursor.next(); p; p = cursor.next()) out.push_back(std::move(*p));
  return out;
}

std::string output_key(const std::string& output) {
  return canonical_name(output).string();
}

namespace {

// What a run of the manifest reads, into `guard`: the manifest, its CSV files, and what each
// article reads (known from its first job: InputGuard::add_job; an article the Reader read
// already is not read again).
void record_inputs(const Manifest& m, InputGuard& guard) {
  guard.add(m.path, "the manifest " + m.path);
  for (const auto& csv : m.data_files) guard.add(csv, "the data file " + csv);
  auto cursor = m.plan();
  for (auto p = cursor.next(); p; p = cursor.next()) {
    guard.add_job(p->job);
    cursor.skip_article();
  }
}

// `line`: the manifest's `output:` line the file comes from (0: the command line's).
Error refused_by(const Manifest& m, const Error& e, int line = 0) {
  return Error{m.path, line, e.file + ": " + e.message, e.hint};
}

// The planned job at `index` (from 0, in manifest order).
std::optional<PlannedJob> planned_at(const Manifest& m, std::size_t index) {
  auto cursor = m.plan();
  for (std::size_t i = 0; i < index; ++i) (void)cursor.next();
  return cursor.next();
}

// Every PDF of the manifest, in one pass over its plan. None, nor its fingerprint sidecar,
// may be a file the run reads or an existing file of another kind: refused at the first
// such job, before any two names are compared (losing an input is worse than two PDFs
// with one name). No two may be one file: the pass keeps a 64-bit hash of each output's
// name and the job's number (16 bytes a row, not the names); only when hashes meet are
// those jobs planned again and their names compared, so that a collision is told exactly:
// the first job (in manifest order) whose output an earlier job writes, and the first job
// that writes it.
Status check_outputs(const Manifest& m) {
  std::vector<std::pair<std::uint64_t, std::size_t>> hashes;
  {
    std::size_t i = 0;
    auto cursor = m.plan();
    for (auto planned = cursor.next(); planned; planned = cursor.next(), ++i) {
      const PlannedJob& p = *planned;
      if (p.problem) continue;
      const std::string who = "the PDF of job `" + p.name + "` (" + p.job.article + ", " + p.job.row + ")";
      if (auto s = m.inputs.check_output(p.job.output, who, &kPdfOutput); !s)
        return refused_by(m, s.error(), p.pattern_line);
      if (output_kind(p.job.output) == OutputKind::File)
        if (auto s = m.inputs.check_output(sidecar_path(p.job.output), "the fingerprint of " + who); !s)
          return refused_by(m, s.error(), p.pattern_line);
      hashes.emplace_back(fnv1a64(output_key(p.job.output)), i);
    }
  }
  std::sort(hashes.begin(), hashes.end());
  std::vector<std::size_t> suspects;  // jobs whose hash another job has
  for (std::size_t k = 0; k < hashes.size(); ++k)
    if ((k > 0 && hashes[k - 1].first == hashes[k].first) ||
        (k + 1 < hashes.size() && hashes[k + 1].first == hashes[k].first))
      suspects.push_back(hashes[k].second);
  std::vector<std::pair<std::uint64_t, std::size_t>>().swap(hashes);
  if (suspects.empty()) return Ok{};
  std::sort(suspects.begin(), suspects.end());
  // In manifest order: the first name met twice.
  std::map<std::string, std::size_t> writers;
  std::size_t i = 0, next = 0;
  auto cursor = m.plan();
  for (auto p = cursor.next(); p && next < suspects.size(); p = cursor.next(), ++i) {
    if (i != suspects[next]) continue;
    ++next;
    if (auto [it, fresh] = writers.emplace(output_key(p->job.output), i); !fresh) {
      const PlannedJob a = *planned_at(m, it->second), &b = *p;
      const auto who = [](const PlannedJob& j) {
        return "job `" + j.name + "` (" + j.job.article + ", " + j.job.row + ")";
      };
      return Error{m.path, b.pattern_line, who(a) + " and " + who(b) + " would both write " + b.job.output,
                   collision_hint(a, b)};
    }
  }
  return Ok{};  // the hashes met, the names differ
}

}  // namespace

Status refuse_output_over_inputs(const Manifest& m, const std::string& output, const std::string& writer,
                                 const OutputType* kind) {
  if (auto s = m.inputs.check_output(output, writer, kind); !s) return refused_by(m, s.error());
  return Ok{};
}

Status check_layouts(const Manifest& m, const Context& ctx) {
  for (const auto& g : m.groups)
    if (!g->base.layout.empty())
      if (auto s = find_layout_for_all(ctx, g->base.layout, g->articles); !s)
        return Error{m.path, g->layout_line, s.error().message, s.error().hint};
  return Ok{};
}

Result<Manifest> parse_manifest(const std::string& yaml, const std::string& path) {
  InputGuard inputs;  // every article is read once, here: by the Reader's checks, then add_job
  Result<Manifest> m = [&]() -> Result<Manifest> {
    try {
      return Reader(path, inputs).run(yaml);
    } catch (const YAML::Exception& e) {
      return Error{path, e.mark.line + 1, "cannot read the manifest: " + e.msg, ""};
    }
  }();
  if (!m) return m;
  record_inputs(*m, inputs);
  inputs.forget_articles();
  m->inputs = std::move(inputs);
  if (auto s = check_outputs(*m); !s) return s.error();
  return m;
}

Result<Manifest> load_manifest(const std::string& path) {
  auto bytes = read_file(path, kMaxManifestBytes);
  if (!bytes) return bytes.error();
  return parse_manifest(*bytes, path);
}

}  // namespace leafpress::batch
