// The published tables of one site as one system of linear relations, the way an attacker
// with nothing but the published files can see them. Every distribution (round,
// indicator, group, breakdown) of a likert, choice, scale or aspects indicator gets an
// unknown whole number of respondents n and an unknown whole count per category. What is
// published pins or bounds them:
//   - a published n or count fixes its unknown;
//   - a published share p (printed to d decimals) gives (p - h) n <= 100 x <= (p + h) n,
//     h = half a unit of the last printed decimal (at least one decimal: pages print one);
//   - one answer per respondent: the counts of a likert, one-answer choice or scale add
//     up to n; a mention count (multiple choice, aspects) is at most n;
//   - the published counts of a count distribution give its total (shares keep that base);
//   - breakdown levels add up to the level above them (one-way to overall, two-way
//     `a=x&b=y` to each one-way margin), groups add up to all respondents, and a group's
//     overall n is at most its sample's n. These hold with equality where the source's own
//     numbers add up (an attacker may assume a partition), otherwise as "at most".
// Relations never cross an indicator or a round, so each (round, indicator) is its own
// component, solved on its own (protect/audit.h).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/model.h"

namespace duiding::protect {

/// One unknown: a distribution's n or one category's count.
struct Var {
  std::string label;          ///< e.g. "n" or "tevreden", for messages
  std::size_t dist = 0;       ///< index into Component::dists
  std::optional<long> truth;  ///< the real number where the source gives it (or a share of a known n does)
  double upper = 1e6;
};

struct Term {
  int var;
  double coef;
};

/// lo <= sum(coef * var) <= hi; lo == hi is an equality.
struct Row {
  std::vector<Term> terms;
  double lo = 0, hi = 0;
  bool has_lo = true, has_hi = true;
  std::vector<std::size_t> published;  ///< model value indices whose publication gives this row
  std::string note;                    ///< what else gives it, e.g. "samples.csv n = 240"
};

/// A set of units whose numbers add up: suppressing exactly one of them gives it away.
struct Relation {
  std::vector<int> units;
};

/// One distribution of an indicator in one round.
struct Dist {
  std::string group, breakdown;
  std::map<std::string, std::string> dims;  ///< breakdown `a=x&b=y` as {a: x, b: y}
  int n = -1;                               ///< var index
  std::map<std::string, int> cats;          ///< category -> var index
  std::optional<long> true_n;
  bool percent = false;
  std::optional<std::size_t> n_value;          ///< model value index of its n
  std::map<std::string, std::size_t> cells;    ///< category -> value index of its share or count
};

/// What can be suppressed as one: a whole percent distribution (its shares pin its n
/// through their rounding, so they go together), or one cell of a count distribution.
struct Unit {
  std::vector<std::size_t> values;  ///< model value indices
  std::vector<int> vars;            ///< the unknowns this unit publishes
  double weight = 1;                ///< information lost when it is suppressed
  std::string label;
};

/// The linked tables of one (round, indicator).
struct Component {
  std::string round, indicator;
  std::vector<Dist> dists;
  std::vector<Var> vars;
  std::vector<Unit> units;
  std::vector<Relation> relations;
  std::map<std::size_t, int> unit_of;  ///< model value index -> unit
  bool one_answer = false;             ///< counts add up to n
};

/// The components of a model, built from every value (published or not); which units
/// are published is passed to `rows()`.
std::vector<Component> components(const model::Model& m);

/// The rows an attacker sees when the values with `off[i]` true are not published.
/// `equalities`: false turns sum relations into "at most"; `slack` widens each share's
/// rounding interval (both used when the source's own numbers do not fit together).
std::vector<Row> rows(const model::Model& m, const Component& c, const std::vector<bool>& off, bool equalities,
                      double slack = 1.0);

/// Each parent distribution of `c` with the children that add up to it: the levels of one
/// dimension under the level above, and the groups under all respondents.
std::vector<std::pair<std::size_t, std::vector<std::size_t>>> sums(const Component& c);

/// Distribution `dist` and every distribution it adds up with (parent, siblings, children).
std::set<std::size_t> linked(const Component& c, std::size_t dist);

/// `a=x&b=y` as {a: x, b: y}.
std::map<std::string, std::string> parse_breakdown(const std::string& breakdown);

}  // namespace duiding::protect
