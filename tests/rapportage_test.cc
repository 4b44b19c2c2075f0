// The rapportage and factsheet of a round: key figures first, then "Wat is veranderd",
// and the dates pinned in a printed PDF. The fixture (tests/fixtures/rapportage, fictional)
// has 200 respondents per round and known changes into Meting 2024:
//   stijgt 30 % -> 60 %, daalt 70 % -> 40 %: two-proportion score test z = ±6,03,
//     p = 1,6e-9 (Python: math.erfc(6.0302/sqrt(2)); statsmodels proportions_ztest gives the
//     same); the 2x2 chi-square of the distribution is z² with the same p;
//   gelijk 50 % -> 52 %: z = 0,40, p = 0,689; stijgt 2022 -> 2023 30 % -> 30 %: p = 1.
// Benjamini-Hochberg over those 8 tests keeps the four tiny p-values below 0,05 and the
// four others at 0,689 or 1: exactly four significant comparisons, all into 2024, of the
// six that end in 2024.
// Wilson 95 % intervals (z = 1,959964, by hand in Python): 120/200 -> 53,08-66,54 %;
// 60/200 -> 24,07-36,68 %.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "build/pdf.h"
#include "build/pipeline.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;

const std::map<std::string, std::string>& site() {
  static const std::map<std::string, std::string> files = [] {
    diag::Diagnostics diag;
    auto m = validate::load_source(fs::path(DUIDING_TEST_DATA) / "fixtures" / "rapportage", diag);
    REQUIRE(m);
    write::MemoryOutput out;
    build::build(*m, fs::path(DUIDING_TEST_DATA).parent_path(), out, {.pdf = false});
    return out.files;
  }();
  return files;
}

const std::string& page(const std::string& path) {
  auto it = site().find(path);
  REQUIRE(it != site().end());
  return it->second;
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

const std::string kPct = "\u00a0%";  // a number and its % sign stay on one line

// The text between `from` and the next `to` after it.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  std::size_t a = text.find(from);
  if (a == std::string::npos) return "";
  std::size_t b = text.find(to, a);
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a rapportage opens with the key figures, then what changed, then its contents and parts", "[rapportage]") {
  const std::string& html = page("rapportage/2024/index.html");
  const std::size_t key = html.find("id=\"kerncijfers\"");
  const std::size_t changed = html.find("id=\"wat-is-veranderd\"");
  const std::size_t contents = html.find("id=\"inhoudsopgave\"");
  const std::size_t parts = html.find("class=\"rapportage-section\"");
  REQUIRE(key != std::string::npos);
  CHECK(key < changed);
  CHECK(changed < contents);
  CHECK(contents < parts);
  CHECK(contains(html, ">Kerncijfers Meting 2024</h2>"));
}

TEST_CASE("the key figures give the round's share with its Wilson interval and n, as the home page does",
          "[rapportage]") {
  const std::string key = between(page("rapportage/2024/index.html"), "id=\"kerncijfers\"", "</section>");
  const std::string stijgt = between(key, "<li class=\"headline\"><p class=\"figure\">60" + kPct, "</li>");
  REQUIRE_FALSE(stijgt.empty());
  CHECK(contains(stijgt, "95%-interval 53,1 tot 66,5" + kPct));
  CHECK(contains(stijgt, "n = 200"));
  CHECK(contains(stijgt, "significant hoger"));
  // The same card on the home page (the current round is 2024).
  CHECK(contains(page("index.html"), "95%-interval 53,1 tot 66,5" + kPct));
  // An earlier round's rapportage shows that round's figure, not the latest.
  const std::string key2023 = between(page("rapportage/2023/index.html"), "id=\"kerncijfers\"", "</section>");
  CHECK(contains(key2023, "<p class=\"figure\">30" + kPct + "</p>"));
  CHECK(contains(key2023, "95%-interval 24,1 tot 36,7" + kPct));
  CHECK_FALSE(contains(key2023, "<p class=\"figure\">60" + kPct + "</p>"));
}

