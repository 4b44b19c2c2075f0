// Non-text contrast of the charts (WCAG 1.4.11, which axe-core does not check): every
// mark that carries data stands out 3:1 from the white chart background, by its fill or by
// its outline, and text drawn in the charts keeps 4.5:1 against what it sits on. The
// contrast formula is WCAG 2.1's own (relative luminance, (L1 + 0.05) / (L2 + 0.05)),
// written out here independently of charts::text_colour_on.
#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include "charts/native_svg.h"
#include "charts/vega_lite.h"

namespace {

using namespace duiding;
using model::IndicatorType;
using nlohmann::json;

struct Rgb {
  double r, g, b;  // 0-1
};

Rgb parse(const std::string& hex) {
  if (hex == "white") return {1, 1, 1};
  REQUIRE(hex.size() == 7);
  REQUIRE(hex[0] == '#');
  auto at = [&](int i) { return std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0; };
  return {at(0), at(1), at(2)};
}

// `c` drawn with `opacity` over white.
Rgb over_white(Rgb c, double opacity) {
  return {c.r * opacity + (1 - opacity), c.g * opacity + (1 - opacity), c.b * opacity + (1 - opacity)};
}

double luminance(Rgb c) {
  auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrast(Rgb a, Rgb b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const Rgb kWhite{1, 1, 1};

struct Charts {
  model::Model m;
  std::deque<model::Value> store;

  model::Indicator& add(std::string id, IndicatorType type, std::string unit, std::vector<model::Category> cats = {}) {
    model::Indicator ind;
    ind.id = id;
    ind.title = "Titel " + id;
    ind.type = type;
    ind.unit = std::move(unit);
    ind.groups = {"gezinnen"};
    ind.categories = std::move(cats);
    m.indicators.push_back(ind);
    return m.indicators.back();
  }
  void value(const std::string& ind, std::string round, std::string category, double v, std::string measure = "value",
             std::string group = "gezinnen") {
    model::Value val;
    val.indicator = ind;
    val.round = std::move(round);
    val.group = std::move(group);
    val.category = std::move(category);
    val.measure = std::move(measure);
    val.value = v;
    store.push_back(val);
  }
  std::vector<json> specs() {
    std::vector<json> out;
    for (const auto& ind : m.indicators) {
      std::vector<const model::Value*> values;
      for (const auto& v : store)
        if (v.indicator == ind.id) values.push_back(&v);
      for (const auto& c : stats::summarize(m, ind, values).charts) out.push_back(charts::spec(m, ind, c));
    }
    return out;
  }
};

// One chart of every kind; the likert one with seven answers (the widest palette in use),
// the choice one over four rounds (one bar colour per round).
Charts every_kind() {
  Charts c;
  c.m.site.groups = {{"gezinnen", "Gezinnen"}};
  for (const char* r : {"2021", "2022", "2023", "2024"}) c.m.rounds.push_back({r, std::string("Ronde ") + r, "", "", ""});
  c.m.points = {{"2024", "rol", "gezinnen", 0.2, 0.3, 0.5}, {"2024", "rol", "gezinnen", 0.6, 0.2, 0.2}};
  std::vector<model::Category> seven;
  for (int i = 0; i < 7; ++i) seven.push_back({"c" + std::to_string(i), "Antwoord " + std::to_string(i)});
  c.add("schaal", IndicatorType::kLikert, "percent", seven);
  for (int i = 0; i < 7; ++i) c.value("schaal", "2024", "c" + std::to_string(i), i == 3 ? 40 : 10);
  c.add("hulp", IndicatorType::kChoice, "percent", {{"a", "A"}, {"b", "B"}});
  for (const char* r : {"2021", "2022", "2023", "2024"}) {
    c.value("hulp", r, "a", 60);
    c.value("hulp", r, "b", 40);
  }
  c.add("gehoord", IndicatorType::kScale, "percent");
  c.value("gehoord", "2024", "50", 100);
  c.value("gehoord", "2024", "", 50, "mean");
  c.add("aspecten", IndicatorType::kAspects, "count", {{"tijd", "Tijd"}});
  c.value("aspecten", "2024", "tijd", 12, "count");
  c.value("aspecten", "2024", "tijd", 4.5, "importance");
  c.value("aspecten", "2024", "tijd", 3.2, "experience");
  c.add("rol", IndicatorType::kTriad, "percent").corners = {"Ik", "Wij", "Zij"};
  auto& kosten = c.add("kosten", IndicatorType::kSeries, "eur");
  kosten.groups = {};
  c.value("kosten", "2023", "", 100, "value", "");
  c.value("kosten", "2024", "", 120, "value", "");
  return c;
}

double number_or(const json& mark, const char* key, double fallback) {
  return mark.is_object() && mark.contains(key) ? mark[key].get<double>() : fallback;
}

// Every colour a layer paints data with, and how it stands out from white.
void check_layer(const json& layer, const std::string& where) {
  json mark = layer["mark"];
  std::string type = mark.is_string() ? mark.get<std::string>() : mark["type"].get<std::string>();
  const json enc = layer.value("encoding", json::object());
  std::vector<std::string> colours;
  if (mark.is_object() && mark.contains("color")) colours.push_back(mark["color"]);
  if (enc.contains("color") && enc["color"].contains("scale") && enc["color"]["scale"].is_object())
    for (const auto& c : enc["color"]["scale"]["range"]) colours.push_back(c);
  // Vega-Lite draws points and circles at opacity 0.7 unless told otherwise.
  double opacity = number_or(mark, "opacity", type == "circle" || type == "point" ? 0.7 : 1.0);
  double fill_opacity = number_or(mark, "fillOpacity", 1.0) * opacity;
  double stroke_opacity = number_or(mark, "strokeOpacity", 1.0) * opacity;
  std::optional<Rgb> stroke;
  if (mark.is_object() && mark.contains("stroke")) stroke = over_white(parse(mark["stroke"]), stroke_opacity);

  for (const auto& colour : colours) {
    INFO(where << ": " << type << " mark in " << colour);
    if (type == "text") {
      CHECK(contrast(over_white(parse(colour), opacity), kWhite) >= 4.5);
    } else if (type == "line" || type == "rule") {
      CHECK(contrast(over_white(parse(colour), stroke_opacity), kWhite) >= 3.0);
    } else {
      double by_fill = contrast(over_white(parse(colour), fill_opacity), kWhite);
      double by_outline = stroke ? contrast(*stroke, kWhite) : 0;
      INFO("fill " << by_fill << ":1, outline " << by_outline << ":1");
      CHECK(std::max(by_fill, by_outline) >= 3.0);
    }
  }
}

}  // namespace

TEST_CASE("the contrast formula gives WCAG's reference ratios", "[contrast]") {
  CHECK(contrast(parse("#000000"), kWhite) == Approx(21.0));
  CHECK(contrast(kWhite, kWhite) == Approx(1.0));
  CHECK(contrast(parse("#767676"), kWhite) == Approx(4.54).epsilon(0.005));  // the usual lightest grey for text
}

TEST_CASE("every data mark of every kind of chart stands out 3:1 from the background", "[contrast]") {
  Charts c = every_kind();
  auto specs = c.specs();
  REQUIRE(specs.size() >= 6);
  for (const auto& spec : specs) {
    std::string where = spec.value("description", std::string{}).substr(0, 60);
    if (spec.contains("layer")) {
      for (const auto& layer : spec["layer"]) check_layer(layer, where);
    } else {
      check_layer(spec, where);
    }
  }
}

TEST_CASE("every colour of the answer palettes stands out 3:1 by itself or by the segment outline", "[contrast]") {
  Charts c = every_kind();
  json likert = c.specs().front();
  json bar = likert["layer"][0]["mark"];
  REQUIRE(bar["type"] == "bar");
  // The colours that cannot stand out by themselves: the outline must carry them.
  int light = 0;
  for (std::size_t n = 1; n <= 9; ++n) {
    for (const auto& colour : charts::diverging_palette(n)) {
      if (contrast(parse(colour), kWhite) >= 3.0) continue;
      ++light;
      INFO(n << " answers, colour " << colour << " needs the segment outline");
      REQUIRE(bar.contains("stroke"));
      CHECK(contrast(parse(bar["stroke"]), kWhite) >= 3.0);
      CHECK(number_or(bar, "strokeWidth", 0) >= 0.5);
    }
  }
  CHECK(light > 0);  // the pale middle answers (#f7f7f7, #fee0b6, ...) are such colours
  // And the static SVG as drawn: every segment whose fill is below 3:1 has that outline.
  std::string svg = charts::native_svg(likert);
  std::regex segment(R"re(<path d="M[^"]*" fill="(#[0-9a-f]{6})"(?: stroke="(#[0-9a-f]{6})" stroke-width="([0-9.]+)")?)re");
  int segments = 0, outlined = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), segment); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    ++segments;
    if (contrast(parse(m[1]), kWhite) >= 3.0) continue;
    INFO("segment filled " << m[1] << " in the drawn SVG");
    REQUIRE(m[2].matched);
    CHECK(contrast(parse(m[2]), kWhite) >= 3.0);
    CHECK(std::stod(m[3]) >= 0.5);
    ++outlined;
  }
  CHECK(segments >= 3);
  CHECK(outlined >= 1);
}

