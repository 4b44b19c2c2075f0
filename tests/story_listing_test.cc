// The story lists at scale: the reading order, pages of 20 per listing (all stories, and
// each round, group and theme), every story exactly once per listing, consistent
// prev/next links, unique folders for themes whose slugs collide, and search results
// titled by theme or answer that lead to the page a story stands on. The whole-site
// cases build the mini fixture with fictional quotes made in code.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "build/pipeline.h"
#include "render/search.h"
#include "render/stories.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";
const fs::path kHome = fs::path(DUIDING_TEST_DATA).parent_path();

model::Quote quote(std::string id, std::string group, std::string text, std::string theme = "") {
  model::Quote q;
  q.id = std::move(id);
  q.round = "2024";
  q.group = group;
  q.text = std::move(text);
  q.links = {group == "gezinnen" ? "tevredenheid:tevreden" : "tevredenheid:neutraal"};
  q.theme = std::move(theme);
  return q;
}

std::string words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string("woord");
  return out;
}

std::string two(int k) { return (k < 10 ? "0" : "") + std::to_string(k); }

// 45 fictional quotes q01 ... q45: qNN has 60 - NN words, so the reading order is q01,
// q02, ..., q45. Odd NN: gezinnen (23), even: medewerkers (22). q01 ... q21 have the theme
// "Eén plan", q22 ... q45 "Een plan": both slug to "een-plan".
model::Model forty_five() {
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "mini", diag);
  REQUIRE(m);
  m->quotes.clear();
  // Stored in reverse, so the order on the pages is not the order of the source.
  for (int k = 45; k >= 1; --k)
    m->quotes.push_back(quote("q" + two(k), k % 2 ? "gezinnen" : "medewerkers", words(60 - k),
                              k <= 21 ? "Eén plan" : "Een plan"));
  return *m;
}

std::map<std::string, std::string> build_site(const model::Model& m) {
  write::MemoryOutput out;
  build::build(m, kHome, out);
  return out.files;
}

