// Whole-site tests: the fixture sources in tests/fixtures/ are loaded and built in memory,
// then checked file by file. Every expected number is the fixture's own (see its CSVs).
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "build/pipeline.h"
#include "render/html.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";
const fs::path kHome = fs::path(DUIDING_TEST_DATA).parent_path();  // site-templates/, node_modules/
const std::string kPct = "\u00a0%";

std::map<std::string, std::string> build_mini() {
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "mini", diag);
  for (const auto& d : diag.sorted()) UNSCOPED_INFO(diag::format(d, duiding::msg::Lang::kEn));
  REQUIRE(m);
  CHECK(diag.warning_count() == 0);
  write::MemoryOutput out;
  build::build(*m, kHome, out);
  return out.files;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& needle) { return count(text, needle) > 0; }

// The "aandeel" (likert) or "waarde" (bars, series) of each data value of a spec file.
std::vector<double> numbers(const std::string& spec_text, const char* field) {
  json spec = json::parse(spec_text);
  std::vector<double> out;
  for (const auto& v : spec["data"]["values"]) out.push_back(v[field].get<double>());
  return out;
}

std::string row(const std::string& label, const std::string& value) {
  return "<th scope=\"row\">" + label + "</th><td class=\"num\">" + value + "</td>";
}

struct CurrentDir {
  fs::path old = fs::current_path();
  explicit CurrentDir(const fs::path& p) { fs::current_path(p); }
  ~CurrentDir() { fs::current_path(old); }
};

}  // namespace

TEST_CASE("the edition file names the current round and every CSV download for duiding publish", "[whole-site]") {
  auto files = build_mini();
  json edition = json::parse(files.at("duiding-site.json"));
  CHECK(edition["generator"] == "duiding");
  CHECK(edition["round"]["id"] == "2024");
  std::set<std::string> csvs;
  for (const auto& [path, bytes] : files)
    if (path.size() > 4 && path.substr(path.size() - 4) == ".csv") csvs.insert(path);
  std::set<std::string> listed;
  for (const auto& d : edition["downloads"]) listed.insert(d["path"].get<std::string>());
  CHECK(listed == csvs);
}

TEST_CASE("the mini site is written as exactly these files", "[whole-site]") {
  auto files = build_mini();
  std::set<std::string> paths;
  for (const auto& [path, bytes] : files) paths.insert(path);
  CHECK(paths == std::set<std::string>{
                     "index.html",
                     "duiding-site.json",
                     "open-data/cijfers.csv",
                     "open-data/steekproeven.csv",
                     "kern/index.html",
                     "kern/hulp/index.html",
                     "kern/hulp/hulp.csv", "kern/hulp/hulp.xlsx",
                     "kern/hulp/hulp-gezinnen.vl.json",
                     "kern/hulp/hulp-gezinnen.svg",
                     "embed/hulp/gezinnen/index.html",
                     "kern/hulp/hulp.stats.json",
                     "kern/tevredenheid/index.html",
                     "kern/tevredenheid/tevredenheid.csv", "kern/tevredenheid/tevredenheid.xlsx",
                     "kern/tevredenheid/tevredenheid-gezinnen.vl.json",
                     "kern/tevredenheid/tevredenheid-gezinnen.svg",
                     "embed/tevredenheid/gezinnen/index.html",
                     "kern/tevredenheid/tevredenheid-medewerkers.vl.json",
                     "kern/tevredenheid/tevredenheid-medewerkers.svg",
                     "embed/tevredenheid/medewerkers/index.html",
                     "kern/tevredenheid/tevredenheid-vergelijking-gezinnen.vl.json",
                     "kern/tevredenheid/tevredenheid-vergelijking-gezinnen.svg",
                     "embed/tevredenheid/vergelijking-gezinnen/index.html",
                     "kern/tevredenheid/tevredenheid.stats.json",
                     "organisatie/index.html",
                     "organisatie/kosten/index.html",
                     "organisatie/kosten/kosten.csv", "organisatie/kosten/kosten.xlsx",
                     "organisatie/kosten/kosten-reeks.vl.json",
                     "organisatie/kosten/kosten-reeks.svg",
                     "embed/kosten/reeks/index.html",
                     "organisatie/kosten/kosten.stats.json",
                     "pagina/over/index.html",
                     "zoeken/index.html",
                     "assets/zoekindex.js",
                     "rapportage/2023/index.html",
                     "rapportage/2024/index.html",
                     "factsheet/2023/index.html",
                     "factsheet/2024/index.html",
                     "toegankelijkheid/index.html",
                     "assets/theme.css",
                     "assets/print.css",
                     "assets/duiding.css",
                     "assets/duiding.js",
                     "assets/verhalen.js",
                     "assets/zoeken.js",
                     "assets/vega-embed.css",
                     "assets/vendor/minisearch.js",
                     "assets/vendor/LICENSE-minisearch.txt",
                     "assets/vendor/vega.min.js",
                     "assets/vendor/vega-lite.min.js",
                     "assets/vendor/vega-embed.min.js",
                     "assets/vendor/LICENSE-vega.txt",
                     "assets/vendor/LICENSE-vega-lite.txt",
                     "assets/vendor/LICENSE-vega-embed.txt",
                     "assets/vendor/utrecht-components.css",
                     "assets/vendor/utrecht-html.css",
                     "assets/vendor/LICENSE-utrecht-component-library-css.txt",
                     "assets/vendor/themes/utrecht.css",
                     "assets/vendor/themes/LICENSE-utrecht-design-tokens.txt",
                     "assets/vendor/themes/voorbeeld.css",
                     "assets/vendor/themes/LICENSE-voorbeeld-design-tokens.txt",
                 });
}

