#include "stats/inference.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

#include "stats/once.h"
#include "text/site_text.h"

namespace duiding::stats {
namespace {

namespace bm = boost::math;

// Boost.Math throws on a domain error by default; every caller checks its arguments
// first, so an exception here would be a bug, not bad input.
double normal_two_sided_p(double z) {
  return 2 * bm::cdf(bm::complement(bm::normal_distribution<double>(), std::fabs(z)));
}

double chi_squared_p(double statistic, int df) {
  return bm::cdf(bm::complement(bm::chi_squared_distribution<double>(df), statistic));
}

// Cochran's rule (Cochran 1954): the χ² approximation is poor when more than 20 % of
// the expected counts are below 5 or any is below 1.
bool small_expected(const std::vector<double>& expected) {
  std::size_t below5 = 0;
  bool below1 = false;
  for (double e : expected) {
    below5 += e < 5;
    below1 = below1 || e < 1;
  }
  return below1 || static_cast<double>(below5) > 0.2 * static_cast<double>(expected.size());
}

// R's tolerance for "at least as extreme" in simulated and exact p-values: a statistic
// equal to the observed one up to rounding counts as equal.
constexpr double kAlmostOne = 1 + 64 * std::numeric_limits<double>::epsilon();

double pearson_table(const std::vector<std::vector<long>>& t, const std::vector<long>& row_sums,
                     const std::vector<long>& col_sums, long total) {
  double x2 = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      double e = static_cast<double>(row_sums[i]) * static_cast<double>(col_sums[j]) / static_cast<double>(total);
      double d = static_cast<double>(t[i][j]) - e;
      x2 += d * d / e;
    }
  }
  return x2;
}

// Monte-Carlo p-value of an r×c table: the N observations keep their row; their column
// labels are shuffled, which draws uniformly from the tables with the observed margins
// (the same null distribution as R's r2dtable in chisq.test(simulate.p.value = TRUE)).
double monte_carlo_table_p(const std::vector<long>& row_sums, const std::vector<long>& col_sums, long total,
                           double observed) {
  std::vector<int> labels;
  labels.reserve(static_cast<std::size_t>(total));
  for (std::size_t j = 0; j < col_sums.size(); ++j) labels.insert(labels.end(), static_cast<std::size_t>(col_sums[j]), static_cast<int>(j));
  SplitMix64 rng(kSeed);
  std::vector<std::vector<long>> t(row_sums.size(), std::vector<long>(col_sums.size()));
  long at_least = 0;
  for (long s = 0; s < kSimulations; ++s) {
    for (std::size_t i = labels.size(); i > 1; --i) std::swap(labels[i - 1], labels[rng.below(i)]);
    for (auto& row : t) std::fill(row.begin(), row.end(), 0);
    std::size_t k = 0;
    for (std::size_t i = 0; i < row_sums.size(); ++i)
      for (long r = 0; r < row_sums[i]; ++r) ++t[i][static_cast<std::size_t>(labels[k++])];
    if (pearson_table(t, row_sums, col_sums, total) * kAlmostOne >= observed) ++at_least;
  }
  return static_cast<double>(at_least + 1) / static_cast<double>(kSimulations + 1);
}

double pearson_fit(const std::vector<long>& observed, const std::vector<double>& expected) {
  double x2 = 0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    double d = static_cast<double>(observed[i]) - expected[i];
    x2 += d * d / expected[i];
  }
  return x2;
}

// monte_carlo_table_p() once per process for its arguments (stats/once.h).
double simulated_table_p(const std::vector<long>& row_sums, const std::vector<long>& col_sums, long total,
                         double observed) {
  std::vector<std::int64_t> key{static_cast<std::int64_t>(row_sums.size()), total, key_bits(observed)};
  key.insert(key.end(), row_sums.begin(), row_sums.end());
  key.insert(key.end(), col_sums.begin(), col_sums.end());
  return once<double>(std::move(key), [&] { return monte_carlo_table_p(row_sums, col_sums, total, observed); });
}

