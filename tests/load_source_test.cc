// Loading a whole source directory: which files are needed, the order files are read in,
// and how the names of files appear in messages.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;
using Messages = std::vector<std::string>;
using Files = std::map<std::string, std::string>;

const char* kSite = R"({"title": "T", "organisation": "O", "groups": [{"id": "gezinnen", "label": "Gezinnen"}],
 "sections": [{"id": "kern", "title": "Kern"}]})";
const char* kChoice = R"({"id": "hulp", "title": "Hulp", "section": "kern", "type": "choice", "unit": "count",
 "categories": [{"id": "ja", "label": "Ja"}, {"id": "nee", "label": "Nee"}]})";

// A source directory in /tmp, made from {path: content}; the current directory is moved
// into it so messages name files as `data/...`.
struct Source {
  fs::path root = fs::temp_directory_path() / ("duiding-source-test-" + std::to_string(::getpid()));
  fs::path old = fs::current_path();
  explicit Source(const Files& files) {
    fs::remove_all(root);
    for (const auto& [path, text] : files) {
      fs::create_directories((root / path).parent_path());
      std::ofstream(root / path, std::ios::binary) << text;
    }
    fs::create_directories(root);
    fs::current_path(root);
  }
  Source(const Source&) = delete;
  ~Source() {
    fs::current_path(old);
    fs::remove_all(root);
  }
  std::pair<std::optional<model::Model>, Messages> load() {
    diag::Diagnostics diag;
    auto m = validate::load_source(root, diag);
    Messages out;
    for (const auto& d : diag.sorted()) out.push_back(diag::format(d));
    return {std::move(m), out};
  }
};

}  // namespace

TEST_CASE("a source directory without site.json says what it needs", "[load-source]") {
  Source s(Files{{"data/rounds.csv", "round,label\n2024,x\n"}});
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/site.json: error: file not found; a site source needs data/site.json (see "
                             "docs/data-format.md)"});
}

TEST_CASE("a source without rounds.csv is an error", "[load-source]") {
  Source s(Files{{"data/site.json", kSite}});
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/rounds.csv: error: file not found; a site source needs data/rounds.csv"});
}

TEST_CASE("a source that is not a directory is an error", "[load-source]") {
  diag::Diagnostics diag;
  CHECK_FALSE(validate::load_source("/nonexistent/duiding-source", diag));
  REQUIRE(diag.sorted().size() == 1);
  CHECK(diag::format(diag.sorted()[0]) == "/nonexistent/duiding-source: error: site source is not a directory");
}

TEST_CASE("values files are read in sorted name order and rounds sorted by id", "[load-source]") {
  Source s(Files{{"data/site.json", kSite},
            {"indicators/hulp.json", kChoice},
            {"data/rounds.csv", "round,label\n2024,B\n2023,A\n"},
            {"data/values/b.csv", "round,indicator,category,value\n2024,hulp,nee,2\n"},
            {"data/values/a.csv", "round,indicator,category,value\n2024,hulp,ja,1\n"},
            {"data/values/notes.txt", "not a csv file"}});
  auto [m, messages] = s.load();
  CHECK(messages.empty());
  REQUIRE(m);
  REQUIRE(m->values.size() == 2);
  CHECK(m->values[0].category == "ja");
  CHECK(m->values[0].pos.file == "data/values/a.csv");
  CHECK(m->values[1].category == "nee");
  REQUIRE(m->rounds.size() == 2);
  CHECK(m->rounds[0].id == "2023");
  CHECK(m->current_round()->id == "2024");
}

TEST_CASE("values of an indicator whose file has errors give no extra messages", "[load-source]") {
  Source s(Files{{"data/site.json", kSite},
            {"indicators/hulp.json", R"({"id": "hulp", "title": "Hulp", "section": "kern", "type": "choice",
 "unit": "eur", "categories": [{"id": "ja", "label": "Ja"}]})"},
            {"data/rounds.csv", "round,label\n2024,B\n"},
            {"data/values/a.csv", "round,indicator,category,value\n2024,hulp,ja,1\n2024,hulp,nee,1\n"}});
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"indicators/hulp.json:2:2: error: unit 'eur' does not fit type 'choice'; expected "
                             "one of count, percent"});
}

