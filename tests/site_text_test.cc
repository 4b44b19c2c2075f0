// The site's catalogue (generator/text/site.catalogue): every message has Dutch words
// using exactly its arguments, counts pick the Dutch singular or plural, and every message
// is shown by some page.
#include "text/site_text.h"

#include <catch2/catch.hpp>

#include "catalogue_checks.h"

#include <string>

namespace txt = duiding::txt;
namespace msg = duiding::msg;

TEST_CASE("every site message has Dutch words that use exactly its arguments", "[site-text]") {
  REQUIRE(txt::catalogue().size() > 10);
  for (const msg::Entry& e : txt::catalogue()) duiding::test::check_forms(e, "nl");
}

TEST_CASE("every message of the site's catalogue is used by the program, and no id occurs twice", "[site-text]") {
  duiding::test::check_all_used(txt::catalogue(), "txt");
}

// The Dutch forms below are the ones of the Woordenlijst (verhaal/verhalen, pagina/pagina's):
// the singular for exactly one, the plural for zero and for more than one.
TEST_CASE("a Dutch count says verhaal for one and verhalen for any other number", "[site-text][plural]") {
  CHECK(txt::verhalen(1) == "1 verhaal");
  CHECK(txt::verhalen(0) == "0 verhalen");
  CHECK(txt::verhalen(2) == "2 verhalen");
  CHECK(txt::verhalen(21) == "21 verhalen");
  CHECK(txt::indicatoren_aantal(1) == "1 indicator");
  CHECK(txt::indicatoren_aantal(7) == "7 indicatoren");
}

TEST_CASE("a count inside a sentence also picks the verb's number", "[site-text][plural]") {
  // "is 1 van de 12 toetsen significant" but "zijn 3 van de 12 toetsen significant".
  CHECK(txt::van_de_toetsen(1, 12) == "is 1 van de 12 toetsen");
  CHECK(txt::van_de_toetsen(3, 12) == "zijn 3 van de 12 toetsen");
  CHECK(txt::significante_veranderingen(9, 1).find("laat er 1 een") != std::string::npos);
  CHECK(txt::significante_veranderingen(9, 2).find("laten er 2 een") != std::string::npos);
  CHECK(txt::geen_significante_verandering(1).find("(1 vergelijking getoetst)") != std::string::npos);
  CHECK(txt::geen_significante_verandering(4).find("(4 vergelijkingen getoetst)") != std::string::npos);
}

TEST_CASE("a site message fills in its named arguments in the order of its words", "[site-text]") {
  CHECK(txt::pagina_van(2, 6) == "Pagina 2 van 6");
  CHECK(txt::van_tot_en_met(21, 40) == "21 tot en met 40");
  CHECK(txt::verhalen_van_facet("groep", "gezinnen") == "Verhalen: groep gezinnen");
}

// Neither built site has a round that measured only some of its indicators, so the
// rapportage's sentence for one is checked here, against its wording before it moved into
// the catalogue (render/rapportage.cc).
TEST_CASE("a rapportage names how many of the round's indicators it measured", "[site-text]") {
  CHECK(txt::rapportage_gemeten("2025", 7, 9) ==
        "In 2025 zijn 7 van de 9 indicatoren van de meting gemeten; de andere staan erin als niet gemeten in 2025.");
}

// The reason a change is not tested, with its count: "1 waarneming" but "0" or "3
// waarnemingen" (the Woordenlijst's plural), as stats/compare.cc wrote it before the
// catalogue.
TEST_CASE("too few observations say waarneming for one and waarnemingen otherwise", "[site-text][plural]") {
  CHECK(txt::reden_te_weinig_waarnemingen("Meting 2023", 1, 5) == "Meting 2023 heeft 1 waarneming, minder dan 5");
  CHECK(txt::reden_te_weinig_waarnemingen("Meting 2023", 0, 5) == "Meting 2023 heeft 0 waarnemingen, minder dan 5");
  CHECK(txt::reden_te_weinig_waarnemingen("Meting 2023", 3, 10) == "Meting 2023 heeft 3 waarnemingen, minder dan 10");
}

// Neither built site has a triangle whose mean is computed from its answers, so that
// sentence of a chart's summary is checked here against its wording before it moved into
// the catalogue (charts/summary_text.cc).
TEST_CASE("a triangle's computed mean says so in its summary", "[site-text]") {
  CHECK(txt::driehoek_gemiddelde_berekend("tijd", "40 %", "geld", "30 %", "aandacht", "30 %") ==
        "Gemiddelde (berekend uit de antwoorden): tijd 40 %, geld 30 %, aandacht 30 %.");
  CHECK(txt::driehoek_gemiddelde("tijd", "40 %", "geld", "30 %", "aandacht", "30 %") ==
        "Gemiddelde: tijd 40 %, geld 30 %, aandacht 30 %.");
}

// Neither built site has a headline share without n, so the interval text of its chart is
// checked here against its wording before it moved into the catalogue
// (charts/comparison_chart.cc).
TEST_CASE("a share's interval without n says it cannot be computed", "[site-text]") {
  CHECK(txt::niet_te_berekenen_n_onbekend() == "niet te berekenen (n onbekend)");
  CHECK(txt::interval_tot("40 %", "52 %") == "40 % tot 52 %");
}
