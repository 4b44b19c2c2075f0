// The axes and legends of a natively drawn chart (see svg_chart.h): ticks, labels, titles
// and legend entries where Vega puts them.
#include <algorithm>
#include <cmath>

#include "charts/svg_chart.h"
#include "charts/svg_scale.h"

namespace duiding::charts::svg {

std::string Chart::axis_title(const std::string& name) const {
  for (const json* c : defs(name))
    if (c->contains("title") && (*c)["title"].is_string()) return (*c)["title"];
  return "";
}

std::vector<std::pair<double, std::string>> Chart::tick_labels(const std::string& name, const Scale& s, double length) const {
  std::vector<double> values;
  std::string format;
  for (const json* c : defs(name))
    if (c->contains("axis") && (*c)["axis"].is_object()) {
      const json& a = (*c)["axis"];
      if (a.contains("values")) values = a["values"].get<std::vector<double>>();
      format = a.value("format", format);
    }
  double count = std::ceil(length / 40);
  if (values.empty()) values = ticks(s.d0, s.d1, count);
  int decimals = format == "d" ? 0 : decimals_for(tick_step(s.d0, s.d1, count));
  std::vector<std::pair<double, std::string>> out;
  for (double v : values) out.emplace_back(v, number(v, decimals, format != "d"));
  return out;
}

std::vector<Item> Chart::parity(std::vector<Item> labels, bool horizontal) {
  auto overlaps = [&](const std::vector<Item>& ls) {
    for (std::size_t i = 1; i < ls.size(); ++i)
      if (horizontal ? ls[i - 1].box.x2 > ls[i].box.x1 : ls[i - 1].box.y1 < ls[i].box.y2) return true;
    return false;
  };
  while (labels.size() >= 3 && overlaps(labels)) {
    std::vector<Item> kept;
    for (std::size_t i = 0; i < labels.size(); i += 2) kept.push_back(std::move(labels[i]));
    labels = std::move(kept);
  }
  return labels;
}

double Chart::x_axis(std::vector<Item>& out, double width) const {
  const double y0 = height_ + 0.5;
  std::vector<Item> labels;
  const double label_y = y0 + kTickSize + kLabelPadding;
  Font f = axis_font_;
  std::size_t lines = 1;
  if (x_.discrete) {
    for (const std::string& k : x_.domain) {
      double p = x_.band(k) + x_.bands.bandwidth / 2;
      out.push_back(line(std::round(p - 0.5) + 0.5, y0, std::round(p - 0.5) + 0.5, y0 + kTickSize, kTickColour, 1));
      const auto label = label_lines("x", k, f.size);
      lines = std::max(lines, label.size());
      labels.push_back(text(label, p + 0.5, label_y, "center", "top", f));
    }
  } else {
    auto ticks = tick_labels("x", x_, width);
    for (const auto& [v, label] : ticks) {
      double p = x_(v);
      out.push_back(line(std::round(p) + 0.5, y0, std::round(p) + 0.5, y0 - height_, kGridColour, 1));
      out.push_back(line(std::round(p) + 0.5, y0, std::round(p) + 0.5, y0 + kTickSize, kTickColour, 1));
      std::string align = std::fabs(p) < 0.5 ? "left" : std::fabs(p - width) < 0.5 ? "right" : "center";
      labels.push_back(text(label, p + 0.5, label_y, align, "top", f));
    }
    labels = parity(std::move(labels), true);
  }
  for (Item& l : labels) out.push_back(std::move(l));
  out.push_back(line(0.5, y0, width + 0.5, y0, kTickColour, 1));
  double bottom = kTickSize + kLabelPadding + f.size + (f.size + 2) * static_cast<double>(lines - 1);
  if (std::string t = axis_title("x"); !t.empty()) {
    Item title = text(t, width / 2 + 0.5, y0 + bottom + kTitlePadding, "center", "top", title_font_);
    title.box = Box{};
    out.push_back(std::move(title));
    bottom += kTitlePadding + title_font_.size;
  }
  return bottom;
}

const json* Chart::axis_property(const std::string& name, const char* property) const {
  for (const json* c : defs(name))
    if (c->contains("axis") && (*c)["axis"].is_object() && (*c)["axis"].contains(property))
      return &(*c)["axis"][property];
  return nullptr;
}

std::vector<std::string> Chart::label_lines(const std::string& name, const std::string& label, double size) const {
  const json* limit = axis_property(name, "labelLimit");
  return guide_lines(label, size, limit ? number(*limit) : label_limit_, axis_property(name, "labelExpr") != nullptr);
}

std::vector<std::string> Chart::guide_lines(const std::string& label, double size, double limit, bool wrapped) {
  // A spec breaks a guide's long labels with a labelExpr built by wrap() at the guide's
  // labelLimit (charts/vega_lite.cc): the same lines come out of wrap() here.
  std::vector<std::string> lines = wrapped ? wrap(label, size, limit) : std::vector<std::string>{label};
  for (auto& l : lines) l = truncate(l, size, limit);
  return lines;
}

double Chart::y_axis(std::vector<Item>& out, double width) const {
  Font f = axis_font_;
  double widest = 0;
  std::vector<Item> labels;
  const double x0 = 0.5, label_x = x0 - kTickSize - kLabelPadding;
  if (y_.discrete) {
    const json* offset = axis_property("y", "labelOffset");
    for (const std::string& k : y_.domain) {
      double p = y_.band(k) + y_.bands.bandwidth / 2;
      out.push_back(line(x0, std::round(p - 0.5) + 0.5, x0 - kTickSize, std::round(p - 0.5) + 0.5, kTickColour, 1));
      const auto label = label_lines("y", k, f.size);
      for (const auto& l : label) widest = std::max(widest, text_width(l, f.size));
      labels.push_back(text(label, label_x, p + (offset ? number(*offset) : 0), "right", "middle", f));
    }
  } else {
    for (const auto& [v, label] : tick_labels("y", y_, height_)) {
      double p = y_(v);
      out.push_back(line(x0, std::round(p) + 0.5, x0 + width, std::round(p) + 0.5, kGridColour, 1));
      out.push_back(line(x0, std::round(p) + 0.5, x0 - kTickSize, std::round(p) + 0.5, kTickColour, 1));
      widest = std::max(widest, text_width(label, f.size));
      labels.push_back(text(label, label_x, p + 0.5, "right", "middle", f));
    }
    labels = parity(std::move(labels), false);
  }
  for (Item& l : labels) {
    l.box.x1 = l.box.x2 = 0;  // the axis's reach to the left is counted below
    out.push_back(std::move(l));
  }
  out.push_back(line(x0, 0.5, x0, height_ + 0.5, kTickColour, 1));
  double left = kTickSize + kLabelPadding + widest;
  if (std::string t = axis_title("y"); !t.empty()) {
    double x = x0 - left - kTitlePadding;
    double offset = std::round(-0.21 * title_font_.size);
    Item title;
    if (!boxes_only())
      title.svg = "<text text-anchor=\"middle\" transform=\"translate(" + coord(x) + "," +
                coord(height_ / 2 + 0.5) + ") rotate(-90) translate(0," + coord(offset) +
                ")\" font-family=\"" + escape(title_font_.family) + "\" font-size=\"" +
                coord(title_font_.size) + "px\" font-weight=\"" + escape(title_font_.weight) +
                "\" fill=\"" + escape(title_font_.colour) + "\">" + escape(t) + "</text>";
    out.push_back(std::move(title));
    left += kTitlePadding + title_font_.size;
  }
  return left;
}

double Chart::legend(std::vector<Item>& out, double top) const {
  for (const Layer& l : layers_) {
    const json* c = channel(l, "color");
    if (c && c->contains("legend") && (*c)["legend"].is_object() && c->contains("scale") && (*c)["scale"].is_object())
      return colour_legend(out, l, *c, height_ + top) - height_;
    const json* s = channel(l, "size");
    if (s && !(s->contains("legend") && (*s)["legend"].is_null())) return size_legend(out, l, *s, height_ + top) - height_;
  }
  return 0;
}

double Chart::colour_legend(std::vector<Item>& out, const Layer& l, const json& c, double y) const {
  const json& dom = c["scale"]["domain"];
  const json& range = c["scale"]["range"];
  bool vertical = c["legend"].value("direction", std::string("horizontal")) == "vertical";
  Paint paint{"", l.mark.value("stroke", std::string()), 1.5};
  const double limit = c["legend"].contains("labelLimit") ? number(c["legend"]["labelLimit"]) : legend_limit_;
  const bool wrapped = c["legend"].contains("labelExpr");
  const double line_height = legend_font_.size + 2;
  double x = 0, bottom = y;
  for (std::size_t i = 0; i < dom.size(); ++i) {
    paint.fill = range[i];
    const auto label = guide_lines(key(dom[i]), legend_font_.size, limit, wrapped);
    // The lines below the first; Vega's entry of several lines comes out 1 px shorter
    // than their line heights add up to (measured by the conformance test, 2 and 3 lines).
    const double more = label.size() > 1 ? line_height * static_cast<double>(label.size() - 1) - 1 : 0;
    out.push_back(symbol("square", x + 6.5, y + 6.5, 100, paint));
    Item text = svg::text(label, x + 17, y + 6.5, "left", "middle", legend_font_);
    bottom = std::max(bottom, y + 14.5 + more);
    double entry = 17 + text.box.x2 - text.box.x1;
    out.push_back(std::move(text));
    if (vertical) y += kLegendRow + more;
    else x += entry + kLegendColumnGap;
  }
  out.push_back(Item{"", Box{}, false});
  out.back().box.add(0, bottom, 0, bottom);
  return bottom;
}

double Chart::size_legend(std::vector<Item>& out, const Layer& l, const json& s, double y) const {
  Font title_font = legend_font_;
  title_font.weight = "bold";  // Vega's legend titles
  if (std::string t = s.value("title", std::string()); !t.empty()) out.push_back(text(t, 0, y, "left", "top", title_font));
  double hi = size_max();
  Paint paint{l.mark.value("color", std::string("#4c78a8")), l.mark.value("stroke", std::string()), 1.5};
  if (l.mark.contains("opacity")) paint.opacity = number(l.mark["opacity"]);
  double centre_y = y + 28.5, x = 0, r_max = std::sqrt(kMaxSize) / 2;
  int decimals = decimals_for(tick_step(0, hi, 5));
  for (double v : ticks(0, hi, 5)) {
    double r = std::sqrt(size_of(v)) / 2;
    double cx = x + std::max(6.5, r + 3.5);
    Item sym = symbol("circle", cx, centre_y, size_of(v), paint);
    sym.box = Box{};
    out.push_back(std::move(sym));
    std::string label = number(v, decimals);
    double lx = cx + std::max(10.5, r + 5);
    out.push_back(text(label, lx, centre_y, "left", "middle", legend_font_));
    x = lx + text_width(label, legend_font_.size) + kSizeLegendGap;
  }
  return centre_y + r_max + 3;
}

}  // namespace duiding::charts::svg
