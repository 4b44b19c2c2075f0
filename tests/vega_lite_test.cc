// Vega-Lite specs, one golden file per chart kind in tests/golden/<kind>.vl.json, built
// from the small model below and compared after canonical dumping (nlohmann dump(2)).
//
// To regenerate the golden files after an intended change to the charts:
//   DUIDING_UPDATE_GOLDEN=1 ./build/tests/duiding_tests "[golden]"
// then read the diff (git diff tests/golden) and check that every data value is still
// exactly the number of the model below before committing.
#include "charts/vega_lite.h"
#include "charts/native_svg.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace duiding;
using model::IndicatorType;
using nlohmann::json;
namespace fs = std::filesystem;

// One indicator per chart kind, with numbers that are easy to check by hand.
struct ChartModel {
  model::Model m;
  std::deque<model::Value> store;

  ChartModel() {
    m.site.groups = {{"gezinnen", "Gezinnen"}};
    m.rounds = {{"2024", "Impactmeting 2024", "", "", ""}};
    m.points = {{"2024", "rol", "gezinnen", 0.2, 0.3, 0.5}, {"2024", "rol", "gezinnen", 0.6, 0.2, 0.2}};
  }

  model::Indicator& add(std::string id, IndicatorType type, std::string unit,
                              std::vector<model::Category> categories = {}) {
    model::Indicator ind;
    ind.id = std::move(id);
    ind.title = "Titel " + ind.id;
    ind.type = type;
    ind.unit = std::move(unit);
    ind.groups = {"gezinnen"};
    ind.categories = std::move(categories);
    m.indicators.push_back(ind);
    return m.indicators.back();
  }

  void value(const std::string& ind, std::string round, std::string category, double v,
             std::string measure = "value", std::string group = "gezinnen") {
    model::Value val;
    val.indicator = ind;
    val.round = std::move(round);
    val.group = std::move(group);
    val.category = std::move(category);
    val.measure = std::move(measure);
    val.value = v;
    store.push_back(val);
  }

  // The first chart of indicator `id` and its spec.
  std::pair<stats::ChartData, json> chart(const std::string& id) {
    const model::Indicator* ind = nullptr;
    for (const auto& i : m.indicators)
      if (i.id == id) ind = &i;
    REQUIRE(ind != nullptr);
    std::vector<const model::Value*> values;
    for (const auto& v : store)
      if (v.indicator == id) values.push_back(&v);
    auto s = stats::summarize(m, *ind, values);
    REQUIRE_FALSE(s.charts.empty());
    return {s.charts.front(), charts::spec(m, *ind, s.charts.front())};
  }

  // The same with the stories of `m.quotes` linked from an indicator page.
  json chart_with_stories(const std::string& id) {
    stats::StoryIndex index(m);
    const stats::StoryLinks links{index, "../../"};
    auto [chart, plain] = this->chart(id);
    for (const auto& i : m.indicators)
      if (i.id == id) return charts::spec(m, i, chart, &links);
    return plain;
  }

  void quote(std::string id, std::string link) {
    model::Quote q;
    q.id = std::move(id);
    q.round = "2024";
    q.group = "gezinnen";
    q.text = "Verhaal " + q.id;
    q.links = {std::move(link)};
    m.quotes.push_back(q);
  }
};

