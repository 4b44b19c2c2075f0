// One factsheet per round (factsheet/<round>/index.html): the round on two A4 pages for
// readers who will not open the site: its key figures, what changed since the previous
// round, the charts of its most important figures as static SVG, source, n and where
// the rest is. Printed to factsheet-<round>.pdf when the build makes PDFs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "render/round_summary.h"

namespace duiding::render {

/// Where the factsheet of round `round_id` lives, e.g. "factsheet/2024/index.html".
std::string factsheet_path(const std::string& round_id);
/// The PDF's file name next to it, e.g. "factsheet-2024.pdf".
std::string factsheet_pdf_name(const std::string& round_id);

/// At most this many charts: the rest of two pages is key figures and changes.
inline constexpr std::size_t kFactsheetCharts = 4;

/// One chart of the factsheet: whose, which spec, its summary sentence and n.
struct FactsheetChart {
  const model::Indicator* indicator = nullptr;
  std::string caption;
  nlohmann::json spec;
  std::string summary;
  std::string n_line;
};

/// The charts of the round's most important figures: for each indicator with a headline
/// figure in the round (site order), the first group's share per round when it has two
/// or more rounds up to this one, else that group's distribution in the round; at most
/// kFactsheetCharts.
std::vector<FactsheetChart> factsheet_charts(const model::Model& m, const RoundResults& results);

/// The factsheet of the round of `results`; with `with_pdf` it links to its PDF.
std::string factsheet_page(const model::Model& m, const RoundResults& results, bool with_pdf, const PageFrame& frame);

}  // namespace duiding::render