// The story ids (without "verhaal-") on a page, in order.
std::vector<std::string> story_ids(const std::string& page) {
  static const std::regex id("<li class=\"story\" id=\"verhaal-([a-z0-9-]+)\"");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

// `href` from page `from` (paths from the site root) as a path from the site root.
std::string resolve(const std::string& from, const std::string& href) {
  std::vector<std::string> parts;
  std::string dir = from.substr(0, from.rfind('/') + 1) + href;
  std::size_t at = 0;
  while (at <= dir.size()) {
    std::size_t slash = dir.find('/', at);
    if (slash == std::string::npos) slash = dir.size();
    std::string part = dir.substr(at, slash - at);
    if (part == "..") parts.pop_back();
    else if (!part.empty() && part != ".") parts.push_back(part);
    at = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// The target of the link with rel="`rel`" on `page` at `path`, or "" when it has none.
std::string rel_link(const std::string& path, const std::string& page, const std::string& rel) {
  std::smatch m;
  if (!std::regex_search(page, m, std::regex("<a rel=\"" + rel + "\" href=\"([^\"]+)\""))) return "";
  return resolve(path, m[1]);
}

std::vector<std::string> ids(int from, int to, int step = 1) {
  std::vector<std::string> out;
  for (int k = from; k <= to; k += step) out.push_back("q" + two(k));
  return out;
}

}  // namespace

TEST_CASE("a story's words are its runs of non-space characters", "[stories][order]") {
  CHECK(render::word_count("") == 0);
  CHECK(render::word_count("  Ja.  ") == 1);
  CHECK(render::word_count("<naam> luisterde\necht,\r\nen\tdat was nieuw.") == 7);
}

TEST_CASE("stories are ordered longest first, equal lengths by id", "[stories][order]") {
  std::vector<model::Quote> q = {quote("b", "gezinnen", "een twee"), quote("c", "gezinnen", "een twee drie vier"),
                                 quote("a", "gezinnen", "een twee"), quote("d", "gezinnen", "Ja."),
                                 quote("e", "gezinnen", "een twee drie")};
  std::vector<const model::Quote*> order;
  for (const auto& x : q) order.push_back(&x);
  render::order_stories(order);
  std::vector<std::string> got;
  for (const auto* x : order) got.push_back(x->id);
  // By hand: 4 words (c), 3 (e), 2 (a before b by id), 1 (d).
  CHECK(got == std::vector<std::string>{"c", "e", "a", "b", "d"});
}

TEST_CASE("a list of n stories takes ceil(n / 20) pages", "[stories][pages]") {
  CHECK(render::story_page_count(0) == 1);
  CHECK(render::story_page_count(1) == 1);
  CHECK(render::story_page_count(20) == 1);
  CHECK(render::story_page_count(21) == 2);
  CHECK(render::story_page_count(101) == 6);
  CHECK(render::story_page_path("verhalen/", 1) == "verhalen/index.html");
  CHECK(render::story_page_path("verhalen/groep/gezinnen/", 3) == "verhalen/groep/gezinnen/pagina-3/index.html");
}

TEST_CASE("every listing has ceil(n/20) pages holding each of its stories exactly once, in reading order",
          "[stories][pages][whole-site]") {
  auto files = build_site(forty_five());
  // Listing folder -> its stories in reading order, worked out from how forty_five() is made.
  const std::map<std::string, std::vector<std::string>> listings = {
      {"verhalen/", ids(1, 45)},
      {"verhalen/ronde/2024/", ids(1, 45)},
      {"verhalen/groep/gezinnen/", ids(1, 45, 2)},
      {"verhalen/groep/medewerkers/", ids(2, 44, 2)},
      {"verhalen/thema/een-plan/", ids(22, 45)},    // "Een plan" sorts first (bytes), keeps the slug
      {"verhalen/thema/een-plan-2/", ids(1, 21)},  // "Eén plan" gets a folder of its own
  };
  const std::map<std::string, std::size_t> expected_pages = {
      {"verhalen/", 3}, {"verhalen/ronde/2024/", 3}, {"verhalen/groep/gezinnen/", 2},
      {"verhalen/groep/medewerkers/", 2}, {"verhalen/thema/een-plan/", 2}, {"verhalen/thema/een-plan-2/", 2}};
  for (const auto& [dir, stories] : listings) {
    INFO(dir);
    const std::size_t pages = expected_pages.at(dir);
    std::vector<std::string> seen;
    for (std::size_t k = 1; k <= pages; ++k) {
      const std::string path = dir + (k > 1 ? "pagina-" + std::to_string(k) + "/" : "") + "index.html";
      INFO(path);
      REQUIRE(files.count(path) == 1);
      const std::string& page = files.at(path);
      auto on_page = story_ids(page);
      CHECK(on_page.size() == (k < pages ? 20 : stories.size() - 20 * (pages - 1)));
      seen.insert(seen.end(), on_page.begin(), on_page.end());
      CHECK(page.find("<p>Pagina " + std::to_string(k) + " van " + std::to_string(pages) + "</p>") != std::string::npos);
      // prev/next: the neighbouring pages, none before the first or after the last.
      const std::string prev = k == 1 ? "" : dir + (k > 2 ? "pagina-" + std::to_string(k - 1) + "/" : "") + "index.html";
      const std::string next = k == pages ? "" : dir + "pagina-" + std::to_string(k + 1) + "/index.html";
      CHECK(rel_link(path, page, "prev") == prev);
      CHECK(rel_link(path, page, "next") == next);
    }
    CHECK(seen == stories);
    CHECK(files.count(dir + "pagina-" + std::to_string(pages + 1) + "/index.html") == 0);
  }
  // No other listing folder was made, and every page states the order rule.
  std::set<std::string> dirs;
  for (const auto& [path, bytes] : files) {
    if (path.rfind("verhalen/", 0) != 0 || path.rfind("verhalen/indicator/", 0) == 0) continue;
    std::string dir = path.substr(0, path.size() - std::string("index.html").size());
    auto p = dir.find("pagina-");
    dirs.insert(p == std::string::npos ? dir : dir.substr(0, p));
    CHECK(bytes.find("De langste verhalen staan bovenaan") != std::string::npos);
  }
  std::set<std::string> want;
  for (const auto& [dir, stories] : listings) want.insert(dir);
  CHECK(dirs == want);
}

TEST_CASE("the facet navigation links every value's first page and marks the current one", "[stories][pages][whole-site]") {
  auto files = build_site(forty_five());
  const std::string& page = files.at("verhalen/groep/gezinnen/pagina-2/index.html");
  CHECK(page.find("<details class=\"facet\" data-facet=\"groep\" open>") != std::string::npos);
  CHECK(page.find("<details class=\"facet\" data-facet=\"thema\">") != std::string::npos);
  CHECK(page.find("<a href=\"../../../../verhalen/groep/gezinnen/index.html\" data-value=\"gezinnen\" "
                  "aria-current=\"page\">") != std::string::npos);
  CHECK(page.find("<a href=\"../../../../verhalen/thema/een-plan-2/index.html\" data-value=\"een-plan-2\">Eén plan</a> "
                  "<span class=\"count\">(21 verhalen)</span>") != std::string::npos);
}

TEST_CASE("a story's search result leads to the page of all stories it stands on", "[stories][search][whole-site]") {
  model::Model m = forty_five();
  stats::StoryIndex index(m);
  auto docs = render::search_documents(m, index);
  auto files = build_site(m);
  // Source order is q45 ... q01: docs[24] is q21, the 21st in reading order: page 2.
  REQUIRE(docs[24]["url"] == "verhalen/pagina-2/index.html#verhaal-q21");
  CHECK(docs[44]["url"] == "verhalen/index.html#verhaal-q01");
  CHECK(docs[0]["url"] == "verhalen/pagina-3/index.html#verhaal-q45");
  for (std::size_t i = 0; i < m.quotes.size(); ++i) {
    std::string url = docs[i]["url"];
    auto hash = url.find('#');
    INFO(url);
    CHECK(files.at(url.substr(0, hash)).find("id=\"" + url.substr(hash + 1) + "\"") != std::string::npos);
  }
}

TEST_CASE("a story's search result is titled by its theme, else its first answer, else its group", "[stories][search]") {
  diag::Diagnostics diag;
  auto m = validate::load_source(kFixtures / "mini", diag);
  REQUIRE(m);
  m->quotes = {quote("a", "gezinnen", "Met thema.", "Gehoord worden"), quote("b", "medewerkers", "Zonder thema.")};
  model::Quote loose = quote("c", "medewerkers", "Nergens achter.");
  loose.links.clear();
  m->quotes.push_back(loose);
  stats::StoryIndex index(*m);
  auto docs = render::search_documents(*m, index);
  CHECK(docs[0]["titel"] == "Gehoord worden");
  CHECK(docs[1]["titel"] == "Tevredenheid: Neutraal");
  CHECK(docs[2]["titel"] == "Verhaal van medewerkers");
  CHECK(docs[2]["soort"] == "Verhaal, Medewerkers, Impactmeting 2024");
}