TEST_CASE("the home page is Dutch, has one h1 and the current round's headline figures", "[whole-site]") {
  auto files = build_mini();
  const std::string& home = files.at("index.html");
  CHECK(contains(home, "<html lang=\"nl\" class=\"utrecht-theme duiding-theme\">"));
  CHECK(count(home, "<h1") == 1);
  CHECK(contains(home, "<h1>Mini-meting</h1>"));
  CHECK(contains(home, "Deze cijfers gaan over: <strong>Impactmeting 2024</strong>. Tweede meting"));
  // tevredenheid, 2024: gezinnen 65 % tevreden (n = 50), medewerkers 80 % (n = 20).
  // 2023 has no n for gezinnen, so the change since then is shown but not tested.
  // Interval: 65 % of 50 is 32,5, counted as 33 of 50; Wilson 95 % (by hand in Python,
  // z = 1,959964): 52,15 to 77,56 %.
  CHECK(contains(home, "<p class=\"figure\">65" + kPct + "</p><p class=\"what\">van de gezinnen is tevreden over "
                       "de ondersteuning</p><p class=\"interval\">95%-interval 52,2 tot 77,6" + kPct +
                       "</p><p class=\"change\">+15 procentpunt sinds Impactmeting 2023: "
                       "<span class=\"verdict verdict-not-tested\"><span aria-hidden=\"true\">– </span>niet "
                       "getoetst</span></p><div class=\"trend-chart\"><svg "));
  CHECK(contains(home, "<p class=\"figure\">80" + kPct + "</p><p class=\"what\">van de medewerkers is tevreden"));
  CHECK(count(home, "<li class=\"headline\">") == 2);
}

TEST_CASE("every page has one h1 and the site's language", "[whole-site]") {
  for (const auto& [path, bytes] : build_mini()) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    CHECK(count(bytes, "<h1") == 1);
    CHECK(contains(bytes, "<html lang=\"nl\""));
  }
}

TEST_CASE("the likert page has a chart and a table per group with exactly its numbers", "[whole-site]") {
  auto files = build_mini();
  const std::string& page = files.at("kern/tevredenheid/index.html");
  // One chart per group, and one comparing the rounds of gezinnen.
  CHECK(count(page, "class=\"chart-view\"") == 3);
  // gezinnen: two rounds, so the table names the round of each row.
  for (auto [round, label, v] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"2023", "Ontevreden", "20"}, {"2023", "Neutraal", "30"}, {"2023", "Tevreden", "50"},
           {"2024", "Ontevreden", "10"}, {"2024", "Neutraal", "25"}, {"2024", "Tevreden", "65"}}) {
    CHECK(contains(page, "<tr><td>Impactmeting " + round + "</td>" + row(label, v + kPct) + "</tr>"));
  }
  CHECK(contains(page, "<caption>Cijfers bij de grafiek: Tevredenheid, Medewerkers, Impactmeting 2024 (n = 20)"));
  CHECK(contains(page, "<tr>" + row("Ontevreden", "5" + kPct) + "</tr>"));
  CHECK(contains(page, "<tr>" + row("Neutraal", "15" + kPct) + "</tr>"));
  CHECK(contains(page, "<tr>" + row("Tevreden", "80" + kPct) + "</tr>"));
}

