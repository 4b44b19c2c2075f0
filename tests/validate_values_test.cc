// data/values/*.csv (docs/data-format.md, "data/values/*.csv"): every value names a known
// round, indicator, group, category and measure, appears once, and fits its unit.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
using model::IndicatorType;

model::Indicator indicator(std::string id, IndicatorType type, std::string unit,
                           std::vector<std::string> groups, std::vector<model::Category> categories = {}) {
  model::Indicator ind;
  ind.id = std::move(id);
  ind.title = ind.id;
  ind.section = "kern";
  ind.type = type;
  ind.unit = std::move(unit);
  ind.groups = std::move(groups);
  ind.categories = std::move(categories);
  return ind;
}

model::Model test_model() {
  model::Model m;
  m.site.title = "Impactmeting";
  m.site.organisation = "Gemeente";
  m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
  m.rounds = {{"2023", "Impactmeting 2023", "", "", ""}, {"2024", "Impactmeting 2024", "", "", ""}};
  std::vector<std::string> both = {"gezinnen", "medewerkers"};
  m.indicators = {
      indicator("tevr", IndicatorType::kLikert, "percent", both,
                {{"oneens", "Oneens"}, {"neutraal", "Neutraal"}, {"eens", "Eens"}}),
      indicator("keuze", IndicatorType::kChoice, "count", {"gezinnen"}, {{"a", "A"}, {"b", "B"}}),
      indicator("schaal", IndicatorType::kScale, "percent", both),
      indicator("reeks", IndicatorType::kSeries, "eur", {}),
      indicator("triade", IndicatorType::kTriad, "percent", both),
      indicator("aspect", IndicatorType::kAspects, "count", both, {{"tijd", "Tijd"}}),
  };
  return m;
}

struct Checked {
  std::vector<model::Value> values;
  std::vector<std::string> messages;
};

// Reads one values file (semicolons, as Dutch Excel writes) against the test model.
Checked check(const std::string& csv) {
  static const model::Model m = test_model();
  diag::Diagnostics diag;
  Checked out;
  load::CsvReader reader(std::string("values.csv"), csv, diag);
  validate::ValueChecker checker(m, {});
  checker.read(reader, out.values, diag);
  for (const auto& d : diag.sorted()) out.messages.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

using Messages = std::vector<std::string>;
const char* kHeader = "round;indicator;group;category;measure;value\n";

}  // namespace

TEST_CASE("a valid value is read with its fields and position", "[values]") {
  auto r = check("round;indicator;group;breakdown;category;measure;value;note\n"
                 "2024;tevr;gezinnen;leeftijd=<12;eens;;45,5;ruim 45\n");
  CHECK(r.messages.empty());
  REQUIRE(r.values.size() == 1);
  const auto& v = r.values[0];
  CHECK(v.round == "2024");
  CHECK(v.indicator == "tevr");
  CHECK(v.group == "gezinnen");
  CHECK(v.breakdown == "leeftijd=<12");
  CHECK(v.category == "eens");
  CHECK(v.measure == "value");  // the default when the column is empty
  CHECK(v.value == Approx(45.5));
  CHECK(v.note == "ruim 45");
  CHECK(v.pos.file == "values.csv");
  CHECK(v.pos.line == 2);
}

TEST_CASE("columns of a values file may come in any order", "[values]") {
  auto r = check("value;category;indicator;round\n12;a;keuze;2023\n");
  CHECK(r.messages.empty());
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].indicator == "keuze");
  CHECK(r.values[0].group.empty());
  CHECK(r.values[0].value == Approx(12));
}

TEST_CASE("a value for an unknown round is an error at the round", "[values]") {
  auto r = check(std::string(kHeader) + "2025;tevr;gezinnen;eens;;45\n");
  CHECK(r.messages == Messages{"values.csv:2:1: error: unknown round '2025'; data/rounds.csv has 2023, 2024; add a "
                               "line for round 2025 to data/rounds.csv"});
  CHECK(r.values.empty());
}

