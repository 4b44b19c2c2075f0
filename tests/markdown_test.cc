// Markdown through cmark-gfm in safe mode: raw HTML omitted, unsafe links emptied, GFM
// tables, strikethrough and autolinks on.
#include "render/markdown.h"

#include <catch2/catch.hpp>

#include <string>

using duiding::render::markdown_html;
using duiding::render::markdown_inline;

TEST_CASE("plain Markdown becomes HTML", "[markdown]") {
  CHECK(markdown_html("Een **vet** en *schuin* woord.") == "<p>Een <strong>vet</strong> en <em>schuin</em> woord.</p>\n");
  CHECK(markdown_html("# Kop\n\n- a\n- b\n") == "<h1>Kop</h1>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
}

TEST_CASE("a raw HTML block is omitted", "[markdown]") {
  CHECK(markdown_html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n");
  CHECK(markdown_html("<div onclick=\"x()\">tekst</div>\n") == "<!-- raw HTML omitted -->\n");
}

TEST_CASE("inline raw HTML is omitted but the text between the tags stays", "[markdown]") {
  CHECK(markdown_html("a <b>vet</b> woord") ==
        "<p>a <!-- raw HTML omitted -->vet<!-- raw HTML omitted --> woord</p>\n");
  CHECK(markdown_html("a <img src=x onerror=alert(1)> b") == "<p>a <!-- raw HTML omitted --> b</p>\n");
}

TEST_CASE("javascript: links are emptied", "[markdown]") {
  CHECK(markdown_html("[klik](javascript:alert(1))") == "<p><a href=\"\">klik</a></p>\n");
  CHECK(markdown_html("[klik](JavaScript:alert(1))") == "<p><a href=\"\">klik</a></p>\n");
  CHECK(markdown_html("<javascript:alert(1)>") == "<p><a href=\"\">javascript:alert(1)</a></p>\n");
}

TEST_CASE("ordinary links are kept", "[markdown]") {
  CHECK(markdown_html("[site](https://example.org/a?b=1&c=2)") ==
        "<p><a href=\"https://example.org/a?b=1&amp;c=2\">site</a></p>\n");
}

TEST_CASE("GFM tables are rendered", "[markdown]") {
  CHECK(markdown_html("| a | b |\n|---|---|\n| 1 | 2 |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("strikethrough and autolinks are on", "[markdown]") {
  CHECK(markdown_html("~~weg~~") == "<p><del>weg</del></p>\n");
  CHECK(markdown_html("zie www.example.org") ==
        "<p>zie <a href=\"http://www.example.org\">www.example.org</a></p>\n");
}

TEST_CASE("headings can be shifted down, but not below level 6", "[markdown]") {
  CHECK(markdown_html("# Kop\n## Sub\n", 2) == "<h3>Kop</h3>\n<h4>Sub</h4>\n");
  CHECK(markdown_html("##### Diep\n", 3) == "<h6>Diep</h6>\n");
}

TEST_CASE("one line of inline Markdown has no paragraph around it", "[markdown]") {
  CHECK(markdown_inline("Bron: *meting*") == "Bron: <em>meting</em>");
  CHECK(markdown_inline("") == "");
}

TEST_CASE("inline Markdown of several paragraphs keeps its paragraphs", "[markdown]") {
  CHECK(markdown_inline("a\n\nb") == "<p>a</p>\n<p>b</p>\n");
}
