// The small trend chart of a home page tile: one group's headline share per round, with
// its interval where there is one. Drawn directly as SVG (no Vega-Lite spec: it has no
// interactive version) from the numbers of stats::ShareComparison; computes nothing.
#pragma once

#include <string>
#include <vector>

#include "stats/compare.h"

namespace duiding::charts {

/// An SVG (role="img", `label` as its name) of `rounds` in order: a line through the shares,
/// a point per round, a vertical line over each interval, the round ids under the points
/// and the ends of the value axis at the left. Colours are `currentColor` with classes, so
/// the page's stylesheet (and its dark mode) decides them. The axis runs over whole tens
/// around the shares and intervals, so a small change is visible and the axis says so.
/// Empty when there are fewer than two rounds: one number is no trend.
std::string trend_sparkline(const std::vector<stats::RoundShare>& rounds, const std::string& label);

}  // namespace duiding::charts
