// The SVG of a chart as it goes into a page: accessible, and allowed by the site's
// Content-Security-Policy. Pure text in, text out; see svg_renderer.h for drawing it.
#pragma once

#include <string>

namespace duiding::charts {

/// The SVG as it goes into a page: Vega's root class "marks" becomes "chart-static" (the
/// browser tests tell it from the chart vega-embed draws), the root gets role="img" and
/// aria-label `label` (the summary sentence), the roles and English aria attributes Vega
/// puts on the marks are dropped (role="img" hides them anyway), and any style="..."
/// attribute becomes presentation attributes, which a CSP of style-src 'self' allows.
/// Deterministic: the same SVG and label give the same bytes. Throws std::runtime_error
/// on a style property that has no presentation attribute.
std::string page_svg(const std::string& svg, const std::string& label);

}  // namespace duiding::charts
