// Statistical inference against independent reference values. Most cases live in
// tests/spec/stats/*.txt: each case is a `### title`, a ```call block with one call line
// and a plain ``` block with `key value [±tolerance]` lines. The expected values come
// from SciPy/statsmodels or from the publications named in each case's `source:` lines
// (tests/spec/stats/generate.py wrote them); this test never runs Python.
#include "stats/change_tests.h"
#include "stats/inference.h"
#include "stats/once.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace duiding::stats;
namespace fs = std::filesystem;

struct SpecCase {
  std::string title;
  int line = 0;
  std::string call;
  std::vector<std::string> expected;
};

std::vector<SpecCase> read_spec(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<SpecCase> cases;
  std::string line;
  int number = 0;
  enum { kText, kCall, kExpected } state = kText;
  bool have_call = false;
  while (std::getline(in, line)) {
    ++number;
    if (state == kText) {
      if (line.rfind("### ", 0) == 0) {
        cases.push_back({line.substr(4), number, "", {}});
        have_call = false;
      } else if (line == "```call" && !cases.empty()) {
        state = kCall;
      } else if (line == "```" && have_call) {
        state = kExpected;
      }
    } else if (line == "```") {
      have_call = state == kCall;
      state = kText;
    } else if (state == kCall) {
      cases.back().call += line;
    } else {
      cases.back().expected.push_back(line);
    }
  }
  return cases;
}

// A call line: the function name, positional numbers and `key=value` options.
struct Call {
  std::string name;
  std::vector<std::string> args;
  std::map<std::string, std::string> options;

  explicit Call(const std::string& line) {
    std::istringstream in(line);
    in >> name;
    std::string word;
    while (in >> word) {
      auto eq = word.find('=');
      if (eq == std::string::npos) args.push_back(word);
      else options[word.substr(0, eq)] = word.substr(eq + 1);
    }
  }
  long arg(std::size_t i) const { return std::stol(args.at(i)); }
  std::optional<long> population(const std::string& key) const {
    auto it = options.find(key);
    if (it == options.end()) return std::nullopt;
    return std::stol(it->second);
  }
};

using Results = std::map<std::string, std::string>;