ChartModel build_model() {
  ChartModel cm;
  cm.add("tevredenheid", IndicatorType::kLikert, "percent",
         {{"zeer-oneens", "Zeer oneens"}, {"oneens", "Oneens"}, {"neutraal", "Neutraal"}, {"eens", "Eens"},
          {"zeer-eens", "Zeer eens"}});
  for (auto [c, v] : std::vector<std::pair<std::string, double>>{
           {"zeer-oneens", 4}, {"oneens", 4}, {"neutraal", 46}, {"eens", 38}, {"zeer-eens", 8}})
    cm.value("tevredenheid", "2024", c, v);

  cm.add("hulp", IndicatorType::kChoice, "percent", {{"wijkteam", "Wijkteam"}, {"huisarts", "Huisarts"}, {"school", "School"}});
  cm.value("hulp", "2024", "wijkteam", 30);
  cm.value("hulp", "2024", "huisarts", 55);
  cm.value("hulp", "2024", "school", 15);

  cm.add("gehoord", IndicatorType::kScale, "percent");
  cm.value("gehoord", "2024", "0", 5);
  cm.value("gehoord", "2024", "50", 20);
  cm.value("gehoord", "2024", "100", 35);
  cm.value("gehoord", "2024", "", 72.5, "mean");

  cm.add("aspecten", IndicatorType::kAspects, "count", {{"tijd", "Tijd"}, {"geld", "Geld"}});
  cm.value("aspecten", "2024", "tijd", 12, "count");
  cm.value("aspecten", "2024", "tijd", 4.5, "importance");
  cm.value("aspecten", "2024", "tijd", 3.2, "experience");
  cm.value("aspecten", "2024", "geld", 7, "count");
  cm.value("aspecten", "2024", "geld", 3.8, "importance");
  cm.value("aspecten", "2024", "geld", 4.1, "experience");

  cm.add("gekozen", IndicatorType::kAspects, "count", {{"tijd", "Tijd"}, {"geld", "Geld"}, {"rust", "Rust"}});
  cm.value("gekozen", "2024", "tijd", 12, "count");
  cm.value("gekozen", "2024", "geld", 7, "count");
  cm.value("gekozen", "2024", "rust", 20, "count");

  auto& rol = cm.add("rol", IndicatorType::kTriad, "percent");
  rol.corners = {"Ik", "Wij", "Zij"};
  cm.value("rol", "2024", "a", 40);
  cm.value("rol", "2024", "b", 25);
  cm.value("rol", "2024", "c", 35);

  auto& kosten = cm.add("kosten", IndicatorType::kSeries, "eur");
  kosten.groups = {};
  cm.value("kosten", "2019", "", 2850000, "value", "");
  cm.value("kosten", "2020", "", 3020000, "value", "");
  cm.value("kosten", "2021", "", 3400000, "value", "");
  return cm;
}

// Compares `spec` with tests/golden/<kind>.vl.json, or rewrites the file when
// DUIDING_UPDATE_GOLDEN=1.
void check_golden(const std::string& kind, const json& spec) {
  fs::path file = fs::path(DUIDING_TEST_DATA) / "golden" / (kind + ".vl.json");
  const char* update = std::getenv("DUIDING_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << spec.dump(2) << "\n";
    WARN("rewrote " << file.string());
    return;
  }
  std::ifstream in(file, std::ios::binary);
  INFO("golden file " << file.string() << " (regenerate with DUIDING_UPDATE_GOLDEN=1)");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  CHECK(json::parse(text.str()).dump(2) == spec.dump(2));
}

// The data values of the layer (or spec) that holds field `field`.
json data_of(const json& spec, std::size_t layer = 0) {
  if (spec.contains("data")) return spec["data"]["values"];
  return spec["layer"][layer]["data"]["values"];
}

}  // namespace

TEST_CASE("golden Vega-Lite spec: likert", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("tevredenheid");
  REQUIRE(chart.kind == stats::ChartKind::kLikert);
  check_golden("likert", spec);
}

TEST_CASE("golden Vega-Lite spec: choice", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("hulp");
  REQUIRE(chart.kind == stats::ChartKind::kChoice);
  check_golden("choice", spec);
}

TEST_CASE("golden Vega-Lite spec: histogram with mean", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("gehoord");
  REQUIRE(chart.kind == stats::ChartKind::kHistogram);
  check_golden("histogram", spec);
}

TEST_CASE("golden Vega-Lite spec: scatter", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("aspecten");
  REQUIRE(chart.kind == stats::ChartKind::kScatter);
  check_golden("scatter", spec);
}

TEST_CASE("golden Vega-Lite spec: count bars", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("gekozen");
  REQUIRE(chart.kind == stats::ChartKind::kCountBars);
  check_golden("count-bars", spec);
}

TEST_CASE("golden Vega-Lite spec: triad", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("rol");
  REQUIRE(chart.kind == stats::ChartKind::kTriad);
  check_golden("triad", spec);
}

TEST_CASE("golden Vega-Lite spec: series", "[vega][golden]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("kosten");
  REQUIRE(chart.kind == stats::ChartKind::kSeries);
  check_golden("series", spec);
}

