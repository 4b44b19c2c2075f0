// The name scan of quotes (generator/validate/privacy_names.h): names, institutions, ages
// and dates, public names, every published field of a quote, the privacy report, and a
// benchmark of the scan on large input. Corpus measurements: privacy_corpus_test.cc.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "validate/privacy_names.h"
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
  m.site.organisation = "Gemeente Groningen";
  m.site.public_names = {"WIJ Groningen", "Basis Jeugdhulp"};
  m.site.groups = {{"gezinnen", "Gezinnen"}};
  m.rounds = {{"2024", "Impactmeting 2024", "", "", ""}};
  return m;
}

std::vector<std::pair<Kind, std::string>> found(const std::string& text, const validate::privacy::NameContext& ctx) {
  std::vector<std::pair<Kind, std::string>> out;
  for (const auto& f : validate::privacy::scan_all(text, ctx)) out.emplace_back(f.kind, f.match);
  return out;
}

const std::string kAdvice =
    "; replace it with a placeholder such as <naam>, or if it was reviewed and identifies no one, name '";

}  // namespace

TEST_CASE("the quote of issue 16 is refused with the child's name, age and school and the "
          "professional's name, each at its column",
          "[privacy][names]") {
  diag::Diagnostics diag;
  auto m = quote_model();
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text\n"
                      "v1,2024,gezinnen,Mijn dochter Sanne de Vries (12) zit op De Kleine Wereld en "
                      "mevrouw Bakker van het wijkteam hielp ons.\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  // Columns counted by hand: the text starts at column 18 ("v1,2024,gezinnen," is 17).
  CHECK(messages(diag) ==
        Messages{"quotes.csv:2:31: error: quote 'v1' contains a probable name 'Sanne de Vries'" + kAdvice +
                     "name' in the column privacy_ok with a reason",
                 "quotes.csv:2:46: error: quote 'v1' contains an age '(12)'" + kAdvice +
                     "age' in the column privacy_ok with a reason",
                 "quotes.csv:2:58: error: quote 'v1' contains the name of a school, care provider or other "
                 "institution 'De Kleine Wereld'" + kAdvice + "institution' in the column privacy_ok with a reason",
                 "quotes.csv:2:86: error: quote 'v1' contains a probable name 'Bakker'" + kAdvice +
                     "name' in the column privacy_ok with a reason"});
  CHECK(quotes.empty());
}

TEST_CASE("the word list tells words from names by its capitals", "[privacy][names]") {
  // A tiny list in the spelling of the OpenTaal list: common words in lower case, names
  // with their capital; 'roos' and 'Roos' both, as in the real list.
  validate::privacy::WordList words(
      "bakker\nroos\nRoos\nmijn\ndochter\nzit\nop\nschool\nde\nhielp\nons\nmevrouw\nwas\nlief\n"
      "kom\nspel\nbegeleiding\nhij\nzei\nvan\nwijk\nteam\nJan\n");
  validate::privacy::NameContext ctx{&words, {}};
  using P = std::vector<std::pair<Kind, std::string>>;
  CHECK(found("Bakker was lief.", ctx).empty());                         // sentence start, a word
  CHECK(found("Mevrouw Bakker was lief.", ctx) == P{{Kind::kName, "Bakker"}});  // after an honorific
  CHECK(found("Roos was lief.", ctx).empty());                           // sentence start: the word wins
  CHECK(found("Mijn dochter Roos was lief.", ctx) == P{{Kind::kName, "Roos"}});
  CHECK(found("Hij zei Roos was lief.", ctx) == P{{Kind::kName, "Roos"}});  // mid-sentence: the capital wins
  CHECK(found("Hij zei: Jan kom.", ctx) == P{{Kind::kName, "Jan"}});     // a listed name after a colon
  CHECK(found("Spelbegeleiding hielp ons.", ctx).empty());               // a compound at the start
  CHECK(found("Hij zei Spelbegeleiding hielp.", ctx) == P{{Kind::kName, "Spelbegeleiding"}});
  CHECK(found("Mijn dochter <naam> zit op <naam school>.", ctx).empty());  // placeholders
  CHECK(found("Op de school van Xandra.", ctx) == P{{Kind::kName, "Xandra"}});  // not in the list
  CHECK(found("Hij zei: \"Xandra, kom.\"", ctx) == P{{Kind::kName, "Xandra"}});
  CHECK(found("Hij zit op WhatsApp en de BSO.", ctx).empty());           // camel case, acronym
  CHECK(found("Mijn dochter zit op school. Op maandag was Sinterklaas lief.", ctx).empty());
}

