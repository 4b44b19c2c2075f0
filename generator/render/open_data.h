// Open data: every number the site publishes, in the input's long format, so anyone can
// read a published site back into duiding and audit it (docs/disclosure.md). Written from
// the protected model only, like everything else.
#pragma once

#include <string>

#include "model/model.h"
#include "write/output.h"

namespace duiding::render {

/// Where the all-values CSV lands, from the site root.
inline constexpr const char* kOpenDataValues = "open-data/cijfers.csv";

/// All values (round, indicator, group, breakdown, category, measure, value, note) in
/// model order.
std::string all_values_csv(const model::Model& m);

/// The published samples (round, group, n, population).
std::string samples_csv(const model::Model& m);

/// Writes open-data/cijfers.csv, open-data/steekproeven.csv and, when the site has
/// triad answers, open-data/punten.csv.
void write_open_data(const model::Model& m, write::Output& out);

}  // namespace duiding::render
