// The downloads under every chart: the chart as a picture for a slide or an article (SVG,
// and PNG when the build can rasterise), and its Vega-Lite spec.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "charts/slide_svg.h"
#include "render/page_frame.h"

namespace duiding::render {

/// Writes `<dir><base>.svg` (charts::slide_svg() of `spec` drawn by the frame's renderer)
/// and, when the frame has a rasteriser, `<dir><base>.png` from it; returns the download
/// links for those and for `spec_file` (already written) as one paragraph.
std::string chart_downloads(const std::string& dir, const std::string& base, const std::string& spec_file,
                            const nlohmann::json& spec, const charts::SlideText& text, PageFrame& frame);

/// The site line a slide carries: "Titel · Organisatie".
std::string slide_site(const model::Model& m);

}  // namespace duiding::render