TEST_CASE("likert segments are stacked from 0 by share", "[vega]") {
  auto cm = build_model();
  auto spec = cm.chart("tevredenheid").second;
  json values = data_of(spec);
  REQUIRE(values.size() == 5);
  const double from[] = {0, 4, 8, 54, 92}, to[] = {4, 8, 54, 92, 100};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("segment " << i);
    CHECK(values[i]["van"].get<double>() == Approx(from[i]));
    CHECK(values[i]["tot"].get<double>() == Approx(to[i]));
    CHECK(values[i]["midden"].get<double>() == Approx((from[i] + to[i]) / 2));
  }
  CHECK(values[2]["antwoord"] == "Neutraal");
  CHECK(values[0]["tekst"] == "");  // under 10 %: no label inside the bar
  CHECK(values[4]["tekst"] == "");  // 8 % too (issue 13: too narrow on a phone)
  CHECK(values[2]["tekst"] == "46\u00a0%");
}

TEST_CASE("a triad places a point at (b + c/2, c * sqrt(3)/2)", "[vega]") {
  auto cm = build_model();
  auto spec = cm.chart("rol").second;
  const double h = std::sqrt(3.0) / 2;
  json points, mean;
  for (const auto& layer : spec["layer"]) {
    if (layer["mark"]["type"] == "circle") points = layer["data"]["values"];
    if (layer["mark"]["type"] == "point") mean = layer["data"]["values"];
  }
  REQUIRE(points.size() == 2);
  CHECK(points[0]["x"].get<double>() == Approx(0.55));
  CHECK(points[0]["y"].get<double>() == Approx(0.5 * h));
  CHECK(points[1]["x"].get<double>() == Approx(0.3));
  CHECK(points[1]["y"].get<double>() == Approx(0.2 * h));
  REQUIRE(mean.size() == 1);  // given shares 40/25/35
  CHECK(mean[0]["x"].get<double>() == Approx(0.425));
  CHECK(mean[0]["y"].get<double>() == Approx(0.35 * h));
}

TEST_CASE("every spec names Vega-Lite v6, a Dutch locale and its own description", "[vega]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("tevredenheid");
  CHECK(spec["$schema"] == "https://vega.github.io/schema/vega-lite/v6.json");
  CHECK(spec["config"]["locale"]["number"]["decimal"] == ",");
  CHECK(spec["config"]["locale"]["number"]["thousands"] == ".");
  // The fixture's shares as a screen reader hears them (written out, not computed).
  const std::string pct = "\u00a0%";
  CHECK(spec["description"] == "Titel tevredenheid, gezinnen, Impactmeting 2024: zeer oneens 4" + pct + "; oneens 4" +
                                   pct + "; neutraal 46" + pct + "; eens 38" + pct + "; zeer eens 8" + pct + ".");
}

TEST_CASE("the summary text names the chart and each of its numbers", "[vega]") {
  auto cm = build_model();
  auto [chart, spec] = cm.chart("tevredenheid");
  const std::string pct = "\u00a0%";
  CHECK(charts::summary_text(cm.m, cm.m.indicators[0], chart) ==
        "Titel tevredenheid, gezinnen, Impactmeting 2024: zeer oneens 4" + pct + "; oneens 4" + pct +
            "; neutraal 46" + pct + "; eens 38" + pct + "; zeer eens 8" + pct + ".");
}

TEST_CASE("the diverging palette is ColorBrewer PuOr, negative to positive", "[vega]") {
  CHECK(charts::diverging_palette(0).empty());
  CHECK(charts::diverging_palette(5) ==
        std::vector<std::string>{"#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"});
  CHECK(charts::diverging_palette(2) == std::vector<std::string>{"#f1a340", "#998ec3"});
  auto nine = charts::diverging_palette(9);
  REQUIRE(nine.size() == 9);
  CHECK(nine.front() == "#b35806");
  CHECK(nine.back() == "#542788");
}

TEST_CASE("text on a dark colour is white and on a light colour near-black", "[vega]") {
  CHECK(charts::text_colour_on("#000000") == "#ffffff");
  CHECK(charts::text_colour_on("#5e3c99") == "#ffffff");
  CHECK(charts::text_colour_on("#ffffff") == "#1a1a1a");
  CHECK(charts::text_colour_on("#fdb863") == "#1a1a1a");
}

