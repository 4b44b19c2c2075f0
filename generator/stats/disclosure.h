// Disclosure control: runs between validate and stats. Primary suppression: a count below
// the site's min_cell (measure `count`, `n`, a count-unit `value`, a sample's n) goes, with
// every number resting on those people (a question's or level's shares and means, an
// aspect's scores, a triad's points and means, the stories of a withheld round or group).
// Secondary suppression (protect/secondary.h) is chosen by an integer programme over the
// linked tables, and the audit (protect/audit.h) proves no hidden small cell can be
// worked back. Suppressed numbers are
// removed from the model, so no later stage (charts, tables, CSV and JSON downloads,
// headlines) can show them; the suppression list says what was removed and why.
// Shares whose base n is at least min_cell are kept, as the source report does.
#pragma once

#include "diag/text.h"

#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "protect/audit.h"

namespace duiding::stats::disclosure {

/// One number that is not published.
struct Suppression {
  SourcePos pos;          ///< where the number is in the source
  std::string indicator;  ///< empty for a sample's n (data/samples.csv)
  std::string round;
  std::string group;
  std::string breakdown;  ///< `dimension=value` or empty
  std::string category;
  std::string measure;
  bool primary = true;    ///< false: suppressed so that a primary one cannot be derived
  std::string reason;     ///< Dutch, for `duiding check` and the page note
};

/// The model as it may be published, and what was taken out of it.
struct Protected {
  model::Model model;
  std::vector<Suppression> suppressions;
  /// The audit of what is published: every hidden small cell's range (protect/audit.h).
  protect::Audit audit;
  /// Indices into the input model's quotes that are not published (withheld round or group).
  std::vector<std::size_t> withheld_quotes;

  /// True when the segment (indicator, group, round, breakdown, category) is not
  /// published, so stories behind it must not be linked from it. An empty `category`
  /// asks about the whole distribution (its n).
  bool suppressed(const std::string& indicator, const std::string& group,
                  const std::string& round, const std::string& breakdown,
                  const std::string& category) const;
  /// The suppressions of one indicator, in source order.
  std::vector<const Suppression*> of(const std::string& indicator) const;
};

struct Options {
  /// false: primary suppression only, then the audit (what an attacker could do against
  /// thresholds alone; the attack tests use it).
  bool secondary = true;
};

/// Applies disclosure control with `m.site.min_cell`.
Protected protect(const model::Model& m, const Options& options = {});

/// One line for `duiding check`: `file:line: suppressed: what; why`.
std::string describe(const Suppression& s, msg::Lang lang = msg::Lang::kNl);

/// The key of a distribution in model::Model::count_bases.
std::string base_key(const std::string& round, const std::string& indicator,
                     const std::string& group, const std::string& breakdown);

}  // namespace duiding::stats::disclosure