TEST_CASE("values of a round rejected for a bad date give no extra messages", "[load-source]") {
  // The round is in rounds.csv; only its date is wrong. Its values used to be reported as
  // "unknown round '2024'; data/rounds.csv has no rounds", once per value.
  Source s(Files{{"data/site.json", kSite},
            {"indicators/hulp.json", kChoice},
            {"data/rounds.csv", "round,label,start\n2024,B,2024-31-12\n"},
            {"data/values/a.csv", "round,indicator,category,value\n2024,hulp,ja,1\n2024,hulp,nee,1\n"}});
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages ==
        Messages{"data/rounds.csv:2:8: error: '2024-31-12' is not a date; expected YYYY-MM-DD, e.g. 2024-06-30"});
}

TEST_CASE("the Groningen source loads with the report's quotes", "[load-source][quotes]") {
  const fs::path root = fs::path(DUIDING_TEST_DATA).parent_path();
  diag::Diagnostics diag;
  auto m = validate::load_source(root, diag);
  for (const auto& d : diag.sorted()) UNSCOPED_INFO(diag::format(d));
  REQUIRE(m);
  CHECK(diag.warning_count() == 0);
  std::map<std::string, const model::Quote*> by_id;
  std::size_t gezinnen = 0, medewerkers = 0;
  for (const auto& q : m->quotes) {
    by_id[q.id] = &q;
    CHECK(q.round == "2024");
    (q.group == "gezinnen" ? gezinnen : medewerkers)++;
  }
  // Tabel 3 lists 16 answers (r.478-493), as many as the 16 families of r.474.
  std::size_t tabel3 = 0;
  for (const auto& [id, q] : by_id) tabel3 += id.rfind("tabel3-", 0) == 0 ? 1 : 0;
  CHECK(tabel3 == 16);
  CHECK(gezinnen == 55);
  CHECK(medewerkers == 46);

  REQUIRE(by_id.count("figuur31-2") == 1);
  const model::Quote& fast = *by_id["figuur31-2"];
  CHECK(fast.text.rfind("Wij waren enorm verrast hoe snel alles op gang kwam.", 0) == 0);
  CHECK(fast.links == std::vector<std::string>{"tevredenheid-ondersteuning:zeer-tevreden"});
  CHECK(fast.theme == "Snelle en toegankelijke ondersteuning");

  // Placeholders stay as printed; the quote inside a quote keeps its marks (r.1305).
  REQUIRE(by_id.count("figuur36-2") == 1);
  CHECK(by_id["figuur36-2"]->text.rfind("Vanuit het wijkteam kreeg ik <naam> als gezinscoach", 0) == 0);
  CHECK(by_id["figuur36-1"]->text.find("Die \"vreemde ogen\" waren echt nodig") != std::string::npos);
  CHECK(by_id["figuur37-1"]->links ==
        std::vector<std::string>{"eigen-regie:0", "eigen-regie:10", "eigen-regie:20"});
  CHECK(by_id["figuur35-1"]->age_group == "jonger dan 12 jaar");
  CHECK(by_id["stroef-1"]->group == "medewerkers");
  CHECK(by_id["stroef-1"]->theme == "Gebrek aan vertrouwen");
  CHECK(by_id["stroef-1"]->links.empty());
}

TEST_CASE("a source with a quote holding an e-mail address, a 06-number and a BSN is refused "
          "with three findings",
          "[load-source][privacy]") {
  const fs::path fixture = fs::path(DUIDING_TEST_DATA) / "fixtures" / "privacy";
  fs::path old = fs::current_path();
  fs::current_path(fixture);
  diag::Diagnostics diag;
  auto m = validate::load_source(fixture, diag);
  fs::current_path(old);
  Messages messages;
  for (const auto& d : diag.sorted()) messages.push_back(diag::format(d));
  CHECK_FALSE(m);
  const std::string advice =
      "; replace it with a placeholder such as <naam>, or if it was reviewed and identifies no one, name '";
  CHECK(messages == Messages{
                        "data/quotes/verhalen.csv:3:37: error: quote 'v2' contains an e-mail address "
                        "'moeder.jansen@example.nl'" + advice + "email' in the column privacy_ok with a reason",
                        "data/quotes/verhalen.csv:4:8: error: quote 'v2' contains a phone number "
                        "'06-12345678'" + advice + "phone' in the column privacy_ok with a reason",
                        "data/quotes/verhalen.csv:4:33: error: quote 'v2' contains a number that passes "
                        "the BSN 11-test '111222333'" + advice + "bsn' in the column privacy_ok with a reason"});
}
