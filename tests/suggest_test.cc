// "Did you mean ...?" (generator/validate/suggest.h). Distances are the worked examples of
// the Levenshtein and Damerau-Levenshtein articles (kitten -> sitting is 3; with the
// optimal string alignment distance, CA -> ABC is 3 and a swap of neighbours is 1).
#include <catch2/catch.hpp>

#include "validate/suggest.h"

using namespace duiding::validate;

TEST_CASE("edit distance counts inserts, deletes, replacements and swaps of neighbours", "[suggest]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("abcdef", "abdcef") == 1);
  CHECK(edit_distance("ca", "abc") == 3);
}

TEST_CASE("a near miss of an id is suggested", "[suggest]") {
  std::vector<std::string> answers = {"zeer-ontevreden", "ontevreden", "neutraal", "tevreden", "zeer-tevreden"};
  CHECK(nearest_id("zeer-tevreeden", answers) == "zeer-tevreden");
  CHECK(nearest_id("zeer tevreden", answers) == "zeer-tevreden");
  CHECK(nearest_id("Zeer-Tevreden", answers) == "zeer-tevreden");
  CHECK(nearest_id("nuetraal", answers) == "neutraal");
  CHECK(did_you_mean("tevredne", answers).render(duiding::msg::Lang::kNl) == " (bedoelt u 'tevreden'?)");
  CHECK(did_you_mean("tevredne", answers).render(duiding::msg::Lang::kEn) == " (did you mean 'tevreden'?)");
}

TEST_CASE("nothing is suggested for a known id, a far miss or a tie", "[suggest]") {
  std::vector<std::string> answers = {"ja", "nee", "tevreden"};
  CHECK_FALSE(nearest_id("tevreden", answers));
  CHECK_FALSE(nearest_id("blij", answers));
  CHECK(did_you_mean("blij", answers).empty());
  // Short ids take one edit at most: 'x' is one edit from neither.
  CHECK_FALSE(nearest_id("x", answers));
  CHECK(nearest_id("ne", answers) == "nee");
  // 'ab' is one edit from both 'a' and 'b': no guess.
  CHECK_FALSE(nearest_id("ab", {"a", "b"}));
  // One character typed: any other single character is one edit away, and no near miss.
  CHECK_FALSE(nearest_id("b", {"a"}));
}
