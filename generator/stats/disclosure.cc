#include "stats/disclosure.h"
#include "diag/messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "protect/secondary.h"

namespace duiding::stats::disclosure {
namespace {

using model::IndicatorType;


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
  Protector(const model::Model& m, const Options& o) : m_(m), min_(m.site.min_cell), options_(o) {
    for (const auto& ind : m.indicators) indicators_[ind.id] = &ind;
    off_.assign(m.values.size(), false);
  }

  Protected run() {
    Protected p;
    primary_samples(p);
    primary_values();
    primary_triads();
    // Secondary suppression and the audit over the linked tables (protect/).
    std::vector<protect::Component> comps = protect::components(m_);
    std::vector<bool> secondary(m_.values.size(), false);
    p.audit = options_.secondary ? protect::suppress_secondary(m_, comps, off_, secondary)
                                 : protect::audit(m_, comps, off_);
    if (options_.secondary) means_with_hidden_cells(secondary);
    p.model = m_;
    p.model.values.clear();
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      if (!off_[i]) {
        p.model.values.push_back(v);
        continue;
      }
      auto reason = reasons_.find(i);
      bool primary = !secondary[i];
      std::string why = reason != reasons_.end()
                            ? reason->second
                            : primary ? fmt::format("hoort bij een getal van minder dan {} personen (min_cell)", min_)
                                      : "aanvullend onderdrukt: anders is een onderdrukte cel af te leiden uit het totaal";
      p.suppressions.push_back({v.pos, v.indicator, v.round, v.group, v.breakdown, v.category, v.measure, primary, why});
      p.model.suppressed_cells.insert(
          model::cell_key(v.round, v.indicator, v.group, v.breakdown, v.category, v.measure));
    }
    p.model.samples.clear();
    // Per round and group, the indicators with values: filled at the first small sample.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> had;
    for (const auto& s : m_.samples) {
      if (s.n >= min_) {
        p.model.samples.push_back(s);
        continue;
      }
      // Which indicators lose a whole round of this group: comparisons say so.
      if (had.empty())
        for (const auto& v : m_.values) had[{v.round, v.group}].insert(v.indicator);
      const std::set<std::string>& of_sample = had[{s.round, s.group}];
      for (const auto& ind : m_.indicators)
        if (of_sample.count(ind.id)) p.model.withheld_rounds[ind.id].emplace_back(s.round, s.group);
    }
    // A question whose own n is below min_cell: its round and group are withheld too.
    for (const auto& [indicator, round, group] : small_questions_) {
      auto& list = p.model.withheld_rounds[indicator];
      if (std::find(list.begin(), list.end(), std::make_pair(round, group)) == list.end())
        list.emplace_back(round, group);
    }
    for (auto& [id, list] : p.model.withheld_rounds) std::sort(list.begin(), list.end());
    p.model.points.clear();
    for (std::size_t i = 0; i < m_.points.size(); ++i)
      if (!points_off_.count(i)) p.model.points.push_back(m_.points[i]);
    // Stories of a withheld round or group: each participant tells one, so their number
    // is a head count, and their texts are that small group's own words.
    p.model.quotes.clear();
    for (const auto& q : m_.quotes) {
      const model::Sample* s = m_.sample(q.round, q.group);
      if (s != nullptr && s->n < min_) {
        p.withheld_quotes.push_back(&q - m_.quotes.data());
        continue;
      }
      p.model.quotes.push_back(q);
    }
    // Shares of a one-answer count distribution keep the total of all its cells as base.
    for (const auto& [key, total] : totals_with_suppression()) p.model.count_bases[key] = total;
    for (const auto& sup : p.suppressions) {
      if (sup.indicator.empty()) continue;
      auto& [primary, complementary] = p.model.suppressed[sup.indicator];
      (sup.primary ? primary : complementary)++;
    }
    p.model.index();
    return p;
  }

 private:
  const model::Indicator* indicator(const std::string& id) const {
    auto it = indicators_.find(id);
    return it == indicators_.end() ? nullptr : it->second;
  }

