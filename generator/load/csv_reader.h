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
#include "load/records.h"

namespace io {
class LineReader;
}

namespace duiding::load {

/// Reads one CSV file record by record, so a file is never held in memory whole.
/// Problems are reported to `diag`; after a problem that makes the rest unreadable
/// (bad encoding, a quote never closed) the reader yields no more records.
class CsvReader : public RecordReader {
 public:
  /// Reads the file at `path`; messages name it `display_name`.
  CsvReader(const std::filesystem::path& path, std::string display_name,
            diag::Diagnostics& diag);
  /// Reads `content` (kept alive by the reader); for tests and generated input.
  CsvReader(std::string display_name, std::string content, diag::Diagnostics& diag);
  ~CsvReader() override;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// False when the file could not be read or has no header line.
  bool ok() const override { return ok_; }
  /// True when a problem (bad encoding, a quote never closed) ended reading early.
  bool stopped() const override { return stopped_; }
  const std::string& file() const override { return file_; }
  const std::string& sheet() const override { static const std::string kNone; return kNone; }
  /// The delimiter in use: `,` or `;`.
  char delimiter() const { return delimiter_; }
  /// The header's column names (trimmed), with their positions.
  const std::vector<Field>& header() const override { return header_; }

  /// The next record that holds at least one non-empty field; nullopt at the end.
  std::optional<Record> next() override;

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
