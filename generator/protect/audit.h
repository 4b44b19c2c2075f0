// The audit: for every suppressed count of 1 to min_cell - 1 people, the smallest and the
// largest whole value it can have given everything published (protect/tables.h), each
// found by GLPK's branch and cut (glp_intopt). A range inside 1 ... min_cell - 1 means an
// attacker can tell that a small group is there and how small: the build refuses.
#pragma once

#include "diag/text.h"

#include <string>
#include <vector>

#include "model/model.h"
#include "protect/tables.h"

namespace duiding::protect {

/// One audited cell: a suppressed unknown whose real value is 1 ... min_cell - 1.
struct Finding {
  std::string round, indicator, group, breakdown;
  std::string what;  ///< "n" or a category id
  long truth = 0;
  long lo = 0, hi = 0;  ///< its range given what is published
  bool pinned = false;  ///< lo >= 1 and hi <= min_cell - 1
  std::vector<std::string> by;  ///< the published numbers around it, `file:line: value`
};

struct Audit {
  std::vector<Finding> cells;
  std::vector<std::string> inconsistent;  ///< components whose numbers do not fit together
  std::vector<std::string> loosened;      ///< components audited with wider rounding
  int solves = 0;                         ///< integer programmes solved
  double seconds = 0;
  bool ok() const;
};

/// Audits the model as published when the values with `off[i]` true are left out.
Audit audit(const model::Model& m, const std::vector<Component>& components, const std::vector<bool>& off);

/// Audits only component `c`.
void audit_component(const model::Model& m, const Component& c, const std::vector<bool>& off, Audit& out);

/// `duiding check` lines: one per audited cell, then a summary.
std::string describe(const Audit& a, int min_cell, msg::Lang lang = msg::Lang::kNl);

/// The refusal for a pinned cell: names the cell, its range and what pins it.
std::string refusal(const Finding& f, int min_cell, msg::Lang lang = msg::Lang::kNl);

/// The refusal for every pinned cell of `a`, one paragraph per distribution (each line
/// ends in a newline); empty when nothing is pinned.
std::string refusals(const Audit& a, int min_cell, msg::Lang lang = msg::Lang::kNl);

}  // namespace duiding::protect
