// Writes the SVG duiding draws natively for each Vega-Lite spec file named on the
// command line to stdout, one JSON line per spec: {"file": ..., "svg": ...} or
// {"file": ..., "error": ...}. Used by the conformance test (compare.mjs).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "charts/native_svg.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    nlohmann::json line = {{"file", argv[i]}};
    try {
      std::ifstream in(argv[i]);
      std::stringstream text;
      text << in.rdbuf();
      nlohmann::json spec = nlohmann::json::parse(text.str());
      spec.erase("$schema");
      line["svg"] = duiding::charts::native_svg(spec);
    } catch (const std::exception& e) {
      line["error"] = e.what();
    }
    std::cout << line.dump() << "\n";
  }
  return 0;
}
