#include "charts/svg_draw.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace duiding::charts::svg {

void Box::add(double ax, double ay, double bx, double by) {
  x1 = std::min({x1, ax, bx});
  y1 = std::min({y1, ay, by});
  x2 = std::max({x2, ax, bx});
  y2 = std::max({y2, ay, by});
}

namespace {
thread_local bool t_boxes_only = false;
}  // namespace

BoxesOnly::BoxesOnly() : before_(t_boxes_only) { t_boxes_only = true; }
BoxesOnly::~BoxesOnly() { t_boxes_only = before_; }
bool boxes_only() { return t_boxes_only; }

void append_escaped(std::string& out, std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t special = text.find_first_of("&<>\"", at);
    out.append(text.substr(at, special == std::string_view::npos ? std::string_view::npos : special - at));
    if (special == std::string_view::npos) break;
    switch (text[special]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += "&quot;"; break;
    }
    at = special + 1;
  }
}

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

namespace {

// The text() of `n` lines from `lines`.
Item text_lines(const std::string* lines, std::size_t n, double x, double y, const std::string& align,
                const std::string& baseline, const Font& font, double dx, double dy) {
  const double h = font.size, line_height = h + 2;  // Vega's default lineHeight
  // vega-scenegraph's own baseline offsets, rounded as it rounds them.
  double offset = std::round(baseline == "top" ? 0.79 * h : baseline == "middle" ? 0.30 * h
                             : baseline == "bottom" ? -0.21 * h : 0);
  double w = 0;
  std::size_t length = 0;
  for (std::size_t i = 0; i < n; ++i) {
    w = std::max(w, text_width(lines[i], h));
    length += lines[i].size();
  }
  double left = x + dx - (align == "center" ? w / 2 : align == "right" ? w : 0);
  double top = y + dy + offset - std::round(0.8 * h);
  Item item;
  item.box.add(left, top, left + w, top + h + line_height * static_cast<double>(n - 1));
  if (t_boxes_only) return item;
  const char* anchor = align == "center" ? "middle" : align == "right" ? "end" : "start";
  std::string& out = item.svg;
  out.reserve(150 + font.family.size() + length + 30 * n);
  out.append("<text text-anchor=\"").append(anchor).append("\" transform=\"translate(");
  append_coord(out, x + dx);
  out += ',';
  append_coord(out, y + dy + offset);
  out += ")\" font-family=\"";
  append_escaped(out, font.family);
  out += "\" font-size=\"";
  append_coord(out, h);
  out += "px\"";
  if (!font.weight.empty()) {
    out += " font-weight=\"";
    append_escaped(out, font.weight);
    out += '"';
  }
  out += " fill=\"";
  append_escaped(out, font.colour);
  out += "\">";
  // Several lines as Vega writes them: a tspan each, the later ones a line lower.
  if (n == 1) append_escaped(out, lines[0]);
  else
    for (std::size_t i = 0; i < n; ++i) {
      if (i == 0) out += "<tspan>";
      else {
        out += "<tspan x=\"0\" dy=\"";
        append_coord(out, line_height);
        out += "\">";
      }
      append_escaped(out, lines[i]);
      out += "</tspan>";
    }
  out += "</text>";
  return item;
}

}  // namespace

Item text(const std::string& content, double x, double y, const std::string& align, const std::string& baseline,
          const Font& font, double dx, double dy) {
  return text_lines(&content, 1, x, y, align, baseline, font, dx, dy);
}

Item text(const std::vector<std::string>& lines, double x, double y, const std::string& align,
          const std::string& baseline, const Font& font, double dx, double dy) {
  return text_lines(lines.data(), lines.size(), x, y, align, baseline, font, dx, dy);
}

namespace {

// ` stroke="…" stroke-width="…"`, and ` stroke-dasharray="…"` when dashed: a line's and a
// mark's outline are written alike.
void append_stroke(std::string& out, const std::string& colour, double width, const std::string& dash) {
  out += " stroke=\"";
  append_escaped(out, colour);
  out += "\" stroke-width=\"";
  append_coord(out, width);
  out += '"';
  if (!dash.empty()) out.append(" stroke-dasharray=\"").append(dash).append("\"");
}

}  // namespace

