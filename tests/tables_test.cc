// The table next to each chart (exactly the chart's numbers) and the CSV download.
#include "render/tables.h"

#include <catch2/catch.hpp>

#include <string>

#include "one_indicator.h"

namespace {

using namespace duiding;
const std::string kPct = "\u00a0%";

struct TableModel : test::OneIndicator {
  explicit TableModel(std::string unit) : OneIndicator(std::move(unit)) {
    ind.categories[1].label = "Eens <ja>";  // a label the table must escape
  }
  std::string table() {
    auto s = stats::summarize(m, ind, values);
    REQUIRE(s.charts.size() == 1);
    return render::chart_table(m, ind, s.charts[0]);
  }
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a chart table has a caption naming the chart and its n", "[tables]") {
  TableModel t("percent");
  t.add("oneens", 10);
  t.add("eens", 90);
  std::string html = t.table();
  CHECK(contains(html, "<caption>Cijfers bij de grafiek: Tevredenheid, Gezinnen, Impactmeting 2024 (n = 40)</caption>"));
  CHECK(contains(html, "<thead><tr><th scope=\"col\">Antwoord</th><th scope=\"col\">Percentage</th></tr></thead>"));
}

TEST_CASE("a chart table holds exactly the chart's numbers, labels escaped", "[tables]") {
  TableModel t("percent");
  t.add("eens", 90);
  t.add("oneens", 10);
  std::string html = t.table();
  CHECK(contains(html, "<tbody>\n"
                       "<tr><th scope=\"row\">Oneens</th><td class=\"num\">10" + kPct + "</td></tr>\n"
                       "<tr><th scope=\"row\">Eens &lt;ja&gt;</th><td class=\"num\">90" + kPct + "</td></tr>\n"
                       "</tbody>"));
}

TEST_CASE("a table of counts adds the shares worked out from them", "[tables]") {
  TableModel t("count");
  t.add("oneens", 1);
  t.add("eens", 3, "afgerond");
  std::string html = t.table();
  CHECK(contains(html, "<th scope=\"col\">Aantal</th><th scope=\"col\">Aandeel</th><th scope=\"col\">Opmerking</th>"));
  CHECK(contains(html, "<tr><th scope=\"row\">Oneens</th><td class=\"num\">1</td><td class=\"num\">25" + kPct +
                           "</td><td></td></tr>"));
  CHECK(contains(html, "<tr><th scope=\"row\">Eens &lt;ja&gt;</th><td class=\"num\">3</td><td class=\"num\">75" +
                           kPct + "</td><td>afgerond</td></tr>"));
}

TEST_CASE("the CSV download holds the values as given, in RFC 4180 with a decimal point", "[tables]") {
  TableModel t("percent");
  t.add("oneens", 10.5);
  t.add("eens", 89.5, "ruim 89, afgerond");
  t.store[1].breakdown = "leeftijd=<12";
  t.store[1].note = "zei \"ruim\", afgerond";
  // Each of the two distributions lacks the other answer: a line says so, without a value.
  CHECK(render::values_csv(t.m, t.ind, t.values) ==
        "round,indicator,group,breakdown,category,measure,value,note\n"
        "2024,tevredenheid,gezinnen,,oneens,value,10.5,\n"
        "2024,tevredenheid,gezinnen,,eens,value,,niet gegeven\n"
        "2024,tevredenheid,gezinnen,leeftijd=<12,eens,value,89.5,\"zei \"\"ruim\"\", afgerond\"\n"
        "2024,tevredenheid,gezinnen,leeftijd=<12,oneens,value,,niet gegeven\n");
}

namespace {

// Three answers of which the source gives two: 8 % oneens, 84 % eens, no neutraal.
void without_neutraal(TableModel& t) {
  t.ind.categories = {{"oneens", "Oneens"}, {"neutraal", "Neutraal"}, {"eens", "Eens"}};
  t.add("oneens", 8);
  t.add("eens", 84);
}

}  // namespace

TEST_CASE("an answer the source does not give is a table row and a CSV line reading niet gegeven, never 0", "[tables]") {
  TableModel t("percent");
  without_neutraal(t);
  std::string html = t.table();
  // In its own place, between the answers around it.
  CHECK(contains(html, "<tr><th scope=\"row\">Oneens</th><td class=\"num\">8" + kPct + "</td></tr>\n"
                       "<tr><th scope=\"row\">Neutraal</th><td class=\"num\">niet gegeven</td></tr>\n"
                       "<tr><th scope=\"row\">Eens</th><td class=\"num\">84" + kPct + "</td></tr>\n"));
  CHECK(render::values_csv(t.m, t.ind, t.values) ==
        "round,indicator,group,breakdown,category,measure,value,note\n"
        "2024,tevredenheid,gezinnen,,oneens,value,8,\n"
        "2024,tevredenheid,gezinnen,,eens,value,84,\n"
        "2024,tevredenheid,gezinnen,,neutraal,value,,niet gegeven\n");
}

TEST_CASE("an answer removed by disclosure control is not called niet gegeven", "[tables]") {
  TableModel t("percent");
  without_neutraal(t);
  t.m.suppressed_cells.insert(model::cell_key("2024", "tevredenheid", "gezinnen", "", "neutraal", "value"));
  CHECK(!contains(t.table(), "niet gegeven"));
  CHECK(render::values_csv(t.m, t.ind, t.values).find("niet gegeven") == std::string::npos);
}

TEST_CASE("the CSV download writes whole numbers without decimals", "[tables]") {
  TableModel t("count");
  t.add("oneens", 1650);
  t.add("eens", 0);
  CHECK(render::values_csv(t.m, t.ind, t.values) ==
        "round,indicator,group,breakdown,category,measure,value,note\n"
        "2024,tevredenheid,gezinnen,,oneens,value,1650,\n"
        "2024,tevredenheid,gezinnen,,eens,value,0,\n");
}

TEST_CASE("a table row with stories links to them, named for screen readers", "[tables][stories]") {
  TableModel t("percent");
  t.add("oneens", 10);
  t.add("eens", 90);
  model::Quote q;
  q.id = "q1";
  q.round = "2024";
  q.group = "gezinnen";
  q.text = "Het ging goed.";
  q.links = {"tevredenheid:eens"};
  t.m.quotes = {q, q};
  t.m.quotes[1].id = "q2";
  t.m.indicators = {t.ind};
  stats::StoryIndex index(t.m);
  const stats::StoryLinks links{index, "../../"};
  auto s = stats::summarize(t.m, t.ind, t.values);
  std::string html = render::chart_table(t.m, t.ind, s.charts[0], &links);
  CHECK(contains(html, "<th scope=\"col\">Percentage</th><th scope=\"col\">Verhalen</th></tr></thead>"));
  CHECK(contains(html, "<tr><th scope=\"row\">Oneens</th><td class=\"num\">10" + kPct + "</td><td></td></tr>"));
  CHECK(contains(html, "<tr><th scope=\"row\">Eens &lt;ja&gt;</th><td class=\"num\">90" + kPct +
                           "</td><td><a href=\"../../verhalen/indicator/tevredenheid/index.html#verhalen-2024_gezinnen_eens\">"
                           "2 verhalen<span class=\"visually-hidden\"> bij Eens &lt;ja&gt;</span></a></td></tr>"));
  // Without stories behind any row, the column is left out.
  t.m.quotes.clear();
  stats::StoryIndex none(t.m);
  const stats::StoryLinks no_links{none, "../../"};
  CHECK_FALSE(contains(render::chart_table(t.m, t.ind, s.charts[0], &no_links), "Verhalen"));
}

TEST_CASE("a table of mentions says in how many of the stories, never a share of people", "[tables]") {
  TableModel t("count");
  t.ind.type = model::IndicatorType::kChoice;
  t.ind.multiple = true;
  t.add("oneens", 30);
  t.add("eens", 12);
  t.add("", 40);
  t.store.back().measure = "n";
  std::string html = t.table();
  CHECK(contains(html, "<th scope=\"col\">Keer genoemd</th><th scope=\"col\">Genoemd in</th>"));
  CHECK(contains(html, "<tr><th scope=\"row\">Oneens</th><td class=\"num\">30</td><td class=\"num\">30 van de 40 verhalen</td></tr>"));
  CHECK(!contains(html, kPct));
}
