// Story pages and the search index: quote text is only ever text, and a site with quotes
// gets story pages, links from its charts and tables, and a search page. The whole-site
// cases build the mini fixture with quotes added in code.
#include "render/stories.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "build/pipeline.h"
#include "render/search.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";
const fs::path kHome = fs::path(DUIDING_TEST_DATA).parent_path();

model::Quote quote(std::string id, std::string group, std::string text, std::vector<std::string> links,
                   std::string theme = "") {
  model::Quote q;
  q.id = std::move(id);
  q.round = "2024";
  q.group = std::move(group);
  q.text = std::move(text);
  q.links = std::move(links);
  q.theme = std::move(theme);
  return q;
}

model::Model mini(bool with_quotes) {
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "mini", diag);
  REQUIRE(m);
  if (with_quotes) {
    m->quotes = {
        quote("g1", "gezinnen", "<naam> luisterde echt.\nDat was nieuw.", {"tevredenheid:tevreden"}, "Gehoord worden"),
        quote("g2", "gezinnen", "Test <script>alert(1)</script> en **vet**.", {"tevredenheid:tevreden", "hulp:wijkteam"},
              "Eén plan"),
        quote("m1", "medewerkers", "Korte lijnen met de cliënten werken.", {"tevredenheid:neutraal"}, "Eén plan"),
    };
  }
  return *m;
}

std::map<std::string, std::string> build_site(const model::Model& m) {
  write::MemoryOutput out;
  build::build(m, kHome, out);
  return out.files;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& needle) { return count(text, needle) > 0; }

}  // namespace

TEST_CASE("quote text is escaped, never read as HTML or Markdown", "[stories]") {
  CHECK(render::quote_html("Test <script>alert(1)</script> en **vet** & <b>zo</b>") ==
        "Test &lt;script&gt;alert(1)&lt;/script&gt; en **vet** &amp; &lt;b&gt;zo&lt;/b&gt;");
  CHECK(render::quote_html("\"a\" < 'b' >") == "&quot;a&quot; &lt; &#39;b&#39; &gt;");
}

TEST_CASE("line breaks in a quote are kept as <br>", "[stories]") {
  CHECK(render::quote_html("Eerst dit.\r\nDan dat.\nEinde.") == "Eerst dit.<br>\nDan dat.<br>\nEinde.");
}

TEST_CASE("placeholders like <naam> are shown as marked placeholders", "[stories]") {
  const std::string hidden = "<span class=\"visually-hidden\"> (weggelaten om de verteller te beschermen)</span></span>";
  CHECK(render::quote_html("<naam> kwam langs") == "<span class=\"placeholder\">&lt;naam&gt;" + hidden + " kwam langs");
  CHECK(render::quote_html("bij <naam organisatie>.") ==
        "bij <span class=\"placeholder\">&lt;naam organisatie&gt;" + hidden + ".");
  CHECK(render::quote_html("<familielid>") == "<span class=\"placeholder\">&lt;familielid&gt;" + hidden);
  // HTML element names and capitals are not placeholders, just text.
  CHECK(render::quote_html("<script>") == "&lt;script&gt;");
  CHECK(render::quote_html("<b>") == "&lt;b&gt;");
  CHECK(render::quote_html("<Naam>") == "&lt;Naam&gt;");
  CHECK(render::quote_html("1 < 2 en 3 > 2") == "1 &lt; 2 en 3 &gt; 2");
}

TEST_CASE("a theme becomes a path segment without accents", "[stories]") {
  CHECK(render::theme_slug("Eén gezin, één plan") == "een-gezin-een-plan");
  CHECK(render::theme_slug("Tijd en aandacht") == "tijd-en-aandacht");
  CHECK(render::theme_slug("  Gebrek aan vertrouwen!  ") == "gebrek-aan-vertrouwen");
  CHECK(render::theme_slug("Cliënt ≠ dossier") == "client-dossier");
}

