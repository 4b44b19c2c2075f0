// Static SVG for every chart, drawn in C++ from the Vega-Lite spec duiding itself wrote:
// the same numbers, colours, sort orders and story links the interactive chart gets, laid
// out the way Vega lays them out (its axis ticks, text width estimate and padding), so a
// build needs no Node.js. It reads the subset of Vega-Lite that charts/vega_lite.cc and
// charts/comparison_chart.cc write; anything else in a spec is a bug there, and throws.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "charts/svg_renderer.h"

namespace duiding::charts {

/// How wide a "container" chart is drawn for pages on wide screens and for phones (a
/// 390 px phone shows the narrow drawing at about its own size, so its text stays legible).
inline constexpr double kWideWidth = 720, kNarrowWidth = 360;

/// The SVG (one `<svg class="marks">` element, no style attributes, no ids) of `spec`.
/// A "container" width is drawn `container_width` px wide with everything inside, as
/// Vega's fit-x autosize does. Deterministic: the same spec gives the same bytes. Throws
/// std::runtime_error on a mark, channel or scale it does not draw.
std::string native_svg(const nlohmann::json& spec, double container_width = kWideWidth);

/// The SvgRenderer of a build: native_svg().
class NativeSvgRenderer : public SvgRenderer {
 public:
  std::string render(const nlohmann::json& spec) override { return native_svg(spec); }
  std::string render_narrow(const nlohmann::json& spec) override { return native_svg(spec, kNarrowWidth); }
  /// native_svg() keeps no state.
  bool thread_safe() const override { return true; }
};

}  // namespace duiding::charts
