// The section an indicator page opens with when it was measured in two or more rounds:
// per group the headline share of the latest round with its interval and the change in
// words, then the share per round (chart and table). Everything shown comes from
// stats::Comparison; nothing is computed here.
#pragma once

#include <string>

#include "model/model.h"
#include "render/page_frame.h"
#include "stats/compare.h"

namespace duiding::render {

/// True when `c` has a trend to open the page with (a share over two or more rounds).
bool has_trend(const stats::Comparison& c);

/// The section "Ontwikkeling per meting" (id `trend`), or "" when !has_trend(c); ids,
/// links and headings as they read in `place`.
std::string trend_section(const model::Model& m, const model::Indicator& ind, const stats::Comparison& c,
                          const PageFrame& frame, const ArticlePlace& place = {});

/// One sentence on the latest round of `c`: "Gezinnen, Impactmeting 2024: 64 % is tevreden
/// (95%-interval 58 tot 70 %); +4,1 procentpunt sinds Impactmeting 2023: ▲ significant hoger."
/// as HTML (the indicator's headline text after the share).
std::string trend_lead(const model::Model& m, const model::Indicator& ind, const stats::ShareComparison& c);

}  // namespace duiding::render
