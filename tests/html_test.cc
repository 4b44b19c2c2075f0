// HTML escaping for text and attributes, and JSON made safe inside a <script> block.
#include "render/html.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

using namespace duiding::render;

TEST_CASE("the five HTML special characters are escaped", "[html]") {
  CHECK(escape("a & b") == "a &amp; b");
  CHECK(escape("<naam>") == "&lt;naam&gt;");
  CHECK(escape("zei \"ja\"") == "zei &quot;ja&quot;");
  CHECK(escape("it's") == "it&#39;s");
  CHECK(escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
}

TEST_CASE("text without special characters is left as it is", "[html]") {
  CHECK(escape("") == "");
  CHECK(escape("Zoë zegt: 84,5 %") == "Zoë zegt: 84,5 %");
}

TEST_CASE("an escaped entity is escaped again, so it shows as typed", "[html]") {
  CHECK(escape("&amp;") == "&amp;amp;");
}

TEST_CASE("line breaks become <br> after escaping", "[html]") {
  CHECK(escape_lines("Ik werd gehoord.\nDoor <naam>.") == "Ik werd gehoord.<br>\nDoor &lt;naam&gt;.");
  CHECK(escape_lines("een regel") == "een regel");
  CHECK(escape_lines("a\n\nb") == "a<br>\n<br>\nb");
}

TEST_CASE("JSON in a script block cannot close the block or open a comment", "[html]") {
  std::string json = nlohmann::json{{"t", "</script><!-- & -->"}}.dump();
  std::string safe = script_json(json);
  CHECK(safe == R"({"t":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"})");
  CHECK(safe.find('<') == std::string::npos);
  CHECK(safe.find('>') == std::string::npos);
  CHECK(safe.find('&') == std::string::npos);
}

TEST_CASE("JSON made safe for a script block still means the same", "[html]") {
  nlohmann::json value = {{"tekst", "a < b && c > d"}, {"n", 3}, {"lijst", {"<x>", "y"}}};
  CHECK(nlohmann::json::parse(script_json(value.dump())) == value);
}