TEST_CASE("a series' summary names the indicator once, then per jaar", "[vega]") {
  // A series chart's caption is the indicator's title, so "title, caption" read
  // "Titel kosten, titel kosten: ..." to screen readers and under the chart.
  auto cm = build_model();
  auto [chart, spec] = cm.chart("kosten");
  const std::string eur = "€\u00a0", mln = "\u00a0mln";
  CHECK(spec["description"] == "Titel kosten, per jaar: 2019 " + eur + "2,9" + mln + "; 2020 " + eur + "3" + mln + "; 2021 " +
                                   eur + "3,4" + mln + ".");
}

TEST_CASE("golden Vega-Lite spec: likert segments with stories link to them", "[vega][golden][stories]") {
  auto cm = build_model();
  cm.quote("q1", "tevredenheid:eens");
  cm.quote("q2", "tevredenheid:eens");
  cm.quote("q3", "tevredenheid:zeer-oneens");
  json spec = cm.chart_with_stories("tevredenheid");
  check_golden("likert-stories", spec);
  json values = data_of(spec);
  // zeer-oneens, oneens, neutraal, eens, zeer-eens
  std::vector<int> counts;
  for (const auto& v : values) counts.push_back(v["verhalen"]);
  CHECK(counts == std::vector<int>{1, 0, 0, 2, 0});
  CHECK(values[3]["verhalen_url"] == "../../verhalen/indicator/tevredenheid/index.html#verhalen-2024_gezinnen_eens");
  CHECK(values[3]["verhalen_tekst"] == "2 verhalen");
  CHECK(values[1]["verhalen_url"] == "");
  CHECK(spec["layer"][0]["encoding"]["href"] == json{{"field", "verhalen_url"}});
  CHECK(spec["layer"][1]["encoding"]["href"] == json{{"field", "verhalen_url"}});
}

TEST_CASE("golden Vega-Lite spec: histogram bins with stories link to them", "[vega][golden][stories]") {
  auto cm = build_model();
  cm.quote("q1", "gehoord:100");
  json spec = cm.chart_with_stories("gehoord");
  check_golden("histogram-stories", spec);
  json bins = spec["layer"][0]["data"]["values"];
  REQUIRE(bins.size() == 3);
  CHECK(bins[2]["score"] == 100);
  CHECK(bins[2]["verhalen"] == 1);
  CHECK(bins[0]["verhalen"] == 0);
  CHECK(spec["layer"][0]["encoding"]["tooltip"].back() == json{{"field", "verhalen_tekst"}, {"title", "Verhalen"}});
}

TEST_CASE("choice bars and aspects with stories link to them; charts without stay as they were", "[vega][stories]") {
  auto cm = build_model();
  cm.quote("q1", "hulp:school");
  cm.quote("q2", "aspecten:geld");
  json choice = cm.chart_with_stories("hulp");
  for (const auto& v : data_of(choice))
    CHECK(v["verhalen"] == (v["antwoord"] == "School" ? 1 : 0));
  json scatter = cm.chart_with_stories("aspecten");
  for (const auto& v : data_of(scatter)) CHECK(v["verhalen"] == (v["aspect"] == "Geld" ? 1 : 0));
  CHECK(scatter["layer"][0]["encoding"]["href"] == json{{"field", "verhalen_url"}});
  // No story behind any bar of "gekozen": the spec is the one without stories.
  CHECK(cm.chart_with_stories("gekozen") == cm.chart("gekozen").second);
}

TEST_CASE("a likert summary opens with the sums of the shown positive and negative shares", "[vega]") {
  auto cm = build_model();
  cm.m.indicators.front().positive = {"eens", "zeer-eens"};
  auto [chart, spec] = cm.chart("tevredenheid");
  std::string text = charts::summary_text(cm.m, cm.m.indicators.front(), chart);
  // 38 + 8 and 4 + 4 of the model above.
  CHECK(text.find(": 46\u00a0% eens of zeer eens, 8\u00a0% oneens of zeer oneens (sommen van de getoonde aandelen). "
                  "Per antwoord: zeer oneens 4\u00a0%;") != std::string::npos);
}

TEST_CASE("a likert summary names no sum for answers the chart does not show", "[vega]") {
  auto cm = build_model();
  cm.m.indicators.front().positive = {"eens", "zeer-eens"};
  cm.store.erase(std::remove_if(cm.store.begin(), cm.store.end(),
                                [](const model::Value& v) { return v.category == "oneens" || v.category == "zeer-oneens"; }),
                 cm.store.end());
  auto [chart, spec] = cm.chart("tevredenheid");
  std::string text = charts::summary_text(cm.m, cm.m.indicators.front(), chart);
  CHECK(text.find("eens of zeer eens (sommen van de getoonde aandelen).") != std::string::npos);
  CHECK(text.find("oneens of zeer oneens") == std::string::npos);
}

