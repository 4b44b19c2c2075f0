// The trend an indicator page opens with, the home page's small trend chart, and the
// slide picture of a chart. Expected coordinates are worked out by hand in the comments
// from the layout constants documented in the source (220 × 64 box; plot from x 40 to 210
// and y 6 to 46); the page tests use the mini fixture (tests/fixtures/mini, fictional).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "build/pipeline.h"
#include "build/png.h"
#include "charts/slide_svg.h"
#include "charts/trend_sparkline.h"
#include "charts/vega_lite.h"
#include "one_indicator.h"
#include "render/chart_downloads.h"
#include "stats/summary.h"
#include "validate/validate.h"

#ifdef DUIDING_TEST_PNG
#include <png.h>
#endif

namespace {

using namespace duiding;
namespace fs = std::filesystem;

stats::RoundShare share(const std::string& round, double percent, double low = -1, double high = -1) {
  stats::RoundShare r;
  r.round = round;
  r.round_label = "Meting " + round;
  r.percent = percent;
  if (low >= 0) {
    stats::ShareEstimate e;
    e.computable = true;
    e.ci = {low / 100, high / 100};
    r.estimate = e;
  }
  return r;
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::map<std::string, std::string> build_mini(const charts::Rasteriser* png = nullptr) {
  diag::Diagnostics diag;
  auto m = validate::load_source(fs::path(DUIDING_TEST_DATA) / "fixtures" / "mini", diag);
  REQUIRE(m);
  write::MemoryOutput out;
  build::build(*m, fs::path(DUIDING_TEST_DATA).parent_path(), out, {.pdf = false, .png = png});
  return out.files;
}

// Stands in for librsvg: a PNG signature and the SVG's length.
struct FakePng : charts::Rasteriser {
  mutable std::atomic<int> calls = 0;
  std::string png(const std::string& svg) const override {
    ++calls;
    return "\x89PNG fake " + std::to_string(svg.size());
  }
};

}  // namespace

TEST_CASE("one round gives no trend chart: one number is no trend", "[trend]") {
  CHECK(charts::trend_sparkline({share("2024", 64, 57, 71)}, "x").empty());
  CHECK(charts::trend_sparkline({}, "x").empty());
}

TEST_CASE("the trend chart puts each share and interval on an axis of whole tens around them", "[trend]") {
  // Shares 58 (interval 50-66), 61 and 64 (57-71): the axis runs from 50 to 80 %.
  // y(v) = 6 + (80 - v) / 30 * 40; x = 40, 125, 210 for three rounds.
  std::string svg = charts::trend_sparkline({share("2022", 58, 50, 66), share("2023", 61), share("2024", 64, 57, 71)},
                                            "Verloop per meting: 58 %, 61 %, 64 %.");
  CHECK(contains(svg, "role=\"img\" aria-label=\"Verloop per meting: 58 %, 61 %, 64 %.\""));
  CHECK(contains(svg, "<circle cx=\"40\" cy=\"35.333\" r=\"4\"/>"));   // 6 + 22/30·40
  CHECK(contains(svg, "<circle cx=\"125\" cy=\"31.333\" r=\"4\"/>"));  // 6 + 19/30·40
  CHECK(contains(svg, "<circle cx=\"210\" cy=\"27.333\" r=\"4\"/>"));  // 6 + 16/30·40
  CHECK(contains(svg, "<polyline points=\"40,35.333 125,31.333 210,27.333\""));
  // Interval lines only where there is an interval: 50 -> 46, 66 -> 24.667; 57 -> 36.667, 71 -> 18.
  CHECK(contains(svg, "<line x1=\"40\" y1=\"46\" x2=\"40\" y2=\"24.667\""));
  CHECK(contains(svg, "<line x1=\"210\" y1=\"36.667\" x2=\"210\" y2=\"18\""));
  CHECK_FALSE(contains(svg, "<line x1=\"125\""));
  // The axis says where it starts, so a steep line over 30 points is not read as 0-100.
  CHECK(contains(svg, ">80\u00a0%</text>"));
  CHECK(contains(svg, ">50\u00a0%</text>"));
  CHECK(contains(svg, ">2022</text>"));
  CHECK(contains(svg, ">2024</text>"));
  // Colours come from the page: nothing but currentColor is painted.
  CHECK_FALSE(contains(svg, "#"));
}

TEST_CASE("a trend of nearly equal shares still spans ten points", "[trend]") {
  // 71 and 72 without intervals: floor 70, ceil 80.
  std::string svg = charts::trend_sparkline({share("a", 71), share("b", 72)}, "t");
  CHECK(contains(svg, ">70\u00a0%</text>"));
  CHECK(contains(svg, ">80\u00a0%</text>"));
}

TEST_CASE("a chart's slide carries title, question, n, source and site around the chart", "[slide]") {
  charts::SlideText t{"Tevredenheid over de ondersteuning", "Gezinnen, Impactmeting 2024", "Hoe tevreden bent u?",
                      "n = 50", "Enquête onder gezinnen", "Mini-meting · Gemeente Voorbeeld"};
  const std::string chart = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"marks\" width=\"720\" height=\"300\" "
                            "viewBox=\"0 0 720 300\"><rect width=\"720\" height=\"300\" fill=\"white\"/></svg>";
  std::string svg = charts::slide_svg(chart, t);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"1600\" "
                  "height=\"900\" viewBox=\"0 0 1600 900\">", 0) == 0);
  CHECK(contains(svg, ">Tevredenheid over de ondersteuning</text>"));
  CHECK(contains(svg, ">Gezinnen, Impactmeting 2024</text>"));
  CHECK(contains(svg, ">Vraag: Hoe tevreden bent u?</text>"));
  CHECK(contains(svg, ">n = 50 · Bron: Enquête onder gezinnen</text>"));
  CHECK(contains(svg, ">Mini-meting · Gemeente Voorbeeld</text>"));
  // The chart keeps its own coordinates and is scaled into the space left.
  CHECK(contains(svg, "viewBox=\"0 0 720 300\" preserveAspectRatio=\"xMidYMid meet\"><rect width=\"720\""));
  CHECK(svg.substr(svg.size() - 13) == "</svg></svg>\n");
}

