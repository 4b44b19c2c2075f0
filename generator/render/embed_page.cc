#include "render/embed_page.h"

#include "render/chart_downloads.h"
#include "render/html.h"
#include "render/indicator_page.h"
#include "text/site_text.h"
#include "render/theme.h"

namespace duiding::render {
namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'";
constexpr const char* kRoot = "../../../";  // embed/<indicator>/<chart>/

// The page around the drawn chart `svg`.
std::string page(const model::Model& m, const model::Indicator& ind, const ChartInfo& c, const std::string& svg) {
  const std::string root = kRoot;
  const std::string full = root + indicator_dir(ind) + "index.html";
  const std::string title = ind.title + ": " + c.caption + " · " + m.site.title + (m.site.fictional ? " " + txt::fictief() : "");
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + escape(m.site.language) + "\" class=\"" +
                  escape(theme_class(m.site.theme)) + " duiding-theme\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kCsp) + "\">\n"
                  "<meta name=\"robots\" content=\"noindex\">\n<title>" + escape(title) + "</title>\n";
  for (const std::string& css : {theme_stylesheet(m.site.theme), std::string("assets/vendor/utrecht-html.css"),
                                 std::string("assets/theme.css"), std::string("assets/duiding.css")})
    h += "<link rel=\"stylesheet\" href=\"" + root + escape(css) + "\">\n";
  h += "</head>\n<body class=\"utrecht-document embed-page\">\n<main id=\"inhoud\" class=\"embed utrecht-html\">\n";
  h += "<h1 class=\"embed-title\">" + escape(ind.title) + " <span class=\"embed-caption\">" + escape(c.caption) +
       "</span></h1>\n";
  if (!c.n.empty()) h += "<p class=\"embed-context\">" + escape(c.n) + "</p>\n";
  // The summary sentence is the chart's accessible name (page_svg); one line of context
  // above is all the small frame shows as text.
  h += "<div class=\"embed-chart\">" + svg + "</div>\n";
  h += "<p class=\"embed-links\"><a href=\"" + escape(full) + "#kop-" + escape(c.id) +
       "\" target=\"_top\">" + txt::volledige_pagina() + "</a> · <a href=\"" + escape(full) + "#tabel-" +
       escape(c.id) + "\" target=\"_top\">" + txt::cijfers_als_tabel() + "</a></p>\n";
  std::string source = c.source.empty() ? "" : txt::bron(c.source) + " · ";
  source += m.site.title + (m.site.organisation.empty() ? "" : ", " + m.site.organisation);
  if (m.site.fictional) source += " · " + txt::fictieve_gegevens_kort();
  h += "<p class=\"embed-source\">" + escape(source) + " · <a href=\"" + root + kAccessibilityPath +
       "\" target=\"_top\">" + txt::toegankelijkheid() + "</a></p>\n</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace

std::string embed_path(const model::Indicator& ind, const std::string& id) {
  return "embed/" + ind.id + "/" + id + "/index.html";
}

std::vector<PageJob> embed_pages(const model::Model& m, const model::Indicator& ind,
                                 const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                 const stats::StoryIndex& stories) {
  // Each page makes its chart when it is rendered: nothing of it is held until then.
  std::vector<PageJob> jobs;
  for (std::size_t k = 0; k < indicator_chart_count(ind, summary, comparison); ++k) {
    jobs.push_back({embed_path(ind, indicator_chart_id(summary, comparison, k)),
                    [&m, &ind, &summary, &comparison, &stories, k](const PageFrame& frame) {
                      ChartInfo c = indicator_chart(m, ind, summary, comparison, {stories, kRoot}, k);
                      // Inside another site's frame a story link opens in the whole window.
                      const std::string svg = frame.chart_svg(ChartSpec(std::move(c.spec)), c.summary, ChartLinks::kTop);
                      return page(m, ind, c, svg);
                    }});
  }
  return jobs;
}

std::string embed_code(const model::Model& m, const model::Indicator& ind, const std::string& id,
                       const std::string& caption, const ArticlePlace& place) {
  std::string base = m.site.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  const std::string path = embed_path(ind, id);
  const std::string code = "<iframe src=\"" + base + path + "\" title=\"" + ind.title + ": " + caption +
                           "\" width=\"100%\" height=\"560\" loading=\"lazy\"></iframe>";
  const std::string field = place.id("insluiten-" + id);
  std::string d = "<details class=\"embed-code\"><summary>" + txt::grafiek_insluiten() + "</summary>\n";
  d += "<p><label for=\"" + field + "\">" + txt::code_om_te_kopieren() + "</label>";
  if (base.empty())
    d += " " + txt::geen_vast_adres("<code>" + escape(path) + "</code>");
  d += "</p>\n<textarea id=\"" + field + "\" class=\"embed-snippet\" readonly rows=\"3\">" + escape(code) +
       "</textarea>\n<p><button type=\"button\" class=\"copy-button\" data-copy=\"" + field +
       "\" hidden>" + txt::kopieer_de_code() + "</button></p>\n</details>\n";
  return d;
}

}  // namespace duiding::render
