// The validate stage: loaded documents and CSV records in, typed model values out. Every
// rule of docs/data-format.md is checked here and nowhere else; problems are collected
// in the Diagnostics, never thrown.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/csv_reader.h"
#include "load/json_reader.h"
#include "model/model.h"

namespace duiding::validate {

/// data/site.json. Returns nullopt when a required part is missing or malformed.
std::optional<model::Site> site(const load::JsonDoc& doc, diag::Diagnostics& diag);

/// indicators/<id>.json; `file_id` is the file name without `.json`.
std::optional<model::Indicator> indicator(const load::JsonDoc& doc, const std::string& file_id,
                                          const model::Site& site, diag::Diagnostics& diag);

/// data/rounds.csv, appended to `out` (duplicates reported). The ids of rounds dropped
/// for an error go to `rejected`, so their values can be skipped without more messages.
void rounds(load::CsvReader& csv, std::vector<model::Round>& out, std::set<std::string>& rejected,
            diag::Diagnostics& diag);

/// data/samples.csv, against the model's rounds and groups.
/// Rows of a round in `rejected_rounds` (named in rounds.csv, dropped for an error there)
/// are skipped without more messages; so for points and quotes.
void samples(load::CsvReader& csv, const model::Model& m, std::vector<model::Sample>& out,
             diag::Diagnostics& diag, const std::set<std::string>& rejected_rounds = {});

/// Checks values files against the indicators, rounds and groups of the model and keeps
/// track of duplicates across all files.
class ValueChecker {
 public:
  /// `rejected` names indicators whose own file had errors: their values are skipped
  /// without further messages, as the indicator's error already says what is wrong.
  ValueChecker(const model::Model& m, std::set<std::string> rejected,
               std::set<std::string> rejected_rounds = {})
      : model_(m), rejected_(std::move(rejected)), rejected_rounds_(std::move(rejected_rounds)) {}
  /// Reads the values of one table: a CSV file or a sheet of a workbook.
  void read(load::RecordReader& csv, std::vector<model::Value>& out, diag::Diagnostics& diag);

 private:
  const model::Model& model_;
  std::set<std::string> rejected_;
  std::set<std::string> rejected_rounds_;
  std::map<std::string, SourcePos> seen_;
};

/// data/points/*.csv: triad answers, normalised to shares summing to 1.
void points(load::CsvReader& csv, const model::Model& m, std::vector<model::Point>& out,
            diag::Diagnostics& diag, const std::set<std::string>& rejected_rounds = {});

/// data/quotes/*.csv; `seen` holds quote ids across files.
void quotes(load::CsvReader& csv, const model::Model& m, std::vector<model::Quote>& out,
            std::map<std::string, SourcePos>& seen, diag::Diagnostics& diag,
            const std::set<std::string>& rejected_rounds = {});

/// Rules over several values at once (docs/data-format.md, "Values that add up"): shares
/// of a one-answer question add up to 100 within rounding and are not fractions of 1,
/// counts stay within their n, a question's n within its sample's, and a headline does
/// not repeat its group. Errors at the value or indicator that breaks the rule.
void consistency(const model::Model& m, diag::Diagnostics& diag);

/// The line and column (1-based, in characters) of the first byte of `text` that is not
/// valid UTF-8, or nullopt.
std::optional<std::pair<int, int>> invalid_utf8(const std::string& text);

/// data/pages/<slug>.md: the title from the first `# ` line.
std::optional<model::Page> page(const std::string& display_name, const std::string& slug,
                                std::string markdown, diag::Diagnostics& diag);

/// The whole source directory: finds and reads every file, validates it and returns the
/// model, or nullopt when any error was found. Paths in messages are relative to the
/// current directory when `source` is below it.
std::optional<model::Model> load_source(const std::filesystem::path& source,
                                        diag::Diagnostics& diag);

/// The unit names allowed for `type` (count and percent, or the series units).
const std::vector<std::string>& units_for(model::IndicatorType type);

}  // namespace duiding::validate