TEST_CASE("a slide drawn from its recipe is the slide, whether or not this thread made the recipe last", "[slide]") {
  test::OneIndicator one("count", "2024-01-18", "2024-06-12");
  one.add("oneens", 12);
  one.add("eens", 28);
  one.m.index();
  const stats::IndicatorSummary summary = stats::summarize(one.m, one.ind, one.values);
  REQUIRE(!summary.charts.empty());
  const render::ChartInfo chart{"verdeling", "Gezinnen, Impactmeting 2024", "gezinnen", "n = 40", "Samenvatting",
                                charts::spec(one.m, one.ind, summary.charts[0], nullptr), "Fictieve meting"};
  render::ChartInfo other = chart;
  other.caption = "Gezinnen, een andere meting";
  const std::string recipe = render::slide_recipe(one.m, one.ind, chart);
  const std::string drawn = render::slide_from_recipe(recipe);  // right after its recipe
  CHECK(contains(drawn, ">Gezinnen, Impactmeting 2024</text>"));
  const std::string other_recipe = render::slide_recipe(one.m, one.ind, other);
  CHECK(other_recipe != recipe);
  CHECK(render::slide_from_recipe(recipe) == drawn);  // read back from its text
  CHECK(render::slide(one.m, one.ind, chart) == drawn);
  CHECK(contains(render::slide_from_recipe(other_recipe), ">Gezinnen, een andere meting</text>"));
  CHECK_THROWS(render::slide_from_recipe("not a recipe"));
}

TEST_CASE("a long slide title wraps and is cut after two lines", "[slide]") {
  std::string title;
  for (int i = 0; i < 40; ++i) title += "woord ";
  std::string svg = charts::slide_svg("<svg viewBox=\"0 0 1 1\"></svg>", {title, "", "", "", "", ""});
  // 1472 px at 44 px and 0.55 em a letter: 60 letters a line, ten "woord"s (59 letters).
  std::string line;
  for (int i = 0; i < 10; ++i) line += (i ? " " : "") + std::string("woord");
  CHECK(contains(svg, ">" + line + "</text>"));
  CHECK(contains(svg, ">" + line + " …</text>"));
  CHECK_THROWS(charts::slide_svg("no svg", {}));
}

