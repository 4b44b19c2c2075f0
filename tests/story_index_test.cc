// The story index: which quotes sit behind which segment (indicator, round, group,
// category), in a fixed order, with a hook for disclosure control.
#include "stats/story_index.h"

#include <catch2/catch.hpp>

namespace {

using namespace duiding;
using model::IndicatorType;
using stats::SegmentKey;
using stats::StoryIndex;

model::Quote quote(std::string id, std::string round, std::string group, std::vector<std::string> links) {
  model::Quote q;
  q.id = std::move(id);
  q.round = std::move(round);
  q.group = std::move(group);
  q.text = "Tekst van " + q.id;
  q.links = std::move(links);
  return q;
}

model::Model story_model() {
  model::Model m;
  m.site.groups = {{"gezinnen", "Gezinnen"}, {"medewerkers", "Medewerkers"}};
  m.rounds = {{"2023", "Meting 2023", "", "", ""}, {"2024", "Meting 2024", "", "", ""}};
  model::Indicator tevreden;
  tevreden.id = "tevreden";
  tevreden.title = "Tevredenheid";
  tevreden.type = IndicatorType::kLikert;
  tevreden.categories = {{"ontevreden", "Ontevreden"}, {"tevreden", "Tevreden"}, {"zeer-tevreden", "Zeer tevreden"}};
  model::Indicator invloed;
  invloed.id = "invloed";
  invloed.title = "Invloed";
  invloed.type = IndicatorType::kScale;
  m.indicators = {tevreden, invloed};
  m.quotes = {quote("q1", "2024", "gezinnen", {"tevreden:zeer-tevreden", "invloed:90"}),
              quote("q2", "2024", "medewerkers", {"tevreden:zeer-tevreden"}),
              quote("q3", "2024", "gezinnen", {"invloed:10", "tevreden:zeer-tevreden"}),
              quote("q4", "2023", "gezinnen", {"tevreden:ontevreden"}),
              quote("q5", "2024", "gezinnen", {"invloed:100"})};
  return m;
}

std::vector<std::string> ids(const std::vector<const model::Quote*>& quotes) {
  std::vector<std::string> out;
  for (const auto* q : quotes) out.push_back(q->id);
  return out;
}

}  // namespace

TEST_CASE("a quote's links become segments of its own round and group", "[stories]") {
  model::Model m = story_model();
  StoryIndex index(m);
  const stats::Segment* s = index.find({"tevreden", "2024", "gezinnen", "zeer-tevreden"});
  REQUIRE(s != nullptr);
  CHECK(ids(s->quotes) == std::vector<std::string>{"q1", "q3"});
  CHECK(ids(index.find({"tevreden", "2024", "medewerkers", "zeer-tevreden"})->quotes) == std::vector<std::string>{"q2"});
  CHECK(index.find({"tevreden", "2023", "gezinnen", "zeer-tevreden"}) == nullptr);
  CHECK(ids(index.find({"invloed", "2024", "gezinnen", "90"})->quotes) == std::vector<std::string>{"q1"});
}

TEST_CASE("segments are ordered by indicator, round, group order and category order", "[stories]") {
  model::Model m = story_model();
  StoryIndex index(m);
  std::vector<std::string> order;
  for (const auto& s : index.segments())
    order.push_back(s.key.indicator + " " + s.key.round + " " + s.key.group + " " + s.key.category);
  CHECK(order == std::vector<std::string>{
                     "tevreden 2023 gezinnen ontevreden",
                     "tevreden 2024 gezinnen zeer-tevreden",
                     "tevreden 2024 medewerkers zeer-tevreden",
                     // scale bins by number: 10 before 90 before 100
                     "invloed 2024 gezinnen 10",
                     "invloed 2024 gezinnen 90",
                     "invloed 2024 gezinnen 100",
                 });
}

TEST_CASE("a suppressed segment has no stories and the quote no link to it", "[stories]") {
  model::Model m = story_model();
  StoryIndex index(m, [](const SegmentKey& k) { return k.indicator == "invloed" && k.category == "90"; });
  CHECK(index.find({"invloed", "2024", "gezinnen", "90"}) == nullptr);
  CHECK(index.find({"tevreden", "2024", "gezinnen", "zeer-tevreden"}) != nullptr);
  auto of_q1 = index.segments_of(m.quotes[0]);
  REQUIRE(of_q1.size() == 1);
  CHECK(of_q1[0]->key.indicator == "tevreden");
}

TEST_CASE("only rows of a group's own chart lead to stories, not breakdowns or all respondents", "[stories]") {
  model::Model m = story_model();
  StoryIndex index(m);
  stats::ChartData c;
  c.kind = stats::ChartKind::kLikert;
  c.group = "gezinnen";
  stats::Row r;
  r.round = "2024";
  r.category = "zeer-tevreden";
  CHECK(index.behind(m.indicators[0], c, r) != nullptr);
  c.dimension = "leeftijd";
  CHECK(index.behind(m.indicators[0], c, r) == nullptr);
  c.dimension.clear();
  c.group.clear();
  CHECK(index.behind(m.indicators[0], c, r) == nullptr);
}

TEST_CASE("a segment's link is a relative path and an anchor no other segment has", "[stories]") {
  CHECK(StoryIndex::url({"tevreden", "2024", "gezinnen", "zeer-tevreden"}) ==
        "verhalen/indicator/tevreden/index.html#verhalen-2024_gezinnen_zeer-tevreden");
  // '-' may occur in ids, '_' never: these two differ.
  CHECK(StoryIndex::anchor({"x", "2024", "a-b", "c"}) != StoryIndex::anchor({"x", "2024", "a", "b-c"}));
  CHECK(stats::stories_text(1) == "1 verhaal");
  CHECK(stats::stories_text(3) == "3 verhalen");
}
