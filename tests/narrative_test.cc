// The narrative check (generator/validate/narrative.h): a number of people below min_cell
// in author-written text is a warning at its file, line and column, unless a reviewed
// exception lists it. Expected positions are counted by hand from the texts below.
#include <catch2/catch.hpp>

#include "validate/narrative.h"

namespace {

using namespace duiding;

std::vector<std::string> phrases(const std::string& text, int min_cell = 5) {
  std::vector<std::string> out;
  for (const auto& h : validate::scan_narrative(text, min_cell)) out.push_back(h.phrase);
  return out;
}

model::Model with_page(const std::string& markdown) {
  model::Model m;
  m.site.min_cell = 5;
  m.pages.push_back({"over", "Over", markdown, {"voorbeeld/data/pages/over.md", 1, 1}});
  return m;
}

}  // namespace

TEST_CASE("a small number of people in digits or Dutch words is found with its line and column", "[narrative]") {
  auto hits = validate::scan_narrative("# Over\nIn 2024 deden maar vier gezinnen mee.\nEn 3 andere ouders.", 5);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].phrase == "vier gezinnen");
  CHECK(hits[0].number == 4);
  CHECK(hits[0].line == 2);
  CHECK(hits[0].column == 20);
  CHECK(hits[1].phrase == "3 andere ouders");
  CHECK(hits[1].line == 3);
  CHECK(hits[1].column == 4);
  CHECK(phrases("één medewerker vertelde") == std::vector<std::string>{"één medewerker"});
  CHECK(phrases("twee van de jongeren") == std::vector<std::string>{"twee van de jongeren"});
}

TEST_CASE("shares, descriptions, references and numbers of at least min_cell are not head counts",
          "[narrative]") {
  CHECK(phrases("4 % van de gezinnen").empty());
  CHECK(phrases("4,5 gezinnen gemiddeld").empty());
  CHECK(phrases("gezinnen met twee kinderen").empty());
  CHECK(phrases("26 gezinnen één kind").empty());
  CHECK(phrases("Figuur 1 deelt de jeugdigen in").empty());
  CHECK(phrases("vijf gezinnen").empty());
  CHECK(phrases("vijf gezinnen", 6) == std::vector<std::string>{"vijf gezinnen"});
  CHECK(phrases("3 procent) vinden dat gezinnen").empty());
  CHECK(phrases("4 producten, 800 kinderen").empty());
  CHECK(phrases("een plan voor het gezin").empty());
}

TEST_CASE("a reviewed exception accepts its phrase in its file, and an unused one is reported", "[narrative]") {
  model::Model m = with_page("# Over\nmaar vier gezinnen\n");
  {
    diag::Diagnostics diag;
    validate::check_narrative(m, {}, "data/site.json", "data/rounds.csv", diag);
    REQUIRE(diag.warning_count() == 1);
    CHECK(diag::format(diag.sorted()[0], duiding::msg::Lang::kEn).rfind("voorbeeld/data/pages/over.md:2:6: warning: 'vier gezinnen' names 4 people", 0) == 0);
  }
  {
    diag::Diagnostics diag;
    std::vector<validate::NarrativeOk> ok{{"data/pages/over.md", "vier gezinnen", "fictief voorbeeld", {"ok.csv", 2, 1}}};
    validate::check_narrative(m, ok, "data/site.json", "data/rounds.csv", diag);
    CHECK(diag.warning_count() == 0);
  }
  {
    diag::Diagnostics diag;
    std::vector<validate::NarrativeOk> ok{{"data/pages/ander.md", "vier gezinnen", "fictief", {"ok.csv", 2, 1}}};
    validate::check_narrative(m, ok, "data/site.json", "data/rounds.csv", diag);
    CHECK(diag.warning_count() == 2);  // the phrase, and the exception that matches nothing
  }
}
