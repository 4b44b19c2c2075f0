// The comparison section of an indicator page (rounds, breakdowns, reference population,
// series), the home page's "since the previous round" line, and the statistics as open
// data. Everything shown comes from stats::Comparison; nothing is computed here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "stats/compare.h"
#include "render/page_frame.h"

namespace duiding::render {

/// File name of the indicator's statistics download: `<indicator>.stats.json`.
std::string statistics_file(const model::Indicator& ind);

/// Every interval, statistic, df and p-value of `c` with the field names of
/// docs/statistics.md; numbers rounded to 10 significant digits, never NaN.
nlohmann::json statistics_json(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c);

/// The HTML section "Vergelijking" for an indicator page, or "" when `c` is empty.
std::string comparison_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                               const PageFrame& frame, const ArticlePlace& place = {});

/// The files the section links to, named relative to the indicator's folder: the
/// statistics JSON and one chart spec per compared group; none when `c` is empty.
std::vector<DataFile> comparison_files(const model::Model& m, const model::Indicator& ind,
                                       const stats::Comparison& c);

/// For a headline figure: "+4,1 procentpunt sinds Impactmeting 2023: ▲ significant hoger"
/// as an HTML paragraph.
std::string headline_change(const model::Model& m, const stats::ShareChange& change);

/// The verdict as HTML: a symbol and the words, never colour alone.
std::string verdict_html(stats::Verdict v);

}  // namespace duiding::render
