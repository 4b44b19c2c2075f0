// indicators/<id>.json (docs/data-format.md, "indicators/<id>.json").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
using Messages = std::vector<std::string>;

model::Site test_site() {
  model::Site s;
  s.title = "T";
  s.organisation = "O";
  s.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
  s.sections = {{"kern", "Kern", ""}, {"organisatie", "Organisatie", ""}};
  return s;
}

struct Result {
  std::optional<model::Indicator> indicator;
  Messages messages;
};

Result read_indicator(const std::string& file_id, const std::string& json) {
  diag::Diagnostics diag;
  Result r;
  auto doc = load::parse_json("indicators/" + file_id + ".json", json, diag);
  REQUIRE(doc);
  r.indicator = validate::indicator(*doc, file_id, test_site(), diag);
  for (const auto& d : diag.sorted()) r.messages.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return r;
}

}  // namespace

TEST_CASE("a likert indicator is read with all its keys", "[indicators]") {
  auto r = read_indicator("tevredenheid", R"({
  "id": "tevredenheid",
  "title": "Tevredenheid",
  "question": "Hoe tevreden bent u?",
  "group_questions": {"medewerkers": "Hoe tevreden zijn gezinnen?"},
  "section": "kern",
  "type": "likert",
  "unit": "percent",
  "categories": [{"id": "ontevreden", "label": "Ontevreden"}, {"id": "tevreden", "label": "Tevreden"}],
  "positive": ["tevreden"],
  "headline": "is tevreden",
  "order": 2,
  "description": "Uitleg",
  "data_note": "Alleen in woorden",
  "source": "Impactmeting 2024, figuur 5"
})");
  CHECK(r.messages.empty());
  REQUIRE(r.indicator);
  const auto& ind = *r.indicator;
  CHECK(ind.id == "tevredenheid");
  CHECK(ind.type == model::IndicatorType::kLikert);
  CHECK(ind.unit == "percent");
  CHECK(ind.section == "kern");
  CHECK(ind.groups == std::vector<std::string>{"gezinnen", "medewerkers"});  // default: all groups
  REQUIRE(ind.categories.size() == 2);
  CHECK(ind.categories[1].id == "tevreden");
  CHECK(ind.category_index("tevreden") == 1);
  CHECK(ind.category_label("ontevreden") == "Ontevreden");
  CHECK(ind.positive == std::vector<std::string>{"tevreden"});
  CHECK(ind.headline == "is tevreden");
  CHECK(ind.order == Approx(2));
  CHECK(ind.question_for("gezinnen") == "Hoe tevreden bent u?");
  CHECK(ind.question_for("medewerkers") == "Hoe tevreden zijn gezinnen?");
  CHECK(ind.data_note == "Alleen in woorden");
  CHECK(ind.source == "Impactmeting 2024, figuur 5");
  CHECK(ind.pos.file == "indicators/tevredenheid.json");
}

TEST_CASE("a series takes a series unit and may be about no group", "[indicators]") {
  auto r = read_indicator("kosten", R"({"id": "kosten", "title": "Kosten", "section": "organisatie",
                                        "type": "series", "unit": "eur", "groups": []})");
  CHECK(r.messages.empty());
  REQUIRE(r.indicator);
  CHECK(r.indicator->groups.empty());
  CHECK(r.indicator->unit == "eur");
}

TEST_CASE("a triad has three corner labels", "[indicators]") {
  auto r = read_indicator("rol", R"({"id": "rol", "title": "Rol", "section": "kern", "type": "triad",
                                     "unit": "percent", "corners": ["Ik", "Wij", "Zij"]})");
  CHECK(r.messages.empty());
  REQUIRE(r.indicator);
  CHECK(r.indicator->corners == std::vector<std::string>{"Ik", "Wij", "Zij"});
}

