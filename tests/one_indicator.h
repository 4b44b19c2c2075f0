// A model with one Likert indicator, asked of families (gezinnen) in one round of 2024 with
// a sample of 40, and the values added to it: the fixture of the tests of what is made
// from one indicator's figures (its tables, its workbook).
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"

namespace duiding::test {

struct OneIndicator {
  model::Model m;
  model::Indicator ind;
  std::deque<model::Value> store;  // a deque: the pointers in `values` stay valid
  std::vector<const model::Value*> values;

  explicit OneIndicator(std::string unit, std::string round_start = "", std::string round_end = "") {
    m.site.groups = {{"gezinnen", "Gezinnen"}};
    m.rounds = {{"2024", "Impactmeting 2024", std::move(round_start), std::move(round_end), "", ""}};
    m.samples = {{"2024", "gezinnen", 40, std::nullopt}};
    ind.id = "tevredenheid";
    ind.title = "Tevredenheid";
    ind.type = model::IndicatorType::kLikert;
    ind.unit = std::move(unit);
    ind.groups = {"gezinnen"};
    ind.categories = {{"oneens", "Oneens"}, {"eens", "Eens"}};
  }
  /// Adds the value `v` of `category` (measure "value") in 2024 for gezinnen.
  void add(std::string category, double v, std::string note = "") {
    model::Value val;
    val.round = "2024";
    val.indicator = ind.id;
    val.group = "gezinnen";
    val.category = std::move(category);
    val.measure = "value";
    val.value = v;
    val.note = std::move(note);
    store.push_back(val);
    values.push_back(&store.back());
  }
};

}  // namespace duiding::test
