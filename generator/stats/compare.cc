#include "stats/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "stats/summary.h"

namespace duiding::stats {
namespace {

using model::IndicatorType;
using Values = std::vector<const model::Value*>;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A count made from a percentage of n respondents. Percentages in reports are rounded,
// so the count is the nearest whole number; docs/statistics.md says so.
long count_of(double percent, long n) {
  return std::clamp(std::lround(percent * static_cast<double>(n) / 100.0), 0L, n);
}

// A round's own interval: exact over the finite population for a random sample or a
// census of a known population, else Wilson's without any correction (a self-selected
// group is not a probability sample of a list).
ShareEstimate own_interval(long x, long n, std::optional<long> population, model::Design design,
                           std::string& method) {
  ShareEstimate e = wilson(x, n);
  method = "wilson";
  if (design == model::Design::kSelfSelected || !population || !e.computable) return e;
  ExactShare exact = hypergeometric_interval(x, n, *population);
  if (!exact.computable) return e;
  e.population = population;
  e.fpc = fpc_factor(n, population);
  e.ci = exact.ci;
  method = "hypergeometric-exact";
  return e;
}

Verdict verdict_of(double p, double difference) {
  if (p > kAlpha) return Verdict::kNoDifference;
  return difference > 0 ? Verdict::kHigher : Verdict::kLower;
}

std::string unknown_n(const std::string& where) {
  return "het aantal deelnemers (n)" + (where.empty() ? std::string() : " van " + where) +
         " is niet bekend, dus de percentages zijn niet om te zetten in aantallen";
}

class Comparer {
 public:
  Comparer(const model::Model& m, const model::Indicator& ind, const Values& values)
      : m_(m), ind_(ind), values_(values) {}

  Comparison run() {
    Comparison c;
    const bool categorical = ind_.type == IndicatorType::kLikert || ind_.type == IndicatorType::kChoice;
    if (ind_.type == IndicatorType::kSeries) {
      series(c);
      return c;
    }
    if (!categorical && ind_.type != IndicatorType::kScale) return c;
    bool several_rounds = false, any_round = false;
    for (const std::string& group : groups()) {
      if (group == ind_.reference_group) continue;
      std::vector<std::string> rounds = rounds_of(group);
      several_rounds = several_rounds || rounds.size() > 1;
      any_round = any_round || !rounds.empty();
      if (categorical && !ind_.positive.empty() && !(ind_.multiple && ind_.positive.size() > 1)) shares(c, group, rounds);
      if (!ind_.multiple) {
        for (std::size_t i = 1; i < rounds.size(); ++i) between_rounds(c, group, rounds[i - 1], rounds[i]);
        if (categorical) breakdowns(c, group);
      }
    }
    if (!ind_.reference_group.empty()) fits(c);
    if (any_round && !several_rounds) {
      c.notes.push_back(
          "Deze vraag is in één meting gesteld. Een vergelijking tussen metingen volgt zodra er een tweede "
          "meting is.");
    }
    if (ind_.multiple && several_rounds) {
      c.notes.push_back(
          "Bij deze vraag konden deelnemers meer dan één antwoord kiezen. De antwoorden vormen daarom geen "
          "verdeling die optelt tot 100 %, en de hele verdeling wordt niet tussen metingen getoetst.");
    }
    if (ind_.multiple && ind_.positive.size() > 1) {
      c.notes.push_back(
          "Het kerncijfer telt meerdere antwoorden op; dat is geen aandeel deelnemers en wordt daarom niet "
          "tussen metingen getoetst.");
    }
    return c;
  }

 private:
  std::vector<std::string> groups() const {
    std::vector<std::string> out;
    auto has = [&](const std::string& g) {
      return std::any_of(values_.begin(), values_.end(), [&](auto* v) { return v->group == g; });
    };
    for (const auto& g : ind_.groups)
      if (has(g)) out.push_back(g);
    if (has("")) out.push_back("");
    return out;
  }