std::string num(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

void put_chi(Results& r, const ChiSquareResult& c) {
  r["computable"] = c.computable ? "yes" : "no";
  if (!c.computable) {
    r["reason"] = c.reason;
    return;
  }
  r["statistic"] = num(c.statistic);
  r["df"] = std::to_string(c.df);
  r["p"] = num(c.p_value);
  r["small_expected"] = c.small_expected ? "yes" : "no";
  if (c.cramers_v) r["cramers_v"] = num(*c.cramers_v);
  if (c.alternative_p) {
    r["alternative_method"] = c.alternative_method;
    r["alternative_p"] = num(*c.alternative_p);
  }
}

Results run(const std::string& line) {
  Call call(line);
  Results r;
  if (call.name == "wilson") {
    ShareEstimate e = wilson(call.arg(0), call.arg(1), call.population("population"));
    r["computable"] = e.computable ? "yes" : "no";
    r["reason"] = e.reason;
    if (e.computable) {
      r["share"] = num(e.share);
      r["low"] = num(e.ci.low);
      r["high"] = num(e.ci.high);
      r["fpc"] = e.fpc ? num(*e.fpc) : "none";
    }
  } else if (call.name == "margin") {
    double p = call.options.count("p") ? std::stod(call.options.at("p")) : 0.5;
    auto m = margin_of_error(call.arg(0), call.population("population"), p);
    r["computable"] = m ? "yes" : "no";
    if (m) {
      r["margin"] = num(*m);
      r["margin_rounded_percent"] = num(std::round(*m * 100));
    }
  } else if (call.name == "newcombe") {
    DifferenceEstimate d = newcombe(call.arg(0), call.arg(1), call.population("population1"), call.arg(2),
                                    call.arg(3), call.population("population2"));
    r["computable"] = d.computable ? "yes" : "no";
    r["reason"] = d.reason;
    if (d.computable) {
      r["difference"] = num(d.difference);
      r["low"] = num(d.ci.low);
      r["high"] = num(d.ci.high);
    }
  } else if (call.name == "ztest") {
    TestResult t = two_proportion_z(call.arg(0), call.arg(1), call.population("population1"), call.arg(2),
                                    call.arg(3), call.population("population2"));
    r["computable"] = t.computable ? "yes" : "no";
    r["reason"] = t.reason;
    if (t.computable) {
      r["z"] = num(*t.statistic);
      r["p"] = num(t.p_value);
    }
  } else if (call.name == "fisher") {
    TestResult t = fisher_exact(call.arg(0), call.arg(1), call.arg(2), call.arg(3));
    r["computable"] = t.computable ? "yes" : "no";
    r["p"] = num(t.p_value);
    r["odds_ratio"] = t.statistic ? num(*t.statistic) : "none";
  } else if (call.name == "table") {
    std::vector<std::vector<long>> table(1);
    for (const auto& a : call.args) {
      if (a == "/") table.emplace_back();
      else table.back().push_back(std::stol(a));
    }
    put_chi(r, chi_square_table(table));
  } else if (call.name == "fit") {
    std::vector<long> observed;
    std::vector<double> proportions;
    bool after = false;
    for (const auto& a : call.args) {
      if (a == ":") after = true;
      else if (after) proportions.push_back(std::stod(a));
      else observed.push_back(std::stol(a));
    }
    put_chi(r, chi_square_goodness_of_fit(observed, proportions));
  } else if (call.name == "score") {
    double level = call.options.count("level") ? std::stod(call.options.at("level")) : kConfidence;
    ScoreChange c = score_change(call.arg(0), call.arg(1), call.arg(2), call.arg(3), level);
    r["computable"] = c.difference.computable ? "yes" : "no";
    if (c.difference.computable) {
      r["difference"] = num(c.difference.difference);
      r["low"] = num(c.difference.ci.low);
      r["high"] = num(c.difference.ci.high);
    }
    r["test"] = c.test.computable ? "yes" : "no";
    if (c.test.computable) {
      r["z"] = num(*c.test.statistic);
      r["p"] = num(c.test.p_value);
    }
  } else if (call.name == "hypergeom") {
    ExactShare e = hypergeometric_interval(call.arg(0), call.arg(1), call.arg(2));
    r["computable"] = e.computable ? "yes" : "no";
    if (e.computable) {
      r["low_count"] = std::to_string(e.low_count);
      r["high_count"] = std::to_string(e.high_count);
      r["low"] = num(e.ci.low);
      r["high"] = num(e.ci.high);
    }
  } else if (call.name == "ordinal") {
    std::vector<long> a, b;
    bool after = false;
    for (const auto& x : call.args) {
      if (x == "/") after = true;
      else (after ? b : a).push_back(std::stol(x));
    }
    OrdinalResult o = mann_whitney(a, b);
    r["computable"] = o.computable ? "yes" : "no";
    if (o.computable) {
      r["u"] = num(o.u);
      r["p"] = num(o.p_value);
      r["superiority"] = num(o.superiority);
    }
  } else if (call.name == "bh") {
    std::vector<double> ps;
    for (const auto& x : call.args) ps.push_back(std::stod(x));
    auto adjusted = benjamini_hochberg(ps);
    for (std::size_t i = 0; i < adjusted.size(); ++i) r["adjusted" + std::to_string(i + 1)] = num(adjusted[i]);
    r["rejections"] = std::to_string(bh_rejections(adjusted));
  } else if (call.name == "step") {
    SeriesStep s = series_step(std::stod(call.args.at(0)), std::stod(call.args.at(1)));
    r["absolute"] = num(s.absolute);
    r["relative"] = s.relative ? num(*s.relative) : "none";
    if (s.relative) r["relative_rounded_percent"] = num(std::round(*s.relative * 100));
  } else {
    FAIL("unknown call '" << call.name << "'");
  }
  for (const auto& [key, value] : r) {
    // Never NaN or infinity in a result that is shown or published.
    if (value == "nan" || value == "-nan" || value == "inf" || value == "-inf") FAIL(key << " is " << value);
  }
  return r;
}

bool parses_as_number(const std::string& s, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

void check_case(const SpecCase& c) {
  INFO(c.title << " (line " << c.line << "): " << c.call);
  Results got = run(c.call);
  for (const std::string& line : c.expected) {
    std::string key = line.substr(0, line.find(' '));
    std::string rest = line.substr(key.size() + 1);
    double tolerance = 1e-6;
    if (auto pm = rest.find(" ±"); pm != std::string::npos) {
      tolerance = std::stod(rest.substr(pm + std::string(" ±").size()));
      rest = rest.substr(0, pm);
    }
    INFO("expected " << key << " " << rest);
    REQUIRE(got.count(key) == 1);
    double want = 0, have = 0;
    if (parses_as_number(rest, want) && parses_as_number(got[key], have)) {
      INFO("got " << got[key]);
      CHECK(std::fabs(have - want) <= tolerance);
    } else {
      CHECK(got[key] == rest);
    }
  }
}

void run_spec(const std::string& file, std::size_t at_least) {
  auto cases = read_spec(fs::path(DUIDING_TEST_DATA) / "spec" / "stats" / file);
  REQUIRE(cases.size() >= at_least);
  for (const auto& c : cases) check_case(c);
}

}  // namespace

TEST_CASE("shares and their Wilson intervals match statsmodels and Newcombe 1998a", "[inference][spec]") {
  run_spec("shares.txt", 25);
}

TEST_CASE("differences, z-tests and Fisher's test match statsmodels, SciPy and Newcombe 1998b",
          "[inference][spec]") {
  run_spec("differences.txt", 25);
}

TEST_CASE("chi-square tests match SciPy; simulated p-values lie near exact ones", "[inference][spec]") {
  run_spec("chi_square.txt", 16);
}

TEST_CASE("score changes, exact finite-population intervals, ordinal tests and adjusted p-values match statsmodels and SciPy",
          "[inference][spec]") {
  run_spec("change_tests.txt", 28);
}

TEST_CASE("a change's score test and its interval never disagree", "[inference]") {
  // Every table of two small rounds: the interval excludes 0 exactly when p < 0.05.
  for (long n1 = 1; n1 <= 25; n1 += 3)
    for (long n2 = 1; n2 <= 25; n2 += 4)
      for (long x1 = 0; x1 <= n1; ++x1)
        for (long x2 = 0; x2 <= n2; ++x2) {
          ScoreChange c = score_change(x1, n1, x2, n2);
          if (!c.test.computable) continue;
          INFO(x1 << "/" << n1 << " - " << x2 << "/" << n2 << ": p = " << c.test.p_value);
          bool excludes = c.difference.ci.low > 0 || c.difference.ci.high < 0;
          CHECK(excludes == (c.test.p_value < 0.05));
        }
}

TEST_CASE("an exact interval of a finite population never ends above what is possible", "[inference]") {
  // Issue 9: Wilson with the correction for 56 of 64 out of 71 ended above 63/71.
  ExactShare e = hypergeometric_interval(56, 64, 71);
  REQUIRE(e.computable);
  CHECK(e.high_count <= 63);
  CHECK(e.low_count >= 56);
  CHECK(e.ci.high <= 63.0 / 71.0);
}

TEST_CASE("series steps give absolute and relative change", "[inference][spec]") { run_spec("series.txt", 4); }

TEST_CASE("the report's margin of error: 75 of 465 trajectories give about 10 percent", "[inference]") {
  auto m = margin_of_error(75, 465);
  REQUIRE(m);
  CHECK(std::round(*m * 100) == 10);
  // Without the finite-population correction it would be 11 percent.
  CHECK(std::round(*margin_of_error(75, std::nullopt) * 100) == 11);
}

TEST_CASE("a simulated p-value lies near the exact permutation p-value, the same in every run", "[inference]") {
  std::vector<std::vector<long>> table{{1, 2, 0, 3}, {2, 0, 3, 1}, {0, 2, 1, 1}};
  ChiSquareResult a = chi_square_table(table);
  REQUIRE(a.alternative_p);
  CHECK(a.simulations == kSimulations);
  // The exact p-value, P(X² ≥ 8.2444) over all tables with these margins: 0.262309,
  // from a full enumeration of the 3×4 tables with row sums 6, 6, 4 and column sums
  // 3, 4, 4, 5 weighted by their multivariate hypergeometric probability (Python, exact
  // factorials). 20,000 simulations have a standard error of √(p(1−p)/20000) = 0.0031;
  // the Monte-Carlo p-value must lie within four of them.
  CHECK(a.statistic == Approx(8.244444).epsilon(1e-6));
  CHECK(std::fabs(*a.alternative_p - 0.262309) < 4 * 0.0031);
  // Fixed seed: the same p-value in every run (the site is byte-identical between builds).
  CHECK(*chi_square_table(table).alternative_p == *a.alternative_p);
}

TEST_CASE("a table with the same margins but other cells gets its own simulated p-value", "[inference]") {
  // Both tables have row sums 6, 6, 4 and column sums 3, 4, 4, 5; the second puts the
  // first column in one row, further from independence.
  const ChiSquareResult a = chi_square_table({{1, 2, 0, 3}, {2, 0, 3, 1}, {0, 2, 1, 1}});
  const ChiSquareResult b = chi_square_table({{3, 0, 0, 3}, {0, 2, 3, 1}, {0, 2, 1, 1}});
  REQUIRE(a.alternative_p);
  REQUIRE(b.alternative_p);
  CHECK(b.statistic > a.statistic);
  CHECK(*b.alternative_p < *a.alternative_p);
  // Asked again, each gets its own back.
  CHECK(*chi_square_table({{3, 0, 0, 3}, {0, 2, 3, 1}, {0, 2, 1, 1}}).alternative_p == *b.alternative_p);
  CHECK(*chi_square_table({{1, 2, 0, 3}, {2, 0, 3, 1}, {0, 2, 1, 1}}).alternative_p == *a.alternative_p);
}

TEST_CASE("a result kept once per process is computed once per key, also on several threads", "[inference]") {
  struct Tag {
    long value;
  };
  std::atomic<int> computed = 0;
  auto twice = [&](std::int64_t x) {
    return once<Tag>({991, x}, [&] {
      ++computed;
      return Tag{2 * x};
    });
  };
  CHECK(twice(21).value == 42);
  CHECK(twice(21).value == 42);
  CHECK(twice(-4).value == -8);
  CHECK(computed == 2);
  std::vector<std::thread> threads;
  std::atomic<int> wrong = 0;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (std::int64_t x = 0; x < 200; ++x) wrong += twice(x).value != 2 * x;
    });
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);
  // 21 was known; the other 199 keys from 0 to 199 are new. Two threads may both compute
  // a new key, never a known one.
  CHECK(computed >= 2 + 199);
  const int after = computed;
  for (std::int64_t x = 0; x < 200; ++x) twice(x);
  CHECK(computed == after);
  CHECK(key_bits(0.1 + 0.2) != key_bits(0.3));
  CHECK(key_bits(0.5) == key_bits(1.0 / 2));
}

