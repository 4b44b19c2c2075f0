// `duiding new-round ROUND [SOURCE]`: prepares a site source for its next measurement
// round. Adds the line to data/rounds.csv, the rows to fill in to data/samples.csv, and an
// entry sheet per topic in data/values/ that opens well in Dutch Excel (docs/handleiding.md).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/model.h"

namespace duiding::build {

/// The new round cannot be added (a bad or existing id, a sheet already there): nothing
/// was written. The message is Dutch, for the person preparing the round.
class NewRoundRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NewRound {
  std::vector<std::string> sheets;  ///< the entry sheets written, relative to the source
  std::vector<std::string> groups;  ///< the groups whose n is to be filled in
  std::string label;                ///< the label given to the round in rounds.csv
};

/// Adds round `id` to the valid source `m` read from `source`. Writes nothing when it
/// refuses (NewRoundRefused).
NewRound add_round(const model::Model& m, const std::filesystem::path& source, const std::string& id);

/// The next steps after add_round, in Dutch.
std::string next_steps(const NewRound& r, const std::string& id, const std::filesystem::path& source);

/// One line of an entry sheet: fields joined by ';', quoted where needed, ending in CRLF.
std::string sheet_line(const std::vector<std::string>& fields);

}  // namespace duiding::build
