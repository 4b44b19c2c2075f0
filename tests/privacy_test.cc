// The privacy scan of quotes (generator/validate/privacy.h) and how the quote validation
// reports its findings (docs/data-format.md, data/quotes/*.csv, column privacy_ok).
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "validate/privacy.h"
#include "validate/validate.h"

namespace {

using namespace duiding;
using validate::privacy::Kind;
using Messages = std::vector<std::string>;

Messages messages(const diag::Diagnostics& diag) {
  Messages out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

model::Model quote_model() {
  model::Model m;
  m.site.groups = {{"gezinnen", "Gezinnen"}};
  m.rounds = {{"2024", "Impactmeting 2024", "", "", ""}};
  return m;
}

struct Case {
  const char* text;
  Kind kind;
  const char* match;
};

}  // namespace

TEST_CASE("the 11-test accepts a valid BSN and rejects the rest", "[privacy]") {
  // 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 - 1*3 = 66 = 6 * 11
  CHECK(validate::privacy::passes_11_test("111222333"));
  // 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 - 2 = 154 = 14 * 11
  CHECK(validate::privacy::passes_11_test("123456782"));
  CHECK_FALSE(validate::privacy::passes_11_test("123456789"));  // 161, remainder 7
  CHECK_FALSE(validate::privacy::passes_11_test("111222334"));
  CHECK_FALSE(validate::privacy::passes_11_test("000000000"));  // sum 0, but all zero
  CHECK_FALSE(validate::privacy::passes_11_test("11122233"));   // eight digits
  CHECK_FALSE(validate::privacy::passes_11_test("11122233a"));
}

TEST_CASE("text that may identify someone is found, with the exact match", "[privacy]") {
  const std::vector<Case> cases = {
      {"Mail me op jan.jansen@example.nl graag.", Kind::kEmail, "jan.jansen@example.nl"},
      {"schrijf naar info@wij-groningen.nl.", Kind::kEmail, "info@wij-groningen.nl"},
      {"Bel 06-12345678 maar.", Kind::kPhone, "06-12345678"},
      {"Bel 0612345678.", Kind::kPhone, "0612345678"},
      {"Bel 06 1234 5678!", Kind::kPhone, "06 1234 5678"},
      {"Bel 06 12 34 56 78", Kind::kPhone, "06 12 34 56 78"},
      {"tel. +31 6 12345678", Kind::kPhone, "+31 6 12345678"},
      {"tel. +31612345678", Kind::kPhone, "+31612345678"},
      {"tel. +31 (0)50 367 1234", Kind::kPhone, "+31 (0)50 367 1234"},
      {"tel. 0031 50 3671234", Kind::kPhone, "0031 50 3671234"},
      {"WIJ-team: 050-3671234.", Kind::kPhone, "050-3671234"},
      {"WIJ-team: 050 367 12 34", Kind::kPhone, "050 367 12 34"},
      {"WIJ-team: (050) 367 1234", Kind::kPhone, "(050) 367 1234"},
      {"Assen 0592-123456", Kind::kPhone, "0592-123456"},
      {"in 9712 AB Groningen", Kind::kPostcode, "9712 AB"},
      {"in 9712AB Groningen", Kind::kPostcode, "9712AB"},
      {"nummer 111222333 klopt", Kind::kBsn, "111222333"},
      {"nummer 1112.22.333 klopt", Kind::kBsn, "1112.22.333"},
      {"nummer 111 222 333", Kind::kBsn, "111 222 333"},
      {"kijk op https://www.example.nl/pad?x=1.", Kind::kUrl, "https://www.example.nl/pad?x=1"},
      {"kijk op http://example.nl", Kind::kUrl, "http://example.nl"},
      {"(zie www.wij-groningen.nl)", Kind::kUrl, "www.wij-groningen.nl"},
      {"Ze woont aan de Herestraat 12 in de stad.", Kind::kAddress, "Herestraat 12"},
      {"Oosterweg 3a, tweede etage", Kind::kAddress, "Oosterweg 3a"},
      {"op de Vismarkt 12-2", Kind::kAddress, "Vismarkt 12-2"},
      {"Hereweg 3 A", Kind::kAddress, "Hereweg 3 A"},
      {"bij de Noorderhaven 4.", Kind::kAddress, "Noorderhaven 4"},
      {"Emmasingel 1", Kind::kAddress, "Emmasingel 1"},
      // Spellings of issue 15: Unicode spaces and dashes, dots and slashes, labels, case.
      {"Bel 06\u00A012345678.", Kind::kPhone, "06\u00A012345678"},
      {"Bel 06\u202F12\u202F34\u202F56\u202F78", Kind::kPhone, "06\u202F12\u202F34\u202F56\u202F78"},
      {"Bel 06.12.34.56.78", Kind::kPhone, "06.12.34.56.78"},
      {"Bel 06/12345678", Kind::kPhone, "06/12345678"},
      {"Bel 06\u201312345678", Kind::kPhone, "06\u201312345678"},
      {"Bel 050\u20143671234", Kind::kPhone, "050\u20143671234"},
      {"Bel 06\u221212345678", Kind::kPhone, "06\u221212345678"},
      {"nummer 111-222-333 klopt", Kind::kBsn, "111-222-333"},
      {"BSN111222333", Kind::kBsn, "111222333"},
      {"bsn123456782.", Kind::kBsn, "123456782"},
      {"nummer 111\u00A0222\u00A0333", Kind::kBsn, "111\u00A0222\u00A0333"},
      {"mail josé@gemeente.nl", Kind::kEmail, "josé@gemeente.nl"},
      {"mail zoë.de.vries@bücher.de.", Kind::kEmail, "zoë.de.vries@bücher.de"},
      {"in 9711 lm wonen", Kind::kPostcode, "9711 lm"},
      {"in 9711Lm wonen", Kind::kPostcode, "9711Lm"},
      {"op de Herestr. 12", Kind::kAddress, "Herestr. 12"},
      {"op de Herestr 12a", Kind::kAddress, "Herestr 12a"},
      {"Kerkln. 3", Kind::kAddress, "Kerkln. 3"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto found = validate::privacy::scan(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == c.kind);
    CHECK(found[0].match == c.match);
    CHECK(std::string(c.text).substr(found[0].offset, found[0].length) == c.match);
  }
}

TEST_CASE("ordinary quote text is not flagged", "[privacy]") {
  const std::vector<const char*> texts = {
      "Ik ben heel blij met de hulp van <naam>.",
      "<naam> van WIJ heeft mij geholpen.",
      "In 2024 gaf 84 % van de gezinnen een 8.",
      "Scores 0-20 betekenen nauwelijks invloed.",
      "Tussen 18 januari en 12 juni 2024.",
      "84% tevreden, 4% ontevreden.",
      "We hadden 3 gesprekken, 2 keer per week.",
      "123456789 is geen BSN",          // fails the 11-test
      "1234567890 is te lang",          // ten digits, not starting with 0
      "0,5 uur per week",
      "Meer dan 1.000.000 euro",
      "Herestraat zonder nummer",
      "de weg 3 keer gelopen",          // not a capitalised street name
      "Tabel 3 en Figuur 31",
      "een mail via @wij",
      "https:// zonder meer",
      "Postcode 0712 AB bestaat niet",  // postcodes do not start with 0
      "1234 SS",                        // letters PostNL does not use
      "In 2024 en 2025 kwam ze",        // a year and a small word, not a postcode
      "Ze fietst 4000 km per jaar",     // a unit
      "1500 mg paracetamol",
      "in 2023 ik ging",                // a year with letters in lower case
      "06-12-2024 was de dag",          // a date is not a phone number
      "groep 3-4 van de school",
      "Ze is 12-15 jaar",
      "Een BSNummer is geheim",
      "111222333444 is te lang",        // twelve digits
  };
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO(texts[i]);
    CHECK(validate::privacy::scan(texts[i]).empty());
  }
}

TEST_CASE("the position of a match follows line breaks and doubled quotes of the CSV field",
          "[privacy]") {
  load::Field field{"Hij zei \"bel\"\nme op 06-12345678", 4, 17, true};
  // Line 4: opening quote at column 17, text from column 18. The line break moves to line
  // 5, column 1; "me op " is six characters, so the number is at column 7.
  auto pos = validate::privacy::position_in_field(field, "q.csv", field.text.find("06"));
  CHECK(pos.file == "q.csv");
  CHECK(pos.line == 5);
  CHECK(pos.column == 7);
  // Before the line break a "" of the file is two columns: H=18, i=19, j=20, ' '=21,
  // z=22, e=23, i=24, ' '=25, ""=26-27, b=28.
  auto b = validate::privacy::position_in_field(field, "q.csv", field.text.find("bel"));
  CHECK(b.line == 4);
  CHECK(b.column == 28);
}

TEST_CASE("a quote with an e-mail address, a 06-number and a valid BSN gives three errors at "
          "their own line and column",
          "[privacy]") {
  diag::Diagnostics diag;
  auto m = quote_model();
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text\n"
                      "v1,2024,gezinnen,\"Mail <naam> op ouder@example.nl,\n"
                      "of bel 06-12345678. Mijn BSN is 111222333.\"\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  const std::string advice =
      "; replace it with a placeholder such as <naam>, or if it was reviewed and identifies no one, name '";
  CHECK(messages(diag) ==
        Messages{"quotes.csv:2:34: error: quote 'v1' contains an e-mail address "
                 "'ouder@example.nl'" + advice + "email' in the column privacy_ok with a reason",
                 "quotes.csv:3:8: error: quote 'v1' contains a phone number '06-12345678'" +
                     advice + "phone' in the column privacy_ok with a reason",
                 "quotes.csv:3:33: error: quote 'v1' contains a number that passes the BSN "
                 "11-test '111222333'" + advice + "bsn' in the column privacy_ok with a reason"});
  CHECK(quotes.empty());
}

TEST_CASE("privacy_ok accepts the reviewed kinds of one quote and nothing else", "[privacy]") {
  diag::Diagnostics diag;
  auto m = quote_model();
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text,privacy_ok\n"
                      "v1,2024,gezinnen,Het WIJ-team in de Herestraat 12 belde terug.,"
                      "address: het adres van het WIJ-team is openbaar\n"
                      "v2,2024,gezinnen,Herestraat 12 en 9712 AB,address: openbaar adres\n"
                      "v3,2024,gezinnen,Gewoon een verhaal,phone: vergeten weg te halen\n"
                      "v4,2024,gezinnen,Herestraat 12,address\n"
                      "v5,2024,gezinnen,Herestraat 12,adres: openbaar\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  CHECK(messages(diag) ==
        Messages{
            "quotes.csv:3:35: error: quote 'v2' contains a postcode '9712 AB'; replace it with a "
            "placeholder such as <naam>, or if it was reviewed and identifies no one, name "
            "'postcode' in the column privacy_ok with a reason",
            "quotes.csv:4:37: warning: quote 'v3': privacy_ok accepts 'phone' but the text has "
            "none; remove it from privacy_ok",
            "quotes.csv:5:32: error: quote 'v4': privacy_ok needs the reviewed kinds and a "
            "reason, e.g. 'phone: 112 is het alarmnummer'",
            "quotes.csv:6:32: error: quote 'v5': privacy_ok names an unknown kind 'adres'; "
            "expected email, phone, postcode, bsn, url, address, name, institution, age or date"});
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0].id == "v1");
  CHECK(quotes[1].id == "v3");
}
