// The stats stage: an indicator's values in, the numbers of each chart out. Expected
// shares are worked out by hand: share = count / base * 100, where the base is all
// answers (one answer each) or the respondents n (several answers possible).
#include "stats/summary.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <string>
#include <vector>

namespace {

using namespace duiding;
using model::IndicatorType;

struct Fixture {
  model::Model m;
  std::deque<model::Value> store;  // stable addresses
  std::vector<const model::Value*> values;

  Fixture() {
    m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
    m.rounds = {{"2023", "Impactmeting 2023", "", "", ""}, {"2024", "Impactmeting 2024", "", "", ""}};
  }
  void add(std::string round, std::string group, std::string category, double v, std::string measure = "value",
           std::string breakdown = "") {
    model::Value value;
    value.round = std::move(round);
    value.group = std::move(group);
    value.category = std::move(category);
    value.value = v;
    value.measure = std::move(measure);
    value.breakdown = std::move(breakdown);
    store.push_back(value);
    values.push_back(&store.back());
  }
  // Several values of one round and group: {category, value} pairs, measure "value".
  void add(const std::string& round, const std::string& group,
           std::initializer_list<std::pair<const char*, double>> values) {
    for (auto [category, v] : values) add(round, group, category, v);
  }
  stats::IndicatorSummary summarize(const model::Indicator& ind) {
    for (auto& v : store) v.indicator = ind.id;
    return stats::summarize(m, ind, values);
  }
};

model::Indicator make(IndicatorType type, std::string unit, std::vector<std::string> categories = {}) {
  model::Indicator ind;
  ind.id = "ind";
  ind.title = "Tevredenheid";
  ind.type = type;
  ind.unit = std::move(unit);
  ind.groups = {"gezinnen", "medewerkers"};
  for (auto& c : categories) ind.categories.push_back({c, "Label " + c});
  return ind;
}

std::vector<std::string> categories_of(const stats::ChartData& c) {
  std::vector<std::string> out;
  for (const auto& r : c.rows) out.push_back(r.category);
  return out;
}

}  // namespace

TEST_CASE("percentages of a likert question are their own shares, in category order", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"eens", 40}, {"oneens", 10}, {"neutraal", 50}});
  auto s = f.summarize(make(IndicatorType::kLikert, "percent", {"oneens", "neutraal", "eens"}));
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.kind == stats::ChartKind::kLikert);
  CHECK(c.id == "gezinnen");
  CHECK(c.round == "2024");
  CHECK(c.caption == "Gezinnen, Impactmeting 2024");
  CHECK(categories_of(c) == std::vector<std::string>{"oneens", "neutraal", "eens"});
  CHECK(c.rows[0].label == "Label oneens");
  CHECK(c.rows[0].round_label == "Impactmeting 2024");
  CHECK(*c.rows[0].share == Approx(10));
  CHECK(*c.rows[1].share == Approx(50));
  CHECK(*c.rows[2].share == Approx(40));
  CHECK(s.value_count == 3);
}

TEST_CASE("shares of a one-answer question are worked out from counts", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"oneens", 2}, {"neutraal", 3}, {"eens", 5}});
  auto s = f.summarize(make(IndicatorType::kLikert, "count", {"oneens", "neutraal", "eens"}));
  REQUIRE(s.charts.size() == 1);
  const auto& rows = s.charts[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value == Approx(2));
  CHECK(*rows[0].share == Approx(20));
  CHECK(*rows[1].share == Approx(30));
  CHECK(*rows[2].share == Approx(50));
}

TEST_CASE("mentions of a several-answer question stay counts without the question's own n", "[summary]") {
  // Issue 9: 93 mentions by 71 staff were shown as "Opvoeding 93 (131 %)".
  Fixture f;
  f.m.samples = {{"2024", "medewerkers", 71, std::nullopt}};
  f.add("2024", "medewerkers", {{"a", 93}, {"b", 65}});
  auto ind = make(IndicatorType::kChoice, "count", {"a", "b"});
  ind.groups = {"medewerkers"};
  ind.multiple = true;
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  for (const auto& r : s.charts[0].rows) CHECK_FALSE(r.share.has_value());
}