TEST_CASE("the likert specs hold the fixture's shares, stacked per round", "[whole-site]") {
  auto files = build_mini();
  const std::string& g = files.at("kern/tevredenheid/tevredenheid-gezinnen.vl.json");
  CHECK(numbers(g, "aandeel") == std::vector<double>{20, 30, 50, 10, 25, 65});
  CHECK(numbers(g, "van") == std::vector<double>{0, 20, 50, 0, 10, 35});
  CHECK(numbers(g, "tot") == std::vector<double>{20, 50, 100, 10, 35, 100});
  CHECK(numbers(files.at("kern/tevredenheid/tevredenheid-medewerkers.vl.json"), "aandeel") ==
        std::vector<double>{5, 15, 80});
}

TEST_CASE("the choice page shows counts with shares of all answers", "[whole-site]") {
  auto files = build_mini();
  const std::string& page = files.at("kern/hulp/index.html");
  CHECK(count(page, "class=\"chart-view\"") == 1);
  // 30 + 10 answers: wijkteam 75 %, huisarts 25 %, largest first.
  CHECK(contains(page, "<tr>" + row("Wijkteam", "30") + "<td class=\"num\">75" + kPct + "</td><td></td></tr>"));
  CHECK(contains(page, "<tr>" + row("Huisarts", "10") + "<td class=\"num\">25" + kPct +
                           "</td><td>afgerond; ruim 10</td></tr>"));
  CHECK(numbers(files.at("kern/hulp/hulp-gezinnen.vl.json"), "waarde") == std::vector<double>{30, 10});
}

TEST_CASE("the series page shows euros in millions", "[whole-site]") {
  auto files = build_mini();
  const std::string& page = files.at("organisatie/kosten/index.html");
  CHECK(count(page, "class=\"chart-view\"") == 1);
  const std::string eur = "€\u00a0", mln = "\u00a0mln";
  CHECK(contains(page, "<tr>" + row("2022", eur + "1,2" + mln) + "<td>begroting</td></tr>"));
  CHECK(contains(page, "<tr>" + row("2023", eur + "1,5" + mln) + "<td></td></tr>"));
  CHECK(contains(page, "<tr>" + row("2024", eur + "1,6" + mln) + "<td></td></tr>"));
  auto v = numbers(files.at("organisatie/kosten/kosten-reeks.vl.json"), "waarde");
  REQUIRE(v.size() == 3);
  CHECK(v[0] == Approx(1.2));
  CHECK(v[1] == Approx(1.5000005));
  CHECK(v[2] == Approx(1.64));
}

TEST_CASE("the CSV downloads hold the fixture's values", "[whole-site]") {
  auto files = build_mini();
  const std::string head = "round,indicator,group,breakdown,category,measure,value,note\n";
  CHECK(files.at("kern/tevredenheid/tevredenheid.csv") ==
        head + "2023,tevredenheid,gezinnen,,ontevreden,value,20,\n"
               "2023,tevredenheid,gezinnen,,neutraal,value,30,\n"
               "2023,tevredenheid,gezinnen,,tevreden,value,50,\n"
               "2024,tevredenheid,gezinnen,,ontevreden,value,10,\n"
               "2024,tevredenheid,gezinnen,,neutraal,value,25,\n"
               "2024,tevredenheid,gezinnen,,tevreden,value,65,\n"
               "2024,tevredenheid,medewerkers,,ontevreden,value,5,\n"
               "2024,tevredenheid,medewerkers,,neutraal,value,15,\n"
               "2024,tevredenheid,medewerkers,,tevreden,value,80,\n");
  CHECK(files.at("kern/hulp/hulp.csv") == head + "2024,hulp,gezinnen,,wijkteam,value,30,\n"
                                                 "2024,hulp,gezinnen,,huisarts,value,10,afgerond; ruim 10\n");
  CHECK(files.at("organisatie/kosten/kosten.csv") == head + "2022,kosten,,,,value,1200000,begroting\n"
                                                            "2023,kosten,,,,value,1500000.5,\n"
                                                            "2024,kosten,,,,value,1640000,\n");
}

