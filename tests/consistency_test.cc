// Rules over several values at once (generator/validate/consistency.cc,
// docs/data-format.md "Values that add up"). Cases from issue 9.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
using Messages = std::vector<std::string>;

Messages check(const model::Model& m) {
  diag::Diagnostics diag;
  validate::consistency(m, diag);
  Messages out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

model::Model base(const std::string& unit, bool multiple = false) {
  model::Model m;
  m.site.groups = {{"gezinnen", "Gezinnen (ouders en jeugdigen)"}};
  m.rounds = {{"2025", "Meting 2025", "", "", ""}};
  m.samples = {{"2025", "gezinnen", 90, std::nullopt}};
  model::Indicator ind;
  ind.id = "tevredenheid";
  ind.type = model::IndicatorType::kLikert;
  ind.unit = unit;
  ind.multiple = multiple;
  ind.groups = {"gezinnen"};
  ind.categories = {{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}};
  m.indicators.push_back(ind);
  return m;
}

void add(model::Model& m, const std::vector<double>& values, const std::string& measure = "value") {
  const char* cats[] = {"a", "b", "c", "d", "e"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    model::Value v;
    v.pos = {"data/values/2025.csv", static_cast<int>(m.values.size()) + 2, 1};
    v.round = "2025";
    v.indicator = "tevredenheid";
    v.group = "gezinnen";
    v.category = measure == "n" ? "" : cats[i];
    v.measure = measure;
    v.value = values[i];
    m.values.push_back(v);
  }
}

}  // namespace

TEST_CASE("shares adding up to 130 % are refused at the last share's line", "[consistency]") {
  auto m = base("percent");
  add(m, {6, 6, 10, 72, 36});
  CHECK(check(m) == Messages{"data/values/2025.csv:6:1: error: the shares of indicator 'tevredenheid', round '2025', "
                             "group 'gezinnen' add up to 130 (6 + 6 + 10 + 72 + 36), more than 100; a question with "
                             "one answer per person allows 100 plus 0.5 per share for rounding (102.5 here) (hint: a "
                             "typing error, or a question with several answers: set \"multiple\": true in "
                             "indicators/tevredenheid.json)"});
}

TEST_CASE("shares that add up to 102 after rounding, or to 92 with an answer not given, pass", "[consistency]") {
  auto m = base("percent");
  add(m, {21, 21, 20, 20, 20});
  CHECK(check(m).empty());
  auto g = base("percent");
  add(g, {4, 4, 46, 38});  // Groningen 2024: no figure for one answer
  CHECK(check(g).empty());
}

TEST_CASE("shares typed as fractions of 1 are refused", "[consistency]") {
  auto m = base("percent");
  add(m, {0.06, 0.06, 0.10, 0.44, 0.34});
  REQUIRE(check(m).size() == 1);
  CHECK(check(m)[0].find("they look like fractions of 1") != std::string::npos);
}

TEST_CASE("counts above their n, or adding up above it, are refused", "[consistency]") {
  auto m = base("count");
  add(m, {10, 95});
  auto got = check(m);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "data/values/2025.csv:3:1: error: the count 95 of indicator 'tevredenheid', round '2025', group "
                  "'gezinnen', category 'b', is more than its n 90");
  CHECK(got[1].find("add up to 105 (10 + 95), more than its n 90") != std::string::npos);
}

TEST_CASE("mentions of a several-answer question may exceed the sample's n but not the question's own n",
          "[consistency]") {
  auto m = base("count", true);
  add(m, {93, 65});
  CHECK(check(m).empty());
  add(m, {60}, "n");
  REQUIRE(check(m).size() == 2);
}

TEST_CASE("a question's n above its sample's n is refused", "[consistency]") {
  auto m = base("percent");
  add(m, {120}, "n");
  CHECK(check(m) == Messages{"data/values/2025.csv:2:1: error: the n 120 of indicator 'tevredenheid', round '2025', "
                             "group 'gezinnen' is more than the 90 respondents of data/samples.csv for this round and "
                             "group"});
}

TEST_CASE("a headline that repeats its group is refused", "[consistency]") {
  auto m = base("percent");
  m.indicators[0].pos = {"indicators/tevredenheid.json", 1, 1};
  m.indicators[0].headline = "van de gezinnen vindt dat er genoeg tijd is";
  REQUIRE(check(m).size() == 1);
  CHECK(check(m)[0].find("repeats the group") != std::string::npos);
  m.indicators[0].headline = "vindt dat er genoeg tijd is voor de gezinnen";
  CHECK(check(m).empty());
}

TEST_CASE("text that is not UTF-8 is found at its line and column", "[consistency]") {
  CHECK_FALSE(validate::invalid_utf8("caf\xc3\xa9\n"));
  CHECK(validate::invalid_utf8("# Over\n\ncaf\xe9\n") == std::pair{3, 4});
  CHECK(validate::invalid_utf8("\xed\xa0\x80") == std::pair{1, 1});  // a surrogate
}
