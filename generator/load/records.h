// Records of a table as the validate stage reads them, whatever file they came from: a
// CSV file (load/csv_reader.h) or a sheet of an Excel workbook (load/xlsx_reader.h). Both
// readers hand over the same records, so every rule is checked on one code path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace duiding::load {

/// One field of a record. Unquoted fields are trimmed of surrounding spaces and tabs;
/// quoted fields keep their content exactly (with `""` turned into `"`).
struct Field {
  std::string text;
  int line = 0;    ///< line where the field starts (1-based, counting a `sep=` line); in a sheet its row
  int column = 0;  ///< column in characters where the field starts (1-based); in a sheet its column number
  bool quoted = false;  ///< the field was quoted: `column` is that of its opening quote
};

/// One record: its first line and its fields, at most as many as the header has.
struct Record {
  int line = 0;
  std::vector<Field> fields;
};

/// A table read record by record: a header of column names, then records.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  /// False when the file could not be read or has no header.
  virtual bool ok() const = 0;
  /// True when a problem ended reading early.
  virtual bool stopped() const = 0;
  /// The file's name in messages.
  virtual const std::string& file() const = 0;
  /// The sheet the records come from; empty for a CSV file.
  virtual const std::string& sheet() const = 0;
  /// The header's column names (trimmed), with their positions.
  virtual const std::vector<Field>& header() const = 0;
  /// The next record that holds at least one non-empty field; nullopt at the end.
  virtual std::optional<Record> next() = 0;

  /// The place `line`, `column` of this table in messages.
  SourcePos at(int line, int column) const { return {file(), line, column, sheet()}; }
};

}  // namespace duiding::load
