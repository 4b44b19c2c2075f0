// The figure every chart sits in: the static SVG (shown without JavaScript and on
// paper, replaced by vega-embed's interactive chart), the spec for vega-embed, and the
// Dutch summary sentence as caption. Indicator charts and comparison charts share it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "render/page_frame.h"

namespace duiding::render {

/// `<figure id="grafiek-<id>">` for `spec` (its `$schema` left out of the page), drawn as
/// SVG through `frame`'s renderer, with `summary` as caption and as the SVG's label; its
/// ids as they read in `place`.
std::string chart_figure(const std::string& id, const nlohmann::json& spec, const std::string& summary,
                         const PageFrame& frame, const ArticlePlace& place = {});

}  // namespace duiding::render