TEST_CASE("a several-answer count above the question's own n is no share of people", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"a", 41}, {"b", 30}});
  f.add("2024", "gezinnen", "", 40, "n");
  auto ind = make(IndicatorType::kChoice, "count", {"a", "b"});
  ind.multiple = true;
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  for (const auto& r : s.charts[0].rows) CHECK_FALSE(r.share.has_value());
}

TEST_CASE("shares of a several-answer question are of the respondents, from the question's n", "[summary]") {
  Fixture f;
  f.m.samples = {{"2024", "gezinnen", 40, std::nullopt}};
  f.add("2024", "gezinnen", {{"a", 10}, {"b", 30}});
  f.add("2024", "gezinnen", "", 40, "n");
  auto ind = make(IndicatorType::kChoice, "count", {"a", "b"});
  ind.multiple = true;
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.kind == stats::ChartKind::kChoice);
  CHECK(categories_of(c) == std::vector<std::string>{"b", "a"});  // largest first
  CHECK(*c.rows[0].share == Approx(75));
  CHECK(*c.rows[1].share == Approx(25));
  CHECK(c.n == std::vector<std::pair<std::string, long>>{{"Impactmeting 2024", 40}});
}

TEST_CASE("a measure n row is the base instead of the sample", "[summary]") {
  Fixture f;
  f.m.samples = {{"2024", "gezinnen", 40, std::nullopt}};
  f.add("2024", "gezinnen", "a", 10);
  f.add("2024", "gezinnen", "", 20, "n");
  auto ind = make(IndicatorType::kChoice, "count", {"a"});
  ind.multiple = true;
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  REQUIRE(s.charts[0].rows.size() == 1);
  CHECK(*s.charts[0].rows[0].share == Approx(50));
  CHECK(s.charts[0].n == std::vector<std::pair<std::string, long>>{{"Impactmeting 2024", 20}});
}

TEST_CASE("without a number of respondents a several-answer count has no share", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", "a", 10);
  auto ind = make(IndicatorType::kChoice, "count", {"a"});
  ind.multiple = true;
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  CHECK_FALSE(s.charts[0].rows[0].share.has_value());
  CHECK(s.charts[0].n.empty());
}

TEST_CASE("choice bars of several rounds are sorted by the last round's values", "[summary]") {
  Fixture f;
  f.add("2023", "gezinnen", {{"a", 60}, {"b", 40}});
  f.add("2024", "gezinnen", {{"a", 30}, {"b", 70}});
  auto s = f.summarize(make(IndicatorType::kChoice, "percent", {"a", "b"}));
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.round.empty());
  CHECK(c.caption == "Gezinnen");
  REQUIRE(c.rows.size() == 4);
  CHECK(c.rows[0].round == "2023");
  CHECK(c.rows[0].category == "b");
  CHECK(c.rows[1].category == "a");
  CHECK(c.rows[2].round == "2024");
  CHECK(c.rows[2].category == "b");
  CHECK(c.rows[3].category == "a");
}

TEST_CASE("there is one chart per group with values, then one for all respondents", "[summary]") {
  Fixture f;
  f.add("2024", "", "a", 10);
  f.add("2024", "medewerkers", "a", 20);
  f.add("2024", "gezinnen", "a", 30);
  auto s = f.summarize(make(IndicatorType::kChoice, "percent", {"a"}));
  REQUIRE(s.charts.size() == 3);
  CHECK(s.charts[0].id == "gezinnen");
  CHECK(s.charts[1].id == "medewerkers");
  CHECK(s.charts[2].id == "alle");
  CHECK(s.charts[2].caption == "Alle respondenten, Impactmeting 2024");
  CHECK(s.charts[2].rows[0].value == Approx(10));
}

