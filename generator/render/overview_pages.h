// The pages that lead to indicators: the home page with its headline figures, one page
// per section, and the narrative Markdown pages.
#pragma once

#include <vector>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/summary.h"

namespace duiding::render {

/// What the overview pages keep of one rendered indicator.
struct IndicatorEntry {
  const model::Indicator* indicator = nullptr;
  std::vector<stats::Headline> headlines;  ///< per group, for the current round
  std::size_t charts = 0;
};

/// One headline figure as the home page's dashboard shows it (an <li>): the share (or
/// the mentions) with its interval, its change since the previous round, a small trend
/// chart, n and a link to the indicator's page from a page at `root`.
std::string headline_card(const model::Model& m, const model::Indicator& ind, const stats::Headline& h,
                          const std::string& root);

/// The headline cards of section `section` (and a "niet gemeten" tile for an indicator
/// the current round did not measure), linking from a page at `root`.
std::string headline_cards(const model::Model& m, const std::vector<IndicatorEntry>& entries,
                           const std::string& section, const std::string& root);

std::string section_page(const model::Model& m, const model::Section& s, const std::vector<IndicatorEntry>& entries,
                  const PageFrame& frame);
std::string narrative_page(const model::Page& p, const PageFrame& frame);
std::string home_page(const model::Model& m, const std::vector<IndicatorEntry>& entries, const PageFrame& frame);

}  // namespace duiding::render