Item line(double x1, double y1, double x2, double y2, const std::string& colour, double width, const std::string& dash) {
  Item item;
  item.box.add(x1 - width / 2, y1 - width / 2, x2 + width / 2, y2 + width / 2);
  item.rule = true;
  if (t_boxes_only) return item;
  std::string& out = item.svg;
  out.reserve(96 + colour.size() + dash.size());
  out += "<line x1=\"";
  append_coord(out, x1);
  out += "\" y1=\"";
  append_coord(out, y1);
  out += "\" x2=\"";
  append_coord(out, x2);
  out += "\" y2=\"";
  append_coord(out, y2);
  out += '"';
  append_stroke(out, colour, width, dash);
  out += "/>";
  return item;
}

void Paint::append_attributes(std::string& out) const {
  out += " fill=\"";
  if (fill.empty()) out += "none";
  else append_escaped(out, fill);
  out += '"';
  if (fill_opacity >= 0) {
    out += " fill-opacity=\"";
    append_coord(out, fill_opacity);
    out += '"';
  }
  if (!stroke.empty() && stroke_width > 0) append_stroke(out, stroke, stroke_width, dash);
  if (opacity >= 0) {
    out += " opacity=\"";
    append_coord(out, opacity);
    out += '"';
  }
}

std::string Paint::attributes() const {
  std::string out;
  append_attributes(out);
  return out;
}

Item rect(double x, double y, double w, double h, const Paint& paint) {
  if (w < 0) x += w, w = -w;
  if (h < 0) y += h, h = -h;
  Item item;
  double e = paint.stroke.empty() ? 0 : paint.stroke_width / 2;
  item.box.add(x - e, y - e, x + w + e, y + h + e);
  if (t_boxes_only) return item;
  std::string& out = item.svg;
  out.reserve(128 + paint.fill.size() + paint.stroke.size() + paint.dash.size());
  out += "<path d=\"M";
  append_coord(out, x);
  out += ',';
  append_coord(out, y);
  out += 'h';
  append_coord(out, w);
  out += 'v';
  append_coord(out, h);
  out += 'h';
  append_coord(out, -w);
  out += "Z\"";
  paint.append_attributes(out);
  out += "/>";
  return item;
}

Item symbol(const std::string& shape, double x, double y, double size, const Paint& paint) {
  double r = std::sqrt(size) / 2;
  if (t_boxes_only) {
    if (shape != "circle" && shape != "diamond" && shape != "square")
      throw std::runtime_error("native SVG: no symbol shape \"" + shape + "\"");
    Item item;
    double e = r + (paint.stroke.empty() ? 0 : 2 * paint.stroke_width);
    item.box.add(x - e, y - e, x + e, y + e);
    return item;
  }
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
  std::string& out = item.svg;
  out.reserve(128 + d.size() + paint.fill.size() + paint.stroke.size());
  out += "<path transform=\"translate(";
  append_coord(out, x);
  out += ',';
  append_coord(out, y);
  out.append(")\" d=\"").append(d).append("\"");
  paint.append_attributes(out);
  out += "/>";
  return item;
}

Item polyline(const std::vector<std::pair<double, double>>& points, const std::string& colour, double width) {
  Item item;
  if (t_boxes_only) {
    for (const auto& [x, y] : points) item.box.add(x - 2 * width, y - 2 * width, x + 2 * width, y + 2 * width);
    return item;
  }
  std::string& out = item.svg;
  out.reserve(80 + colour.size() + 16 * points.size());
  out += "<path d=\"";
  bool first = true;
  for (const auto& [x, y] : points) {
    out += first ? 'M' : 'L';
    first = false;
    append_coord(out, x);
    out += ',';
    append_coord(out, y);
    item.box.add(x - 2 * width, y - 2 * width, x + 2 * width, y + 2 * width);
  }
  out += "\" fill=\"none\" stroke=\"";
  append_escaped(out, colour);
  out += "\" stroke-width=\"";
  append_coord(out, width);
  out += "\"/>";
  return item;
}

Item linked(Item item, const std::string& href) {
  item.rule = false;
  if (t_boxes_only) return item;
  std::string out;
  out.reserve(item.svg.size() + href.size() + 24);
  out += "<a xlink:href=\"";
  append_escaped(out, href);
  out.append("\">").append(item.svg).append("</a>");
  item.svg = std::move(out);
  item.rule = false;
  return item;
}

double Scale::band(const std::string& k) const {
  auto it = std::find(domain.begin(), domain.end(), k);
  if (it == domain.end()) throw std::runtime_error("native SVG: \"" + k + "\" is not in the scale's domain");
  return bands.at(static_cast<std::size_t>(it - domain.begin()));
}

std::string key(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace duiding::charts::svg
