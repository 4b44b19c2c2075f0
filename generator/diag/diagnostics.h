// Diagnostics: the problems found in a site source, collected rather than thrown so
// that one run reports all of them (see docs/architecture.md, "Errors are for people").
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diag/text.h"

namespace duiding {

/// A place in a source file. `line` and `column` are 1-based; 0 means "not known"
/// (a whole-file problem has line 0, a whole-line problem column 0). In a spreadsheet
/// (.xlsx) `sheet` names the sheet, `line` is the row and `column` the column number, and
/// the place reads as Excel writes a cell: `2025.xlsx:Blad1!C12`.
struct SourcePos {
  SourcePos() = default;
  SourcePos(std::string file_name, int line_number = 0, int column_number = 0, std::string sheet_name = {})
      : file(std::move(file_name)), line(line_number), column(column_number), sheet(std::move(sheet_name)) {}
  std::string file;
  int line = 0;
  int column = 0;
  std::string sheet;
};

}  // namespace duiding

namespace duiding::diag {

enum class Severity { kWarning, kError };

/// One problem: where, how bad, and what was found against what was expected. `also`
/// holds the places of later errors of the same cause (see Diagnostics::folded_error).
struct Diagnostic {
  Severity severity;
  SourcePos pos;
  msg::Text message;
  std::vector<SourcePos> also;
};

/// The place as messages name it: `file:line:column`, or `file:Sheet!C12` for a cell of
/// a spreadsheet, leaving out the parts that are not known.
std::string where(const SourcePos& pos);

/// The letters of spreadsheet column `column` (1-based): 1 is A, 27 is AA.
std::string column_letters(int column);

/// Formats one diagnostic as `file:line:column: fout: message` (`error:` in English),
/// leaving out the parts of the position that are not known.
std::string format(const Diagnostic& d, msg::Lang lang = msg::Lang::kNl);

/// The count line: "3 fouten en 1 waarschuwing gevonden" ("found 3 errors and 1 warning").
msg::Text found(std::size_t errors, std::size_t warnings);

/// The problems of one run, in the order they were found. A message is a catalogue entry
/// (diag/messages.h), never a string built at the call site.
class Diagnostics {
 public:
  void error(SourcePos pos, msg::Text message);
  void warning(SourcePos pos, msg::Text message);
  /// An error that follows from one cause (an unknown round named on many lines): the
  /// first with a given `cause` is kept, the later ones are listed under it, as in
  /// `[ook op nog 3 regels: data/values/2025.csv regels 3-4, data/samples.csv regel 7; los
  /// dit eerst op]` (at most 12 runs of lines, then "..."). Counts as one error.
  void folded_error(const std::string& cause, SourcePos pos, msg::Text message);

  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return items_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }

  /// All diagnostics sorted by file, line and column (stable for equal positions).
  std::vector<Diagnostic> sorted() const;

  /// Prints the sorted diagnostics in `lang`, at most `limit` of them, then a count line
  /// such as `3 fouten en 1 waarschuwing gevonden` when there is anything to report.
  void print(std::ostream& out, msg::Lang lang = msg::Lang::kNl, std::size_t limit = 50) const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  /// cause -> the item that reports it and the places of the later ones
  std::map<std::string, std::pair<std::size_t, std::vector<SourcePos>>> folds_;
};

}  // namespace duiding::diag
