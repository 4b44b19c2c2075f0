// Secondary suppression: which published units to leave out as well, so that no
// suppressed small cell can be worked back from the linked tables. Chosen per component
// by an integer programme (GLPK): binary s_u per unit, primary units fixed at 1,
// minimise the information lost (sum of weight_u s_u, a unit's weight being the people
// behind it) subject to
//   - no sum relation with exactly one suppressed unit: for every relation R and unit
//     i in R, sum_{j in R, j != i} s_j >= s_i (the classic cover of τ-Argus's optimal
//     method, without which a hidden cell is total minus the rest);
//   - for every cell the audit (protect/audit.h) still pins, at least one more unit near
//     it: sum_{j near, not yet suppressed} s_j >= 1 (a cut; the programme is solved again
//     with it, until the audit passes or no unit is left to add).
#pragma once

#include <vector>

#include "model/model.h"
#include "protect/audit.h"
#include "protect/tables.h"

namespace duiding::protect {

/// Extends `off` (the primary suppressions, by model value index) with the units the
/// integer programme chooses; `secondary[i]` is set for each value it adds. Returns the
/// audit of the result.
Audit suppress_secondary(const model::Model& m, const std::vector<Component>& components, std::vector<bool>& off,
                         std::vector<bool>& secondary);

}  // namespace duiding::protect