// Monte-Carlo p-value of a goodness-of-fit test: multinomial samples of n under H0.
double monte_carlo_fit_p(long n, const std::vector<double>& proportions, const std::vector<double>& expected,
                         double observed) {
  std::vector<double> cumulative(proportions.size());
  std::partial_sum(proportions.begin(), proportions.end(), cumulative.begin());
  SplitMix64 rng(kSeed);
  std::vector<long> counts(proportions.size());
  long at_least = 0;
  for (long s = 0; s < kSimulations; ++s) {
    std::fill(counts.begin(), counts.end(), 0);
    for (long i = 0; i < n; ++i) {
      double u = rng.unit() * cumulative.back();
      std::size_t k = 0;
      while (k + 1 < cumulative.size() && u >= cumulative[k]) ++k;
      ++counts[k];
    }
    if (pearson_fit(counts, expected) * kAlmostOne >= observed) ++at_least;
  }
  return static_cast<double>(at_least + 1) / static_cast<double>(kSimulations + 1);
}

// monte_carlo_fit_p() once per process for its arguments (stats/once.h).
double simulated_fit_p(long n, const std::vector<double>& proportions, const std::vector<double>& expected,
                       double observed) {
  std::vector<std::int64_t> key{n, static_cast<std::int64_t>(proportions.size()), key_bits(observed)};
  for (double x : proportions) key.push_back(key_bits(x));
  for (double x : expected) key.push_back(key_bits(x));
  return once<double>(std::move(key), [&] { return monte_carlo_fit_p(n, proportions, expected, observed); });
}

}  // namespace

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
  // Values below `threshold` would make some results more likely than others.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    std::uint64_t x = next();
    if (x >= threshold) return x % bound;
  }
}

double SplitMix64::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double z_critical() {
  static const double z = bm::quantile(bm::normal_distribution<double>(), 1 - (1 - kConfidence) / 2);
  return z;
}

std::optional<double> fpc_factor(long n, std::optional<long> population) {
  if (!population || *population < n || *population <= 1 || n <= 0) return std::nullopt;
  return static_cast<double>(*population - n) / static_cast<double>(*population - 1);
}

ShareEstimate wilson(long x, long n, std::optional<long> population) {
  ShareEstimate e;
  e.x = x;
  e.n = n;
  e.population = population;
  if (n <= 0) {
    e.reason = txt::reden_geen_waarnemingen_n_0();
    return e;
  }
  if (x < 0 || x > n) {
    e.reason = txt::reden_aantal_buiten_0_n();
    return e;
  }
  e.computable = true;
  const double p = static_cast<double>(x) / static_cast<double>(n);
  e.share = p;
  e.fpc = fpc_factor(n, population);
  if (e.fpc && *e.fpc == 0) {  // a census: no sampling error
    e.n_effective = std::numeric_limits<double>::infinity();
    e.ci = {p, p};
    return e;
  }
  const double m = e.fpc ? static_cast<double>(n) / *e.fpc : static_cast<double>(n);
  e.n_effective = m;
  const double z = z_critical();
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * m)) / (1 + z2 / m);
  const double half = z / (1 + z2 / m) * std::sqrt(p * (1 - p) / m + z2 / (4 * m * m));
  // At p = 0 or 1 one bound equals p exactly; clamp rounding noise.
  e.ci = {std::clamp(centre - half, 0.0, p), std::clamp(centre + half, p, 1.0)};
  if (x == 0) e.ci.low = 0;
  if (x == n) e.ci.high = 1;
  return e;
}

DifferenceEstimate newcombe(long x1, long n1, std::optional<long> population1, long x2, long n2,
                            std::optional<long> population2) {
  DifferenceEstimate d;
  ShareEstimate a = wilson(x1, n1, population1);
  ShareEstimate b = wilson(x2, n2, population2);
  if (!a.computable || !b.computable) {
    d.reason = !a.computable ? a.reason : b.reason;
    return d;
  }
  d.computable = true;
  d.difference = a.share - b.share;
  d.ci.low = d.difference - std::hypot(a.share - a.ci.low, b.ci.high - b.share);
  d.ci.high = d.difference + std::hypot(a.ci.high - a.share, b.share - b.ci.low);
  return d;
}

