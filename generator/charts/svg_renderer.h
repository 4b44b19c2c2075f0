// Static SVG for every chart: a Vega-Lite spec in, SVG text out. The render stage
// receives an SvgRenderer (a fake one in tests); a build uses NativeSvgRenderer
// (charts/native_svg.h), which draws in C++ without Node.js.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace duiding::charts {

/// Turns a Vega-Lite spec into SVG text.
class SvgRenderer {
 public:
  virtual ~SvgRenderer() = default;
  /// The SVG (one `<svg>` element) of `spec`. Throws std::runtime_error when the spec
  /// cannot be drawn (a bug in the chart stage).
  virtual std::string render(const nlohmann::json& spec) = 0;
  /// The SVG of `spec` drawn for a phone (a "container" width of about a phone's), or ""
  /// when the renderer draws only one width.
  virtual std::string render_narrow(const nlohmann::json& spec) {
    (void)spec;
    return "";
  }
  /// Whether render() may run on several threads at once (then the pages render in
  /// parallel); a renderer that keeps state says no.
  virtual bool thread_safe() const { return false; }
};

}  // namespace duiding::charts
