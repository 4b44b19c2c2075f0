// data/site.json (docs/data-format.md, "data/site.json").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "validate/fields.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
using Messages = std::vector<std::string>;

struct Result {
  std::optional<model::Site> site;
  Messages messages;
};

Result read_site(const std::string& json) {
  diag::Diagnostics diag;
  Result r;
  auto doc = load::parse_json("site.json", json, diag);
  REQUIRE(doc);
  r.site = validate::site(*doc, diag);
  for (const auto& d : diag.sorted()) r.messages.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return r;
}

}  // namespace

TEST_CASE("a minimal site.json gets the documented defaults", "[site]") {
  auto r = read_site(R"({"title": "Impactmeting", "organisation": "Gemeente Groningen",
                         "groups": [{"id": "gezinnen", "label": "Gezinnen"}]})");
  CHECK(r.messages.empty());
  REQUIRE(r.site);
  CHECK(r.site->title == "Impactmeting");
  CHECK(r.site->organisation == "Gemeente Groningen");
  CHECK(r.site->language == "nl");
  CHECK(r.site->min_cell == 5);
  CHECK_FALSE(r.site->fictional);
  CHECK(r.site->sections.empty());
  CHECK(r.site->base_url.empty());
  REQUIRE(r.site->groups.size() == 1);
  CHECK(r.site->groups[0].id == "gezinnen");
  CHECK(r.site->groups[0].label == "Gezinnen");
}

TEST_CASE("every optional key of site.json is read", "[site]") {
  auto r = read_site(R"({
  "title": "T",
  "organisation": "O",
  "language": "en",
  "base_url": "https://example.org/",
  "min_cell": 10,
  "fictional": true,
  "description": "**Intro**",
  "footer": "Bron: *meting*",
  "groups": [{"id": "a", "label": "A"}, {"id": "b-2", "label": "B"}],
  "sections": [{"id": "kern", "title": "Kern", "description": "Over *kern*"}, {"id": "org", "title": "Org"}]
})");
  CHECK(r.messages.empty());
  REQUIRE(r.site);
  CHECK(r.site->language == "en");
  CHECK(r.site->base_url == "https://example.org/");
  CHECK(r.site->min_cell == 10);
  CHECK(r.site->fictional);
  CHECK(r.site->description == "**Intro**");
  CHECK(r.site->footer == "Bron: *meting*");
  REQUIRE(r.site->groups.size() == 2);
  CHECK(r.site->groups[1].id == "b-2");
  REQUIRE(r.site->sections.size() == 2);
  CHECK(r.site->sections[0].id == "kern");
  CHECK(r.site->sections[0].title == "Kern");
  CHECK(r.site->sections[0].description == "Over *kern*");
  CHECK(r.site->sections[1].description.empty());
}

TEST_CASE("missing required keys are errors at the object", "[site]") {
  auto r = read_site("{\n  \"groups\": []\n}\n");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{
                          "site.json:1:1: error: missing required key 'title'",
                          "site.json:1:1: error: missing required key 'organisation'",
                          "site.json:2:3: error: 'groups' must be a list [ ... ] of objects with at least one item",
                      });
}

TEST_CASE("wrong values in site.json are errors at their keys", "[site]") {
  auto r = read_site(R"({
  "title": 5,
  "organisation": "",
  "min_cell": 2,
  "fictional": "ja",
  "groups": [
    {"id": "Gezinnen", "label": "G"},
    {"id": "a", "label": "A"},
    {"id": "a", "label": "B"},
    {"label": "zonder id"}
  ],
  "kleur": "rood"
})");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{
                          "site.json:2:3: error: 'title' must be a string in double quotes",
                          "site.json:3:3: error: 'organisation' is empty",
                          "site.json:4:3: error: 'min_cell' is 2; expected a whole number of at least 3",
                          "site.json:5:3: error: 'fictional' must be true or false",
                          "site.json:7:6: error: id 'Gezinnen' may only hold a-z, 0-9 and '-' and must start with a letter or digit (lower case only, so no two ids "
      "name the same file on Windows or macOS)",
                          "site.json:9:6: error: groups id 'a' appears twice",
                          "site.json:10:5: error: missing required key 'id'",
                          "site.json:12:3: warning: unknown key 'kleur' is ignored",
                      });
}

TEST_CASE("min_cell must be a whole number", "[site]") {
  auto r = read_site(R"({"title": "T", "organisation": "O", "min_cell": 4.5, "groups": [{"id": "a", "label": "A"}]})");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{"site.json:1:37: error: 'min_cell' is 4.5; expected a whole number of at least 3"});
}

TEST_CASE("a section needs a title and an unknown section key is a warning", "[site]") {
  auto r = read_site(R"({
  "title": "T",
  "organisation": "O",
  "groups": [{"id": "a", "label": "A"}],
  "sections": [
    {"id": "kern", "titel": "Kern"}
  ]
})");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{
                          "site.json:6:5: error: missing required key 'title'",
                          "site.json:6:20: warning: unknown key 'titel' is ignored",
                      });
}

TEST_CASE("site.json must hold an object", "[site]") {
  auto r = read_site("[1, 2]");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{"site.json:1:1: error: expected a JSON object { ... }"});
}