  // Rounds (by id) in which the group has overall answer values.
  std::vector<std::string> rounds_of(const std::string& group) const {
    std::set<std::string> ids;
    for (const auto* v : values_)
      if (v->group == group && v->breakdown.empty() && v->measure == "value") ids.insert(v->round);
    return {ids.begin(), ids.end()};
  }

  std::string round_label(const std::string& id) const {
    const model::Round* r = m_.round(id);
    return r ? r->label : id;
  }

  std::optional<long> population(const std::string& round, const std::string& group) const {
    const model::Sample* s = m_.sample(round, group);
    return s ? s->population : std::nullopt;
  }

  // category id → value of one round, group and breakdown (measure "value").
  std::map<std::string, double> answers(const std::string& round, const std::string& group,
                                        const std::string& breakdown) const {
    std::map<std::string, double> out;
    for (const auto* v : values_)
      if (v->round == round && v->group == group && v->breakdown == breakdown && v->measure == "value")
        out[v->category] = v->value;
    return out;
  }

  bool suppressed(const std::string& round, const std::string& group, const std::string& breakdown,
                  const std::string& category) const {
    return m_.suppressed_cells.count(model::cell_key(round, ind_.id, group, breakdown, category, "value")) > 0;
  }

  // The categories of the indicator in their order (for a scale, the bins numerically)
  // that any of `tables` gives.
  std::vector<std::string> category_order(const std::vector<std::map<std::string, double>>& tables) const {
    std::vector<std::string> out;
    if (ind_.type == IndicatorType::kScale) {
      std::set<int> bins;
      for (const auto& t : tables)
        for (const auto& [k, v] : t) bins.insert(std::stoi(k));
      for (int b : bins) out.push_back(std::to_string(b));
      return out;
    }
    for (const auto& cat : ind_.categories) {
      bool any = std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return t.count(cat.id) > 0; });
      if (any) out.push_back(cat.id);
    }
    return out;
  }

