#include "stats/change_tests.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>

#include "stats/once.h"
#include "text/site_text.h"

namespace duiding::stats {
namespace {

namespace bm = boost::math;

double normal_quantile(double level) {
  return bm::quantile(bm::normal_distribution<double>(), 1 - (1 - level) / 2);
}

double two_sided_p(double z) {
  return std::min(1.0, 2 * bm::cdf(bm::complement(bm::normal_distribution<double>(), std::fabs(z))));
}

// The score statistic of Miettinen & Nurminen (1985) for H0: p1 − p2 = delta: the
// difference less delta over its standard error at the restricted maximum-likelihood
// shares, with the variance factor N/(N − 1). The restricted shares are found by bisection
// on the derivative of the log-likelihood, which is concave in p2: unlike the closed-form
// root of the cubic, this also finds the maximum when a count is 0 or n.
struct Score {
  long x1, n1, x2, n2;

  static double term(long k, double at) { return k == 0 ? 0.0 : static_cast<double>(k) / at; }

  // The restricted p2 under p1 = p2 + delta.
  double restricted(double delta) const {
    double lo = std::max(0.0, -delta), hi = std::min(1.0, 1 - delta);
    auto slope = [&](double q) {
      return term(x1, q + delta) - term(n1 - x1, 1 - q - delta) + term(x2, q) - term(n2 - x2, 1 - q);
    };
    for (int i = 0; i < 200 && hi - lo > 1e-16; ++i) {
      double mid = (lo + hi) / 2;
      (slope(mid) > 0 ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
  }

  double operator()(double delta) const {
    const double N = static_cast<double>(n1 + n2);
    const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
    const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
    double r2 = delta == 0 ? static_cast<double>(x1 + x2) / N : restricted(delta);
    const double r1 = std::clamp(r2 + delta, 0.0, 1.0);
    r2 = std::clamp(r2, 0.0, 1.0);
    const double variance =
        (r1 * (1 - r1) / static_cast<double>(n1) + r2 * (1 - r2) / static_cast<double>(n2)) * N / (N - 1);
    const double diff = p1 - p2 - delta;
    if (variance <= 0) return diff == 0 ? 0 : std::copysign(HUGE_VAL, diff);
    return diff / std::sqrt(variance);
  }
};

// The delta in [lo, hi] where the decreasing function f crosses `target`; lo or hi when it
// does not cross inside.
template <class F>
double crossing(const F& f, double lo, double hi, double target) {
  if (f(lo) <= target) return lo;
  if (f(hi) >= target) return hi;
  for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
    double mid = (lo + hi) / 2;
    (f(mid) > target ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace

namespace {

ScoreChange compute_score_change(long x1, long n1, long x2, long n2, double level) {
  ScoreChange s;
  s.level = level;
  s.test.method = "score";
  if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
    s.difference.reason = s.test.reason = txt::reden_meting_zonder_waarnemingen();
    return s;
  }
  const Score z{x1, n1, x2, n2};
  const double c = normal_quantile(level);
  const double d = static_cast<double>(x1) / static_cast<double>(n1) - static_cast<double>(x2) / static_cast<double>(n2);
  s.difference.computable = true;
  s.difference.difference = d;
  // Just inside ±1, where the restricted shares are still defined.
  const double edge = 1 - 1e-12;
  s.difference.ci.low = d <= -edge ? -1.0 : crossing(z, -edge, d, c);
  s.difference.ci.high = d >= edge ? 1.0 : crossing(z, d, edge, -c);
  if (s.difference.ci.low <= -edge) s.difference.ci.low = -1;
  if (s.difference.ci.high >= edge) s.difference.ci.high = 1;
  if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
    s.test.reason = txt::reden_geen_spreiding_0_of_100();
    return s;
  }
  s.test.computable = true;
  s.test.statistic = z(0);
  s.test.p_value = two_sided_p(*s.test.statistic);
  return s;
}

}  // namespace

ScoreChange score_change(long x1, long n1, long x2, long n2, double level) {
  return once<ScoreChange>({x1, n1, x2, n2, key_bits(level)},
                           [&] { return compute_score_change(x1, n1, x2, n2, level); });
}

ExactShare hypergeometric_interval(long x, long n, long population, double level) {
  ExactShare e;
  if (n <= 0 || population < n || x < 0 || x > n) {
    e.reason = n <= 0 ? txt::reden_geen_waarnemingen_n_0() : population < n ? txt::reden_populatie_kleiner_dan_n() : txt::reden_aantal_buiten_0_n();
    return e;
  }
  e.computable = true;
  const double tail = (1 - level) / 2;
  const auto un = static_cast<unsigned>(n), uN = static_cast<unsigned>(population), ux = static_cast<unsigned>(x);
  // The population counts K that are possible given the sample: x ≤ K ≤ N − (n − x).
  const long lowest = x, highest = population - (n - x);
  auto at_least_x = [&](long K) {  // P(X ≥ x | K)
    if (x == 0) return 1.0;
    bm::hypergeometric_distribution<double> h(static_cast<unsigned>(K), un, uN);
    return bm::cdf(bm::complement(h, ux - 1));
  };
  auto at_most_x = [&](long K) {  // P(X ≤ x | K)
    bm::hypergeometric_distribution<double> h(static_cast<unsigned>(K), un, uN);
    return bm::cdf(h, ux);
  };
  // P(X ≥ x | K) grows with K: the smallest K where it exceeds the tail.
  long lo = lowest, hi = highest;
  while (lo < hi) {
    long mid = lo + (hi - lo) / 2;
    if (at_least_x(mid) > tail) hi = mid;
    else lo = mid + 1;
  }
  e.low_count = lo;
  // P(X ≤ x | K) falls with K: the largest K where it exceeds the tail.
  lo = lowest, hi = highest;
  while (lo < hi) {
    long mid = lo + (hi - lo + 1) / 2;
    if (at_most_x(mid) > tail) lo = mid;
    else hi = mid - 1;
  }
  e.high_count = lo;
  e.ci = {static_cast<double>(e.low_count) / static_cast<double>(population),
          static_cast<double>(e.high_count) / static_cast<double>(population)};
  return e;
}

OrdinalResult mann_whitney(const std::vector<long>& earlier, const std::vector<long>& later) {
  OrdinalResult r;
  if (earlier.size() != later.size()) {
    r.reason = txt::reden_metingen_niet_dezelfde_antwoorden();
    return r;
  }
  double n1 = 0, n2 = 0, ties = 0;
  for (std::size_t j = 0; j < earlier.size(); ++j) {
    n1 += static_cast<double>(earlier[j]);
    n2 += static_cast<double>(later[j]);
    double t = static_cast<double>(earlier[j] + later[j]);
    ties += t * t * t - t;
  }
  if (n1 <= 0 || n2 <= 0) {
    r.reason = txt::reden_meting_zonder_waarnemingen();
    return r;
  }
  const double N = n1 + n2;
  // Mid-ranks: answers in category j share the average of the ranks they take up.
  double below = 0, rank_sum = 0;
  for (std::size_t j = 0; j < earlier.size(); ++j) {
    double t = static_cast<double>(earlier[j] + later[j]);
    rank_sum += static_cast<double>(later[j]) * (below + (t + 1) / 2);
    below += t;
  }
  const double variance = n1 * n2 / 12 * ((N + 1) - ties / (N * (N - 1)));
  if (variance <= 0) {
    r.reason = txt::reden_geen_spreiding_een_categorie();
    return r;
  }
  r.computable = true;
  r.u = rank_sum - n2 * (n2 + 1) / 2;
  r.z = (r.u - n1 * n2 / 2) / std::sqrt(variance);
  r.p_value = two_sided_p(r.z);
  r.superiority = r.u / (n1 * n2);
  return r;
}

KruskalResult kruskal_wallis(const std::vector<std::vector<long>>& groups) {
  KruskalResult r;
  if (groups.size() < 2) {
    r.reason = txt::reden_minder_dan_twee_groepen();
    return r;
  }
  const std::size_t c = groups.front().size();
  for (const auto& g : groups)
    if (g.size() != c) {
      r.reason = txt::reden_groepen_niet_dezelfde_antwoorden();
      return r;
    }
  std::vector<double> column(c, 0);
  std::vector<double> size(groups.size(), 0);
  for (std::size_t i = 0; i < groups.size(); ++i)
    for (std::size_t j = 0; j < c; ++j) {
      column[j] += static_cast<double>(groups[i][j]);
      size[i] += static_cast<double>(groups[i][j]);
    }
  double N = 0, ties = 0;
  for (double t : column) N += t, ties += t * t * t - t;
  for (double n : size)
    if (n <= 0) {
      r.reason = txt::reden_groep_zonder_waarnemingen();
      return r;
    }
  const double correction = 1 - ties / (N * N * N - N);
  if (correction <= 0) {
    r.reason = txt::reden_geen_spreiding_een_categorie();
    return r;
  }
  // Mid-ranks: answers in category j share the average of the ranks they take up.
  std::vector<double> rank(c);
  double below = 0;
  for (std::size_t j = 0; j < c; ++j) {
    rank[j] = below + (column[j] + 1) / 2;
    below += column[j];
  }
  double sum = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    double rank_sum = 0;
    for (std::size_t j = 0; j < c; ++j) rank_sum += static_cast<double>(groups[i][j]) * rank[j];
    sum += rank_sum * rank_sum / size[i];
  }
  r.computable = true;
  r.h = (12 / (N * (N + 1)) * sum - 3 * (N + 1)) / correction;
  r.df = static_cast<int>(groups.size()) - 1;
  r.p_value = boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double>(r.df), std::max(0.0, r.h)));
  return r;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
  const std::size_t m = p.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> out(m);
  double running = 1;
  for (std::size_t k = m; k-- > 0;) {
    const std::size_t i = order[k];
    running = std::min(running, p[i] * static_cast<double>(m) / static_cast<double>(k + 1));
    out[i] = std::min(1.0, running);
  }
  return out;
}

std::size_t bh_rejections(const std::vector<double>& adjusted, double alpha) {
  return static_cast<std::size_t>(std::count_if(adjusted.begin(), adjusted.end(), [&](double q) { return q <= alpha; }));
}

}  // namespace duiding::stats
