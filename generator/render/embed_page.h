// A chart to embed in another site: `embed/<indicator>/<chart>/index.html`, a bare page
// with the static chart, one line of context, links to the full page and the table, and
// the source; no JavaScript. The web-server headers allow framing for embed/ only
// (publish/server_config.cc). The chart's own page gets the <iframe> code to copy.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/compare.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::render {

/// Site path of the embed page of chart `id` of `ind`: "embed/<indicator>/<id>/index.html".
std::string embed_path(const model::Indicator& ind, const std::string& id);

/// The embed page of every chart of `ind` (those indicator_charts() lists), each made
/// from a frame: the chart drawn by the frame's renderer, its story links from the embed
/// page's folder and opening in the whole window. The arguments must outlive the jobs,
/// which make their chart when rendered.
std::vector<PageJob> embed_pages(const model::Model& m, const model::Indicator& ind,
                                 const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                 const stats::StoryIndex& stories);

/// For the chart's own page: a <details> with the <iframe> code of chart `id` to copy
/// (absolute when site.json has a base_url) and a copy button that duiding.js shows when
/// JavaScript runs; ids as they read in `place`.
std::string embed_code(const model::Model& m, const model::Indicator& ind, const std::string& id,
                       const std::string& caption, const ArticlePlace& place);

}  // namespace duiding::render
