// The pieces native_svg() draws a chart from: scales that map data to pixels, and SVG
// items that know their bounding box (Vega lays a chart out by the boxes of its parts).
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "charts/svg_scale.h"

namespace duiding::charts::svg {

/// A bounding box in the plot's coordinates; empty until something is added.
struct Box {
  double x1 = std::numeric_limits<double>::infinity(), y1 = x1;
  double x2 = -std::numeric_limits<double>::infinity(), y2 = x2;
  void add(double ax, double ay, double bx, double by);
  void add(const Box& b) { add(b.x1, b.y1, b.x2, b.y2); }
  bool empty() const { return x1 > x2; }
};

/// One drawn element (or a link around one) and the box Vega would give it.
struct Item {
  std::string svg;
  Box box;
  bool rule = false;  ///< a bare line() (an axis's domain, tick or grid line), not linked
};

/// While a BoxesOnly lives on this thread, text(), line(), rect(), symbol(), polyline()
/// and linked() give items their boxes and no SVG: Chart::draw() lays a container chart
/// out once only to measure its margins, and throws that drawing away.
class BoxesOnly {
 public:
  BoxesOnly();
  ~BoxesOnly();
  BoxesOnly(const BoxesOnly&) = delete;
  BoxesOnly& operator=(const BoxesOnly&) = delete;

 private:
  bool before_;
};

/// Whether a BoxesOnly lives on this thread.
bool boxes_only();

/// `text` escaped for an SVG attribute value or text node.
std::string escape(const std::string& text);

/// escape(text) appended to `out`.
void append_escaped(std::string& out, std::string_view text);

/// What a text is drawn with.
struct Font {
  std::string family;
  double size = 13;
  std::string colour;
  std::string weight;  ///< "" for the default
};

/// A text at (x, y) as Vega draws it: `align` left/center/right, `baseline`
/// top/middle/bottom/alphabetic, offset by (dx, dy); its box from the width estimate.
Item text(const std::string& content, double x, double y, const std::string& align, const std::string& baseline,
          const Font& font, double dx = 0, double dy = 0);

/// A text of several lines (a tspan each, Vega's line height of the font size plus 2 px
/// between them); (x, y) places the first line as text() does.
Item text(const std::vector<std::string>& lines, double x, double y, const std::string& align,
          const std::string& baseline, const Font& font, double dx = 0, double dy = 0);

/// A straight line from (x1, y1) to (x2, y2).
Item line(double x1, double y1, double x2, double y2, const std::string& colour, double width,
          const std::string& dash = "");

/// Attributes of a filled or stroked shape.
struct Paint {
  std::string fill, stroke;
  double stroke_width = 0;  ///< 0: no stroke attribute
  double opacity = -1, fill_opacity = -1;  ///< -1: not set
  std::string dash;  ///< stroke-dasharray ("4,3"), empty for a solid stroke
  std::string attributes() const;
  /// attributes() appended to `out`.
  void append_attributes(std::string& out) const;
};

/// A rectangle as Vega's bar path.
Item rect(double x, double y, double w, double h, const Paint& paint);

/// A circle or diamond of `size` square pixels centred on (x, y).
Item symbol(const std::string& shape, double x, double y, double size, const Paint& paint);

/// A polyline through `points`.
Item polyline(const std::vector<std::pair<double, double>>& points, const std::string& colour, double width);

/// `item` as a link to `href` (the story page).
Item linked(Item item, const std::string& href);

/// A scale of one position channel: linear over [d0, d1], or bands over `domain`.
struct Scale {
  bool discrete = false;
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;  // linear
  std::vector<std::string> domain;         // discrete
  Bands bands;
  double operator()(double v) const { return r0 + (v - d0) / (d1 - d0) * (r1 - r0); }
  /// The start of `key`'s band (a point scale: the point); throws when it is not in the domain.
  double band(const std::string& key) const;
};

/// A datum's value as a discrete key: a string as it is, a number as JSON writes it.
std::string key(const nlohmann::json& v);

}  // namespace duiding::charts::svg
