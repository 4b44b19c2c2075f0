// The stats stage: an indicator's validated values in, the numbers each chart and table
// shows out (shares from counts, headline figures, triad coordinates). No I/O, no HTML.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "stats/compare.h"

namespace duiding::stats {

/// One number shown in a chart and in its table.
struct Row {
  std::string round;        ///< round id, or the year of a series
  std::string round_label;  ///< e.g. "Impactmeting 2024"; the year for series
  std::string breakdown;    ///< the value part of `dimension=value`, or empty
  std::string category;     ///< category id, bin, corner, or empty
  std::string label;        ///< what the reader sees for `category`
  std::string measure;      ///< as in the values table
  double value = 0;         ///< as given in the source
  std::optional<double> share;  ///< percent 0-100, when the value is or gives a share
  std::string note;
  /// false: a category of the indicator this round (or breakdown level) does not give,
  /// while it gives others. Such a row keeps the category's place and reads "niet
  /// gegeven"; its value is NaN and its share unset, so it is never a 0.
  bool given = true;
};

enum class ChartKind { kLikert, kChoice, kHistogram, kScatter, kCountBars, kTriad, kSeries };

/// The numbers behind one chart. A chart shows one group (and, for breakdowns and the
/// per-round types, one dimension or round).
struct ChartData {
  std::string id;           ///< unique within the indicator, used in file names
  ChartKind kind = ChartKind::kChoice;
  std::string group;        ///< group id, empty for all respondents
  std::string round;        ///< set when the chart is about one round
  std::string dimension;    ///< breakdown dimension, or empty
  std::string caption;      ///< e.g. "Gezinnen (ouders en jeugdigen), Impactmeting 2024"
  std::vector<Row> rows;    ///< in display order
  std::optional<double> mean;                ///< scale: the mean as given
  std::vector<model::Point> points;          ///< triad: normalised points
  std::optional<std::array<double, 3>> triad_mean;  ///< triad: mean shares of a, b, c
  bool triad_mean_computed = false;          ///< true when computed from the points
  std::vector<std::pair<std::string, long>> n;  ///< respondents per round or breakdown
  /// True for the counts of a multiple-answer question: mentions, not people. A row's
  /// share is then of the question's own n (a share of the stories that mention it),
  /// and only when no count exceeds that n.
  bool mentions = false;

  /// The n of series `key` (a round label or breakdown level), if known.
  std::optional<long> n_of(const std::string& key) const {
    for (const auto& [k, v] : n)
      if (k == key) return v;
    return std::nullopt;
  }
};

/// A figure for the home page: the share of positive answers of one group.
struct Headline {
  std::string group;
  std::string round;
  double percent = 0;
  std::optional<long> n;
  bool summed_multiple = false;  ///< a sum over answers of a multiple-choice question
  /// Counts of a multiple-answer question: the mentions (summed over the positive
  /// answers) out of the question's own n. The headline then reads as mentions, never as
  /// a share of people.
  std::optional<double> mentions;
  std::optional<ShareChange> change;  ///< since the previous round, when compared
  /// The share as the comparisons count it (x of n) with its own interval (Wilson, or
  /// exact for a random sample or census): only when n is known.
  std::optional<ShareEstimate> estimate;
  /// The group's share per round up to `round`, as compared (empty when not compared).
  std::vector<RoundShare> trend;
};

struct IndicatorSummary {
  const model::Indicator* indicator = nullptr;
  std::vector<ChartData> charts;
  std::vector<Headline> headlines;  ///< per group, for the current round
  std::size_t value_count = 0;
};

/// Respondents behind `values` for a round, group and breakdown: the `n` measure when
/// given, else (for the overall figures) samples.csv; nullopt when neither says.
std::optional<long> respondents(const model::Model& m, const std::vector<const model::Value*>& values,
                                const std::string& round, const std::string& group, const std::string& breakdown);

/// Summarises one indicator from `values` (that indicator's values, in source order).
/// The headlines are of round `headline_round`, or of the current round when it is empty.
IndicatorSummary summarize(const model::Model& m, const model::Indicator& ind,
                           const std::vector<const model::Value*>& values, const std::string& headline_round = "");

}  // namespace duiding::stats
