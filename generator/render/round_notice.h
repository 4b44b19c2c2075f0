// What the site says about an indicator the current round did not measure: a notice on
// its page, a tile on the home and section pages, a line in the section's list, and its
// place in a round's rapportage (docs/data-format.md, "Completeness").
#pragma once

#include <string>

#include "model/model.h"

namespace duiding::render {

/// The notice at the top of a stale indicator's page, or empty.
std::string not_measured_notice(const model::Model& m, const model::Indicator& ind);
/// A headline tile for a stale indicator that has a headline, linking from `root`; or empty.
std::string not_measured_tile(const model::Model& m, const model::Indicator& ind, const std::string& root);
/// " · niet gemeten in <round> ..." for the section's indicator list, or empty.
std::string not_measured_aside(const model::Model& m, const model::Indicator& ind);
/// The rapportage of round `r` in place of an indicator without figures in `r` (its title
/// an h3 under the section's h2; `root` leads from the rapportage to the site's root).
std::string not_measured_article(const model::Model& m, const model::Indicator& ind, const model::Round& r,
                                 const std::string& root);

}  // namespace duiding::render
