// Where a chart's figures come from: the source of the rounds it shows, not the current
// round's, so a chart of 2024 figures on a site whose current round is 2025 names the
// 2024 report. Fictional sources.
#include "render/chart_downloads.h"

#include <catch2/catch.hpp>

namespace {

using namespace duiding;

struct TwoRounds {
  model::Model m;
  model::Indicator ind;
  TwoRounds() {
    m.rounds = {{"2024", "Meting 2024", "", "", "", "*Rapport 2024* (bureau)"},
                {"2025", "Meting 2025", "", "", "", "*Rapport 2025* (bureau)"}};
    m.index();
    ind.id = "tevredenheid";
  }
};

}  // namespace

TEST_CASE("a chart names the source of each round it shows, each once, in round order", "[chart-source]") {
  TwoRounds t;
  t.ind.per_round["source"] = {{"2024", "Rapport 2024, figuur 5"}, {"2025", "Rapport 2025, figuur 3"}};
  CHECK(render::chart_source(t.m, t.ind, {"2024"}) == "Rapport 2024, figuur 5");
  CHECK(render::chart_source(t.m, t.ind, {"2025"}) == "Rapport 2025, figuur 3");
  CHECK(render::chart_source(t.m, t.ind, {"2024", "2025"}) == "Rapport 2024, figuur 5; Rapport 2025, figuur 3");
}

TEST_CASE("without a per-round source a chart names the round's report from rounds.csv, without emphasis marks",
          "[chart-source]") {
  TwoRounds t;
  CHECK(render::chart_source(t.m, t.ind, {"2024"}) == "Rapport 2024 (bureau)");
  // One report for two rounds is named once.
  t.ind.source = "Eén rapport over beide jaren";
  t.ind.templates["source"] = t.ind.source;
  CHECK(render::chart_source(t.m, t.ind, {"2024", "2025"}) == "Eén rapport over beide jaren");
}

TEST_CASE("a yearly series, which shows years and no rounds, names the indicator's own source", "[chart-source]") {
  TwoRounds t;
  t.ind.source = "Jaarverslagen";
  CHECK(render::chart_source(t.m, t.ind, {}) == "Jaarverslagen");
  stats::ChartData series;
  series.kind = stats::ChartKind::kSeries;
  series.rows.resize(1);
  series.rows[0].round = "2023";
  CHECK(render::chart_rounds(series).empty());
  stats::ChartData likert;
  likert.rows.resize(3);
  likert.rows[0].round = "2024";
  likert.rows[1].round = "2025";
  likert.rows[2].round = "2024";
  CHECK(render::chart_rounds(likert) == std::vector<std::string>{"2024", "2025"});
}
