#include "stats/disclosure.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace duiding::stats::disclosure {
namespace {

using model::IndicatorType;

std::string dimension_of(const std::string& breakdown) {
  return breakdown.substr(0, breakdown.find('='));
}

bool is_count(const model::Indicator& ind, const model::Value& v) {
  if (ind.type == IndicatorType::kSeries) return false;  // administrative totals
  if (v.measure == "n" || v.measure == "count") return true;
  return v.measure == "value" && ind.unit == "count";
}

// One answer per respondent: the cells of a distribution add up to its total.
bool one_answer(const model::Indicator& ind) {
  return (ind.type == IndicatorType::kLikert || ind.type == IndicatorType::kChoice) && !ind.multiple;
}

class Protector {
 public:
  explicit Protector(const model::Model& m) : m_(m), min_(m.site.min_cell) {
    for (const auto& ind : m.indicators) indicators_[ind.id] = &ind;
    off_.assign(m.values.size(), false);
  }

  Protected run() {
    Protected p;
    primary_samples(p);
    primary_values();
    complementary();
    p.model = m_;
    p.model.values.clear();
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      if (!off_[i]) {
        p.model.values.push_back(v);
        continue;
      }
      p.suppressions.push_back({v.pos, v.indicator, v.round, v.group, v.breakdown, v.category,
                                v.measure, reasons_[i].first, reasons_[i].second});
      p.model.suppressed_cells.insert(
          model::cell_key(v.round, v.indicator, v.group, v.breakdown, v.category, v.measure));
    }
    p.model.samples.clear();
    for (const auto& s : m_.samples) {
      if (s.n >= min_) {
        p.model.samples.push_back(s);
        continue;
      }
      // Which indicators lose a whole round of this group: comparisons say so.
      std::set<std::string> had;
      for (const auto& v : m_.values)
        if (v.round == s.round && v.group == s.group) had.insert(v.indicator);
      for (const auto& ind : m_.indicators)
        if (had.count(ind.id)) p.model.withheld_rounds[ind.id].emplace_back(s.round, s.group);
    }
    // Shares of a one-answer count distribution keep the total of all its cells as base.
    for (const auto& [key, total] : totals_with_suppression()) p.model.count_bases[key] = total;
    for (const auto& sup : p.suppressions) {
      if (sup.indicator.empty()) continue;
      auto& [primary, complementary] = p.model.suppressed[sup.indicator];
      (sup.primary ? primary : complementary)++;
    }
    return p;
  }

 private:
  const model::Indicator* indicator(const std::string& id) const {
    auto it = indicators_.find(id);
    return it == indicators_.end() ? nullptr : it->second;
  }

  void suppress(std::size_t i, bool primary, std::string reason) {
    if (off_[i]) return;
    off_[i] = true;
    reasons_[i] = {primary, std::move(reason)};
    changed_ = true;
  }

  // A sample n below min_cell: the n goes, and so do all numbers of that round and group
  // that rest on it (shares of a base below min_cell, counts of the same people).
  void primary_samples(Protected& p) {
    for (const auto& s : m_.samples) {
      if (s.n >= min_) continue;
      p.suppressions.push_back({{"data/samples.csv", 0, 0}, "", s.round, s.group, "", "", "n", true,
                                fmt::format("n = minder dan {} (min_cell)", min_)});
      for (std::size_t i = 0; i < m_.values.size(); ++i) {
        const model::Value& v = m_.values[i];
        if (v.round == s.round && v.group == s.group && !v.group.empty())
          suppress(i, true, fmt::format("berust op een steekproef van minder dan {} (min_cell)", min_));
      }
    }
  }