TEST_CASE("raw HTML and javascript: links from a page never reach the site", "[whole-site]") {
  auto files = build_mini();
  const std::string& over = files.at("pagina/over/index.html");
  CHECK(contains(over, "<h1>Over de meting</h1>"));
  CHECK(contains(over, "<!-- raw HTML omitted -->"));
  CHECK(contains(over, "<a href=\"\">link die niets doet</a>"));
  CHECK(contains(over, "<a href=\"https://example.org/\">goede link</a>"));
  CHECK(contains(over, "<td>70</td>"));
  for (const auto& [path, bytes] : files) {
    if (path.rfind("assets/", 0) == 0) continue;
    INFO(path);
    CHECK_FALSE(contains(bytes, "<script>alert"));
    CHECK_FALSE(contains(bytes, "javascript:"));
  }
}

TEST_CASE("the rapportage of a round holds every indicator in site order under one h1", "[whole-site][print]") {
  auto files = build_mini();
  const std::string& page = files.at("rapportage/2024/index.html");
  CHECK(count(page, "<h1") == 1);
  CHECK(contains(page, "<h1>Rapportage Impactmeting 2024</h1>"));
  // Sections as h2, indicators as h3, in the order of the site: kern (hulp, tevredenheid), organisatie (kosten).
  std::size_t kern = page.find("<h2 id=\"deel-kern\">Kern</h2>");
  std::size_t hulp = page.find("<h3 id=\"hulp--\">");
  std::size_t tevreden = page.find("<h3 id=\"tevredenheid--\">");
  std::size_t organisatie = page.find("<h2 id=\"deel-organisatie\">Organisatie</h2>");
  std::size_t kosten = page.find("<h3 id=\"kosten--\">");
  REQUIRE(kosten != std::string::npos);
  CHECK(kern < hulp);
  CHECK(hulp < tevreden);
  CHECK(tevreden < organisatie);
  CHECK(organisatie < kosten);
  // The same charts, tables and summaries as the three indicator pages of the last round,
  // comparisons between the rounds included.
  for (const char* what : {"class=\"chart-view\"", "<table class=\"data-table", "class=\"chart-summary\""}) {
    INFO(what);
    std::size_t on_pages = 0;
    for (const char* p : {"kern/hulp/index.html", "kern/tevredenheid/index.html", "organisatie/kosten/index.html"})
      on_pages += count(files.at(p), what);
    CHECK(on_pages >= 4);
    CHECK(count(page, what) == on_pages);
  }
  // Links still lead to the indicator's files; anchors point inside this page.
  CHECK(contains(page, "href=\"../../kern/tevredenheid/tevredenheid.csv\""));
  CHECK(contains(page, "href=\"#tevredenheid--\""));
  CHECK(contains(page, "aria-labelledby=\"tevredenheid--kop-gezinnen\""));
  CHECK_FALSE(contains(page, ".pdf"));  // no PDF link unless the build makes the PDF
}

TEST_CASE("no id appears twice on the rapportage page", "[whole-site][print]") {
  const std::string page = build_mini().at("rapportage/2024/index.html");
  std::set<std::string> ids;
  for (std::size_t at = page.find(" id=\""); at != std::string::npos; at = page.find(" id=\"", at + 1)) {
    std::size_t start = at + 5;
    std::string id = page.substr(start, page.find('"', start) - start);
    INFO(id);
    CHECK(ids.insert(id).second);
  }
  CHECK(ids.size() > 10);
}

TEST_CASE("an earlier round's rapportage leaves out later rounds' numbers", "[whole-site][print]") {
  auto files = build_mini();
  const std::string& earlier = files.at("rapportage/2023/index.html");
  CHECK(contains(earlier, "Impactmeting 2023"));
  CHECK_FALSE(contains(earlier, "Impactmeting 2024:"));
  CHECK(contains(files.at("rapportage/2024/index.html"), "Impactmeting 2024"));
}

