// The example messages of docs/handleiding.md are what duiding says: each is reproduced
// on a copy of the fictional example source and must appear word for word.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;
namespace fs = std::filesystem;

const fs::path kRepo = fs::path(DUIDING_TEST_DATA) / "..";

// The line of the handleiding that starts with `prefix` (inside a code block), or "".
std::string handleiding_line(const std::string& prefix) {
  std::ifstream in(kRepo / "docs" / "handleiding.md");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) return line;
  return "";
}

// Every message of checking the example source after `change` ran on a copy of it.
template <class Change>
std::vector<std::string> check_example(Change change) {
  fs::path root = fs::temp_directory_path() / ("duiding-handleiding-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::copy(kRepo / "examples" / "voorbeeldgemeente", root, fs::copy_options::recursive);
  change(root);
  fs::path old = fs::current_path();
  fs::current_path(root);
  diag::Diagnostics diag;
  validate::load_source(root, diag);
  fs::current_path(old);
  fs::remove_all(root);
  std::vector<std::string> out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d));
  return out;
}

}  // namespace

TEST_CASE("the handleiding's example of an unknown answer is what duiding says", "[handleiding][issue12]") {
  std::string example = handleiding_line(
      "data/values/kernindicatoren-gezinnen-2025.csv:14:43: fout: onbekende categorie 'zeer tevreden'");
  REQUIRE_FALSE(example.empty());
  auto messages = check_example([](const fs::path& root) {
    std::ofstream(root / "data" / "rounds.csv", std::ios::app) << "2025,Impactmeting 2025,2025-03-03,2025-06-13,\n";
    std::ofstream values(root / "data" / "values" / "kernindicatoren-gezinnen-2025.csv");
    values << "round,indicator,group,breakdown,category,value\n";
    for (int line = 2; line < 14; ++line) values << "\n";  // empty lines are skipped but counted
    values << "2025,tevredenheid-ondersteuning,gezinnen,,zeer tevreden,40\n";
  });
  CHECK(std::find(messages.begin(), messages.end(), example) != messages.end());
}

TEST_CASE("the handleiding's example of a file saved as plain CSV is what duiding says", "[handleiding][issue12]") {
  std::string example = handleiding_line("data/quotes/gezinnen-2025.csv:3:41: fout: byte 0xEB is geen geldige UTF-8");
  REQUIRE_FALSE(example.empty());
  auto messages = check_example([](const fs::path& root) {
    std::ofstream(root / "data" / "rounds.csv", std::ios::app) << "2025,Impactmeting 2025,2025-03-03,2025-06-13,\n";
    std::ofstream quotes(root / "data" / "quotes" / "gezinnen-2025.csv", std::ios::binary);
    quotes << "id,round,group,text\n";
    quotes << "v0,2025,gezinnen,Het ging goed\n";
    // Windows-1252 writes the e with diaeresis as the one byte 0xEB, at character 41.
    quotes << "v1,2025,gezinnen,Wij hadden er veel aan:\xEB\xEBn gesprek\n";
  });
  CHECK(std::find(messages.begin(), messages.end(), example) != messages.end());
}

TEST_CASE("the handleiding's count line is in the form duiding prints", "[handleiding][issue12]") {
  std::ifstream in(kRepo / "docs" / "handleiding.md");
  std::ostringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("`" + diag::found(3, 1).render(msg::Lang::kNl) + "`") != std::string::npos);
}
