#include "stats/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "text/site_text.h"

namespace duiding::stats {
namespace {

using model::IndicatorType;
using Values = std::vector<const model::Value*>;

std::string dimension_of(const std::string& breakdown) {
  return breakdown.substr(0, breakdown.find('='));
}
std::string level_of(const std::string& breakdown) {
  std::size_t eq = breakdown.find('=');
  return eq == std::string::npos ? breakdown : breakdown.substr(eq + 1);
}

// Rounds sort by id; a series' years are ids of four digits and sort the same way.
std::vector<std::string> rounds_in(const Values& vs) {
  std::set<std::string> ids;
  for (const auto* v : vs) ids.insert(v->round);
  return {ids.begin(), ids.end()};
}

// Distinct values of `key` in order of first appearance.
template <typename Key>
std::vector<std::string> first_seen(const Values& vs, Key key) {
  std::vector<std::string> out;
  for (const auto* v : vs) {
    std::string k = key(*v);
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

Values where(const Values& vs, auto pred) {
  Values out;
  for (const auto* v : vs)
    if (pred(*v)) out.push_back(v);
  return out;
}

class Summarizer {
 public:
  Summarizer(const model::Model& m, const model::Indicator& ind, const Values& values, const std::string& round)
      : m_(m), ind_(ind), values_(values), headline_round_(round) {}

  IndicatorSummary run() {
    IndicatorSummary s;
    s.indicator = &ind_;
    s.value_count = values_.size();
    for (const std::string& group : groups()) {
      Values gv = where(values_, [&](const model::Value& v) { return v.group == group; });
      switch (ind_.type) {
        case IndicatorType::kLikert:
        case IndicatorType::kChoice: categorical(s, group, gv); break;
        case IndicatorType::kScale: per_round(s, group, gv, &Summarizer::scale); break;
        case IndicatorType::kAspects: per_round(s, group, gv, &Summarizer::aspects); break;
        case IndicatorType::kTriad: triads(s, group, gv); break;
        case IndicatorType::kSeries: series(s, group, gv); break;
      }
      headline(s, group, gv);
    }
    return s;
  }

 private:
  // The indicator's groups that have values or points, then "all respondents".
  std::vector<std::string> groups() const {
    std::vector<std::string> out;
    auto has = [&](const std::string& g) {
      bool any = std::any_of(values_.begin(), values_.end(), [&](auto* v) { return v->group == g; });
      if (!any && ind_.type == IndicatorType::kTriad) {
        any = std::any_of(m_.points.begin(), m_.points.end(), [&](const model::Point& p) {
          return p.indicator == ind_.id && p.group == g;
        });
      }
      return any;
    };
    for (const auto& g : ind_.groups)
      if (has(g)) out.push_back(g);
    if (has("")) out.push_back("");
    return out;
  }

  std::string round_label(const std::string& id) const {
    const model::Round* r = m_.round(id);
    return r ? r->label : id;
  }

  std::optional<long> n_for(const std::string& round, const std::string& group,
                            const std::string& breakdown) const {
    return respondents(m_, values_, round, group, breakdown);
  }

  std::string caption(const std::string& group, const std::string& round,
                      const std::string& dimension) const {
    std::string c = m_.group_label(group);
    if (!dimension.empty()) c += ", naar " + dimension;
    if (!round.empty()) c += ", " + round_label(round);
    return c;
  }

  Row make_row(const model::Value& v) const {
    Row r;
    r.round = v.round;
    r.round_label = ind_.type == IndicatorType::kSeries ? v.round : round_label(v.round);
    r.breakdown = level_of(v.breakdown);
    r.category = v.category;
    r.label = ind_.type == IndicatorType::kTriad
                  ? ind_.corners.at(static_cast<std::size_t>(v.category[0] - 'a'))
                  : ind_.category_label(v.category);
    r.measure = v.measure;
    r.value = v.value;
    r.note = v.note;
    if (ind_.unit == "percent" && v.measure == "value") r.share = v.value;
    return r;
  }

  // Rows of one round (and breakdown level) of a likert or choice question, with shares
  // worked out from counts where that is sound.
  std::vector<Row> categorical_rows(const Values& vs, const std::string& round,
                                    const std::string& group, const std::string& breakdown) const {
    std::vector<Row> rows;
    double total = 0;
    for (const auto* v : vs) {
      if (v->round == round && v->breakdown == breakdown && v->measure == "value") {
        rows.push_back(make_row(*v));
        total += v->value;
      }
    }
    if (ind_.unit == "count") {
      // One answer each: the share is of all answers. Several answers: of respondents.
      std::optional<double> base;
      if (!ind_.multiple && total > 0) base = total;
      // Disclosure control removed cells of this distribution: the base stays its total.
      auto kept = m_.count_bases.find(round + '\n' + ind_.id + '\n' + group + '\n' + breakdown);
      if (!ind_.multiple && kept != m_.count_bases.end()) base = kept->second;
      // Several answers: counts are mentions. They are a share of people only over the
      // question's own n, and only when no count exceeds it (a story can mention an answer
      // more than once); otherwise they stay counts, never a share above 100 %.
      if (ind_.multiple) {
        const bool own_n = std::any_of(vs.begin(), vs.end(), [&](const model::Value* v) {
          return v->round == round && v->breakdown == breakdown && v->measure == "n";
        });
        auto n = n_for(round, group, breakdown);
        bool within = n.has_value();
        for (const Row& r : rows) within = within && r.value <= static_cast<double>(*n);
        if (own_n && within) base = static_cast<double>(*n);
      }
      if (base) {
        for (Row& r : rows) r.share = 100.0 * r.value / *base;
      }
    }
    if (!rows.empty()) add_not_given(rows, round, group, breakdown);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      return ind_.category_index(a.category) < ind_.category_index(b.category);
    });
    return rows;
  }

  // A category the round gives no number for, while it gives others, keeps its place as a
  // row that is not given. A suppressed one is not added: it was given, and withheld.
  void add_not_given(std::vector<Row>& rows, const std::string& round, const std::string& group,
                     const std::string& breakdown) const {
    for (const auto& cat : ind_.categories) {
      bool present = std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return r.category == cat.id; });
      if (present || m_.suppressed_cells.count(model::cell_key(round, ind_.id, group, breakdown, cat.id, "value")))
        continue;
      Row r = rows.front();
      r.category = cat.id;
      r.label = cat.label;
      r.value = std::numeric_limits<double>::quiet_NaN();
      r.share.reset();
      r.note.clear();
      r.given = false;
      rows.push_back(r);
    }
  }

