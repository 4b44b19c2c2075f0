#include "render/round_summary.h"

#include <algorithm>

#include "model/round_text.h"
#include "render/comparison.h"
#include "render/format.h"
#include "render/html.h"
#include "render/indicator_page.h"
#include "text/site_text.h"

namespace duiding::render {
namespace {

// Values of the rounds up to `r`: survey values by round id (ids sort as the rounds do),
// series values (whose round is a year) up to the year the round ended. The current round
// keeps everything, so its rapportage shows what the indicator pages show.
std::vector<const model::Value*> up_to(const model::Model& m, const model::Round& r,
                                       const std::vector<const model::Value*>& values) {
  const model::Round* current = m.current_round();
  if (current != nullptr && current->id == r.id) return values;
  std::string last_year = (r.end.empty() ? r.start : r.end).substr(0, 4);
  std::vector<const model::Value*> kept;
  for (const auto* v : values) {
    bool survey = m.round(v->round) != nullptr;
    if (survey ? v->round <= r.id : (!last_year.empty() && v->round <= last_year)) kept.push_back(v);
  }
  return kept;
}

std::string round_label(const model::Model& m, const std::string& id) {
  const model::Round* r = m.round(id);
  return r != nullptr ? r->label : id;
}

// The name of the test whose p-value decides a comparison of whole distributions.
std::string table_test_name(const stats::TableTest& t) {
  if (t.ordinal && t.ordinal->computable) return txt::wilcoxon_toets();
  if (t.result.small_expected && t.result.alternative_method == "fisher-exact") return txt::fisher_toets();
  if (t.result.small_expected) return txt::chi_kwadraattoets_simulatie();
  return txt::chi_kwadraattoets_naam();
}

std::string share_change_text(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& sc,
                              const stats::ShareChange& ch) {
  const stats::RoundShare* from = nullptr;
  const stats::RoundShare* to = nullptr;
  for (const auto& r : sc.rounds) {
    if (r.round == ch.from) from = &r;
    if (r.round == ch.to) to = &r;
  }
  std::string what = ind.headline.empty() ? txt::het_kerncijfer() : txt::het_aandeel_dat(ind.headline);
  std::string s = txt::groep_wat_is_veranderd(lower_first(m.group_label(sc.group)), what,
                                              ch.verdict == stats::Verdict::kHigher ? txt::gestegen() : txt::gedaald());
  if (from != nullptr && to != nullptr)
    s += " " + txt::van_in_naar_in(percent(from->percent), from->round_label, percent(to->percent), to->round_label);
  std::string points = number(ch.points, 1);
  if (ch.points > 0 && points != "0") points = "+" + points;
  s += " " + txt::punten_score_toets(points, p_text(ch.p_adjusted.value_or(ch.test ? ch.test->p_value : 1.0))) +
       (ch.p_adjusted ? " " + txt::na_correctie_voor_toetsen() : "") + ".";
  return s;
}

std::string table_change_text(const model::Model& m, const stats::TableTest& t) {
  std::string s = lower_first(m.group_label(t.group)) + ": ";
  if (t.ordinal && t.ordinal->computable)
    s += txt::liggen_hoger_op_de_schaal(round_label(m, t.round), t.ordinal->z > 0 ? txt::hoger() : txt::lager(),
                                        round_label(m, t.from_round));
  else
    s += txt::verdeling_veranderd_sinds(round_label(m, t.from_round));
  s += "; " + table_test_name(t) + ", " + p_text(t.p_adjusted.value_or(t.main_p())) +
       (t.p_adjusted ? " " + txt::na_correctie_voor_toetsen() : "") + ".";
  return s;
}

bool ends_in(const stats::TableTest& t, const std::string& round) {
  return t.kind == stats::TableTest::Kind::kRounds && t.round == round;
}

}  // namespace

RoundResults::RoundResults(const model::Model& m, const model::Round& r,
                           const std::map<std::string, std::vector<const model::Value*>>& by_indicator,
                           const ForEach& each)
    : round(r) {
  static const std::vector<const model::Value*> kNone;
  const std::size_t n = m.indicators.size();
  // The maps get every key first; the indicators then fill their own entries on any thread.
  indicators.resize(n);
  std::vector<std::vector<const model::Value*>*> own_values(n);
  std::vector<stats::Comparison*> own_comparison(n);
  for (std::size_t i = 0; i < n; ++i) {  // indicator ids are unique (validate)
    own_values[i] = &values[m.indicators[i].id];
    own_comparison[i] = &comparisons[m.indicators[i].id];
  }
  each(n, [&](std::size_t i) {
    const model::Indicator& ind = m.indicators[i];
    indicators[i] = model::for_round(m, ind, r.id);
    auto it = by_indicator.find(ind.id);
    *own_values[i] = up_to(m, r, it == by_indicator.end() ? kNone : it->second);
    *own_comparison[i] = stats::compare(m, ind, *own_values[i]);
  });
  std::vector<stats::Comparison*> adjusted;
  for (auto& [id, comparison] : comparisons) adjusted.push_back(&comparison);
  stats::adjust(adjusted);
  summaries.resize(n);
  each(n, [&](std::size_t i) {
    const model::Indicator& ind = indicators[i];
    summaries[i] = indicator_summary(m, ind, values.at(ind.id), comparisons.at(ind.id), r.id);
    // The round's own figures only: a chart, a trend or a test without this round (a
    // group it did not ask, an earlier round's distribution) belongs to the indicator's
    // page, not to this round's report. Yearly series are kept whole.
    auto& charts = summaries[i].charts;
    std::erase_if(charts, [&](const stats::ChartData& c) {
      if (c.kind == stats::ChartKind::kSeries) return false;
      if (!c.round.empty()) return c.round != r.id;
      return std::none_of(c.rows.begin(), c.rows.end(), [&](const stats::Row& row) { return row.round == r.id; });
    });
  });
  // The tests are cut to the round once every summary has read them.
  for (auto& [id, c] : comparisons) {
    std::erase_if(c.shares, [&](const stats::ShareComparison& sc) {
      return std::none_of(sc.rounds.begin(), sc.rounds.end(), [&](const stats::RoundShare& rs) { return rs.round == r.id; });
    });
    std::erase_if(c.tables, [&](const stats::TableTest& t) { return t.round != r.id; });
  }
  for (std::size_t i = 0; i < n; ++i) entries.push_back({&indicators[i], summaries[i].headlines, summaries[i].charts.size()});
}

std::vector<RoundChange> significant_changes(const model::Model& m, const RoundResults& results) {
  std::vector<RoundChange> out;
  const std::string& round = results.round.id;
  for (const auto& ind : results.indicators) {
    const stats::Comparison& c = results.comparisons.at(ind.id);
    for (const auto& sc : c.shares)
      for (const auto& ch : sc.changes)
        if (ch.to == round && (ch.verdict == stats::Verdict::kHigher || ch.verdict == stats::Verdict::kLower))
          out.push_back({&ind, sc.group, share_change_text(m, ind, sc, ch)});
    for (const auto& t : c.tables)
      if (ends_in(t, round) && t.tested && significant(t.p_adjusted, t.main_p()))
        out.push_back({&ind, t.group, table_change_text(m, t)});
  }
  return out;
}

std::size_t tested_changes(const RoundResults& results) {
  std::size_t n = 0;
  for (const auto& [id, c] : results.comparisons) {
    for (const auto& sc : c.shares)
      for (const auto& ch : sc.changes)
        n += ch.to == results.round.id && ch.test && ch.test->computable;
    for (const auto& t : c.tables) n += ends_in(t, results.round.id) && t.tested;
  }
  return n;
}

std::string key_figures_section(const model::Model& m, const RoundResults& results, const std::string& root,
                                const std::string& heading) {
  const model::Round& r = results.round;
  std::string s = "<section class=\"key-figures\" aria-labelledby=\"kerncijfers\">\n<" + heading +
                  " id=\"kerncijfers\">" + escape(txt::kerncijfers_van(r.label)) + "</" + heading + ">\n";
  bool any = false;
  for (const auto& section : m.site.sections) {
    std::string cards;
    for (const auto& e : results.entries) {
      const model::Indicator& ind = *e.indicator;
      if (ind.section != section.id) continue;
      for (const auto& h : e.headlines) cards += headline_card(m, ind, h, root);
      if (!e.headlines.empty() || ind.headline.empty()) continue;
      // A headline indicator without a figure in this round: say why, never a number.
      const bool measured = ind.type == model::IndicatorType::kSeries || model::reported_in(m, ind, r.id);
      const std::string why = measured ? txt::bron_geeft_geen_kerncijfer(r.label) : txt::niet_gemeten_in(r.label);
      cards += "<li class=\"headline no-figure\"><p class=\"what\">" + escape(why) + " (" + escape(ind.headline) +
               ")</p><p class=\"context\"><a href=\"" + escape(root + indicator_dir(ind) + "index.html") + "\">" +
               escape(ind.title) + "</a></p></li>\n";
    }
    if (cards.empty()) continue;
    any = true;
    s += "<h3>" + escape(section.title) + "</h3>\n<ul class=\"headlines\">\n" + cards + "</ul>\n";
  }
  if (!any) s += "<p>" + escape(txt::geen_kerncijfers(r.label)) + "</p>\n";
  return s + "</section>\n";
}

std::string what_changed_section(const model::Model& m, const RoundResults& results,
                                 const std::function<std::string(const model::Indicator&)>& link_of,
                                 const std::string& heading) {
  const model::Round& r = results.round;
  std::string s = "<section class=\"what-changed\" aria-labelledby=\"wat-is-veranderd\">\n<" + heading +
                  " id=\"wat-is-veranderd\">" + txt::wat_is_veranderd() + "</" + heading + ">\n";
  if (!m.rounds.empty() && m.rounds.front().id == r.id)
    return s + "<p>" + escape(txt::eerste_meting_geen_vergelijking(r.label)) + "</p>\n" + "</section>\n";
  const std::vector<RoundChange> changes = significant_changes(m, results);
  const std::size_t tested = tested_changes(results);
  if (changes.empty()) {
    s += "<p>" + txt::geen_significante_verandering(static_cast<long long>(tested)) + "</p>\n";
    return s + "</section>\n";
  }
  s += "<p>" + txt::significante_veranderingen(tested, static_cast<long long>(changes.size())) +
       "</p>\n<ul class=\"changes\">\n";
  for (const auto& ch : changes)
    s += "<li><a href=\"" + escape(link_of(*ch.indicator)) + "\">" + escape(ch.indicator->title) + "</a>, " +
         escape(ch.text) + "</li>\n";
  return s + "</ul>\n</section>\n";
}

}  // namespace duiding::render
