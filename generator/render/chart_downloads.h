// The downloads under every chart: the chart as a picture for a slide or an article (SVG,
// and PNG when the build can rasterise), and its Vega-Lite spec; and the list of an
// indicator's charts with what their slides and embed pages say.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "charts/slide_svg.h"
#include "stats/summary.h"
#include "render/page_frame.h"

namespace duiding::render {

/// One chart of an indicator page, as its slide and its embed page show it.
struct ChartInfo {
  std::string id;       ///< on the page: grafiek-<id>, kop-<id>, tabel-<id>; files <indicator>-<id>.*
  std::string caption;  ///< e.g. "Gezinnen, Impactmeting 2024"
  std::string group;    ///< the group whose question it shows
  std::string n;        ///< "n = 50", or "" (an administrative series counts no respondents)
  std::string summary;  ///< the chart's summary sentence
  nlohmann::json spec;  ///< its Vega-Lite spec, without `$schema`
  std::string source;   ///< where its figures come from: chart_source()
};

/// Where the figures of `rounds` come from: the indicator's source for each of those
/// rounds (its per-round entry, else rounds.csv's `source`), each named once, joined by
/// "; ". A chart of 2024 figures names the 2024 report even on a site whose current
/// round is 2025. `ind.source` when `rounds` is empty (a yearly series) or none has one.
std::string chart_source(const model::Model& m, const model::Indicator& ind, const std::vector<std::string>& rounds);

/// The rounds whose figures `chart` shows, in order: its own round, else its rows'.
std::vector<std::string> chart_rounds(const stats::ChartData& chart);

/// The paragraph of download links under a chart whose files are `<base>.png` (when the
/// frame offers PNG), `<base>.svg` and `spec_file`, next to the indicator's page; the
/// links as they read in `place`.
std::string chart_downloads(const std::string& base, const std::string& spec_file, const PageFrame& frame,
                            const ArticlePlace& place);

/// The path of chart `id`'s slide picture from the site root:
/// `<indicator folder>/<indicator>-<id>.svg`.
std::string slide_path(const model::Indicator& ind, const std::string& id);
/// The slide picture of chart `c`: the chart drawn natively inside charts::slide_svg()
/// with title, question, n, source and site.
std::string slide(const model::Model& m, const model::Indicator& ind, const ChartInfo& c);
/// Everything slide() draws from, as text (the chart's spec and the slide's texts), and
/// the slide drawn from that text: slide() is slide_from_recipe(slide_recipe()). An
/// incremental build hashes the recipe and draws only a slide whose recipe changed.
/// slide_from_recipe() throws nlohmann::json::exception on text slide_recipe() did not make.
std::string slide_recipe(const model::Model& m, const model::Indicator& ind, ChartInfo c);
std::string slide_from_recipe(const std::string& recipe);

/// The site line a slide carries: "Titel · Organisatie", and "· Fictieve gegevens".
std::string slide_site(const model::Model& m);

}  // namespace duiding::render