  void note_n(ChartData& c, const std::string& key, const std::string& round,
              const std::string& group, const std::string& breakdown) const {
    if (auto n = n_for(round, group, breakdown)) c.n.emplace_back(key, *n);
  }

  void categorical(IndicatorSummary& s, const std::string& group, const Values& gv) {
    ChartKind kind = ind_.type == IndicatorType::kLikert ? ChartKind::kLikert : ChartKind::kChoice;
    Values overall = where(gv, [](const model::Value& v) { return v.breakdown.empty(); });
    std::vector<std::string> rounds = rounds_in(where(overall, [](auto& v) { return v.measure == "value"; }));
    if (!rounds.empty()) {
      ChartData c;
      c.id = group.empty() ? "alle" : group;
      c.kind = kind;
      c.group = group;
      c.caption = caption(group, rounds.size() == 1 ? rounds.front() : "", "");
      c.mentions = ind_.multiple && ind_.unit == "count";
      if (rounds.size() == 1) c.round = rounds.front();
      for (const auto& r : rounds) {
        auto rows = categorical_rows(overall, r, group, "");
        c.rows.insert(c.rows.end(), rows.begin(), rows.end());
        note_n(c, round_label(r), r, group, "");
      }
      sort_choice(c);
      s.charts.push_back(std::move(c));
    }
    Values broken = where(gv, [](const model::Value& v) { return !v.breakdown.empty(); });
    for (const std::string& dim : first_seen(broken, [](auto& v) { return dimension_of(v.breakdown); })) {
      Values dv = where(broken, [&](auto& v) { return dimension_of(v.breakdown) == dim; });
      for (const std::string& round : rounds_in(dv)) {
        ChartData c;
        c.id = (group.empty() ? std::string("alle") : group) + "-" + dim + "-" + round;
        c.kind = kind;
        c.group = group;
        c.round = round;
        c.dimension = dim;
        c.caption = caption(group, round, dim);
        c.mentions = ind_.multiple && ind_.unit == "count";
        Values rv = where(dv, [&](auto& v) { return v.round == round; });
        for (const std::string& b : first_seen(rv, [](auto& v) { return v.breakdown; })) {
          auto rows = categorical_rows(rv, round, group, b);
          c.rows.insert(c.rows.end(), rows.begin(), rows.end());
          note_n(c, level_of(b), round, group, b);
        }
        s.charts.push_back(std::move(c));
      }
    }
  }

