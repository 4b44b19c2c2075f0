// Comparisons of an indicator: which tests are claimed, from which counts, and the
// verdicts. Reference numbers come from statsmodels/SciPy on the same counts, e.g.
//   statsmodels.stats.proportion.proportions_ztest([170, 140], [200, 200]) -> z = 3.592106;
//     the Miettinen-Nurminen score z is that times sqrt(399/400) = 3.587613, p = 0.000333719
//   numeric_score_interval(170, 200, 140, 200, 0.95) of tests/spec/stats/generate.py
//     (numeric likelihood maximum, scipy brentq) -> (0.068933254, 0.230619064)
//   scipy.stats.chi2_contingency([[20, 40, 60], [30, 30, 40]], correction=False)
//     -> X2 = 5.657143, p = 0.059097, df = 2
//   scipy.stats.kruskal on the answers expanded to ranks 1..3 of the rows [20, 40, 60] and
//     [30, 30, 40] (SciPy 1.10.1, Debian python3-scipy) -> H = 4.251176471, p = 0.039223150
#include "stats/compare.h"

#include <catch2/catch.hpp>

#include <deque>
#include <tuple>

namespace {

using namespace duiding;
using Catch::Detail::Approx;
using stats::Verdict;

struct Fixture {
  model::Model m;
  std::deque<model::Value> store;
  std::vector<const model::Value*> values;
  model::Indicator ind;

