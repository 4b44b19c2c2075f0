// data/rounds.csv, data/samples.csv, data/points/*.csv and data/quotes/*.csv
// (docs/data-format.md). Values files have their own test file.
#include <set>
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
using Messages = std::vector<std::string>;

Messages messages(const diag::Diagnostics& diag) {
  Messages out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

model::Model test_model() {
  model::Model m;
  m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
  m.rounds = {{"2023", "Impactmeting 2023", "", "", ""}, {"2024", "Impactmeting 2024", "", "", ""}};
  model::Indicator tevr;
  tevr.id = "tevr";
  tevr.type = model::IndicatorType::kLikert;
  tevr.categories = {{"oneens", "Oneens"}, {"eens", "Eens"}};
  model::Indicator schaal;
  schaal.id = "schaal";
  schaal.type = model::IndicatorType::kScale;
  model::Indicator driehoek;
  driehoek.id = "driehoek";
  driehoek.type = model::IndicatorType::kTriad;
  driehoek.corners = {"Ik", "Wij", "Zij"};
  m.indicators = {tevr, schaal, driehoek};
  return m;
}

}  // namespace

TEST_CASE("rounds are read with their label, dates and description", "[rounds]") {
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("rounds.csv"),
                      "label,round,description,start,end\n"
                      "Impactmeting 2024,2024,\"Derde meting, met uitsplitsing\",2024-03-04,2024-06-14\n",
                      diag);
  std::vector<model::Round> rounds;
  std::set<std::string> rejected;
  validate::rounds(csv, rounds, rejected, diag);
  CHECK(messages(diag).empty());
  REQUIRE(rounds.size() == 1);
  CHECK(rounds[0].id == "2024");
  CHECK(rounds[0].label == "Impactmeting 2024");
  CHECK(rounds[0].start == "2024-03-04");
  CHECK(rounds[0].end == "2024-06-14");
  CHECK(rounds[0].description == "Derde meting, met uitsplitsing");
}

TEST_CASE("bad rounds are reported at the field that is wrong", "[rounds]") {
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("rounds.csv"),
                      "round,label,start,end\n"
                      "2024,Impactmeting 2024,2024-03-04,2024-06-14\n"
                      "2023,Impactmeting 2023,2023-03-06,2023-02-01\n"
                      "2024,Dubbel,,\n"
                      ",Geen id,,\n"
                      "2022,Oud,2022-13-01,\n",
                      diag);
  std::vector<model::Round> rounds;
  std::set<std::string> rejected;
  validate::rounds(csv, rounds, rejected, diag);
  CHECK(messages(diag) == Messages{
                              "rounds.csv:3:35: error: round '2023' ends (2023-02-01) before it starts (2023-03-06)",
                              "rounds.csv:4:1: error: round '2024' appears twice (first at line 2)",
                              "rounds.csv:5:1: error: 'round' is empty; a value is required",
                              "rounds.csv:6:10: error: '2022-13-01' is not a date; expected YYYY-MM-DD, e.g. 2024-06-30",
                          });
  REQUIRE_FALSE(rounds.empty());
  CHECK(rounds[0].id == "2024");
  CHECK(rounds[0].label == "Impactmeting 2024");
}

TEST_CASE("a date written the Dutch way is one error that says how to write it", "[rounds][issue12]") {
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("rounds.csv"),
                      "round,label,start,end\n"
                      "2025,Impactmeting 2025,3-3-2025,13/06/2025\n"
                      "2026,Impactmeting 2026,31-2-2026,\n",
                      diag);
  std::vector<model::Round> rounds;
  std::set<std::string> rejected;
  validate::rounds(csv, rounds, rejected, diag);
  // 31-2-2026 is no date in either order: the general message.
  CHECK(messages(diag) == Messages{
                              "rounds.csv:2:24: error: '3-3-2025' is not a date in the form year-month-day; write it "
                              "as 2025-03-03",
                              "rounds.csv:2:33: error: '13/06/2025' is not a date in the form year-month-day; write "
                              "it as 2025-06-13",
                              "rounds.csv:3:24: error: '31-2-2026' is not a date; expected YYYY-MM-DD, e.g. 2024-06-30",
                          });
  CHECK(rounds.empty());
  CHECK(rejected == std::set<std::string>{"2025", "2026"});
}

