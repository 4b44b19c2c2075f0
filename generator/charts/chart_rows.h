// What the spec builders (vega_lite.cc) and the summary sentences (summary_text.cc) read
// from a chart's rows alike. Internal to the chart stage.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "text/format.h"
#include "stats/summary.h"

namespace duiding::charts::rows {

using stats::Row;

// What a row's number reads as in a label: its share where there is one, else the value
// in the indicator's unit.
inline std::string shown(const model::Indicator& ind, const Row& r) {
  return text::value_label(r.value, ind.unit, r.measure, ind.type == model::IndicatorType::kSeries);
}

// The series a row belongs to within a chart: the round, or the breakdown level.
inline std::string series_of(const stats::ChartData& c, const Row& r) {
  return c.dimension.empty() ? r.round_label : r.breakdown;
}

/// The distinct values of `key` over the chart's rows, in order of first appearance.
inline std::vector<std::string> distinct(const stats::ChartData& c, auto key) {
  std::vector<std::string> out;
  for (const Row& r : c.rows) {
    std::string k = key(r);
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

}  // namespace duiding::charts::rows
