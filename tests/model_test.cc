// The model's id lookups: the same answers with and without the tables of Model::index(),
// and never a wrong one when the vectors changed after index() ran.
#include <catch2/catch.hpp>

#include "model/model.h"

using duiding::model::Indicator;
using duiding::model::Model;
using duiding::model::Round;
using duiding::model::Sample;

namespace {

Model three_indicators() {
  Model m;
  for (const char* id : {"a", "b", "c"}) {
    Indicator ind;
    ind.id = id;
    ind.title = std::string("Indicator ") + id;
    m.indicators.push_back(ind);
  }
  m.rounds = {Round{"2023", "Meting 2023", "", "", ""}, Round{"2024", "Meting 2024", "", "", ""}};
  m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
  m.samples = {Sample{"2023", "gezinnen", 80, {}, {}}, Sample{"2024", "gezinnen", 90, {}, {}}};
  return m;
}

}  // namespace

TEST_CASE("ids are found with and without the index, and an unknown id is not", "[model]") {
  Model m = three_indicators();
  for (bool indexed : {false, true}) {
    if (indexed) m.index();
    REQUIRE(m.indicator("b") == &m.indicators[1]);
    REQUIRE(m.indicator("d") == nullptr);
    REQUIRE(m.round("2024") == &m.rounds[1]);
    REQUIRE(m.round("2022") == nullptr);
    REQUIRE(m.group("medewerkers") == &m.site.groups[1]);
    REQUIRE(m.sample("2024", "gezinnen")->n == 90);
    REQUIRE(m.sample("2024", "medewerkers") == nullptr);
  }
}

TEST_CASE("a copy of an indexed model finds its own items, not the original's", "[model]") {
  Model m = three_indicators();
  m.index();
  Model copy = m;
  REQUIRE(copy.indicator("c") == &copy.indicators[2]);
  REQUIRE(copy.sample("2023", "gezinnen") == &copy.samples[0]);
}

TEST_CASE("an index made stale by a later change of the vectors still gives the right item", "[model]") {
  Model m = three_indicators();
  m.index();
  m.indicators.erase(m.indicators.begin());  // b is now at position 0, the table says 1
  REQUIRE(m.indicator("b") == &m.indicators[0]);
  REQUIRE(m.indicator("a") == nullptr);
  Indicator d;
  d.id = "d";
  m.indicators.push_back(d);  // not in the table at all
  REQUIRE(m.indicator("d") == &m.indicators.back());
  m.samples.erase(m.samples.begin());
  REQUIRE(m.sample("2024", "gezinnen")->n == 90);
  REQUIRE(m.sample("2023", "gezinnen") == nullptr);
}

namespace {

duiding::model::Value value_of(const std::string& round, const std::string& indicator) {
  duiding::model::Value v;
  v.round = round;
  v.indicator = indicator;
  v.category = "ja";
  v.value = 50;
  return v;
}

}  // namespace

TEST_CASE("whether an indicator has figures in a round is answered alike with and without the index", "[model]") {
  for (bool indexed : {false, true}) {
    Model m = three_indicators();
    m.values = {value_of("2023", "a"), value_of("2024", "a"), value_of("2024", "b")};
    m.points = {duiding::model::Point{"2023", "c", "gezinnen", 0.2, 0.3, 0.5}};
    if (indexed) m.index();
    CHECK(m.has_figure("a", "2023"));
    CHECK(m.has_figure("a", "2024"));
    CHECK(m.has_figure("a", ""));
    CHECK_FALSE(m.has_figure("b", "2023"));
    CHECK(m.has_figure("b", "2024"));
    CHECK(m.has_figure("c", "2023"));  // a triad's point is a figure too
    CHECK_FALSE(m.has_figure("c", "2024"));
    CHECK(m.has_figure("c", ""));
    CHECK_FALSE(m.has_figure("d", ""));
  }
}

TEST_CASE("figures added or removed after the index was made are seen when the vectors changed size", "[model]") {
  Model m = three_indicators();
  m.values = {value_of("2023", "a"), value_of("2024", "b")};
  m.index();
  m.values.erase(m.values.begin());  // a has no figures any more; b moved to position 0
  CHECK_FALSE(m.has_figure("a", "2023"));
  CHECK_FALSE(m.has_figure("a", ""));
  CHECK(m.has_figure("b", "2024"));
  m.values.push_back(value_of("2024", "c"));
  m.values.push_back(value_of("2023", "c"));
  CHECK(m.has_figure("c", "2023"));
  CHECK(m.has_figure("c", "2024"));
  // A change that keeps both sizes is only seen once the index is made again.
  m.values = {value_of("2025", "a"), value_of("2025", "b")};
  m.index();
  CHECK(m.has_figure("a", "2025"));
  CHECK_FALSE(m.has_figure("a", "2023"));
  CHECK_FALSE(m.has_figure("c", ""));
}