TEST_CASE("the word list holds each of its lines as a whole word, whatever its line endings", "[privacy][names]") {
  // Windows line endings, a word twice, an empty line, no newline at the end.
  validate::privacy::WordList words("hulp\r\nschool\r\n\r\nhulp\nRoos\nbegeleiding");
  for (const char* w : {"hulp", "school", "Roos", "begeleiding"}) CHECK(words.contains(w));
  // Parts, extensions, other capitals and the line ending itself are not words of the list.
  for (const char* w : {"hul", "hulpen", "schoo", "roos", "ROOS", "begeleidingen", "", "\r", "hulp\r", "school\r\n"})
    CHECK_FALSE(words.contains(w));
  // Many words: every one is found, and none of their one-letter-longer forms.
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "woord" + std::to_string(i) + "\n";
  validate::privacy::WordList large(many);
  int found_all = 0, found_longer = 0;
  for (int i = 0; i < 5000; ++i) {
    found_all += large.contains("woord" + std::to_string(i)) ? 1 : 0;
    found_longer += large.contains("woord" + std::to_string(i) + "x") ? 1 : 0;
  }
  CHECK(found_all == 5000);
  CHECK(found_longer == 0);
}

TEST_CASE("ages and dates are found in their usual spellings and durations are not", "[privacy][names]") {
  validate::privacy::WordList words("de\nis\nhij\nze\nwas\njaar\nweken\nhulp\nop\nmijn\nzoon\nvan\n");
  validate::privacy::NameContext ctx{&words, {}};
  using P = std::vector<std::pair<Kind, std::string>>;
  CHECK(found("mijn zoon van 9 jaar", ctx) == P{{Kind::kAge, "van 9 jaar"}});
  CHECK(found("ze is 14", ctx) == P{{Kind::kAge, "14"}});
  CHECK(found("toen hij 3 was", ctx) == P{{Kind::kAge, "3 was"}});
  CHECK(found("de 12-jarige", ctx) == P{{Kind::kAge, "12-jarige"}});
  CHECK(found("de twaalfjarige", ctx) == P{{Kind::kAge, "twaalfjarige"}});
  CHECK(found("ze is 16 jaar oud", ctx) == P{{Kind::kAge, "16 jaar oud"}});
  CHECK(found("al 4 jaar hulp", ctx).empty());
  CHECK(found("ze is 3 jaar geleden", ctx).empty());
  CHECK(found("hij is 6 weken", ctx).empty());
  CHECK(found("op 12 maart 2024", ctx) == P{{Kind::kDate, "12 maart 2024"}});
  CHECK(found("op 03-06-2024", ctx) == P{{Kind::kDate, "03-06-2024"}});
  CHECK(found("op 5/3", ctx) == P{{Kind::kDate, "5/3"}});
  CHECK(found("in mei 2024", ctx).empty());   // a month, not a day
  CHECK(found("1/3 van de", ctx).empty());    // a fraction
  CHECK(found("eind 2022", ctx).empty());
}

TEST_CASE("public names of the site are not findings", "[privacy][names]") {
  diag::Diagnostics diag;
  auto m = quote_model();
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text,district\n"
                      "v1,2024,gezinnen,Via WIJ Groningen kwam de Basis Jeugdhulp van de Gemeente "
                      "Groningen in Lewenborg.,Lewenborg\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  CHECK(messages(diag).empty());
  CHECK(quotes.size() == 1);
}