  void suppress(std::size_t i, std::string reason) {
    if (off_[i]) return;
    off_[i] = true;
    reasons_[i] = std::move(reason);
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
          suppress(i, fmt::format("berust op een steekproef van minder dan {} (min_cell)", min_));
      }
    }
  }

  void primary_values() {
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      const model::Indicator* ind = indicator(v.indicator);
      if (ind == nullptr || !is_count(*ind, v)) continue;
      if (v.value > 0 && v.value < min_) {
        suppress(i, fmt::format("aantal kleiner dan {} (min_cell)", min_));
        // An aspect chosen by fewer than min_cell people: their scores go with the count.
        if (ind->type == IndicatorType::kAspects)
          each_of(v, [&](std::size_t j, const model::Value& w) {
            if (w.category == v.category)
              suppress(j, fmt::format("gemiddelde van minder dan {} personen (min_cell)", min_));
          });
        // A question (or breakdown level) with its own n below min_cell: all its numbers
        // for that round, group and level go, shares and means included.
        if (v.measure == "n") {
          each_of(v, [&](std::size_t j, const model::Value&) {
            suppress(j, v.breakdown.empty()
                            ? fmt::format("vraag door minder dan {} personen beantwoord (min_cell)", min_)
                            : fmt::format("uitsplitsing met n kleiner dan {} (min_cell)", min_));
          });
          if (v.breakdown.empty() && !v.group.empty()) small_questions_.insert({v.indicator, v.round, v.group});
        }
      }
    }
  }

  // Calls `f` for every value of the distribution (round, indicator, group, breakdown) of `v`.
  template <typename F>
  void each_of(const model::Value& v, F f) {
    for (std::size_t j : values_of({v.round, v.indicator, v.group, v.breakdown})) f(j, m_.values[j]);
  }

  // Positions of the values of one distribution (round, indicator, group, breakdown), in
  // order; gathered in one pass at the first question, not one pass per small cell.
  using DistKey = std::tuple<std::string, std::string, std::string, std::string>;
  const std::vector<std::size_t>& values_of(const DistKey& key) {
    if (dists_.empty())
      for (std::size_t j = 0; j < m_.values.size(); ++j) {
        const model::Value& w = m_.values[j];
        dists_[{w.round, w.indicator, w.group, w.breakdown}].push_back(j);
      }
    static const std::vector<std::size_t> kNone;
    auto it = dists_.find(key);
    return it == dists_.end() ? kNone : it->second;
  }

  // A mean over a distribution with a hidden cell would narrow that cell down (the audit
  // does not model means): it goes too.
  void means_with_hidden_cells(std::vector<bool>& secondary) {
    std::set<std::string> hidden;
    for (std::size_t i = 0; i < m_.values.size(); ++i)
      if (off_[i] && !m_.values[i].category.empty())
        hidden.insert(base_key(m_.values[i].round, m_.values[i].indicator, m_.values[i].group, m_.values[i].breakdown));
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      if (off_[i] || v.measure != "mean" || !v.category.empty()) continue;
      if (!hidden.count(base_key(v.round, v.indicator, v.group, v.breakdown))) continue;
      suppress(i, "aanvullend onderdrukt: een gemiddelde over een onderdrukte cel");
      secondary[i] = true;
    }
  }

  // Triad points of fewer than min_cell people in a round and group go, with their means.
  void primary_triads() {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> by;
    for (std::size_t i = 0; i < m_.points.size(); ++i) {
      const model::Point& pt = m_.points[i];
      by[{pt.round, pt.indicator, pt.group}].push_back(i);
    }
    // Values per round, indicator and group (any breakdown), filled at the first small triad.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::size_t>> triad_values;
    for (const auto& [key, points] : by) {
      const auto& [round, ind, group] = key;
      const model::Sample* s = m_.sample(round, group);
      if (points.size() >= static_cast<std::size_t>(min_) && (s == nullptr || s->n >= min_)) continue;
      points_off_.insert(points.begin(), points.end());
      if (triad_values.empty())
        for (std::size_t j = 0; j < m_.values.size(); ++j)
          triad_values[{m_.values[j].round, m_.values[j].indicator, m_.values[j].group}].push_back(j);
      for (std::size_t j : triad_values[key])
        suppress(j, fmt::format("driehoek van minder dan {} punten (min_cell)", min_));
    }
  }

  std::map<std::string, double> totals_with_suppression() const {
    std::map<std::string, double> total;
    std::set<std::string> hit;
    std::set<std::string> left;  // distributions with a cell still published
    for (std::size_t i = 0; i < m_.values.size(); ++i) {
      const model::Value& v = m_.values[i];
      const model::Indicator* ind = indicator(v.indicator);
      if (ind == nullptr || v.measure != "value" || ind->unit != "count" || !one_answer(*ind)) continue;
      std::string key = base_key(v.round, v.indicator, v.group, v.breakdown);
      total[key] += v.value;
      if (off_[i]) hit.insert(key);
      else left.insert(key);
    }
    std::map<std::string, double> out;
    for (const auto& key : hit) {
      // A distribution whose every cell is gone has no shares to base.
      if (left.count(key) && total[key] >= min_) out[key] = total[key];
    }
    return out;
  }

  model::Model m_;
  int min_;
  Options options_;
  std::map<std::string, const model::Indicator*> indicators_;
  std::vector<bool> off_;
  std::map<std::size_t, std::string> reasons_;
  std::set<std::tuple<std::string, std::string, std::string>> small_questions_;
  std::set<std::size_t> points_off_;
  std::map<DistKey, std::vector<std::size_t>> dists_;  ///< see values_of()
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

std::string describe(const Suppression& s, msg::Lang lang) {
  std::string where = diag::where({s.pos.file, s.pos.line, s.pos.sheet.empty() ? 0 : s.pos.column, s.pos.sheet});
  std::string details = (s.breakdown.empty() ? "" : ", " + msg::uitsplitsing_naam(s.breakdown).render(lang)) +
                        (s.category.empty() ? "" : ", " + msg::categorie_naam(s.category).render(lang));
  msg::Text what = s.indicator.empty()
                       ? msg::onthulling_n_van_ronde(s.round, s.group)
                       : msg::onthulling_cel(s.indicator, s.round,
                                             s.group.empty() ? msg::alle_groepen().render(lang) : s.group, details,
                                             s.measure);
  return msg::onthulling_verborgen(where, what, s.reason).render(lang);
}

Protected protect(const model::Model& m, const Options& options) { return Protector(m, options).run(); }

}  // namespace duiding::stats::disclosure