  // Choice bars are sorted by the last round's value, largest first.
  void sort_choice(ChartData& c) const {
    if (c.kind != ChartKind::kChoice || c.rows.empty()) return;
    const std::string last = c.rows.back().round;
    // A category the last round does not give sorts after every given one.
    std::map<std::string, double> key;
    for (const Row& r : c.rows)
      if (r.round == last) key[r.category] = r.given ? r.value : -std::numeric_limits<double>::infinity();
    std::stable_sort(c.rows.begin(), c.rows.end(), [&](const Row& a, const Row& b) {
      if (a.round != b.round) return a.round < b.round;
      return key[a.category] > key[b.category];
    });
  }

  using PerRound = void (Summarizer::*)(ChartData&, const Values&);
  void per_round(IndicatorSummary& s, const std::string& group, const Values& gv, PerRound fill) {
    Values overall = where(gv, [](const model::Value& v) { return v.breakdown.empty() && v.measure != "n"; });
    for (const std::string& round : rounds_in(overall)) {
      ChartData c;
      c.id = (group.empty() ? std::string("alle") : group) + "-" + round;
      c.group = group;
      c.round = round;
      c.caption = caption(group, round, "");
      note_n(c, round_label(round), round, group, "");
      (this->*fill)(c, where(overall, [&](auto& v) { return v.round == round; }));
      s.charts.push_back(std::move(c));
    }
  }

  void scale(ChartData& c, const Values& rv) {
    c.kind = ChartKind::kHistogram;
    for (const auto* v : rv) {
      if (v->measure == "mean") c.mean = v->value;
      else c.rows.push_back(make_row(*v));
    }
    std::sort(c.rows.begin(), c.rows.end(),
              [](const Row& a, const Row& b) { return std::stoi(a.category) < std::stoi(b.category); });
  }

  void aspects(ChartData& c, const Values& rv) {
    bool complete = true;
    for (const auto& cat : ind_.categories) {
      std::set<std::string> measures;
      for (const auto* v : rv)
        if (v->category == cat.id) measures.insert(v->measure);
      if (measures.count("count") && (!measures.count("importance") || !measures.count("experience")))
        complete = false;
    }
    c.kind = complete ? ChartKind::kScatter : ChartKind::kCountBars;
    for (const auto* v : rv) {
      if (complete || v->measure == "count") c.rows.push_back(make_row(*v));
    }
    std::stable_sort(c.rows.begin(), c.rows.end(), [&](const Row& a, const Row& b) {
      if (!complete) return a.value > b.value;
      return ind_.category_index(a.category) < ind_.category_index(b.category);
    });
  }

