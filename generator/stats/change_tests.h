// Tests and intervals for a change between two rounds, an exact interval for a share of
// a finite population, and the adjustment of many p-values. Pure functions of counts, like
// inference.h. Methods and sources: docs/statistics.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stats/inference.h"

namespace duiding::stats {

/// A change p1 − p2 of two independent shares, its test against 0 and its interval, from
/// one statistic: the score statistic z(δ) = (p̂1 − p̂2 − δ) / √(p̃1(1−p̃1)/n1 + p̃2(1−p̃2)/n2)
/// · N/(N − 1)... with p̃ the maximum-likelihood shares under p1 − p2 = δ and the variance
/// factor N/(N − 1) (Miettinen & Nurminen 1985). At δ = 0 it is the pooled two-proportion
/// z times √((N − 1)/N); the interval is every δ with |z(δ)| below the normal quantile of `level`. So
/// the interval excludes 0 exactly when p < 1 − level: test and interval cannot disagree.
struct ScoreChange {
  DifferenceEstimate difference;  ///< p1 − p2 with the score interval at `level`
  TestResult test;                ///< method "score", statistic z(0), two-sided p
  double level = kConfidence;     ///< confidence level of the interval
};

/// Not computable when a sample is empty or x is outside 0..n; the test is not computable
/// when both shares are 0 or both 1 (no spread), the interval still is.
ScoreChange score_change(long x1, long n1, long x2, long n2, double level = kConfidence);

/// Exact two-sided interval for the share K/N of a finite population of N from x of a
/// simple random sample of n drawn without replacement: the K with
/// P(X ≥ x | K) > (1 − level)/2 and P(X ≤ x | K) > (1 − level)/2, X hypergeometric
/// (the Clopper-Pearson construction for the hypergeometric; Wright 1991). Its bounds are
/// shares the population can have (multiples of 1/N, never above (N − n + x)/N). A census
/// (n = N) gives [x/N, x/N]. Not computable when n > N, n ≤ 0 or x outside 0..n.
struct ExactShare {
  bool computable = false;
  std::string reason;
  Interval ci;       ///< 0-1
  long low_count = 0;   ///< K at the lower bound
  long high_count = 0;  ///< K at the upper bound
};
ExactShare hypergeometric_interval(long x, long n, long population, double level = kConfidence);

/// The Wilcoxon-Mann-Whitney test of two rows of counts over the same ordered categories
/// (`later` against `earlier`), with mid-ranks for ties, the tie-corrected variance and
/// the normal approximation without continuity correction (SciPy
/// mannwhitneyu(later, earlier, method="asymptotic", use_continuity=False)).
struct OrdinalResult {
  bool computable = false;
  std::string reason;
  double u = 0;            ///< U of `later`
  double z = 0;            ///< (U − n1·n2/2) / σ; positive: later answers lie higher
  double p_value = 1;      ///< two-sided
  /// U / (n1·n2): the chance that a later answer lies higher than an earlier one, ties
  /// counting half (0.5: no shift).
  double superiority = 0.5;
};
OrdinalResult mann_whitney(const std::vector<long>& earlier, const std::vector<long>& later);

/// The Kruskal-Wallis test of two or more groups (rows of counts over the same ordered
/// categories, e.g. the levels of a breakdown): mid-ranks for ties, H divided by the tie
/// correction 1 − Σ(t³ − t)/(N³ − N), p from χ² with (groups − 1) degrees of freedom
/// (SciPy kruskal on the expanded answers). With two groups its p equals mann_whitney's.
struct KruskalResult {
  bool computable = false;
  std::string reason;
  double h = 0;       ///< tie-corrected H
  int df = 0;         ///< groups − 1
  double p_value = 1;
};
KruskalResult kruskal_wallis(const std::vector<std::vector<long>>& groups);

/// Benjamini-Hochberg adjusted p-values (false discovery rate), in the input's order:
/// p_adj(i) = min over j with p(j) ≥ p(i) of m·p(j)/rank(j), at most 1 (statsmodels
/// multipletests(method="fdr_bh")).
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

/// The number of p-values that Benjamini-Hochberg rejects at `alpha` (adjusted p ≤ alpha).
std::size_t bh_rejections(const std::vector<double>& adjusted, double alpha = kAlpha);

}  // namespace duiding::stats
