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

void rapportage_parts(const model::Model& m, const RoundResults& results, bool with_pdf,
                      const stats::StoryIndex& stories, const PageFrame& frame, const Sink& sink,
                      const PartsOptions& options) {
  const model::Round& r = results.round;
  const std::string root = "../../";
  const std::string title = txt::rapportage_van(r.label);
  const PagePlace place{rapportage_path(r.id), 2, "rapportage"};
  bool copy_buttons = false;  // duiding.js drives them
  std::size_t parts = 0;      // handed to the sink so far: the number of the next part
  const bool digests = options.digests && options.digest != nullptr;
  // A part and its digest: only an article shows charts, so any other part is its own.
  const auto out = [&](std::string_view part, const std::string* digest = nullptr) {
    ++parts;
    if (digests) options.digests(digest != nullptr ? std::string_view(*digest) : part);
    sink(part);
  };
  const auto content = [&](std::string_view part, const std::string* digest = nullptr) {
    copy_buttons = copy_buttons || part.find("class=\"copy-button") != std::string_view::npos;
    out(part, digest);
  };
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

  // The indicators in site order (section by section): the contents list them, and their
  // articles follow in this order.
  std::vector<const model::Indicator*> order;
  for (const auto& s : m.site.sections)
    for (const auto& ind : m.indicators)
      if (ind.section == s.id) order.push_back(&ind);

  // Contents: sections and their indicators, with links to the parts below.
  c += "<nav class=\"rapportage-contents\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">" + txt::inhoud() +
       "</h2>\n<ol>\n<li><a href=\"#kerncijfers\">" + txt::kerncijfers() + "</a></li>\n<li><a href=\"#wat-is-veranderd\">" +
       txt::wat_is_veranderd() + "</a></li>\n";
  for (std::size_t k = 0; const auto& s : m.site.sections) {
    c += "<li><a href=\"#deel-" + escape(s.id) + "\">" + escape(s.title) + "</a>\n<ol>\n";
    for (; k < order.size() && order[k]->section == s.id; ++k)
      c += "<li><a href=\"#" + escape(order[k]->id) + "--\">" + escape(order[k]->title) + "</a></li>\n";
    c += "</ol></li>\n";
  }
  c += "</ol>\n</nav>\n";

  // The indicators' articles, in site order, a batch at a time: a batch is written on the
  // build's threads, handed on and forgotten, so a rapportage of thousands of indicators
  // is never whole in memory.
  auto measured = [&](const model::Indicator& ind) {
    return ind.type == model::IndicatorType::kSeries || model::reported_in(m, ind, r.id);
  };
  bool charts = false;
  for (const model::Indicator* ind : order)
    charts = charts || (measured(*ind) && !results.summaries[static_cast<std::size_t>(ind - m.indicators.data())].charts.empty());
  out(frame.head(place, title));
  content(c);
  std::string().swap(c);
  constexpr std::size_t kBatch = 64;
  std::vector<std::string> articles, article_digests;
  std::size_t k = 0;
  for (const auto& s : m.site.sections) {
    content("<section class=\"rapportage-section\" aria-labelledby=\"deel-" + escape(s.id) + "\">\n<h2 id=\"deel-" +
            escape(s.id) + "\">" + escape(s.title) + "</h2>\n");
    if (!s.description.empty()) content(markdown_html(s.description, 2));
    while (k < order.size() && order[k]->section == s.id) {
      std::size_t end = k;
      while (end < order.size() && end - k < kBatch && order[end]->section == s.id) ++end;
      articles.assign(end - k, std::string());
      article_digests.assign(digests ? end - k : 0, std::string());
      // The articles are the batch's parts, one each, in order: article j is part first + j.
      const std::size_t first = parts;
      frame.for_each(end - k, [&](std::size_t j) {
        const model::Indicator& shown = *order[k + j];
        const auto article = [&](const PageFrame& through) {
          // A round's rapportage holds that round's figures only: an indicator it did not
          // measure is named as such, with its last round, and shows no earlier figures.
          if (!measured(shown)) return not_measured_article(m, shown, r, root);
          const auto i = static_cast<std::size_t>(&shown - m.indicators.data());
          const model::Indicator& ind = results.indicators[i];
          // Written for its place here: ids prefixed, links from the indicator's folder,
          // headings under the section's h2; the title is the target of the contents link.
          const ArticlePlace article_place{ind.id + "--", root + indicator_dir(ind), 2};
          return indicator_article(m, ind, results.values.at(ind.id), results.summaries[i],
                                   results.comparisons.at(ind.id), stories, through, article_place);
        };
        if (options.earlier)
          if (std::optional<std::string> before = options.earlier(first + j)) {
            articles[j] = std::move(*before);
            if (digests) article_digests[j] = article(*options.digest);
            return;
          }
        if (!digests) {
          articles[j] = article(frame);
          return;
        }
        const DrawingsRecord record;
        articles[j] = article(frame);
        std::optional<std::string> derived = record.digest_of(articles[j]);
        article_digests[j] = derived ? std::move(*derived) : article(*options.digest);
      });
      for (std::size_t j = 0; j < articles.size(); ++j) content(articles[j], digests ? &article_digests[j] : nullptr);
      k = end;
    }
    content("</section>\n");
  }
  content("</article>\n");
  out(frame.tail(place, title, charts || copy_buttons));
}

std::string rapportage_page(const model::Model& m, const RoundResults& results, bool with_pdf,
                            const stats::StoryIndex& stories, const PageFrame& frame) {
  std::string page;
  rapportage_parts(m, results, with_pdf, stories, frame, [&page](std::string_view part) { page += part; });
  return page;
}

}  // namespace duiding::render
