// The CSV stage of loading: bytes of a CSV file in, records of fields with their source
// positions out. Implements the CSV rules of docs/data-format.md (encoding check,
// `sep=` line, `,`/`;` detection, RFC 4180 quoting across line breaks).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace io {
class LineReader;
}

namespace duiding::load {

/// One field of a record. Unquoted fields are trimmed of surrounding spaces and tabs;
/// quoted fields keep their content exactly (with `""` turned into `"`).
struct Field {
  std::string text;
  int line = 0;    ///< line where the field starts (1-based, counting a `sep=` line)
  int column = 0;  ///< column in characters where the field starts (1-based)
  bool quoted = false;  ///< the field was quoted: `column` is that of its opening quote
};

/// One record: its first line and its fields, at most as many as the header has.
struct Record {
  int line = 0;
  std::vector<Field> fields;
};

/// Reads one CSV file record by record, so a file is never held in memory whole.
/// Problems are reported to `diag`; after a problem that makes the rest unreadable
/// (bad encoding, a quote never closed) the reader yields no more records.
class CsvReader {
 public:
  /// Reads the file at `path`; messages name it `display_name`.
  CsvReader(const std::filesystem::path& path, std::string display_name,
            diag::Diagnostics& diag);
  /// Reads `content` (kept alive by the reader); for tests and generated input.
  CsvReader(std::string display_name, std::string content, diag::Diagnostics& diag);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// False when the file could not be read or has no header line.
  bool ok() const { return ok_; }
  /// True when a problem (bad encoding, a quote never closed) ended reading early.
  bool stopped() const { return stopped_; }
  const std::string& file() const { return file_; }
  /// The delimiter in use: `,` or `;`.
  char delimiter() const { return delimiter_; }
  /// The header's column names (trimmed), with their positions.
  const std::vector<Field>& header() const { return header_; }

  /// The next record that holds at least one non-empty field; nullopt at the end.
  std::optional<Record> next();

 private:
  // Checks the next chunk of raw bytes (a UTF-16 byte-order mark can only be at line 1)
  // for what the line reader cannot see; `line` counts the lines of the chunks so far.
  bool check_bytes(std::string_view chunk, int& line);
  void start();
  const char* take_line();
  bool valid_utf8(const char* line);
  std::optional<Record> parse_record(const char* first_line);

  std::string file_;
  diag::Diagnostics& diag_;
  std::string content_;
  std::unique_ptr<io::LineReader> lines_;
  std::vector<Field> header_;
  char delimiter_ = ',';
  bool ok_ = false;
  bool stopped_ = false;
};

/// Number of characters (UTF-8 code points) in `bytes`.
int count_chars(std::string_view bytes);

}  // namespace duiding::load
