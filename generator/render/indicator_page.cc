#include "render/indicator_page.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "charts/comparison_chart.h"
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
#include "render/round_notice.h"
#include "text/site_text.h"
#include "render/tables.h"
#include "render/trend.h"
#include "render/workbook.h"

namespace duiding::render {
namespace {

std::string n_text(const stats::ChartData& c) {
  std::vector<std::string> parts;
  for (const auto& [key, n] : c.n)
    parts.push_back(c.n.size() > 1 ? txt::n_van(key, number(static_cast<double>(n)))
                                   : txt::n_is(number(static_cast<double>(n))));
  if (parts.empty()) return txt::n_niet_gegeven();
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Round ids and breakdown dimensions come from the data: keep file names and HTML ids
// to a-z, 0-9 and '-'.
std::string html_id(const std::string& raw) { return stats::id_part(raw); }

std::string chart_file(const model::Indicator& ind, const stats::ChartData& chart) {
  return ind.id + "-" + html_id(chart.id) + ".vl.json";
}

// The Toelichting of a distribution: whom the question was put to and how, and where
// the numbers come from.
std::string chart_notes(const model::Model& m, const model::Indicator& ind, const stats::ChartData& chart) {
  std::string t;
  if (const std::string& q = ind.question_for(chart.group); !q.empty())
    t += "<p><span class=\"label\">" +
         (chart.group.empty() ? txt::vraag_label() : txt::vraag_aan(escape(lower_first(m.group_label(chart.group))))) +
         ":</span> <q>" + escape(q) + "</q></p>\n";
  if (chart.kind != stats::ChartKind::kSeries)
    t += "<p>" + escape(n_text(chart)) + (ind.multiple ? ". " + txt::meerdere_antwoorden_percentages() : ".") + "</p>\n";
  if (const std::string source = chart_source(m, ind, chart_rounds(chart)); !source.empty())
    t += "<p>" + txt::bron(escape(source)) + "</p>\n";
  return t;
}

// `stories` links from the indicator's page (the spec is the same everywhere); the
// table's links are written for `place`.
std::string chart_block(const model::Model& m, const model::Indicator& ind, const stats::ChartData& chart,
                        const stats::StoryLinks& stories, const PageFrame& frame, const ArticlePlace& place) {
  const ChartSpec spec(charts::spec(m, ind, chart, &stories));
  const std::string id = html_id(chart.id);
  const std::string file = chart_file(ind, chart);
  const std::string h2 = place.heading(2);
  std::string b = "<section class=\"chart-block\" aria-labelledby=\"" + place.id("kop-" + id) + "\">\n";
  b += "<" + h2 + " id=\"" + place.id("kop-" + id) + "\">" + escape(chart.caption) + "</" + h2 + ">\n";
  // Administrative series count no respondents: no n line for them.
  if (chart.kind != stats::ChartKind::kSeries) b += "<p class=\"n\">" + escape(n_text(chart)) + "</p>\n";
  const stats::StoryLinks table_links{stories.index, place.link_base + stories.root};
  const ChartPanels panels{chart_table(m, ind, chart, &table_links), chart_notes(m, ind, chart), 3};
  b += chart_figure(id, spec, charts::summary_text(m, ind, chart), frame, place, panels);
  b += embed_code(m, ind, id, chart.caption, place);
  b += chart_downloads(ind.id + "-" + id, file, frame, place);
  b += "</section>\n";
  return b;
}

std::string question_block(const model::Model& m, const model::Indicator& ind) {
  if (ind.question.empty() && ind.group_questions.empty()) return "";
  std::string c = "<div class=\"question\">";
  if (ind.group_questions.empty()) {
    c += "<p><span class=\"label\">" + txt::vraag_label() + ":</span> <q>" + escape(ind.question) + "</q></p>";
  } else {
    for (const auto& g : ind.groups)
      if (!ind.question_for(g).empty())
        c += "<p><span class=\"label\">" + txt::vraag_aan(escape(lower_first(m.group_label(g)))) + ":</span> <q>" +
             escape(ind.question_for(g)) + "</q></p>";
  }
  return c + "</div>\n";
}

// A pointer to the indicator's stories page, when it has one.
std::string stories_block(const model::Indicator& ind, const stats::StoryIndex& stories, const ArticlePlace& place) {
  std::set<const model::Quote*> quotes;
  for (const stats::Segment* s : stories.segments_of(ind.id)) quotes.insert(s->quotes.begin(), s->quotes.end());
  const std::size_t n = quotes.size();
  if (n == 0) return "";
  return "<p class=\"stories-link\"><a href=\"" + place.link("../../" + stats::StoryIndex::page_path(ind.id)) +
         "\">" + txt::verhalen_achter_de_cijfers() + "</a> <span class=\"count\">(" +
         txt::bij_de_antwoorden_van_deze_vraag(stats::stories_text(n)) + ")</span></p>\n";
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
                              const PageFrame& frame, const ArticlePlace& place) {
  const std::string h1 = place.heading(1), h2 = place.heading(2);
  // Inside another page the title is the target of that page's contents.
  std::string c = "<article class=\"indicator\">\n<" + h1 +
                  (place.id_prefix.empty() ? "" : " id=\"" + place.id("") + "\"") + ">" + escape(ind.title) + "</" +
                  h1 + ">\n";
  c += question_block(m, ind);
  c += "<dl class=\"meta\">";
  c += "<div><dt>" + txt::soort_vraag() + "</dt><dd>" + std::string(type_label(ind.type)) +
       (ind.multiple ? ", " + txt::meerdere_antwoorden_mogelijk() : "") + "</dd></div>";
  if (!ind.source.empty()) c += "<div><dt>" + txt::bron_label() + "</dt><dd>" + escape(ind.source) + "</dd></div>";
  c += "</dl>\n";
  // Measured in more than one round: the article opens with the trend.
  const bool trend = has_trend(comparison);
  c += trend_section(m, ind, comparison, frame, place);
  if (trend && !summary.charts.empty())
    c += "<p class=\"trend-next\"><a href=\"" + place.link("#verdeling") +
         "\">" + txt::verdeling_per_meting() + "</a> · <a href=\"" + place.link("#vergelijking") + "\">" +
         txt::vergelijking_en_toetsing() + "</a></p>\n";
  if (!ind.data_note.empty()) {
    c += "<aside class=\"data-note\" aria-labelledby=\"" + place.id("noot-" + ind.id) + "\"><" + h2 + " id=\"" +
         place.id("noot-" + ind.id) + "\">" + txt::wat_de_bron_niet_in_cijfers_geeft() + "</" + h2 + ">\n" +
         markdown_html(ind.data_note, 2 + place.shift, place.link_base, place.id_prefix) + "</aside>\n";
  }
  if (summary.charts.empty()) {
    c += "<p class=\"no-chart\">" + txt::geen_cijfers_geen_grafiek() + "</p>\n";
  }
  c += disclosure_note(m, ind.id);
  const stats::StoryLinks links{stories, "../../"};
  if (trend && !summary.charts.empty())
    c += "<" + h2 + " class=\"part-heading\" id=\"" + place.id("verdeling") + "\">" + txt::verdeling_van_de_antwoorden() + "</" + h2 + ">\n";
  for (const auto& chart : summary.charts) c += chart_block(m, ind, chart, links, frame, place);
  c += comparison_section(m, ind, comparison, frame, place, trend);
  c += stories_block(ind, stories, place);
  if (!ind.description.empty()) {
    c += "<section class=\"description\" aria-labelledby=\"" + place.id("toelichting") + "\"><" + h2 + " id=\"" +
         place.id("toelichting") + "\">" + txt::toelichting() + "</" + h2 + ">\n" +
         markdown_html(ind.description, 2 + place.shift, place.link_base, place.id_prefix) + "</section>\n";
  }
  if (!values.empty()) {
    const std::string csv = values_csv(m, ind, values);
    const auto lines = std::count(csv.begin(), csv.end(), '\n') - 1;
    c += "<p class=\"downloads\"><a href=\"" + place.link(ind.id + ".csv") +
         "\" download>" + txt::csv_van_indicator(lines) + "</a> · <a href=\"" +
         place.link(ind.id + ".xlsx") + "\" download>" + txt::xlsx_van_indicator() + "</a> · <a href=\"" +
         place.link("../../" + std::string(kOpenDataValues)) + "\" download>" + txt::csv_van_de_site() + "</a></p>\n";
  }
  c += "</article>\n";
  return c;
}

stats::IndicatorSummary indicator_summary(const model::Model& m, const model::Indicator& ind,
                                          const std::vector<const model::Value*>& values,
                                          const stats::Comparison& comparison, const std::string& round) {
  stats::IndicatorSummary summary = stats::summarize(m, ind, values, round);
  for (auto& h : summary.headlines) {
    if (const auto* change = stats::change_to(comparison, h.group, h.round)) h.change = *change;
    // Mentions are never a share of people: no interval for them.
    if (!h.mentions)
      if (auto share = stats::round_share(m, ind, values, h.group, h.round); share && share->estimate)
        h.estimate = share->estimate;
    for (const auto& sc : comparison.shares) {
      if (sc.group != h.group) continue;
      for (const auto& r : sc.rounds)
        if (r.round <= h.round) h.trend.push_back(r);
    }
  }
  return summary;
}

std::size_t indicator_chart_count(const model::Indicator& ind, const stats::IndicatorSummary& summary,
                                  const stats::Comparison& comparison) {
  return summary.charts.size() + (ind.type == model::IndicatorType::kSeries ? 0 : comparison.shares.size());
}

std::string indicator_chart_id(const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                               std::size_t k) {
  if (k < summary.charts.size()) return html_id(summary.charts[k].id);
  return share_chart_id(comparison.shares.at(k - summary.charts.size()));
}

ChartInfo indicator_chart(const model::Model& m, const model::Indicator& ind, const stats::IndicatorSummary& summary,
                          const stats::Comparison& comparison, const stats::StoryLinks& stories, std::size_t k) {
  if (k < summary.charts.size()) {
    const stats::ChartData& chart = summary.charts[k];
    nlohmann::json spec = charts::spec(m, ind, chart, &stories);
    spec.erase("$schema");
    return {html_id(chart.id), chart.caption, chart.group,
            chart.kind == stats::ChartKind::kSeries ? "" : n_text(chart), charts::summary_text(m, ind, chart),
            std::move(spec), chart_source(m, ind, chart_rounds(chart))};
  }
  const stats::ShareComparison& sc = comparison.shares.at(k - summary.charts.size());
  nlohmann::json spec = charts::share_rounds_spec(m, ind, sc);
  spec.erase("$schema");
  std::vector<std::string> rounds;
  for (const auto& r : sc.rounds) rounds.push_back(r.round);
  return {share_chart_id(sc), share_caption(m, ind, sc), sc.group, share_n_line(sc),
          charts::share_rounds_summary(m, ind, sc), std::move(spec), chart_source(m, ind, rounds)};
}

std::vector<ChartInfo> indicator_charts(const model::Model& m, const model::Indicator& ind,
                                        const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                        const stats::StoryLinks& stories) {
  std::vector<ChartInfo> out;
  const std::size_t n = indicator_chart_count(ind, summary, comparison);
  for (std::size_t k = 0; k < n; ++k) out.push_back(indicator_chart(m, ind, summary, comparison, stories, k));
  return out;
}

std::vector<DataFile> indicator_files(const model::Model& m, const model::Indicator& ind,
                                      const std::vector<const model::Value*>& values,
                                      const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                      const stats::StoryIndex& stories) {
  const std::string dir = indicator_dir(ind);
  const stats::StoryLinks links{stories, "../../"};
  std::vector<DataFile> files;
  for (const auto& chart : summary.charts)
    files.push_back({dir + chart_file(ind, chart), "spec", "", [&m, &ind, &chart, links] {
                       return charts::spec(m, ind, chart, &links).dump(2) + "\n";
                     }});
  for (auto& f : comparison_files(m, ind, comparison)) {
    f.path = dir + f.path;
    files.push_back(std::move(f));
  }
  for (std::size_t k = 0; k < indicator_chart_count(ind, summary, comparison); ++k)
    files.push_back({slide_path(ind, indicator_chart_id(summary, comparison, k)), "slide", "",
                     [&m, &ind, &summary, &comparison, links, k] {
                       return slide_recipe(m, ind, indicator_chart(m, ind, summary, comparison, links, k));
                     },
                     slide_from_recipe});
  if (!values.empty()) {
    files.push_back({dir + ind.id + ".csv", "csv", "", [&m, &ind, &values] { return values_csv(m, ind, values); }});
    // The workbook is packed from its own content again: the recipe is that content's text.
    files.push_back({dir + ind.id + ".xlsx", "xlsx", "",
                     [&m, &ind, &values, &summary] { return workbook_recipe(m, ind, values, summary); },
                     [&m, &ind, &values, &summary](const std::string&) {
                       return indicator_workbook(m, ind, values, summary);
                     }});
  }
  return files;
}

std::string indicator_page(const model::Model& m, const model::Indicator& ind,
                           const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                           const stats::Comparison& comparison, const stats::StoryIndex& stories,
                           const PageFrame& frame) {
  const model::Section* section = find_section(m, ind.section);
  std::string c =
      breadcrumb({{"../../index.html", txt::home()}, {"../index.html", section ? section->title : ind.section}}, ind.title);
  std::string article = indicator_article(m, ind, values, summary, comparison, stories, frame);
  // A stale indicator says so under its title, before any figure.
  std::size_t title_end = article.find("</h1>\n");
  if (title_end != std::string::npos) article.insert(title_end + 6, not_measured_notice(m, ind));
  c += article;
  return frame.page({indicator_dir(ind) + "index.html", 2, ind.section}, ind.title, c, !summary.charts.empty());
}

}  // namespace duiding::render
