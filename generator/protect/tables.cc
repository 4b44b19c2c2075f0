#include "protect/tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace duiding::protect {
namespace {

using model::IndicatorType;

bool audited(const model::Indicator& ind) {
  switch (ind.type) {
    case IndicatorType::kLikert:
    case IndicatorType::kChoice:
    case IndicatorType::kScale:
    case IndicatorType::kAspects: return true;
    default: return false;
  }
}

bool one_answer(const model::Indicator& ind) {
  return ind.type == IndicatorType::kLikert || ind.type == IndicatorType::kScale ||
         (ind.type == IndicatorType::kChoice && !ind.multiple);
}

// A category cell: a share or count of one answer (aspects: how often it was chosen).
bool is_cell(const model::Indicator& ind, const model::Value& v) {
  if (v.category.empty()) return false;
  if (ind.type == IndicatorType::kAspects) return v.measure == "count";
  return v.measure == "value" || v.measure == "count";
}

struct Builder {
  const model::Model& m;
  std::map<std::string, const model::Indicator*> indicators;
  /// Positions in m.values of every value of a component (round, indicator), in order:
  /// collected in one pass so that units() does not scan all values per component.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> values_of;

  std::vector<Component> run() {
    for (const auto& ind : m.indicators) indicators[ind.id] = &ind;
    std::map<std::pair<std::string, std::string>, Component> by_key;
    std::map<std::pair<std::string, std::string>, std::map<std::pair<std::string, std::string>, std::size_t>> dist_at;
    for (std::size_t i = 0; i < m.values.size(); ++i) {
      const model::Value& v = m.values[i];
      auto it = indicators.find(v.indicator);
      if (it == indicators.end() || !audited(*it->second)) continue;
      auto key = std::make_pair(v.round, v.indicator);
      values_of[key].push_back(i);
      Component& c = by_key[key];
      c.round = v.round;
      c.indicator = v.indicator;
      c.one_answer = one_answer(*it->second);
      auto& at = dist_at[key];
      auto [pos, added] = at.try_emplace({v.group, v.breakdown}, c.dists.size());
      if (added) {
        Dist d;
        d.group = v.group;
        d.breakdown = v.breakdown;
        d.dims = parse_breakdown(v.breakdown);
        d.percent = it->second->unit == "percent";
        c.dists.push_back(std::move(d));
      }
      Dist& d = c.dists[pos->second];
      if (v.measure == "n" && v.category.empty()) d.n_value = i;
      else if (is_cell(*it->second, v)) d.cells[v.category] = i;
    }
    std::vector<Component> out;
    for (auto& [key, c] : by_key) {
      finish(c, *indicators.at(c.indicator));
      out.push_back(std::move(c));
    }
    return out;
  }

  // The published sample n of a group (all groups' for all respondents), or 0 when it is
  // not published: a withheld n bounds nothing an attacker can see.
  long sample_n(const std::string& round, const std::string& group) const {
    long total = 0;
    for (const auto& s : m.samples) {
      if (s.round != round || (!group.empty() && s.group != group)) continue;
      if (s.n < m.site.min_cell) return 0;
      total += s.n;
    }
    return total;
  }

  void finish(Component& c, const model::Indicator& ind) {
    std::vector<std::string> categories;
    for (const auto& cat : ind.categories) categories.push_back(cat.id);
    for (const auto& d : c.dists)
      for (const auto& [cat, i] : d.cells)
        if (std::find(categories.begin(), categories.end(), cat) == categories.end()) categories.push_back(cat);
    for (std::size_t di = 0; di < c.dists.size(); ++di) {
      Dist& d = c.dists[di];
      long upper = sample_n(c.round, d.group);
      if (d.n_value) d.true_n = std::lround(m.values[*d.n_value].value);
      else if (const model::Sample* s = m.sample(c.round, d.group); d.breakdown.empty() && s != nullptr)
        d.true_n = s->n;  // a group's overall: its sample (what an attacker would assume)
      if (!d.percent && !d.n_value && c.one_answer && !d.cells.empty()) {
        long sum = 0;
        for (const auto& [cat, i] : d.cells) sum += std::lround(m.values[i].value);
        d.true_n = sum;
      }
      d.n = add_var(c, di, "n", d.true_n, upper);
      if (!c.one_answer) upper = 0;  // mentions may outnumber people
      for (const auto& cat : categories) {
        std::optional<long> truth;
        if (auto it = d.cells.find(cat); it != d.cells.end()) {
          double v = m.values[it->second].value;
          if (!d.percent) truth = std::lround(v);
          else if (d.true_n) truth = std::lround(v * static_cast<double>(*d.true_n) / 100.0);
        }
        d.cats[cat] = add_var(c, di, cat, truth, upper);
      }
    }
    units(c);
    relations(c);
  }

