// Tests of whole distributions: one round against the next, the levels of a breakdown,
// a group against the reference group. Only the answers every row gives are tested (a
// missing answer is never a 0), never a table with a suppressed cell; ordered answers get
// a rank test as the main test, χ² stays beside it (docs/statistics.md).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "text/site_text.h"
#include "stats/compare_source.h"
#include "stats/summary.h"

namespace duiding::stats::detail {
namespace {

using model::IndicatorType;

std::string label(const Source& s, const std::string& category) {
  return s.ind.type == IndicatorType::kScale ? category : s.ind.category_label(category);
}

// The categories of the indicator in their order (for a scale, the bins numerically)
// that any of `tables` gives.
std::vector<std::string> category_order(const Source& s, const std::vector<std::map<std::string, double>>& tables) {
  std::vector<std::string> out;
  if (s.ind.type == IndicatorType::kScale) {
    std::set<int> bins;
    for (const auto& t : tables)
      for (const auto& [k, v] : t) bins.insert(std::stoi(k));
    for (int b : bins) out.push_back(std::to_string(b));
    return out;
  }
  for (const auto& cat : s.ind.categories) {
    bool any = std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return t.count(cat.id) > 0; });
    if (any) out.push_back(cat.id);
  }
  return out;
}

// Of the categories, those every row gives: a category a row does not give is not an
// answer of 0 people, so the test covers the others and names it in `left_out`.
// `row_names` name the rows for that sentence. Returns nullopt with a reason when a
// cell was suppressed by disclosure control: no statistic is computed from such a table.
std::optional<std::vector<std::string>> given_by_all(const Source& s, const std::vector<std::map<std::string, double>>& rows,
                                                     const std::vector<std::string>& row_names,
                                                     const std::vector<std::pair<std::string, std::string>>& cells,
                                                     const std::string& group, std::vector<std::string>& left_out,
                                                     std::string& reason) {
  const std::vector<std::string> order = category_order(s, rows);
  std::vector<std::string> all = order;
  if (s.ind.type != IndicatorType::kScale)
    for (const auto& cat : s.ind.categories)
      if (!contains(all, cat.id)) all.push_back(cat.id);
  for (const auto& cat : all)
    for (const auto& [round, breakdown] : cells)
      if (s.suppressed(round, group, breakdown, cat)) {
        reason = txt::reden_cijfers_afgeschermd();
        return std::nullopt;
      }
  std::vector<std::string> kept;
  for (const auto& cat : order) {
    std::vector<std::string> lacking;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].count(cat) == 0) lacking.push_back(row_names[i]);
    if (lacking.empty()) kept.push_back(cat);
    else left_out.push_back(txt::antwoord_niet_gegeven_voor(label(s, cat), fmt::format("{}", fmt::join(lacking, ", "))));
  }
  if (s.ind.type != IndicatorType::kScale)
    for (const auto& cat : s.ind.categories)
      if (!contains(order, cat.id)) left_out.push_back(txt::antwoord_nergens_gegeven(cat.label));
  return kept;
}

// Counts of one round of answers: as given for unit count, else from percentages of n.
std::optional<std::vector<long>> counts(const Source& s, const std::map<std::string, double>& answers,
                                        const std::vector<std::string>& order, std::optional<long> n) {
  std::vector<long> out;
  for (const auto& cat : order) {
    auto it = answers.find(cat);
    if (it == answers.end()) return std::nullopt;  // not given: never a 0
    double v = it->second;
    if (s.ind.unit == "count") out.push_back(std::lround(v));
    else if (n) out.push_back(count_of(v, *n));
    else return std::nullopt;
  }
  return out;
}

// Runs χ² when every row has counts and enough respondents.
void fill(const Source& s, TableTest& t, const std::vector<std::optional<std::vector<long>>>& rows,
          const std::vector<std::string>& row_names) {
  const bool rounds = t.kind == TableTest::Kind::kRounds;
  if (t.column_labels.size() < 2) {
    t.reason = rounds ? txt::reden_minder_dan_twee_antwoorden_metingen() : txt::reden_minder_dan_twee_antwoorden_groepen();
    return;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i]) {
      t.reason = unknown_n(rounds ? s.round_label(row_names[i]) : row_names[i]);
      t.counts.clear();
      return;
    }
    long n = 0;
    for (long x : *rows[i]) n += x;
    if (n < s.m.site.min_cell) {
      t.reason = rounds ? s.too_few_reason(row_names[i], n)
                        : txt::reden_te_weinig_waarnemingen(row_names[i], n, s.m.site.min_cell);
      t.counts.clear();
      return;
    }
    t.counts.push_back(*rows[i]);
  }
  t.tested = true;
  t.result = chi_square_table(t.counts);
  if (!t.result.computable) {
    t.tested = false;
    t.reason = t.result.reason;
  }
}

bool ordered(const Source& s) { return s.ind.type != IndicatorType::kChoice; }

}  // namespace

