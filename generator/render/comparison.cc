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
#include "render/tables.h"
#include "stats/story_index.h"

namespace duiding::render {

std::string p_value(double p) { return p < 0.001 ? "< 0,001" : number(p, 3); }
std::string p_text(double p) { return p < 0.001 ? "p < 0,001" : "p = " + p_value(p); }
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
  std::string s = " Een deel van de verwachte aantallen is kleiner dan 5 (kleinste " +
                  number(r.smallest_expected, 1) + "); dan is de χ²-benadering onbetrouwbaar. ";
  if (r.alternative_method == "fisher-exact")
    s += "Fishers exacte toets geeft " + p_text(*r.alternative_p) + "; die p-waarde telt.";
  else
    s += "Een simulatie met " + number(static_cast<double>(r.simulations), 0) + " trekkingen (vaste startwaarde) geeft " +
         p_text(*r.alternative_p) + "; die p-waarde telt.";
  return s;
}


std::string adjusted_text(std::optional<double> adjusted) {
  return adjusted ? "; na correctie voor het aantal toetsen " + p_text(*adjusted) : "";
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
  return "tussen " + signed_points(i.low * 100) + " en " + signed_points(i.high * 100) + " procentpunt";
}

}  // namespace

std::string share_text(const model::Indicator& ind, const stats::RoundShare& r) {
  if (ind.multiple && ind.unit == "count" && r.estimate && r.estimate->computable)
    return number(static_cast<double>(r.estimate->x)) + " van de " + number(static_cast<double>(r.estimate->n)) +
           " verhalen (" + percent(r.percent) + ")";
  return percent(r.percent);
}

