#include "render/factsheet.h"

#include "charts/comparison_chart.h"
#include "charts/vega_lite.h"
#include "render/comparison.h"
#include "render/format.h"
#include "render/html.h"
#include "render/indicator_page.h"
#include "render/markdown.h"
#include "render/rapportage.h"
#include "text/site_text.h"
#include "stats/story_index.h"

namespace duiding::render {
namespace {

std::string slug(const std::string& raw) { return stats::id_part(raw); }

std::string n_line(const std::optional<long>& n) {
  return n ? txt::n_is(number(static_cast<double>(*n))) : txt::n_onbekend();
}

}  // namespace

std::string factsheet_path(const std::string& round_id) { return "factsheet/" + slug(round_id) + "/index.html"; }
std::string factsheet_pdf_name(const std::string& round_id) { return "factsheet-" + slug(round_id) + ".pdf"; }

std::vector<FactsheetChart> factsheet_charts(const model::Model& m, const RoundResults& results) {
  std::vector<FactsheetChart> out;
  const std::string& round = results.round.id;
  for (std::size_t i = 0; i < results.indicators.size() && out.size() < kFactsheetCharts; ++i) {
    const model::Indicator& ind = results.indicators[i];
    const auto& headlines = results.entries[i].headlines;
    if (headlines.empty()) continue;
    const stats::Headline& h = headlines.front();
    const stats::Comparison& c = results.comparisons.at(ind.id);
    const stats::ShareComparison* trend = nullptr;
    for (const auto& sc : c.shares)
      if (sc.group == h.group && is_trend(sc) && sc.rounds.back().round == round) trend = &sc;
    if (trend != nullptr) {
      nlohmann::json spec = charts::share_rounds_spec(m, ind, *trend);
      spec.erase("$schema");
      out.push_back({&ind, share_caption(m, ind, *trend), std::move(spec), charts::share_rounds_summary(m, ind, *trend),
                     share_n_line(*trend)});
      continue;
    }
    for (const auto& chart : results.summaries[i].charts) {
      if (chart.group != h.group || chart.round != round || !chart.dimension.empty()) continue;
      nlohmann::json spec = charts::spec(m, ind, chart);
      spec.erase("$schema");
      out.push_back({&ind, chart.caption, std::move(spec), charts::summary_text(m, ind, chart), n_line(h.n)});
      break;
    }
  }
  return out;
}

std::string factsheet_page(const model::Model& m, const RoundResults& results, bool with_pdf, const PageFrame& frame) {
  const model::Round& r = results.round;
  const std::string root = "../../";
  const std::string title = txt::factsheet_van(r.label);
  std::string c = breadcrumb({{root + "index.html", txt::home()}}, title);
  c += "<article class=\"factsheet\">\n<header class=\"factsheet-header\">\n<h1>" + escape(title) + "</h1>\n";
  c += "<p class=\"organisation-line\">" + escape(m.site.organisation) + " · " + escape(m.site.title);
  if (m.site.fictional) c += " · <strong>" + txt::alle_cijfers_zijn_fictief() + "</strong>";
  c += "</p>\n";
  if (!r.description.empty()) c += "<p class=\"round-line\">" + escape(r.description) + "</p>\n";
  if (with_pdf)
    c += "<p class=\"rapportage-pdf\"><a href=\"" + escape(factsheet_pdf_name(r.id)) +
         "\" download>" + txt::factsheet_als_pdf() + "</a></p>\n";
  c += "</header>\n";
  c += key_figures_section(m, results, root);
  c += what_changed_section(m, results, [&root](const model::Indicator& ind) {
    return root + indicator_dir(ind) + "index.html";
  });

  const std::vector<FactsheetChart> charts = factsheet_charts(m, results);
  if (!charts.empty()) {
    c += "<section class=\"factsheet-charts\" aria-labelledby=\"in-beeld\">\n<h2 id=\"in-beeld\">" + txt::in_beeld() + "</h2>\n";
    for (const auto& chart : charts) {
      c += "<figure class=\"factsheet-chart\">\n<figcaption><strong>" + escape(chart.indicator->title) + "</strong> · " +
           escape(chart.caption) + " <span class=\"chart-n\">(" + escape(chart.n_line) + ")</span></figcaption>\n";
      c += "<div class=\"chart-picture\">" + frame.chart_svg(ChartSpec(chart.spec), chart.summary) + "</div>\n</figure>\n";
    }
    c += "</section>\n";
  }

  c += "<footer class=\"factsheet-source\">\n<h2 id=\"bron\">" + txt::bron_en_meer() + "</h2>\n";
  if (!r.source.empty()) c += "<p>" + txt::bron(markdown_inline(r.source)) + "</p>\n";
  c += "<p>" + txt::factsheet_methode() + "</p>\n";
  std::string site = m.site.base_url.empty() ? std::string() : " (" + m.site.base_url + ")";
  c += "<p>" + txt::factsheet_meer(escape(root + "index.html"), escape(m.site.title), escape(site),
                                    escape(root + rapportage_path(r.id)), escape(r.label)) + "</p>\n";
  c += "</footer>\n</article>\n";
  return frame.page({factsheet_path(r.id), 2, "factsheet"}, title, c, false);
}

}  // namespace duiding::render