TEST_CASE("wrong keys of an indicator are errors at those keys", "[indicators]") {
  auto r = read_indicator("tevredenheid", R"({
  "id": "anders",
  "title": "T",
  "section": "onbekend",
  "type": "likert",
  "unit": "eur",
  "groups": ["gezinnen", "ouders"],
  "categories": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}],
  "multiple": true,
  "positive": ["b"],
  "group_questions": {"medewerkers": "?"}
})");
  CHECK_FALSE(r.indicator);
  CHECK(r.messages ==
        Messages{
            "indicators/tevredenheid.json:2:3: error: 'id' is 'anders' but the file is named "
            "'tevredenheid.json'; they must be equal",
            "indicators/tevredenheid.json:4:3: error: section 'onbekend' is not one of the sections in "
            "data/site.json (kern, organisatie)",
            "indicators/tevredenheid.json:6:3: error: unit 'eur' does not fit type 'likert'; expected one of "
            "count, percent",
            "indicators/tevredenheid.json:7:26: error: unknown group 'ouders'; data/site.json has gezinnen, "
            "medewerkers",
            "indicators/tevredenheid.json:8:46: error: category id 'a' appears twice",
            "indicators/tevredenheid.json:9:3: warning: 'multiple' only applies to type 'choice' and is ignored",
            "indicators/tevredenheid.json:10:16: error: positive category \"b\" is not one of this indicator's "
            "categories",
            "indicators/tevredenheid.json:11:23: error: group_questions names 'medewerkers', which is not one "
            "of this indicator's groups",
        });
}

TEST_CASE("a choice question needs its categories", "[indicators]") {
  auto r = read_indicator("keuze", "{\n  \"id\": \"keuze\",\n  \"title\": \"K\",\n  \"section\": \"kern\",\n"
                                   "  \"type\": \"choice\",\n  \"unit\": \"count\"\n}\n");
  CHECK_FALSE(r.indicator);
  CHECK(r.messages == Messages{"indicators/keuze.json:1:1: error: missing required key 'categories'"});
}

TEST_CASE("an unknown type lists the types there are", "[indicators]") {
  auto r = read_indicator("x", "{\n  \"id\": \"x\",\n  \"title\": \"X\",\n  \"section\": \"kern\",\n"
                               "  \"type\": \"taart\",\n  \"unit\": \"count\"\n}\n");
  CHECK_FALSE(r.indicator);
  CHECK(r.messages == Messages{"indicators/x.json:5:3: error: unknown type 'taart'; expected one of likert, "
                               "choice, scale, aspects, triad, series"});
}

TEST_CASE("a triad's corners are exactly three labels", "[indicators]") {
  auto r = read_indicator("rol", "{\n  \"id\": \"rol\",\n  \"title\": \"R\",\n  \"section\": \"kern\",\n"
                                 "  \"type\": \"triad\",\n  \"unit\": \"percent\",\n  \"corners\": [\"Ik\", \"Wij\"]\n}\n");
  CHECK_FALSE(r.indicator);
  CHECK(r.messages == Messages{"indicators/rol.json:7:3: error: 'corners' must be a list of three labels [a, b, c]"});
}

TEST_CASE("a headline needs the positive categories it counts", "[indicators]") {
  auto r = read_indicator("k", "{\n  \"id\": \"k\",\n  \"title\": \"K\",\n  \"section\": \"kern\",\n"
                               "  \"type\": \"choice\",\n  \"unit\": \"count\",\n"
                               "  \"categories\": [{\"id\": \"ja\", \"label\": \"Ja\"}],\n"
                               "  \"headline\": \"zegt ja\"\n}\n");
  CHECK_FALSE(r.indicator);
  CHECK(r.messages == Messages{"indicators/k.json:8:3: error: 'headline' needs 'positive': the categories it counts"});
}

TEST_CASE("the units of the series type are the documented ones", "[indicators]") {
  using model::IndicatorType;
  CHECK(validate::units_for(IndicatorType::kLikert) == std::vector<std::string>{"count", "percent"});
  CHECK(validate::units_for(IndicatorType::kSeries) ==
        std::vector<std::string>{"eur", "fte", "persons", "count", "percent", "months", "hours", "days"});
}

TEST_CASE("a reference group names one of the indicator's groups", "[indicators]") {
  const std::string head =
      "{\n  \"id\": \"wijk\",\n  \"title\": \"W\",\n  \"section\": \"kern\",\n  \"type\": \"choice\",\n"
      "  \"unit\": \"percent\",\n  \"categories\": [{\"id\": \"oost\", \"label\": \"Oost\"}],\n";
  auto ok = read_indicator("wijk", head + "  \"reference_group\": \"medewerkers\"\n}");
  REQUIRE(ok.indicator);
  CHECK(ok.indicator->reference_group == "medewerkers");
  CHECK(ok.messages.empty());

  auto bad = read_indicator("wijk", head + "  \"groups\": [\"gezinnen\"],\n  \"reference_group\": \"medewerkers\"\n}");
  CHECK_FALSE(bad.indicator);
  CHECK(bad.messages == Messages{"indicators/wijk.json:9:3: error: reference_group 'medewerkers' is not one of "
                                 "this indicator's groups"});
}
