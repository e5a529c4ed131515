// batch/data_rows.hpp: the rows of a data merge, from a CSV file.
//
// Input:  a CSV file (RFC 4180, read by libcsv): the first row names the
//         columns ("clinic.id,clinic.name,clinic.phone"), each further row is one
//         set of values, so one PDF per article. A UTF-8 byte order mark (as
//         spreadsheets write it) is skipped; spaces around unquoted fields are
//         trimmed; blank lines are skipped. Fields are separated by commas, or by
//         semicolons or tabs when the header row has those and no comma (a
//         spreadsheet's "CSV" in a language with decimal commas, or "tab delimited"), or
//         by what an Excel `sep=X` line before the header names.
// Output: the rows in file order, each with where it starts ("clinics.csv:7"), all at
//         once (parse_csv) or one at a time (CsvRows: a merge of 10,000 rows plans,
//         builds and reports a row at a time, and keeps only the file's bytes).
// Limits: 1,000 columns, 64 KiB of text per row, 1,000,000 values in all; past one,
//         reading stops and the error says which (a usage error).
// Lines:  a row's line counts "\n", "\r\n" and a lone "\r" alike.
// Errors: file-level problems stop the whole manifest (a usage error): the file
//         cannot be read, it has no header, a column name is empty or repeated,
//         a quote is never closed. Row-level problems (a different number of
//         fields than the header, text that is not UTF-8) are kept on the row as
//         `problem`: that row's jobs fail alone and the other rows are built (a manifest
//         refuses a file with a value that is not UTF-8 as a whole: its encoding is wrong).
// Thread-safety: pure.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/variables.hpp"
#include "core/result.hpp"

namespace leafpress::batch {

struct DataRow {
  Variables values;              // column name → value
  std::string origin;            // "file.csv:7" or "batch.yaml:12", for messages and the report
  std::optional<Error> problem;  // set when the row cannot be used
  bool not_utf8 = false;         // the problem is a value that is not UTF-8 (the file's encoding)
};

struct DataTable {
  std::vector<std::string> columns;
  std::vector<DataRow> rows;
};

// A private copy of a CSV file, on disk: a temporary file without a name (tmpfile(3),
// gone when the process ends), which the rows are read from as often as a merge needs,
// a piece at a time: memory does not grow with the rows, and editing the file while the
// merge runs changes nothing (it was read once, as before).
class CsvSnapshot {
 public:
  // Copies `path` (up to 64 MiB); errors name the file as `shown_as`.
  static Result<std::shared_ptr<const CsvSnapshot>> take(const std::string& path,
                                                         const std::string& shown_as);
  // Up to `n` bytes from `offset` into `out`; how many (0 at the end or on an error).
  std::size_t read(std::size_t offset, char* out, std::size_t n) const;
  [[nodiscard]] std::size_t size() const { return size_; }

  CsvSnapshot(const CsvSnapshot&) = delete;
  CsvSnapshot& operator=(const CsvSnapshot&) = delete;
  ~CsvSnapshot();

 private:
  CsvSnapshot() = default;
  int fd_ = -1;
  std::size_t size_ = 0;
};

// The rows of a CSV text one at a time, in file order; memory for one row (and a piece
// of the file), not the table. Blank rows (no line, or only empty fields) are skipped.
// Errors of the whole file (see the top of this file) come from open (the header) or
// from next, where the reading meets them (a quote never closed: at the end).
class CsvRows {
 public:
  // Reads the header. `bytes` must outlive the reader.
  static Result<CsvRows> open(std::string_view bytes, const std::string& shown_as);
  // The same from a snapshot, read a piece at a time.
  static Result<CsvRows> open(std::shared_ptr<const CsvSnapshot> file, const std::string& shown_as);

  [[nodiscard]] const std::vector<std::string>& columns() const;
  // The next row; nothing after the last.
  Result<std::optional<DataRow>> next();

  CsvRows(CsvRows&&) noexcept;
  CsvRows& operator=(CsvRows&&) noexcept;
  ~CsvRows();

 private:
  struct State;
  explicit CsvRows(std::unique_ptr<State> state);
  static Result<CsvRows> start(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Reads a CSV table. `shown_as` is the name used in messages (the path as the user wrote it).
Result<DataTable> read_csv(const std::string& path, const std::string& shown_as);

// The same from bytes in memory (what read_csv does after reading the file).
Result<DataTable> parse_csv(std::string_view bytes, const std::string& shown_as);

}  // namespace leafpress::batch