TEST_CASE("librsvg draws a slide as a 1600 by 900 PNG with the chart's colours, the same bytes each time",
          "[slide][png]") {
  build::NoPng why = build::NoPng::kNone;
  const auto raster = build::make_rasteriser(why);
  if (!raster) {
    WARN((why == build::NoPng::kNoFont ? "no font installed: PNG test skipped" : "built without librsvg: PNG test skipped"));
    return;
  }
  // A bar 60 wide from the left edge of a 100 × 50 chart, in #1f5f8b.
  const std::string svg = charts::slide_svg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"><rect width=\"60\" height=\"20\" fill=\"#1f5f8b\"/></svg>",
      {"Titel", "Groep", "Vraag?", "n = 5", "Bron", "Site"});
  const std::string a = raster->png(svg), b = raster->png(svg);
  REQUIRE(a.size() > 24);
  CHECK(a.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  // IHDR: width and height as 4-byte big-endian numbers at bytes 16 and 20.
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(a[at]) << 24) | (static_cast<unsigned char>(a[at + 1]) << 16) |
           (static_cast<unsigned char>(a[at + 2]) << 8) | static_cast<unsigned char>(a[at + 3]);
  };
  CHECK(be32(16) == 1600);
  CHECK(be32(20) == 900);
  CHECK(a == b);
#ifdef DUIDING_TEST_PNG
  // Decoded again by libpng's own reader: the bar's colour is there (red, green and blue
  // in that order, not swapped), as are the white background and dark title text.
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, a.data(), a.size()));
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> px(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, px.data(), 0, nullptr));
  std::size_t bar = 0, white = 0, dark = 0;
  for (std::size_t i = 0; i + 2 < px.size(); i += 3) {
    const int r = px[i], g = px[i + 1], bl = px[i + 2];
    if (r == 0x1f && g == 0x5f && bl == 0x8b) ++bar;
    if (r == 255 && g == 255 && bl == 255) ++white;
    if (r + g + bl < 150) ++dark;
  }
  CHECK(bar > 1000);
  CHECK(white > px.size() / 3 / 2);
  CHECK(dark > 100);
#endif
  CHECK_THROWS_AS(raster->png("<svg"), build::PngFailed);
}

TEST_CASE("an indicator measured in two rounds opens with its trend, before the distributions", "[trend][whole-site]") {
  auto files = build_mini();
  const std::string& page = files.at("kern/tevredenheid/index.html");
  const auto trend = page.find("<section class=\"trend\" aria-labelledby=\"trend\">");
  const auto first_chart = page.find("id=\"kop-gezinnen\"");
  REQUIRE(trend != std::string::npos);
  REQUIRE(first_chart != std::string::npos);
  CHECK(trend < first_chart);
  // The comparison chart sits in the trend, once; the later section does not repeat it.
  CHECK(page.find("id=\"grafiek-vergelijking-gezinnen\"") > trend);
  CHECK(page.find("id=\"grafiek-vergelijking-gezinnen\"") < first_chart);
  CHECK(page.find("id=\"grafiek-vergelijking-gezinnen\"", first_chart) == std::string::npos);
  // The lead: the latest share and the change in words (the fixture's 65 % and +15 points;
  // 2023 has no n, so it is not tested).
  CHECK(contains(page, "<p class=\"trend-lead\">Gezinnen, Impactmeting 2024: 65\u00a0% is tevreden over de ondersteuning (95%-interval 52,2 tot "
                       "77,6\u00a0%); +15 procentpunt sinds Impactmeting 2023: <span class=\"verdict verdict-not-tested\">"));
}

TEST_CASE("an indicator without a second round has no trend section", "[trend][whole-site]") {
  auto files = build_mini();
  CHECK_FALSE(contains(files.at("organisatie/kosten/index.html"), "class=\"trend\""));
  CHECK_FALSE(contains(files.at("kern/hulp/index.html"), "class=\"trend\""));
}

TEST_CASE("the home page tile of a compared figure carries its trend chart", "[trend][whole-site]") {
  auto files = build_mini();
  const std::string& home = files.at("index.html");
  CHECK(contains(home, "<div class=\"trend-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-spark\""));
  CHECK(contains(home, "aria-label=\"Verloop per meting: Impactmeting 2023 50\u00a0%; Impactmeting 2024 65\u00a0%.\""));
}

