#include "render/trend.h"

#include "render/comparison.h"
#include "render/format.h"
#include "render/html.h"
#include "text/site_text.h"

namespace duiding::render {

bool has_trend(const stats::Comparison& c) {
  for (const auto& sc : c.shares)
    if (is_trend(sc)) return true;
  return false;
}

std::string trend_lead(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c) {
  const stats::RoundShare& last = c.rounds.back();
  std::string s = m.group_label(c.group) + ", " + last.round_label + ": " + share_text(ind, last) +
                  (ind.headline.empty() ? "" : " " + ind.headline);
  if (last.estimate && last.estimate->computable)
    s += " " + txt::interval_van_tot(number(last.estimate->ci.low * 100, 1), percent(last.estimate->ci.high * 100));
  std::string html = "<p class=\"trend-lead\">" + escape(s);
  if (!c.changes.empty()) {
    const stats::ShareChange& ch = c.changes.back();
    std::string points = number(ch.points, 1);
    if (ch.points > 0 && points != "0") points = "+" + points;
    const model::Round* from = m.round(ch.from);
    html += escape("; " + txt::procentpunt_sinds(points, from ? from->label : ch.from) + " ") + verdict_html(ch.verdict);
  }
  return html + ".</p>\n";
}

std::string trend_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                          const PageFrame& frame, const ArticlePlace& place) {
  if (!has_trend(c)) return "";
  const std::string h2 = place.heading(2);
  std::string s = "<section class=\"trend\" aria-labelledby=\"" + place.id("trend") + "\">\n<" + h2 + " id=\"" +
                  place.id("trend") + "\">" + txt::ontwikkeling_per_meting() + "</" + h2 + ">\n";
  for (const auto& sc : c.shares)
    if (is_trend(sc)) s += trend_lead(m, ind, sc);
  for (const auto& sc : c.shares)
    if (is_trend(sc)) s += share_block(m, ind, sc, c.family.level, frame, place);
  s += "<details class=\"trend-method\"><summary>" + txt::hoe_lees_ik_intervallen() + "</summary>\n" + method_note(m, c) +
       "</details>\n";
  return s + "</section>\n";
}

}  // namespace duiding::render