TEST_CASE("the generator gives the SplitMix64 reference sequence", "[inference]") {
  // First outputs for seed 1234567 of the reference splitmix64.c, as listed on Rosetta
  // Code, "Pseudo-random numbers/Splitmix64".
  SplitMix64 rng(1234567);
  CHECK(rng.next() == 6457827717110365317ULL);
  CHECK(rng.next() == 3203168211198807973ULL);
  CHECK(rng.next() == 9817491932198370423ULL);
}

TEST_CASE("draws below a bound stay below it and reach every value", "[inference]") {
  SplitMix64 rng(kSeed);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    auto x = rng.below(7);
    CHECK(x < 7);
    seen.insert(x);
  }
  CHECK(seen.size() == 7);
  for (int i = 0; i < 1000; ++i) {
    double u = rng.unit();
    CHECK(u >= 0);
    CHECK(u < 1);
  }
}

TEST_CASE("nothing computed from no observations claims a value", "[inference]") {
  CHECK_FALSE(wilson(0, 0).computable);
  CHECK_FALSE(newcombe(1, 2, std::nullopt, 0, 0, std::nullopt).computable);
  CHECK_FALSE(two_proportion_z(0, 0, std::nullopt, 1, 2, std::nullopt).computable);
  CHECK_FALSE(chi_square_table({}).computable);
  CHECK_FALSE(chi_square_goodness_of_fit({}, {}).computable);
  CHECK_FALSE(margin_of_error(0, 10));
}

