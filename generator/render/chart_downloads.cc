#include "render/chart_downloads.h"

#include <algorithm>

#include "charts/native_svg.h"
#include "model/round_text.h"
#include "render/html.h"
#include "text/site_text.h"

namespace duiding::render {

std::vector<std::string> chart_rounds(const stats::ChartData& chart) {
  if (chart.kind == stats::ChartKind::kSeries) return {};  // years, not rounds
  if (!chart.round.empty()) return {chart.round};
  std::vector<std::string> out;
  for (const auto& row : chart.rows)
    if (!row.round.empty() && std::find(out.begin(), out.end(), row.round) == out.end()) out.push_back(row.round);
  return out;
}

std::string chart_source(const model::Model& m, const model::Indicator& ind, const std::vector<std::string>& rounds) {
  std::vector<std::string> sources;
  for (const auto& r : rounds) {
    std::string s = model::for_round(m, ind, r).source;
    if (!s.empty() && std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(std::move(s));
  }
  if (sources.empty()) return ind.source;
  std::string out;
  for (const auto& s : sources) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string slide_site(const model::Model& m) {
  std::string s = m.site.organisation.empty() ? m.site.title : m.site.title + " · " + m.site.organisation;
  return m.site.fictional ? s + " · " + txt::fictieve_gegevens_kort() : s;
}

std::string slide_path(const model::Indicator& ind, const std::string& id) {
  return indicator_dir(ind) + ind.id + "-" + id + ".svg";
}

namespace {

// The recipe this thread made last, with what it was made from: a slide drawn right after
// its recipe was made (a build's slide and PNG jobs) is drawn without parsing it back.
struct LastRecipe {
  std::string recipe;
  nlohmann::json spec;
  charts::SlideText text;
};
thread_local LastRecipe last_recipe;

}  // namespace

std::string slide_recipe(const model::Model& m, const model::Indicator& ind, ChartInfo c) {
  charts::SlideText text{ind.title, c.caption, ind.question_for(c.group), c.n, c.source, slide_site(m)};
  const nlohmann::json recipe = {{"spec", c.spec},
                                 {"text", {text.title, text.subtitle, text.question, text.n, text.source, text.site}}};
  last_recipe = {recipe.dump(), std::move(c.spec), std::move(text)};
  return last_recipe.recipe;
}

std::string slide_from_recipe(const std::string& recipe) {
  if (recipe == last_recipe.recipe) return charts::slide_svg(charts::native_svg(last_recipe.spec), last_recipe.text);
  const nlohmann::json r = nlohmann::json::parse(recipe);
  const auto& t = r.at("text");
  const charts::SlideText text{t.at(0), t.at(1), t.at(2), t.at(3), t.at(4), t.at(5)};
  return charts::slide_svg(charts::native_svg(r.at("spec")), text);
}

std::string slide(const model::Model& m, const model::Indicator& ind, const ChartInfo& c) {
  return slide_from_recipe(slide_recipe(m, ind, c));
}

std::string chart_downloads(const std::string& base, const std::string& spec_file, const PageFrame& frame,
                            const ArticlePlace& place) {
  std::string p = "<p class=\"downloads\">" + txt::grafiek_downloaden() + " ";
  if (frame.offers_png())
    p += "<a href=\"" + place.link(base + ".png") + "\" download>" +
         txt::afbeelding_png(charts::kSlideWidth, charts::kSlideHeight) + "</a> · ";
  return p + "<a href=\"" + place.link(base + ".svg") + "\" download>" + txt::afbeelding_svg() + "</a> · <a href=\"" +
         place.link(spec_file) + "\" download>" + txt::vega_lite_specificatie() + "</a></p>\n";
}

}  // namespace duiding::render
