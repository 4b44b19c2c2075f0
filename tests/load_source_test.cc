// Loading a whole source directory: which files are needed, the order files are read in,
// and how the names of files appear in messages.
#include <catch2/catch.hpp>

#include "temp_dir.h"
#include <sys/stat.h>
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

// A source directory in /tmp; the current directory is moved into it so messages name
// files as `data/...`.
struct Source : duiding::test::SourceDir {
  explicit Source(const Files& files) : duiding::test::SourceDir("source-test", files) {}
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
  CHECK(diag::format(diag.sorted()[0], duiding::msg::Lang::kEn) == "/nonexistent/duiding-source: error: site source is not a directory");
}

TEST_CASE("values files are read in sorted name order and rounds sorted by id", "[load-source]") {
  Source s(Files{{"data/site.json", kSite},
            {"indicators/hulp.json", kChoice},
            {"data/rounds.csv", "round,label\n2024,B\n2023,A\n"},
            {"data/values/b.csv", "round,indicator,category,value\n2024,hulp,nee,2\n"},
            {"data/values/a.csv", "round,indicator,category,value\n2024,hulp,ja,1\n"},
            {"data/values/notes.txt", "not a csv file"}});
  auto [m, messages] = s.load();
  CHECK(messages == Messages{"data/values/notes.txt: warning: file is not read: this folder holds '*.csv' files"});
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
  for (const auto& d : diag.sorted()) UNSCOPED_INFO(diag::format(d, duiding::msg::Lang::kEn));
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
  for (const auto& d : diag.sorted()) messages.push_back(diag::format(d, duiding::msg::Lang::kEn));
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

// --- Issue 15: hostile and careless input -----------------------------------------------

namespace {

const char* kScale = R"({"id": "scoretest", "title": "Score", "section": "kern", "type": "scale", "unit": "count"})";
const char* kRounds = "round,label\n2024,Meting 2024\n";

bool has(const Messages& messages, const std::string& text) {
  for (const auto& m : messages)
    if (m.find(text) != std::string::npos) return true;
  return false;
}

Files base(Files more) {
  Files f{{"data/site.json", kSite}, {"indicators/hulp.json", kChoice}, {"data/rounds.csv", kRounds}};
  for (auto& [k, v] : more) f[k] = v;
  return f;
}

}  // namespace

TEST_CASE("a symbolic link that leaves the source is an error and its target is not read", "[load-source][issue15]") {
  Source s(base({{"data/pages/over.md", "# Over\n"}}));
  fs::create_symlink("/etc/hostname", s.root / "data" / "pages" / "geheim.md");
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/pages/geheim.md: error: symbolic link to '/etc/hostname', outside the site source; "
                             "only files inside the source are read (copy the file into the source instead)"});
}

TEST_CASE("a symbolic link inside the source is read", "[load-source][issue15]") {
  Source s(base({{"teksten/over.md", "# Over\n"}}));
  fs::create_directories(s.root / "data" / "pages");
  fs::create_symlink(s.root / "teksten" / "over.md", s.root / "data" / "pages" / "over.md");
  auto [m, messages] = s.load();
  REQUIRE(m);
  CHECK(m->pages.at(0).title == "Over");
}

TEST_CASE("a FIFO and a device are refused without waiting on them", "[load-source][issue15]") {
  Source s(base({}));
  fs::create_directories(s.root / "data" / "values");
  REQUIRE(::mkfifo((s.root / "data" / "values" / "pijp.csv").c_str(), 0600) == 0);
  fs::create_symlink("/dev/zero", s.root / "data" / "values" / "nul.csv");
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/values/nul.csv: error: symbolic link to '/dev/zero', outside the site source; only "
                             "files inside the source are read (copy the file into the source instead)",
                             "data/values/pijp.csv: error: is a FIFO (named pipe); only regular files are read"});
}

TEST_CASE("a file above the size limit is refused and the limit can be raised", "[load-source][issue15]") {
  std::string big = "round,indicator,category,value\n";
  while (big.size() < (1u << 20) + 10) big += "2024,hulp,ja,1\n";
  Source s(base({{"data/values/groot.csv", big}}));
  ::setenv("DUIDING_MAX_FILE_MB", "1", 1);
  auto [m, messages] = s.load();
  ::unsetenv("DUIDING_MAX_FILE_MB");
  CHECK_FALSE(m);
  REQUIRE(messages.size() == 1);
  CHECK(messages.at(0).rfind("data/values/groot.csv: error: file is ", 0) == 0);
  CHECK(has(messages, "more than the limit of 1 MiB; split it, or raise the limit with the environment variable "
                      "DUIDING_MAX_FILE_MB"));
}