  Fixture() {
    m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
    m.rounds = {{"2023", "Meting 2023", "", "", ""}, {"2024", "Meting 2024", "", "", ""}};
    ind.id = "tevredenheid";
    ind.title = "Tevredenheid";
    ind.type = model::IndicatorType::kLikert;
    ind.unit = "percent";
    ind.groups = {"gezinnen", "medewerkers"};
    ind.categories = {{"a", "Slecht"}, {"b", "Matig"}, {"c", "Goed"}, {"d", "Zeer goed"}};
    ind.positive = {"c", "d"};
  }
  void add(const std::string& round, const std::string& group, const std::string& category, double v,
           const std::string& measure = "value", const std::string& breakdown = "") {
    model::Value value;
    value.round = round;
    value.indicator = ind.id;
    value.group = group;
    value.category = category;
    value.value = v;
    value.measure = measure;
    value.breakdown = breakdown;
    store.push_back(value);
    values.push_back(&store.back());
  }
  void answers(const std::string& round, const std::string& group, std::vector<double> v,
               const std::string& breakdown = "") {
    const char* cats[] = {"a", "b", "c", "d"};
    for (std::size_t i = 0; i < v.size(); ++i) add(round, group, cats[i], v[i], "value", breakdown);
  }
  stats::Comparison run() { return stats::compare(m, ind, values); }
};

const stats::ShareComparison* group(const stats::Comparison& c, const std::string& g) {
  for (const auto& s : c.shares)
    if (s.group == g) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("a clear rise between two rounds of 200 is significantly higher", "[compare]") {
  Fixture f;
  f.m.samples = {{"2023", "gezinnen", 200, std::nullopt}, {"2024", "gezinnen", 200, std::nullopt}};
  f.answers("2023", "gezinnen", {10, 20, 40, 30});  // 70 % positive: 140 of 200
  f.answers("2024", "gezinnen", {5, 10, 45, 40});   // 85 %: 170 of 200
  auto c = f.run();
  const auto* g = group(c, "gezinnen");
  REQUIRE(g);
  REQUIRE(g->changes.size() == 1);
  const auto& ch = g->changes[0];
  CHECK(ch.points == Approx(15));
  REQUIRE(ch.test);
  CHECK(ch.test->method == "score");
  CHECK(*ch.test->statistic == Approx(3.5876130981).margin(1e-6));
  CHECK(ch.test->p_value == Approx(0.000333718993).margin(1e-6));
  CHECK(ch.difference->ci.low == Approx(0.06893325431).margin(1e-6));
  CHECK(ch.difference->ci.high == Approx(0.23061906419).margin(1e-6));
  CHECK(ch.verdict == Verdict::kHigher);
  CHECK(std::string(stats::verdict_text(ch.verdict)) == "significant hoger");
}

TEST_CASE("a small rise between two rounds of 200 is no significant difference", "[compare]") {
  Fixture f;
  f.m.samples = {{"2023", "gezinnen", 200, std::nullopt}, {"2024", "gezinnen", 200, std::nullopt}};
  f.answers("2023", "gezinnen", {10, 20, 40, 30});  // 140 of 200
  f.answers("2024", "gezinnen", {10, 15, 40, 35});  // 150 of 200
  auto c = f.run();
  const auto& ch = group(c, "gezinnen")->changes.at(0);
  // proportions_ztest([150, 140], [200, 200]) z times sqrt(399/400); 2 * norm.sf(|z|)
  CHECK(ch.test->p_value == Approx(0.2634028478).margin(1e-6));
  CHECK(ch.verdict == Verdict::kNoDifference);
}

TEST_CASE("a fall is significantly lower", "[compare]") {
  Fixture f;
  f.m.samples = {{"2023", "gezinnen", 200, std::nullopt}, {"2024", "gezinnen", 200, std::nullopt}};
  f.answers("2023", "gezinnen", {5, 10, 45, 40});
  f.answers("2024", "gezinnen", {10, 20, 40, 30});
  CHECK(group(f.run(), "gezinnen")->changes.at(0).verdict == Verdict::kLower);
}

TEST_CASE("a round with n = 3 gets too few observations, not a verdict", "[compare]") {
  Fixture f;
  f.m.samples = {{"2023", "medewerkers", 3, 61}, {"2024", "medewerkers", 58, 66}};
  f.answers("2023", "medewerkers", {0, 33.3, 66.7, 0});
  f.answers("2024", "medewerkers", {1.7, 12.1, 63.8, 22.4});
  auto c = f.run();
  const auto& ch = group(c, "medewerkers")->changes.at(0);
  CHECK(ch.verdict == Verdict::kTooFew);
  CHECK(std::string(stats::verdict_text(ch.verdict)) == "te weinig waarnemingen om te vergelijken");
  CHECK(ch.reason == "Meting 2023 heeft 3 waarnemingen, minder dan 5");
  CHECK_FALSE(ch.test);
  // The share of the small round still has its (wide) interval: 2 of 3.
  const auto& r = group(c, "medewerkers")->rounds.at(0);
  REQUIRE(r.estimate);
  CHECK(r.estimate->x == 2);
  // The distribution test between the rounds is not claimed either.
  REQUIRE(c.tables.size() == 1);
  CHECK_FALSE(c.tables[0].tested);
}

TEST_CASE("percentages without a known n are not turned into counts and not tested", "[compare]") {
  Fixture f;
  f.answers("2023", "gezinnen", {10, 20, 40, 30});
  f.answers("2024", "gezinnen", {5, 10, 45, 40});
  auto c = f.run();
  const auto& ch = group(c, "gezinnen")->changes.at(0);
  CHECK(ch.verdict == Verdict::kNotTested);
  CHECK(ch.points == Approx(15));
  CHECK_FALSE(ch.difference);
  CHECK_FALSE(group(c, "gezinnen")->rounds[0].estimate);
  CHECK_FALSE(c.tables.at(0).tested);
}

TEST_CASE("a measure n counts for the question it is given with", "[compare]") {
  Fixture f;
  f.answers("2023", "gezinnen", {10, 20, 40, 30});
  f.answers("2024", "gezinnen", {5, 10, 45, 40});
  f.add("2023", "gezinnen", "", 200, "n");
  f.add("2024", "gezinnen", "", 200, "n");
  CHECK(group(f.run(), "gezinnen")->changes.at(0).verdict == Verdict::kHigher);
}

TEST_CASE("one round only gives nothing to compare", "[compare]") {
  Fixture f;
  f.m.samples = {{"2024", "gezinnen", 200, std::nullopt}};
  f.answers("2024", "gezinnen", {5, 10, 45, 40});
  auto c = f.run();
  CHECK(c.shares.empty());
  CHECK(c.tables.empty());
  CHECK_FALSE(c.empty());  // it says why there is nothing to compare
}

TEST_CASE("a breakdown gets a chi-square test of independence with Cramér's V", "[compare]") {
  Fixture f;
  f.ind.categories = {{"a", "Slecht"}, {"b", "Matig"}, {"c", "Goed"}};
  f.add("2024", "gezinnen", "a", 20, "value", "leeftijd=jong");
  f.add("2024", "gezinnen", "b", 40, "value", "leeftijd=jong");
  f.add("2024", "gezinnen", "c", 60, "value", "leeftijd=jong");
  f.add("2024", "gezinnen", "", 120, "n", "leeftijd=jong");
  f.add("2024", "gezinnen", "a", 30, "value", "leeftijd=oud");
  f.add("2024", "gezinnen", "b", 30, "value", "leeftijd=oud");
  f.add("2024", "gezinnen", "c", 40, "value", "leeftijd=oud");
  f.add("2024", "gezinnen", "", 100, "n", "leeftijd=oud");
  f.ind.unit = "count";  // the values are counts: the table is exactly them
  auto c = f.run();
  REQUIRE(c.tables.size() == 1);
  const auto& t = c.tables[0];
  CHECK(t.kind == stats::TableTest::Kind::kBreakdown);
  CHECK(t.dimension == "leeftijd");
  CHECK(t.row_labels == std::vector<std::string>{"jong", "oud"});
  REQUIRE(t.tested);
  CHECK(t.result.statistic == Approx(5.657142857).margin(1e-6));
  CHECK(t.result.df == 2);
  CHECK(t.result.p_value == Approx(0.05909721799).margin(1e-6));
  CHECK(*t.result.cramers_v == Approx(std::sqrt(5.657142857 / 220)).margin(1e-6));
  // The answers are ordered: Kruskal-Wallis is the main test, χ² stays beside it.
  REQUIRE(t.kruskal);
  CHECK(t.kruskal->h == Approx(4.251176471).margin(1e-6));
  CHECK(t.kruskal->df == 1);
  CHECK(t.kruskal->p_value == Approx(0.039223150).margin(1e-8));
  CHECK(t.main_p() == Approx(0.039223150).margin(1e-8));
}

TEST_CASE("a breakdown of unordered answers keeps chi-square as its main test", "[compare]") {
  Fixture f;
  f.ind.type = model::IndicatorType::kChoice;
  f.ind.unit = "count";
  f.ind.categories = {{"a", "Slecht"}, {"b", "Matig"}, {"c", "Goed"}};
  for (auto [cat, jong, oud] : {std::tuple{"a", 20, 30}, std::tuple{"b", 40, 30}, std::tuple{"c", 60, 40}}) {
    f.add("2024", "gezinnen", cat, jong, "value", "leeftijd=jong");
    f.add("2024", "gezinnen", cat, oud, "value", "leeftijd=oud");
  }
  auto c = f.run();
  REQUIRE(c.tables.size() == 1);
  REQUIRE(c.tables[0].tested);
  CHECK_FALSE(c.tables[0].kruskal);
  CHECK(c.tables[0].main_p() == Approx(0.05909721799).margin(1e-6));
}

TEST_CASE("a sample is tested against the reference group over the categories both give", "[compare]") {
  Fixture f;
  f.m.site.groups.push_back({"clienten", "Alle cliënten"});
  f.ind.type = model::IndicatorType::kChoice;
  f.ind.groups = {"gezinnen", "clienten"};
  f.ind.positive.clear();
  f.ind.reference_group = "clienten";
  f.ind.categories = {{"centrum", "Centrum"}, {"oost", "Oost"}, {"oude-wijken", "Oude wijken"},
                      {"west", "West"},       {"zuid", "Zuid"}, {"overig", "Overig"}};
  f.m.rounds = {{"2024", "Meting 2024", "", "", ""}};
  f.m.samples = {{"2024", "gezinnen", 100, 465}};
  for (auto [cat, v] : {std::pair{"oost", 31.0}, {"west", 27.0}, {"zuid", 18.0}, {"oude-wijken", 17.0}})
    f.add("2024", "gezinnen", cat, v);
  for (auto [cat, v] : {std::pair{"centrum", 1.0}, {"oost", 29.0}, {"oude-wijken", 15.0}, {"west", 33.0},
                        {"zuid", 18.0}, {"overig", 3.0}})
    f.add("2024", "clienten", cat, v);
  auto c = f.run();
  REQUIRE(c.fits.size() == 1);
  const auto& fit = c.fits[0];
  REQUIRE(fit.tested);
  CHECK(fit.left_out == std::vector<std::string>{"Centrum", "Overig"});
  CHECK(fit.observed == std::vector<long>{31, 17, 27, 18});
  // scipy.stats.chisquare([31, 27, 18, 17], [93 * p / 95 for p in [29, 33, 18, 15]])
  CHECK(fit.result.statistic == Approx(1.484657476).margin(1e-6));
  CHECK(fit.result.p_value == Approx(0.6858158772).margin(1e-6));
  CHECK(fit.result.df == 3);
  // Self-selected (no design given): no finite-population correction.
  // scipy.stats.norm.ppf(0.975) * math.sqrt(0.25 / 100)
  CHECK(*fit.margin == Approx(0.0979981992).margin(1e-6));
}

TEST_CASE("a series gets its change per year and over the whole period", "[compare]") {
  Fixture f;
  f.ind.type = model::IndicatorType::kSeries;
  f.ind.unit = "eur";
  f.ind.groups = {};
  f.add("2022", "", "", 75e6);
  f.add("2023", "", "", 85e6);
  f.add("2024", "", "", 97e6);
  auto c = f.run();
  REQUIRE(c.series.size() == 3);
  CHECK(c.series[0].step.absolute == Approx(10e6));
  CHECK(c.series[2].whole_period);
  CHECK(*c.series[2].step.relative == Approx(22.0 / 75));
  CHECK(std::round(*c.series[2].step.relative * 100) == 29);  // the slides: +29 %
}

TEST_CASE("a multiple-choice question is not tested as one distribution", "[compare]") {
  Fixture f;
  f.ind.type = model::IndicatorType::kChoice;
  f.ind.multiple = true;
  f.ind.positive = {"a", "b"};
  f.m.samples = {{"2023", "gezinnen", 200, std::nullopt}, {"2024", "gezinnen", 200, std::nullopt}};
  f.answers("2023", "gezinnen", {50, 40, 30});
  f.answers("2024", "gezinnen", {55, 45, 20});
  auto c = f.run();
  CHECK(c.shares.empty());
  CHECK(c.tables.empty());
  CHECK(c.notes.size() == 2);
}

TEST_CASE("one round only says that a comparison waits for the next round", "[compare]") {
  Fixture f;
  f.answers("2024", "gezinnen", {5, 10, 45, 40});
  auto c = f.run();
  REQUIRE(c.notes.size() == 1);
  CHECK(c.notes[0].find("in één meting gesteld") != std::string::npos);
}
