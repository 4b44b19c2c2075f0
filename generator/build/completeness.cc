#include "build/completeness.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <vector>

#include "model/round_text.h"

namespace duiding::build {
namespace {

using Row = std::vector<std::string>;

// Rows as columns padded to the widest cell and two spaces apart, each line indented by two.
std::string table(const std::vector<Row>& rows) {
  std::vector<std::size_t> width;
  auto chars = [](const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  };
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], chars(r[i]));
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line = " ";
    for (std::size_t i = 0; i < r.size(); ++i)
      line += (i > 0 ? "  " : " ") + r[i] + (i + 1 < r.size() ? std::string(width[i] - chars(r[i]), ' ') : "");
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string completeness_report(const model::Model& m) {
  const model::Round* current = m.current_round();
  if (current == nullptr) return "";
  // (indicator, group) -> the rounds with figures; group "" is all respondents.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> figures;
  for (const auto& v : m.values) figures[{v.indicator, v.group}].insert(v.round);
  for (const auto& p : m.points) figures[{p.indicator, p.group}].insert(p.round);

  std::vector<const model::Indicator*> survey;
  std::size_t series = 0;
  for (const auto& ind : m.indicators) {
    if (ind.type == model::IndicatorType::kSeries) ++series;
    else survey.push_back(&ind);
  }
  auto group_name = [&](const std::string& g) { return g.empty() ? std::string("alle respondenten") : g; };
  // The entries of one indicator, next to each other in the map: found, not scanned.
  using Figures = decltype(figures);
  auto of = [&](const std::string& id) {
    Figures::const_iterator from = figures.lower_bound({id, ""}), to = from;
    while (to != figures.end() && to->first.first == id) ++to;
    return std::pair{from, to};
  };

  std::string out = "\nVolledigheid per ronde (indicatoren van de meting met cijfers of, als de bron alleen woorden "
                    "geeft, een tekst voor die ronde";
  out += series > 0 ? fmt::format("; {} reeksen met cijfers per jaar tellen niet mee):\n", series) : "):\n";
  std::vector<Row> rows{{"ronde", "indicatoren met cijfers", "per groep (aantal indicatoren)"}};
  for (const auto& r : m.rounds) {
    std::size_t measured = 0;
    std::map<std::string, std::size_t> per_group;
    for (const auto* ind : survey) {
      measured += model::reported_in(m, *ind, r.id) ? 1 : 0;
      for (auto [it, end] = of(ind->id); it != end; ++it)
        if (it->second.count(r.id) > 0) ++per_group[it->first.second];
    }
    std::vector<std::string> groups;
    for (const auto& [g, n] : per_group) groups.push_back(group_name(g) + " " + std::to_string(n));
    rows.push_back({r.id, fmt::format("{} van {}", measured, survey.size()),
                    groups.empty() ? std::string("-") : fmt::format("{}", fmt::join(groups, ", "))});
  }
  out += table(rows);

  std::vector<Row> missing{{"indicator", "groep", "laatste ronde met cijfers"}};
  for (const auto* ind : survey) {
    bool any_group = false;
    for (auto [it, end] = of(ind->id); it != end; ++it) {
      const auto& [key, rounds] = *it;
      if (rounds.count(current->id) > 0) continue;
      std::string last;
      for (const auto& r : rounds)
        if (r < current->id && m.round(r) != nullptr) last = r;
      if (last.empty()) continue;
      missing.push_back({ind->id, group_name(key.second), last});
      any_group = true;
    }
    if (!any_group && !model::reported_in(m, *ind, current->id)) {
      const model::Round* last = model::latest_reported(m, *ind, current->id);
      missing.push_back({ind->id, "(alleen in woorden)", last != nullptr ? last->id : "nooit"});
    }
  }
  if (missing.size() == 1) {
    out += fmt::format("Alle indicatoren en groepen met eerdere cijfers hebben cijfers in de huidige ronde {}.\n",
                       current->id);
  } else {
    out += fmt::format("Zonder cijfers in de huidige ronde {} ({} regels; de site toont ze als 'niet gemeten in {}' "
                       "met hun laatste ronde):\n",
                       current->id, missing.size() - 1, current->id);
    out += table(missing);
  }
  return out;
}

}  // namespace duiding::build