TEST_CASE("a series takes any year as its round, but nothing else", "[values]") {
  auto r = check(std::string(kHeader) + "2019;reeks;;;;2850000\n2019a;reeks;;;;1\n");
  CHECK(r.messages == Messages{"values.csv:3:1: error: unknown round '2019a'; data/rounds.csv has 2023, 2024"});
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].round == "2019");
}

TEST_CASE("a value for an unknown indicator is an error at the indicator", "[values]") {
  auto r = check(std::string(kHeader) + "2024;onbekend;;eens;;4\n");
  CHECK(r.messages ==
        Messages{"values.csv:2:6: error: unknown indicator 'onbekend' (there is no file indicators/onbekend.json)"});
}

TEST_CASE("a value for an unknown group is an error at the group", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;ouders;eens;;4\n");
  CHECK(r.messages ==
        Messages{"values.csv:2:11: error: unknown group 'ouders'; data/site.json has gezinnen, medewerkers"});
}

TEST_CASE("values of an indicator whose own file was rejected are skipped without a message", "[values]") {
  const model::Model m = test_model();
  diag::Diagnostics diag;
  std::vector<model::Value> values;
  validate::ValueChecker checker(m, {"kapot"});
  load::CsvReader csv(std::string("values.csv"), "round,indicator,category,value\n2024,kapot,a,1\n2024,heel,a,1\n", diag);
  checker.read(csv, values, diag);
  CHECK(values.empty());
  REQUIRE(diag.sorted().size() == 1);
  CHECK(diag::format(diag.sorted()[0], duiding::msg::Lang::kEn) ==
        "values.csv:3:6: error: unknown indicator 'heel' (there is no file indicators/heel.json)");
}

TEST_CASE("a value for a group the indicator is not about is an error", "[values]") {
  auto r = check(std::string(kHeader) + "2024;keuze;medewerkers;a;;4\n");
  CHECK(r.messages ==
        Messages{"values.csv:2:12: error: group 'medewerkers' is not one of indicator 'keuze''s groups (gezinnen)"});
}

TEST_CASE("a value for an unknown category lists the indicator's categories", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;blij;;4\n");
  CHECK(r.messages == Messages{"values.csv:2:20: error: unknown category 'blij' for indicator 'tevr'; expected "
                               "one of oneens, neutraal, eens"});
}

TEST_CASE("a second value for the same key names the first one's position", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;eens;;45\n2024;tevr;medewerkers;eens;;50\n"
                                        "2024;tevr;gezinnen;eens;value;46\n");
  CHECK(r.messages == Messages{"values.csv:4:31: error: second value for round '2024', indicator 'tevr', group "
                               "'gezinnen', breakdown '', category 'eens', measure 'value' (first at values.csv:2)"});
  CHECK(r.values.size() == 2);
}

TEST_CASE("duplicates are found across values files", "[values]") {
  const model::Model m = test_model();
  diag::Diagnostics diag;
  std::vector<model::Value> values;
  validate::ValueChecker checker(m, {});
  load::CsvReader a(std::string("data/values/a.csv"), "round,indicator,category,value\n2024,keuze,b,3\n", diag);
  checker.read(a, values, diag);
  load::CsvReader b(std::string("data/values/b.csv"), "round,indicator,category,value\n\n2024,keuze,b,4\n", diag);
  checker.read(b, values, diag);
  REQUIRE(diag.sorted().size() == 1);
  CHECK(diag::format(diag.sorted()[0], duiding::msg::Lang::kEn) ==
        "data/values/b.csv:3:14: error: second value for round '2024', indicator 'keuze', group '', breakdown '', "
        "category 'b', measure 'value' (first at data/values/a.csv:2)");
}

TEST_CASE("a percentage must lie between 0 and 100", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;eens;;100,5\n2024;tevr;gezinnen;oneens;;-1\n"
                                        "2024;tevr;gezinnen;neutraal;;100\n");
  CHECK(r.messages == Messages{
                          "values.csv:2:26: error: value 100,5 is not a percentage; expected a number from 0 to 100",
                          "values.csv:3:28: error: value -1 is not a percentage; expected a number from 0 to 100",
                      });
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].value == Approx(100));
}

