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

/// True for ids made of `a-z`, `0-9` and `-` (at least one character).
bool is_id(const std::string& s);

/// True for an ISO date `YYYY-MM-DD` with a month 1-12 and a day 1-31.
bool is_iso_date(const std::string& s);

/// The columns of one CSV file, found by name. Reports a missing required column as an
/// error and an unknown column as a warning, both at the header.
class Columns {
 public:
  Columns(const load::CsvReader& reader, std::initializer_list<const char*> required,
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
