#include "batch/data_rows.hpp"

#include <algorithm>

#include <csv.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include <deque>
#include <set>
#include <utility>

#include "core/atomic_file.hpp"
#include "core/handle.hpp"
#include "core/utf8.hpp"

namespace leafpress::batch {
namespace {

constexpr std::size_t kMaxCsvBytes = 64u << 20;  // 64 MiB: far past any clinic list

// The limits a CSV is read within; each stops the reading at once, so memory stays
// bounded whatever the file holds (10,000 columns x 1,000 rows took 2.2 GB before).
// A clinic list has a few dozen columns of short values.
constexpr std::size_t kMaxColumns = 1000;
constexpr std::size_t kMaxRowBytes = 64u << 10;  // the text of one row's values
constexpr std::size_t kMaxCells = 1'000'000;     // rows x columns of the whole file

// libcsv reports fields and row ends through C callbacks; this collects them.
struct Collector {
  std::deque<std::pair<std::vector<std::string>, int>> rows;  // finished rows, each with its first line
  std::vector<std::string> fields;
  std::size_t row_bytes = 0, cells = 0;
  int line = 0;       // the line being fed
  int row_start = 0;  // the line the current row started on
  bool between_rows = true;
  std::string over;  // a limit passed: what to say; the rest of the file is not read

  static void on_field(void* data, std::size_t len, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (!c->over.empty()) return;
    if (c->fields.size() >= kMaxColumns) {
      c->over = "a row has more than " + std::to_string(kMaxColumns) + " fields (the limit of columns)";
      return;
    }
    if ((c->row_bytes += len) > kMaxRowBytes) {
      c->over =
          "a row holds more than " + std::to_string(kMaxRowBytes >> 10) + " KiB of text (the limit per row)";
      return;
    }
    if (++c->cells > kMaxCells) {
      c->over =
          "the file holds more than " + std::to_string(kMaxCells) + " values (the limit of rows x columns)";
      return;
    }
    c->fields.emplace_back(data ? static_cast<const char*>(data) : "", len);
  }
  static void on_row(int, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (!c->over.empty()) return;
    c->rows.emplace_back(std::move(c->fields), c->row_start);
    c->fields.clear();
    c->row_bytes = 0;
    c->between_rows = true;
  }
};

// The end of the line that starts at `pos`, after its terminator: "\n", "\r\n" or a
// lone "\r" (old Mac files, some exports): each is one line, as a reader counts them.
std::size_t line_end(std::string_view bytes, std::size_t pos) {
  const std::size_t end = bytes.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) return bytes.size();
  if (bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') return end + 2;
  return end + 1;
}

// What separates the fields, told by the header row: a comma, unless the header has none
// outside quotes and has semicolons (what a spreadsheet set to a language that writes
// decimal commas saves as "CSV") or tabs (a spreadsheet's "tab delimited" text).
unsigned char field_separator(std::string_view header) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (const char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (commas > 0) return ',';
  if (semicolons > 0) return ';';
  if (tabs > 0) return '\t';
  return ',';
}

struct CsvParser {
  csv_parser parser{};
  bool ready = false;
  CsvParser() { ready = csv_init(&parser, CSV_STRICT_FINI | CSV_APPEND_NULL) == 0; }
  ~CsvParser() {
    if (ready) csv_free(&parser);
  }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
};

}  // namespace

// The parser and what it has collected, behind a pointer: libcsv's callbacks hold its address.
struct CsvRows::State {
  std::string_view bytes;  // the text in memory, or what is read of the snapshot
  std::string shown_as;
  std::size_t pos = 0;  // in `bytes`
  // A snapshot is read a piece at a time into `buffer` (`bytes` views it).
  std::shared_ptr<const CsvSnapshot> file;
  std::string buffer;
  std::size_t file_pos = 0;  // the snapshot's bytes read into `buffer` so far
  bool file_end = true;      // nothing more to read (always for bytes in memory)

  // The next line at `pos` (its terminator included), reading more of the snapshot when
  // the buffer holds no whole line; false at the end.
  bool next_line(std::string_view& line) {
    for (;;) {
      const std::size_t end = bytes.find_first_of("\r\n", pos);
      // A '\r' last in the buffer may be the first half of "\r\n": read on to know.
      const bool whole = end != std::string_view::npos && (bytes[end] == '\n' || end + 1 < bytes.size());
      if (whole || file_end) {
        if (pos >= bytes.size()) return false;
        const std::size_t stop = line_end(bytes, pos);
        line = bytes.substr(pos, stop - pos);
        pos = stop;
        return true;
      }
      buffer.erase(0, pos);
      pos = 0;
      constexpr std::size_t kPiece = 64u << 10;
      const std::size_t had = buffer.size();
      buffer.resize(had + kPiece);
      const std::size_t got = file->read(file_pos, buffer.data() + had, kPiece);
      buffer.resize(had + got);
      file_pos += got;
      file_end = got == 0;
      bytes = buffer;
    }
  }
  bool finished = false;  // csv_fini called
  CsvParser parser;
  Collector c;
  std::vector<std::string> columns;
  std::string header;                      // the columns, for messages (the first ten)
  std::string separator_name = "a comma";  // what separates the fields, for messages

