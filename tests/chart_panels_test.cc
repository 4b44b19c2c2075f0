// The chart figure's panels (Grafiek, Tabel, Toelichting) and the permalinks of charts,
// comparisons and stories, checked on whole sites built in memory: the mini fixture and
// the fictional example (three rounds, stories). The expected ids are written out here
// from the fixtures' own ids (data-format.md's rule: a-z, 0-9 and '-'), not taken from
// the generator.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "build/pipeline.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";
const fs::path kHome = fs::path(DUIDING_TEST_DATA).parent_path();

using Files = std::map<std::string, std::string>;

Files build_site(const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate::load_source(source, diag);
  for (const auto& d : diag.sorted()) UNSCOPED_INFO(diag::format(d));
  REQUIRE(m);
  write::MemoryOutput out;
  build::build(*m, kHome, out);
  return out.files;
}

const Files& mini() {
  static const Files files = build_site(kFixtures / "mini");
  return files;
}

const Files& example() {
  static const Files files = build_site(kHome / "examples" / "voorbeeldgemeente");
  return files;
}

bool is_page(const std::string& name) { return name.size() > 5 && name.substr(name.size() - 5) == ".html"; }

// Every value of an id="..." attribute on `page`, in order (duplicates kept).
std::vector<std::string> ids_of(const std::string& page) {
  std::vector<std::string> ids;
  static const std::regex kId(" id=\"([^\"]*)\"");
  for (std::sregex_iterator it(page.begin(), page.end(), kId), end; it != end; ++it) ids.push_back((*it)[1]);
  return ids;
}

// The text between the figure with id `figure_id` and its end.
std::string figure(const std::string& page, const std::string& figure_id) {
  const std::size_t at = page.find("<figure class=\"chart\" id=\"" + figure_id + "\">");
  if (at == std::string::npos) return "";
  return page.substr(at, page.find("</figure>", at) - at);
}

// The ids of all chart figures on `page`.
std::vector<std::string> figure_ids(const std::string& page) {
  std::vector<std::string> ids;
  static const std::regex kFigure("<figure class=\"chart\" id=\"([^\"]*)\">");
  for (std::sregex_iterator it(page.begin(), page.end(), kFigure), end; it != end; ++it) ids.push_back((*it)[1]);
  return ids;
}

