// The chart of a comparison between rounds: one group's headline share per round with its
// 95 % interval. Draws exactly the numbers of stats::ShareComparison; computes nothing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "stats/compare.h"

namespace duiding::charts {

/// Vega-Lite spec: per round a point at the share as given, a vertical line over its
/// 95 % Wilson interval where there is one, and the share as text.
nlohmann::json share_rounds_spec(const model::Model& m, const model::Indicator& ind,
                                 const stats::ShareComparison& c);

/// The Dutch sentence the spec carries as its description and the page shows under it.
std::string share_rounds_summary(const model::Model& m, const model::Indicator& ind,
                                 const stats::ShareComparison& c);

}  // namespace duiding::charts
