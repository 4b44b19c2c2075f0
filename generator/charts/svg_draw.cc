#include "charts/svg_draw.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace duiding::charts::svg {

void Box::add(double ax, double ay, double bx, double by) {
  x1 = std::min({x1, ax, bx});
  y1 = std::min({y1, ay, by});
  x2 = std::max({x2, ax, bx});
  y2 = std::max({y2, ay, by});
}

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

Item text(const std::string& content, double x, double y, const std::string& align, const std::string& baseline,
          const Font& font, double dx, double dy) {
  return text(std::vector<std::string>{content}, x, y, align, baseline, font, dx, dy);
}

Item text(const std::vector<std::string>& lines, double x, double y, const std::string& align,
          const std::string& baseline, const Font& font, double dx, double dy) {
  const double h = font.size, line_height = h + 2;  // Vega's default lineHeight
  // vega-scenegraph's own baseline offsets, rounded as it rounds them.
  double offset = std::round(baseline == "top" ? 0.79 * h : baseline == "middle" ? 0.30 * h
                             : baseline == "bottom" ? -0.21 * h : 0);
  double w = 0;
  for (const auto& l : lines) w = std::max(w, text_width(l, h));
  double left = x + dx - (align == "center" ? w / 2 : align == "right" ? w : 0);
  double top = y + dy + offset - std::round(0.8 * h);
  Item item;
  item.box.add(left, top, left + w, top + h + line_height * static_cast<double>(lines.size() - 1));
  const char* anchor = align == "center" ? "middle" : align == "right" ? "end" : "start";
  item.svg = "<text text-anchor=\"" + std::string(anchor) + "\" transform=\"translate(" + coord(x + dx) + "," +
             coord(y + dy + offset) + ")\" font-family=\"" + escape(font.family) + "\" font-size=\"" + coord(h) +
             "px\"" + (font.weight.empty() ? "" : " font-weight=\"" + escape(font.weight) + "\"") + " fill=\"" +
             escape(font.colour) + "\">";
  // Several lines as Vega writes them: a tspan each, the later ones a line lower.
  if (lines.size() == 1) item.svg += escape(lines[0]);
  else
    for (std::size_t i = 0; i < lines.size(); ++i)
      item.svg += (i == 0 ? "<tspan>" : "<tspan x=\"0\" dy=\"" + coord(line_height) + "\">") + escape(lines[i]) + "</tspan>";
  item.svg += "</text>";
  return item;
}

Item line(double x1, double y1, double x2, double y2, const std::string& colour, double width, const std::string& dash) {
  Item item;
  item.box.add(x1 - width / 2, y1 - width / 2, x2 + width / 2, y2 + width / 2);
  item.svg = "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" + coord(y2) +
             "\" stroke=\"" + escape(colour) + "\" stroke-width=\"" + coord(width) + "\"" +
             (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  return item;
}

std::string Paint::attributes() const {
  std::string out = " fill=\"" + (fill.empty() ? std::string("none") : escape(fill)) + "\"";
  if (fill_opacity >= 0) out += " fill-opacity=\"" + coord(fill_opacity) + "\"";
  if (!stroke.empty() && stroke_width > 0)
    out += " stroke=\"" + escape(stroke) + "\" stroke-width=\"" + coord(stroke_width) + "\"" +
           (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"");
  if (opacity >= 0) out += " opacity=\"" + coord(opacity) + "\"";
  return out;
}

Item rect(double x, double y, double w, double h, const Paint& paint) {
  if (w < 0) x += w, w = -w;
  if (h < 0) y += h, h = -h;
  Item item;
  double e = paint.stroke.empty() ? 0 : paint.stroke_width / 2;
  item.box.add(x - e, y - e, x + w + e, y + h + e);
  item.svg = "<path d=\"M" + coord(x) + "," + coord(y) + "h" + coord(w) + "v" + coord(h) + "h" + coord(-w) + "Z\"" +
             paint.attributes() + "/>";
  return item;
}

Item symbol(const std::string& shape, double x, double y, double size, const Paint& paint) {
  double r = std::sqrt(size) / 2;
  std::string d;
  std::string rs = coord(r), ns = coord(-r);
  if (shape == "circle") {
    d = "M" + rs + ",0A" + rs + "," + rs + ",0,1,1," + ns + ",0A" + rs + "," + rs + ",0,1,1," + rs + ",0";
  } else if (shape == "diamond") {
    d = "M" + ns + ",0L0," + ns + "L" + rs + ",0L0," + rs + "Z";
  } else if (shape == "square") {
    d = "M" + ns + "," + ns + "h" + coord(2 * r) + "v" + coord(2 * r) + "h" + coord(-2 * r) + "Z";
  } else {
    throw std::runtime_error("native SVG: no symbol shape \"" + shape + "\"");
  }
  Item item;
  // Vega bounds stroked paths with their miter tips: twice the stroke width.
  double e = r + (paint.stroke.empty() ? 0 : 2 * paint.stroke_width);
  item.box.add(x - e, y - e, x + e, y + e);
  item.svg = "<path transform=\"translate(" + coord(x) + "," + coord(y) + ")\" d=\"" + d + "\"" + paint.attributes() + "/>";
  return item;
}

Item polyline(const std::vector<std::pair<double, double>>& points, const std::string& colour, double width) {
  Item item;
  std::string d;
  for (const auto& [x, y] : points) {
    d += (d.empty() ? "M" : "L") + coord(x) + "," + coord(y);
    item.box.add(x - 2 * width, y - 2 * width, x + 2 * width, y + 2 * width);
  }
  item.svg = "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + escape(colour) + "\" stroke-width=\"" + coord(width) + "\"/>";
  return item;
}

Item linked(Item item, const std::string& href) {
  item.svg = "<a xlink:href=\"" + escape(href) + "\">" + item.svg + "</a>";
  return item;
}

double Scale::band(const std::string& k) const {
  auto it = std::find(domain.begin(), domain.end(), k);
  if (it == domain.end()) throw std::runtime_error("native SVG: \"" + k + "\" is not in the scale's domain");
  return bands.at(static_cast<std::size_t>(it - domain.begin()));
}

std::string key(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace duiding::charts::svg
