// The share of positive answers per round and its change between rounds: counts from the
// values, each round's own interval, and the score test and interval of a change
// (docs/statistics.md, "Changes between rounds").
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "text/site_text.h"
#include "stats/compare_source.h"
#include "stats/summary.h"

namespace duiding::stats::detail {
namespace {

// A round's own interval: exact over the finite population for a random sample or a
// census of a known population, else Wilson's without any correction (a self-selected
// group is not a probability sample of a list).
ShareEstimate own_interval(long x, long n, std::optional<long> population, model::Design design,
                           std::string& method) {
  ShareEstimate e = wilson(x, n);
  method = "wilson";
  if (design == model::Design::kSelfSelected || !population || !e.computable) return e;
  ExactShare exact = hypergeometric_interval(x, n, *population);
  if (!exact.computable) return e;
  e.population = population;
  e.fpc = fpc_factor(n, population);
  e.ci = exact.ci;
  method = "hypergeometric-exact";
  return e;
}

Verdict verdict_of(double p, double difference) {
  if (p > kAlpha) return Verdict::kNoDifference;
  return difference > 0 ? Verdict::kHigher : Verdict::kLower;
}

// The share of one round, or nullopt (with a note in `c` where a reader must know why).
std::optional<RoundShare> round_share(const Source& s, Comparison& c, const std::string& group, const std::string& round) {
  const model::Indicator& ind = s.ind;
  auto a = s.answers(round, group, "");
  double positive = 0, total = 0;
  std::size_t found = 0;
  for (const auto& [cat, v] : a) {
    total += v;
    if (contains(ind.positive, cat)) positive += v, ++found;
  }
  if (found == 0) return std::nullopt;
  if (found < ind.positive.size()) {
    // Part of the headline is not given (or suppressed): the sum of the rest is not it.
    std::vector<std::string> lacking;
    for (const auto& cat : ind.positive)
      if (a.count(cat) == 0) lacking.push_back(ind.category_label(cat));
    c.notes.push_back(txt::noot_kerncijfer_niet_te_berekenen(s.m.group_label(group), s.round_label(round),
                                                            fmt::format("{}", fmt::join(lacking, ", "))));
    return std::nullopt;
  }
  RoundShare rs;
  rs.round = round;
  rs.round_label = s.round_label(round);
  rs.population = s.population(round, group);
  if (const model::Sample* sample = s.m.sample(round, group)) rs.design = sample->design;
  std::optional<long> x;
  if (ind.unit == "count") {
    if (ind.multiple) {
      // Mentions are a share of people only over the question's own n (summary.cc).
      const bool own_n = std::any_of(s.values.begin(), s.values.end(), [&](const model::Value* v) {
        return v->measure == "n" && v->round == round && v->group == group && v->breakdown.empty();
      });
      if (own_n) rs.n = respondents(s.m, s.values, round, group, "");
      if (rs.n && positive > static_cast<double>(*rs.n)) rs.n.reset();
    } else if (total > 0) {
      rs.n = std::lround(total);
    }
    if (!rs.n || *rs.n <= 0) return std::nullopt;  // a count without a base gives no share
    x = std::lround(positive);
    rs.percent = 100.0 * positive / static_cast<double>(*rs.n);
  } else {
    rs.percent = positive;
    rs.n = respondents(s.m, s.values, round, group, "");
    if (rs.n) x = count_of(positive, *rs.n);
  }
  if (rs.n && x) rs.estimate = own_interval(*x, *rs.n, rs.population, rs.design, rs.ci_method);
  return rs;
}

ShareChange change(const Source& s, const RoundShare& from, const RoundShare& to) {
  ShareChange ch;
  ch.from = from.round;
  ch.to = to.round;
  ch.points = to.percent - from.percent;
  if (!from.estimate || !to.estimate) {
    ch.verdict = Verdict::kNotTested;
    ch.reason = unknown_n(from.estimate ? to.round_label : from.round_label);
    return ch;
  }
  const long min_cell = s.m.site.min_cell;
  if (from.estimate->n < min_cell || to.estimate->n < min_cell) {
    ch.verdict = Verdict::kTooFew;
    ch.reason = from.estimate->n < min_cell ? s.too_few_reason(from.round, from.estimate->n)
                                            : s.too_few_reason(to.round, to.estimate->n);
    return ch;
  }
  // Between rounds the question is about the service, not one fixed list of people:
  // no finite-population correction, whatever the design (docs/statistics.md).
  const ShareEstimate& a = *to.estimate;
  const ShareEstimate& b = *from.estimate;
  ScoreChange sc = score_change(a.x, a.n, b.x, b.n);
  ch.difference = sc.difference;
  ch.test = sc.test;
  if (!ch.test->computable) {
    ch.verdict = Verdict::kNoDifference;
    ch.reason = ch.test->reason;
    return ch;
  }
  ch.verdict = verdict_of(ch.test->p_value, ch.difference->difference);
  return ch;
}

}  // namespace

void share_changes(const Source& s, Comparison& c, const std::string& group, const std::vector<std::string>& rounds) {
  ShareComparison sc;
  sc.group = group;
  for (const std::string& round : rounds)
    if (auto rs = round_share(s, c, group, round)) sc.rounds.push_back(std::move(*rs));
  if (sc.rounds.size() < 2) return;
  for (std::size_t i = 1; i < sc.rounds.size(); ++i) sc.changes.push_back(change(s, sc.rounds[i - 1], sc.rounds[i]));
  c.shares.push_back(std::move(sc));
}

}  // namespace duiding::stats::detail

namespace duiding::stats {

std::optional<RoundShare> round_share(const model::Model& m, const model::Indicator& ind,
                                      const std::vector<const model::Value*>& values, const std::string& group,
                                      const std::string& round) {
  detail::Source source(m, ind, values);
  Comparison notes;  // the reasons a share is missing belong to the comparison section, not here
  return detail::round_share(source, notes, group, round);
}

}  // namespace duiding::stats