TEST_CASE("segment labels keep 4.5:1 against their segment's colour in every palette", "[contrast]") {
  for (std::size_t n = 1; n <= 9; ++n) {
    for (const auto& colour : charts::diverging_palette(n)) {
      std::string text = charts::text_colour_on(colour);
      INFO(n << " answers: " << text << " on " << colour);
      CHECK(contrast(parse(text), parse(colour)) >= 4.5);
    }
  }
}

TEST_CASE("the likert spec paints each label in the text colour of its own segment", "[contrast]") {
  Charts c = every_kind();
  json likert = c.specs().front();
  json colours = likert["layer"][0]["encoding"]["color"]["scale"];
  for (const auto& v : likert["data"]["values"]) {
    std::string answer = v["antwoord"];
    std::string fill;
    for (std::size_t i = 0; i < colours["domain"].size(); ++i)
      if (colours["domain"][i] == answer) fill = colours["range"][i];
    INFO(answer << ": " << v["tekstkleur"] << " on " << fill);
    REQUIRE(!fill.empty());
    CHECK(contrast(parse(v["tekstkleur"]), parse(fill)) >= 4.5);
  }
}

namespace {

// The value of custom property `name` (a #rrggbb colour) inside `block` of duiding.css.
std::string css_colour(const std::string& block, const std::string& name) {
  std::smatch m;
  REQUIRE(std::regex_search(block, m, std::regex(name + R"(:\s*(#[0-9a-fA-F]{6})\s*;)")));
  return m[1];
}

// The rules of duiding.css's dark mode: from its @media line to the end of the file.
std::string dark_block() {
  std::ifstream in(std::string(DUIDING_TEST_DATA) + "/../site-templates/assets/duiding.css");
  REQUIRE(in);
  std::string css((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = css.find("@media screen and (prefers-color-scheme: dark)");
  REQUIRE(at != std::string::npos);
  return css.substr(at);
}

std::string rule_colour(const std::string& block, const std::string& selector) {
  std::smatch m;
  REQUIRE(std::regex_search(block, m, std::regex(std::regex_replace(selector, std::regex(R"([.])"), R"(\.)") +
                                                 R"(\s*\{\s*color:\s*(#[0-9a-fA-F]{6}))")));
  return m[1];
}

}  // namespace

TEST_CASE("dark mode keeps text and links 4.5:1 on the page and on the tinted boxes", "[contrast][dark]") {
  const std::string dark = dark_block();
  const Rgb paper = parse(css_colour(dark, "--duiding-paper")), tint = parse(css_colour(dark, "--duiding-tint"));
  for (const char* token : {"--duiding-ink", "--duiding-muted", "--duiding-accent-dark", "--utrecht-link-visited-color",
                            "--utrecht-link-hover-color"}) {
    INFO(token);
    const Rgb text = parse(css_colour(dark, token));
    CHECK(contrast(text, paper) >= 4.5);
    CHECK(contrast(text, tint) >= 4.5);
  }
  for (const char* verdict : {".verdict-higher", ".verdict-lower"}) {
    INFO(verdict);
    CHECK(contrast(parse(rule_colour(dark, verdict)), paper) >= 4.5);
    CHECK(contrast(parse(rule_colour(dark, verdict)), tint) >= 4.5);
  }
  // Header and menu: white text on their dark backgrounds.
  CHECK(contrast(kWhite, parse(css_colour(dark, "--utrecht-page-header-background-color"))) >= 4.5);
  CHECK(contrast(kWhite, parse(css_colour(dark, "--utrecht-nav-bar-background-color"))) >= 4.5);
  // The small trend charts draw in currentColor (accent-dark, muted axis): 3:1 at least on
  // the tile (WCAG 1.4.11), which the 4.5:1 above already gives.
  // The notes ("Wat de bron niet in cijfers geeft", the fictional-data banner) turn dark.
  const Rgb note = parse(css_colour(dark, "--duiding-note"));
  CHECK(contrast(parse(css_colour(dark, "--duiding-ink")), note) >= 4.5);
  CHECK(contrast(parse(css_colour(dark, "--duiding-accent-dark")), note) >= 4.5);
  // A worked value of the formula, computed separately in Python with WCAG 2.1's definition:
  // #ebeef1 on #15191d is 15.17:1 (the CSS comment says 15:1).
  CHECK(contrast(parse("#ebeef1"), parse("#15191d")) == Approx(15.0).margin(0.6));
}