TEST_CASE("a sample with an empty n is left out without an error, with a warning to fill it in", "[samples][issue12]") {
  // The handleiding: without n the site shows the percentages but does not test them.
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("samples.csv"), "round;group;n\n2024;gezinnen;\n2024;medewerkers;60\n", diag);
  std::vector<model::Sample> samples;
  validate::samples(csv, m, samples, diag);
  CHECK_FALSE(diag.has_errors());
  const auto said = messages(diag);
  REQUIRE(said.size() == 1);
  CHECK(said[0].rfind("samples.csv:2:15: warning: n of round '2024', group 'gezinnen' is not filled in yet", 0) == 0);
  REQUIRE(samples.size() == 1);
  CHECK(samples[0].group == "medewerkers");
}

TEST_CASE("samples of a round rejected for a bad date give no more errors", "[samples][issue12]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("samples.csv"), "round;group;n\n2025;gezinnen;80\n", diag);
  std::vector<model::Sample> samples;
  validate::samples(csv, m, samples, diag, {"2025"});
  CHECK(messages(diag).empty());
  CHECK(samples.empty());
}

TEST_CASE("a rounds file without a label column is an error at its header", "[rounds][columns]") {
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("rounds.csv"), "sep=;\nround;naam\n2024;x\n", diag);
  std::vector<model::Round> rounds;
  std::set<std::string> rejected;
  validate::rounds(csv, rounds, rejected, diag);
  CHECK(messages(diag) == Messages{
                              "rounds.csv:2:1: error: missing required column 'label' (the header has: round, naam)",
                              "rounds.csv:2:7: warning: unknown column 'naam' is ignored (known columns: round, "
                              "label, start, end, description, source)",
                          });
  CHECK(rounds.empty());
}

TEST_CASE("samples are whole numbers of respondents for a known round and group", "[samples]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("samples.csv"),
                      "round;group;n;population\n"
                      "2024;gezinnen;240;520\n"
                      "2024;gezinnen;200;\n"
                      "2024;ouders;10;\n"
                      "2024;medewerkers;0;\n"
                      "2023;medewerkers;64;50\n"
                      "2023;gezinnen;12,5;\n",
                      diag);
  std::vector<model::Sample> samples;
  validate::samples(csv, m, samples, diag);
  CHECK(messages(diag) ==
        Messages{
            "samples.csv:3:1: error: second sample for round '2024' and group 'gezinnen' (first at line 2)",
            "samples.csv:4:6: error: unknown group 'ouders'; data/site.json has gezinnen, medewerkers",
            "samples.csv:5:18: error: 'n' is 0; expected a whole number of at least 1",
            "samples.csv:6:21: error: population 50 is smaller than the sample n 64",
            "samples.csv:7:15: error: 'n' is 12,5; expected a whole number of at least 1",
        });
  REQUIRE(samples.size() == 1);
  CHECK(samples[0].round == "2024");
  CHECK(samples[0].group == "gezinnen");
  CHECK(samples[0].n == 240);
  CHECK(samples[0].population == 520);
}

TEST_CASE("a sample declares its design; empty means self-selected", "[samples]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("samples.csv"),
                      "round;group;n;population;design\n"
                      "2024;gezinnen;240;520;\n"
                      "2024;medewerkers;64;71;random\n"
                      "2023;gezinnen;455;455;census\n"
                      "2023;medewerkers;58;66;census\n"
                      "2023;medewerkers;58;;random\n"
                      "2023;medewerkers;3;61;lottery\n",
                      diag);
  std::vector<model::Sample> samples;
  validate::samples(csv, m, samples, diag);
  CHECK(messages(diag) ==
        Messages{
            "samples.csv:5:24: error: a census has n equal to the population, found n 58 of 66; a part that "
            "answered is a sample (random or self-selected)",
            "samples.csv:6:22: error: design 'random' needs the population it was drawn from in the column population",
            "samples.csv:7:23: error: design 'lottery' is not known; expected random (a probability sample), census "
            "(everyone answered) or self-selected (empty: whoever was reached and willing)",
        });
  REQUIRE(samples.size() == 3);
  CHECK(samples[0].design == model::Design::kSelfSelected);
  CHECK(samples[1].design == model::Design::kRandom);
  CHECK(samples[2].design == model::Design::kCensus);
}

