// data/pages/*.md: the file name is the slug, the first `# ` heading the title.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "validate/validate.h"

namespace {

using namespace duiding;

std::vector<std::string> messages(const diag::Diagnostics& diag) {
  std::vector<std::string> out;
  for (const auto& d : diag.sorted()) out.push_back(diag::format(d, duiding::msg::Lang::kEn));
  return out;
}

}  // namespace

TEST_CASE("a page's title is its first level-1 heading", "[pages]") {
  diag::Diagnostics diag;
  auto p = validate::page("data/pages/werkwijze.md", "werkwijze",
                          "Inleiding zonder kop.\n\n## Eerst een tussenkop\n\n# Over de meting\n\nTekst.\n", diag);
  CHECK(messages(diag).empty());
  REQUIRE(p);
  CHECK(p->slug == "werkwijze");
  CHECK(p->title == "Over de meting");
  CHECK(p->pos.file == "data/pages/werkwijze.md");
  CHECK(p->pos.line == 5);
  CHECK(p->markdown.find("Tekst.") != std::string::npos);
}

TEST_CASE("a page title loses closing hashes, a carriage return and a byte-order mark", "[pages]") {
  diag::Diagnostics diag;
  auto p = validate::page("a.md", "a", "\xEF\xBB\xBF# Werkwijze ##\r\nTekst\r\n", diag);
  REQUIRE(p);
  CHECK(p->title == "Werkwijze");
  CHECK(p->pos.line == 1);
  CHECK(p->markdown.rfind("# Werkwijze", 0) == 0);
}

TEST_CASE("a page without a title is an error", "[pages]") {
  diag::Diagnostics diag;
  CHECK_FALSE(validate::page("data/pages/leeg.md", "leeg", "Alleen tekst.\n#Geen spatie\n", diag));
  CHECK(messages(diag) == std::vector<std::string>{
                              "data/pages/leeg.md:1:1: error: page has no title; expected a first heading line "
                              "such as '# Over de meting'"});
}

TEST_CASE("a page's file name must be a slug", "[pages]") {
  diag::Diagnostics diag;
  CHECK_FALSE(validate::page("data/pages/Over Ons.md", "Over Ons", "# Over ons\n", diag));
  CHECK(messages(diag) == std::vector<std::string>{
                              "data/pages/Over Ons.md: error: page file name 'Over Ons' may only hold a-z, 0-9 "
                              "and '-' and must start with a letter or digit (lower case only, so no two ids name "
                              "the same file on Windows or macOS)"});
}
