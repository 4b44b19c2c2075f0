// Writes the SVG duiding draws natively for each Vega-Lite spec file named on the
// command line to stdout, one JSON line per spec: {"file": ..., "svg": ...} or
// {"file": ..., "error": ...}. Used by the conformance test (compare.mjs), and with
// `--width N` first (a "container" chart drawn N px wide) by label-overlap.mjs.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "charts/native_svg.h"

int main(int argc, char** argv) {
  double width = duiding::charts::kWideWidth;
  int first = 1;
  if (argc > 2 && std::string(argv[1]) == "--width") {
    width = std::stod(argv[2]);
    first = 3;
  }
  for (int i = first; i < argc; ++i) {
    nlohmann::json line = {{"file", argv[i]}};
    try {
      std::ifstream in(argv[i]);
      std::stringstream text;
      text << in.rdbuf();
      nlohmann::json spec = nlohmann::json::parse(text.str());
      spec.erase("$schema");
      line["svg"] = duiding::charts::native_svg(spec, width);
    } catch (const std::exception& e) {
      line["error"] = e.what();
    }
    std::cout << line.dump() << "\n";
  }
  return 0;
}
