// The SVG elements of a native chart, written out by hand from SVG's syntax and Vega's
// text placement (baseline "top" moves a text down round(0.79 × size) px), and the
// measuring mode that gives the same boxes without writing any SVG.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "charts/svg_draw.h"

using namespace duiding::charts::svg;

namespace {

void check_same_box(const Item& measured, const Item& drawn) {
  CHECK(measured.svg.empty());
  CHECK_FALSE(drawn.svg.empty());
  CHECK(measured.box.x1 == drawn.box.x1);
  CHECK(measured.box.y1 == drawn.box.y1);
  CHECK(measured.box.x2 == drawn.box.x2);
  CHECK(measured.box.y2 == drawn.box.y2);
  CHECK(measured.rule == drawn.rule);
}

}  // namespace

TEST_CASE("lines, bars and texts are written as SVG elements with escaped attributes", "[svg]") {
  CHECK(line(0.5, 10, 100.5, 10, "#888", 1).svg ==
        R"x(<line x1="0.5" y1="10" x2="100.5" y2="10" stroke="#888" stroke-width="1"/>)x");
  CHECK(line(3, 0, 3, 40.25, "#000", 1.5, "4,3").svg ==
        R"x(<line x1="3" y1="0" x2="3" y2="40.25" stroke="#000" stroke-width="1.5" stroke-dasharray="4,3"/>)x");
  Paint red;
  red.fill = "#f00";
  // A negative width is drawn from the other side: x 10 - 4 = 6, 4 wide.
  CHECK(rect(10, 5, -4, 3, red).svg == R"x(<path d="M6,5h4v3h-4Z" fill="#f00"/>)x");
  Paint outlined;
  outlined.stroke = "#333";
  outlined.stroke_width = 2;
  outlined.opacity = 0.7;
  CHECK(rect(0, 0, 1, 1, outlined).svg == R"x(<path d="M0,0h1v1h-1Z" fill="none" stroke="#333" stroke-width="2" opacity="0.7"/>)x");
  const Font font{"Inter", 10, "#000", ""};
  CHECK(text("a<b & \"c\"", 10, 20, "center", "top", font).svg ==
        R"x(<text text-anchor="middle" transform="translate(10,28)" font-family="Inter" font-size="10px" fill="#000">)x"
        R"x(a&lt;b &amp; &quot;c&quot;</text>)x");
  CHECK(text(std::vector<std::string>{"een", "twee"}, 0, 0, "left", "alphabetic", Font{"Inter", 10, "#000", "bold"}).svg ==
        R"x(<text text-anchor="start" transform="translate(0,0)" font-family="Inter" font-size="10px" font-weight="bold" )x"
        R"x(fill="#000"><tspan>een</tspan><tspan x="0" dy="12">twee</tspan></text>)x");
  CHECK(linked(line(0, 0, 1, 1, "#000", 1), "verhalen/a&b.html").svg ==
        R"x(<a xlink:href="verhalen/a&amp;b.html"><line x1="0" y1="0" x2="1" y2="1" stroke="#000" stroke-width="1"/></a>)x");
  CHECK(polyline({{0, 10}, {5.5, 2}}, "#4c78a8", 2).svg ==
        R"x(<path d="M0,10L5.5,2" fill="none" stroke="#4c78a8" stroke-width="2"/>)x");
}

TEST_CASE("while measuring, elements get the boxes they are drawn with and no SVG", "[svg]") {
  Paint paint;
  paint.fill = "#4c78a8";
  paint.stroke = "#fff";
  paint.stroke_width = 1.5;
  const Font font{"Inter", 11, "#000", ""};
  const std::vector<std::string> lines = {"een lange", "regel"};
  auto draw_all = [&] {
    return std::vector<Item>{line(0.5, 3, 80.5, 3, "#ddd", 1), text("Groningen", 40, 12, "right", "middle", font, 2, -1),
                             text(lines, 5, 5, "center", "top", font), rect(2, 3, 10, -20, paint),
                             symbol("circle", 10, 10, 100, paint), symbol("diamond", 0, 0, 30, paint),
                             symbol("square", 4, 4, 64, Paint{}), polyline({{0, 0}, {10, 20}, {30, 5}}, "#000", 2),
                             linked(rect(0, 0, 5, 5, paint), "x.html")};
  };
  const std::vector<Item> drawn = draw_all();
  std::vector<Item> measured;
  {
    BoxesOnly outer;
    {
      BoxesOnly inner;
      CHECK(boxes_only());
    }
    CHECK(boxes_only());  // the inner one leaves the outer one in force
    measured = draw_all();
    CHECK_THROWS_WITH(symbol("star", 0, 0, 10, paint), "native SVG: no symbol shape \"star\"");
  }
  CHECK_FALSE(boxes_only());
  REQUIRE(measured.size() == drawn.size());
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    INFO("element " << i);
    check_same_box(measured[i], drawn[i]);
  }
  CHECK(drawn[0].rule);
  CHECK_FALSE(drawn[8].rule);
}