  static int add_var(Component& c, std::size_t dist, const std::string& label, std::optional<long> truth, long upper) {
    Var v;
    v.label = label;
    v.dist = dist;
    v.truth = truth;
    v.upper = upper > 0 ? static_cast<double>(upper) : 1e6;
    c.vars.push_back(v);
    return static_cast<int>(c.vars.size()) - 1;
  }

  int new_unit(Component& c, Unit u) {
    c.units.push_back(std::move(u));
    int id = static_cast<int>(c.units.size()) - 1;
    for (std::size_t i : c.units.back().values) c.unit_of[i] = id;
    return id;
  }

  std::string dist_label(const Component& c, const Dist& d) const {
    return fmt::format("{}/{}/{}{}", c.round, c.indicator, d.group.empty() ? "(alle)" : d.group,
                       d.breakdown.empty() ? "" : "/" + d.breakdown);
  }

  // Which values are whose: a percent distribution is one unit (with its means); a count
  // distribution has a unit per cell (an aspect's importance and experience go with its
  // count) and one for its n; a mean goes with the n, or stands alone.
  void units(Component& c) {
    std::map<std::pair<std::string, std::string>, std::size_t> dist_of;
    for (std::size_t di = 0; di < c.dists.size(); ++di) dist_of[{c.dists[di].group, c.dists[di].breakdown}] = di;
    std::vector<std::vector<std::size_t>> members(c.dists.size());
    for (std::size_t i : values_of.at({c.round, c.indicator})) {
      const model::Value& v = m.values[i];
      members[dist_of.at({v.group, v.breakdown})].push_back(i);
    }
    for (std::size_t di = 0; di < c.dists.size(); ++di) {
      const Dist& d = c.dists[di];
      double size = d.true_n ? static_cast<double>(*d.true_n) : 100.0;
      if (d.percent) {
        Unit u;
        u.values = members[di];
        u.vars.push_back(d.n);
        for (const auto& [cat, var] : d.cats) u.vars.push_back(var);
        // The overall of a group carries the headline: far dearer than a breakdown level.
        u.weight = (size + 1) * (d.breakdown.empty() ? 100.0 : 1.0);
        u.label = dist_label(c, d);
        new_unit(c, std::move(u));
        continue;
      }
      std::map<std::string, int> cell_unit;
      for (const auto& [cat, i] : d.cells) {
        Unit u;
        u.values.push_back(i);
        u.vars.push_back(d.cats.at(cat));
        u.weight = m.values[i].value + 1;
        u.label = dist_label(c, d) + "/" + cat;
        cell_unit[cat] = new_unit(c, std::move(u));
      }
      int n_unit = -1;
      if (d.n_value) {
        Unit u;
        u.values.push_back(*d.n_value);
        u.vars.push_back(d.n);
        u.weight = size + 1;
        u.label = dist_label(c, d) + "/n";
        n_unit = new_unit(c, std::move(u));
      }
      for (std::size_t i : members[di]) {
        if (c.unit_of.count(i)) continue;
        const model::Value& v = m.values[i];
        int owner = -1;
        if (auto it = cell_unit.find(v.category); it != cell_unit.end()) owner = it->second;
        else if (v.category.empty()) owner = n_unit;
        if (owner >= 0) {
          c.units[owner].values.push_back(i);
          c.unit_of[i] = owner;
        } else {
          Unit u;
          u.values.push_back(i);
          u.label = dist_label(c, d) + "/" + v.category + "/" + v.measure;
          new_unit(c, std::move(u));
        }
      }
    }
  }