TEST_CASE("the home page links to the rapportage of every round, newest first", "[whole-site][print]") {
  const std::string home = build_mini().at("index.html");
  std::size_t newest = home.find("<a href=\"rapportage/2024/index.html\">Rapportage Impactmeting 2024</a>");
  std::size_t oldest = home.find("<a href=\"rapportage/2023/index.html\">Rapportage Impactmeting 2023</a>");
  REQUIRE(newest != std::string::npos);
  CHECK(newest < oldest);
}

TEST_CASE("every page's footer links to the accessibility statement", "[whole-site][a11y]") {
  for (const auto& [path, bytes] : build_mini()) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    int depth = static_cast<int>(count(path, "/"));
    std::string root;
    for (int i = 0; i < depth; ++i) root += "../";
    // An embed page sits in another site's frame: its links open in the whole window.
    const std::string target = path.rfind("embed/", 0) == 0 ? " target=\"_top\"" : "";
    CHECK(contains(bytes, "<a href=\"" + root + "toegankelijkheid/index.html\"" + target + ">Toegankelijkheid</a>"));
  }
}

TEST_CASE("the accessibility statement says what is missing and dates itself from the data", "[whole-site][a11y]") {
  const std::string page = build_mini().at("toegankelijkheid/index.html");
  CHECK(contains(page, "<h1>Toegankelijkheidsverklaring</h1>"));
  CHECK(contains(page, "WCAG 2.1"));
  CHECK(contains(page, "geen contactadres voor vragen over toegankelijkheid opgegeven"));
  // No accessibility.date in the fixture: the end of the current round (2024-06-14).
  CHECK(contains(page, "<time datetime=\"2024-06-14\">14 juni 2024</time>"));
  CHECK(contains(page, "Er is geen aparte datum voor deze verklaring opgegeven"));
}

TEST_CASE("pages load the token package, the components, the theme file and the print style", "[whole-site][theme]") {
  auto files = build_mini();
  const std::string& page = files.at("kern/tevredenheid/index.html");
  std::vector<std::string> order = {"../../assets/vendor/themes/utrecht.css", "../../assets/vendor/utrecht-components.css",
                                    "../../assets/theme.css", "../../assets/duiding.css"};
  std::size_t last = 0;
  for (const auto& href : order) {
    std::size_t at = page.find("<link rel=\"stylesheet\" href=\"" + href + "\">");
    INFO(href);
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(contains(page, "href=\"../../assets/print.css\" media=\"print\""));
  CHECK_FALSE(contains(page, "style=\""));
  CHECK_FALSE(contains(page, "<style"));
  CHECK(contains(files.at("assets/theme.css"), "@utrecht/design-tokens"));
}

TEST_CASE("building the same model twice gives byte-identical files", "[whole-site]") {
  CHECK(build_mini() == build_mini());
}

TEST_CASE("a broken source yields exactly the expected sorted messages", "[whole-site]") {
  CurrentDir here(kFixtures / "broken");  // messages name files relative to the current directory
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "broken", diag);
  CHECK_FALSE(m);
  std::vector<std::string> messages;
  for (const auto& d : diag.sorted()) messages.push_back(diag::format(d, duiding::msg::Lang::kEn));
  const std::string save_as = "save it from Excel as 'CSV UTF-8 (door komma's gescheiden)' (Dutch Excel) or "
                              "'CSV UTF-8 (Comma delimited)'";
  CHECK(messages == std::vector<std::string>{
                        "data/pages/Over.md: error: page file name 'Over' may only hold a-z, 0-9 and '-' and must start with a letter or "
                        "digit (lower case only, so no two ids name the same file on Windows or macOS)",
                        "data/rounds.csv:3:1: error: round '2024' appears twice (first at line 2)",
                        "data/values/2024.csv:2:20: error: unknown category 'huisarts' for indicator 'hulp'; "
                        "expected one of wijkteam",
                        "data/values/2024.csv:3:29: error: value 2,5 is not a count; expected a whole number of "
                        "at least 0",
                        "data/values/2024.csv:5:1: error: unknown round '2025'; data/rounds.csv has 2024; add a line for round "
                        "2025 to data/rounds.csv",
                        "data/values/oud.csv:2:14: error: byte 0xE9 is not valid UTF-8; the file looks like "
                        "Windows-1252 (Excel's plain 'CSV'); " + save_as,
                        "indicators/tevredenheid.json:6:3: error: unit 'eur' does not fit type 'likert'; "
                        "expected one of count, percent",
                    });
}

