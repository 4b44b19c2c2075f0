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
/// Writes the section's chart specs and the statistics JSON into `dir` through `frame`.
/// With `trend_shown` the trends (see is_trend()) and the method note are left out:
/// trend_section() put them at the top of the page.
std::string comparison_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                               const std::string& dir, PageFrame& frame, bool trend_shown = false);

/// One group's share per round: chart with intervals (spec written into `dir`), the table
/// with changes, p-values and verdicts, and what each change means in words.
std::string share_block(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c,
                        double level, const std::string& dir, PageFrame& frame);

/// What the reader needs to read the verdicts: intervals, p-values, many tests, design.
std::string method_note(const model::Model& m, const stats::Comparison& c);

/// True when `c` covers two or more rounds: a trend the page opens with.
inline bool is_trend(const stats::ShareComparison& c) { return c.rounds.size() >= 2; }

/// For a headline figure: "+4,1 procentpunt sinds Impactmeting 2023: ▲ significant hoger"
/// as an HTML paragraph.
std::string headline_change(const model::Model& m, const stats::ShareChange& change);

/// The verdict as HTML: a symbol and the words, never colour alone.
std::string verdict_html(stats::Verdict v);

}  // namespace duiding::render