TestResult two_proportion_z(long x1, long n1, std::optional<long> population1, long x2, long n2,
                            std::optional<long> population2) {
  TestResult t;
  t.method = "two-proportion-z";
  if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
    t.reason = txt::reden_meting_zonder_waarnemingen();
    return t;
  }
  const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
  const double pooled = static_cast<double>(x1 + x2) / static_cast<double>(n1 + n2);
  const double f1 = fpc_factor(n1, population1).value_or(1.0);
  const double f2 = fpc_factor(n2, population2).value_or(1.0);
  const double variance = pooled * (1 - pooled) * (f1 / static_cast<double>(n1) + f2 / static_cast<double>(n2));
  if (pooled == 0 || pooled == 1) {
    t.reason = txt::reden_geen_spreiding_0_of_100();
    return t;
  }
  if (variance <= 0) {
    t.reason = txt::reden_volledige_telling();
    return t;
  }
  t.computable = true;
  t.statistic = (p1 - p2) / std::sqrt(variance);
  t.p_value = std::min(1.0, normal_two_sided_p(*t.statistic));
  return t;
}

TestResult fisher_exact(long a, long b, long c, long d) {
  TestResult t;
  t.method = "fisher-exact";
  if (a < 0 || b < 0 || c < 0 || d < 0 || a + b + c + d == 0) {
    t.reason = txt::reden_geen_waarnemingen();
    return t;
  }
  t.computable = true;
  if (b * c > 0) t.statistic = static_cast<double>(a) * static_cast<double>(d) / (static_cast<double>(b) * static_cast<double>(c));
  const auto r1 = static_cast<unsigned>(a + b), c1 = static_cast<unsigned>(a + c), total = static_cast<unsigned>(a + b + c + d);
  bm::hypergeometric_distribution<double> h(c1, r1, total);
  const unsigned lo = r1 + c1 > total ? r1 + c1 - total : 0;
  const unsigned hi = std::min(r1, c1);
  const double observed = bm::pdf(h, static_cast<unsigned>(a));
  double p = 0;
  for (unsigned k = lo; k <= hi; ++k) {
    double pk = bm::pdf(h, k);
    if (pk <= observed * (1 + 1e-7)) p += pk;
  }
  t.p_value = std::min(1.0, p);
  return t;
}