TEST_CASE("a site with quotes has story pages, each with one h1, in the menu", "[stories][whole-site]") {
  auto files = build_site(mini(true));
  for (const char* path : {"verhalen/index.html", "verhalen/indicator/tevredenheid/index.html",
                           "verhalen/indicator/hulp/index.html", "verhalen/ronde/2024/index.html",
                           "verhalen/groep/gezinnen/index.html", "verhalen/groep/medewerkers/index.html",
                           "verhalen/thema/een-plan/index.html", "verhalen/thema/gehoord-worden/index.html",
                           "zoeken/index.html", "assets/zoekindex.js", "assets/verhalen.js", "assets/zoeken.js",
                           "assets/vendor/minisearch.js", "assets/vendor/LICENSE-minisearch.txt"}) {
    INFO(path);
    REQUIRE(files.count(path) == 1);
  }
  for (const auto& [path, bytes] : files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    CHECK(count(bytes, "<h1") == 1);
    CHECK(contains(bytes, "<main id=\"inhoud\""));
  }
  CHECK(contains(files.at("index.html"), "<li><a href=\"verhalen/index.html\">Verhalen</a></li>"));
  CHECK(contains(files.at("verhalen/ronde/2024/index.html"),
                 "<li><a href=\"../../../verhalen/index.html\" aria-current=\"page\">Verhalen</a></li>"));
  CHECK(contains(files.at("index.html"), "<li><a href=\"zoeken/index.html\">Zoeken</a></li>"));
}

TEST_CASE("a site without quotes has no story pages and no Verhalen in the menu", "[stories][whole-site]") {
  auto files = build_site(mini(false));
  for (const auto& [path, bytes] : files) CHECK(path.rfind("verhalen/", 0) != 0);
  CHECK_FALSE(contains(files.at("index.html"), ">Verhalen</a>"));
  CHECK(files.count("zoeken/index.html") == 1);
  CHECK(contains(files.at("zoeken/index.html"), "Zoeken werkt alleen met JavaScript."));
}

TEST_CASE("the stories page of an indicator lists each answer's stories under its anchor", "[stories][whole-site]") {
  auto files = build_site(mini(true));
  const std::string& page = files.at("verhalen/indicator/tevredenheid/index.html");
  CHECK(contains(page, "<h1>Verhalen achter de cijfers: Tevredenheid</h1>"));
  CHECK(contains(page, "<h2 id=\"verhalen-2024_gezinnen-kop\">Gezinnen, Impactmeting 2024</h2>"));
  CHECK(contains(page, "<section class=\"story-segment\" id=\"verhalen-2024_gezinnen_tevreden\""));
  CHECK(contains(page, "<h3 id=\"verhalen-2024_gezinnen_tevreden-kop\">Tevreden <span class=\"count\">(2 verhalen)</span></h3>"));
  CHECK(contains(page, "<h3 id=\"verhalen-2024_medewerkers_neutraal-kop\">Neutraal <span class=\"count\">(1 verhaal)</span></h3>"));
  // g2 sits behind two answers; both are listed with it.
  CHECK(contains(page, ">Tevredenheid: Tevreden</a></li><li><a href=\"../../../verhalen/indicator/hulp/index.html"
                       "#verhalen-2024_gezinnen_wijkteam\">Eerste hulp: Wijkteam</a></li>"));
  CHECK(contains(page, "<div><dt>Thema</dt><dd>Eén plan</dd></div>"));
}

TEST_CASE("chart segments and table rows with stories link to them", "[stories][whole-site]") {
  auto files = build_site(mini(true));
  const std::string& page = files.at("kern/tevredenheid/index.html");
  CHECK(contains(page, "<td><a href=\"../../verhalen/indicator/tevredenheid/index.html#verhalen-2024_gezinnen_tevreden\">"
                       "2 verhalen<span class=\"visually-hidden\"> bij Tevreden, Impactmeting 2024</span></a></td>"));
  CHECK(contains(page, "<th scope=\"col\">Verhalen</th>"));
  json spec = json::parse(files.at("kern/tevredenheid/tevredenheid-gezinnen.vl.json"));
  std::vector<std::string> urls;
  std::vector<int> counts;
  for (const auto& v : spec["data"]["values"]) {
    urls.push_back(v["verhalen_url"]);
    counts.push_back(v["verhalen"]);
  }
  // 2023 and 2024, ontevreden, neutraal, tevreden: only 2024 tevreden has stories.
  CHECK(counts == std::vector<int>{0, 0, 0, 0, 0, 2});
  CHECK(urls.back() == "../../verhalen/indicator/tevredenheid/index.html#verhalen-2024_gezinnen_tevreden");
  CHECK(urls.front().empty());
  CHECK(spec["layer"][0]["encoding"]["href"] == json{{"field", "verhalen_url"}});
  CHECK(spec["layer"][0]["encoding"]["tooltip"].back() == json{{"field", "verhalen_tekst"}, {"title", "Verhalen"}});
  // The choice chart of hulp links its wijkteam bar.
  json hulp = json::parse(files.at("kern/hulp/hulp-gezinnen.vl.json"));
  CHECK(contains(hulp.dump(), "\"verhalen_url\":\"../../verhalen/indicator/hulp/index.html#verhalen-2024_gezinnen_wijkteam\""));
  // A chart without stories is drawn as before: no story fields at all.
  CHECK_FALSE(contains(files.at("organisatie/kosten/kosten-reeks.vl.json"), "verhalen"));
}