// The golden files are written by the code they check (DUIDING_UPDATE_GOLDEN), so each is
// also read here against the fixture's input (build_model above), written out by hand:
// a regenerated golden file with a wrong number fails this test.
namespace {

json golden(const std::string& kind) {
  std::ifstream in(fs::path(DUIDING_TEST_DATA) / "golden" / (kind + ".vl.json"));
  REQUIRE(in.good());
  return json::parse(in);
}

// `field` of every value in `values`, in order.
std::vector<double> numbers(const json& values, const char* field) {
  std::vector<double> out;
  for (const auto& v : values) out.push_back(v.at(field).get<double>());
  return out;
}

}  // namespace

TEST_CASE("the golden specs hold the fixture's numbers, written out by hand", "[vega][golden]") {
  using V = std::vector<double>;
  // Likert: shares 4, 4, 46, 38, 8 stacked from 0 to 100, light label on the dark end.
  json likert = golden("likert");
  CHECK(numbers(likert["data"]["values"], "aandeel") == V{4, 4, 46, 38, 8});
  CHECK(numbers(likert["data"]["values"], "van") == V{0, 4, 8, 54, 92});
  CHECK(numbers(likert["data"]["values"], "tot") == V{4, 8, 54, 92, 100});
  CHECK(likert["data"]["values"][4]["tekstkleur"] == "#ffffff");
  CHECK(likert["layer"][0]["encoding"]["x"]["scale"]["domain"] == json::array({0, 100}));
  // Choice: largest first, Huisarts 55, Wijkteam 30, School 15.
  json choice = golden("choice");
  CHECK(numbers(choice["data"]["values"], "waarde") == V{55, 30, 15});
  CHECK(choice["layer"][0]["encoding"]["y"]["sort"] == json::array({"Huisarts", "Wijkteam", "School"}));
  // Histogram: bins 0, 50, 100 with 5, 20, 35 and the mean 72,5.
  json histogram = golden("histogram");
  CHECK(numbers(data_of(histogram, 0), "score") == V{0, 50, 100});
  CHECK(numbers(data_of(histogram, 0), "waarde") == V{5, 20, 35});
  CHECK(numbers(data_of(histogram, 2), "gemiddelde") == V{72.5});
  // Scatter: Tijd (4,5; 3,2; 12 times), Geld (3,8; 4,1; 7 times).
  json scatter = golden("scatter");
  CHECK(numbers(scatter["data"]["values"], "belang") == V{4.5, 3.8});
  CHECK(numbers(scatter["data"]["values"], "ervaring") == V{3.2, 4.1});
  CHECK(numbers(scatter["data"]["values"], "gekozen") == V{12, 7});
  // Count bars: largest first, Rust 20, Tijd 12, Geld 7.
  CHECK(numbers(golden("count-bars")["data"]["values"], "waarde") == V{20, 12, 7});
  // Series: € 2,85, 3,02 and 3,4 million in 2019-2021, drawn in millions.
  CHECK(numbers(golden("series")["data"]["values"], "waarde") == V{2.85, 3.02, 3.4});
}

