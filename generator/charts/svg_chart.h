// The chart native_svg() draws: a Vega-Lite spec read into layers, laid out and drawn the
// way Vega does. native_svg.cc holds the layout, scales and marks, svg_guides.cc the axes
// and legends. Internal to the chart stage.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "charts/svg_draw.h"

namespace duiding::charts::svg {

using nlohmann::json;

// Vega's and Vega-Lite's defaults for what duiding's specs leave to them.
inline constexpr double kPadding = 5;            // autosize padding on every side
inline constexpr double kTickSize = 5, kLabelPadding = 2, kTitlePadding = 4;
inline constexpr double kLegendOffset = 18, kLegendRow = 19, kLegendColumnGap = 12, kSizeLegendGap = 10;
inline constexpr const char* kTickColour = "#888";
inline constexpr const char* kGridColour = "#ddd";
// Vega-Lite's size range for points in a continuous plot: 2 px to 19 px across.
inline constexpr double kMinSize = 4, kMaxSize = 361;

struct Layer {
  json mark;         // always an object with "type"
  const json* encoding;  // the layer's encoding in the spec (or an empty object)
  const json* data;  // the values array
};

inline const json* channel(const Layer& l, const char* name) {
  auto it = l.encoding->find(name);
  return it == l.encoding->end() ? nullptr : &*it;
}

// A position a mark cannot be drawn without.
inline double need(std::optional<double> v) {
  if (!v) throw std::runtime_error("native SVG: a mark without a position");
  return *v;
}

// The member `name` of object `j` (by reference, not copied), or an empty object.
inline const json& member(const json& j, const char* name) {
  static const json kEmpty = json::object();
  auto it = j.find(name);
  return it == j.end() ? kEmpty : *it;
}

inline double number(const json& v) {
  if (!v.is_number()) throw std::runtime_error("native SVG: " + v.dump() + " is not a number");
  return v.get<double>();
}

class Chart {
 public:
  Chart(const json& spec, double container_width);

  std::string draw();

 private:
  struct Drawn {
    std::vector<Item> items;
    double left = 0, right = 0, top = 0, bottom = 0;
  };

  Drawn layout(double width);

  // Every encoding of `name` (and `name`2) in any layer.
  std::vector<const json*> defs(const std::string& name) const;

  bool has_axis(const std::string& name) const;

  Scale scale(const std::string& name, std::pair<double, double> range) const;

  // The position of `datum` on channel `name` of layer `l` (the middle of a band);
  // nullopt when the layer does not encode it.
  std::optional<double> position(const Layer& l, const json& datum, const std::string& name, const Scale& s, const Scale* offset = nullptr) const;

  // A mark's colour for `datum`: its colour encoding (through the scale's domain and
  // range, or the value itself when the scale is null), else the mark's colour.
  std::string colour(const Layer& l, const json& datum, const std::string& fallback) const;

  std::optional<Scale> offset_scale(const Layer& l, const std::string& name) const;

  void draw_layer(const Layer& l, std::vector<Item>& out) const;

  // The size scale of a size encoding: linear from zero to the largest value.
  double size_of(double v) const;
  double size_max() const;

  std::string axis_title(const std::string& name) const;

  // Tick values and their labels of a quantitative axis `length` px long.
  std::vector<std::pair<double, std::string>> tick_labels(const std::string& name, const Scale& s, double length) const;

  // Keeps every other label while neighbours overlap (Vega's "parity" strategy).
  static std::vector<Item> parity(std::vector<Item> labels, bool horizontal);

  // Draws the bottom axis; returns how far below the plot it reaches.
  double x_axis(std::vector<Item>& out, double width) const;

  // The value of `property` in the axis object of channel `name`, or nullptr.
  const json* axis_property(const std::string& name, const char* property) const;

  // The lines a label of axis `name` is drawn in: one, cut at the label limit, or with a
  // labelExpr the lines wrap() breaks it into.
  std::vector<std::string> label_lines(const std::string& name, const std::string& label, double size) const;

  // A guide label as drawn: wrapped at `limit` when the guide has a labelExpr, each line
  // cut at `limit`.
  static std::vector<std::string> guide_lines(const std::string& label, double size, double limit, bool wrapped);

  // Draws the left axis; returns how far left of the plot it reaches.
  double y_axis(std::vector<Item>& out, double width) const;

  // Draws the legend below the chart `top` px under the plot; returns how far below the
  // plot it reaches (0 without a legend).
  double legend(std::vector<Item>& out, double top) const;

  double colour_legend(std::vector<Item>& out, const Layer& l, const json& c, double y) const;

  double size_legend(std::vector<Item>& out, const Layer& l, const json& s, double y) const;

  const json& spec_;
  std::vector<Layer> layers_;
  bool container_ = false;
  double container_width_;  // what "width": "container" is drawn at
  double height_ = 0;
  Font font_, axis_font_, title_font_, legend_font_;
  double label_limit_ = 180, legend_limit_ = 160;
  Scale x_, y_;
};

}  // namespace duiding::charts::svg