// Reference: SciPy 1.10.1 (Debian python3-scipy), scipy.stats.kruskal on the answers
// expanded to their ordered categories 1..5:
//   [[3,5,10,12,6],[8,9,7,5,2],[2,4,6,9,11]] -> H = 14.754390586, p = 0.000625352359
//   [[4,6,12,9],[10,8,7,3]] -> H = 6.855607590, p = 0.008836350289, the same p as
//   mannwhitneyu(second, first, use_continuity=False, method="asymptotic")
TEST_CASE("Kruskal-Wallis with ties matches SciPy, and with two groups Mann-Whitney's p", "[inference][ordinal]") {
  using namespace duiding::stats;
  KruskalResult three = kruskal_wallis({{3, 5, 10, 12, 6}, {8, 9, 7, 5, 2}, {2, 4, 6, 9, 11}});
  REQUIRE(three.computable);
  CHECK(three.h == Approx(14.754390586).margin(1e-8));
  CHECK(three.df == 2);
  CHECK(three.p_value == Approx(0.000625352359).margin(1e-11));
  KruskalResult two = kruskal_wallis({{4, 6, 12, 9}, {10, 8, 7, 3}});
  REQUIRE(two.computable);
  CHECK(two.h == Approx(6.855607590).margin(1e-8));
  CHECK(two.p_value == Approx(0.008836350289).margin(1e-11));
  CHECK(two.p_value == Approx(mann_whitney({4, 6, 12, 9}, {10, 8, 7, 3}).p_value).margin(1e-12));
}

TEST_CASE("Kruskal-Wallis is not computed without spread or without a second group", "[inference][ordinal]") {
  using namespace duiding::stats;
  CHECK_FALSE(kruskal_wallis({{0, 7, 0}, {0, 5, 0}}).computable);
  CHECK_FALSE(kruskal_wallis({{1, 2, 3}}).computable);
  CHECK_FALSE(kruskal_wallis({{1, 2, 3}, {0, 0, 0}}).computable);
}