TEST_CASE("a breakdown gets its own chart per dimension and round", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", "eens", 70);
  f.add("2024", "gezinnen", "eens", 60, "value", "leeftijd=<12");
  f.add("2024", "gezinnen", "oneens", 40, "value", "leeftijd=<12");
  f.add("2024", "gezinnen", "eens", 80, "value", "leeftijd=12+");
  auto s = f.summarize(make(IndicatorType::kLikert, "percent", {"oneens", "eens"}));
  REQUIRE(s.charts.size() == 2);
  CHECK(s.charts[0].id == "gezinnen");
  // Oneens is not given overall nor for 12+: a row that is not given keeps its place.
  REQUIRE(s.charts[0].rows.size() == 2);
  CHECK_FALSE(s.charts[0].rows[0].given);
  CHECK(s.charts[0].rows[1].given);
  const auto& b = s.charts[1];
  CHECK(b.id == "gezinnen-leeftijd-2024");
  CHECK(b.dimension == "leeftijd");
  CHECK(b.caption == "Gezinnen, naar leeftijd, Impactmeting 2024");
  REQUIRE(b.rows.size() == 4);
  CHECK(b.rows[0].breakdown == "<12");
  CHECK(b.rows[0].category == "oneens");
  CHECK(b.rows[0].given);
  CHECK(b.rows[1].breakdown == "<12");
  CHECK(b.rows[2].breakdown == "12+");
  CHECK(b.rows[2].category == "oneens");
  CHECK_FALSE(b.rows[2].given);
  CHECK(b.rows[3].breakdown == "12+");
}

TEST_CASE("a headline sums the positive shares of the current round", "[summary][headline]") {
  Fixture f;
  f.m.samples = {{"2024", "gezinnen", 240, std::nullopt}};
  f.add("2023", "gezinnen", {{"eens", 10}, {"zeer-eens", 10}});
  f.add("2024", "gezinnen", {{"zeer-oneens", 4}, {"oneens", 4}, {"neutraal", 8}, {"eens", 46}, {"zeer-eens", 38}});
  auto ind = make(IndicatorType::kLikert, "percent", {"zeer-oneens", "oneens", "neutraal", "eens", "zeer-eens"});
  ind.positive = {"eens", "zeer-eens"};
  ind.headline = "is tevreden";
  auto s = f.summarize(ind);
  REQUIRE(s.headlines.size() == 1);
  CHECK(s.headlines[0].group == "gezinnen");
  CHECK(s.headlines[0].round == "2024");
  CHECK(s.headlines[0].percent == Approx(84));
  CHECK(s.headlines[0].n == 240);
  CHECK_FALSE(s.headlines[0].summed_multiple);
}

TEST_CASE("a headline from counts uses the shares worked out from them", "[summary][headline]") {
  Fixture f;
  f.add("2024", "medewerkers", {{"nee", 15}, {"ja", 45}});
  auto ind = make(IndicatorType::kChoice, "count", {"ja", "nee"});
  ind.positive = {"ja"};
  ind.headline = "zegt ja";
  auto s = f.summarize(ind);
  REQUIRE(s.headlines.size() == 1);
  CHECK(s.headlines[0].percent == Approx(75));
  CHECK_FALSE(s.headlines[0].n.has_value());
}

TEST_CASE("a headline over several answers of a several-answer question says it is a sum", "[summary][headline]") {
  Fixture f;
  f.m.samples = {{"2024", "gezinnen", 40, std::nullopt}};
  f.add("2024", "gezinnen", {{"a", 10}, {"b", 30}});
  f.add("2024", "gezinnen", "", 40, "n");
  auto ind = make(IndicatorType::kChoice, "count", {"a", "b"});
  ind.multiple = true;
  ind.positive = {"a", "b"};
  ind.headline = "kreeg hulp";
  auto s = f.summarize(ind);
  REQUIRE(s.headlines.size() == 1);
  CHECK(s.headlines[0].percent == Approx(100));
  CHECK(s.headlines[0].summed_multiple);
}