TEST_CASE("a headline the source gives no figure for says so and shows no number", "[rapportage]") {
  const std::string key = between(page("rapportage/2024/index.html"), "id=\"kerncijfers\"", "</section>");
  const std::string card = between(key, "<li class=\"headline no-figure\">", "</li>");
  CHECK(contains(card, "De bron geeft voor Meting 2024 geen cijfer voor het kerncijfer (zegt ja)"));
  CHECK(contains(card, "Onvolledig"));
  CHECK_FALSE(contains(card, "%"));
}

TEST_CASE("what changed lists exactly the significant comparisons into the round, each with its test",
          "[rapportage]") {
  const std::string changed = between(page("rapportage/2024/index.html"), "id=\"wat-is-veranderd\"", "</section>");
  CHECK(count(changed, "<li>") == 4);
  CHECK(contains(changed, "Van de 6 vergelijkingen met de vorige meting laten er 4 een significante verandering zien"));
  CHECK(contains(changed, "<a href=\"#stijgt--\">Stijgend</a>, deelnemers: het aandeel dat zegt ja is gestegen van "
                          "30" + kPct + " in Meting 2023 naar 60" + kPct + " in Meting 2024 (+30 procentpunt); score-toets "
                          "voor het verschil van twee aandelen, p &lt; 0,001 na correctie voor het aantal toetsen."));
  CHECK(contains(changed, "<a href=\"#daalt--\">Dalend</a>, deelnemers: het aandeel dat zegt ja is gedaald van "
                          "70" + kPct + " in Meting 2023 naar 40" + kPct + " in Meting 2024 (-30 procentpunt)"));
  CHECK(count(changed, "de verdeling van de antwoorden is veranderd sinds Meting 2023; chi-kwadraattoets, "
                       "p &lt; 0,001 na correctie voor het aantal toetsen.") == 2);
  CHECK_FALSE(contains(changed, "Gelijk"));
  CHECK_FALSE(contains(changed, "Onvolledig"));
}

TEST_CASE("a round without a significant change says so plainly, and the first round that nothing came before",
          "[rapportage]") {
  const std::string second = between(page("rapportage/2023/index.html"), "id=\"wat-is-veranderd\"", "</section>");
  CHECK(contains(second, "Geen enkele vergelijking met de vorige meting laat een significante verandering zien "
                         "(2 vergelijkingen getoetst)."));
  CHECK_FALSE(contains(second, "<li>"));
  const std::string first = between(page("rapportage/2022/index.html"), "id=\"wat-is-veranderd\"", "</section>");
  CHECK(contains(first, "Meting 2022 is de eerste meting: er is geen eerdere meting om mee te vergelijken."));
}

TEST_CASE("a factsheet holds the key figures, what changed, at most four charts as SVG, source and the site link",
          "[factsheet]") {
  const std::string& html = page("factsheet/2024/index.html");
  CHECK(contains(html, "<title>Factsheet Meting 2024 · Proefmeting rapportage (fictief)</title>"));
  CHECK(html.find("id=\"kerncijfers\"") < html.find("id=\"wat-is-veranderd\""));
  CHECK(html.find("id=\"wat-is-veranderd\"") < html.find("id=\"in-beeld\""));
  // Three indicators have a 2024 figure (Onvolledig has none): three charts, each the
  // share per round, drawn as static SVG; no chart scripts.
  CHECK(count(html, "<figure class=\"factsheet-chart\">") == 3);
  CHECK(count(html, "<svg") >= 3);
  CHECK_FALSE(contains(html, "vega-embed.min.js"));
  CHECK_FALSE(contains(html, "data-spec="));
  CHECK(contains(html, "<a href=\"#stijgt--\">") == false);  // links go to the indicator pages
  CHECK(contains(html, "<a href=\"../../kern/stijgt/index.html\">Stijgend</a>, deelnemers: het aandeel"));
  CHECK(contains(html, "<a href=\"../../rapportage/2024/index.html\">Rapportage Meting 2024</a>"));
  CHECK(contains(html, "n = 200"));
}

