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

/// The HTML section "Vergelijking" for an indicator page, or "" when `c` is empty. With
/// `trend_shown` the trends (is_trend()) and the method note are left out: trend_section()
/// put them at the top of the article.
std::string comparison_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                               const PageFrame& frame, const ArticlePlace& place = {}, bool trend_shown = false);

/// One group's share per round: chart with intervals, embed code and downloads, the table
/// with changes, p-values and verdicts (a card per round on phones), and what each change
/// means in words.
std::string share_block(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c,
                        double level, const PageFrame& frame, const ArticlePlace& place);

/// What the reader needs to read the verdicts: intervals, p-values, many tests, design.
std::string method_note(const model::Model& m, const stats::Comparison& c);

/// A round's share as the reader sees it: "84 %", or for mentions of a multiple-answer
/// question "30 van de 40 verhalen (75 %)": a share of the stories, never of people.
std::string share_text(const model::Indicator& ind, const stats::RoundShare& r);

/// True when `c` covers two or more rounds: a trend the page opens with.
inline bool is_trend(const stats::ShareComparison& c) { return c.rounds.size() >= 2; }

/// The id of `c`'s chart on the page ("vergelijking-<group>"), its caption on a slide or
/// embed page, and its n per round ("Impactmeting 2023: n = 40; Impactmeting 2024: n = 50").
std::string share_chart_id(const stats::ShareComparison& c);
std::string share_caption(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c);
std::string share_n_line(const stats::ShareComparison& c);

/// The files the section links to, named relative to the indicator's folder: the
/// statistics JSON and one chart spec per compared group; none when `c` is empty.
std::vector<DataFile> comparison_files(const model::Model& m, const model::Indicator& ind,
                                       const stats::Comparison& c);

/// For a headline figure: "+4,1 procentpunt sinds Impactmeting 2023: ▲ significant hoger"
/// as an HTML paragraph.
std::string headline_change(const model::Model& m, const stats::ShareChange& change);

/// "0,012", or "< 0,001".
std::string p_value(double p);
/// "p = 0,012", or "p < 0,001".
std::string p_text(double p);
/// Significant after the adjustment for all comparisons of the site (when adjusted).
bool significant(std::optional<double> adjusted, double p);

/// The verdict as HTML: a symbol and the words, never colour alone.
std::string verdict_html(stats::Verdict v);

}  // namespace duiding::render