  void primary_values() {
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      const model::Indicator* ind = indicator(v.indicator);
      if (ind == nullptr || !is_count(*ind, v)) continue;
      if (v.value > 0 && v.value < min_) {
        suppress(i, true, fmt::format("aantal kleiner dan {} (min_cell)", min_));
        // A breakdown level with n below min_cell: all its numbers go, shares included.
        if (v.measure == "n" && !v.breakdown.empty()) {
          for (std::size_t j = 0; j < m_.values.size(); ++j) {
            const model::Value& w = m_.values[j];
            if (j != i && w.indicator == v.indicator && w.round == v.round && w.group == v.group &&
                w.breakdown == v.breakdown)
              suppress(j, true, fmt::format("uitsplitsing met n kleiner dan {} (min_cell)", min_));
          }
        }
      }
    }
  }

  // Suppresses the smallest published cell of `cells` when exactly one is suppressed, so
  // the suppressed one cannot be found as total minus the rest.
  void protect_group(const std::vector<std::size_t>& cells, const char* why) {
    std::size_t hidden = 0;
    const std::size_t none = m_.values.size();
    std::size_t smallest = none;
    for (std::size_t i : cells) {
      if (off_[i]) {
        if (m_.values[i].value > 0) ++hidden;
      } else if (smallest == none || m_.values[i].value < m_.values[smallest].value) {
        smallest = i;
      }
    }
    if (hidden == 1 && smallest != none) suppress(smallest, false, why);
  }

  void complementary() {
    changed_ = true;
    while (changed_) {
      changed_ = false;
      // Rows: the cells of one one-answer count distribution add up to its total.
      std::map<std::string, std::vector<std::size_t>> rows;
      // Columns: a category's cells over the levels of a breakdown add up to the overall
      // cell, when that is published (or, for n, to the sample's n).
      std::map<std::string, std::vector<std::size_t>> columns;
      std::map<std::string, std::size_t> overall;
      for (std::size_t i = 0; i < m_.values.size(); ++i) {
        const model::Value& v = m_.values[i];
        const model::Indicator* ind = indicator(v.indicator);
        if (ind == nullptr || !is_count(*ind, v)) continue;
        if (v.measure == "value" && one_answer(*ind))
          rows[base_key(v.round, v.indicator, v.group, v.breakdown)].push_back(i);
        std::string col = fmt::format("{}\n{}\n{}\n{}\n{}", v.round, v.indicator, v.group, v.category, v.measure);
        if (v.breakdown.empty()) overall[col] = i;
        else columns[col + "\n" + dimension_of(v.breakdown)].push_back(i);
      }
      for (const auto& [key, cells] : rows)
        protect_group(cells, "aanvullend onderdrukt: anders is een onderdrukte cel af te leiden uit het totaal");
      for (const auto& [key, cells] : columns) {
        std::string col = key.substr(0, key.rfind('\n'));
        const model::Value& first = m_.values[cells.front()];
        auto it = overall.find(col);
        bool total_known = (it != overall.end() && !off_[it->second]) ||
                           (first.measure == "n" && m_.sample(first.round, first.group) != nullptr);
        if (total_known)
          protect_group(cells, "aanvullend onderdrukt: anders is een onderdrukte cel af te leiden uit het "
                               "totaal van de uitsplitsing");
      }
    }
  }

  std::map<std::string, double> totals_with_suppression() const {
    std::map<std::string, double> total;
    std::set<std::string> hit;
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      const model::Indicator* ind = indicator(v.indicator);
      if (ind == nullptr || v.measure != "value" || ind->unit != "count" || !one_answer(*ind)) continue;
      std::string key = base_key(v.round, v.indicator, v.group, v.breakdown);
      total[key] += v.value;
      if (off_[i]) hit.insert(key);
    }
    std::map<std::string, double> out;
    for (const auto& key : hit) {
      // A distribution whose every cell is gone has no shares to base.
      bool any_left = false;
      for (std::size_t i = 0; i < m_.values.size(); ++i) {
        const model::Value& v = m_.values[i];
        if (!off_[i] && v.measure == "value" && base_key(v.round, v.indicator, v.group, v.breakdown) == key)
          any_left = true;
      }
      if (any_left && total[key] >= min_) out[key] = total[key];
    }
    return out;
  }

  model::Model m_;
  int min_;
  std::map<std::string, const model::Indicator*> indicators_;
  std::vector<bool> off_;
  std::map<std::size_t, std::pair<bool, std::string>> reasons_;
  bool changed_ = false;
};

}  // namespace

std::string base_key(const std::string& round, const std::string& indicator, const std::string& group,
                     const std::string& breakdown) {
  return fmt::format("{}\n{}\n{}\n{}", round, indicator, group, breakdown);
}

bool Protected::suppressed(const std::string& indicator, const std::string& group,
                           const std::string& round, const std::string& breakdown,
                           const std::string& category) const {
  for (const auto& s : suppressions) {
    bool sample = s.indicator.empty() && s.round == round && s.group == group;
    bool same = s.indicator == indicator && s.group == group && s.round == round && s.breakdown == breakdown;
    if (sample) return true;
    // A primary n of a breakdown level takes the whole level with it.
    if (same && (s.category == category || (s.measure == "n" && s.primary))) return true;
  }
  return false;
}

std::vector<const Suppression*> Protected::of(const std::string& indicator) const {
  std::vector<const Suppression*> out;
  for (const auto& s : suppressions)
    if (s.indicator == indicator) out.push_back(&s);
  return out;
}

std::string describe(const Suppression& s) {
  std::string where = s.pos.line > 0 ? fmt::format("{}:{}", s.pos.file, s.pos.line) : s.pos.file;
  std::string what = s.indicator.empty()
                         ? fmt::format("n of round '{}', group '{}'", s.round, s.group)
                         : fmt::format("indicator '{}', round '{}', group '{}'{}{}, measure '{}'", s.indicator,
                                       s.round, s.group.empty() ? std::string("(all)") : s.group,
                                       s.breakdown.empty() ? "" : ", breakdown '" + s.breakdown + "'",
                                       s.category.empty() ? "" : ", category '" + s.category + "'", s.measure);
  return fmt::format("{}: suppressed: {}; {}", where, what, s.reason);
}

Protected protect(const model::Model& m) { return Protector(m).run(); }

}  // namespace duiding::stats::disclosure
