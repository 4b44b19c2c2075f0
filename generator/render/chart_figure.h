// The figure every chart sits in: three panels in reading order, Grafiek (the static SVG,
// shown without JavaScript and on paper, replaced by vega-embed's interactive chart, and
// the spec for vega-embed), Tabel (the same numbers as a table) and Toelichting (what the chart's statistics mean). Without JavaScript all
// three show one after another under their own heading; duiding.js turns them into tabs.
// Then the summary sentence as caption, outside the panels: read whichever tab is open.
// Under the figure a permalink to it. Indicator charts and comparison charts share it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "render/page_frame.h"

namespace duiding::render {

/// What a chart figure shows beside the chart.
struct ChartPanels {
  std::string table;  ///< HTML of the Tabel panel (the chart's numbers)
  std::string notes;  ///< HTML of the Toelichting panel; empty gives a line saying there is none
  int level = 3;      ///< heading level of the panel titles on the indicator's own page
};

/// `<figure id="grafiek-<id>">` for `spec`, drawn as SVG through `frame`'s renderer, with `summary` as caption and as the SVG's label, the
/// panels `panels` (ids paneel-grafiek-<id>, tabel-<id>, toelichting-<id>), and a
/// permalink to the figure; its ids and links as they read in `place`.
std::string chart_figure(const std::string& id, const ChartSpec& spec, const std::string& summary,
                         const PageFrame& frame, const ArticlePlace& place, const ChartPanels& panels);

}  // namespace duiding::render