namespace {

// One plain sentence on what a change means, for a council member.
std::string change_meaning(const model::Indicator& ind, const stats::RoundShare& from, const stats::RoundShare& to,
                           const stats::ShareChange& ch) {
  std::string s = "Van " + share_text(ind, from) + " in " + from.round_label + " naar " + share_text(ind, to) + " in " +
                  to.round_label + ". ";
  if (!ch.difference || !ch.test || !ch.test->computable) return s;
  const std::string range = points_range(ch.difference->ci);
  if (ch.verdict == Verdict::kHigher || ch.verdict == Verdict::kLower) {
    s += "Zo'n verschil zou zelden toevallig ontstaan als er niets veranderd is. De " +
         std::string(ch.verdict == Verdict::kHigher ? "stijging" : "daling") + " ligt waarschijnlijk " + range + ".";
  } else {
    s += "Zo'n verschil kan ook door toeval ontstaan als er niets veranderd is. Dat wil niet zeggen dat het gelijk "
         "gebleven is: de gegevens passen bij elke verandering " +
         range + ".";
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
  return m.group_label(c.group) + ": " + (ind.headline.empty() ? "aandeel positieve antwoorden" : ind.headline) +
         ", per meting (met 95%-interval)";
}

std::string share_n_line(const stats::ShareComparison& c) {
  std::string s;
  for (const auto& r : c.rounds)
    if (r.n) s += (s.empty() ? "" : "; ") + r.round_label + ": n = " + number(static_cast<double>(*r.n));
  return s;
}

std::string share_block(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c,
                        double level, const PageFrame& frame, const ArticlePlace& place) {
  const std::string id = share_chart_id(c);
  const std::string h = place.heading(3);
  std::string b = "<" + h + " id=\"" + place.id("kop-" + id) + "\">" + escape(m.group_label(c.group)) + "</" + h + ">\n";
  json spec = charts::share_rounds_spec(m, ind, c);

  const std::string caption = m.group_label(c.group) + ": " +
                              (ind.headline.empty() ? "aandeel positieve antwoorden" : ind.headline) + ", per meting";
  std::string t = table_region(caption) + "<table class=\"data-table utrecht-table comparison-table\">\n<caption>" +
                  escape(caption) + "</caption>\n<thead><tr>" + th("Meting") + th("Aandeel") + th("95%-interval") +
                  th("n") + th("Verandering (procentpunt)") +
                  th(escape("Interval verandering (" + level_text(level) + ")")) + th("p-waarde (gecorrigeerd)") +
                  th("Oordeel") + "</tr></thead>\n<tbody>\n";
  std::vector<std::string> reasons, meanings;
  // Below 480 px the table becomes a card per round (duiding.css): each cell names its column.
  auto cell = [](const char* label, const std::string& text) {
    return "<td class=\"num\" data-label=\"" + std::string(label) + "\">" + escape(text) + "</td>";
  };
  for (std::size_t i = 0; i < c.rounds.size(); ++i) {
    const auto& r = c.rounds[i];
    t += "<tr><th scope=\"row\">" + escape(r.round_label) + "</th>" + cell("Aandeel", share_text(ind, r));
    t += cell("95%-interval",
              r.estimate && r.estimate->computable ? interval_text(r.estimate->ci, 100) + "\u00a0%" : "niet te berekenen");
    t += cell("n", r.n ? number(static_cast<double>(*r.n)) : "onbekend");
    if (i == 0) {
      t += "<td colspan=\"4\" data-label=\"Verandering\">eerste meting</td></tr>\n";
      continue;
    }
    const auto& ch = c.changes[i - 1];
    t += cell("Verandering (procentpunt)", signed_points(ch.points));
    t += cell("Interval verandering", ch.difference && ch.difference->computable && ch.test && ch.test->computable
                                          ? interval_text(ch.difference->ci, 100)
                                          : "—");
    std::string p = "—";
    if (ch.test && ch.test->computable) {
      p = p_value(ch.test->p_value);
      if (ch.p_adjusted) p += " (" + p_value(*ch.p_adjusted) + ")";
    }
    t += cell("p-waarde (gecorrigeerd)", p);
    t += "<td data-label=\"Oordeel\">" + verdict_cell(ch) + "</td></tr>\n";
    if (!ch.reason.empty()) reasons.push_back("Verandering naar " + r.round_label + ": " + stats::verdict_text(ch.verdict) + ", want " + ch.reason + ".");
    else meanings.push_back(change_meaning(ind, c.rounds[i - 1], r, ch));
  }
  t += "</tbody></table></div>\n";
  // The Toelichting: what each change means, and why a round is not compared.
  std::string notes;
  for (const auto& w : meanings) notes += "<p class=\"meaning\"><strong>Wat betekent dit?</strong> " + escape(w) + "</p>\n";
  for (const auto& r : reasons) notes += "<p class=\"reason\">" + escape(r) + "</p>\n";
  if (auto it = m.withheld_rounds.find(ind.id); it != m.withheld_rounds.end()) {
    for (const auto& [round, group] : it->second) {
      if (group != c.group) continue;
      const model::Round* r = m.round(round);
      notes += "<p class=\"reason\">" + escape(r ? r->label : round) + ": " + verdict_html(stats::Verdict::kTooFew) +
               escape(", want minder dan " + std::to_string(m.site.min_cell) + " " + group_name(m, group) +
                      " deden mee; de cijfers van die meting zijn daarom niet gepubliceerd.") + "</p>\n";
    }
  }
  b += chart_figure(id, spec, charts::share_rounds_summary(m, ind, c), frame, place, {t, notes, 4});
  b += embed_code(m, ind, id, share_caption(m, ind, c), place);
  b += chart_downloads(ind.id + "-" + id, ind.id + "-" + id + ".vl.json", frame, place);
  return b;
}

namespace {

std::string details(const std::string& text) {
  return "<details class=\"test-details\"><summary>Toetsgegevens</summary><p>" + escape(text) + "</p></details>";
}

std::string left_out_text(const std::vector<std::string>& left_out) {
  if (left_out.empty()) return "";
  return " Niet meegeteld, omdat de bron er geen cijfer voor geeft (een ontbrekend cijfer is geen 0): " +
         fmt::format("{}", fmt::join(left_out, "; ")) + ".";
}

std::string rounds_item(const model::Model& m, const stats::TableTest& t) {
  std::string head = "Verdeling van alle antwoorden van " + group_name(m, t.group) + ", " + t.row_labels[0] +
                     " tegenover " + t.row_labels[1] + ": ";
  if (!t.tested) return escape(head + "niet getoetst, want " + t.reason + "." + left_out_text(t.left_out));
  const bool sig = significant(t.p_adjusted, t.main_p());
  std::string text, detail;
  if (t.ordinal) {
    const auto& o = *t.ordinal;
    text = sig ? std::string("de antwoorden liggen in ") + t.row_labels[1] + " significant " +
                     (o.z > 0 ? "hoger" : "lager") + " op de schaal dan in " + t.row_labels[0] +
                     ". Zo'n verschuiving zou zelden toevallig ontstaan als er niets veranderd is."
               : "een verschuiving van de antwoorden is niet aan te tonen. Dat wil niet zeggen dat er niets "
                 "veranderd is, alleen dat de verschillen ook door toeval kunnen ontstaan.";
    detail = "Wilcoxon-Mann-Whitney-toets (geordende antwoorden): U = " + number(o.u, 1) + "; z = " + number(o.z, 2) +
             "; " + p_text(o.p_value) + adjusted_text(t.p_adjusted) + "; kans dat een antwoord uit " + t.row_labels[1] +
             " hoger ligt dan een uit " + t.row_labels[0] + " (gelijke telt half): " + number(o.superiority, 2) +
             ". Aanvullend, zonder de volgorde: " + chi_text(t.result) + "." + small_counts_text(t.result);
  } else {
    text = sig ? "de verdeling is significant veranderd. Zo'n verschil zou zelden toevallig ontstaan als er niets "
                 "veranderd is."
               : "een verandering van de verdeling is niet aan te tonen. Dat wil niet zeggen dat er niets veranderd "
                 "is, alleen dat de verschillen ook door toeval kunnen ontstaan.";
    detail = "Chi-kwadraattoets: " + chi_text(t.result) + adjusted_text(t.p_adjusted) + "." + small_counts_text(t.result);
  }
  return escape(head + text + left_out_text(t.left_out)) + details(detail);
}

std::string breakdown_item(const model::Model& m, const model::Indicator& ind, const stats::TableTest& t) {
  const model::Round* round = m.round(t.round);
  std::string head = "Naar " + t.dimension + " (" + group_name(m, t.group) + ", " + (round ? round->label : t.round) + "): ";
  if (!t.tested) return escape(head + "niet getoetst, want " + t.reason + "." + left_out_text(t.left_out));
  const bool sig = significant(t.p_adjusted, t.main_p());
  std::string text = sig ? "de antwoorden over " + lower_first(ind.title) + " verschillen significant naar " +
                               t.dimension + ". Zo'n verschil zou zelden toevallig ontstaan als de groepen gelijk antwoordden."
                         : "een verschil naar " + t.dimension + " is niet aan te tonen. Dat wil niet zeggen dat de "
                           "groepen gelijk antwoordden, alleen dat de verschillen ook door toeval kunnen ontstaan.";
  std::string detail = "Chi-kwadraattoets: " + chi_text(t.result) + adjusted_text(t.p_adjusted) + "." + small_counts_text(t.result);
  if (t.kruskal) {
    detail = "Kruskal-Wallistoets (geordende antwoorden): H = " + number(t.kruskal->h, 2) + "; df = " +
             std::to_string(t.kruskal->df) + "; " + p_text(t.kruskal->p_value) + adjusted_text(t.p_adjusted) +
             ". Aanvullend, zonder de volgorde: " + chi_text(t.result) + "." + small_counts_text(t.result);
  }
  return escape(head + text + left_out_text(t.left_out)) + details(detail);
}

std::string fit_item(const model::Model& m, const stats::FitTest& f) {
  const model::Round* round = m.round(f.round);
  std::string s = "Verdeling van de " + group_name(m, f.group) + " (" + (round ? round->label : f.round) + ") tegenover " +
                  group_name(m, f.reference_group) + ": ";
  std::string detail;
  if (!f.tested) {
    s += "niet getoetst, want " + f.reason + ".";
  } else {
    s += significant(f.p_adjusted, f.result.decisive_p()) ? "de verdeling wijkt significant af."
                                                           : "een afwijking is niet aan te tonen.";
    s += " Getoetst over: " + fmt::format("{}", fmt::join(f.categories, ", ")) + ".";
    detail = "Chi-kwadraattoets voor aanpassing: " + chi_text(f.result) + adjusted_text(f.p_adjusted) + "." +
             small_counts_text(f.result);
  }
  if (!f.left_out.empty())
    s += " Niet meegeteld, omdat de bron er voor één van beide geen percentage geeft: " +
         fmt::format("{}", fmt::join(f.left_out, ", ")) + ".";
  if (f.margin && f.n) {
    s += " Foutmarge van een percentage uit deze steekproef (n = " + number(static_cast<double>(*f.n)) +
         (f.population ? " uit " + number(static_cast<double>(*f.population)) : std::string()) +
         ", 95 %): ten hoogste " + number(*f.margin * 100, 1) + " procentpunt.";
  }
  return escape(s) + (detail.empty() ? "" : details(detail));
}

}  // namespace

std::string method_note(const model::Model& m, const stats::Comparison& c) {
  std::string s =
      "<p class=\"method-note\">Een percentage uit een steekproef is een schatting. Het 95%-interval laat zien "
      "tussen welke waarden het werkelijke percentage waarschijnlijk ligt. Een verandering heet <em>significant</em> "
      "als zo'n verschil zelden toevallig zou ontstaan als er in werkelijkheid niets veranderd is. <em>Niet aan te "
      "tonen</em> betekent niet dat het gelijk gebleven is: het interval van de verandering laat zien hoe groot "
      "een stijging of daling nog kan zijn. Met minder dan " +
      std::to_string(m.site.min_cell) + " deelnemers in een meting vergelijken we niet.</p>\n";
  if (c.family.size > 1) {
    s += "<p class=\"method-note\">Deze site doet " + std::to_string(c.family.size) +
         " toetsen. Bij zoveel toetsen levert toeval af en toe een schijnbaar verschil op; daarom zijn de p-waarden "
         "gecorrigeerd voor het aantal toetsen (methode van Benjamini en Hochberg) en hebben de intervallen van "
         "veranderingen een betrouwbaarheid van " +
         escape(level_text(c.family.level)) + " in plaats van 95 %. Na correctie " +
         (c.family.rejections == 0   ? "is geen van de " + std::to_string(c.family.size) + " toetsen"
          : c.family.rejections == 1 ? "is 1 van de " + std::to_string(c.family.size) + " toetsen"
                                     : "zijn " + std::to_string(c.family.rejections) + " van de " +
                                           std::to_string(c.family.size) + " toetsen") +
         " significant.</p>\n";
  }
  bool self_selected = false;
  for (const auto& sc : c.shares)
    for (const auto& r : sc.rounds) self_selected = self_selected || r.design == model::Design::kSelfSelected;
  if (self_selected)
    s += "<p class=\"method-note\">De deelnemers zijn geen aselecte steekproef: wie bereikt werd en mee wilde doen, "
         "deed mee. De intervallen geven aan hoe groot het toeval is bij zoveel deelnemers; of de deelnemers "
         "lijken op alle cliënten, kunnen ze niet zeggen.</p>\n";
  return s;
}

namespace {

std::string series_block(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c) {
  std::string b = table_region(ind.title + ": verandering per jaar") +
                  "<table class=\"data-table utrecht-table\">\n<caption>" + escape(ind.title) +
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
                  std::string(series ? "Verandering per jaar" : "Vergelijking en toetsing") + "</" + h2 + ">\n";
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
      s += "<p class=\"perspectives\">De groepen hierboven zijn verschillende perspectieven op dezelfde vraag, vaak "
           "in andere woorden gesteld. We zetten ze naast elkaar, maar toetsen ze niet tegen elkaar.</p>\n";
    }
    if (!c.tables.empty() || !c.fits.empty()) {
      s += "<" + h3 + ">Hele verdeling</" + h3 + ">\n<ul class=\"tests\">\n";
      for (const auto& t : c.tables)
        s += "<li>" + (t.kind == stats::TableTest::Kind::kRounds ? rounds_item(m, t) : breakdown_item(m, ind, t)) + "</li>\n";
      for (const auto& f : c.fits) s += "<li>" + fit_item(m, f) + "</li>\n";
      s += "</ul>\n";
    }
  }
  for (const auto& n : c.notes) s += "<p class=\"reason\">" + escape(n) + "</p>\n";
  s += permalink(place.link("#vergelijking"), series ? "Link naar deze veranderingen" : "Link naar deze vergelijking");
  s += "<p class=\"downloads\"><a href=\"" + place.link(statistics_file(ind)) +
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
