// Round-aware text, the completeness of rounds and `duiding new-round`: variables take
// the facts of the round a text is shown for, per-round texts pick their round, unknown
// names and missing facts are errors at their place, and an entry sheet written for Dutch
// Excel is read back. Expected texts are worked out by hand from the fixture below.
#include <catch2/catch.hpp>

#include "temp_dir.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "build/completeness.h"
#include "build/new_round.h"
#include "model/round_text.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;
using Messages = std::vector<std::string>;

const char* kSite = R"({"title": "T", "organisation": "O",
 "groups": [{"id": "gezinnen", "label": "Gezinnen"}, {"id": "medewerkers", "label": "Medewerkers"}],
 "sections": [{"id": "kern", "title": "Kern"}],
 "description": "In {{ronde}} deden {{n.gezinnen}} gezinnen mee, van {{ populatie.gezinnen }}.",
 "footer": "Bron: {{ronde.source}}"})";
const char* kHulp = R"({"id": "hulp", "title": "Hulp", "section": "kern", "type": "choice", "unit": "percent",
 "groups": ["gezinnen"],
 "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}],
 "description": {"2023": "In {{ronde}}: {{waarde.hulp.gezinnen.ja}} procent ja.", "2024": "Nu {{waarde.hulp.gezinnen.ja}}."},
 "source": {"2023": "Rapport 2023, figuur 1"}})";
const char* kRust = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice", "unit": "percent",
 "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}],
 "description": "Gemeten in {{ronde}}, na {{vorige_ronde.label}}."})";
const char* kRounds =
    "round,label,start,end,description,source\n"
    "2023,Meting 2023,,,,Rapport 2023\n"
    "2024,Meting 2024,,,,\"*Rapport* 2024, deel 2\"\n";
const char* kSamples = "round,group,n,population\n2023,gezinnen,40,200\n2024,gezinnen,50,210\n";
const char* kValues =
    "round,indicator,group,category,value\n"
    "2023,hulp,gezinnen,ja,60\n2023,hulp,gezinnen,nee,40\n"
    "2024,hulp,gezinnen,ja,55.5\n2024,hulp,gezinnen,nee,44.5\n"
    "2023,rust,gezinnen,ja,70\n2023,rust,gezinnen,nee,30\n";

Files base() {
  return {{"data/site.json", kSite},        {"indicators/hulp.json", kHulp},     {"indicators/rust.json", kRust},
          {"data/rounds.csv", kRounds},     {"data/samples.csv", kSamples},      {"data/values/cijfers.csv", kValues},
          {"data/pages/over.md", "# Over\n\nIn {{ronde.label}} deden {{n.gezinnen}} gezinnen mee.\n"}};
}

// A source directory in /tmp; the current directory is moved into it so messages name
// files as `data/...`.
struct Source : duiding::test::SourceDir {
  explicit Source(const Files& files) : duiding::test::SourceDir("round-text-test", files) {}
};

bool any_contains(const Messages& messages, const std::string& part) {
  for (const auto& m : messages)
    if (m.find(part) != std::string::npos) return true;
  return false;
}


}  // namespace

TEST_CASE("site and page texts take the facts of the current round", "[round-text]") {
  // 'rust' names the previous round, which 2023 (its page round) does not have: leave it out.
  Files f = base();
  f.erase("indicators/rust.json");
  f["data/values/cijfers.csv"] = "round,indicator,group,category,value\n2023,hulp,gezinnen,ja,60\n2024,hulp,gezinnen,ja,55.5\n";
  Source s(f);
  auto [m, messages] = s.load();
  REQUIRE(m);
  model::fill_texts(*m);
  CHECK(m->site.description == "In 2024 deden 50 gezinnen mee, van 210.");
  CHECK(m->site.footer == "Bron: *Rapport* 2024, deel 2");
  CHECK(m->pages.at(0).markdown == "# Over\n\nIn Meting 2024 deden 50 gezinnen mee.\n");
}

