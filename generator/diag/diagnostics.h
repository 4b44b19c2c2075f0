// Diagnostics: the problems found in a site source, collected rather than thrown so
// that one run reports all of them (see docs/architecture.md, "Errors are for people").
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace duiding {

/// A place in a source file. `line` and `column` are 1-based; 0 means "not known"
/// (a whole-file problem has line 0, a whole-line problem column 0).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

}  // namespace duiding

namespace duiding::diag {

enum class Severity { kWarning, kError };

/// One problem: where, how bad, and what was found against what was expected.
struct Diagnostic {
  Severity severity;
  SourcePos pos;
  std::string message;
};

/// Formats one diagnostic as `file:line:column: error: message`, leaving out the parts
/// of the position that are not known.
std::string format(const Diagnostic& d);

/// The problems of one run, in the order they were found.
class Diagnostics {
 public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  /// An error that follows from one cause (an unknown round named on many lines): the
  /// first with a given `cause` is kept, the later ones are counted under it and its
  /// message says how many more lines it explains. Counts as one error.
  void folded_error(const std::string& cause, SourcePos pos, std::string message);

  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return items_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }

  /// All diagnostics sorted by file, line and column (stable for equal positions).
  std::vector<Diagnostic> sorted() const;

  /// Prints the sorted diagnostics, at most `limit` of them, then a count line such as
  /// `found 3 errors and 1 warning` when there is anything to report.
  void print(std::ostream& out, std::size_t limit = 50) const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> folds_;  ///< cause -> {item, more}
};

}  // namespace duiding::diag
