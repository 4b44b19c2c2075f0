// A chart to embed in another site: `embed/<indicator>/<chart>/index.html`, a bare page
// with the static chart, one line of context, links to the full page and the table, and
// the source; no JavaScript. The web-server headers allow framing for embed/ only
// (publish/server_config.cc). The chart's own page gets the <iframe> code to copy.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "render/page_frame.h"

namespace duiding::render {

/// What an embedded chart shows and where its full version is.
struct EmbedChart {
  const model::Indicator* indicator = nullptr;
  std::string id;        ///< the chart's id on the indicator page (grafiek-<id>, kop-<id>, tabel-<id>)
  std::string caption;   ///< e.g. "Gezinnen, Impactmeting 2024"
  std::string context;   ///< one line: the n, or the rounds compared
  std::string summary;   ///< the chart's summary sentence
  nlohmann::json spec;   ///< the Vega-Lite spec, drawn through the frame's renderer
};

/// Site path of the embed page: "embed/<indicator>/<id>/index.html".
std::string embed_path(const model::Indicator& ind, const std::string& id);

/// Writes the embed page of `c` and returns, for the indicator page, a <details> with the
/// <iframe> code to copy (absolute when site.json has a base_url) and a copy button that
/// duiding.js shows when JavaScript runs.
std::string embed_chart(const model::Model& m, const EmbedChart& c, PageFrame& frame);

}  // namespace duiding::render
