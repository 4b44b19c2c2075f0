// The short Dutch note an indicator page shows near its charts and tables when disclosure
// control (stats/disclosure.h) left numbers out: that, and why.
#pragma once

#include <string>
#include <vector>

#include "stats/disclosure.h"

namespace duiding::render {

/// HTML of the note for the suppressions of one indicator (Protected::of), or an empty
/// string when there are none.
std::string disclosure_note(const std::vector<const stats::disclosure::Suppression*>& suppressions,
                            int min_cell);

/// The note for indicator `indicator` of a protected model (model::Model::suppressed).
std::string disclosure_note(const model::Model& m, const std::string& indicator);

}  // namespace duiding::render
