// The chart stage: the numbers of one chart in, a self-contained Vega-Lite spec out
// (data inline, Dutch number locale, colour-blind-safe colours). Charts never read
// files and never compute statistics; what they draw is exactly ChartData's rows.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::charts {

/// The Vega-Lite v6 spec of chart `c` of indicator `ind`. With `stories`, every bar
/// segment, histogram bin, choice bar or aspect that has stories carries their count
/// (`verhalen`, `verhalen_tekst`, in the tooltip) and a relative link (`verhalen_url`,
/// the `href` channel); a chart without any stories is drawn exactly as without.
nlohmann::json spec(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
                    const stats::StoryLinks* stories = nullptr);

/// A Dutch sentence naming what the chart shows and its numbers; the spec's
/// `description` (read out by screen readers) and the text next to the chart.
std::string summary_text(const model::Model& m, const model::Indicator& ind,
                         const stats::ChartData& c);

/// The config every chart shares: Dutch number locale, fonts, label sizes and colours.
nlohmann::json base_config();

/// The colours of `n` ordered answer categories, negative to positive (ColorBrewer PuOr,
/// safe for the common kinds of colour blindness).
std::vector<std::string> diverging_palette(std::size_t n);

/// What a chart takes from the site's theme (docs/data-format.md, "theme").
struct ChartTheme {
  std::string font;    ///< CSS font-family list
  std::string text;    ///< #rrggbb, axis labels and titles, value labels
  std::string colour;  ///< #rrggbb, bars, lines and points of one colour
};

/// The chart font and colours of `theme`: --duiding-chart-font-family (else
/// --utrecht-document-font-family, --utrecht-typography-sans-serif-font-family),
/// --duiding-chart-text-color, --duiding-chart-color;
/// duiding's defaults where the theme gives none. Multi-category charts keep their
/// colour-blind-safe palettes.
ChartTheme chart_theme(const model::Theme& theme);

/// Puts `t`'s font and colours into spec `s` in place of the defaults.
void apply_theme(nlohmann::json& s, const ChartTheme& t);

/// How wide (px, Vega's text width estimate) a label of a discrete axis or of a legend may
/// run before it breaks onto another line: on a 390 px phone the round labels then take a
/// third of the chart, and a legend label fits beside its symbol.
inline constexpr double kAxisWrap = 130, kLegendWrap = 180;

/// Makes the long labels of a guide wrap instead of being cut. `guide` is an axis or
/// legend object (created when null); every label of `labels` wider than `limit` gets a
/// labelExpr branch giving the lines svg::wrap() breaks it into, and labelLimit becomes
/// the limit at which no line is cut (native_svg() reads both back). Returns the most
/// lines a label takes (1: nothing wraps, and the guide is left as it was).
std::size_t wrap_labels(nlohmann::json& guide, const std::vector<std::string>& labels, double limit,
                        double font_size = 13);

/// Black or white, whichever reads better on `background` (a `#rrggbb` colour).
std::string text_colour_on(const std::string& background);

}  // namespace duiding::charts
