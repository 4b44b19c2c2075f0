#include "render/rapportage.h"

#include "render/html.h"
#include "render/indicator_page.h"
#include "render/markdown.h"
#include "render/round_notice.h"
#include "model/round_text.h"
#include "stats/story_index.h"

namespace duiding::render {
namespace {

// Round ids come from the data: paths keep to a-z, 0-9 and '-' (the ids of story anchors).
std::string slug(const std::string& raw) { return stats::id_part(raw); }

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

// How many of the round's indicators it measured, when it did not measure them all.
std::string completeness_line(const model::Model& m, const model::Round& r) {
  std::size_t survey = 0, measured = 0;
  for (const auto& ind : m.indicators) {
    if (ind.type == model::IndicatorType::kSeries) continue;
    ++survey;
    measured += model::reported_in(m, ind, r.id) ? 1 : 0;
  }
  if (measured == survey) return "";
  return " In " + r.id + " zijn " + std::to_string(measured) + " van de " + std::to_string(survey) +
         " indicatoren van de meting gemeten; de andere staan erin als niet gemeten in " + r.id + ".";
}

}  // namespace

std::string rapportage_path(const std::string& round_id) { return "rapportage/" + slug(round_id) + "/index.html"; }
std::string rapportage_pdf_name(const std::string& round_id) { return "rapportage-" + slug(round_id) + ".pdf"; }

std::string rapportage_page(const model::Model& m, const model::Round& r,
                     const std::map<std::string, std::vector<const model::Value*>>& by_indicator, bool with_pdf,
                     const stats::StoryIndex& stories, const PageFrame& frame) {
  static const std::vector<const model::Value*> kNone;
  const std::string root = "../../";
  std::string title = "Rapportage " + r.label;
  std::string c = breadcrumb({{root + "index.html", "Home"}}, title);
  c += "<article class=\"rapportage\">\n<header class=\"rapportage-header\">\n<h1>" + escape(title) + "</h1>\n";
  c += "<p class=\"organisation-line\">" + escape(m.site.organisation) + " · " + escape(m.site.title) + "</p>\n";
  if (!r.description.empty()) c += "<p class=\"round-line\">" + escape(r.description) + "</p>\n";
  c += "<p class=\"rapportage-about\">Deze pagina bevat alle indicatoren van de site in de volgorde van de site, "
       "met de cijfers tot en met deze meting: om af te drukken of als PDF te bewaren.";
  c += completeness_line(m, r);
  if (m.site.fictional) c += " <strong>Alle cijfers zijn fictief.</strong>";
  c += "</p>\n";
  if (with_pdf) {
    c += "<p class=\"rapportage-pdf\"><a href=\"" + escape(rapportage_pdf_name(r.id)) +
         "\" download>Deze rapportage als PDF (A4)</a></p>\n";
  }
  c += "</header>\n";

  // Contents: sections and their indicators, with links to the parts below.
  c += "<nav class=\"rapportage-contents\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">Inhoud</h2>\n<ol>\n";
  for (const auto& s : m.site.sections) {
    c += "<li><a href=\"#deel-" + escape(s.id) + "\">" + escape(s.title) + "</a>\n<ol>\n";
    for (const auto& ind : m.indicators)
      if (ind.section == s.id)
        c += "<li><a href=\"#" + escape(ind.id) + "--\">" + escape(ind.title) + "</a></li>\n";
    c += "</ol></li>\n";
  }
  c += "</ol>\n</nav>\n";

  // The comparisons up to this round, adjusted as one family (as the site's are).
  std::map<std::string, std::vector<const model::Value*>> values_of;
  std::map<std::string, stats::Comparison> comparisons;
  for (const auto& ind : m.indicators) {
    auto it = by_indicator.find(ind.id);
    values_of[ind.id] = up_to(m, r, it == by_indicator.end() ? kNone : it->second);
    comparisons[ind.id] = stats::compare(m, ind, values_of[ind.id]);
  }
  std::vector<stats::Comparison*> family;
  for (auto& [id, comparison] : comparisons) family.push_back(&comparison);
  stats::adjust(family);

  bool charts = false;
  for (const auto& s : m.site.sections) {
    c += "<section class=\"rapportage-section\" aria-labelledby=\"deel-" + escape(s.id) + "\">\n<h2 id=\"deel-" +
         escape(s.id) + "\">" + escape(s.title) + "</h2>\n";
    if (!s.description.empty()) c += markdown_html(s.description, 2);
    for (const auto& shown : m.indicators) {
      if (shown.section != s.id) continue;
      // A round's rapportage holds that round's figures only: an indicator it did not
      // measure is named as such, with its last round, and shows no earlier figures.
      if (shown.type != model::IndicatorType::kSeries && !model::reported_in(m, shown, r.id)) {
        c += not_measured_article(m, shown, r, root);
        continue;
      }
      const model::Indicator ind = model::for_round(m, shown, r.id);
      const std::vector<const model::Value*>& values = values_of[ind.id];
      stats::IndicatorSummary summary = stats::summarize(m, ind, values);
      charts = charts || !summary.charts.empty();
      const stats::Comparison& comparison = comparisons[ind.id];
      // Written for its place here: ids prefixed, links from the indicator's folder,
      // headings under the section's h2; the title is the target of the contents link.
      const ArticlePlace place{ind.id + "--", root + indicator_dir(ind), 2};
      c += indicator_article(m, ind, values, summary, comparison, stories, frame, place);
    }
    c += "</section>\n";
  }
  c += "</article>\n";
  return frame.page({rapportage_path(r.id), 2, "rapportage"}, title, c, charts);
}

}  // namespace duiding::render
