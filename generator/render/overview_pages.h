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

std::string section_page(const model::Model& m, const model::Section& s, const std::vector<IndicatorEntry>& entries,
                  const PageFrame& frame);
std::string narrative_page(const model::Page& p, const PageFrame& frame);
std::string home_page(const model::Model& m, const std::vector<IndicatorEntry>& entries, const PageFrame& frame);

}  // namespace duiding::render
