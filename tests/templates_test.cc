// Page templates: `{{name}}` slots filled with HTML the render stage already escaped.
#include "render/templates.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using duiding::render::Template;

TEST_CASE("every slot is replaced by its value", "[templates]") {
  Template t("<html lang=\"{{lang}}\"><title>{{title}}</title>{{title}}</html>");
  CHECK(t.fill({{"lang", "nl"}, {"title", "Home"}}) == "<html lang=\"nl\"><title>Home</title>Home</html>");
}

TEST_CASE("values are inserted as they are and not searched for slots again", "[templates]") {
  Template t("<main>{{content}}</main>");
  CHECK(t.fill({{"content", "<p>{{lang}} &amp;</p>"}}) == "<main><p>{{lang}} &amp;</p></main>");
}

TEST_CASE("a template without slots is returned unchanged", "[templates]") {
  CHECK(Template("<p>plain { } }}</p>").fill({}) == "<p>plain { } }}</p>");
}

TEST_CASE("an unclosed slot is left as text", "[templates]") {
  CHECK(Template("a {{b").fill({}) == "a {{b");
}

TEST_CASE("a slot without a value is a generator bug and throws", "[templates]") {
  Template t("<p>{{missing}}</p>");
  CHECK_THROWS_AS(t.fill({{"other", "x"}}), std::logic_error);
  CHECK_THROWS_WITH(t.fill({}), "template slot 'missing' has no value");
}

TEST_CASE("a template split around a slot gives the text before and after it, each filled on its own",
          "[templates]") {
  Template t("<title>{{title}}</title><main>{{content}}</main>{{scripts}}");
  const auto [before, after] = t.around("content");
  CHECK(before.fill({{"title", "Home"}}) == "<title>Home</title><main>");
  CHECK(after.fill({{"scripts", "<script></script>"}}) == "</main><script></script>");
  // Joined around the content, the two halves are the whole template filled.
  CHECK(before.fill({{"title", "T"}}) + "<p>x</p>" + after.fill({{"scripts", "s"}}) ==
        t.fill({{"title", "T"}, {"content", "<p>x</p>"}, {"scripts", "s"}}));
}

TEST_CASE("a template cannot be split around a slot it lacks or has twice", "[templates]") {
  CHECK_THROWS_AS(Template("<main></main>").around("content"), std::logic_error);
  CHECK_THROWS_AS(Template("{{content}}{{content}}").around("content"), std::logic_error);
}