  void triads(IndicatorSummary& s, const std::string& group, const Values& gv) {
    std::set<std::string> rounds;
    for (const auto* v : gv)
      if (v->measure == "value") rounds.insert(v->round);
    for (const auto& p : m_.points)
      if (p.indicator == ind_.id && p.group == group) rounds.insert(p.round);
    for (const std::string& round : rounds) {
      ChartData c;
      c.id = (group.empty() ? std::string("alle") : group) + "-" + round;
      c.kind = ChartKind::kTriad;
      c.group = group;
      c.round = round;
      c.caption = caption(group, round, "");
      note_n(c, round_label(round), round, group, "");
      std::array<double, 3> given{};
      int corners = 0;
      for (const auto* v : gv) {
        if (v->round != round || v->measure != "value" || !v->breakdown.empty()) continue;
        c.rows.push_back(make_row(*v));
        given[static_cast<std::size_t>(v->category[0] - 'a')] = v->value;
        ++corners;
      }
      std::sort(c.rows.begin(), c.rows.end(), [](const Row& a, const Row& b) { return a.category < b.category; });
      for (const auto& p : m_.points)
        if (p.indicator == ind_.id && p.group == group && p.round == round) c.points.push_back(p);
      if (corners == 3) {
        double sum = given[0] + given[1] + given[2];
        if (sum > 0) c.triad_mean = std::array<double, 3>{given[0] / sum, given[1] / sum, given[2] / sum};
      } else if (!c.points.empty()) {
        std::array<double, 3> mean{};
        for (const auto& p : c.points) mean[0] += p.a, mean[1] += p.b, mean[2] += p.c;
        for (double& x : mean) x /= static_cast<double>(c.points.size());
        c.triad_mean = mean;
        c.triad_mean_computed = true;
      }
      s.charts.push_back(std::move(c));
    }
  }

  void series(IndicatorSummary& s, const std::string& group, const Values& gv) {
    ChartData c;
    c.id = group.empty() ? "reeks" : group;
    c.kind = ChartKind::kSeries;
    c.group = group;
    c.caption = group.empty() ? txt::per_jaar() : m_.group_label(group);
    for (const auto* v : gv) c.rows.push_back(make_row(*v));
    std::sort(c.rows.begin(), c.rows.end(), [](const Row& a, const Row& b) { return a.round < b.round; });
    if (!c.rows.empty()) s.charts.push_back(std::move(c));
  }

  void headline(IndicatorSummary& s, const std::string& group, const Values& gv) {
    const model::Round* current = headline_round_.empty() ? m_.current_round() : m_.round(headline_round_);
    if (ind_.headline.empty() || current == nullptr) return;
    if (ind_.type != IndicatorType::kLikert && ind_.type != IndicatorType::kChoice) return;
    Values now = where(gv, [&](const model::Value& v) {
      return v.round == current->id && v.breakdown.empty() && (v.measure == "value" || v.measure == "n");
    });
    if (now.empty()) return;
    auto rows = categorical_rows(now, current->id, group, "");
    double sum = 0, count = 0;
    int found = 0;
    for (const Row& r : rows) {
      if (!r.given || std::find(ind_.positive.begin(), ind_.positive.end(), r.category) == ind_.positive.end()) continue;
      if (!r.share) return;  // a count without a base: no share can be claimed
      sum += *r.share;
      count += r.value;
      ++found;
    }
    // A positive answer not given (or suppressed by disclosure control) is not 0: the sum
    // of the others is not the headline.
    if (found == 0 || found < static_cast<int>(ind_.positive.size())) return;
    Headline h;
    h.group = group;
    h.round = current->id;
    h.percent = sum;
    h.n = n_for(current->id, group, "");
    h.summed_multiple = ind_.multiple && found > 1;
    if (ind_.multiple && ind_.unit == "count") h.mentions = count;
    s.headlines.push_back(h);
  }

  const model::Model& m_;
  const model::Indicator& ind_;
  const Values& values_;
  const std::string headline_round_;  ///< empty: the current round
};

}  // namespace

std::optional<long> respondents(const model::Model& m, const std::vector<const model::Value*>& values,
                                const std::string& round, const std::string& group, const std::string& breakdown) {
  for (const auto* v : values) {
    if (v->measure == "n" && v->round == round && v->group == group && v->breakdown == breakdown)
      return std::lround(v->value);
  }
  if (breakdown.empty()) {
    if (const model::Sample* s = m.sample(round, group)) return s->n;
  }
  return std::nullopt;
}

IndicatorSummary summarize(const model::Model& m, const model::Indicator& ind,
                           const std::vector<const model::Value*>& values, const std::string& headline_round) {
  return Summarizer(m, ind, values, headline_round).run();
}

}  // namespace duiding::stats