TEST_CASE("no headline is claimed without a text or without a base for the counts", "[summary][headline]") {
  Fixture f;
  f.add("2024", "gezinnen", "a", 10);
  auto ind = make(IndicatorType::kChoice, "count", {"a"});
  ind.positive = {"a"};
  CHECK(f.summarize(ind).headlines.empty());  // no headline text
  ind.headline = "koos a";
  ind.multiple = true;  // and no n anywhere
  CHECK(f.summarize(ind).headlines.empty());
}

TEST_CASE("a triad's mean is the given corner values as shares", "[summary][triad]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"c", 50}, {"a", 20}, {"b", 30}});
  auto ind = make(IndicatorType::kTriad, "percent");
  ind.corners = {"Ik", "Wij", "Zij"};
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.kind == stats::ChartKind::kTriad);
  CHECK(c.id == "gezinnen-2024");
  REQUIRE(c.triad_mean);
  CHECK((*c.triad_mean)[0] == Approx(0.2));
  CHECK((*c.triad_mean)[1] == Approx(0.3));
  CHECK((*c.triad_mean)[2] == Approx(0.5));
  CHECK_FALSE(c.triad_mean_computed);
  REQUIRE(c.rows.size() == 3);
  CHECK(c.rows[0].label == "Ik");
  CHECK(c.rows[2].label == "Zij");
}

TEST_CASE("a triad without corner values takes the mean of its points", "[summary][triad]") {
  Fixture f;
  f.m.points = {{"2024", "ind", "gezinnen", 0.2, 0.3, 0.5}, {"2024", "ind", "gezinnen", 0.4, 0.4, 0.2},
                {"2024", "ind", "medewerkers", 1, 0, 0}, {"2024", "ander", "gezinnen", 0, 0, 1}};
  auto ind = make(IndicatorType::kTriad, "percent");
  ind.corners = {"Ik", "Wij", "Zij"};
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 2);  // gezinnen and medewerkers, from their points alone
  const auto& c = s.charts[0];
  CHECK(c.points.size() == 2);
  REQUIRE(c.triad_mean);
  CHECK((*c.triad_mean)[0] == Approx(0.3));
  CHECK((*c.triad_mean)[1] == Approx(0.35));
  CHECK((*c.triad_mean)[2] == Approx(0.35));
  CHECK(c.triad_mean_computed);
}

TEST_CASE("a scale's bins are in numeric order and its mean is kept apart", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"100", 9}, {"0", 1}, {"20", 3}, {"10", 2}});
  f.add("2024", "gezinnen", "", 62, "mean");
  auto s = f.summarize(make(IndicatorType::kScale, "percent"));
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.kind == stats::ChartKind::kHistogram);
  CHECK(c.id == "gezinnen-2024");
  CHECK(categories_of(c) == std::vector<std::string>{"0", "10", "20", "100"});
  REQUIRE(c.mean);
  CHECK(*c.mean == Approx(62));
}

TEST_CASE("aspects with all three measures are a scatter, with counts only bars", "[summary]") {
  auto ind = make(IndicatorType::kAspects, "count", {"tijd", "geld"});
  Fixture full;
  for (const char* cat : {"geld", "tijd"}) {
    full.add("2024", "gezinnen", cat, 5, "count");
    full.add("2024", "gezinnen", cat, 4, "importance");
    full.add("2024", "gezinnen", cat, 3, "experience");
  }
  auto s = full.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  CHECK(s.charts[0].kind == stats::ChartKind::kScatter);
  CHECK(s.charts[0].rows.size() == 6);
  CHECK(s.charts[0].rows.front().category == "tijd");  // category order

  Fixture counts;
  counts.add("2024", "gezinnen", "tijd", 5, "count");
  counts.add("2024", "gezinnen", "geld", 12, "count");
  counts.add("2024", "gezinnen", "geld", 4, "importance");
  auto b = counts.summarize(ind);
  REQUIRE(b.charts.size() == 1);
  CHECK(b.charts[0].kind == stats::ChartKind::kCountBars);
  CHECK(categories_of(b.charts[0]) == std::vector<std::string>{"geld", "tijd"});  // largest first
}

