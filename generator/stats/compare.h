// Comparisons of one indicator across rounds, breakdowns and a reference population:
// which statistics can honestly be computed from the values, and their results. No I/O,
// no HTML; render/comparison.cc turns a Comparison into Dutch text, tables and the
// open-data JSON. Methods and rules: docs/statistics.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "stats/change_tests.h"
#include "stats/inference.h"

namespace duiding::stats {

/// What a change between two rounds means, in the words the site uses.
enum class Verdict { kHigher, kLower, kNoDifference, kTooFew, kNotTested };

/// "significant hoger", "significant lager", "verschil niet aan te tonen",
/// "te weinig waarnemingen om te vergelijken", "niet getoetst". kNoDifference does not say
/// that nothing changed: only that the data cannot show a change (the interval says how
/// large one could be).
std::string verdict_text(Verdict v);
/// A stable id for files and CSS: higher, lower, no-difference, too-few, not-tested.
const char* verdict_id(Verdict v);

/// The share of `positive` answers of one group in one round.
struct RoundShare {
  std::string round;
  std::string round_label;
  double percent = 0;              ///< as given (sum of the positive categories), 0-100
  std::optional<long> n;           ///< respondents, when known
  std::optional<long> population;  ///< from samples.csv
  model::Design design = model::Design::kSelfSelected;  ///< from samples.csv
  /// x = round(percent · n / 100) of n with its interval; only when n is known. The
  /// interval is Wilson's, or for a random sample or census of a known population the
  /// exact hypergeometric one (`ci_method`).
  std::optional<ShareEstimate> estimate;
  std::string ci_method = "wilson";  ///< "wilson" or "hypergeometric-exact"
};

/// The change of a group's share from one round to the next.
struct ShareChange {
  std::string from;     ///< round id
  std::string to;       ///< round id
  double points = 0;    ///< percent(to) − percent(from), percentage points as given
  /// share(to) − share(from), 0-1, with the score interval at `level` that inverts `test`
  std::optional<DifferenceEstimate> difference;
  std::optional<TestResult> test;   ///< the score test of no change (method "score")
  /// The p-value adjusted for all comparisons of the build (Benjamini-Hochberg), and the
  /// level of the interval that agrees with it (see adjust()); 0.95 before adjustment.
  std::optional<double> p_adjusted;
  double level = kConfidence;
  Verdict verdict = Verdict::kNotTested;
  std::string reason;   ///< Dutch: why no test (too few, n unknown, no spread)
};

struct ShareComparison {
  std::string group;
  std::vector<RoundShare> rounds;    ///< by round id
  std::vector<ShareChange> changes;  ///< rounds[i−1] → rounds[i]
};

/// A chi-square test on a table of counts made from the values.
struct TableTest {
  enum class Kind { kRounds, kBreakdown };
  Kind kind = Kind::kRounds;
  std::string group;
  std::string round;       ///< the (later) round
  std::string from_round;  ///< kRounds: the earlier round
  std::string dimension;   ///< kBreakdown: e.g. "leeftijd"
  std::vector<std::string> row_labels;     ///< rounds or breakdown levels
  std::vector<std::string> column_labels;  ///< answer categories
  std::vector<std::vector<long>> counts;   ///< empty when not tested
  /// Dutch: categories not in the table because a row does not give them (never zeros)
  std::vector<std::string> left_out;
  bool tested = false;
  std::string reason;      ///< Dutch: why not tested
  ChiSquareResult result;  ///< Pearson's χ²: the main test of unordered answers
  /// Ordered answers between rounds: Wilcoxon-Mann-Whitney, the main test; χ² is then
  /// secondary.
  std::optional<OrdinalResult> ordinal;
  /// Ordered answers across the levels of a breakdown: Kruskal-Wallis, the main test; χ²
  /// is then secondary.
  std::optional<KruskalResult> kruskal;
  std::optional<double> p_adjusted;  ///< of the main test, see adjust()
  double main_p() const {
    if (ordinal && ordinal->computable) return ordinal->p_value;
    if (kruskal && kruskal->computable) return kruskal->p_value;
    return result.decisive_p();
  }
};

/// A sample's distribution against the reference group's (goodness of fit).
struct FitTest {
  std::string group;
  std::string reference_group;
  std::string round;
  std::vector<std::string> categories;     ///< labels of the categories tested
  std::vector<std::string> left_out;       ///< labels without a value in one of the two
  std::vector<long> observed;
  std::vector<double> reference_percent;   ///< as given for the reference group
  std::optional<long> n;
  std::optional<long> population;
  bool tested = false;
  std::string reason;
  ChiSquareResult result;
  std::optional<double> margin;  ///< margin of error (p = 0.5) of a share of this sample
  std::optional<double> p_adjusted;  ///< see adjust()
};

/// One step of a series (cost, fte, clients): from one year to a later one.
struct SeriesChange {
  std::string group;
  std::string from;  ///< year
  std::string to;    ///< year
  SeriesStep step;
  bool whole_period = false;  ///< first year to last year, over more than one step
};

struct Comparison {
  std::vector<ShareComparison> shares;
  std::vector<TableTest> tables;
  std::vector<FitTest> fits;
  std::vector<SeriesChange> series;
  /// Dutch sentences about what is not tested and why (e.g. multiple answers).
  std::vector<std::string> notes;
  /// The comparisons adjusted together (see adjust()): how many tests, how many
  /// significant after adjustment, and the confidence level of the change intervals.
  struct Family {
    std::size_t size = 0;
    std::size_t rejections = 0;
    double level = kConfidence;
  } family;

  bool empty() const { return shares.empty() && tables.empty() && fits.empty() && series.empty() && notes.empty(); }
};

/// The share of positive answers of `group` in `round` with its own interval, as the
/// comparisons count it (x = round(percent · n / 100) of n), from `values` (the
/// indicator's); nullopt when the indicator has no positive answers given for it.
std::optional<RoundShare> round_share(const model::Model& m, const model::Indicator& ind,
                                      const std::vector<const model::Value*>& values, const std::string& group,
                                      const std::string& round);

/// The change of `group`'s share into `round`, or nullptr.
const ShareChange* change_to(const Comparison& c, const std::string& group, const std::string& round);

/// The comparisons of indicator `ind` from `values` (its values, any order).
///
/// Rules (docs/statistics.md): percentages become counts only when n is known
/// (measure `n`, else samples.csv), as x = round(percent · n / 100); a round with fewer
/// than site.min_cell respondents gets Verdict::kTooFew; a category a round does not give
/// is left out of a test, never counted as 0; a table with a suppressed cell is not
/// tested. Verdicts are of this comparison alone (level 0.95) until adjust() is called.
Comparison compare(const model::Model& m, const model::Indicator& ind,
                   const std::vector<const model::Value*>& values);

/// Adjusts the main p-value of every test in `family` (share changes, distributions
/// between rounds, breakdowns, fits) with Benjamini-Hochberg, sets every verdict from the
/// adjusted p-value, and recomputes every change interval at the level
/// 1 − max(R, 1)·α/m (R significant of m tests: the false-coverage-rate interval of
/// Benjamini & Yekutieli 2005), which excludes 0 exactly for the changes called significant.
void adjust(const std::vector<Comparison*>& family);

}  // namespace duiding::stats