  int unit_of_var(const Component& c, int var) const {
    for (std::size_t u = 0; u < c.units.size(); ++u)
      if (std::find(c.units[u].vars.begin(), c.units[u].vars.end(), var) != c.units[u].vars.end())
        return static_cast<int>(u);
    return -1;
  }

  // Sets of units that add up (covering relations of the secondary suppression).
  void relations(Component& c) {
    for (const auto& d : c.dists) {
      if (d.percent || !c.one_answer) continue;
      Relation r;
      for (const auto& [cat, var] : d.cats)
        if (int u = unit_of_var(c, var); u >= 0) r.units.push_back(u);
      if (int u = unit_of_var(c, d.n); u >= 0) r.units.push_back(u);
      if (r.units.size() > 1) c.relations.push_back(std::move(r));
    }
    for (const auto& [parent, children] : sums(c)) {
      std::vector<int> vars{c.dists[parent].n};
      for (const auto& [cat, var] : c.dists[parent].cats) vars.push_back(var);
      std::vector<std::string> labels{"n"};
      for (const auto& [cat, var] : c.dists[parent].cats) labels.push_back(cat);
      for (const auto& label : labels) {
        Relation r;
        auto add = [&](const Dist& d) {
          int var = label == "n" ? d.n : d.cats.at(label);
          int u = unit_of_var(c, var);
          if (u >= 0 && std::find(r.units.begin(), r.units.end(), u) == r.units.end()) r.units.push_back(u);
        };
        add(c.dists[parent]);
        for (std::size_t ch : children) add(c.dists[ch]);
        if (r.units.size() > 1) c.relations.push_back(std::move(r));
      }
    }
  }

 public:
  // Each parent distribution with the children that add up to it: the levels of one
  // dimension under the level above, and the groups under all respondents.
  static std::vector<std::pair<std::size_t, std::vector<std::size_t>>> sums(const Component& c) {
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> at;
    for (std::size_t i = 0; i < c.dists.size(); ++i)
      at[{c.dists[i].group, c.dists[i].breakdown, ""}] = i;
    std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> kids;
    for (std::size_t i = 0; i < c.dists.size(); ++i) {
      const Dist& d = c.dists[i];
      for (const auto& [dim, value] : d.dims) {
        auto rest = d.dims;
        rest.erase(dim);
        std::string parent;
        for (const auto& [k, v] : rest) parent += (parent.empty() ? "" : "&") + k + "=" + v;
        auto p = at.find({d.group, parent, ""});
        if (p != at.end()) kids[{p->second, dim}].push_back(i);
      }
      if (!d.group.empty()) {
        auto p = at.find({"", d.breakdown, ""});
        if (p != at.end()) kids[{p->second, "group"}].push_back(i);
      }
    }
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> out;
    for (auto& [key, children] : kids) out.emplace_back(key.first, std::move(children));
    return out;
  }
};

}  // namespace

std::map<std::string, std::string> parse_breakdown(const std::string& breakdown) {
  std::map<std::string, std::string> dims;
  std::size_t start = 0;
  while (start < breakdown.size()) {
    std::size_t end = breakdown.find('&', start);
    if (end == std::string::npos) end = breakdown.size();
    std::string part = breakdown.substr(start, end - start);
    std::size_t eq = part.find('=');
    if (eq != std::string::npos) dims[part.substr(0, eq)] = part.substr(eq + 1);
    start = end + 1;
  }
  return dims;
}

std::vector<Component> components(const model::Model& m) { return Builder{m, {}, {}}.run(); }

std::vector<std::pair<std::size_t, std::vector<std::size_t>>> sums(const Component& c) { return Builder::sums(c); }

std::set<std::size_t> linked(const Component& c, std::size_t dist) {
  std::set<std::size_t> out{dist};
  for (const auto& [parent, children] : sums(c)) {
    bool in = parent == dist || std::find(children.begin(), children.end(), dist) != children.end();
    if (!in) continue;
    out.insert(parent);
    out.insert(children.begin(), children.end());
  }
  return out;
}

}  // namespace duiding::protect