TEST_CASE("an indicator's texts follow the round it is shown for", "[round-text]") {
  Files f = base();
  f["indicators/rust.json"] = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice",
 "unit": "percent", "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}]})";
  Source s(f);
  auto [m, messages] = s.load();
  REQUIRE(m);
  const model::Indicator& hulp = m->indicators.at(0);
  REQUIRE(hulp.id == "hulp");
  model::Indicator in2023 = model::for_round(*m, hulp, "2023");
  CHECK(in2023.description == "In 2023: 60 procent ja.");
  CHECK(in2023.source == "Rapport 2023, figuur 1");
  model::Indicator in2024 = model::for_round(*m, hulp, "2024");
  CHECK(in2024.description == "Nu 55,5.");
  // No per-round source for 2024: the round's own, as plain text.
  CHECK(in2024.source == "Rapport 2024, deel 2");

  // 'rust' was measured in 2023 only: its page shows 2023 and says it is stale.
  const model::Indicator& rust = m->indicators.at(1);
  CHECK(model::stale(*m, rust));
  CHECK_FALSE(model::stale(*m, hulp));
  CHECK(model::page_round(*m, rust) == "2023");
  CHECK_FALSE(model::reported_in(*m, rust, "2024"));
}

TEST_CASE("a variable without a value in a round its text is shown for is an error at its place", "[round-text]") {
  // 'rust' is shown for 2023, which has no round before it.
  Source s(base());
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(any_contains(messages, "indicators/rust.json:3:43: error: '{{vorige_ronde.label}}' has no value for round "
                               "'2023': round '2023' is the first round"));
}

TEST_CASE("unknown variables, unclosed braces and unknown round keys are errors with line and column",
          "[round-text]") {
  Files f = base();
  f["indicators/rust.json"] = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice",
 "unit": "percent", "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}],
 "source": {"2022": "oud"},
 "description": "\u00e9\u00e9n {{ronde.datum}} en {{n.ouders}} en {{open"})";
  f["data/pages/over.md"] = "# Over\n\nÉén {{jaar}}.\n";
  Source s(f);
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(any_contains(messages, "indicators/rust.json:4:32: error: unknown variable '{{ronde.datum}}'"));
  CHECK(any_contains(messages, "indicators/rust.json:4:51: error: unknown variable '{{n.ouders}}'; expected "
                               "n.<group> with a group of data/site.json (gezinnen, medewerkers)"));
  CHECK(any_contains(messages, "indicators/rust.json:4:67: error: '{{' is not closed"));
  CHECK(any_contains(messages, "indicators/rust.json:3:13: error: 'source' has a text for round '2022', which is "
                               "not in data/rounds.csv (2023, 2024)"));
  CHECK(any_contains(messages, "data/pages/over.md:3:5: error: unknown variable '{{jaar}}'"));
}

TEST_CASE("a population the source does not give is an error, never a number", "[round-text]") {
  Files f = base();
  f["data/samples.csv"] = "round,group,n,population\n2023,gezinnen,40,200\n2024,gezinnen,50,\n";
  f["indicators/rust.json"] = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice",
 "unit": "percent", "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}]})";
  Source s(f);
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(any_contains(messages, "data/site.json:4:70: error: '{{populatie.gezinnen}}' has no value for round '2024': "
                               "data/samples.csv gives no population for round '2024', group 'gezinnen'"));
}

TEST_CASE("the completeness report lists per round what has figures and what the current round lacks",
          "[round-text]") {
  Files f = base();
  f["indicators/rust.json"] = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice",
 "unit": "percent", "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}]})";
  f["data/values/cijfers.csv"] =
      "round,indicator,group,category,value\n2023,hulp,gezinnen,ja,60\n2024,hulp,gezinnen,ja,55\n"
      "2023,rust,gezinnen,ja,70\n";
  Source s(f);
  auto [m, messages] = s.load();
  REQUIRE(m);
  std::string report = build::completeness_report(*m);
  CHECK(report.find("  2023   2 van 2                  gezinnen 2\n") != std::string::npos);
  CHECK(report.find("  2024   1 van 2                  gezinnen 1\n") != std::string::npos);
  CHECK(report.find("Zonder cijfers in de huidige ronde 2024 (1 regels") != std::string::npos);
  CHECK(report.find("  rust       gezinnen  2023\n") != std::string::npos);
}

