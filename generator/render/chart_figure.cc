#include "render/chart_figure.h"

#include "charts/static_svg.h"
#include "render/html.h"
#include "render/permalink.h"
#include "text/site_text.h"

namespace duiding::render {
namespace {

// One panel: a heading that names it (the tab's label once duiding.js makes tabs, and
// then hidden) and its content.
std::string panel(const std::string& id, const std::string& kind, const std::string& title, const std::string& h,
                  const std::string& content) {
  return "<div class=\"chart-panel chart-panel-" + kind + "\" id=\"" + id + "\">\n<" + h + " class=\"panel-title\">" +
         title + "</" + h + ">\n" + content + "</div>\n";
}

}  // namespace

std::string chart_figure(const std::string& id, const ChartSpec& spec, const std::string& summary,
                         const PageFrame& frame, const ArticlePlace& place, const ChartPanels& panels) {
  const std::string h = place.heading(panels.level);
  // Ids are validated (a-z, 0-9, '-'), and escaped all the same: an attribute never
  // trusts what an earlier stage checked.
  std::string b = "<figure class=\"chart\" id=\"" + place.id("grafiek-" + id) + "\">\n";
  b += "<div class=\"chart-tabs\">\n";
  std::string chart = "<div class=\"chart-view\" data-spec=\"" + place.id("spec-" + id) + "\">" +
                      frame.chart_svg(spec, summary) + "</div>\n";
  chart += "<script type=\"application/json\" id=\"" + place.id("spec-" + id) + "\">" + script_json(spec.text) +
           "</script>\n";
  b += panel(place.id("paneel-grafiek-" + id), "grafiek", txt::grafiek(), h, chart);
  b += panel(place.id("tabel-" + id), "tabel", txt::tabel(), h, panels.table);
  b += panel(place.id("toelichting-" + id), "toelichting", txt::toelichting(), h,
             panels.notes.empty() ? "<p>" + txt::geen_verdere_toelichting() + "</p>\n" : panels.notes);
  // After the panels, outside them: read whichever tab is open, and on a phone the chart
  // comes straight under its heading.
  b += "</div>\n<figcaption class=\"chart-summary\">" + escape(summary) + "</figcaption>\n</figure>\n";
  b += permalink(place.link("#grafiek-" + id), txt::link_naar_deze_grafiek());
  return b;
}

}  // namespace duiding::render
