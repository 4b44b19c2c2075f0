#include "render/indicator_page.h"

#include <fmt/format.h>

#include "charts/vega_lite.h"
#include "render/format.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/tables.h"

namespace duiding::render {
namespace {

std::string n_text(const stats::ChartData& c) {
  std::vector<std::string> parts;
  for (const auto& [key, n] : c.n)
    parts.push_back(c.n.size() > 1 ? key + ": n = " + number(static_cast<double>(n))
                                   : "n = " + number(static_cast<double>(n)));
  if (parts.empty()) return "Aantal respondenten (n) niet gegeven in de bron";
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Round ids and breakdown dimensions come from the data: keep file names and HTML ids
// to a-z, 0-9 and '-'.
std::string html_id(const std::string& raw) {
  std::string id;
  for (char ch : raw) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) id += ch;
    else if (ch >= 'A' && ch <= 'Z') id += static_cast<char>(ch - 'A' + 'a');
    else id += '-';
  }
  return id;
}

std::string chart_block(const model::Model& m, const model::Indicator& ind, const stats::ChartData& chart,
                        const std::string& dir, PageFrame& frame) {
  nlohmann::json spec = charts::spec(m, ind, chart);
  const std::string id = html_id(chart.id);
  const std::string file = ind.id + "-" + id + ".vl.json";
  frame.write_file(dir + file, spec.dump(2) + "\n");
  ++frame.stats().charts;
  nlohmann::json embedded = spec;
  embedded.erase("$schema");
  std::string b = "<section class=\"chart-block\" aria-labelledby=\"kop-" + id + "\">\n";
  b += "<h2 id=\"kop-" + id + "\">" + escape(chart.caption) + "</h2>\n";
  // Administrative series count no respondents: no n line for them.
  if (chart.kind != stats::ChartKind::kSeries) b += "<p class=\"n\">" + escape(n_text(chart)) + "</p>\n";
  b += "<figure class=\"chart\" id=\"grafiek-" + id + "\">\n";
  b += "<div class=\"chart-view\" data-spec=\"spec-" + id + "\"></div>\n";
  b += "<script type=\"application/json\" id=\"spec-" + id + "\">" + script_json(embedded.dump()) + "</script>\n";
  b += "<figcaption class=\"chart-summary\">" + escape(charts::summary_text(m, ind, chart)) + "</figcaption>\n";
  b += "</figure>\n";
  b += chart_table(m, ind, chart);
  b += "<p class=\"downloads\"><a href=\"" + escape(file) +
       "\" download>Grafiek als Vega-Lite-specificatie (JSON)</a></p>\n";
  b += "</section>\n";
  return b;
}

std::string question_block(const model::Model& m, const model::Indicator& ind) {
  if (ind.question.empty() && ind.group_questions.empty()) return "";
  std::string c = "<div class=\"question\">";
  if (ind.group_questions.empty()) {
    c += "<p><span class=\"label\">Vraag:</span> <q>" + escape(ind.question) + "</q></p>";
  } else {
    for (const auto& g : ind.groups)
      if (!ind.question_for(g).empty())
        c += "<p><span class=\"label\">Vraag aan " + escape(lower_first(m.group_label(g))) + ":</span> <q>" +
             escape(ind.question_for(g)) + "</q></p>";
  }
  return c + "</div>\n";
}

const model::Section* find_section(const model::Model& m, const std::string& id) {
  for (const auto& s : m.site.sections)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace

std::string indicator_article(const model::Model& m, const model::Indicator& ind,
                              const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                              PageFrame& frame) {
  const std::string dir = indicator_dir(ind);
  std::string c = "<article class=\"indicator\">\n<h1>" + escape(ind.title) + "</h1>\n";
  c += question_block(m, ind);
  c += "<dl class=\"meta\">";
  c += "<div><dt>Soort vraag</dt><dd>" + std::string(type_label(ind.type)) +
       (ind.multiple ? ", meerdere antwoorden mogelijk" : "") + "</dd></div>";
  if (!ind.source.empty()) c += "<div><dt>Bron</dt><dd>" + escape(ind.source) + "</dd></div>";
  c += "</dl>\n";
  if (!ind.data_note.empty()) {
    c += "<aside class=\"data-note\" aria-labelledby=\"noot-" + ind.id + "\"><h2 id=\"noot-" + ind.id +
         "\">Wat de bron niet in cijfers geeft</h2>\n" + markdown_html(ind.data_note, 2) + "</aside>\n";
  }
  if (summary.charts.empty()) {
    c += "<p class=\"no-chart\">Voor deze indicator zijn geen cijfers beschikbaar; er is daarom geen grafiek.</p>\n";
  }
  for (const auto& chart : summary.charts) c += chart_block(m, ind, chart, dir, frame);
  if (!ind.description.empty()) {
    c += "<section class=\"description\" aria-labelledby=\"toelichting\"><h2 id=\"toelichting\">Toelichting</h2>\n" +
         markdown_html(ind.description, 2) + "</section>\n";
  }
  if (!values.empty()) {
    frame.write_file(dir + ind.id + ".csv", values_csv(ind, values));
    c += "<p class=\"downloads\"><a href=\"" + escape(ind.id) +
         ".csv\" download>Alle cijfers van deze indicator (CSV, " + std::to_string(values.size()) +
         " regels)</a></p>\n";
  }
  c += "</article>\n";
  return c;
}

stats::IndicatorSummary indicator_page(const model::Model& m, const model::Indicator& ind,
                                       const std::vector<const model::Value*>& values, PageFrame& frame) {
  stats::IndicatorSummary summary = stats::summarize(m, ind, values);
  const model::Section* section = find_section(m, ind.section);
  std::string c =
      breadcrumb({{"../../index.html", "Home"}, {"../index.html", section ? section->title : ind.section}}, ind.title);
  c += indicator_article(m, ind, values, summary, frame);
  frame.write_page({indicator_dir(ind) + "index.html", 2, ind.section}, ind.title, c, !summary.charts.empty());
  return summary;
}

}  // namespace duiding::render
