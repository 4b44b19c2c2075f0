#include "charts/native_svg.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "charts/svg_chart.h"
#include "charts/svg_scale.h"

namespace duiding::charts {
namespace svg {

Chart::Chart(const json& spec, double container_width) : spec_(spec), container_width_(container_width) {
  const json& config = member(spec, "config");
  font_.family = config.value("font", std::string("sans-serif"));
  font_.size = config.value("/text/fontSize"_json_pointer, 11.0);
  const json& axis = member(config, "axis");
  axis_font_ = {font_.family, axis.value("labelFontSize", 10.0), axis.value("labelColor", std::string("#000")), ""};
  title_font_ = {font_.family, axis.value("titleFontSize", 11.0), axis.value("titleColor", std::string("#000")),
                 axis.value("titleFontWeight", std::string("bold"))};
  label_limit_ = axis.value("labelLimit", 180.0);
  const json& legend = member(config, "legend");
  legend_font_ = {font_.family, legend.value("labelFontSize", 10.0), legend.value("labelColor", std::string("#000")), ""};
  legend_limit_ = legend.value("labelLimit", 160.0);
  static const json kNone = json::array();
  const json* top_data = spec.contains("data") ? &spec["data"]["values"] : &kNone;
  for (const json& l : spec.at("layer")) {
    Layer layer;
    layer.mark = l.at("mark").is_string() ? json{{"type", l["mark"]}} : l["mark"];
    layer.encoding = &member(l, "encoding");
    layer.data = l.contains("data") ? &l["data"]["values"] : top_data;
    layers_.push_back(std::move(layer));
  }
  container_ = spec.value("width", json()) == "container";
  height_ = number(spec.at("height"));
}

std::string Chart::draw() {
  // Vega's fit-x: the plot is as wide as the page allows once the axis on the left and
  // whatever sticks out on the right are inside. Vega measures what sticks out once, with
  // the chart laid out 720 px wide, and keeps those margins for the fitted width.
  double width = container_ ? container_width_ : number(spec_.at("width"));
  Drawn d;
  if (container_) {
    Drawn first;
    {
      BoxesOnly measuring;  // only the margins of this first layout are kept
      first = layout(width);
    }
    width = container_width_ - 2 * kPadding - first.left - first.right;
    d = layout(width);
    d.left = first.left, d.right = first.right, d.top = first.top, d.bottom = first.bottom;
  } else {
    d = layout(width);
  }
  double total_w = container_ ? container_width_ : width + d.left + d.right + 2 * kPadding;
  double total_h = height_ + d.top + d.bottom + 2 * kPadding;
  std::size_t length = 0;
  for (const Item& item : d.items) length += item.svg.size();
  std::string out;
  out.reserve(length + 400);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
         "version=\"1.1\" class=\"marks\" width=\"";
  append_coord(out, total_w);
  out += "\" height=\"";
  append_coord(out, total_h);
  out += "\" viewBox=\"0 0 ";
  append_coord(out, total_w);
  out += ' ';
  append_coord(out, total_h);
  out += "\"><rect width=\"";
  append_coord(out, total_w);
  out += "\" height=\"";
  append_coord(out, total_h);
  out += "\" fill=\"white\"/><g transform=\"translate(";
  append_coord(out, kPadding + d.left);
  out += ',';
  append_coord(out, kPadding + d.top);
  out += ")\">";
  for (const Item& item : d.items) out += item.svg;
  out += "</g></svg>";
  return out;
}

Chart::Drawn Chart::layout(double width) {
  Drawn d;
  x_ = scale("x", {0, width});
  y_ = scale("y", {height_, 0});
  double axis_left = 0, axis_bottom = 0;
  std::vector<Item> axes;
  if (has_axis("x")) axis_bottom = x_axis(axes, width);
  if (has_axis("y")) axis_left = y_axis(axes, width);
  std::vector<Item> marks;
  for (const Layer& l : layers_) draw_layer(l, marks);
  std::vector<Item> legends;
  double legend_bottom = legend(legends, axis_bottom + kLegendOffset);
  // Vega leaves the axis rules (domain, ticks, grid) out of the chart's bounds; their
  // reach is in axis_left and axis_bottom.
  for (Item& i : axes)
    if (i.rule) i.box = Box{};
  // Nor does the width of a legend count: a long one runs off the chart.
  for (Item& i : legends)
    if (!i.box.empty()) i.box.x1 = i.box.x2 = 0;
  Box box;
  for (const auto* group : {&axes, &marks, &legends})
    for (const Item& i : *group)
      if (!i.box.empty()) box.add(i.box);
  d.left = std::max(0.0, std::ceil(std::max(axis_left, -box.x1)));
  d.right = std::max(0.0, std::ceil(box.x2 - width));
  d.top = std::max(0.0, std::ceil(-box.y1));
  d.bottom = std::max(0.0, std::ceil(std::max({axis_bottom, legend_bottom, box.y2 - height_})));
  for (auto* group : {&axes, &marks})
    for (Item& i : *group) d.items.push_back(std::move(i));
  if (!legends.empty()) {
    d.items.push_back(Item{"<g class=\"legend\">", Box{}, false});
    for (Item& i : legends) d.items.push_back(std::move(i));
    d.items.push_back(Item{"</g>", Box{}, false});
  }
  return d;
}

std::vector<const json*> Chart::defs(const std::string& name) const {
  std::vector<const json*> out;
  for (const Layer& l : layers_)
    for (const std::string& n : {name, name + "2"})
      if (const json* c = channel(l, n.c_str())) out.push_back(c);
  return out;
}

bool Chart::has_axis(const std::string& name) const {
  auto all = defs(name);
  if (all.empty()) return false;
  for (const json* c : all)
    if (c->contains("axis") && (*c)["axis"].is_null()) return false;
  return true;
}

Scale Chart::scale(const std::string& name, std::pair<double, double> range) const {
  Scale s;
  s.r0 = range.first;
  s.r1 = range.second;
  std::string type;
  for (const json* c : defs(name))
    if (c->contains("type")) type = (*c)["type"];
  if (type == "nominal" || type == "ordinal") {
    s.discrete = true;
    bool band = false;
    for (const Layer& l : layers_)
      band = band || (l.mark["type"] == "bar" && channel(l, name.c_str()));
    for (const json* c : defs(name))
      if (c->contains("sort") && (*c)["sort"].is_array() && s.domain.empty())
        for (const json& v : (*c)["sort"]) s.domain.push_back(key(v));
    if (s.domain.empty()) {
      std::set<std::string> seen;
      for (const Layer& l : layers_)
        if (const json* c = channel(l, name.c_str()); c && c->contains("field"))
          for (const json& datum : *l.data) seen.insert(key(datum.at((*c)["field"].get<std::string>())));
      s.domain.assign(seen.begin(), seen.end());
    }
    double lo = std::min(range.first, range.second), hi = std::max(range.first, range.second);
    // Vega-Lite's paddings: bands of bars 0.1 apart (0.05 at the ends), 0.2 and 0.2 when
    // each band holds a group of bars (an offset channel), points half a step from the ends.
    bool grouped = false;
    for (const Layer& l : layers_) grouped = grouped || channel(l, (name + "Offset").c_str()) != nullptr;
    s.bands = !band ? bands(s.domain.size(), lo, hi, 1, 0.5)
              : grouped ? bands(s.domain.size(), lo, hi, 0.2, 0.2)
                        : bands(s.domain.size(), lo, hi, 0.1, 0.05);
    return s;
  }
  // Quantitative: the explicit domain, else the data (with zero unless told otherwise).
  bool zero = true, nice = false, explicit_domain = false;
  std::optional<double> domain_min;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const json* c : defs(name)) {
    if (c->contains("scale") && (*c)["scale"].is_object()) {
      const json& sc = (*c)["scale"];
      if (sc.contains("domain")) {
        s.d0 = number(sc["domain"][0]);
        s.d1 = number(sc["domain"][1]);
        explicit_domain = true;
      }
      if (sc.contains("domainMin")) domain_min = number(sc["domainMin"]);
      if (sc.contains("zero")) zero = sc["zero"].get<bool>();
      if (sc.contains("nice")) nice = sc["nice"].get<bool>();
    }
    if (c->contains("datum")) {
      lo = std::min(lo, number((*c)["datum"]));
      hi = std::max(hi, number((*c)["datum"]));
    }
  }
  if (explicit_domain) return s;
  for (const Layer& l : layers_)
    for (const std::string& n : {name, name + "2"})
      if (const json* c = channel(l, n.c_str()); c && c->contains("field"))
        for (const json& datum : *l.data) {
          auto it = datum.find((*c)["field"].get<std::string>());
          if (it == datum.end() || it->is_null()) continue;
          lo = std::min(lo, number(*it));
          hi = std::max(hi, number(*it));
        }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (domain_min) lo = *domain_min;
  if (nice) std::tie(lo, hi) = svg::nice(lo, hi, 10);
  if (lo == hi) hi = lo + 1;
  s.d0 = lo;
  s.d1 = hi;
  return s;
}

std::optional<double> Chart::position(const Layer& l, const json& datum, const std::string& name, const Scale& s, const Scale* offset) const {
  const json* c = channel(l, name.c_str());
  if (c == nullptr) return std::nullopt;
  if (c->contains("datum")) return s(number((*c)["datum"]));
  auto found = datum.find((*c)["field"].get<std::string>());
  if (found == datum.end() || found->is_null()) return std::nullopt;  // Vega draws no mark for it
  const json& v = *found;
  if (!s.discrete) return s(number(v));
  double p = s.band(key(v));
  if (offset != nullptr) {
    const json* o = channel(l, (name + "Offset").c_str());
    return p + offset->band(key(datum.at((*o)["field"].get<std::string>()))) + offset->bands.bandwidth / 2;
  }
  return p + s.bands.bandwidth / 2;
}

std::string Chart::colour(const Layer& l, const json& datum, const std::string& fallback) const {
  if (const json* c = channel(l, "color"); c && c->contains("field")) {
    std::string v = key(datum.at((*c)["field"].get<std::string>()));
    if (c->contains("scale") && (*c)["scale"].is_object()) {
      const json& dom = (*c)["scale"]["domain"];
      for (std::size_t i = 0; i < dom.size(); ++i)
        if (key(dom[i]) == v) return (*c)["scale"]["range"][i];
      throw std::runtime_error("native SVG: colour for \"" + v + "\" not in the scale");
    }
    return v;
  }
  return l.mark.value("color", l.mark.value("fill", fallback));
}

std::optional<Scale> Chart::offset_scale(const Layer& l, const std::string& name) const {
  const json* o = channel(l, (name + "Offset").c_str());
  if (o == nullptr) return std::nullopt;
  const Scale& outer = name == "y" ? y_ : x_;
  Scale s;
  s.discrete = true;
  for (const json& v : o->at("sort")) s.domain.push_back(key(v));
  s.bands = bands(s.domain.size(), 0, outer.bands.bandwidth, 0, 0);
  return s;
}

// A mark's strokeDash as an SVG stroke-dasharray ("6,3"), or "".
static std::string dash_of(const json& mark) {
  std::string dash;
  if (mark.contains("strokeDash"))
    for (const json& v : mark["strokeDash"]) dash += (dash.empty() ? "" : ",") + coord(number(v));
  return dash;
}

void Chart::draw_layer(const Layer& l, std::vector<Item>& out) const {
  const std::string type = l.mark.at("type");
  const json* href = channel(l, "href");
  auto emit = [&](Item item, const json& datum) {
    std::string url = href ? datum.value(href->at("field").get<std::string>(), std::string()) : "";
    out.push_back(url.empty() ? std::move(item) : linked(std::move(item), url));
  };
  std::optional<Scale> y_offset = offset_scale(l, "y");
  const Scale* yo = y_offset ? &*y_offset : nullptr;
  if (type == "line") {
    std::vector<std::pair<double, double>> points;
    std::vector<std::pair<double, const json*>> order;
    const json* by = channel(l, "order");
    for (const json& datum : *l.data)
      order.push_back({by ? number(datum.at(by->at("field").get<std::string>())) : need(position(l, datum, "x", x_)), &datum});
    std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [k, datum] : order) points.emplace_back(need(position(l, *datum, "x", x_)), need(position(l, *datum, "y", y_)));
    std::string c = l.mark.value("color", std::string("#4c78a8"));
    out.push_back(polyline(points, c, l.mark.value("strokeWidth", 2.0)));
    if (l.mark.contains("point")) {
      const json& p = l.mark["point"];
      Paint paint{p.value("color", c), "", 0};
      for (const auto& [px, py] : points) out.push_back(symbol("circle", px, py, p.value("size", 30.0), paint));
    }
    return;
  }
  for (const json& datum : *l.data) {
    if (type == "bar") {
      Paint paint{colour(l, datum, "#4c78a8"), l.mark.value("stroke", std::string()), l.mark.value("strokeWidth", 1.0)};
      paint.dash = dash_of(l.mark);
      double x1, x2, y1, y2;
      if (y_.discrete) {
        double yb = y_.band(key(datum.at(channel(l, "y")->at("field").get<std::string>())));
        if (yo) yb += yo->band(key(datum.at(channel(l, "yOffset")->at("field").get<std::string>())));
        y1 = yb;
        y2 = yb + (yo ? yo->bands.bandwidth : y_.bands.bandwidth);
        x1 = channel(l, "x2") ? need(position(l, datum, "x2", x_)) : x_(0);
        x2 = need(position(l, datum, "x", x_));
      } else {
        x1 = need(position(l, datum, "x", x_));
        x2 = need(position(l, datum, "x2", x_));
        y1 = need(position(l, datum, "y", y_));
        y2 = channel(l, "y2") ? need(position(l, datum, "y2", y_)) : y_(0);
      }
      emit(rect(std::min(x1, x2), std::min(y1, y2), std::fabs(x2 - x1), std::fabs(y2 - y1), paint), datum);
    } else if (type == "text") {
      const json* t = channel(l, "text");
      std::string content = key(datum.at(t->at("field").get<std::string>()));
      if (content.empty()) continue;
      Font f = font_;
      f.colour = colour(l, datum, "#000");
      f.weight = l.mark.value("fontWeight", std::string());
      if (l.mark.contains("limit")) content = truncate(content, f.size, number(l.mark["limit"]));
      double x = position(l, datum, "x", x_, nullptr).value_or(0);
      double y = l.mark.contains("y") ? number(l.mark["y"]) : position(l, datum, "y", y_, yo).value_or(0);
      emit(text(content, x, y, l.mark.value("align", std::string("center")), l.mark.value("baseline", std::string("middle")),
                     f, l.mark.value("dx", 0.0), l.mark.value("dy", 0.0)),
           datum);
    } else if (type == "rule" && channel(l, "x2")) {
      // Across: from x to x2 at y (an interval beside its round).
      auto x1 = position(l, datum, "x", x_);
      auto x2 = position(l, datum, "x2", x_);
      auto y = position(l, datum, "y", y_);
      if (!x1 || !x2 || !y) continue;  // no interval for this datum
      emit(line(*x1, *y, *x2, *y, l.mark.value("color", std::string("#000")), l.mark.value("strokeWidth", 1.0),
                dash_of(l.mark)),
           datum);
    } else if (type == "rule") {
      auto y1 = position(l, datum, "y", y_);
      auto y2 = position(l, datum, "y2", y_);
      auto x = position(l, datum, "x", x_);
      if (!x || (channel(l, "y") && !y1) || (channel(l, "y2") && !y2)) continue;  // no interval for this datum
      emit(line(*x, y1.value_or(0), *x, y2.value_or(height_), l.mark.value("color", std::string("#000")),
                     l.mark.value("strokeWidth", 1.0), dash_of(l.mark)),
           datum);
    } else if (type == "circle" || type == "point") {
      Paint paint;
      std::string c = colour(l, datum, "#4c78a8");
      bool filled = type == "circle" || l.mark.value("filled", false);
      paint.fill = filled ? c : "";
      paint.stroke = l.mark.value("stroke", filled ? std::string() : c);
      paint.stroke_width = l.mark.value("strokeWidth", paint.stroke.empty() ? 0.0 : 1.0);
      // Vega-Lite draws points and circles at 0.7 opacity unless the spec says otherwise.
      paint.opacity = l.mark.contains("opacity") ? number(l.mark["opacity"]) : 0.7;
      if (l.mark.contains("fillOpacity")) paint.fill_opacity = number(l.mark["fillOpacity"]);
      double size = l.mark.value("size", 30.0);
      if (const json* s = channel(l, "size")) size = size_of(number(datum.at(s->at("field").get<std::string>())));
      emit(symbol(type == "circle" ? "circle" : l.mark.value("shape", std::string("circle")),
                       need(position(l, datum, "x", x_)), need(position(l, datum, "y", y_)), size, paint),
           datum);
    } else {
      throw std::runtime_error("native SVG: no mark \"" + type + "\"");
    }
  }
}

double Chart::size_of(double v) const {
  double hi = size_max();
  return kMinSize + (hi == 0 ? 0 : v / hi) * (kMaxSize - kMinSize);
}

double Chart::size_max() const {
  double hi = 0;
  for (const Layer& l : layers_)
    if (const json* s = channel(l, "size"))
      for (const json& datum : *l.data) hi = std::max(hi, number(datum.at(s->at("field").get<std::string>())));
  return hi;
}

}  // namespace svg

std::string native_svg(const nlohmann::json& spec, double container_width) {
  return svg::Chart(spec, container_width).draw();
}

}  // namespace duiding::charts