  // Of `order`, the categories every row gives: a category a row does not give is not an
  // answer of 0 people, so the test covers the others and names it in `left_out`.
  // `row_names` name the rows for that sentence. Returns nullopt with a reason when a
  // cell was suppressed by disclosure control: no statistic is computed from such a table.
  std::optional<std::vector<std::string>> given_by_all(const std::vector<std::map<std::string, double>>& rows,
                                                       const std::vector<std::string>& row_names,
                                                       const std::vector<std::pair<std::string, std::string>>& cells,
                                                       const std::string& group, std::vector<std::string>& left_out,
                                                       std::string& reason) const {
    std::vector<std::string> all = category_order(rows);
    if (ind_.type != IndicatorType::kScale)
      for (const auto& cat : ind_.categories)
        if (!contains(all, cat.id)) all.push_back(cat.id);
    for (const auto& cat : all)
      for (const auto& [round, breakdown] : cells)
        if (suppressed(round, group, breakdown, cat)) {
          reason = "een of meer cijfers van deze verdeling zijn afgeschermd omdat ze op te weinig mensen rusten; "
                   "een toets zou ze kunnen verraden";
          return std::nullopt;
        }
    std::vector<std::string> kept;
    for (const auto& cat : category_order(rows)) {
      std::vector<std::string> lacking;
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].count(cat) == 0) lacking.push_back(row_names[i]);
      if (lacking.empty()) kept.push_back(cat);
      else left_out.push_back(label(cat) + " (niet gegeven voor " + fmt::format("{}", fmt::join(lacking, ", ")) + ")");
    }
    if (ind_.type != IndicatorType::kScale)
      for (const auto& cat : ind_.categories)
        if (!contains(category_order(rows), cat.id)) left_out.push_back(cat.label + " (nergens gegeven)");
    return kept;
  }

  std::string label(const std::string& category) const {
    return ind_.type == IndicatorType::kScale ? category : ind_.category_label(category);
  }

  // Counts of one round of answers: as given for unit count, else from percentages of n.
  std::optional<std::vector<long>> counts(const std::map<std::string, double>& answers,
                                          const std::vector<std::string>& order, std::optional<long> n) const {
    std::vector<long> out;
    for (const auto& cat : order) {
      auto it = answers.find(cat);
      if (it == answers.end()) return std::nullopt;  // not given: never a 0
      double v = it->second;
      if (ind_.unit == "count") out.push_back(std::lround(v));
      else if (n) out.push_back(count_of(v, *n));
      else return std::nullopt;
    }
    return out;
  }

  std::string too_few_reason(const std::string& round, long n) const {
    return fmt::format("{} heeft {} waarneming{}, minder dan {}", round_label(round), n, n == 1 ? "" : "en", m_.site.min_cell);
  }

  void shares(Comparison& c, const std::string& group, const std::vector<std::string>& rounds) const {
    ShareComparison sc;
    sc.group = group;
    for (const std::string& round : rounds) {
      auto a = answers(round, group, "");
      double positive = 0, total = 0;
      std::size_t found = 0;
      for (const auto& [cat, v] : a) {
        total += v;
        if (contains(ind_.positive, cat)) positive += v, ++found;
      }
      if (found == 0) continue;
      if (found < ind_.positive.size()) {
        // Part of the headline is not given (or suppressed): the sum of the rest is not it.
        std::vector<std::string> lacking;
        for (const auto& cat : ind_.positive)
          if (a.count(cat) == 0) lacking.push_back(ind_.category_label(cat));
        c.notes.push_back(fmt::format("{}, {}: het kerncijfer is niet te berekenen, want de bron geeft geen cijfer "
                                      "voor {}; daarom is deze meting niet vergeleken.",
                                      m_.group_label(group), round_label(round), fmt::join(lacking, ", ")));
        continue;
      }
      RoundShare rs;
      rs.round = round;
      rs.round_label = round_label(round);
      rs.population = population(round, group);
      if (const model::Sample* sample = m_.sample(round, group)) rs.design = sample->design;
      std::optional<long> x;
      if (ind_.unit == "count") {
        if (ind_.multiple) {
          // Mentions are a share of people only over the question's own n (summary.cc).
          const bool own_n = std::any_of(values_.begin(), values_.end(), [&](const model::Value* v) {
            return v->measure == "n" && v->round == round && v->group == group && v->breakdown.empty();
          });
          if (own_n) rs.n = respondents(m_, values_, round, group, "");
          if (rs.n && positive > static_cast<double>(*rs.n)) rs.n.reset();
        } else if (total > 0) {
          rs.n = std::lround(total);
        }
        if (!rs.n || *rs.n <= 0) continue;  // a count without a base gives no share
        x = std::lround(positive);
        rs.percent = 100.0 * positive / static_cast<double>(*rs.n);
      } else {
        rs.percent = positive;
        rs.n = respondents(m_, values_, round, group, "");
        if (rs.n) x = count_of(positive, *rs.n);
      }
      if (rs.n && x) rs.estimate = own_interval(*x, *rs.n, rs.population, rs.design, rs.ci_method);
      sc.rounds.push_back(rs);
    }
    if (sc.rounds.size() < 2) return;
    for (std::size_t i = 1; i < sc.rounds.size(); ++i) sc.changes.push_back(change(sc.rounds[i - 1], sc.rounds[i]));
    c.shares.push_back(std::move(sc));
  }

  ShareChange change(const RoundShare& from, const RoundShare& to) const {
    ShareChange ch;
    ch.from = from.round;
    ch.to = to.round;
    ch.points = to.percent - from.percent;
    if (!from.estimate || !to.estimate) {
      ch.verdict = Verdict::kNotTested;
      ch.reason = unknown_n(from.estimate ? to.round_label : from.round_label);
      return ch;
    }
    const long min_cell = m_.site.min_cell;
    if (from.estimate->n < min_cell || to.estimate->n < min_cell) {
      ch.verdict = Verdict::kTooFew;
      ch.reason = from.estimate->n < min_cell ? too_few_reason(from.round, from.estimate->n)
                                              : too_few_reason(to.round, to.estimate->n);
      return ch;
    }
    // Between rounds the question is about the service, not one fixed list of people:
    // no finite-population correction, whatever the design (docs/statistics.md).
    const ShareEstimate& a = *to.estimate;
    const ShareEstimate& b = *from.estimate;
    ScoreChange sc = score_change(a.x, a.n, b.x, b.n);
    ch.difference = sc.difference;
    ch.test = sc.test;
    if (!ch.test->computable) {
      ch.verdict = Verdict::kNoDifference;
      ch.reason = ch.test->reason;
      return ch;
    }
    ch.verdict = verdict_of(ch.test->p_value, ch.difference->difference);
    return ch;
  }

  void between_rounds(Comparison& c, const std::string& group, const std::string& from, const std::string& to) const {
    TableTest t;
    t.kind = TableTest::Kind::kRounds;
    t.group = group;
    t.from_round = from;
    t.round = to;
    t.row_labels = {round_label(from), round_label(to)};
    auto a = answers(from, group, ""), b = answers(to, group, "");
    auto order = given_by_all({a, b}, t.row_labels, {{from, ""}, {to, ""}}, group, t.left_out, t.reason);
    if (!order) {
      c.tables.push_back(std::move(t));
      return;
    }
    for (const auto& cat : *order) t.column_labels.push_back(label(cat));
    std::optional<long> na = ind_.unit == "count" ? std::nullopt : respondents(m_, values_, from, group, "");
    std::optional<long> nb = ind_.unit == "count" ? std::nullopt : respondents(m_, values_, to, group, "");
    auto ca = counts(a, *order, na), cb = counts(b, *order, nb);
    fill(t, {ca, cb}, {from, to});
    // Ordered answers: the Wilcoxon-Mann-Whitney test is the main test, χ² secondary.
    if (t.tested && ind_.type != IndicatorType::kChoice) {
      t.ordinal = mann_whitney(t.counts[0], t.counts[1]);
      if (!t.ordinal->computable) t.ordinal.reset();
    }
    c.tables.push_back(std::move(t));
  }

  // Runs the test when every row has counts and enough respondents.
  void fill(TableTest& t, const std::vector<std::optional<std::vector<long>>>& rows,
            const std::vector<std::string>& row_names) const {
    if (t.column_labels.size() < 2) {
      t.reason = "minder dan twee antwoorden zijn in alle " +
                 std::string(t.kind == TableTest::Kind::kRounds ? "metingen" : "groepen") + " gegeven";
      return;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!rows[i]) {
        t.reason = unknown_n(t.kind == TableTest::Kind::kRounds ? round_label(row_names[i]) : row_names[i]);
        t.counts.clear();
        return;
      }
      long n = 0;
      for (long x : *rows[i]) n += x;
      if (n < m_.site.min_cell) {
        t.reason = t.kind == TableTest::Kind::kRounds ? too_few_reason(row_names[i], n)
                                                      : fmt::format("{} heeft {} waarneming{}, minder dan {}", row_names[i], n, n == 1 ? "" : "en", m_.site.min_cell);
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

  void breakdowns(Comparison& c, const std::string& group) const {
    std::vector<std::string> dims;
    for (const auto* v : values_) {
      if (v->group != group || v->breakdown.empty() || v->measure != "value") continue;
      std::string dim = v->breakdown.substr(0, v->breakdown.find('='));
      if (!contains(dims, dim)) dims.push_back(dim);
    }
    for (const std::string& dim : dims) {
      std::set<std::string> rounds;
      for (const auto* v : values_)
        if (v->group == group && v->breakdown.rfind(dim + "=", 0) == 0) rounds.insert(v->round);
      for (const std::string& round : rounds) {
        TableTest t;
        t.kind = TableTest::Kind::kBreakdown;
        t.group = group;
        t.round = round;
        t.dimension = dim;
        std::vector<std::string> levels;
        for (const auto* v : values_)
          if (v->group == group && v->round == round && v->measure == "value" && v->breakdown.rfind(dim + "=", 0) == 0 &&
              !contains(levels, v->breakdown))
            levels.push_back(v->breakdown);
        std::vector<std::map<std::string, double>> tables;
        std::vector<std::pair<std::string, std::string>> cells;
        std::vector<std::string> names;
        for (const auto& l : levels) {
          tables.push_back(answers(round, group, l));
          cells.emplace_back(round, l);
          names.push_back(l.substr(dim.size() + 1));
        }
        t.row_labels = names;
        auto order = given_by_all(tables, names, cells, group, t.left_out, t.reason);
        if (!order) {
          c.tables.push_back(std::move(t));
          continue;
        }
        for (const auto& cat : *order) t.column_labels.push_back(label(cat));
        std::vector<std::optional<std::vector<long>>> rows;
        for (std::size_t i = 0; i < levels.size(); ++i) {
          std::optional<long> n = ind_.unit == "count" ? std::nullopt : respondents(m_, values_, round, group, levels[i]);
          rows.push_back(counts(tables[i], *order, n));
        }
        fill(t, rows, names);
        c.tables.push_back(std::move(t));
      }
    }
  }

  void fits(Comparison& c) const {
    const std::string& ref = ind_.reference_group;
    for (const std::string& group : groups()) {
      if (group == ref) continue;
      for (const std::string& round : rounds_of(group)) {
        auto sample = answers(round, group, "");
        auto reference = answers(round, ref, "");
        if (reference.empty()) continue;
        FitTest f;
        f.group = group;
        f.reference_group = ref;
        f.round = round;
        f.n = ind_.unit == "count" ? std::nullopt : respondents(m_, values_, round, group, "");
        f.population = population(round, group);
        std::vector<std::string> kept;
        bool hidden = false;
        for (const auto& cat : ind_.categories)
          hidden = hidden || suppressed(round, group, "", cat.id) || suppressed(round, ref, "", cat.id);
        if (hidden) {
          f.reason = "een of meer cijfers van deze verdeling zijn afgeschermd omdat ze op te weinig mensen rusten; "
                     "een toets zou ze kunnen verraden";
          c.fits.push_back(std::move(f));
          continue;
        }
        for (const auto& cat : ind_.categories) {
          bool in_sample = sample.count(cat.id) > 0, in_reference = reference.count(cat.id) > 0;
          if (in_sample && in_reference) kept.push_back(cat.id);
          else if (in_sample || in_reference) f.left_out.push_back(cat.label);
        }
        for (const auto& cat : kept) {
          f.categories.push_back(ind_.category_label(cat));
          f.reference_percent.push_back(reference[cat]);
        }
        if (auto obs = counts(sample, kept, f.n)) {
          f.observed = *obs;
          long total = 0;
          for (long x : f.observed) total += x;
          if (ind_.unit == "count") f.n = total;
          if (total < m_.site.min_cell) {
            f.reason = fmt::format("er zijn {} waarnemingen, minder dan {}", total, m_.site.min_cell);
          } else {
            f.result = chi_square_goodness_of_fit(f.observed, f.reference_percent);
            f.tested = f.result.computable;
            if (!f.tested) f.reason = f.result.reason;
          }
        } else {
          f.reason = unknown_n("");
        }
        // The correction only for a probability sample or census (docs/statistics.md).
        const model::Sample* sample_row = m_.sample(round, group);
        const bool finite = sample_row && sample_row->design != model::Design::kSelfSelected;
        if (!finite) f.population.reset();  // not a sample of that population
        if (f.n) f.margin = margin_of_error(*f.n, f.population);
        c.fits.push_back(std::move(f));
      }
    }
  }

  void series(Comparison& c) const {
    std::map<std::string, std::map<std::string, double>> by_group;  // group → year → value
    for (const auto* v : values_)
      if (v->measure == "value" && v->breakdown.empty()) by_group[v->group][v->round] = v->value;
    for (const std::string& group : groups()) {
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

  const model::Model& m_;
  const model::Indicator& ind_;
  const Values& values_;
};

}  // namespace

const char* verdict_text(Verdict v) {
  switch (v) {
    case Verdict::kHigher: return "significant hoger";
    case Verdict::kLower: return "significant lager";
    case Verdict::kNoDifference: return "verschil niet aan te tonen";
    case Verdict::kTooFew: return "te weinig waarnemingen om te vergelijken";
    case Verdict::kNotTested: return "niet getoetst";
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
  return Comparer(m, ind, values).run();
}

}  // namespace duiding::stats
