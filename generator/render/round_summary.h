// What a round's rapportage and factsheet open with: the round's figures computed as the
// site computes the current round's (values up to the round, comparisons adjusted as one
// family), its key figures as the home page's dashboard shows them, and "Wat is
// veranderd": the significant changes since the previous round, in words, each with its test.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "render/overview_pages.h"
#include "render/page_frame.h"
#include "stats/compare.h"
#include "stats/summary.h"

namespace duiding::render {

/// Every indicator of the site as round `round` shows it. Holds pointers into itself:
/// made once (by the stats stage, for the rapportage and the factsheet), never copied.
struct RoundResults {
  /// The indicators are computed through `each`; the results do not depend on its order.
  RoundResults(const model::Model& m, const model::Round& round,
               const std::map<std::string, std::vector<const model::Value*>>& by_indicator,
               const ForEach& each = in_order);
  RoundResults(const RoundResults&) = delete;
  RoundResults& operator=(const RoundResults&) = delete;

  const model::Round& round;
  /// Per site indicator (same order): its texts for the round (model::for_round).
  std::vector<model::Indicator> indicators;
  /// Per indicator id: its values of the rounds up to and including `round`.
  std::map<std::string, std::vector<const model::Value*>> values;
  /// Per indicator id: its comparisons up to `round`, adjusted together (stats::adjust).
  std::map<std::string, stats::Comparison> comparisons;
  /// Per site indicator: its summary with the headlines of `round`.
  std::vector<stats::IndicatorSummary> summaries;
  /// Per site indicator: what the key figures show.
  std::vector<IndicatorEntry> entries;
};

/// One significant change into a round: where it is, and the sentence saying it.
struct RoundChange {
  const model::Indicator* indicator = nullptr;
  std::string group;
  std::string text;  ///< Dutch, plain text: what changed, from what to what, and the test
};

/// The comparisons of `results` that end in its round and whose verdict (after the
/// adjustment for all comparisons) is a significant change, in site order: the change
/// of a headline share (score test) and the shift of a whole distribution
/// (Wilcoxon-Mann-Whitney for ordered answers, else chi-square or its exact stand-in).
std::vector<RoundChange> significant_changes(const model::Model& m, const RoundResults& results);

/// How many comparisons end in the round of `results` and were tested.
std::size_t tested_changes(const RoundResults& results);

/// The section "Kerncijfers <round>" (id `kerncijfers`): per site section the headline
/// cards of the round; an indicator with a headline text but no figure in the round says
/// that it was not measured, or that the source gives no figure. Links from `root`.
std::string key_figures_section(const model::Model& m, const RoundResults& results, const std::string& root,
                                const std::string& heading = "h2");

/// The section "Wat is veranderd" (id `wat-is-veranderd`): the significant changes, or a
/// plain sentence that there are none, or that the round is the first. Indicator titles
/// link to `link_of(indicator)`.
std::string what_changed_section(const model::Model& m, const RoundResults& results,
                                 const std::function<std::string(const model::Indicator&)>& link_of,
                                 const std::string& heading = "h2");

}  // namespace duiding::render
