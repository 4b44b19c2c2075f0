#include "render/rapportage.h"

#include <algorithm>

#include "render/html.h"
#include "render/indicator_page.h"
#include "render/markdown.h"
#include "render/round_notice.h"
#include "render/round_summary.h"
#include "text/site_text.h"
#include "model/round_text.h"
#include "stats/story_index.h"

namespace duiding::render {
namespace {

// Round ids come from the data: paths keep to a-z, 0-9 and '-' (the ids of story anchors).
std::string slug(const std::string& raw) { return stats::id_part(raw); }

// How many of the round's indicators it measured, when it did not measure them all.
std::string completeness_line(const model::Model& m, const model::Round& r) {
  std::size_t survey = 0, measured = 0;
  for (const auto& ind : m.indicators) {
    if (ind.type == model::IndicatorType::kSeries) continue;
    ++survey;
    measured += model::reported_in(m, ind, r.id) ? 1 : 0;
  }
  if (measured == survey) return "";
  return " " + txt::rapportage_gemeten(r.id, measured, survey);
}

}  // namespace

std::string rapportage_path(const std::string& round_id) { return "rapportage/" + slug(round_id) + "/index.html"; }
std::string rapportage_pdf_name(const std::string& round_id) { return "rapportage-" + slug(round_id) + ".pdf"; }

std::string rapportage_page(const model::Model& m, const RoundResults& results, bool with_pdf,
                            const stats::StoryIndex& stories, const PageFrame& frame) {
  const model::Round& r = results.round;
  const std::string root = "../../";
  std::string title = txt::rapportage_van(r.label);
  std::string c = breadcrumb({{root + "index.html", txt::home()}}, title);
  c += "<article class=\"rapportage\">\n<header class=\"rapportage-header\">\n<h1>" + escape(title) + "</h1>\n";
  c += "<p class=\"organisation-line\">" + escape(m.site.organisation) + " · " + escape(m.site.title) + "</p>\n";
  if (!r.description.empty()) c += "<p class=\"round-line\">" + escape(r.description) + "</p>\n";
  c += "<p class=\"rapportage-about\">" + txt::rapportage_over();
  c += completeness_line(m, r);
  if (m.site.fictional) c += " <strong>" + txt::alle_cijfers_zijn_fictief_zin() + "</strong>";
  c += "</p>\n";
  if (with_pdf) {
    c += "<p class=\"rapportage-pdf\"><a href=\"" + escape(rapportage_pdf_name(r.id)) +
         "\" download>" + txt::rapportage_als_pdf() + "</a></p>\n";
  }
  c += "</header>\n";
  // What a reader wants first: the round's key figures and what changed since the last.
  c += key_figures_section(m, results, root);
  c += what_changed_section(m, results, [](const model::Indicator& ind) { return "#" + ind.id + "--"; });

  // Contents: sections and their indicators, with links to the parts below.
  c += "<nav class=\"rapportage-contents\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">" + txt::inhoud() +
       "</h2>\n<ol>\n<li><a href=\"#kerncijfers\">" + txt::kerncijfers() + "</a></li>\n<li><a href=\"#wat-is-veranderd\">" +
       txt::wat_is_veranderd() + "</a></li>\n";
  for (const auto& s : m.site.sections) {
    c += "<li><a href=\"#deel-" + escape(s.id) + "\">" + escape(s.title) + "</a>\n<ol>\n";
    for (const auto& ind : m.indicators)
      if (ind.section == s.id)
        c += "<li><a href=\"#" + escape(ind.id) + "--\">" + escape(ind.title) + "</a></li>\n";
    c += "</ol></li>\n";
  }
  c += "</ol>\n</nav>\n";

  // Each indicator's article is one part, written on the build's threads; the page is
  // the parts in site order.
  std::vector<const model::Indicator*> order;
  for (const auto& s : m.site.sections)
    for (const auto& ind : m.indicators)
      if (ind.section == s.id) order.push_back(&ind);
  std::vector<std::string> articles(order.size());
  std::vector<char> has_chart(order.size(), 0);
  frame.for_each(order.size(), [&](std::size_t k) {
    const model::Indicator& shown = *order[k];
    // A round's rapportage holds that round's figures only: an indicator it did not
    // measure is named as such, with its last round, and shows no earlier figures.
    if (shown.type != model::IndicatorType::kSeries && !model::reported_in(m, shown, r.id)) {
      articles[k] = not_measured_article(m, shown, r, root);
      return;
    }
    const auto i = static_cast<std::size_t>(&shown - m.indicators.data());
    const model::Indicator& ind = results.indicators[i];
    // Written for its place here: ids prefixed, links from the indicator's folder,
    // headings under the section's h2; the title is the target of the contents link.
    const ArticlePlace place{ind.id + "--", root + indicator_dir(ind), 2};
    has_chart[k] = !results.summaries[i].charts.empty();
    articles[k] = indicator_article(m, ind, results.values.at(ind.id), results.summaries[i],
                                    results.comparisons.at(ind.id), stories, frame, place);
  });
  const bool charts = std::find(has_chart.begin(), has_chart.end(), 1) != has_chart.end();
  std::size_t size = c.size();
  for (const auto& a : articles) size += a.size();
  c.reserve(size + 1024 * (m.site.sections.size() + 1));
  std::size_t k = 0;
  for (const auto& s : m.site.sections) {
    c += "<section class=\"rapportage-section\" aria-labelledby=\"deel-" + escape(s.id) + "\">\n<h2 id=\"deel-" +
         escape(s.id) + "\">" + escape(s.title) + "</h2>\n";
    if (!s.description.empty()) c += markdown_html(s.description, 2);
    for (; k < order.size() && order[k]->section == s.id; ++k) {
      c += articles[k];
      std::string().swap(articles[k]);  // the page holds it now
    }
    c += "</section>\n";
  }
  c += "</article>\n";
  return frame.page({rapportage_path(r.id), 2, "rapportage"}, title, c, charts);
}

}  // namespace duiding::render