TEST_CASE("new-round adds the round, the samples to fill in and an entry sheet that reads back", "[new-round]") {
  Files f = base();
  f["indicators/rust.json"] = R"({"id": "rust", "title": "Rust", "section": "kern", "type": "choice",
 "unit": "percent", "groups": ["gezinnen"], "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}]})";
  f["data/site.json"] = R"({"title": "T", "organisation": "O",
 "groups": [{"id": "gezinnen", "label": "Gezinnen"}], "sections": [{"id": "kern", "title": "Kern"}]})";
  f["data/values/cijfers-2024.csv"] = "round,indicator,group,category,value\n2024,hulp,gezinnen,ja,55.5\n"
                                      "2024,hulp,gezinnen,nee,44.5\n";
  f["data/values/cijfers.csv"] = "round,indicator,group,category,value\n2023,hulp,gezinnen,ja,60\n";
  // Texts with {{n.gezinnen}} would need the new round's n before the source is valid.
  f["data/pages/over.md"] = "# Over\n\nTekst.\n";
  Source s(f);
  auto [m, messages] = s.load();
  REQUIRE(m);

  SECTION("refuses an existing, a bad or an earlier round id, writing nothing") {
    CHECK_THROWS_WITH(build::add_round(*m, s.root, "2024"), Catch::Contains("ronde '2024' bestaat al"));
    CHECK_THROWS_WITH(build::add_round(*m, s.root, "Ronde 5"), Catch::Contains("'Ronde 5' kan geen ronde worden"));
    CHECK_THROWS_WITH(build::add_round(*m, s.root, "2022"), Catch::Contains("komt vóór de laatste ronde '2024'"));
    CHECK(s.read("data/rounds.csv") == kRounds);
    CHECK_FALSE(fs::exists(s.root / "data/values/cijfers-2025.csv"));
  }

  SECTION("writes the lines and a sheet for Dutch Excel") {
    build::NewRound r = build::add_round(*m, s.root, "2025");
    CHECK(r.sheets == std::vector<std::string>{"data/values/cijfers-2025.csv"});
    CHECK(s.read("data/rounds.csv") == std::string(kRounds) + "2025,Meting 2025,,,,\n");
    CHECK(s.read("data/samples.csv") == std::string(kSamples) + "2025,gezinnen,,\n");
    CHECK(s.read("data/values/cijfers-2025.csv") ==
          "\xEF\xBB\xBFround;indicator;indicator_label;group;group_label;breakdown;category;category_label;measure;"
          "value;note;previous_value\r\n"
          "2025;hulp;Hulp;gezinnen;Gezinnen;;ja;Ja;value;;;55,5\r\n"
          "2025;hulp;Hulp;gezinnen;Gezinnen;;nee;Nee;value;;;44,5\r\n");
    CHECK(build::next_steps(r, "2025", "bron").find("data/values/cijfers-2025.csv: invulblad") != std::string::npos);

    // Unfilled: accepted, with one warning for the sheet and one for the missing n.
    auto [unfilled, warnings] = s.load();
    CHECK(unfilled);
    CHECK(any_contains(warnings, "data/values/cijfers-2025.csv:2:47: warning: 2 rows have no value (the first "
                                 "here): not measured, never counted as 0"));
    CHECK(any_contains(warnings, "data/samples.csv:4:15: warning: n of round '2025', group 'gezinnen' is not filled "
                                 "in yet"));

    // Filled in as Excel saves it: one value with a decimal comma, one left empty.
    std::string sheet = s.read("data/values/cijfers-2025.csv");
    sheet.replace(sheet.find(";;;55,5"), 7, ";61,5;;55,5");
    std::ofstream(s.root / "data/values/cijfers-2025.csv", std::ios::binary) << sheet;
    auto [filled, notes] = s.load();
    REQUIRE(filled);
    std::vector<model::Value> of2025;
    for (const auto& v : filled->values)
      if (v.round == "2025") of2025.push_back(v);
    REQUIRE(of2025.size() == 1);
    CHECK(of2025[0].indicator == "hulp");
    CHECK(of2025[0].category == "ja");
    CHECK(of2025[0].value == 61.5);
  }
}
