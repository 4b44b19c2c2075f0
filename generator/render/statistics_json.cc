// The statistics of an indicator as open data: `<indicator>.stats.json`, with the field
// names of docs/statistics.md.
#include <cmath>

#include "render/comparison.h"

namespace duiding::render {
namespace {

using nlohmann::json;

// Ten significant digits: enough for any check, and the same text on every platform even
// when a library function differs in its last bits. Rounded as a number (never parsed
// back from text), so a p-value of 1e-320 is written, not an internal error.
json real(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == 0) return 0.0;  // no "-0.0"
  const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const int shift = 9 - exponent;
  if (shift > 300 || shift < -300) return v;  // a scale outside double's range: as it is
  const double scale = std::pow(10.0, shift);
  const double r = shift >= 0 ? std::round(v * scale) / scale : std::round(v / std::pow(10.0, -shift)) * std::pow(10.0, -shift);
  return std::isfinite(r) && r != 0 ? r : v;
}

void put_optional(json& j, const char* key, const std::optional<double>& v) {
  if (v && std::isfinite(*v)) j[key] = real(*v);
}

json interval_json(const stats::Interval& i) { return {{"low", real(i.low)}, {"high", real(i.high)}}; }

json chi_json(const stats::ChiSquareResult& r) {
  json j = {{"method", "pearson-chi-square"},
            {"statistic", real(r.statistic)},
            {"df", r.df},
            {"p_value", real(r.p_value)},
            {"total", r.total},
            {"expected_min", real(r.smallest_expected)},
            {"small_expected", r.small_expected}};
  put_optional(j, "cramers_v", r.cramers_v);
  if (r.alternative_p) {
    json a = {{"method", r.alternative_method}, {"p_value", real(*r.alternative_p)}};
    if (r.alternative_method == "monte-carlo") {
      a["simulations"] = r.simulations;
      a["seed"] = stats::kSeed;
    }
    j["alternative"] = a;
  }
  return j;
}

json share_json(const stats::RoundShare& r) {
  json j = {{"round", r.round}, {"percent", real(r.percent)}, {"design", model::design_id(r.design)}};
  if (r.n) j["n"] = *r.n;
  if (r.population) j["population"] = *r.population;
  if (r.estimate && r.estimate->computable) {
    const auto& e = *r.estimate;
    j["x"] = e.x;
    j["share"] = real(e.share);
    j["ci"] = interval_json(e.ci);
    j["ci_method"] = r.ci_method;
    put_optional(j, "fpc", e.fpc);
  }
  return j;
}

json change_json(const stats::ShareChange& c) {
  json j = {{"from", c.from}, {"to", c.to}, {"points", real(c.points)},
            {"verdict", stats::verdict_id(c.verdict)}, {"verdict_text", stats::verdict_text(c.verdict)}};
  if (c.difference && c.difference->computable) {
    j["difference"] = real(c.difference->difference);
    j["difference_ci"] = interval_json(c.difference->ci);
    j["difference_ci_method"] = "miettinen-nurminen-score";
    j["difference_ci_level"] = real(c.level);
  }
  if (c.test && c.test->computable) {
    json t = {{"method", "miettinen-nurminen-score"}, {"p_value", real(c.test->p_value)}};
    put_optional(t, "statistic", c.test->statistic);
    put_optional(t, "p_adjusted", c.p_adjusted);
    j["test"] = t;
  }
  if (!c.reason.empty()) j["reason"] = c.reason;
  return j;
}

json ordinal_json(const stats::OrdinalResult& o) {
  return {{"method", "wilcoxon-mann-whitney"}, {"u", real(o.u)}, {"z", real(o.z)}, {"p_value", real(o.p_value)},
          {"superiority", real(o.superiority)}};
}

json kruskal_json(const stats::KruskalResult& k) {
  return {{"method", "kruskal-wallis"}, {"h", real(k.h)}, {"df", k.df}, {"p_value", real(k.p_value)}};
}

// A χ² test's result and adjusted p-value where it was done, else why not: the same
// fields for distributions and for fits.
void put_chi_square(json& e, bool tested, const stats::ChiSquareResult& r, const std::optional<double>& p_adjusted,
                    const std::string& reason) {
  if (!tested) {
    e["reason"] = reason;
    return;
  }
  e["chi_square"] = chi_json(r);
  put_optional(e, "p_adjusted", p_adjusted);
}

}  // namespace