namespace {

// The layer of `spec` whose mark is `type` and whose data holds a value with `field`.
const json* layer_with(const json& spec, const std::string& type, const std::string& field) {
  for (const auto& l : spec["layer"])
    if (l["mark"]["type"] == type && l.contains("data") && !l["data"]["values"].empty() &&
        l["data"]["values"][0].contains(field))
      return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("a likert answer that is not given is a dashed white gap in its own place", "[vega]") {
  auto cm = build_model();
  // Without neutraal the given shares are 4 + 4 + 38 + 8 = 54: the gap is the 46 left over,
  // between oneens (4 to 8) and eens, which moves to 54 to 92.
  cm.store.erase(std::remove_if(cm.store.begin(), cm.store.end(), [](const model::Value& v) { return v.category == "neutraal"; }),
                 cm.store.end());
  auto [chart, spec] = cm.chart("tevredenheid");
  const json* gap = layer_with(spec, "bar", "aandeel_tekst");
  json main = data_of(spec);
  REQUIRE(main.size() == 4);
  CHECK(main[1]["antwoord"] == "Oneens");
  CHECK(main[1]["tot"] == 8);
  CHECK(main[2]["antwoord"] == "Eens");
  CHECK(main[2]["van"] == 54);
  CHECK(main[2]["tot"] == 92);
  REQUIRE(gap != nullptr);
  const json& g = (*gap)["data"]["values"][0];
  CHECK(g["antwoord"] == "Neutraal");
  CHECK(g["van"] == 8);
  CHECK(g["tot"] == 54);
  CHECK(g["aandeel"].is_null());  // never 0
  CHECK(g["aandeel_tekst"] == "niet gegeven");
  CHECK(g["tekst"] == "niet gegeven");
  // Readable without colour: a dashed dark outline on white, and a label.
  CHECK((*gap)["mark"]["fill"] == "#ffffff");
  CHECK((*gap)["mark"]["strokeDash"] == json::array({4, 3}));
  CHECK(layer_with(spec, "text", "midden") != nullptr);
  // The answer keeps its place in the legend.
  CHECK(spec["layer"][0]["encoding"]["color"]["scale"]["domain"][2] == "Neutraal");
  std::string text = charts::summary_text(cm.m, cm.m.indicators.front(), chart);
  CHECK(text.find("; neutraal niet gegeven; eens 38\u00a0%") != std::string::npos);
  CHECK(text.find("Niet gegeven: de bron geeft voor dat antwoord geen cijfer; in de grafiek een gestippeld wit vak op "
                  "zijn plaats (\"n.g.\" als het smal is), zo breed als wat de gegeven aandelen openlaten.") != std::string::npos);
  CHECK(text.find("De gegeven aandelen tellen op tot 54\u00a0%.") != std::string::npos);
}

TEST_CASE("a narrow likert gap is labelled n.g. and a gap with nothing left over has no width", "[vega]") {
  auto cm = build_model();
  cm.store.erase(std::remove_if(cm.store.begin(), cm.store.end(), [](const model::Value& v) { return v.category == "neutraal"; }),
                 cm.store.end());
  for (auto& v : cm.store)
    if (v.indicator == "tevredenheid" && v.category == "eens") v.value = 76;  // 4 + 4 + 76 + 8 = 92
  auto [chart, spec] = cm.chart("tevredenheid");
  const json& g = (*layer_with(spec, "bar", "aandeel_tekst"))["data"]["values"][0];
  CHECK(g["van"] == 8);
  CHECK(g["tot"] == 16);
  CHECK(g["tekst"] == "n.g.");
  for (auto& v : cm.store)
    if (v.indicator == "tevredenheid" && v.category == "eens") v.value = 84;  // 100 without neutraal
  auto [chart2, spec2] = cm.chart("tevredenheid");
  const json& g2 = (*layer_with(spec2, "bar", "aandeel_tekst"))["data"]["values"][0];
  CHECK(g2["van"] == 8);
  CHECK(g2["tot"] == 8);
  CHECK(g2["tekst"] == "");
}

TEST_CASE("a likert sum with a positive answer that is not given is not claimed", "[vega]") {
  auto cm = build_model();
  cm.m.indicators.front().positive = {"eens", "zeer-eens"};
  cm.store.erase(std::remove_if(cm.store.begin(), cm.store.end(), [](const model::Value& v) { return v.category == "zeer-eens"; }),
                 cm.store.end());
  auto [chart, spec] = cm.chart("tevredenheid");
  std::string text = charts::summary_text(cm.m, cm.m.indicators.front(), chart);
  CHECK(text.find("eens of zeer eens") == std::string::npos);
  CHECK(text.find("8\u00a0% oneens of zeer oneens") != std::string::npos);
}

TEST_CASE("a choice answer that is not given reads niet gegeven in its own slot, with no bar", "[vega]") {
  auto cm = build_model();
  cm.store.erase(std::remove_if(cm.store.begin(), cm.store.end(), [](const model::Value& v) { return v.category == "school"; }),
                 cm.store.end());
  auto [chart, spec] = cm.chart("hulp");
  json bars = data_of(spec);
  CHECK(bars.size() == 2);
  CHECK(spec["layer"][0]["encoding"]["y"]["sort"] == json::array({"Huisarts", "Wijkteam", "School"}));
  REQUIRE(spec["layer"].size() == 3);
  const json& gap = spec["layer"][2];
  CHECK(gap["mark"]["type"] == "text");
  CHECK(gap["encoding"]["x"]["datum"] == 0);
  CHECK(gap["data"]["values"][0]["antwoord"] == "School");
  CHECK(gap["data"]["values"][0]["tekst"] == "niet gegeven");
  CHECK(gap["data"]["values"][0]["waarde"].is_null());
}

TEST_CASE("mentions read as mentions in bar labels and the summary, never as a share of people", "[vega]") {
  auto cm = build_model();
  auto& ind = cm.add("genoemd", IndicatorType::kChoice, "count", {{"opvoeding", "Opvoeding"}, {"school", "School"}});
  ind.multiple = true;
  cm.value("genoemd", "2024", "opvoeding", 30);
  cm.value("genoemd", "2024", "school", 12);
  cm.value("genoemd", "2024", "", 40, "n");
  auto [chart, spec] = cm.chart("genoemd");
  CHECK(data_of(spec)[0]["tekst"] == "30 van 40");
  CHECK(spec["layer"][0]["encoding"]["x"]["title"] == "Keer genoemd");
  std::string text = charts::summary_text(cm.m, cm.m.indicators.back(), chart);
  CHECK(text.find("opvoeding genoemd in 30 van de 40 verhalen; school genoemd in 12 van de 40 verhalen") != std::string::npos);
  CHECK(text.find("%") == std::string::npos);
  // Without the question's own n: plain counts.
  cm.store.pop_back();
  auto [chart2, spec2] = cm.chart("genoemd");
  CHECK(data_of(spec2)[0]["tekst"] == "30");
  std::string text2 = charts::summary_text(cm.m, cm.m.indicators.back(), chart2);
  CHECK(text2.find("opvoeding 30 keer genoemd; school 12 keer genoemd") != std::string::npos);
}

// Issue 13: on a phone the legend read "Niet tevreden, niet o…" and the round labels took
// half the chart. Long labels now wrap, in the spec (a labelExpr Vega evaluates) and in
// the native drawing alike; widths worked by hand with Vega's estimate (10.4 px a 13 px
// character): "Niet tevreden, niet" is 197 px, over the legend's 180.
TEST_CASE("long legend and round labels wrap onto lines instead of being cut", "[vega-lite]") {
  ChartModel cm;
  cm.m.rounds = {{"2022", "Impactmeting 2022 (nulmeting)", "", "", "", ""}, {"2024", "Impactmeting 2024", "", "", "", ""}};
  cm.add("tevreden", IndicatorType::kLikert, "percent",
         {{"ontevreden", "Ontevreden"}, {"neutraal", "Niet tevreden, niet ontevreden"}, {"tevreden", "Tevreden"}});
  for (const char* round : {"2022", "2024"})
    for (auto [c, v] : std::vector<std::pair<std::string, double>>{{"ontevreden", 20}, {"neutraal", 30}, {"tevreden", 50}})
      cm.value("tevreden", round, c, v);
  auto [chart, spec] = cm.chart("tevreden");
  const json& legend = spec["layer"][0]["encoding"]["color"]["legend"];
  CHECK(legend["labelExpr"] ==
        "datum.label == 'Niet tevreden, niet ontevreden' ? ['Niet tevreden,', 'niet ontevreden'] : datum.label");
  const json& axis = spec["layer"][0]["encoding"]["y"]["axis"];
  // "Impactmeting 2022" is 176 px, over 130; "Impactmeting 2024" is one line of 176 px
  // too, so it wraps as well.
  CHECK(axis["labelExpr"].get<std::string>().find("['Impactmeting', '2022', '(nulmeting)']") != std::string::npos);
  CHECK(axis["labelLimit"] == 130);
  CHECK(axis["labelOffset"] == -15);
  for (double width : {charts::kWideWidth, charts::kNarrowWidth}) {
    const std::string svg = charts::native_svg(spec, width);
    CHECK(svg.find("\u2026") == std::string::npos);
    CHECK(svg.find("<tspan>Niet tevreden,</tspan><tspan x=\"0\" dy=\"15\">niet ontevreden</tspan>") != std::string::npos);
    CHECK(svg.find("<tspan>Impactmeting</tspan><tspan x=\"0\" dy=\"15\">2022</tspan>") != std::string::npos);
  }
}
