// The SVG as it goes into a page: labelled for screen readers, no Vega ARIA in English,
// no style attributes (a CSP of style-src 'self' blocks them).
#include "charts/static_svg.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using duiding::charts::page_svg;

TEST_CASE("the root svg is an image labelled with the summary and marked as static", "[svg]") {
  std::string in = R"(<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="720" height="90" viewBox="0 0 720 90">)"
                   R"(<rect width="720" height="90" fill="white"/></svg>)";
  CHECK(page_svg(in, "84 % is tevreden & 8 % \"ontevreden\"") ==
        R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart-static" width="720" height="90" viewBox="0 0 720 90")"
        R"( role="img" aria-label="84 % is tevreden &amp; 8 % &quot;ontevreden&quot;">)"
        R"(<rect width="720" height="90" fill="white"/></svg>)");
}

TEST_CASE("vega's roles and aria attributes on marks are dropped, other attributes kept in order", "[svg]") {
  std::string in = R"(<svg class="marks"><g class="mark-group role-axis" role="graphics-symbol" )"
                   R"(aria-roledescription="axis" aria-label="X-axis titled 'Jaar'"><path aria-hidden="true" d="M0,0h1"/>)"
                   R"(<text text-anchor="middle" fill="#1a1a1a">2023</text></g></svg>)";
  CHECK(page_svg(in, "x") ==
        R"(<svg class="chart-static" role="img" aria-label="x"><g class="mark-group role-axis"><path d="M0,0h1"/>)"
        R"(<text text-anchor="middle" fill="#1a1a1a">2023</text></g></svg>)");
}

TEST_CASE("style attributes become presentation attributes, the declaration winning", "[svg]") {
  std::string in = R"(<svg><text fill="red" style="fill: #1a1a1a; font-family: 'Segoe UI', Arial;font-size:13px">a</text></svg>)";
  CHECK(page_svg(in, "x") == R"(<svg class="chart-static" role="img" aria-label="x"><text fill="#1a1a1a" )"
                             R"(font-family="'Segoe UI', Arial" font-size="13px">a</text></svg>)");
}

TEST_CASE("a style property without an svg attribute is an error, not silently dropped", "[svg]") {
  CHECK_THROWS_WITH(page_svg(R"x(<svg><g style="transform: rotate(3deg)"></g></svg>)x", "x"),
                    "static SVG: style=\"transform: rotate(3deg)\" on <g> has no SVG attribute for "
                    "\"transform: rotate(3deg)\"");
}

TEST_CASE("text that is not an svg element is refused", "[svg]") {
  CHECK_THROWS_WITH(page_svg("<div></div>", "x"), "static SVG: does not start with <svg>");
  CHECK_THROWS_WITH(page_svg("geen svg", "x"), "static SVG: no <svg> element");
}

TEST_CASE("loosely written tags come out with one space between attributes and no space before the slash", "[svg]") {
  // Written by hand from the rules: attributes in order, each after one space, its own
  // quotes kept; a valueless attribute stays bare; aria-* dropped; tags already written
  // that way (a ">" inside a quoted value included) unchanged.
  std::string in = "<svg><g  class=\"a\"\n fill='red' ><line x1=\"0\" /><path d=\"M0,0\" aria-hidden=\"true\"/>"
                   "<rect hidden width=\"1\"/><a xlink:href=\"x?a>b\"><text x=\"1\">a &gt; b</text></a></g></svg>";
  CHECK(page_svg(in, "x") ==
        "<svg class=\"chart-static\" role=\"img\" aria-label=\"x\"><g class=\"a\" fill='red'><line x1=\"0\"/>"
        "<path d=\"M0,0\"/><rect hidden width=\"1\"/><a xlink:href=\"x?a>b\"><text x=\"1\">a &gt; b</text></a></g></svg>");
}
