// One indicator's page: question, charts with their tables and summaries, notes and
// downloads. Returns what the overview pages need of it.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/chart_downloads.h"
#include "render/page_frame.h"
#include "stats/compare.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::render {

/// The `<article>` of `ind` as its page shows it (title as `h1`, question, charts with
/// tables and summaries, notes, downloads), written for `place`: by default its own page.
std::string indicator_article(const model::Model& m, const model::Indicator& ind,
                              const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                              const stats::Comparison& comparison, const stats::StoryIndex& stories,
                              const PageFrame& frame, const ArticlePlace& place = {});

/// The summary of `ind` its page shows, headlines (of `round`, else of the current round)
/// carrying their interval and their change from `comparison` (the indicator's, adjusted
/// with all others of the site: stats::adjust).
stats::IndicatorSummary indicator_summary(const model::Model& m, const model::Indicator& ind,
                                          const std::vector<const model::Value*>& values,
                                          const stats::Comparison& comparison, const std::string& round = "");

/// Every chart of the indicator's page in page order: the charts of `summary`, then (not for
/// a series) one per compared group; their specs' story links from `stories.root`.
std::vector<ChartInfo> indicator_charts(const model::Model& m, const model::Indicator& ind,
                                        const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                        const stats::StoryLinks& stories);
/// How many charts indicator_charts() gives, the id of its k-th, and its k-th made alone.
std::size_t indicator_chart_count(const model::Indicator& ind, const stats::IndicatorSummary& summary,
                                  const stats::Comparison& comparison);
std::string indicator_chart_id(const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                               std::size_t k);
ChartInfo indicator_chart(const model::Model& m, const model::Indicator& ind, const stats::IndicatorSummary& summary,
                          const stats::Comparison& comparison, const stats::StoryLinks& stories, std::size_t k);

/// The files next to the indicator's page, paths from the site root: a Vega-Lite spec per
/// chart, the comparison's files, a slide picture (SVG) per chart, the CSV and workbook of
/// its values (when it has any). Specs, slides, CSV and workbook are made when written
/// (DataFile::make), from references into the arguments, which must outlive the files.
std::vector<DataFile> indicator_files(const model::Model& m, const model::Indicator& ind,
                                      const std::vector<const model::Value*>& values,
                                      const stats::IndicatorSummary& summary, const stats::Comparison& comparison,
                                      const stats::StoryIndex& stories);

/// The page of `ind`. Chart segments and table rows with stories in `stories` link to them.
std::string indicator_page(const model::Model& m, const model::Indicator& ind,
                           const std::vector<const model::Value*>& values, const stats::IndicatorSummary& summary,
                           const stats::Comparison& comparison, const stats::StoryIndex& stories,
                           const PageFrame& frame);

}  // namespace duiding::render
