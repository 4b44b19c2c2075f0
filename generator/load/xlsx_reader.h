// The spreadsheet stage of loading: the bytes of an Excel workbook (.xlsx) in, the records
// of one sheet out, with every field's cell as its position. The ZIP container is opened
// with libzip and its XML parts are parsed with pugixml; this file only knows which parts
// of the Office Open XML format (ECMA-376) hold the cells.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/records.h"

namespace duiding::load {

/// The sheet read from a workbook that has a sheet of this name; otherwise the first.
inline constexpr const char* kValuesSheet = "waarden";

/// Reads one sheet of a workbook: the sheet named `preferred` when there is one, else the
/// first. The first row with any text is the header. Text cells (shared or inline
/// strings) are trimmed of surrounding spaces; number cells become their shortest decimal
/// text (at most 15 significant digits, as Excel shows them), and a cell formatted as a
/// percentage becomes its percentage (0,715 shown as 71,5% reads as 71.5). Problems (not a
/// workbook, a cell holding an Excel error such as #DEEL/0!, a formula without a stored
/// result) are reported to `diag` at `file:Sheet!C12`; after a problem with the file
/// itself ok() is false.
class XlsxReader : public RecordReader {
 public:
  XlsxReader(std::string display_name, const std::string& bytes, diag::Diagnostics& diag,
             const std::string& preferred = kValuesSheet);

  bool ok() const override { return ok_; }
  bool stopped() const override { return false; }
  const std::string& file() const override { return file_; }
  const std::string& sheet() const override { return sheet_; }
  const std::vector<Field>& header() const override { return header_; }
  std::optional<Record> next() override;

 private:
  std::string file_;
  std::string sheet_;
  std::vector<Field> header_;
  std::vector<Record> records_;
  std::size_t next_ = 0;
  bool ok_ = false;
};

}  // namespace duiding::load
