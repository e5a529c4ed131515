// batch/data_rows.hpp: the rows of a data merge, from a CSV file.
//
// Input:  a CSV file (RFC 4180, read by libcsv): the first row names the
//         columns ("clinic.id,clinic.name,clinic.phone"), each further row is one
//         set of values, so one PDF per article. A UTF-8 byte order mark (as
//         spreadsheets write it) is skipped; spaces around unquoted fields are
//         trimmed; blank lines are skipped.
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
//         `problem`: that row's jobs fail alone and the other rows are built.
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
};

struct DataTable {
  std::vector<std::string> columns;
  std::vector<DataRow> rows;
};

// The rows of a CSV text one at a time, in file order; memory for one row, not the table.
// Blank rows (no line, or only empty fields) are skipped. Errors of the whole file (see the
// top of this file) come from open (the header) or from next, where the reading meets
// them (a quote never closed: at the end).
class CsvRows {
 public:
  // Reads the header. `bytes` must outlive the reader.
  static Result<CsvRows> open(std::string_view bytes, const std::string& shown_as);

  [[nodiscard]] const std::vector<std::string>& columns() const;
  // The next row; nothing after the last.
  Result<std::optional<DataRow>> next();

  CsvRows(CsvRows&&) noexcept;
  CsvRows& operator=(CsvRows&&) noexcept;
  ~CsvRows();

 private:
  struct State;
  explicit CsvRows(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The bytes of a CSV file (up to 64 MiB), for CsvRows; the error names the file as `shown_as`.
Result<std::string> read_csv_bytes(const std::string& path, const std::string& shown_as);

// Reads a CSV table. `shown_as` is the name used in messages (the path as the user wrote it).
Result<DataTable> read_csv(const std::string& path, const std::string& shown_as);

// The same from bytes in memory (what read_csv does after reading the file).
Result<DataTable> parse_csv(std::string_view bytes, const std::string& shown_as);

}  // namespace leafpress::batch
