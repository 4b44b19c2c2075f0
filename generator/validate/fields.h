// Typed access to the fields of a CSV record and the members of a JSON object, with the
// checks every input file shares: missing required fields, unknown names, wrong types.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/csv_reader.h"
#include "load/json_reader.h"

namespace duiding::validate {

/// The longest id: ids become folder names, anchors and parts of file names.
inline constexpr std::size_t kMaxIdLength = 64;

/// The one rule for every id that ends up in a path or an anchor (indicators, rounds,
/// groups, sections, pages, quotes, categories): 1 to kMaxIdLength characters of `a-z`,
/// `0-9` and `-`, starting with a letter or digit. Lower case only, so two ids can never
/// name one file on a file system that ignores case.
bool is_id(const std::string& s);

/// What is wrong with `s` as an id of `what` ("round id", "quote id"), or empty when it is
/// one. The message quotes the id (shortened when very long) and states the rule.
msg::Text id_problem(const msg::Text& what, const std::string& s);

/// Folders at the top of every site: a section id may not be one of them.
bool is_reserved_folder(const std::string& id);

/// True for a real calendar date `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 and 2024-02-31 no).
bool is_iso_date(const std::string& s);

/// True for a language tag of BCP 47 as used in HTML `lang`: a primary language of 2-3
/// letters, then optional subtags (script of 4 letters, region of 2 letters or 3 digits,
/// variants of 5-8 characters or 4 starting with a digit), e.g. nl, nl-NL, fy-NL, sr-Latn-RS.
bool is_language_tag(const std::string& s);

/// The columns of one CSV file, found by name. Reports a missing required column as an
/// error and an unknown column as a warning, both at the header.
class Columns {
 public:
  Columns(const load::RecordReader& reader, std::initializer_list<const char*> required,
          std::initializer_list<const char*> optional, diag::Diagnostics& diag);

  /// False when a required column is missing (the file's rows are then not read).
  bool ok() const { return ok_; }

  /// The text of column `name` in `record` (empty when the column or field is absent).
  const std::string& text(const load::Record& record, const char* name) const;
  /// Where the field of column `name` is (the record's line when it is absent).
  SourcePos pos(const load::Record& record, const char* name) const;
  /// The field of column `name` in `record`, or nullptr when it is absent.
  const load::Field* field(const load::Record& record, const char* name) const;

 private:
  int index(const char* name) const;

  std::string file_;
  std::string sheet_;
  std::vector<std::string> names_;
  std::vector<int> indexes_;
  bool ok_ = true;
};

/// The members of one JSON object in a document, checked as they are read. Call
/// `finish()` after reading to warn about members that were never asked for.
class JsonObject {
 public:
  JsonObject(const load::JsonDoc& doc, std::string pointer, diag::Diagnostics& diag);

  /// False when the value at the pointer is not an object (already reported).
  bool ok() const { return ok_; }

  std::optional<std::string> string(const char* key, bool required);
  std::optional<bool> boolean(const char* key);
  std::optional<double> number(const char* key);
  /// The member as a raw JSON value, without type checks (nullptr when absent).
  const nlohmann::json* raw(const char* key, bool required);

  SourcePos pos(const char* key) const;
  std::string pointer(const char* key) const;
  void finish();

 private:
  const load::JsonDoc& doc_;
  std::string pointer_;
  diag::Diagnostics& diag_;
  const nlohmann::json* object_ = nullptr;
  std::vector<std::string> seen_;
  bool ok_ = false;
};

}  // namespace duiding::validate