std::string statistics_file(const model::Indicator& ind) { return ind.id + ".stats.json"; }

json statistics_json(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c) {
  json j = {{"indicator", ind.id},
            {"confidence_level", stats::kConfidence},
            {"alpha", stats::kAlpha},
            {"min_cell", m.site.min_cell},
            {"multiple_testing",
             {{"method", "benjamini-hochberg"},
              {"comparisons", c.family.size},
              {"significant", c.family.rejections},
              {"change_interval_level", real(c.family.level)}}}};
  json shares = json::array();
  for (const auto& s : c.shares) {
    json g = {{"group", s.group}, {"rounds", json::array()}, {"changes", json::array()}};
    for (const auto& r : s.rounds) g["rounds"].push_back(share_json(r));
    for (const auto& ch : s.changes) g["changes"].push_back(change_json(ch));
    if (auto it = m.withheld_rounds.find(ind.id); it != m.withheld_rounds.end()) {
      json withheld = json::array();
      for (const auto& [round, group] : it->second)
        if (group == s.group)
          withheld.push_back({{"round", round}, {"verdict", stats::verdict_id(stats::Verdict::kTooFew)},
                              {"reason", "fewer than min_cell respondents; not published"}});
      if (!withheld.empty()) g["withheld_rounds"] = withheld;
    }
    shares.push_back(g);
  }
  j["shares"] = shares;
  json tables = json::array();
  for (const auto& t : c.tables) {
    json e = {{"kind", t.kind == stats::TableTest::Kind::kRounds ? "rounds" : "breakdown"},
              {"group", t.group},
              {"round", t.round},
              {"rows", t.row_labels},
              {"columns", t.column_labels},
              {"not_given", t.left_out},
              {"tested", t.tested}};
    if (t.kind == stats::TableTest::Kind::kRounds) e["from_round"] = t.from_round;
    else e["dimension"] = t.dimension;
    if (!t.counts.empty()) e["counts"] = t.counts;
    if (t.tested) {
      e["main_test"] = t.ordinal ? "wilcoxon-mann-whitney" : t.kruskal ? "kruskal-wallis" : "pearson-chi-square";
      if (t.ordinal) e["ordinal"] = ordinal_json(*t.ordinal);
      if (t.kruskal) e["ordinal"] = kruskal_json(*t.kruskal);
    }
    put_chi_square(e, t.tested, t.result, t.p_adjusted, t.reason);
    tables.push_back(e);
  }
  j["tables"] = tables;
  json fits = json::array();
  for (const auto& f : c.fits) {
    json e = {{"group", f.group}, {"reference_group", f.reference_group}, {"round", f.round},
              {"categories", f.categories}, {"left_out", f.left_out}, {"tested", f.tested}};
    json ref = json::array();
    for (double p : f.reference_percent) ref.push_back(real(p));
    e["reference_percent"] = ref;
    if (!f.observed.empty()) e["observed"] = f.observed;
    if (f.n) e["n"] = *f.n;
    if (f.population) e["population"] = *f.population;
    put_optional(e, "margin_of_error", f.margin);
    put_chi_square(e, f.tested, f.result, f.p_adjusted, f.reason);
    fits.push_back(e);
  }
  j["goodness_of_fit"] = fits;
  json series = json::array();
  for (const auto& s : c.series) {
    json e = {{"group", s.group}, {"from", s.from}, {"to", s.to}, {"from_value", real(s.step.from)},
              {"to_value", real(s.step.to)}, {"change", real(s.step.absolute)}, {"whole_period", s.whole_period}};
    put_optional(e, "change_relative", s.step.relative);
    series.push_back(e);
  }
  j["series"] = series;
  j["notes"] = c.notes;
  return j;
}

}  // namespace duiding::render