TEST_CASE("triad points are normalised to shares summing to 1", "[points]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("points.csv"),
                      "round,indicator,group,a,b,c\n"
                      "2024,driehoek,gezinnen,20,30,50\n"
                      "2024,driehoek,,0.5,0.25,0.25\n"
                      "2024,driehoek,gezinnen,\"33,5\",33,33\n",
                      diag);
  std::vector<model::Point> points;
  validate::points(csv, m, points, diag);
  CHECK(messages(diag).empty());
  REQUIRE(points.size() == 3);
  CHECK(points[0].group == "gezinnen");
  CHECK(points[0].a == Approx(0.2));
  CHECK(points[0].b == Approx(0.3));
  CHECK(points[0].c == Approx(0.5));
  CHECK(points[1].group.empty());
  CHECK(points[1].a == Approx(0.5));
  CHECK(points[2].a + points[2].b + points[2].c == Approx(1.0));
  CHECK(points[2].a == Approx(33.5 / 99.5));
}

TEST_CASE("bad triad points are reported", "[points]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("points.csv"),
                      "round,indicator,group,a,b,c\n"
                      "2024,driehoek,gezinnen,20,30,40\n"
                      "2024,tevr,gezinnen,20,30,50\n"
                      "2024,driehoek,gezinnen,-10,60,50\n"
                      "2025,driehoek,gezinnen,20,30,50\n"
                      "2024,niets,gezinnen,20,30,50\n",
                      diag);
  std::vector<model::Point> points;
  validate::points(csv, m, points, diag);
  CHECK(messages(diag) == Messages{
                              "points.csv:2:24: error: shares a + b + c add up to 90; expected 1 or 100",
                              "points.csv:3:6: error: indicator 'tevr' is of type 'likert'; points belong to a triad",
                              "points.csv:4:24: error: shares a, b and c must not be negative",
                              "points.csv:5:1: error: unknown round '2025'; data/rounds.csv has 2023, 2024; add a line for "
                              "round 2025 to data/rounds.csv",
                              "points.csv:6:6: error: unknown indicator 'niets' (there is no file indicators/niets.json)",
                          });
  CHECK(points.empty());
}

TEST_CASE("quotes keep their text and links; a quote may span lines", "[quotes]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text,links,theme\n"
                      "v1,2024,gezinnen,\"Ik werd gehoord.\nDoor <naam>.\",tevr:eens|schaal:50|driehoek:a,regie\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  CHECK(messages(diag).empty());
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].id == "v1");
  CHECK(quotes[0].text == "Ik werd gehoord.\nDoor <naam>.");
  CHECK(quotes[0].links == std::vector<std::string>{"tevr:eens", "schaal:50", "driehoek:a"});
  CHECK(quotes[0].theme == "regie");
  CHECK(quotes[0].pos.line == 2);
}

TEST_CASE("bad quotes are reported; quote ids are unique across files", "[quotes]") {
  const auto m = test_model();
  diag::Diagnostics diag;
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  load::CsvReader first(std::string("a.csv"), "id,round,group,text\nv1,2024,gezinnen,Eerste\n", diag);
  validate::quotes(first, m, quotes, seen, diag);
  load::CsvReader second(std::string("b.csv"),
                         "id,round,group,text,links\n"
                         "v1,2024,gezinnen,Tweede,\n"
                         "v2,2024,gezinnen,Met link,tevr:blij\n"
                         "v3,2024,,Zonder groep,\n",
                         diag);
  validate::quotes(second, m, quotes, seen, diag);
  CHECK(messages(diag) == Messages{
                              "b.csv:2:1: error: quote id 'v1' appears twice (first at a.csv:2)",
                              "b.csv:3:27: error: link 'tevr:blij': unknown category 'blij' for indicator 'tevr'; "
                              "expected one of oneens, eens",
                              "b.csv:4:9: error: 'group' is empty; a value is required",
                          });
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].text == "Eerste");
}