  // Feeds lines until a row is complete; false at the end of the file.
  Result<bool> fill() {
    while (c.rows.empty()) {
      std::string_view line;
      if (!next_line(line)) {
        if (finished) return false;
        finished = true;
        // A quote still open at the end swallowed the rest of the file. libcsv reports that
        // only in strict mode, which would also refuse a stray quote inside a field (a row
        // problem, not a file problem); its parser state says it as well (csv.h: pstate 2
        // is "field begun", `quoted` a field that opened with a quote).
        constexpr int kFieldBegun = 2;
        const bool open_quote = parser.parser.pstate == kFieldBegun && parser.parser.quoted;
        if (csv_fini(&parser.parser, Collector::on_field, Collector::on_row, &c) != 0 || open_quote)
          return Error{shown_as, c.row_start, "a quoted field that starts in this row is never closed",
                       "close the quote (a quote inside a quoted field is written twice: \"\")"};
        continue;
      }
      // Fed a line at a time so that each row knows the line it starts on (a quoted
      // field may hold line breaks, so a row can span lines).
      ++c.line;
      if (c.between_rows && line.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        c.row_start = c.line;
        c.between_rows = false;
      }
      if (csv_parse(&parser.parser, line.data(), line.size(), Collector::on_field, Collector::on_row, &c) !=
          line.size())
        return Error{shown_as, c.line,
                     std::string("the CSV cannot be read: ") + csv_strerror(csv_error(&parser.parser)),
                     "save it as CSV (RFC 4180), UTF-8"};
      if (!c.over.empty())
        return Error{shown_as, c.row_start, "the CSV is too large: " + c.over,
                     "split the file, or drop the columns the articles do not use"};
    }
    return true;
  }
};

CsvRows::CsvRows(std::unique_ptr<State> state) : state_(std::move(state)) {}
CsvRows::CsvRows(CsvRows&&) noexcept = default;
CsvRows& CsvRows::operator=(CsvRows&&) noexcept = default;
CsvRows::~CsvRows() = default;

const std::vector<std::string>& CsvRows::columns() const {
  return state_->columns;
}

Result<CsvRows> CsvRows::open(std::string_view bytes, const std::string& shown_as) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  auto s = std::make_unique<State>();
  s->bytes = bytes;
  s->shown_as = shown_as;
  return start(std::move(s));
}

Result<CsvRows> CsvRows::open(std::shared_ptr<const CsvSnapshot> file, const std::string& shown_as) {
  auto s = std::make_unique<State>();
  s->shown_as = shown_as;
  char bom[3] = {};
  if (file->read(0, bom, 3) == 3 && std::string_view(bom, 3) == "\xEF\xBB\xBF") s->file_pos = 3;
  s->file = std::move(file);
  s->file_end = false;
  return start(std::move(s));
}

Result<CsvRows> CsvRows::start(std::unique_ptr<State> s) {
  const std::string& shown_as = s->shown_as;
  if (!s->parser.ready) return Error{shown_as, 0, "out of memory", ""};
  // A look at the header first, for the separator; then read from the start. Excel may
  // write the separator on a line of its own before the header (`sep=;`): used, and
  // skipped (counted as line 1).
  if (std::string_view header; s->next_line(header)) {
    const std::string_view bare = header.substr(0, header.find_first_of("\r\n"));
    unsigned char separator = ',';
    if (bare.size() == 5 && bare.starts_with("sep=")) {
      separator = static_cast<unsigned char>(bare[4]);
      s->c.line = 1;
    } else {
      separator = field_separator(header);
      s->pos = 0;
    }
    csv_set_delim(&s->parser.parser, separator);
    if (separator == '\t')
      s->separator_name = "a tab";
    else if (separator != ',')
      s->separator_name = std::string("a ") + static_cast<char>(separator);
  }
  auto more = s->fill();
  if (!more) return more.error();
  if (!*more)
    return Error{shown_as, 1, "the CSV file is empty",
                 "the first row names the columns, e.g. clinic.id,clinic.name,clinic.phone"};
  auto [names, line] = std::move(s->c.rows.front());
  s->c.rows.pop_front();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (name.empty())
      return Error{shown_as, line, "column " + std::to_string(i + 1) + " of the header has no name",
                   "the first row names every column"};
    if (i == 0 && (name.starts_with("\xFF\xFE") || name.starts_with("\xFE\xFF")))
      return Error{shown_as, line, "the file is UTF-16 (what Excel saves as \"Unicode Text\"), not UTF-8",
                   "in Excel: File, Save As, CSV UTF-8"};
    if (first_invalid_utf8(name))
      return Error{shown_as, line, "the header is not valid UTF-8", "save the file as UTF-8"};
    if (!seen.insert(name).second)
      return Error{shown_as, line, "column `" + name + "` appears twice in the header",
                   "give each column its own name"};
    s->columns.push_back(name);
  }
  for (std::size_t i = 0; i < s->columns.size() && i < 10; ++i) s->header += (i ? ", " : "") + s->columns[i];
  if (s->columns.size() > 10) s->header += ", ...";
  return CsvRows(std::move(s));
}