TEST_CASE("theme and accessibility are read from site.json", "[site][theme]") {
  auto r = read_site(R"({"title": "T", "organisation": "O", "groups": [{"id": "a", "label": "A"}],
  "theme": {"tokens": "voorbeeld", "class": "mijn-thema",
            "properties": {"--utrecht-link-color": "#00568b", "--duiding-chart-color": "#1f5f8b",
                           "--utrecht-document-font-family": "\"Fira Sans\", Arial, sans-serif"}},
  "accessibility": {"contact_email": "a11y@gemeente.nl", "contact_url": "https://gemeente.nl/a11y", "date": "2024-09-30"}})");
  CHECK(r.messages.empty());
  REQUIRE(r.site);
  CHECK(r.site->theme.tokens == "voorbeeld");
  CHECK(r.site->theme.class_name == "mijn-thema");
  CHECK(r.site->theme.properties.size() == 3);
  CHECK(r.site->theme.properties.at("--utrecht-document-font-family") == "\"Fira Sans\", Arial, sans-serif");
  CHECK(r.site->accessibility.contact_email == "a11y@gemeente.nl");
  CHECK(r.site->accessibility.contact_url == "https://gemeente.nl/a11y");
  CHECK(r.site->accessibility.date == "2024-09-30");
}

TEST_CASE("without a theme the site uses the Utrecht tokens and no overrides", "[site][theme]") {
  auto r = read_site(R"({"title": "T", "organisation": "O", "groups": [{"id": "a", "label": "A"}]})");
  REQUIRE(r.site);
  CHECK(r.site->theme.tokens == "utrecht");
  CHECK(r.site->theme.class_name.empty());
  CHECK(r.site->theme.properties.empty());
  CHECK(r.site->accessibility.date.empty());
}

TEST_CASE("theme values that could break out of the CSS file or fail contrast are errors", "[site][theme]") {
  auto r = read_site(R"json({"title": "T", "organisation": "O", "groups": [{"id": "a", "label": "A"}],
  "theme": {"tokens": "groningen", "class": "9x",
            "properties": {"color": "red", "--a": "red; } body { display: none",
                           "--b": "url(https://elders.example/x.png)",
                           "--duiding-chart-color": "#fdb863", "--duiding-chart-text-color": "#777777"}}})json");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{
                          "site.json:2:13: error: theme 'tokens' is 'groningen'; expected one of 'utrecht', 'voorbeeld'",
                          "site.json:2:36: error: theme 'class' '9x' must start with a-z and hold only a-z, 0-9, '-' and '_'",
                          "site.json:3:28: error: theme property 'color' must be a CSS custom property: '--' then a-z, 0-9, '-' or '_'",
                          "site.json:3:44: error: theme property '--a' has value 'red; } body { display: none'; ';' is not allowed in it",
                          "site.json:4:28: error: theme property '--b' has value 'url(https://elders.example/x.png)'; 'url(' is not allowed in it (the site loads nothing from elsewhere)",
                          "site.json:5:28: error: theme property '--duiding-chart-color' has value '#fdb863'; its contrast with white is 1.72:1; charts need at least 3:1",
                          "site.json:5:64: error: theme property '--duiding-chart-text-color' has value '#777777'; its contrast with white is 4.48:1; charts need at least 4.5:1",
                      });
}

TEST_CASE("accessibility contact and date must be well formed", "[site][a11y]") {
  auto r = read_site(R"({"title": "T", "organisation": "O", "groups": [{"id": "a", "label": "A"}],
  "accessibility": {"contact_email": "geen-adres", "contact_url": "www.gemeente.nl", "date": "30-09-2024"}})");
  CHECK_FALSE(r.site);
  CHECK(r.messages == Messages{
                          "site.json:2:21: error: 'contact_email' is 'geen-adres'; expected an e-mail address like naam@gemeente.nl",
                          "site.json:2:52: error: 'contact_url' is 'www.gemeente.nl'; expected an address starting with https://",
                          "site.json:2:86: error: 'date' is '30-09-2024'; expected a date as YYYY-MM-DD",
                      });
}

// Issue 15: `language` was unchecked, `2024-02-31` was a date, and `foo(` in a theme
// property swallowed every later CSS declaration.
TEST_CASE("language is a BCP 47 tag, dates are calendar dates, theme values are balanced", "[site][issue15]") {
  auto r = read_site(R"J({"title": "T", "organisation": "O", "language": "nl_NL",
 "groups": [{"id": "a", "label": "A"}],
 "theme": {"properties": {"--x": "foo(", "--y": "calc(1px + 2px)", "--z": "'open"}},
 "accessibility": {"date": "2024-02-31"}})J");
  CHECK(r.messages == Messages{
                          "site.json:1:37: error: 'language' is 'nl_NL'; expected a language tag such as nl, nl-NL or "
                          "fy-NL (BCP 47)",
                          "site.json:3:27: error: theme property '--x' has value 'foo('; a parenthesis '(' is never closed",
                          "site.json:3:68: error: theme property '--z' has value ''open'; a string opened with ' is never "
                          "closed",
                          "site.json:4:20: error: 'date' is '2024-02-31'; expected a date as YYYY-MM-DD"});
  for (const char* tag : {"nl", "nl-NL", "fy-NL", "sr-Latn-RS", "es-419", "de-CH-1901"})
    CHECK(validate::is_language_tag(tag));
  for (const char* tag : {"", "n", "nederlands", "nl-", "nl_NL", "nl-NL-x", "12"}) CHECK_FALSE(validate::is_language_tag(tag));
  CHECK(validate::is_iso_date("2024-02-29"));
  CHECK_FALSE(validate::is_iso_date("2023-02-29"));
  CHECK_FALSE(validate::is_iso_date("2024-04-31"));
  CHECK(validate::is_iso_date("2000-02-29"));
  CHECK_FALSE(validate::is_iso_date("1900-02-29"));
}
