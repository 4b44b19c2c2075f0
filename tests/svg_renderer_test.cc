// The real renderer: one node process with the vega and vega-lite npm packages of this
// checkout (scripts/setup.sh installs them), and its errors when something is missing.
#include "charts/svg_renderer.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using duiding::charts::NodeSvgRenderer;
using duiding::charts::SvgRendererUnavailable;
using nlohmann::json;
namespace fs = std::filesystem;

const fs::path kScript = fs::path(DUIDING_TEST_DATA).parent_path() / "generator" / "charts" / "render-svg.mjs";

json bars(std::vector<double> values) {
  json data = json::array();
  for (std::size_t i = 0; i < values.size(); ++i) data.push_back({{"k", std::string(1, char('a' + i))}, {"v", values[i]}});
  return {{"width", "container"}, {"height", 100}, {"data", {{"values", data}}}, {"mark", "bar"},
          {"encoding", {{"x", {{"field", "k"}, {"type", "nominal"}}}, {"y", {{"field", "v"}, {"type", "quantitative"}}}}}};
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

struct PathValue {
  std::string old;
  explicit PathValue(const char* value) : old(std::getenv("PATH") ? std::getenv("PATH") : "") { setenv("PATH", value, 1); }
  ~PathValue() { setenv("PATH", old.c_str(), 1); }
};

}  // namespace

TEST_CASE("node draws one svg rect per bar, at the static width, for several charts in one process", "[svg][node]") {
  NodeSvgRenderer svg(kScript);
  CHECK(svg.versions().find("vega 6.") == 0);
  for (std::size_t bars_n : {2u, 3u, 5u}) {
    std::string out = svg.render(bars(std::vector<double>(bars_n, 4.0)));
    CHECK(out.rfind("<svg", 0) == 0);
    CHECK(out.find("width=\"720\"") != std::string::npos);
    CHECK(count(out, "role-mark") > 0);
    CHECK(count(out, "<path") >= bars_n);
  }
}

TEST_CASE("the same spec gives the same svg in a new process", "[svg][node]") {
  std::string first = NodeSvgRenderer(kScript).render(bars({1, 2, 3}));
  std::string second = NodeSvgRenderer(kScript).render(bars({1, 2, 3}));
  CHECK(first == second);
}

TEST_CASE("a spec vega cannot draw is an error, and the next chart still renders", "[svg][node]") {
  NodeSvgRenderer svg(kScript);
  CHECK_THROWS_WITH(svg.render(json{{"mark", "nope"}}), Catch::Contains("Vega could not draw a chart as SVG"));
  CHECK(svg.render(bars({1})).rfind("<svg", 0) == 0);
}

TEST_CASE("without node on PATH the renderer says to run the setup script", "[svg][node]") {
  PathValue none("/nonexistent");
  CHECK_THROWS_AS(NodeSvgRenderer(kScript), SvgRendererUnavailable);
  CHECK_THROWS_WITH(NodeSvgRenderer(kScript), Catch::Contains("cannot start node") && Catch::Contains("run scripts/setup.sh"));
}

TEST_CASE("without the npm packages the renderer says to run the setup script", "[svg][node]") {
  // A copy of the script in a folder with no node_modules above it.
  fs::path dir = fs::temp_directory_path() / "duiding-svg-test";
  fs::create_directories(dir);
  fs::copy_file(kScript, dir / "render-svg.mjs", fs::copy_options::overwrite_existing);
  CHECK_THROWS_WITH(NodeSvgRenderer(dir / "render-svg.mjs"),
                    Catch::Contains("cannot load the npm packages vega and vega-lite") && Catch::Contains("run scripts/setup.sh"));
  fs::remove_all(dir);
}
