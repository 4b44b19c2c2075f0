#include "render/indicator_page.h"

#include <fmt/format.h>
#include <set>

#include "charts/static_svg.h"
#include "charts/vega_lite.h"
#include "render/chart_downloads.h"
#include "render/chart_figure.h"
#include "render/comparison.h"
#include "render/disclosure_note.h"
#include "render/embed_page.h"
#include "render/format.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/open_data.h"
#include "render/tables.h"
#include "render/trend.h"

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
std::string html_id(const std::string& raw) { return stats::id_part(raw); }

std::string chart_block(const model::Model& m, const model::Indicator& ind, const stats::ChartData& chart,
                        const std::string& dir, const stats::StoryLinks& stories, PageFrame& frame) {
  nlohmann::json spec = charts::spec(m, ind, chart, &stories);
  const std::string id = html_id(chart.id);
  const std::string file = ind.id + "-" + id + ".vl.json";
  frame.write_file(dir + file, spec.dump(2) + "\n");
  ++frame.stats().charts;
  std::string b = "<section class=\"chart-block\" aria-labelledby=\"kop-" + escape(id) + "\">\n";
  b += "<h2 id=\"kop-" + escape(id) + "\">" + escape(chart.caption) + "</h2>\n";
  // Administrative series count no respondents: no n line for them.
  if (chart.kind != stats::ChartKind::kSeries) b += "<p class=\"n\">" + escape(n_text(chart)) + "</p>\n";
  const std::string summary = charts::summary_text(m, ind, chart);
  const std::string n = chart.kind == stats::ChartKind::kSeries ? "" : n_text(chart);
  b += chart_figure(id, spec, summary, frame);
  b += embed_chart(m, {&ind, id, chart.caption, n, summary, spec}, frame);
  b += "<div id=\"tabel-" + escape(id) + "\">" + chart_table(m, ind, chart, &stories) + "</div>\n";
  const charts::SlideText text{ind.title, chart.caption, ind.question_for(chart.group), n, ind.source, slide_site(m)};
  b += chart_downloads(dir, ind.id + "-" + id, file, spec, text, frame);
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

// A pointer to the indicator's stories page, when it has one.
std::string stories_block(const model::Indicator& ind, const stats::StoryIndex& stories) {
  std::set<const model::Quote*> quotes;
  for (const stats::Segment* s : stories.segments_of(ind.id)) quotes.insert(s->quotes.begin(), s->quotes.end());
  const std::size_t n = quotes.size();
  if (n == 0) return "";
  return "<p class=\"stories-link\"><a href=\"../../" + escape(stats::StoryIndex::page_path(ind.id)) +
         "\">Verhalen achter de cijfers</a> <span class=\"count\">(" + stats::stories_text(n) +
         " bij de antwoorden van deze vraag)</span></p>\n";
}

const model::Section* find_section(const model::Model& m, const std::string& id) {
  for (const auto& s : m.site.sections)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace

std::string indicator_article(const model::Model& m, const model::Indicator& ind,
                              const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                              const stats::Comparison& comparison, const stats::StoryIndex& stories,
                              PageFrame& frame) {
  const std::string dir = indicator_dir(ind);
  std::string c = "<article class=\"indicator\">\n<h1>" + escape(ind.title) + "</h1>\n";
  c += question_block(m, ind);
  c += "<dl class=\"meta\">";
  c += "<div><dt>Soort vraag</dt><dd>" + std::string(type_label(ind.type)) +
       (ind.multiple ? ", meerdere antwoorden mogelijk" : "") + "</dd></div>";
  if (!ind.source.empty()) c += "<div><dt>Bron</dt><dd>" + escape(ind.source) + "</dd></div>";
  c += "</dl>\n";
  // Measured in more than one round: the page opens with the trend.
  const bool trend = has_trend(comparison);
  c += trend_section(m, ind, comparison, dir, frame);
  if (trend && !summary.charts.empty())
    c += "<p class=\"trend-next\"><a href=\"#verdeling\">Verdeling van de antwoorden per meting</a> · "
         "<a href=\"#vergelijking\">Vergelijking en toetsing</a></p>\n";
  if (!ind.data_note.empty()) {
    c += "<aside class=\"data-note\" aria-labelledby=\"noot-" + escape(ind.id) + "\"><h2 id=\"noot-" + escape(ind.id) +
         "\">Wat de bron niet in cijfers geeft</h2>\n" + markdown_html(ind.data_note, 2) + "</aside>\n";
  }
  if (summary.charts.empty()) {
    c += "<p class=\"no-chart\">Voor deze indicator zijn geen cijfers beschikbaar; er is daarom geen grafiek.</p>\n";
  }
  c += disclosure_note(m, ind.id);
  const stats::StoryLinks links{stories, "../../"};
  if (trend && !summary.charts.empty())
    c += "<h2 class=\"part-heading\" id=\"verdeling\">Verdeling van de antwoorden</h2>\n";
  for (const auto& chart : summary.charts) c += chart_block(m, ind, chart, dir, links, frame);
  c += comparison_section(m, ind, comparison, dir, frame, trend);
  c += stories_block(ind, stories);
  if (!ind.description.empty()) {
    c += "<section class=\"description\" aria-labelledby=\"toelichting\"><h2 id=\"toelichting\">Toelichting</h2>\n" +
         markdown_html(ind.description, 2) + "</section>\n";
  }
  if (!values.empty()) {
    frame.write_file(dir + ind.id + ".csv", values_csv(ind, values));
    c += "<p class=\"downloads\"><a href=\"" + escape(ind.id) +
         ".csv\" download>Alle cijfers van deze indicator (CSV, " + std::to_string(values.size()) +
         " regels)</a> · <a href=\"../../" + std::string(kOpenDataValues) +
         "\" download>Alle cijfers van de site (CSV)</a></p>\n";
  }
  c += "</article>\n";
  return c;
}

stats::IndicatorSummary indicator_page(const model::Model& m, const model::Indicator& ind,
                                       const std::vector<const model::Value*>& values,
                                       const stats::Comparison& comparison, const stats::StoryIndex& stories,
                                       PageFrame& frame) {
  stats::IndicatorSummary summary = stats::summarize(m, ind, values);
  for (auto& h : summary.headlines) {
    if (const auto* change = stats::change_to(comparison, h.group, h.round)) h.change = *change;
    for (const auto& sc : comparison.shares) {
      if (sc.group != h.group) continue;
      for (const auto& r : sc.rounds)
        if (r.round <= h.round) h.trend.push_back(r);
    }
  }
  const model::Section* section = find_section(m, ind.section);
  std::string c =
      breadcrumb({{"../../index.html", "Home"}, {"../index.html", section ? section->title : ind.section}}, ind.title);
  c += indicator_article(m, ind, values, summary, comparison, stories, frame);
  frame.write_page({indicator_dir(ind) + "index.html", 2, ind.section}, ind.title, c, !summary.charts.empty());
  return summary;
}

}  // namespace duiding::render
