#include "render/comparison.h"

#include "render/chart_figure.h"

#include <fmt/format.h>

#include <cmath>

#include "charts/comparison_chart.h"
#include "render/format.h"
#include "render/html.h"

namespace duiding::render {
namespace {

using nlohmann::json;
using stats::Verdict;

// ---- open data ---------------------------------------------------------------------

// Ten significant digits: enough for any check, and the same text on every platform even
// when a library function differs in its last bits.
json real(double v) {
  if (!std::isfinite(v)) return nullptr;
  double r = std::stod(fmt::format("{:.10g}", v));
  return r == 0 ? 0.0 : r;  // no "-0.0"
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
  json j = {{"round", r.round}, {"percent", real(r.percent)}};
  if (r.n) j["n"] = *r.n;
  if (r.population) j["population"] = *r.population;
  if (r.estimate && r.estimate->computable) {
    const auto& e = *r.estimate;
    j["x"] = e.x;
    j["share"] = real(e.share);
    j["ci"] = interval_json(e.ci);
    j["ci_method"] = "wilson";
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
    j["difference_ci_method"] = "newcombe-hybrid-score";
  }
  if (c.test && c.test->computable) {
    json t = {{"method", c.test->method}, {"p_value", real(c.test->p_value)}};
    put_optional(t, "statistic", c.test->statistic);
    j["test"] = t;
  }
  if (!c.reason.empty()) j["reason"] = c.reason;
  return j;
}

// ---- text --------------------------------------------------------------------------

std::string p_value(double p) { return p < 0.001 ? "< 0,001" : number(p, 3); }
std::string p_text(double p) { return p < 0.001 ? "p < 0,001" : "p = " + p_value(p); }

std::string signed_points(double v) {
  std::string s = number(v, 1);
  if (s != "0" && v > 0) s = "+" + s;
  return s;
}

std::string interval_text(const stats::Interval& i, double scale) {
  return number(i.low * scale, 1) + " tot " + number(i.high * scale, 1);
}

std::string chi_text(const stats::ChiSquareResult& r) {
  std::string s = "χ² = " + number(r.statistic, 2) + "; df = " + std::to_string(r.df) + "; " + p_text(r.p_value);
  if (r.cramers_v) s += "; Cramér's V = " + number(*r.cramers_v, 2);
  return s;
}

// The p-value that decides, and a sentence about it when it is not the χ² one.
std::string small_counts_text(const stats::ChiSquareResult& r) {
  if (!r.small_expected) return "";
  std::string s = " Let op: een deel van de verwachte aantallen is kleiner dan 5 (kleinste " +
                  number(r.smallest_expected, 1) + "), dan is de χ²-benadering onbetrouwbaar. ";
  if (r.alternative_method == "fisher-exact")
    s += "Fishers exacte toets geeft " + p_text(*r.alternative_p) + "; die p-waarde telt.";
  else
    s += "Een simulatie met " + number(static_cast<double>(r.simulations), 0) + " trekkingen (vaste startwaarde) geeft " +
         p_text(*r.alternative_p) + "; die p-waarde telt.";
  return s;
}

bool significant(const stats::ChiSquareResult& r) { return r.decisive_p() < stats::kAlpha; }

std::string group_name(const model::Model& m, const std::string& g) { return lower_first(m.group_label(g)); }

std::string th(const std::string& t) { return "<th scope=\"col\">" + t + "</th>"; }
std::string td(const std::string& t) { return "<td>" + escape(t) + "</td>"; }
std::string num_td(const std::string& t) { return "<td class=\"num\">" + escape(t) + "</td>"; }

std::string chart_html(const std::string& id, const json& spec, const std::string& summary, const std::string& file,
                       PageFrame& frame) {
  return chart_figure(id, spec, summary, frame) + "<p class=\"downloads\"><a href=\"" + escape(file) +
         "\" download>Grafiek als Vega-Lite-specificatie (JSON)</a></p>\n";
}

std::string safe_id(const std::string& s) {
  std::string id;
  for (char ch : s) id += (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : '-';
  return id.empty() ? "alle" : id;
}

std::string share_block(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c,
                        const std::string& dir, PageFrame& frame) {
  const std::string id = "vergelijking-" + safe_id(c.group);
  std::string b = "<h3 id=\"kop-" + id + "\">" + escape(m.group_label(c.group)) + "</h3>\n";
  json spec = charts::share_rounds_spec(m, ind, c);
  const std::string file = ind.id + "-" + id + ".vl.json";
  frame.write_file(dir + file, spec.dump(2) + "\n");
  ++frame.stats().charts;
  b += chart_html(id, spec, charts::share_rounds_summary(m, ind, c), file, frame);

  b += "<div class=\"table-scroll\"><table class=\"data-table utrecht-table comparison-table\">\n<caption>" +
       escape(m.group_label(c.group) + ": " + (ind.headline.empty() ? "aandeel positieve antwoorden" : ind.headline) +
              ", per meting") +
       "</caption>\n<thead><tr>" + th("Meting") + th("Aandeel") + th("95%-interval") + th("n") +
       th("Verandering (procentpunt)") + th("95%-interval verandering") + th("p-waarde") + th("Oordeel") +
       "</tr></thead>\n<tbody>\n";
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < c.rounds.size(); ++i) {
    const auto& r = c.rounds[i];
    b += "<tr><th scope=\"row\">" + escape(r.round_label) + "</th>" + num_td(percent(r.percent));
    b += num_td(r.estimate && r.estimate->computable ? interval_text(r.estimate->ci, 100) + "\u00a0%" : "niet te berekenen");
    b += num_td(r.n ? number(static_cast<double>(*r.n)) : "onbekend");
    if (i == 0) {
      b += "<td colspan=\"4\">eerste meting</td></tr>\n";
      continue;
    }
    const auto& ch = c.changes[i - 1];
    b += num_td(signed_points(ch.points));
    b += num_td(ch.difference && ch.difference->computable ? interval_text(ch.difference->ci, 100) : "—");
    b += num_td(ch.test && ch.test->computable ? p_value(ch.test->p_value) +
                                                     (ch.test->method == "fisher-exact" ? " (Fisher)" : "")
                                               : "—");
    b += "<td>" + verdict_html(ch.verdict) + "</td></tr>\n";
    if (!ch.reason.empty()) reasons.push_back("Verandering naar " + r.round_label + ": " + stats::verdict_text(ch.verdict) + ", want " + ch.reason + ".");
  }
  b += "</tbody></table></div>\n";
  for (const auto& r : reasons) b += "<p class=\"reason\">" + escape(r) + "</p>\n";
  if (auto it = m.withheld_rounds.find(ind.id); it != m.withheld_rounds.end()) {
    for (const auto& [round, group] : it->second) {
      if (group != c.group) continue;
      const model::Round* r = m.round(round);
      b += "<p class=\"reason\">" + escape(r ? r->label : round) + ": " + verdict_html(stats::Verdict::kTooFew) +
           escape(", want minder dan " + std::to_string(m.site.min_cell) + " " + group_name(m, group) +
                  " deden mee; de cijfers van die meting zijn daarom niet gepubliceerd.") + "</p>\n";
    }
  }
  return b;
}

std::string table_sentence(const model::Model& m, const model::Indicator& ind, const stats::TableTest& t) {
  std::string topic = lower_first(ind.title);
  std::string who = group_name(m, t.group);
  if (t.kind == stats::TableTest::Kind::kRounds) {
    std::string head = "Verdeling van alle antwoorden van " + who + ", " + t.row_labels[0] + " tegenover " + t.row_labels[1] + ": ";
    if (!t.tested) return head + "niet getoetst, want " + t.reason + ".";
    return head + (significant(t.result) ? "de verdeling is significant veranderd" : "geen significant verschil tussen de metingen") +
           " (" + chi_text(t.result) + ")." + small_counts_text(t.result);
  }
  const model::Round* round = m.round(t.round);
  std::string head = "Naar " + t.dimension + " (" + who + ", " + (round ? round->label : t.round) + "): ";
  if (!t.tested) return head + "niet getoetst, want " + t.reason + ".";
  return head + "er is " + (significant(t.result) ? "een significant verband" : "geen significant verband") + " tussen " +
         t.dimension + " en " + topic + " (" + chi_text(t.result) + ")." + small_counts_text(t.result);
}

std::string fit_sentence(const model::Model& m, const stats::FitTest& f) {
  const model::Round* round = m.round(f.round);
  std::string s = "Verdeling van de " + group_name(m, f.group) + " (" + (round ? round->label : f.round) + ") tegenover " +
                  group_name(m, f.reference_group) + ": ";
  if (!f.tested) {
    s += "niet getoetst, want " + f.reason + ".";
  } else {
    s += significant(f.result) ? "de verdeling wijkt significant af" : "de verdeling wijkt niet significant af";
    s += " (χ²-toets voor aanpassing, " + chi_text(f.result) + ")." + small_counts_text(f.result);
    s += " Getoetst over: " + fmt::format("{}", fmt::join(f.categories, ", ")) + ".";
  }
  if (!f.left_out.empty())
    s += " Niet meegeteld, omdat de bron er voor één van beide geen percentage geeft: " +
         fmt::format("{}", fmt::join(f.left_out, ", ")) + ".";
  if (f.margin && f.n) {
    s += " Foutmarge van een percentage uit deze steekproef (n = " + number(static_cast<double>(*f.n)) +
         (f.population ? " uit " + number(static_cast<double>(*f.population)) : std::string()) +
         ", 95 %): ten hoogste " + number(*f.margin * 100, 1) + " procentpunt.";
  }
  return s;
}

std::string series_block(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c) {
  std::string b = "<div class=\"table-scroll\"><table class=\"data-table utrecht-table\">\n<caption>" + escape(ind.title) +
                  ": verandering per jaar</caption>\n<thead><tr>" + th("Van") + th("Naar") + th("Verandering") +
                  th("Verandering in %") + "</tr></thead>\n<tbody>\n";
  for (const auto& s : c.series) {
    std::string who = s.group.empty() ? "" : m.group_label(s.group) + ", ";
    b += "<tr><th scope=\"row\">" + escape(who + s.from + (s.whole_period ? " (hele periode)" : "")) + "</th>" + td(s.to);
    std::string sign = s.step.absolute > 0 ? "+" : "";
    b += num_td(sign + amount(s.step.absolute, ind.unit));
    b += num_td(s.step.relative ? signed_points(*s.step.relative * 100) + "\u00a0%" : "niet te berekenen (vanaf 0)");
    b += "</tr>\n";
  }
  b += "</tbody></table></div>\n";
  b += "<p>Dit zijn administratieve cijfers, geen steekproef: er is geen onzekerheidsmarge en geen toets.</p>\n";
  return b;
}

}  // namespace

std::string verdict_html(Verdict v) {
  const char* symbol = "";
  switch (v) {
    case Verdict::kHigher: symbol = "▲"; break;
    case Verdict::kLower: symbol = "▼"; break;
    case Verdict::kNoDifference: symbol = "="; break;
    case Verdict::kTooFew: symbol = "…"; break;
    case Verdict::kNotTested: symbol = "–"; break;
  }
  return fmt::format("<span class=\"verdict verdict-{}\"><span aria-hidden=\"true\">{} </span>{}</span>",
                     stats::verdict_id(v), symbol, stats::verdict_text(v));
}

std::string statistics_file(const model::Indicator& ind) { return ind.id + ".stats.json"; }

json statistics_json(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c) {
  json j = {{"indicator", ind.id},
            {"confidence_level", stats::kConfidence},
            {"alpha", stats::kAlpha},
            {"min_cell", m.site.min_cell}};
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
              {"tested", t.tested}};
    if (t.kind == stats::TableTest::Kind::kRounds) e["from_round"] = t.from_round;
    else e["dimension"] = t.dimension;
    if (!t.counts.empty()) e["counts"] = t.counts;
    if (t.tested) e["chi_square"] = chi_json(t.result);
    else e["reason"] = t.reason;
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
    if (f.tested) e["chi_square"] = chi_json(f.result);
    else e["reason"] = f.reason;
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

std::string comparison_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                               const std::string& dir, PageFrame& frame) {
  if (c.empty()) return "";
  frame.write_file(dir + statistics_file(ind), statistics_json(m, ind, c).dump(2) + "\n");
  const bool series = ind.type == model::IndicatorType::kSeries;
  std::string s = "<section class=\"comparison\" aria-labelledby=\"vergelijking\">\n<h2 id=\"vergelijking\">" +
                  std::string(series ? "Verandering per jaar" : "Vergelijking en toetsing") + "</h2>\n";
  if (series) {
    s += series_block(m, ind, c);
  } else {
    if (!c.shares.empty())
      s += "<p class=\"method-note\">Een percentage uit een steekproef is een schatting. Het 95%-interval geeft aan "
         "waar het werkelijke percentage met 95 % zekerheid ligt. Een verschil heet <em>significant</em> als de "
         "kans dat het alleen door toeval komt kleiner is dan 5 % (p-waarde onder 0,05) en het interval van de "
         "verandering de nul niet bevat. Met minder dan " +
         std::to_string(m.site.min_cell) + " deelnemers in een meting vergelijken we niet.</p>\n";
    for (const auto& sc : c.shares) s += share_block(m, ind, sc, dir, frame);
    std::size_t respondent_groups = 0;
    for (const auto& sc : c.shares) respondent_groups += !sc.group.empty();
    if (respondent_groups > 1) {
      s += "<p class=\"perspectives\">De groepen hierboven zijn verschillende perspectieven op dezelfde vraag, vaak "
           "in andere woorden gesteld. We zetten ze naast elkaar, maar toetsen ze niet tegen elkaar.</p>\n";
    }
    if (!c.tables.empty() || !c.fits.empty()) {
      s += "<h3>Hele verdeling</h3>\n<ul class=\"tests\">\n";
      for (const auto& t : c.tables) s += "<li>" + escape(table_sentence(m, ind, t)) + "</li>\n";
      for (const auto& f : c.fits) s += "<li>" + escape(fit_sentence(m, f)) + "</li>\n";
      s += "</ul>\n";
    }
  }
  for (const auto& n : c.notes) s += "<p class=\"reason\">" + escape(n) + "</p>\n";
  s += "<p class=\"downloads\"><a href=\"" + escape(statistics_file(ind)) +
       "\" download>Alle statistiek van deze indicator: intervallen, toetsen en p-waarden (JSON)</a></p>\n";
  s += "</section>\n";
  return s;
}

std::string headline_change(const model::Model& m, const stats::ShareChange& ch) {
  const model::Round* from = m.round(ch.from);
  return "<p class=\"change\">" + escape(signed_points(ch.points)) + " procentpunt sinds " +
         escape(from ? from->label : ch.from) + ": " + verdict_html(ch.verdict) + "</p>";
}

}  // namespace duiding::render