TEST_CASE("every published field of a quote is scanned and privacy_ok accepts a reviewed name",
          "[privacy][names]") {
  diag::Diagnostics diag;
  auto m = quote_model();
  validate::privacy::review_log().clear();
  load::CsvReader csv(std::string("quotes.csv"),
                      "id,round,group,text,theme,age_group,district,privacy_ok\n"
                      "111222333,2024,gezinnen,Goed,a@b.nl,BSN 123456782,Herestraat 12 tel 06-12345678,\n"
                      "v2,2024,gezinnen,Met Sinterklaas kwam Piet langs.,,,,name: Piet is een rol in het feest\n",
                      diag);
  std::vector<model::Quote> quotes;
  std::map<std::string, SourcePos> seen;
  validate::quotes(csv, m, quotes, seen, diag);
  auto end = [](const char* kind) {
    return std::string(kAdvice) + kind + "' in the column privacy_ok with a reason";
  };
  CHECK(messages(diag) ==
        Messages{"quotes.csv:2:1: error: quote '111222333' field 'id' contains a number that passes the BSN "
                 "11-test '111222333'" + end("bsn"),
                 "quotes.csv:2:30: error: quote '111222333' field 'theme' contains an e-mail address 'a@b.nl'" +
                     end("email"),
                 "quotes.csv:2:41: error: quote '111222333' field 'age_group' contains a number that passes "
                 "the BSN 11-test '123456782'" + end("bsn"),
                 "quotes.csv:2:51: error: quote '111222333' field 'district' contains a street name with a "
                 "house number 'Herestraat 12'" + end("address"),
                 "quotes.csv:2:69: error: quote '111222333' field 'district' contains a phone number "
                 "'06-12345678'" + end("phone")});
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].id == "v2");
  const auto& log = validate::privacy::review_log();
  REQUIRE(log.size() == 6);
  CHECK(log[5].quote == "v2");
  CHECK(log[5].match == "Piet");
  CHECK(log[5].accepted);
  CHECK(log[5].reason == "Piet is een rol in het feest");
}

TEST_CASE("a missing word list names the package to install", "[privacy][names]") {
  // The path comes from DUIDING_WORDLIST; system() reads it once, so only the path rule
  // and the message are checked here; main turns the exception into exit 2.
  CHECK(validate::privacy::word_list_path() == (std::getenv("DUIDING_WORDLIST") ? std::getenv("DUIDING_WORDLIST") : "/usr/share/dict/dutch"));
  validate::privacy::WordListMissing e("x");
  CHECK(std::string(e.what()) == "x");
}

// Not a timed test: run `build/tests/duiding_tests "[.benchmark]"` to see how long the scan
// of large quotes takes. Linear time means 1.4 MB scans in well under a second.
TEST_CASE("benchmark: the privacy scan of 1.4 MB quotes", "[.benchmark]") {
  validate::privacy::NameContext ctx{&validate::privacy::WordList::system(), {}};
  auto time = [&](const char* what, const std::string& text) {
    // Wall time and processor time: on a busy machine the second says more.
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    std::size_t n = validate::privacy::scan_all(text, ctx).size();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double c = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::cout << what << ": " << text.size() << " bytes, " << n << " findings, " << s << " s (" << c
              << " s processor time)\n";
  };
  std::string postcodes, phones, names, digits(1400000, '1'), www;
  while (postcodes.size() < 1400000) postcodes += "9712 AB ";
  while (phones.size() < 1400000) phones += "06-12345678 ";
  while (names.size() < 1400000) names += "Mijn dochter Sanne de Vries (12) zit op De Kleine Wereld. ";
  while (www.size() < 1400000) www += "www.";
  time("postcodes", postcodes);
  time("phone numbers", phones);
  time("names", names);
  time("one long number", digits);
  time("www.www.www...", www);
}
