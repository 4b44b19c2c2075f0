// A build with no previous site renders every page once: each page's inputs hash is then
// derived from the page as drawn, every chart's drawing replaced by the stand-in a frame
// without renderer writes. The derived digest is the page as that frame renders it, or
// nothing when the page did something else with a drawing than pass it on.
#include "render/page_frame.h"

#include <catch2/catch.hpp>

#include <string>

#include "charts/svg_renderer.h"
#include "model/model.h"
#include "render/templates.h"

using namespace duiding;
using nlohmann::json;

namespace {

// Draws a spec as a small SVG naming its title, with a story link.
struct TitleSvg : charts::SvgRenderer {
  std::string render(const json& spec) override {
    return "<svg class=\"marks\"><a xlink:href=\"../verhalen/" + spec.value("title", std::string()) +
           "\"><text>" + spec.value("title", std::string()) + "</text></a></svg>";
  }
};

render::ChartSpec spec(const std::string& title) { return render::ChartSpec(json{{"title", title}, {"mark", "bar"}}); }

// A page with two charts, the first of them twice, and one with links to the whole window.
std::string page(const render::PageFrame& frame) {
  return "<main><h1>Titel</h1>" + frame.chart_svg(spec("a"), "Samenvatting a") + "<p>tekst</p>" +
         frame.chart_svg(spec("b"), "Samenvatting b", render::ChartLinks::kTop) + "<aside>" +
         frame.chart_svg(spec("a"), "Samenvatting a") + "</aside></main>";
}

struct Frames {
  model::Model m;
  render::Template layout{"{{content}}"};
  TitleSvg svg;
  render::PageFrame drawing{m, layout, &svg};
  render::PageFrame digest{m, layout, nullptr};
};

}  // namespace

TEST_CASE("a page's digest derived from its drawn charts is the page rendered without drawing", "[digest]") {
  Frames f;
  const render::DrawingsRecord record;
  const std::string drawn = page(f.drawing);
  REQUIRE(drawn.find("<svg") != std::string::npos);
  REQUIRE(drawn.find("target=\"_top\"") != std::string::npos);  // the second chart's link
  const std::optional<std::string> derived = record.digest_of(drawn);
  REQUIRE(derived);
  CHECK(*derived == page(f.digest));
  CHECK(derived->find("<svg class") == std::string::npos);
}

TEST_CASE("a page that changed a drawing after it was handed out has no derived digest", "[digest]") {
  Frames f;
  SECTION("a drawing changed") {
    const render::DrawingsRecord record;
    std::string drawn = page(f.drawing);
    drawn.replace(drawn.find("<text>b"), 7, "<text>B");
    CHECK_FALSE(record.digest_of(drawn));
  }
  SECTION("a drawing left out") {
    const render::DrawingsRecord record;
    const std::string a = f.drawing.chart_svg(spec("a"), "Samenvatting a");
    CHECK_FALSE(record.digest_of("<main></main>"));
    CHECK(record.digest_of("<main>" + a + "</main>"));
  }
  SECTION("a drawing shown more often than it was handed out") {
    const render::DrawingsRecord record;
    const std::string a = f.drawing.chart_svg(spec("a"), "Samenvatting a");
    CHECK_FALSE(record.digest_of(a + a));
  }
}

TEST_CASE("a record sees only the charts drawn while it lives, on its own thread", "[digest]") {
  Frames f;
  const std::string before = f.drawing.chart_svg(spec("a"), "Samenvatting a");
  const render::DrawingsRecord outer;
  const std::string b = f.drawing.chart_svg(spec("b"), "Samenvatting b");
  {
    const render::DrawingsRecord inner;
    const std::string c = f.drawing.chart_svg(spec("c"), "Samenvatting c");
    CHECK(inner.digest_of(c) == f.digest.chart_svg(spec("c"), "Samenvatting c"));
    // b is the outer record's: to the inner one it is text of the page, left as it is.
    CHECK(inner.digest_of(b + c) == b + f.digest.chart_svg(spec("c"), "Samenvatting c"));
  }
  const std::string d = f.drawing.chart_svg(spec("d"), "Samenvatting d");
  // The outer record has b and d, not a (drawn before it) nor c (the inner one's).
  CHECK(outer.digest_of(before + b + d) ==
        before + f.digest.chart_svg(spec("b"), "x") + f.digest.chart_svg(spec("d"), "y"));
}
