// Statistical inference for shares and tables: confidence intervals, tests and effect
// sizes, computed with Boost.Math. Pure functions of counts: no I/O, no model, no text
// for readers beyond a short reason when something cannot be computed. Every result
// says whether it could be computed; a result that could not never carries NaN.
// Methods and sources: docs/statistics.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace duiding::stats {

/// Confidence level of every interval (two-sided) and significance level of every test.
inline constexpr double kConfidence = 0.95;
inline constexpr double kAlpha = 0.05;

/// The normal quantile for kConfidence, z = Φ⁻¹(0.975) ≈ 1.959964.
double z_critical();

/// The finite-population correction for the variance of a share from a simple random
/// sample of `n` out of `population` drawn without replacement: (N − n) / (N − 1)
/// (Cochran 1977, Sampling Techniques, 3rd ed., §3.2, theorem 3.2). Nullopt when there is no
/// population, when it is smaller than n, or when N = 1.
std::optional<double> fpc_factor(long n, std::optional<long> population);

struct Interval {
  double low = 0;
  double high = 0;
};

/// A share x/n with its Wilson score interval.
struct ShareEstimate {
  bool computable = false;
  std::string reason;         ///< why not, when not computable
  long x = 0;
  long n = 0;
  std::optional<long> population;
  double share = 0;           ///< x / n, 0-1
  Interval ci;                ///< 0-1
  std::optional<double> fpc;  ///< the factor (N − n)/(N − 1) when it was applied
  double n_effective = 0;     ///< n, or n / fpc with the correction (infinite: census)
};

/// Wilson score interval (Wilson 1927; Newcombe 1998a, method 3) for x out of n.
/// With a population N the interval uses the effective sample size n / fpc, so its
/// variance term is p(1−p)/n · (N − n)/(N − 1); a census (n = N) gives [p, p].
/// Not computable when n ≤ 0 or x outside 0..n.
ShareEstimate wilson(long x, long n, std::optional<long> population = std::nullopt);

/// A difference of two shares p1 − p2 with Newcombe's hybrid score interval.
struct DifferenceEstimate {
  bool computable = false;
  std::string reason;
  double difference = 0;  ///< p1 − p2, −1..1
  Interval ci;
};

/// Newcombe (1998b) method 10: L = d − √((p1 − l1)² + (u2 − p2)²),
/// U = d + √((u1 − p1)² + (p2 − l2)²) from the Wilson intervals of both shares (each with
/// its own finite-population correction when a population is given).
DifferenceEstimate newcombe(long x1, long n1, std::optional<long> population1, long x2, long n2,
                            std::optional<long> population2);

/// A test statistic with its p-value.
struct TestResult {
  bool computable = false;
  std::string reason;
  std::string method;   ///< e.g. "two-proportion-z", "fisher-exact"
  /// z for the z-test; the sample odds ratio a·d/(b·c) for Fisher's test (nullopt when
  /// b·c = 0)
  std::optional<double> statistic;
  double p_value = 1;   ///< two-sided
};

/// Two-proportion z-test with the pooled share under H0: p1 = p2. Without populations
/// z = (p1 − p2) / √(p(1−p)(1/n1 + 1/n2)), the textbook test (equal to Pearson's χ² on
/// the 2×2 table without continuity correction). With a population the term 1/ni is
/// multiplied by that sample's fpc. Not computable when a sample is empty or the pooled
/// share is 0 or 1 (no spread).
TestResult two_proportion_z(long x1, long n1, std::optional<long> population1, long x2, long n2,
                            std::optional<long> population2);

/// Fisher's exact test of the 2×2 table {{a, b}, {c, d}}, two-sided: the sum of the
/// probabilities of all tables with the same margins that are no more likely than the
/// observed one (relative tolerance 1e-7, as R's fisher.test).
TestResult fisher_exact(long a, long b, long c, long d);

/// A chi-square test (independence/homogeneity of a table, or goodness of fit).
struct ChiSquareResult {
  bool computable = false;
  std::string reason;
  double statistic = 0;  ///< Pearson's X²
  int df = 0;
  double p_value = 1;    ///< from the χ² distribution with df degrees of freedom
  long total = 0;
  int rows = 0;          ///< rows kept (all-zero rows dropped); goodness of fit: 1
  int columns = 0;       ///< columns or categories kept
  std::vector<int> kept_rows;     ///< indices into the input
  std::vector<int> kept_columns;  ///< indices into the input
  std::vector<std::vector<double>> expected;  ///< expected counts of the kept cells
  double smallest_expected = 0;
  /// Cochran's rule broken: more than 20 % of expected counts below 5, or any below 1.
  bool small_expected = false;
  /// When small_expected: the p-value of the exact or simulated alternative.
  std::optional<double> alternative_p;
  std::string alternative_method;  ///< "fisher-exact" or "monte-carlo"
  long simulations = 0;            ///< Monte-Carlo tables drawn
  std::optional<double> cramers_v; ///< tables only: √(X² / (N·(min(r, c) − 1)))

  /// The p-value a verdict should use: the alternative when there is one.
  double decisive_p() const { return alternative_p.value_or(p_value); }
};

/// Number of Monte-Carlo tables drawn for a simulated p-value, and the fixed seed.
inline constexpr long kSimulations = 20000;
/// The largest total for which a Monte-Carlo p-value is simulated (each simulation costs
/// time in proportion to the total). Above it only the asymptotic chi-square p-value is
/// given: with this many observations it is the usual choice, and a build stays bounded.
inline constexpr long kMaxSimulatedTotal = 10000;
inline constexpr std::uint64_t kSeed = 20240601;

/// Pearson's chi-square test of independence (or homogeneity) of an r×c table of counts.
/// All-zero rows and columns are dropped first; df = (r − 1)(c − 1). Not computable when
/// fewer than two rows or columns remain. With small expected counts a 2×2 table gets
/// Fisher's exact p-value, a larger one a Monte-Carlo p-value over tables with the same
/// margins (fixed seed, own generator: identical on every platform).
ChiSquareResult chi_square_table(const std::vector<std::vector<long>>& table);

/// Pearson's chi-square goodness-of-fit test of observed counts against expected
/// proportions (any positive scale; they are normalised). Categories with expected
/// proportion 0 and no observations are dropped; df = k − 1. Not computable with fewer
/// than two categories, no observations, or an observation in a category whose expected
/// proportion is 0. Small expected counts get a Monte-Carlo p-value (multinomial draws).
ChiSquareResult chi_square_goodness_of_fit(const std::vector<long>& observed,
                                           const std::vector<double>& expected_proportions);

/// Half-width of the normal-approximation 95 % interval of a share p from n respondents,
/// z·√(p(1−p)/n), times √fpc when the population is known. p = 0.5 gives the largest
/// (the usual "foutmarge"). Nullopt when n ≤ 0.
std::optional<double> margin_of_error(long n, std::optional<long> population, double p = 0.5);

/// One step of a series: from one value to the next.
struct SeriesStep {
  double from = 0;
  double to = 0;
  double absolute = 0;             ///< to − from
  std::optional<double> relative;  ///< (to − from) / |from|, nullopt when from = 0
};

/// The change from `from` to `to`.
SeriesStep series_step(double from, double to);

/// A small deterministic generator (SplitMix64, Steele, Lea & Flood 2014), used instead of
/// <random> distributions whose output differs between standard libraries.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// Uniform in [0, bound), bound > 0, without modulo bias (rejection).
  std::uint64_t below(std::uint64_t bound);
  /// Uniform in [0, 1) with 53 random bits.
  double unit();

 private:
  std::uint64_t state_;
};

}  // namespace duiding::stats