// Where a relative link from the page `from` leads: a site path and an anchor.
std::pair<std::string, std::string> resolve(const std::string& from, const std::string& href) {
  const std::size_t hash = href.find('#');
  const std::string anchor = hash == std::string::npos ? "" : href.substr(hash + 1);
  const std::string path = href.substr(0, hash);
  if (path.empty()) return {from, anchor};
  return {(fs::path(from).parent_path() / path).lexically_normal().generic_string(), anchor};
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("each chart figure holds Grafiek, Tabel and Toelichting panels in that order, then its caption",
          "[whole-site][panels]") {
  std::size_t figures = 0;
  for (const Files* files : {&mini(), &example()}) {
    for (const auto& [name, page] : *files) {
      if (!is_page(name) || name.rfind("embed/", 0) == 0) continue;
      for (const std::string& fig_id : figure_ids(page)) {
        INFO(name << " " << fig_id);
        REQUIRE(fig_id.find("grafiek-") != std::string::npos);
        const std::string chart = fig_id.substr(fig_id.find("grafiek-") + 8);
        const std::string prefix = fig_id.substr(0, fig_id.find("grafiek-"));  // the rapportage's id prefix
        const std::string f = figure(page, fig_id);
        const std::size_t caption = f.find("<figcaption class=\"chart-summary\">");
        const std::size_t tabs = f.find("<div class=\"chart-tabs\">");
        const std::size_t grafiek = f.find("id=\"" + prefix + "paneel-grafiek-" + chart + "\"");
        const std::size_t tabel = f.find("id=\"" + prefix + "tabel-" + chart + "\"");
        const std::size_t toelichting = f.find("id=\"" + prefix + "toelichting-" + chart + "\"");
        REQUIRE(caption != std::string::npos);
        REQUIRE(grafiek != std::string::npos);
        REQUIRE(tabel != std::string::npos);
        REQUIRE(toelichting != std::string::npos);
        // The summary sits after the panels, outside them: read whichever tab is open.
        CHECK(tabs < grafiek);
        CHECK(caption > toelichting);
        // Every <div> (panels, tab box, table region) is closed before the caption.
        CHECK(count(f.substr(0, caption), "<div") == count(f.substr(0, caption), "</div>"));
        CHECK(grafiek < tabel);
        CHECK(tabel < toelichting);
        CHECK(f.find("class=\"chart-view\"", grafiek) < tabel);
        CHECK(f.find("<table", tabel) < toelichting);
        CHECK(f.find("<table", toelichting) == std::string::npos);
        CHECK(count(f, "class=\"panel-title\">Grafiek<") == 1);
        CHECK(count(f, "class=\"panel-title\">Tabel<") == 1);
        CHECK(count(f, "class=\"panel-title\">Toelichting<") == 1);
        ++figures;
      }
    }
  }
  CHECK(figures > 50);
}

TEST_CASE("a comparison's meaning and reasons are in the Toelichting panel, its p-values in the table",
          "[whole-site][panels]") {
  const std::string& page = example().at("kernindicatoren/tevredenheid-ondersteuning/index.html");
  const std::string f = figure(page, "grafiek-vergelijking-gezinnen");
  REQUIRE_FALSE(f.empty());
  const std::size_t toelichting = f.find("id=\"toelichting-vergelijking-gezinnen\"");
  REQUIRE(toelichting != std::string::npos);
  CHECK(f.find("Wat betekent dit?") > toelichting);
  CHECK(f.find("p-waarde (gecorrigeerd)") < toelichting);
  // Nothing of the comparison's explanation is left outside the figure.
  const std::size_t fig_end = page.find("</figure>", page.find("id=\"grafiek-vergelijking-gezinnen\""));
  const std::size_t next = page.find("<figure", fig_end);
  CHECK(page.substr(fig_end, next - fig_end).find("Wat betekent dit?") == std::string::npos);
}

TEST_CASE("no id appears twice on any page of either site", "[whole-site][permalink]") {
  for (const Files* files : {&mini(), &example()}) {
    for (const auto& [name, page] : *files) {
      if (!is_page(name)) continue;
      std::set<std::string> seen;
      for (const auto& id : ids_of(page)) {
        INFO(name << " " << id);
        CHECK(seen.insert(id).second);
      }
    }
  }
}

TEST_CASE("every permalink leads to an id that exists, on its own page or the stories overview",
          "[whole-site][permalink]") {
  static const std::regex kLink("<p class=\"permalink\"><a class=\"permalink-link\" href=\"([^\"]*)\">([^<]*)</a> "
                                "<button type=\"button\" class=\"copy-button copy-link\" hidden>Kopieer link</button></p>");
  std::map<std::string, std::size_t> by_text;
  for (const Files* files : {&mini(), &example()}) {
    std::map<std::string, std::set<std::string>> ids;
    for (const auto& [name, page] : *files)
      if (is_page(name))
        for (const auto& id : ids_of(page)) ids[name].insert(id);
    for (const auto& [name, page] : *files) {
      if (!is_page(name)) continue;
      CHECK(count(page, "class=\"permalink\"") ==
            static_cast<std::size_t>(std::distance(std::sregex_iterator(page.begin(), page.end(), kLink), {})));
      for (std::sregex_iterator it(page.begin(), page.end(), kLink), end; it != end; ++it) {
        const std::string href = (*it)[1];
        INFO(name << " -> " << href);
        CHECK(href.find("://") == std::string::npos);
        CHECK(href.rfind("/", 0) == std::string::npos);  // relative, never from the server's root
        const auto [target, anchor] = resolve(name, href);
        REQUIRE_FALSE(anchor.empty());
        REQUIRE(ids.count(target) == 1);
        CHECK(ids[target].count(anchor) == 1);
        ++by_text[(*it)[2]];
      }
    }
  }
  CHECK(by_text["Link naar deze grafiek"] > 50);
  CHECK(by_text["Link naar deze vergelijking"] > 5);
  CHECK(by_text["Link naar dit verhaal"] > 20);
}

TEST_CASE("every chart figure, comparison section and story has one permalink with a stable anchor",
          "[whole-site][permalink]") {
  const std::string& page = example().at("kernindicatoren/tevredenheid-ondersteuning/index.html");
  // Each figure is followed by its own permalink before anything else starts.
  for (const std::string& fig_id : figure_ids(page)) {
    INFO(fig_id);
    const std::size_t end = page.find("</figure>", page.find("id=\"" + fig_id + "\""));
    const std::string expected =
        "</figure>\n<p class=\"permalink\"><a class=\"permalink-link\" href=\"#" + fig_id + "\">Link naar deze grafiek</a>";
    CHECK(page.compare(end, expected.size(), expected) == 0);
  }
  // The group "gezinnen" (examples/voorbeeldgemeente/data/site.json) and the comparison section.
  CHECK(count(page, "href=\"#grafiek-vergelijking-gezinnen\">Link naar deze grafiek</a>") == 1);
  CHECK(count(page, "href=\"#vergelijking\">Link naar deze vergelijking</a>") == 1);

  const std::string& stories = example().at("verhalen/index.html");
  CHECK(count(stories, "<li class=\"story\"") == count(stories, "Link naar dit verhaal"));
  // The quote v2024-g01 (data/quotes) is #verhaal-v2024-g01 on the overview.
  CHECK(count(stories, "href=\"#verhaal-v2024-g01\">Link naar dit verhaal</a>") == 1);
  // On a filter page the same story links to its place on the overview.
  const std::string& round = example().at("verhalen/ronde/2024/index.html");
  CHECK(count(round, "href=\"../../../verhalen/index.html#verhaal-v2024-g01\">Link naar dit verhaal</a>") == 1);
}

TEST_CASE("in the rapportage a chart's permalink and panels carry the article's id prefix", "[whole-site][permalink]") {
  const std::string& page = mini().at("rapportage/2024/index.html");
  CHECK(count(page, "href=\"#tevredenheid--grafiek-gezinnen\">Link naar deze grafiek</a>") == 1);
  CHECK(count(page, "id=\"tevredenheid--tabel-gezinnen\"") == 1);
  CHECK(count(page, "id=\"tevredenheid--toelichting-gezinnen\"") == 1);
}

TEST_CASE("pages with a copy button load the script that drives it, pages without none", "[whole-site][permalink]") {
  CHECK(count(example().at("verhalen/index.html"), "assets/duiding.js\"></script>") == 1);
  CHECK(count(example().at("kernindicatoren/tevredenheid-ondersteuning/index.html"), "assets/duiding.js\"></script>") == 1);
  CHECK(count(example().at("zoeken/index.html"), "assets/duiding.js") == 0);
}
