// Disclosure control (generator/stats/disclosure.h): counts below min_cell are suppressed
// everywhere the site publishes numbers, with complementary suppression.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "build/pipeline.h"
#include "render/disclosure_note.h"
#include "stats/disclosure.h"
#include "validate/validate.h"
#include "write/output.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DUIDING_TEST_DATA) / "fixtures";
const fs::path kHome = fs::path(DUIDING_TEST_DATA).parent_path();

model::Model load_fixture(const fs::path& source) {
  diag::Diagnostics diag;
  auto m = validate::load_source(source, diag);
  for (const auto& d : diag.sorted()) UNSCOPED_INFO(diag::format(d, duiding::msg::Lang::kEn));
  REQUIRE(m);
  return *m;
}

bool published(const std::map<std::string, std::string>& files, const std::string& needle,
               std::string& where) {
  for (const auto& [name, text] : files) {
    if (text.find(needle) != std::string::npos) {
      where = name;
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("a count of 3 under min_cell 5 and the cell that would give it away are in no "
          "page, CSV, JSON or spec",
          "[disclosure]") {
  model::Model m = load_fixture(kFixtures / "disclosure");
  write::MemoryOutput out;
  build::build(m, kHome, out);
  std::string where;
  // aanmelding: huisarts 3 (below 5), school 8 (next smallest), wijkteam 12, zelf 20.
  for (const char* gone : {"Doorverwezen door huisarts", "Doorverwezen door school", "huisarts,",
                           "school,"}) {
    INFO(gone);
    CHECK_FALSE(published(out.files, gone, where));
    INFO(where);
  }
  std::string csv;
  for (const auto& [name, text] : out.files)
    if (name.size() > 14 && name.substr(name.size() - 14) == "aanmelding.csv") csv = text;
  REQUIRE_FALSE(csv.empty());
  CHECK(csv.find(",3") == std::string::npos);
  CHECK(csv.find(",8") == std::string::npos);
  CHECK(csv.find("wijkteam") != std::string::npos);
  // The shares of what is left keep the base of all 43 answers: 12 of 43 is 27.9 %, not
  // 12 of 32 (37.5 %). 3 + 8 = 43 - 12 - 20 is known, 3 on its own is not.
  CHECK(published(out.files, "27,9", where));
  CHECK_FALSE(published(out.files, "37,5", where));
  // tevredenheid: medewerkers rest on n = 3: their shares go; Dorp (n = 4) goes whole.
  CHECK_FALSE(published(out.files, "66,7", where));
  CHECK_FALSE(published(out.files, "33,3", where));
  CHECK_FALSE(published(out.files, "Dorp", where));
  // Zuid goes whole (else 43 - 30 - 9 = 4 gives Dorp's n back): its n, and its shares,
  // since 77,8 % and 22,2 % (one decimal) fit no n up to 13 but 9.
  CHECK_FALSE(published(out.files, "77,8", where));
  CHECK_FALSE(published(out.files, "22,2", where));
  CHECK(published(out.files, "83,3", where));
  // The page says that numbers were left out, and why.
  CHECK(published(out.files, "1 getal wordt niet getoond omdat het op minder dan 5 personen berust; 1 ander "
                             "getal is weggelaten", where));
  CHECK(where.find("aanmelding/index.html") != std::string::npos);
}

TEST_CASE("duiding check lists each suppression with its file, line and reason", "[disclosure]") {
  model::Model m = load_fixture(kFixtures / "disclosure");
  auto safe = stats::disclosure::protect(m);
  REQUIRE(safe.suppressions.size() == 11);
  CHECK(stats::disclosure::describe(safe.suppressions[0]) ==
        "data/samples.csv: suppressed: n of round '2024', group 'medewerkers'; n = minder dan 5 (min_cell)");
  const std::string values = m.values.front().pos.file;  // as messages name it
  CHECK(stats::disclosure::describe(safe.suppressions[1]) ==
        values + ":2: suppressed: indicator 'aanmelding', round '2024', group 'gezinnen', category "
                 "'huisarts', measure 'value'; aantal kleiner dan 5 (min_cell)");
  CHECK(stats::disclosure::describe(safe.suppressions[2]) ==
        values + ":3: suppressed: indicator 'aanmelding', round '2024', group 'gezinnen', category "
                 "'school', measure 'value'; aanvullend onderdrukt: anders is een onderdrukte cel af te "
                 "leiden uit het totaal");
  // Story links ask the protected model.
  CHECK(safe.suppressed("aanmelding", "gezinnen", "2024", "", "huisarts"));
  CHECK_FALSE(safe.suppressed("aanmelding", "gezinnen", "2024", "", "zelf"));
  CHECK(safe.suppressed("tevredenheid", "gezinnen", "2024", "wijk=Dorp", "tevreden"));
  CHECK(safe.suppressed("tevredenheid", "gezinnen", "2024", "wijk=Zuid", "tevreden"));
  CHECK_FALSE(safe.suppressed("tevredenheid", "gezinnen", "2024", "wijk=Noord", "tevreden"));
  CHECK(safe.audit.ok());
  CHECK(safe.suppressed("tevredenheid", "medewerkers", "2024", "", "tevreden"));
  CHECK(safe.model.sample("2024", "medewerkers") == nullptr);
}

TEST_CASE("the fictional example hides Buitengebied (n = 4) and the staff of 2022 (n = 3)",
          "[disclosure]") {
  model::Model m = load_fixture(kHome / "examples" / "voorbeeldgemeente");
  auto safe = stats::disclosure::protect(m);
  for (const auto& v : safe.model.values) {
    CHECK(v.breakdown.find("Buitengebied") == std::string::npos);
    CHECK_FALSE((v.round == "2022" && v.group == "medewerkers"));
  }
  CHECK(safe.model.sample("2022", "medewerkers") == nullptr);
  CHECK(safe.model.sample("2022", "gezinnen") != nullptr);
}

TEST_CASE("a round withheld for too few respondents gets 'te weinig waarnemingen' in the comparison",
          "[disclosure][compare]") {
  model::Model m = load_fixture(kHome / "examples" / "voorbeeldgemeente");
  auto safe = stats::disclosure::protect(m);
  const auto& withheld = safe.model.withheld_rounds.at("tevredenheid-ondersteuning");
  CHECK(withheld == std::vector<std::pair<std::string, std::string>>{{"2022", "medewerkers"}});
  write::MemoryOutput out;
  build::build(m, kHome, out);
  const std::string& page = out.files.at("kernindicatoren/tevredenheid-ondersteuning/index.html");
  CHECK(page.find("Impactmeting 2022 (nulmeting): <span class=\"verdict verdict-too-few\">") != std::string::npos);
  auto stats = nlohmann::json::parse(out.files.at("kernindicatoren/tevredenheid-ondersteuning/tevredenheid-ondersteuning.stats.json"));
  bool found = false;
  for (const auto& g : stats["shares"])
    if (g["group"] == "medewerkers") found = g["withheld_rounds"][0]["verdict"] == "too-few";
  CHECK(found);
}

TEST_CASE("the page note says how many numbers were left out and why", "[disclosure]") {
  model::Model m = load_fixture(kFixtures / "disclosure");
  auto safe = stats::disclosure::protect(m);
  CHECK(render::disclosure_note(safe.of("aanmelding"), 5) ==
        "<p class=\"disclosure-note\"><strong>Niet alle cijfers worden getoond.</strong> 1 getal wordt "
        "niet getoond omdat het op minder dan 5 personen berust; 1 ander getal is weggelaten omdat een "
        "verborgen getal anders uit het totaal terug te rekenen is. Zo blijft niemand herkenbaar.</p>\n");
  CHECK(render::disclosure_note({}, 5).empty());
}
