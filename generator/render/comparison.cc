#include "render/comparison.h"

#include "render/chart_downloads.h"
#include "render/chart_figure.h"
#include "render/embed_page.h"

#include <fmt/format.h>

#include <cmath>

#include "charts/comparison_chart.h"
#include "render/format.h"
#include "render/html.h"
#include "render/permalink.h"
#include "text/site_text.h"
#include "render/tables.h"
#include "stats/story_index.h"

namespace duiding::render {

std::string p_value(double p) { return p < 0.001 ? txt::p_kleiner_dan_een_promille() : number(p, 3); }
std::string p_text(double p) { return p < 0.001 ? txt::p_is_klein() : txt::p_is(p_value(p)); }
bool significant(std::optional<double> adjusted, double p) { return adjusted.value_or(p) <= stats::kAlpha; }

namespace {

using nlohmann::json;
using stats::Verdict;


// ---- text --------------------------------------------------------------------------


std::string signed_points(double v) {
  std::string s = number(v, 1);
  if (s != "0" && v > 0) s = "+" + s;
  return s;
}

std::string interval_text(const stats::Interval& i, double scale) {
  return txt::van_tot(number(i.low * scale, 1), number(i.high * scale, 1));
}

std::string chi_text(const stats::ChiSquareResult& r) {
  std::string s = txt::chi_kwadraat(number(r.statistic, 2), r.df, p_text(r.p_value));
  if (r.cramers_v) s += txt::cramers_v(number(*r.cramers_v, 2));
  return s;
}

// The p-value that decides, and a sentence about it when it is not the χ² one.
std::string small_counts_text(const stats::ChiSquareResult& r) {
  if (!r.small_expected) return "";
  std::string s = " " + txt::kleine_verwachte_aantallen(number(r.smallest_expected, 1)) + " ";
  if (r.alternative_method == "fisher-exact")
    s += txt::fisher_telt(p_text(*r.alternative_p));
  else
    s += txt::simulatie_telt(number(static_cast<double>(r.simulations), 0), p_text(*r.alternative_p));
  return s;
}


std::string adjusted_text(std::optional<double> adjusted) {
  return adjusted ? txt::na_correctie(p_text(*adjusted)) : "";
}

std::string group_name(const model::Model& m, const std::string& g) { return lower_first(m.group_label(g)); }

std::string th(const std::string& t) { return "<th scope=\"col\">" + t + "</th>"; }
std::string td(const std::string& t) { return "<td>" + escape(t) + "</td>"; }
std::string num_td(const std::string& t) { return "<td class=\"num\">" + escape(t) + "</td>"; }

// The site's one rule for ids in anchors and file names (stats::id_part); the comparison
// of all respondents (no group) is "alle".
std::string safe_id(const std::string& s) { return s.empty() ? "alle" : stats::id_part(s); }

// "95 %", "99,8 %": the level of an interval.
std::string level_text(double level) { return number(level * 100, 1) + "\u00a0%"; }

std::string points_range(const stats::Interval& i) {
  return txt::tussen_procentpunt(signed_points(i.low * 100), signed_points(i.high * 100));
}

}  // namespace

std::string share_text(const model::Indicator& ind, const stats::RoundShare& r) {
  if (ind.multiple && ind.unit == "count" && r.estimate && r.estimate->computable)
    return txt::verhalen_van_de(number(static_cast<double>(r.estimate->x)), number(static_cast<double>(r.estimate->n)),
                                percent(r.percent));
  return percent(r.percent);
}

namespace {

// One plain sentence on what a change means, for a council member.
std::string change_meaning(const model::Indicator& ind, const stats::RoundShare& from, const stats::RoundShare& to,
                           const stats::ShareChange& ch) {
  std::string s = txt::van_naar(share_text(ind, from), from.round_label, share_text(ind, to), to.round_label) + " ";
  if (!ch.difference || !ch.test || !ch.test->computable) return s;
  const std::string range = points_range(ch.difference->ci);
  if (ch.verdict == Verdict::kHigher || ch.verdict == Verdict::kLower) {
    s += txt::verschil_zelden_toeval(ch.verdict == Verdict::kHigher ? txt::stijging() : txt::daling(), range);
  } else {
    s += txt::verschil_kan_toeval_zijn(range);
  }
  return s;
}

std::string verdict_cell(const stats::ShareChange& ch) {
  std::string cell = verdict_html(ch.verdict);
  if (ch.verdict == Verdict::kNoDifference && ch.difference && ch.difference->computable && ch.test && ch.test->computable)
    cell += escape(": " + points_range(ch.difference->ci));
  return cell;
}

}  // namespace

std::string share_chart_id(const stats::ShareComparison& c) { return "vergelijking-" + safe_id(c.group); }

std::string share_caption(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c) {
  return txt::per_meting_met_interval(m.group_label(c.group),
                                      ind.headline.empty() ? txt::aandeel_positieve_antwoorden() : ind.headline);
}

std::string share_n_line(const stats::ShareComparison& c) {
  std::string s;
  for (const auto& r : c.rounds)
    if (r.n) s += (s.empty() ? "" : "; ") + txt::n_in_meting(r.round_label, number(static_cast<double>(*r.n)));
  return s;
}

std::string share_block(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c,
                        double level, const PageFrame& frame, const ArticlePlace& place) {
  const std::string id = share_chart_id(c);
  const std::string h = place.heading(3);
  std::string b = "<" + h + " id=\"" + place.id("kop-" + id) + "\">" + escape(m.group_label(c.group)) + "</" + h + ">\n";
  json spec = charts::share_rounds_spec(m, ind, c);

  const std::string caption =
      txt::per_meting(m.group_label(c.group), ind.headline.empty() ? txt::aandeel_positieve_antwoorden() : ind.headline);
  std::string t = table_region(caption) + "<table class=\"data-table utrecht-table comparison-table\">\n<caption>" +
                  escape(caption) + "</caption>\n<thead><tr>" + th(txt::meting()) + th(txt::aandeel()) + th(txt::interval_95()) +
                  th("n") + th(txt::verandering_procentpunt()) +
                  th(escape(txt::interval_verandering_niveau(level_text(level)))) + th(txt::p_waarde_gecorrigeerd()) +
                  th(txt::oordeel()) + "</tr></thead>\n<tbody>\n";
  std::vector<std::string> reasons, meanings;
  // Below 480 px the table becomes a card per round (duiding.css): each cell names its column.
  auto cell = [](const std::string& label, const std::string& text) {
    return "<td class=\"num\" data-label=\"" + label + "\">" + escape(text) + "</td>";
  };
  for (std::size_t i = 0; i < c.rounds.size(); ++i) {
    const auto& r = c.rounds[i];
    t += "<tr><th scope=\"row\">" + escape(r.round_label) + "</th>" + cell(txt::aandeel(), share_text(ind, r));
    t += cell(txt::interval_95(), r.estimate && r.estimate->computable ? interval_text(r.estimate->ci, 100) + "\u00a0%"
                                                                        : txt::niet_te_berekenen());
    t += cell("n", r.n ? number(static_cast<double>(*r.n)) : txt::onbekend());
    if (i == 0) {
      t += "<td colspan=\"4\" data-label=\"" + txt::verandering() + "\">" + txt::eerste_meting() + "</td></tr>\n";
      continue;
    }
    const auto& ch = c.changes[i - 1];
    t += cell(txt::verandering_procentpunt(), signed_points(ch.points));
    t += cell(txt::interval_verandering(), ch.difference && ch.difference->computable && ch.test && ch.test->computable
                                          ? interval_text(ch.difference->ci, 100)
                                          : "—");
    std::string p = "—";
    if (ch.test && ch.test->computable) {
      p = p_value(ch.test->p_value);
      if (ch.p_adjusted) p += " (" + p_value(*ch.p_adjusted) + ")";
    }
    t += cell(txt::p_waarde_gecorrigeerd(), p);
    t += "<td data-label=\"" + txt::oordeel() + "\">" + verdict_cell(ch) + "</td></tr>\n";
    if (!ch.reason.empty())
      reasons.push_back(txt::verandering_naar_want(r.round_label, stats::verdict_text(ch.verdict), ch.reason));
    else meanings.push_back(change_meaning(ind, c.rounds[i - 1], r, ch));
  }
  t += "</tbody></table></div>\n";
  // The Toelichting: what each change means, and why a round is not compared.
  std::string notes;
  for (const auto& w : meanings) notes += "<p class=\"meaning\"><strong>" + txt::wat_betekent_dit() + "</strong> " + escape(w) + "</p>\n";
  for (const auto& r : reasons) notes += "<p class=\"reason\">" + escape(r) + "</p>\n";
  if (auto it = m.withheld_rounds.find(ind.id); it != m.withheld_rounds.end()) {
    for (const auto& [round, group] : it->second) {
      if (group != c.group) continue;
      const model::Round* r = m.round(round);
      notes += "<p class=\"reason\">" + escape(r ? r->label : round) + ": " + verdict_html(stats::Verdict::kTooFew) +
               escape(txt::niet_gepubliceerd(m.site.min_cell, group_name(m, group))) + "</p>\n";
    }
  }
  b += chart_figure(id, ChartSpec(std::move(spec)), charts::share_rounds_summary(m, ind, c), frame, place, {t, notes, 4});
  b += embed_code(m, ind, id, share_caption(m, ind, c), place);
  b += chart_downloads(ind.id + "-" + id, ind.id + "-" + id + ".vl.json", frame, place);
  return b;
}

namespace {

std::string details(const std::string& text) {
  return "<details class=\"test-details\"><summary>" + txt::toetsgegevens() + "</summary><p>" + escape(text) + "</p></details>";
}

std::string left_out_text(const std::vector<std::string>& left_out) {
  if (left_out.empty()) return "";
  return " " + txt::niet_meegeteld_geen_cijfer(fmt::format("{}", fmt::join(left_out, "; ")));
}

std::string rounds_item(const model::Model& m, const stats::TableTest& t) {
  std::string head = txt::verdeling_tegenover(group_name(m, t.group), t.row_labels[0], t.row_labels[1]) + " ";
  if (!t.tested) return escape(head + txt::niet_getoetst_want(t.reason) + left_out_text(t.left_out));
  const bool sig = significant(t.p_adjusted, t.main_p());
  std::string text, detail;
  if (t.ordinal) {
    const auto& o = *t.ordinal;
    text = sig ? txt::verschuiving_significant(t.row_labels[1], o.z > 0 ? txt::hoger() : txt::lager(), t.row_labels[0])
               : txt::verschuiving_niet_aan_te_tonen();
    detail = txt::wilcoxon(number(o.u, 1), number(o.z, 2), p_text(o.p_value), adjusted_text(t.p_adjusted),
                           t.row_labels[1], t.row_labels[0], number(o.superiority, 2), chi_text(t.result)) +
             small_counts_text(t.result);
  } else {
    text = sig ? txt::verdeling_significant_veranderd() : txt::verdeling_niet_aan_te_tonen();
    detail = txt::chi_kwadraattoets(chi_text(t.result), adjusted_text(t.p_adjusted)) + small_counts_text(t.result);
  }
  return escape(head + text + left_out_text(t.left_out)) + details(detail);
}

std::string breakdown_item(const model::Model& m, const model::Indicator& ind, const stats::TableTest& t) {
  const model::Round* round = m.round(t.round);
  std::string head = txt::naar_dimensie(t.dimension, group_name(m, t.group), round ? round->label : t.round) + " ";
  if (!t.tested) return escape(head + txt::niet_getoetst_want(t.reason) + left_out_text(t.left_out));
  const bool sig = significant(t.p_adjusted, t.main_p());
  std::string text = sig ? txt::verschil_naar_significant(lower_first(ind.title), t.dimension)
                         : txt::verschil_naar_niet_aan_te_tonen(t.dimension);
  std::string detail = txt::chi_kwadraattoets(chi_text(t.result), adjusted_text(t.p_adjusted)) + small_counts_text(t.result);
  if (t.kruskal) {
    detail = txt::kruskal_wallis(number(t.kruskal->h, 2), t.kruskal->df, p_text(t.kruskal->p_value),
                                 adjusted_text(t.p_adjusted), chi_text(t.result)) +
             small_counts_text(t.result);
  }
  return escape(head + text + left_out_text(t.left_out)) + details(detail);
}

std::string fit_item(const model::Model& m, const stats::FitTest& f) {
  const model::Round* round = m.round(f.round);
  std::string s = txt::verdeling_van_tegenover(group_name(m, f.group), round ? round->label : f.round,
                                               group_name(m, f.reference_group)) + " ";
  std::string detail;
  if (!f.tested) {
    s += txt::niet_getoetst_want(f.reason);
  } else {
    s += significant(f.p_adjusted, f.result.decisive_p()) ? txt::wijkt_significant_af() : txt::afwijking_niet_aan_te_tonen();
    s += " " + txt::getoetst_over(fmt::format("{}", fmt::join(f.categories, ", ")));
    detail = txt::aanpassingstoets(chi_text(f.result), adjusted_text(f.p_adjusted)) + small_counts_text(f.result);
  }
  if (!f.left_out.empty()) s += " " + txt::niet_meegeteld_geen_percentage(fmt::format("{}", fmt::join(f.left_out, ", ")));
  if (f.margin && f.n) {
    const std::string n = number(static_cast<double>(*f.n)), margin = number(*f.margin * 100, 1);
    s += " " + (f.population ? txt::foutmarge_uit(n, number(static_cast<double>(*f.population)), margin)
                             : txt::foutmarge(n, margin));
  }
  return escape(s) + (detail.empty() ? "" : details(detail));
}

}  // namespace

std::string method_note(const model::Model& m, const stats::Comparison& c) {
  std::string s = "<p class=\"method-note\">" + txt::methode_steekproef(m.site.min_cell) + "</p>\n";
  if (c.family.size > 1) {
    const std::string outcome =
        c.family.rejections == 0
            ? txt::geen_van_de_toetsen(c.family.size)
            : txt::van_de_toetsen(static_cast<long long>(c.family.rejections), c.family.size);
    s += "<p class=\"method-note\">" + txt::methode_correctie(c.family.size, escape(level_text(c.family.level)), outcome) +
         "</p>\n";
  }
  bool self_selected = false;
  for (const auto& sc : c.shares)
    for (const auto& r : sc.rounds) self_selected = self_selected || r.design == model::Design::kSelfSelected;
  if (self_selected)
    s += "<p class=\"method-note\">" + txt::methode_zelfselectie() + "</p>\n";
  return s;
}

namespace {

std::string series_block(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c) {
  std::string b = table_region(txt::verandering_per_jaar_van(ind.title)) +
                  "<table class=\"data-table utrecht-table\">\n<caption>" +
                  txt::verandering_per_jaar_van(escape(ind.title)) + "</caption>\n<thead><tr>" + th(txt::van()) +
                  th(txt::naar()) + th(txt::verandering()) + th(txt::verandering_in_procent()) +
                  "</tr></thead>\n<tbody>\n";
  for (const auto& s : c.series) {
    std::string who = s.group.empty() ? "" : m.group_label(s.group) + ", ";
    b += "<tr><th scope=\"row\">" + escape(who + s.from + (s.whole_period ? " " + txt::hele_periode() : "")) + "</th>" + td(s.to);
    std::string sign = s.step.absolute > 0 ? "+" : "";
    b += num_td(sign + amount(s.step.absolute, ind.unit));
    b += num_td(s.step.relative ? signed_points(*s.step.relative * 100) + "\u00a0%" : txt::niet_te_berekenen_vanaf_0());
    b += "</tr>\n";
  }
  b += "</tbody></table></div>\n";
  b += "<p>" + txt::administratieve_cijfers() + "</p>\n";
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

std::vector<DataFile> comparison_files(const model::Model& m, const model::Indicator& ind,
                                       const stats::Comparison& c) {
  std::vector<DataFile> files;
  if (c.empty()) return files;
  files.push_back({statistics_file(ind), "statistics", statistics_json(m, ind, c).dump(2) + "\n"});
  if (ind.type == model::IndicatorType::kSeries) return files;
  for (const auto& sc : c.shares)
    files.push_back({ind.id + "-" + share_chart_id(sc) + ".vl.json", "spec",
                     charts::share_rounds_spec(m, ind, sc).dump(2) + "\n"});
  return files;
}

std::string comparison_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                               const PageFrame& frame, const ArticlePlace& place, bool trend_shown) {
  if (c.empty()) return "";
  const std::string h2 = place.heading(2), h3 = place.heading(3);
  const bool series = ind.type == model::IndicatorType::kSeries;
  std::string s = "<section class=\"comparison\" aria-labelledby=\"" + place.id("vergelijking") + "\">\n<" + h2 +
                  " id=\"" + place.id("vergelijking") + "\">" +
                  (series ? txt::verandering_per_jaar() : txt::vergelijking_en_toetsing()) + "</" + h2 + ">\n";
  if (series) {
    s += series_block(m, ind, c);
  } else {
    if (!trend_shown && (!c.shares.empty() || !c.tables.empty() || !c.fits.empty())) s += method_note(m, c);
    std::size_t respondent_groups = 0;
    for (const auto& sc : c.shares) {
      if (trend_shown && is_trend(sc)) continue;  // shown at the top of the page (render/trend.h)
      s += share_block(m, ind, sc, c.family.level, frame, place);
      respondent_groups += !sc.group.empty();
    }
    if (respondent_groups > 1) {
      s += "<p class=\"perspectives\">" + txt::perspectieven() + "</p>\n";
    }
    if (!c.tables.empty() || !c.fits.empty()) {
      s += "<" + h3 + ">" + txt::hele_verdeling() + "</" + h3 + ">\n<ul class=\"tests\">\n";
      for (const auto& t : c.tables)
        s += "<li>" + (t.kind == stats::TableTest::Kind::kRounds ? rounds_item(m, t) : breakdown_item(m, ind, t)) + "</li>\n";
      for (const auto& f : c.fits) s += "<li>" + fit_item(m, f) + "</li>\n";
      s += "</ul>\n";
    }
  }
  for (const auto& n : c.notes) s += "<p class=\"reason\">" + escape(n) + "</p>\n";
  s += permalink(place.link("#vergelijking"), series ? txt::link_naar_veranderingen() : txt::link_naar_vergelijking());
  s += "<p class=\"downloads\"><a href=\"" + place.link(statistics_file(ind)) +
       "\" download>" + txt::alle_statistiek_json() + "</a></p>\n";
  s += "</section>\n";
  return s;
}

std::string headline_change(const model::Model& m, const stats::ShareChange& ch) {
  const model::Round* from = m.round(ch.from);
  return "<p class=\"change\">" + txt::procentpunt_sinds(escape(signed_points(ch.points)), escape(from ? from->label : ch.from)) +
         " " + verdict_html(ch.verdict) + "</p>";
}

}  // namespace duiding::render