TEST_CASE("no page carries inline script, inline style or event handlers", "[stories][whole-site]") {
  auto files = build_site(mini(true));
  const std::regex inline_script("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");
  const std::regex handler("<[^>]*\\son[a-z]+=", std::regex::icase);
  for (const auto& [path, bytes] : files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    CHECK_FALSE(std::regex_search(bytes, inline_script));
    CHECK_FALSE(std::regex_search(bytes, handler));
    CHECK_FALSE(contains(bytes, " style="));
  }
}

TEST_CASE("the quote's <script> reaches no file unescaped", "[stories][whole-site]") {
  auto files = build_site(mini(true));
  for (const auto& [path, bytes] : files) {
    INFO(path);
    CHECK_FALSE(contains(bytes, "<script>alert"));
  }
  CHECK(contains(files.at("verhalen/index.html"), "Test &lt;script&gt;alert(1)&lt;/script&gt; en **vet**."));
  CHECK(contains(files.at("assets/zoekindex.js"), "Test \\u003cscript\\u003ealert(1)\\u003c/script\\u003e en **vet**."));
}

TEST_CASE("the search index holds every story and page as plain text with a link", "[stories][search]") {
  model::Model m = mini(true);
  stats::StoryIndex index(m);
  json docs = render::search_documents(m, index);
  REQUIRE(docs.size() == m.quotes.size() + m.indicators.size() + m.site.sections.size() + m.pages.size());
  CHECK(docs[0]["soort"] == "Verhaal, Gezinnen, Impactmeting 2024");
  CHECK(docs[0]["url"] == "verhalen/index.html#verhaal-g1");
  CHECK(docs[0]["tekst"] == "<naam> luisterde echt. Dat was nieuw. Gehoord worden Tevredenheid: Tevreden");
  CHECK(docs[0]["inhoud"] == "<naam> luisterde echt. Dat was nieuw.");
  // Titled by the story's theme, not by its group and round.
  CHECK(docs[0]["titel"] == "Gehoord worden");
  std::vector<std::string> urls;
  for (const auto& d : docs) urls.push_back(d["url"]);
  CHECK(std::find(urls.begin(), urls.end(), "kern/tevredenheid/index.html") != urls.end());
  CHECK(std::find(urls.begin(), urls.end(), "kern/index.html") != urls.end());
  CHECK(std::find(urls.begin(), urls.end(), "pagina/over/index.html") != urls.end());
  // Markdown of a section is indexed as its text: "Hoe tevreden zijn *gezinnen*?"
  for (const auto& d : docs)
    if (d["url"] == "kern/index.html") CHECK(d["tekst"] == "Hoe tevreden zijn gezinnen?");
}

TEST_CASE("two builds with quotes are byte-identical", "[stories][whole-site]") {
  CHECK(build_site(mini(true)) == build_site(mini(true)));
}

TEST_CASE("an embed page's story links lead from its own folder and open in the whole window", "[stories][embed]") {
  auto files = build_site(mini(true));
  const std::string& embed = files.at("embed/tevredenheid/gezinnen/index.html");
  // The indicator page links "../../verhalen/..."; embed/tevredenheid/gezinnen/ is one deeper.
  CHECK(contains(embed, "<a target=\"_top\" xlink:href=\"../../../verhalen/indicator/tevredenheid/index.html#verhalen-"
                        "2024_gezinnen_tevreden\""));
  CHECK_FALSE(contains(embed, "xlink:href=\"../../verhalen"));
}