TEST_CASE("a count must be a whole number of at least 0", "[values]") {
  auto r = check(std::string(kHeader) + "2024;keuze;gezinnen;a;;2,5\n2024;keuze;gezinnen;b;;-3\n"
                                        "2024;aspect;gezinnen;tijd;count;7,5\n2024;tevr;gezinnen;;n;12,5\n");
  CHECK(r.messages == Messages{
                          "values.csv:2:24: error: value 2,5 is not a count; expected a whole number of at least 0",
                          "values.csv:3:24: error: value -3 is not a count; expected a whole number of at least 0",
                          "values.csv:4:33: error: value 7,5 is not a count; expected a whole number of at least 0",
                          "values.csv:5:23: error: value 12,5 is not a count; expected a whole number of at least 0",
                      });
}

TEST_CASE("a measure the indicator's type does not use is an error", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;;mean;50\n2024;reeks;;;n;3\n");
  CHECK(r.messages == Messages{
                          "values.csv:2:21: error: measure 'mean' is not used by type 'likert'; expected value, n",
                          "values.csv:3:14: error: measure 'n' is not used by type 'series'; expected value",
                      });
}

TEST_CASE("a mean row has no category", "[values]") {
  auto r = check(std::string(kHeader) + "2024;schaal;gezinnen;50;mean;62\n2024;schaal;gezinnen;;mean;62\n");
  CHECK(r.messages == Messages{"values.csv:2:22: error: category must be empty for measure 'mean' of a scale "
                               "indicator, found '50'"});
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].measure == "mean");
}

TEST_CASE("a category is required where the type needs one", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;;;45\n");
  CHECK(r.messages == Messages{"values.csv:2:20: error: category is empty; indicator 'tevr' needs one"});
}

TEST_CASE("a scale category is a bin from 0 to 100, written as a whole number", "[values]") {
  auto r = check(std::string(kHeader) + "2024;schaal;gezinnen;010;;5\n2024;schaal;gezinnen;105;;5\n");
  CHECK(r.messages == Messages{"values.csv:3:22: error: category '105' is not a bin of the 0-100 scale; "
                               "expected its lower bound, e.g. 0, 10, ... 100"});
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].category == "10");
}

TEST_CASE("a triad category is a corner a, b or c", "[values]") {
  auto r = check(std::string(kHeader) + "2024;triade;gezinnen;d;;5\n");
  CHECK(r.messages ==
        Messages{"values.csv:2:22: error: category 'd' is not a triad corner; expected a, b or c"});
}

TEST_CASE("a value that is not a number says what a number looks like, and an empty one is not measured", "[values]") {
  auto r = check(std::string(kHeader) + "2024;tevr;gezinnen;eens;;45%\n2024;tevr;gezinnen;oneens;;\n");
  CHECK(r.messages == Messages{
                          "values.csv:2:26: error: '45%' is not a number; expected a number such as 84 or 84,5 "
                          "(no thousands separators, no '%' sign)",
                          // An empty value is not measured (an entry sheet filled in partly), never 0.
                          "values.csv:3:28: warning: 1 row has no value (the first here): not measured, never "
                          "counted as 0; fill in what the round measured",
                      });
}

TEST_CASE("a breakdown has the form dimension=value", "[values]") {
  auto r = check("round;indicator;group;breakdown;category;value\n2024;tevr;gezinnen;leeftijd;eens;40\n");
  CHECK(r.messages == Messages{"values.csv:2:20: error: breakdown 'leeftijd' is not of the form dimension=value, "
                               "e.g. leeftijd=<12"});
}

TEST_CASE("a values file without a required column reads no rows", "[values][columns]") {
  auto r = check("round;indicator;waarde\n2024;tevr;45\n");
  CHECK(r.messages == Messages{
                          "values.csv:1:1: error: missing required column 'value' (the header has: round, "
                          "indicator, waarde)",
                          "values.csv:1:17: warning: unknown column 'waarde' is ignored (known columns: round, "
                          "indicator, value, group, breakdown, category, measure, note, indicator_label, "
                          "group_label, category_label, previous_value)",
                      });
  CHECK(r.values.empty());
}