TEST_CASE("a comparison without a known n shows the change but claims no test", "[whole-site]") {
  auto files = build_mini();
  const std::string& page = files.at("kern/tevredenheid/index.html");
  // The sample is self-selected (no design given): Wilson without the finite-population
  // correction, statsmodels proportion_confint(33, 50, method='wilson') = (0.5215, 0.7756).
  CHECK(contains(page, "<tr><th scope=\"row\">Impactmeting 2024</th><td class=\"num\" data-label=\"Aandeel\">65" + kPct +
                           "</td><td class=\"num\" data-label=\"95%-interval\">52,2 tot 77,6" + kPct +
                           "</td><td class=\"num\" data-label=\"n\">50</td><td class=\"num\" "
                           "data-label=\"Verandering (procentpunt)\">+15</td>"));
  CHECK(contains(page, "Verandering naar Impactmeting 2024: niet getoetst, want het aantal deelnemers (n) van "
                       "Impactmeting 2023 is niet bekend"));
  CHECK(contains(page, "<a href=\"tevredenheid.stats.json\" download>"));
  auto stats = nlohmann::json::parse(files.at("kern/tevredenheid/tevredenheid.stats.json"));
  const auto& change = stats["shares"][0]["changes"][0];
  CHECK(change["verdict"] == "not-tested");
  CHECK_FALSE(change.contains("test"));
  CHECK_FALSE(change.contains("difference_ci"));
}

namespace {

// Draws every chart as an empty SVG naming the chart's spec description.
struct FakeSvg : charts::SvgRenderer {
  std::vector<json> specs;
  std::string render(const json& spec) override {
    specs.push_back(spec);
    return "<svg class=\"marks\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#1f5f8b\"/></svg>";
  }
};

}  // namespace

TEST_CASE("each chart's static SVG sits in its chart element, labelled with its summary sentence", "[whole-site][svg]") {
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "mini", diag);
  REQUIRE(m);
  write::MemoryOutput out;
  FakeSvg svg;
  render::SiteStats stats = build::build(*m, kHome, out, svg);
  // Every chart written as a spec was drawn (the rapportage pages draw them once more).
  std::set<std::string> drawn;
  for (const auto& spec : svg.specs) drawn.insert(spec.dump());
  std::size_t specs = 0;
  for (const auto& [name, text] : out.files) {
    if (name.size() < 8 || name.substr(name.size() - 8) != ".vl.json") continue;
    ++specs;
    json spec = json::parse(text);
    spec.erase("$schema");
    INFO(name);
    CHECK(drawn.count(spec.dump()) == 1);
  }
  CHECK(specs == stats.charts);
  const std::string& page = out.files.at("kern/tevredenheid/index.html");
  CHECK(count(page, "<div class=\"chart-view\" data-spec=\"spec-gezinnen\"><svg class=\"chart-static\" "
                    "viewBox=\"0 0 10 10\" role=\"img\" aria-label=\"") == 1);
  // One static SVG per chart figure, each labelled with the sentence in the figcaption
  // beside it (checked below for the two groups' charts).
  CHECK(count(page, "<svg class=\"chart-static\"") == count(page, "<figcaption class=\"chart-summary\">"));
  CHECK(count(page, "<svg class=\"chart-static\"") >= 2);
  for (const char* file : {"kern/tevredenheid/tevredenheid-gezinnen.vl.json", "kern/tevredenheid/tevredenheid-medewerkers.vl.json"}) {
    std::string summary = json::parse(out.files.at(file))["description"];
    INFO(file);
    REQUIRE(summary.size() > 20);
    CHECK(count(page, "role=\"img\" aria-label=\"" + render::escape(summary) + "\"") == 1);
    CHECK(count(page, "<figcaption class=\"chart-summary\">" + render::escape(summary) + "</figcaption>") == 1);
  }
}
