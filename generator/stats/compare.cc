// What is compared for an indicator and in which order: the share of positive answers
// (compare_shares.cc), whole distributions (compare_tables.cc), series steps (here), and
// the notes that say what is not compared and why.
#include "stats/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text/site_text.h"
#include "stats/compare_source.h"

namespace duiding::stats {
namespace detail {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

long count_of(double percent, long n) {
  return std::clamp(std::lround(percent * static_cast<double>(n) / 100.0), 0L, n);
}

std::string unknown_n(const std::string& where) {
  return where.empty() ? txt::reden_n_onbekend() : txt::reden_n_onbekend_van(where);
}

std::vector<std::string> Source::groups() const {
  std::vector<std::string> out;
  auto has = [&](const std::string& g) {
    return std::any_of(values.begin(), values.end(), [&](auto* v) { return v->group == g; });
  };
  for (const auto& g : ind.groups)
    if (has(g)) out.push_back(g);
  if (has("")) out.push_back("");
  return out;
}

std::vector<std::string> Source::rounds_of(const std::string& group) const {
  std::set<std::string> ids;
  for (const auto* v : values)
    if (v->group == group && v->breakdown.empty() && v->measure == "value") ids.insert(v->round);
  return {ids.begin(), ids.end()};
}

std::string Source::round_label(const std::string& id) const {
  const model::Round* r = m.round(id);
  return r ? r->label : id;
}

std::optional<long> Source::population(const std::string& round, const std::string& group) const {
  const model::Sample* s = m.sample(round, group);
  return s ? s->population : std::nullopt;
}

std::map<std::string, double> Source::answers(const std::string& round, const std::string& group,
                                              const std::string& breakdown) const {
  std::map<std::string, double> out;
  for (const auto* v : values)
    if (v->round == round && v->group == group && v->breakdown == breakdown && v->measure == "value")
      out[v->category] = v->value;
  return out;
}

bool Source::suppressed(const std::string& round, const std::string& group, const std::string& breakdown,
                        const std::string& category) const {
  return m.suppressed_cells.count(model::cell_key(round, ind.id, group, breakdown, category, "value")) > 0;
}

std::string Source::too_few_reason(const std::string& round, long n) const {
  return txt::reden_te_weinig_waarnemingen(round_label(round), n, m.site.min_cell);
}

}  // namespace detail

namespace {

using model::IndicatorType;

void series(const detail::Source& s, Comparison& c) {
  std::map<std::string, std::map<std::string, double>> by_group;  // group → year → value
  for (const auto* v : s.values)
    if (v->measure == "value" && v->breakdown.empty()) by_group[v->group][v->round] = v->value;
  for (const std::string& group : s.groups()) {
    const auto& years = by_group[group];
    if (years.size() < 2) continue;
    for (auto it = std::next(years.begin()); it != years.end(); ++it) {
      auto prev = std::prev(it);
      c.series.push_back({group, prev->first, it->first, series_step(prev->second, it->second), false});
    }
    if (years.size() > 2) {
      c.series.push_back({group, years.begin()->first, years.rbegin()->first,
                          series_step(years.begin()->second, years.rbegin()->second), true});
    }
  }
}

}  // namespace

std::string verdict_text(Verdict v) {
  switch (v) {
    case Verdict::kHigher: return txt::oordeel_hoger();
    case Verdict::kLower: return txt::oordeel_lager();
    case Verdict::kNoDifference: return txt::oordeel_geen_verschil();
    case Verdict::kTooFew: return txt::oordeel_te_weinig();
    case Verdict::kNotTested: return txt::oordeel_niet_getoetst();
  }
  return "";
}

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::kHigher: return "higher";
    case Verdict::kLower: return "lower";
    case Verdict::kNoDifference: return "no-difference";
    case Verdict::kTooFew: return "too-few";
    case Verdict::kNotTested: return "not-tested";
  }
  return "";
}

const ShareChange* change_to(const Comparison& c, const std::string& group, const std::string& round) {
  for (const auto& s : c.shares) {
    if (s.group != group) continue;
    for (const auto& ch : s.changes)
      if (ch.to == round) return &ch;
  }
  return nullptr;
}

Comparison compare(const model::Model& m, const model::Indicator& ind, const std::vector<const model::Value*>& values) {
  const detail::Source s(m, ind, values);
  Comparison c;
  const bool categorical = ind.type == IndicatorType::kLikert || ind.type == IndicatorType::kChoice;
  if (ind.type == IndicatorType::kSeries) {
    series(s, c);
    return c;
  }
  if (!categorical && ind.type != IndicatorType::kScale) return c;
  bool several_rounds = false, any_round = false;
  for (const std::string& group : s.groups()) {
    if (group == ind.reference_group) continue;
    std::vector<std::string> rounds = s.rounds_of(group);
    several_rounds = several_rounds || rounds.size() > 1;
    any_round = any_round || !rounds.empty();
    if (categorical && !ind.positive.empty() && !(ind.multiple && ind.positive.size() > 1))
      detail::share_changes(s, c, group, rounds);
    if (!ind.multiple) {
      for (std::size_t i = 1; i < rounds.size(); ++i) detail::round_table(s, c, group, rounds[i - 1], rounds[i]);
      if (categorical) detail::breakdown_tables(s, c, group);
    }
  }
  if (!ind.reference_group.empty()) detail::fit_tests(s, c);
  if (any_round && !several_rounds) {
    c.notes.push_back(txt::noot_een_meting());
  }
  if (ind.multiple && several_rounds) {
    c.notes.push_back(txt::noot_meerdere_antwoorden());
  }
  if (ind.multiple && ind.positive.size() > 1) {
    c.notes.push_back(txt::noot_kerncijfer_telt_op());
  }
  return c;
}

}  // namespace duiding::stats