void round_table(const Source& s, Comparison& c, const std::string& group, const std::string& from, const std::string& to) {
  TableTest t;
  t.kind = TableTest::Kind::kRounds;
  t.group = group;
  t.from_round = from;
  t.round = to;
  t.row_labels = {s.round_label(from), s.round_label(to)};
  auto a = s.answers(from, group, ""), b = s.answers(to, group, "");
  auto order = given_by_all(s, {a, b}, t.row_labels, {{from, ""}, {to, ""}}, group, t.left_out, t.reason);
  if (!order) {
    c.tables.push_back(std::move(t));
    return;
  }
  for (const auto& cat : *order) t.column_labels.push_back(label(s, cat));
  const bool count = s.ind.unit == "count";
  std::optional<long> na = count ? std::nullopt : respondents(s.m, s.values, from, group, "");
  std::optional<long> nb = count ? std::nullopt : respondents(s.m, s.values, to, group, "");
  fill(s, t, {counts(s, a, *order, na), counts(s, b, *order, nb)}, {from, to});
  // Ordered answers: the Wilcoxon-Mann-Whitney test is the main test, χ² secondary.
  if (t.tested && ordered(s)) {
    t.ordinal = mann_whitney(t.counts[0], t.counts[1]);
    if (!t.ordinal->computable) t.ordinal.reset();
  }
  c.tables.push_back(std::move(t));
}

void breakdown_tables(const Source& s, Comparison& c, const std::string& group) {
  std::vector<std::string> dims;
  for (const auto* v : s.values) {
    if (v->group != group || v->breakdown.empty() || v->measure != "value") continue;
    std::string dim = v->breakdown.substr(0, v->breakdown.find('='));
    if (!contains(dims, dim)) dims.push_back(dim);
  }
  for (const std::string& dim : dims) {
    std::set<std::string> rounds;
    for (const auto* v : s.values)
      if (v->group == group && v->breakdown.rfind(dim + "=", 0) == 0) rounds.insert(v->round);
    for (const std::string& round : rounds) {
      TableTest t;
      t.kind = TableTest::Kind::kBreakdown;
      t.group = group;
      t.round = round;
      t.dimension = dim;
      std::vector<std::string> levels;
      for (const auto* v : s.values)
        if (v->group == group && v->round == round && v->measure == "value" && v->breakdown.rfind(dim + "=", 0) == 0 &&
            !contains(levels, v->breakdown))
          levels.push_back(v->breakdown);
      std::vector<std::map<std::string, double>> tables;
      std::vector<std::pair<std::string, std::string>> cells;
      std::vector<std::string> names;
      for (const auto& l : levels) {
        tables.push_back(s.answers(round, group, l));
        cells.emplace_back(round, l);
        names.push_back(l.substr(dim.size() + 1));
      }
      t.row_labels = names;
      auto order = given_by_all(s, tables, names, cells, group, t.left_out, t.reason);
      if (!order) {
        c.tables.push_back(std::move(t));
        continue;
      }
      for (const auto& cat : *order) t.column_labels.push_back(label(s, cat));
      std::vector<std::optional<std::vector<long>>> rows;
      for (std::size_t i = 0; i < levels.size(); ++i) {
        std::optional<long> n = s.ind.unit == "count" ? std::nullopt : respondents(s.m, s.values, round, group, levels[i]);
        rows.push_back(counts(s, tables[i], *order, n));
      }
      fill(s, t, rows, names);
      // Ordered answers: Kruskal-Wallis over the levels is the main test, χ² secondary.
      if (t.tested && ordered(s)) {
        t.kruskal = kruskal_wallis(t.counts);
        if (!t.kruskal->computable) t.kruskal.reset();
      }
      c.tables.push_back(std::move(t));
    }
  }
}

void fit_tests(const Source& s, Comparison& c) {
  const std::string& ref = s.ind.reference_group;
  for (const std::string& group : s.groups()) {
    if (group == ref) continue;
    for (const std::string& round : s.rounds_of(group)) {
      auto sample = s.answers(round, group, "");
      auto reference = s.answers(round, ref, "");
      if (reference.empty()) continue;
      FitTest f;
      f.group = group;
      f.reference_group = ref;
      f.round = round;
      f.n = s.ind.unit == "count" ? std::nullopt : respondents(s.m, s.values, round, group, "");
      f.population = s.population(round, group);
      bool hidden = false;
      for (const auto& cat : s.ind.categories)
        hidden = hidden || s.suppressed(round, group, "", cat.id) || s.suppressed(round, ref, "", cat.id);
      if (hidden) {
        f.reason = txt::reden_cijfers_afgeschermd();
        c.fits.push_back(std::move(f));
        continue;
      }
      std::vector<std::string> kept;
      for (const auto& cat : s.ind.categories) {
        bool in_sample = sample.count(cat.id) > 0, in_reference = reference.count(cat.id) > 0;
        if (in_sample && in_reference) kept.push_back(cat.id);
        else if (in_sample || in_reference) f.left_out.push_back(cat.label);
      }
      for (const auto& cat : kept) {
        f.categories.push_back(s.ind.category_label(cat));
        f.reference_percent.push_back(reference[cat]);
      }
      if (auto obs = counts(s, sample, kept, f.n)) {
        f.observed = *obs;
        long total = 0;
        for (long x : f.observed) total += x;
        if (s.ind.unit == "count") f.n = total;
        if (total < s.m.site.min_cell) {
          f.reason = txt::reden_er_zijn_te_weinig_waarnemingen(total, s.m.site.min_cell);
        } else {
          f.result = chi_square_goodness_of_fit(f.observed, f.reference_percent);
          f.tested = f.result.computable;
          if (!f.tested) f.reason = f.result.reason;
        }
      } else {
        f.reason = unknown_n("");
      }
      // The correction only for a probability sample or census (docs/statistics.md).
      const model::Sample* sample_row = s.m.sample(round, group);
      const bool finite = sample_row && sample_row->design != model::Design::kSelfSelected;
      if (!finite) f.population.reset();  // not a sample of that population
      if (f.n) f.margin = margin_of_error(*f.n, f.population);
      c.fits.push_back(std::move(f));
    }
  }
}

}  // namespace duiding::stats::detail
