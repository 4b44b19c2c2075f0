// One indicator's page: question, charts with their tables and summaries, notes and
// downloads. Returns what the overview pages need of it.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/compare.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::render {

/// The `<article>` of `ind` as its page shows it (title as `h1`, question, charts with
/// tables and summaries, notes, downloads); writes the chart specs and the CSV download
/// next to the indicator's page through `frame`. Links are relative to that page.
std::string indicator_article(const model::Model& m, const model::Indicator& ind,
                              const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                              const stats::Comparison& comparison, const stats::StoryIndex& stories,
                              PageFrame& frame);

/// Renders and writes the page of `ind` (and its downloads) from its values, and
/// returns the indicator's summary for the section and home pages. Chart segments and
/// table rows with stories in `stories` link to them.
/// `comparison` is the indicator's, adjusted with all others of the site (stats::adjust).
stats::IndicatorSummary indicator_page(const model::Model& m, const model::Indicator& ind,
                                       const std::vector<const model::Value*>& values,
                                       const stats::Comparison& comparison, const stats::StoryIndex& stories,
                                       PageFrame& frame);

}  // namespace duiding::render