TEST_CASE("files with an upper-case extension and unknown files are reported", "[load-source][issue15]") {
  Source s(base({{"data/values/Waarden.CSV", "round,indicator,category,value\n2024,hulp,ja,1\n"},
                 {"indicators/leesmij.txt", "x"},
                 {"data/Rounds.csv", "x"},
                 {"data/values/.gitkeep", ""}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/Rounds.csv: error: 'Rounds.csv' is not read; rename it to 'rounds.csv' (names are "
                             "lower case)",
                             "data/values/Waarden.CSV: error: extension '.CSV' is not read; rename the file to end in "
                             "'.csv'",
                             "indicators/leesmij.txt: warning: file is not read: this folder holds '*.json' files"});
}

TEST_CASE("a hidden file named like an indicator is an error, other hidden files are left alone",
          "[load-source][issue15]") {
  Source s(base({{"indicators/..json", "{}"}, {"indicators/.DS_Store", "x"}, {"data/quotes/.oud.CSV", "x"}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/quotes/.oud.CSV: error: file name '.oud.CSV' starts with a dot, so it is hidden and "
                             "would not be read; give it a name of a-z, 0-9 and '-' ending in '.csv'",
                             "indicators/..json: error: file name '..json' starts with a dot, so it is hidden and would "
                             "not be read; give it a name of a-z, 0-9 and '-' ending in '.json'"});
}

TEST_CASE("a UTF-16 rounds.csv is one error that says to fix it first, not one per value", "[load-source][issue15]") {
  std::string values = "round,indicator,category,value\n";
  for (int i = 0; i < 60; ++i) values += "2024,hulp,ja," + std::to_string(i) + "\n";
  Source s(base({{"data/rounds.csv", std::string("\xFF\xFE" "r\0o\0u\0n\0d\0", 12)}, {"data/values/v.csv", values}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{
                        "data/rounds.csv: error: the files in data/values, data/points and data/quotes and "
                        "data/samples.csv were not checked, as they name rounds; fix data/rounds.csv first",
                        "data/rounds.csv:1:1: error: file is UTF-16 (Excel's 'Unicode-tekst'), not UTF-8; save it from "
                        "Excel as 'CSV UTF-8 (door komma's gescheiden)' (Dutch Excel) or 'CSV UTF-8 (Comma delimited)'"});
}

TEST_CASE("an unknown round named on many lines is one error listing its lines", "[load-source][issue15][issue12]") {
  Source s(base({{"data/values/v.csv", "round,indicator,category,value\n2023,hulp,ja,1\n2023,hulp,nee,2\n"},
                 {"data/values/w.csv", "round,indicator,category,value\n2022,hulp,ja,1\n2022,hulp,nee,3\n2023,hulp,x,3\n"}}));
  auto [m, messages] = s.load();
  CHECK(messages == Messages{"data/values/v.csv:2:1: error: unknown round '2023'; data/rounds.csv has 2024; add a line "
                             "for round 2023 to data/rounds.csv [also on 2 more lines: data/values/v.csv line 3, "
                             "data/values/w.csv line 4; fix this first]",
                             "data/values/w.csv:2:1: error: unknown round '2022'; data/rounds.csv has 2024; add a line "
                             "for round 2022 to data/rounds.csv [also on 1 more line: data/values/w.csv line 3; fix "
                             "this first]",
                             "data/values/w.csv:4:11: error: unknown category 'x' for indicator 'hulp'; expected one of "
                             "ja, nee"});
}

TEST_CASE("Markdown in Windows-1252 is an error at its line and column", "[load-source][issue15]") {
  Source s(base({{"data/pages/over.md", "# Over\n\nCli\xEBnten\n"}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{"data/pages/over.md:3:4: error: byte 0xEB is not valid UTF-8; the file looks like "
                             "Windows-1252; save it as UTF-8 (in Notepad: 'Opslaan als', encoding 'UTF-8')"});
}

TEST_CASE("a CSV file with CR-only line ends is read, not dropped", "[load-source][issue15]") {
  Source s(base({{"data/values/mac.csv", "round,indicator,category,value\r2024,hulp,ja,4\r2024,hulp,nee,6\r"}}));
  auto [m, messages] = s.load();
  REQUIRE(m);
  CHECK(messages.empty());
  CHECK(m->values.size() == 2);
}

TEST_CASE("round and quote ids follow the one id rule", "[load-source][issue15]") {
  Source s(base({{"data/rounds.csv", "round,label\n2021A,Meting A\n2021a,Meting a\n" + std::string(300, 'x') + ",Lang\n"},
                 {"data/quotes/q.csv", "id,round,group,text\nQ1,2021a,gezinnen,Goed geholpen.\n"}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages == Messages{
                        "data/quotes/q.csv:2:1: error: quote id 'Q1' may only hold a-z, 0-9 and '-' and must start "
                        "with a letter or digit (lower case only, so no two ids name the same file on Windows or "
                        "macOS); it is the story's anchor on the site",
                        "data/rounds.csv:2:1: error: round id '2021A' may only hold a-z, 0-9 and '-' and must start "
                        "with a letter or digit (lower case only, so no two ids name the same file on Windows or "
                        "macOS); it is part of the rapportage's address",
                        "data/rounds.csv:4:1: error: round id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is 300 "
                        "characters long; an id has at most 64; it is part of the rapportage's address"});
}

TEST_CASE("an indicator file name that is not an id is refused", "[load-source][issue15]") {
  std::string name = "x\"><meta http-equiv=refresh content=0>";
  Source s(base({{"indicators/" + name + ".json", std::string(R"({"id": ")") + "x\\\"><meta http-equiv=refresh "
                                                   "content=0>" + R"(", "title": "T", "section": "kern", "type": "scale", "unit": "count"})"}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(has(messages, "error: indicator id 'x\"><meta http-equiv=refresh content=0>' may only hold a-z, 0-9 and '-'"));
}

TEST_CASE("story links are checked and spelled like values", "[load-source][issue15]") {
  Source s(base({{"indicators/scoretest.json", kScale},
                 {"data/quotes/q.csv", "id,round,group,text,links\n"
                                       "q1,2024,gezinnen,Goed.,scoretest:90.0|hulp:ja\n"
                                       "q2,2024,gezinnen,Ook goed.,scoretest:hoog\n"
                                       "q3,2024,gezinnen,Prima.,hulp:banaan\n"}}));
  auto [m, messages] = s.load();
  CHECK(messages == Messages{
                        "data/quotes/q.csv:3:28: error: link 'scoretest:hoog': category 'hoog' is not a bin of the "
                        "0-100 scale; expected its lower bound, e.g. 0, 10, ... 100",
                        "data/quotes/q.csv:4:25: error: link 'hulp:banaan': unknown category 'banaan' for indicator "
                        "'hulp'; expected one of ja, nee"});
  Source ok(base({{"indicators/scoretest.json", kScale},
                  {"data/quotes/q.csv", "id,round,group,text,links\nq1,2024,gezinnen,Goed.,scoretest:90.0|hulp:ja\n"}}));
  auto [m2, messages2] = ok.load();
  REQUIRE(m2);
  CHECK(m2->quotes.at(0).links == std::vector<std::string>{"scoretest:90", "hulp:ja"});
}

TEST_CASE("page images are local files that are kept, anything else is an error", "[load-source][issue15]") {
  Source s(base({{"data/pages/over.md", "# Over\n\n![Logo](beeld/logo.png)\n\nTekst ![x](https://example.org/a.png)\n"},
                 {"data/pages/beeld/logo.png", "\x89PNG"},
                 {"data/pages/ander.md", "# Ander\n\n![weg](../../geheim.png) ![mist](mist.png)\n"}}));
  auto [m, messages] = s.load();
  CHECK_FALSE(m);
  CHECK(messages ==
        Messages{"data/pages/ander.md:3:8: error: image '../../geheim.png' leaves or skips a folder; the site only "
                 "shows images that are files in the source: put the image in data/pages/ and write "
                 "![description](name.png)",
                 "data/pages/ander.md:3:34: error: image 'mist.png' not found; expected the file data/pages/mist.png",
                 "data/pages/over.md:5:12: error: image 'https://example.org/a.png' is not a file in the source (the "
                 "site's Content-Security-Policy blocks images from other sites); the site only shows images that "
                 "are files in the source: put the image in data/pages/ and write ![description](name.png)"});
  Source ok(base({{"data/pages/over.md", "# Over\n\n![Logo](beeld/logo.png)\n"}, {"data/pages/beeld/logo.png", "\x89PNG"}}));
  auto [m2, messages2] = ok.load();
  REQUIRE(m2);
  REQUIRE(m2->pages.at(0).images.size() == 1);
  CHECK(m2->pages.at(0).images[0].url == "beeld/logo.png");
}
