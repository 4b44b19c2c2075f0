// What every comparison of one indicator reads from its values: rounds, answers, n,
// populations, suppressed cells and the wording of the reasons a test is not done.
// Internal to the stats stage (compare*.cc).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stats/compare.h"

namespace duiding::stats::detail {

using Values = std::vector<const model::Value*>;

bool contains(const std::vector<std::string>& v, const std::string& s);

/// A count made from a percentage of n respondents. Percentages in reports are rounded,
/// so the count is the nearest whole number; docs/statistics.md says so.
long count_of(double percent, long n);

/// "het aantal deelnemers (n) van <where> is niet bekend, ..."
std::string unknown_n(const std::string& where);

/// One indicator's values, read the way the comparisons need them.
class Source {
 public:
  Source(const model::Model& m, const model::Indicator& ind, const Values& values)
      : m(m), ind(ind), values(values) {}

  /// The indicator's groups that have values, then "all respondents".
  std::vector<std::string> groups() const;
  /// Rounds (by id) in which the group has overall answer values.
  std::vector<std::string> rounds_of(const std::string& group) const;
  std::string round_label(const std::string& id) const;
  std::optional<long> population(const std::string& round, const std::string& group) const;
  /// category id → value of one round, group and breakdown (measure "value").
  std::map<std::string, double> answers(const std::string& round, const std::string& group,
                                        const std::string& breakdown) const;
  /// True when disclosure control removed that answer's value.
  bool suppressed(const std::string& round, const std::string& group, const std::string& breakdown,
                  const std::string& category) const;
  /// "<round> heeft 3 waarnemingen, minder dan 5"
  std::string too_few_reason(const std::string& round, long n) const;

  const model::Model& m;
  const model::Indicator& ind;
  const Values& values;
};

/// The share of positive answers per round of `group` and its changes (compare_shares.cc).
void share_changes(const Source& s, Comparison& c, const std::string& group, const std::vector<std::string>& rounds);

/// The whole distribution of `group` from one round to the next (compare_tables.cc).
void round_table(const Source& s, Comparison& c, const std::string& group, const std::string& from, const std::string& to);

/// The distributions of the levels of each breakdown of `group`, per round (compare_tables.cc).
void breakdown_tables(const Source& s, Comparison& c, const std::string& group);

/// Each group's distribution against the reference group's (compare_tables.cc).
void fit_tests(const Source& s, Comparison& c);

}  // namespace duiding::stats::detail