TEST_CASE("a series is one line in year order", "[summary]") {
  Fixture f;
  f.add("2021", "", "", 3);
  f.add("2019", "", "", 1);
  f.add("2020", "", "", 2);
  auto ind = make(IndicatorType::kSeries, "eur");
  ind.title = "Kosten jeugdhulp";
  ind.groups = {};
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  const auto& c = s.charts[0];
  CHECK(c.kind == stats::ChartKind::kSeries);
  CHECK(c.id == "reeks");
  CHECK(c.caption == "Per jaar");
  REQUIRE(c.rows.size() == 3);
  CHECK(c.rows[0].round == "2019");
  CHECK(c.rows[0].round_label == "2019");
  CHECK(c.rows[2].value == Approx(3));
}

TEST_CASE("an answer a round does not give keeps its place as a row that is not given, never 0", "[summary]") {
  // Issue 9: Groningen's families give no figure for neutraal (46 + 38 + 4 + 4 = 92 %).
  Fixture f;
  f.add("2024", "gezinnen", {{"oneens", 8}, {"eens", 84}});
  auto s = f.summarize(make(IndicatorType::kLikert, "percent", {"oneens", "neutraal", "eens"}));
  REQUIRE(s.charts.size() == 1);
  const auto& rows = s.charts[0].rows;
  CHECK(categories_of(s.charts[0]) == std::vector<std::string>{"oneens", "neutraal", "eens"});
  CHECK(rows[0].given);
  CHECK_FALSE(rows[1].given);
  CHECK_FALSE(rows[1].share.has_value());
  CHECK(std::isnan(rows[1].value));
  CHECK(rows[1].label == "Label neutraal");
  CHECK(rows[2].given);
  CHECK(*rows[2].share == Approx(84));
}

TEST_CASE("an answer removed by disclosure control is not a row that is not given", "[summary]") {
  Fixture f;
  f.add("2024", "gezinnen", {{"oneens", 8}, {"eens", 84}});
  f.m.suppressed_cells.insert(model::cell_key("2024", "ind", "gezinnen", "", "neutraal", "value"));
  auto s = f.summarize(make(IndicatorType::kLikert, "percent", {"oneens", "neutraal", "eens"}));
  REQUIRE(s.charts.size() == 1);
  CHECK(categories_of(s.charts[0]) == std::vector<std::string>{"oneens", "eens"});
}

TEST_CASE("a choice answer the last round does not give sorts after every given one", "[summary]") {
  Fixture f;
  f.add("2023", "gezinnen", {{"a", 60}, {"b", 40}});
  f.add("2024", "gezinnen", {{"b", 70}});
  auto s = f.summarize(make(IndicatorType::kChoice, "percent", {"a", "b"}));
  REQUIRE(s.charts.size() == 1);
  const auto& rows = s.charts[0].rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[2].round == "2024");
  CHECK(rows[2].category == "b");
  CHECK(rows[3].category == "a");
  CHECK_FALSE(rows[3].given);
}

TEST_CASE("mentions are marked as such and their headline counts mentions, not people", "[summary]") {
  Fixture f;
  f.m.rounds = {{"2024", "Impactmeting 2024", "", "", ""}};
  f.add("2024", "gezinnen", {{"a", 30}, {"b", 12}});
  f.add("2024", "gezinnen", "", 40, "n");
  auto ind = make(IndicatorType::kChoice, "count", {"a", "b"});
  ind.groups = {"gezinnen"};
  ind.multiple = true;
  ind.positive = {"a"};
  ind.headline = "noemt a";
  auto s = f.summarize(ind);
  REQUIRE(s.charts.size() == 1);
  CHECK(s.charts[0].mentions);
  CHECK(s.charts[0].n_of("Impactmeting 2024") == 40);
  REQUIRE(s.headlines.size() == 1);
  REQUIRE(s.headlines[0].mentions);
  CHECK(*s.headlines[0].mentions == Approx(30));
  CHECK(*s.headlines[0].n == 40);
}
