// The HTML table next to each chart (exactly the chart's numbers) and the CSV download
// of an indicator's values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "stats/story_index.h"
#include "stats/summary.h"

namespace duiding::render {

/// `<table>` with a caption, for chart `c`. With `stories`, a column "Verhalen" links
/// every row that has stories to them ("3 verhalen"), so keyboard users reach what a
/// click on the chart reaches.
std::string chart_table(const model::Model& m, const model::Indicator& ind, const stats::ChartData& c,
                        const stats::StoryLinks* stories = nullptr);

/// The opening tag of the box a wide table scrolls in on a narrow screen: a labelled
/// region that takes keyboard focus, so keyboard users can scroll it (WCAG 2.1.1; axe
/// scrollable-region-focusable). `label` is plain text; close it with `</div>`.
std::string table_region(const std::string& label);

/// One line of an indicator's long-format values: a value as the source gives it, or an
/// answer its distribution does not give (no value, note "niet gegeven").
struct ValueLine {
  std::string round, group, breakdown, category, measure;
  std::optional<double> value;  ///< unset: not given (never 0)
  std::string note;
};

/// The lines of values_csv() (and of the indicator's workbook), in source order, the
/// lines of answers not given after their distribution's last value.
std::vector<ValueLine> value_lines(const model::Model& m, const model::Indicator& ind,
                                   const std::vector<const model::Value*>& values);

/// The indicator's values as given in the source, as RFC 4180 CSV (comma, decimal point).
/// An answer of a likert or choice distribution that the source does not give (and
/// disclosure control did not remove) gets a line with an empty value and the note
/// "niet gegeven" after the distribution's last value: missing, never 0.
std::string values_csv(const model::Model& m, const model::Indicator& ind, const std::vector<const model::Value*>& values);

}  // namespace duiding::render