ChiSquareResult chi_square_table(const std::vector<std::vector<long>>& table) {
  ChiSquareResult r;
  std::size_t width = 0;
  for (const auto& row : table) width = std::max(width, row.size());
  auto cell = [&](std::size_t i, std::size_t j) { return j < table[i].size() ? std::max(0L, table[i][j]) : 0L; };
  for (std::size_t i = 0; i < table.size(); ++i) {
    long sum = 0;
    for (std::size_t j = 0; j < width; ++j) sum += cell(i, j);
    if (sum > 0) r.kept_rows.push_back(static_cast<int>(i));
  }
  for (std::size_t j = 0; j < width; ++j) {
    long sum = 0;
    for (std::size_t i = 0; i < table.size(); ++i) sum += cell(i, j);
    if (sum > 0) r.kept_columns.push_back(static_cast<int>(j));
  }
  r.rows = static_cast<int>(r.kept_rows.size());
  r.columns = static_cast<int>(r.kept_columns.size());
  std::vector<std::vector<long>> t;
  for (int i : r.kept_rows) {
    t.emplace_back();
    for (int j : r.kept_columns) t.back().push_back(cell(static_cast<std::size_t>(i), static_cast<std::size_t>(j)));
  }
  std::vector<long> row_sums(t.size()), col_sums(r.kept_columns.size());
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t j = 0; j < col_sums.size(); ++j) {
      row_sums[i] += t[i][j];
      col_sums[j] += t[i][j];
      r.total += t[i][j];
    }
  if (r.total == 0) {
    r.reason = txt::reden_geen_waarnemingen();
    return r;
  }
  if (r.rows < 2 || r.columns < 2) {
    r.reason = txt::reden_minder_dan_twee_rijen_of_kolommen();
    return r;
  }
  r.computable = true;
  r.df = (r.rows - 1) * (r.columns - 1);
  std::vector<double> all_expected;
  for (std::size_t i = 0; i < t.size(); ++i) {
    r.expected.emplace_back();
    for (std::size_t j = 0; j < col_sums.size(); ++j) {
      double e = static_cast<double>(row_sums[i]) * static_cast<double>(col_sums[j]) / static_cast<double>(r.total);
      r.expected.back().push_back(e);
      all_expected.push_back(e);
    }
  }
  r.smallest_expected = *std::min_element(all_expected.begin(), all_expected.end());
  r.statistic = pearson_table(t, row_sums, col_sums, r.total);
  r.p_value = chi_squared_p(r.statistic, r.df);
  r.cramers_v = std::sqrt(r.statistic / (static_cast<double>(r.total) * (std::min(r.rows, r.columns) - 1)));
  r.small_expected = small_expected(all_expected);
  if (r.small_expected) {
    if (r.rows == 2 && r.columns == 2) {
      r.alternative_method = "fisher-exact";
      r.alternative_p = fisher_exact(t[0][0], t[0][1], t[1][0], t[1][1]).p_value;
    } else if (r.total <= kMaxSimulatedTotal) {
      r.alternative_method = "monte-carlo";
      r.simulations = kSimulations;
      r.alternative_p = simulated_table_p(row_sums, col_sums, r.total, r.statistic);
    }
  }
  return r;
}

ChiSquareResult chi_square_goodness_of_fit(const std::vector<long>& observed,
                                           const std::vector<double>& expected_proportions) {
  ChiSquareResult r;
  r.rows = 1;
  if (observed.size() != expected_proportions.size()) {
    r.reason = txt::reden_niet_evenveel_categorieen();
    return r;
  }
  double weight = 0;
  for (double p : expected_proportions) weight += std::max(0.0, p);
  std::vector<long> obs;
  std::vector<double> prop;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    double p = std::max(0.0, expected_proportions[i]);
    long o = std::max(0L, observed[i]);
    if (p == 0 && o == 0) continue;
    if (p == 0) {
      r.reason = txt::reden_onverwachte_categorie();
      return r;
    }
    r.kept_columns.push_back(static_cast<int>(i));
    obs.push_back(o);
    prop.push_back(p / weight);
    r.total += o;
  }
  r.columns = static_cast<int>(obs.size());
  if (r.total == 0) {
    r.reason = txt::reden_geen_waarnemingen();
    return r;
  }
  if (r.columns < 2) {
    r.reason = txt::reden_minder_dan_twee_categorieen();
    return r;
  }
  r.computable = true;
  r.df = r.columns - 1;
  std::vector<double> expected;
  for (double p : prop) expected.push_back(p * static_cast<double>(r.total));
  r.expected = {expected};
  r.smallest_expected = *std::min_element(expected.begin(), expected.end());
  r.statistic = pearson_fit(obs, expected);
  r.p_value = chi_squared_p(r.statistic, r.df);
  r.small_expected = small_expected(expected);
  if (r.small_expected && r.total <= kMaxSimulatedTotal) {
    r.alternative_method = "monte-carlo";
    r.simulations = kSimulations;
    r.alternative_p = simulated_fit_p(r.total, prop, expected, r.statistic);
  }
  return r;
}

std::optional<double> margin_of_error(long n, std::optional<long> population, double p) {
  if (n <= 0) return std::nullopt;
  double variance = p * (1 - p) / static_cast<double>(n) * fpc_factor(n, population).value_or(1.0);
  return z_critical() * std::sqrt(variance);
}

SeriesStep series_step(double from, double to) {
  SeriesStep s;
  s.from = from;
  s.to = to;
  s.absolute = to - from;
  if (from != 0) s.relative = (to - from) / std::fabs(from);
  return s;
}

}  // namespace duiding::stats