TEST_CASE("a printed PDF's creation and modification dates are replaced by the given date, byte for byte",
          "[pdf]") {
  // As Chromium writes them (Skia/PDF m156): the info dictionary's two date strings.
  std::string pdf = "1 0 obj\n<</Title (x)\n/CreationDate (D:20261201182547+00'00')\n"
                    "/ModDate (D:20261201182547+01'00')>>\nendobj\nxref\n";
  const std::size_t size = pdf.size();
  CHECK(build::pin_pdf_dates(pdf, "20240614000000") == 2);
  CHECK(pdf == "1 0 obj\n<</Title (x)\n/CreationDate (D:20240614000000+00'00')\n"
               "/ModDate (D:20240614000000+00'00')>>\nendobj\nxref\n");
  CHECK(pdf.size() == size);
  std::string none = "no dates here";
  CHECK(build::pin_pdf_dates(none, "20240614000000") == 0);
}

TEST_CASE("links a PDF makes to the folder it was printed from are rewritten and the cross-reference table follows",
          "[pdf]") {
  // Offsets worked out by hand: "%PDF-1.4\n" is 9 bytes, so object 1 starts at 9; object 1
  // is 8 + 28 + 7 = 43 bytes, so object 2 starts at 52; object 2 is 20 bytes, so the
  // table starts at 72. "file:///s/" (10 bytes) becomes "../../" (6): object 2 moves to
  // 48 and the table to 68.
  std::string pdf =
      "%PDF-1.4\n"
      "1 0 obj\n<</URI (file:///s/a.html)>>\nendobj\n"
      "2 0 obj\n<<>>\nendobj\n"
      "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
      "trailer\n<</Size 3>>\nstartxref\n72\n%%EOF\n";
  CHECK(build::relink_pdf(pdf, "file:///s/", "../../") == 1);
  CHECK(pdf ==
        "%PDF-1.4\n"
        "1 0 obj\n<</URI (../../a.html)>>\nendobj\n"
        "2 0 obj\n<<>>\nendobj\n"
        "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000048 00000 n \n"
        "trailer\n<</Size 3>>\nstartxref\n68\n%%EOF\n");
  CHECK(pdf.substr(48, 7) == "2 0 obj");
  CHECK(pdf.substr(68, 4) == "xref");
  // Nothing to replace, or no table: the PDF stays as it is.
  std::string other = "%PDF-1.4\nno links\n";
  CHECK(build::relink_pdf(other, "file:///s/", "../../") == 0);
  CHECK(other == "%PDF-1.4\nno links\n");
}

TEST_CASE("a round's rapportage shows only charts with that round's figures, never an earlier round's alone",
          "[rapportage]") {
  // The fictional example asks families about the aspects of support in 2022, 2023 and
  // 2024 and staff in 2023 and 2024: one chart per group and round on the indicator page.
  diag::Diagnostics diag;
  auto m = validate::load_source(fs::path(DUIDING_TEST_DATA).parent_path() / "examples" / "voorbeeldgemeente", diag);
  REQUIRE(m);
  write::MemoryOutput out;
  build::build(*m, fs::path(DUIDING_TEST_DATA).parent_path(), out, {.pdf = false});
  const std::string& in2024 = out.files.at("rapportage/2024/index.html");
  const std::string& in2023 = out.files.at("rapportage/2023/index.html");
  const std::string& page = out.files.at("kernindicatoren/aspecten-ondersteuning/index.html");
  const std::string chart = "id=\"aspecten-ondersteuning--spec-";
  CHECK(contains(in2024, chart + "gezinnen-2024\""));
  CHECK(contains(in2024, chart + "medewerkers-2024\""));
  CHECK_FALSE(contains(in2024, chart + "gezinnen-2023\""));
  CHECK_FALSE(contains(in2024, chart + "gezinnen-2022\""));
  CHECK_FALSE(contains(in2024, chart + "medewerkers-2023\""));
  CHECK(contains(in2023, chart + "gezinnen-2023\""));
  CHECK_FALSE(contains(in2023, chart + "gezinnen-2022\""));
  // The indicator's own page keeps every round.
  CHECK(contains(page, "id=\"spec-gezinnen-2022\""));
}