Result<std::optional<DataRow>> CsvRows::next() {
  State& s = *state_;
  for (;;) {
    auto more = s.fill();
    if (!more) return more.error();
    if (!*more) return std::optional<DataRow>{};
    auto [fields, line] = std::move(s.c.rows.front());
    s.c.rows.pop_front();
    // A row of empty fields (`,,,,`: a spreadsheet's blank line) is no clinic: skipped, not failed.
    if (std::all_of(fields.begin(), fields.end(),
                    [](const std::string& f) { return f.find_first_not_of(" \t\r\n") == std::string::npos; }))
      continue;
    DataRow row;
    row.origin = s.shown_as + ":" + std::to_string(line);
    if (fields.size() != s.columns.size()) {
      row.problem = Error{s.shown_as, line,
                          "this row has " + std::to_string(fields.size()) + " fields, the header " +
                              std::to_string(s.columns.size()) + " (" + s.header + ")",
                          s.separator_name + " inside a value needs the value in double quotes"};
    } else {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (auto bad = first_invalid_utf8(fields[i]); bad && !row.problem) {
          row.problem = Error{s.shown_as, line, "the value of `" + s.columns[i] + "` is not valid UTF-8",
                              "save the file as UTF-8 (spreadsheets: CSV UTF-8)"};
          row.not_utf8 = true;
        }
        row.values[s.columns[i]] = std::move(fields[i]);
      }
    }
    return std::optional<DataRow>(std::move(row));
  }
}

Result<DataTable> parse_csv(std::string_view bytes, const std::string& shown_as) {
  auto rows = CsvRows::open(bytes, shown_as);
  if (!rows) return rows.error();
  DataTable table;
  table.columns = rows->columns();
  for (;;) {
    auto row = rows->next();
    if (!row) return row.error();
    if (!*row) break;
    table.rows.push_back(std::move(**row));
  }
  return table;
}

namespace {

Result<std::string> read_csv_bytes(const std::string& path, const std::string& shown_as) {
  auto bytes = read_file(path, kMaxCsvBytes);
  if (!bytes) {
    Error e = bytes.error();
    e.file = shown_as;
    return e;
  }
  return bytes;
}

}  // namespace

Result<std::shared_ptr<const CsvSnapshot>> CsvSnapshot::take(const std::string& path,
                                                             const std::string& shown_as) {
  auto bytes = read_csv_bytes(path, shown_as);
  if (!bytes) return bytes.error();
  std::shared_ptr<CsvSnapshot> snapshot(new CsvSnapshot());
  const auto fail = [&](int err) { return io_error(shown_as, "cannot keep a copy of the file", err); };
  Handle<std::FILE, std::fclose> file(std::tmpfile());
  if (!file) return fail(errno);
  snapshot->fd_ = ::dup(::fileno(file.get()));
  if (snapshot->fd_ < 0) return fail(errno);
  for (std::size_t done = 0; done < bytes->size();) {
    const ssize_t n =
        ::pwrite(snapshot->fd_, bytes->data() + done, bytes->size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
  snapshot->size_ = bytes->size();
  return std::shared_ptr<const CsvSnapshot>(std::move(snapshot));
}

std::size_t CsvSnapshot::read(std::size_t offset, char* out, std::size_t n) const {
  if (offset >= size_) return 0;
  n = std::min(n, size_ - offset);
  for (;;) {
    const ssize_t got = ::pread(fd_, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    return got < 0 ? 0 : static_cast<std::size_t>(got);
  }
}

CsvSnapshot::~CsvSnapshot() {
  if (fd_ >= 0) ::close(fd_);
}

Result<DataTable> read_csv(const std::string& path, const std::string& shown_as) {
  auto bytes = read_csv_bytes(path, shown_as);
  if (!bytes) return bytes.error();
  return parse_csv(*bytes, shown_as);
}

}  // namespace leafpress::batch
