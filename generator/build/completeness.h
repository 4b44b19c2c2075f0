// `duiding check`'s report of which indicators and groups have figures in each round,
// and which are missing from the current round (docs/data-format.md, "Completeness").
// A report for people, in Dutch, on stdout: not errors.
#pragma once

#include <string>

#include "model/model.h"

namespace duiding::build {

/// The report as text, ending in a newline; empty when the source has no rounds.
std::string completeness_report(const model::Model& m);

}  // namespace duiding::build
