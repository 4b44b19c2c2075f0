// Recall and precision of the name scan (generator/validate/privacy_names.h) on the
// corpus tests/spec/privacy/names.txt: invented sentences with the findings a reader would
// black out, written before the scanner was measured on them. The numbers are reported in
// docs/data-format.md ("Privacy scan: names, ages and dates"). Needs the word list of the
// Debian package wdutch. Run with DUIDING_CORPUS_REPORT=1 to print every miss and every
// false finding.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "validate/privacy_names.h"

namespace {

using namespace duiding::validate::privacy;

struct Expected {
  std::string kind;  // name, institution, place, age, date
  std::string words;
  std::size_t offset = std::string::npos;
  bool found = false;
};

struct Sentence {
  std::string text;
  std::vector<Expected> expected;
  int line = 0;
};

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::vector<Sentence> read_corpus() {
  std::ifstream in(std::string(DUIDING_TEST_DATA) + "/spec/privacy/names.txt");
  REQUIRE(in);
  std::vector<Sentence> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::size_t bar = line.find(" ||");
    REQUIRE(bar != std::string::npos);
    Sentence s{line.substr(0, bar), {}, number};
    std::stringstream rest(line.substr(bar + 3));
    std::string item;
    std::size_t from = 0;
    while (std::getline(rest, item, ';')) {
      item = trim(item);
      if (item.empty()) continue;
      std::size_t colon = item.find(':');
      REQUIRE(colon != std::string::npos);
      Expected e{trim(item.substr(0, colon)), trim(item.substr(colon + 1))};
      e.offset = s.text.find(e.words, from);
      if (e.offset == std::string::npos) e.offset = s.text.find(e.words);
      INFO("line " << number << ": " << e.words);
      REQUIRE(e.offset != std::string::npos);
      from = e.offset + e.words.size();
      s.expected.push_back(e);
    }
    out.push_back(s);
  }
  return out;
}

// name, institution and place are all proper names: a finding of kind name or
// institution on any of them counts.
std::string group_of(const std::string& expected_kind) {
  if (expected_kind == "age" || expected_kind == "date") return expected_kind;
  return "proper";
}
std::string group_of(Kind k) {
  if (k == Kind::kAge) return "age";
  if (k == Kind::kDate) return "date";
  if (k == Kind::kName || k == Kind::kInstitution) return "proper";
  return kind_id(k);
}

struct Tally {
  int expected = 0, recalled = 0;
};

}  // namespace

TEST_CASE("the name scan finds at least 95 % of the names in the corpus", "[privacy][corpus]") {
  NameContext ctx{&WordList::system(),
                  {"Gemeente Groningen", "Groningen", "WIJ Groningen", "WIJ-team", "WIJ", "Basis Jeugdhulp",
                   "BJH", "SenseGuide", "Vinkhuizen", "Oosterparkwijk"}};
  auto corpus = read_corpus();
  bool report = std::getenv("DUIDING_CORPUS_REPORT") != nullptr;
  std::map<std::string, Tally> by_kind;
  int found_total = 0, found_true = 0, negatives = 0, clean_negatives = 0;
  for (auto& s : corpus) {
    auto found = scan_names(s.text, ctx);
    for (const auto& f : found) {
      ++found_total;
      bool hit = false;
      for (auto& e : s.expected) {
        bool overlap = f.offset < e.offset + e.words.size() && e.offset < f.offset + f.length;
        if (overlap && group_of(e.kind) == group_of(f.kind)) {
          e.found = true;
          hit = true;
        }
      }
      if (hit) ++found_true;
      if (!hit && report)
        std::cout << "names.txt:" << s.line << ": false " << kind_id(f.kind) << " '" << f.match << "' in: " << s.text << "\n";
    }
    for (const auto& e : s.expected) {
      by_kind[e.kind].expected += 1;
      by_kind[e.kind].recalled += e.found ? 1 : 0;
      if (!e.found && report)
        std::cout << "names.txt:" << s.line << ": missed " << e.kind << " '" << e.words << "' in: " << s.text << "\n";
    }
    if (s.expected.empty()) {
      ++negatives;
      clean_negatives += found.empty() ? 1 : 0;
    }
  }
  int expected_total = 0, recalled_total = 0;
  for (const auto& [kind, t] : by_kind) {
    expected_total += t.expected;
    recalled_total += t.recalled;
    std::cout << "privacy corpus: " << kind << ": " << t.recalled << " of " << t.expected << " found\n";
  }
  std::cout << "privacy corpus: " << corpus.size() << " sentences, " << expected_total << " expected findings, "
            << recalled_total << " found (recall " << 100.0 * recalled_total / expected_total << " %); "
            << found_total << " findings, " << found_true << " right (precision "
            << 100.0 * found_true / found_total << " %); " << clean_negatives << " of " << negatives
            << " sentences without findings pass clean\n";
  CHECK(corpus.size() >= 200);
  const Tally& names = by_kind["name"];
  REQUIRE(names.expected > 0);
  CHECK(100.0 * names.recalled / names.expected >= 95.0);
}