TEST_CASE("every chart has an SVG slide, and a PNG only when the build can rasterise", "[slide][whole-site]") {
  auto plain = build_mini();
  CHECK(plain.count("kern/tevredenheid/tevredenheid-gezinnen.svg") == 1);
  CHECK(plain.count("kern/tevredenheid/tevredenheid-gezinnen.png") == 0);
  CHECK_FALSE(contains(plain.at("kern/tevredenheid/index.html"), ".png\" download"));
  FakePng png;
  auto files = build_mini(&png);
  CHECK(files.count("kern/tevredenheid/tevredenheid-gezinnen.png") == 1);
  CHECK(files.count("kern/tevredenheid/tevredenheid-vergelijking-gezinnen.png") == 1);
  CHECK(contains(files.at("kern/tevredenheid/index.html"),
                 "<a href=\"tevredenheid-gezinnen.png\" download>afbeelding (PNG, 1600\u00a0×\u00a0900 pixels)</a>"));
  const std::string& slide = files.at("kern/tevredenheid/tevredenheid-gezinnen.svg");
  CHECK(contains(slide, ">Mini-meting"));
}

TEST_CASE("every chart has an embed page without scripts that links to its full page and table", "[embed][whole-site]") {
  auto files = build_mini();
  const std::string& embed = files.at("embed/tevredenheid/gezinnen/index.html");
  CHECK_FALSE(contains(embed, "<script"));
  CHECK(contains(embed, "<svg"));
  CHECK(contains(embed, "href=\"../../../kern/tevredenheid/index.html#kop-gezinnen\" target=\"_top\""));
  CHECK(contains(embed, "href=\"../../../kern/tevredenheid/index.html#tabel-gezinnen\" target=\"_top\""));
  CHECK(contains(embed, "<meta http-equiv=\"Content-Security-Policy\""));
  CHECK(files.count("embed/tevredenheid/vergelijking-gezinnen/index.html") == 1);
  const std::string& page = files.at("kern/tevredenheid/index.html");
  CHECK(contains(page, "id=\"tabel-gezinnen\""));
  CHECK(contains(page, "<textarea id=\"insluiten-gezinnen\" class=\"embed-snippet\" readonly rows=\"3\">&lt;iframe src="));
  CHECK(contains(page, "class=\"copy-button\" data-copy=\"insluiten-gezinnen\" hidden>"));
}

TEST_CASE("a PNG is drawn when its slide is new or changed, never to plan a build", "[slide][png][incremental]") {
  const fs::path mini = fs::path(DUIDING_TEST_DATA) / "fixtures" / "mini";
  const fs::path tmp = fs::temp_directory_path() / ("duiding-png-test-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  fs::copy(mini, tmp / "source", fs::copy_options::recursive);
  auto build_once = [&](const FakePng& png) {
    diag::Diagnostics diag;
    auto m = validate::load_source(tmp / "source", diag);
    REQUIRE(m);
    return build::build_folder(*m, fs::path(DUIDING_TEST_DATA).parent_path(), tmp / "site", {.threads = 2, .png = &png});
  };
  FakePng first;
  build_once(first);
  // Five charts in the mini site (gezinnen and medewerkers of tevredenheid, its comparison
  // of gezinnen, hulp's gezinnen, the kosten series): five slides, five PNGs.
  CHECK(first.calls == 5);
  CHECK(fs::is_regular_file(tmp / "site" / "kern" / "tevredenheid" / "tevredenheid-gezinnen.png"));
  // Unchanged: nothing is drawn, not even to hash the jobs.
  FakePng second;
  CHECK(build_once(second).unchanged);
  CHECK(second.calls == 0);
  // The 2024 cost of the series changes its one chart, so one slide and one PNG.
  const fs::path series = tmp / "source" / "data" / "values" / "reeksen.csv";
  std::string text;
  {
    std::ifstream in(series);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(text.find("2024,kosten,1640000,") != std::string::npos);
  text.replace(text.find("2024,kosten,1640000,"), 20, "2024,kosten,1650000,");
  std::ofstream(series, std::ios::binary) << text;
  FakePng third;
  build_once(third);
  CHECK(third.calls == 1);
  fs::remove_all(tmp);
}
