#include "charts/slide_svg.h"

#include <sstream>
#include <stdexcept>
#include <vector>

#include "charts/svg_draw.h"
#include "charts/svg_scale.h"

namespace duiding::charts {
namespace {

using svg::coord;

constexpr double kMargin = 64;
constexpr const char* kFontFamily = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kMuted = "#4a4a4a";

// Code points, not bytes: the width estimate counts letters.
std::size_t letters(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `text` in lines of at most `width` px at `size` px (a letter taken as 0.55 em, about
// DejaVu Sans' average), at most `max_lines`; the last one ends in "…" when text is left.
std::vector<std::string> wrap(const std::string& text, double size, double width, std::size_t max_lines) {
  const std::size_t per_line = static_cast<std::size_t>(width / (0.55 * size));
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word, line;
  bool cut = false;
  while (words >> word) {
    if (!line.empty() && letters(line) + 1 + letters(word) > per_line) {
      if (lines.size() + 1 == max_lines) {
        cut = true;
        break;
      }
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(cut ? line + " …" : line);
  return lines;
}

std::string text_line(const std::string& s, double y, double size, const char* colour, const char* weight = "normal") {
  return "<text x=\"" + coord(kMargin) + "\" y=\"" + coord(y) + "\" font-size=\"" + coord(size) + "\" font-weight=\"" +
         weight + "\" fill=\"" + colour + "\">" + svg::escape(s) + "</text>";
}

std::string attribute(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  std::size_t at = tag.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return tag.substr(at, tag.find('"', at) - at);
}

}  // namespace

std::string slide_svg(const std::string& chart_svg, const SlideText& t) {
  const std::size_t open_end = chart_svg.find('>');
  if (chart_svg.rfind("<svg", 0) != 0 || open_end == std::string::npos)
    throw std::runtime_error("slide_svg: the chart is not one <svg> element");
  const std::string open = chart_svg.substr(0, open_end);
  std::string view_box = attribute(open, "viewBox");
  if (view_box.empty()) view_box = "0 0 " + attribute(open, "width") + " " + attribute(open, "height");

  const double text_width = kSlideWidth - 2 * kMargin;
  std::string head;
  double y = kMargin;
  for (const auto& l : wrap(t.title, 44, text_width, 2)) head += text_line(l, y += 48, 44, kInk, "bold");
  if (!t.subtitle.empty())
    for (const auto& l : wrap(t.subtitle, 28, text_width, 1)) head += text_line(l, y += 40, 28, kInk);
  if (!t.question.empty())
    for (const auto& l : wrap("Vraag: " + t.question, 24, text_width, 2)) head += text_line(l, y += 34, 24, kMuted);
  y += 24;

  std::vector<std::string> foot_parts;
  if (!t.n.empty()) foot_parts.push_back(t.n);
  if (!t.source.empty()) foot_parts.push_back("Bron: " + t.source);
  std::string foot_text;
  for (const auto& p : foot_parts) foot_text += (foot_text.empty() ? "" : " · ") + p;
  std::vector<std::string> foot = wrap(foot_text, 22, text_width, 2);
  std::vector<std::string> site = wrap(t.site, 22, text_width, 1);
  double foot_top = kSlideHeight - 40 - 30.0 * static_cast<double>(foot.size() + site.size());
  std::string tail = "<line x1=\"" + coord(kMargin) + "\" y1=\"" + coord(foot_top) + "\" x2=\"" +
                     coord(kSlideWidth - kMargin) + "\" y2=\"" + coord(foot_top) + "\" stroke=\"#c9d3dc\" stroke-width=\"2\"/>";
  double fy = foot_top + 8;
  for (const auto& l : foot) tail += text_line(l, fy += 30, 22, kMuted);
  for (const auto& l : site) tail += text_line(l, fy += 30, 22, kMuted, "bold");

  const double chart_h = foot_top - 16 - y;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"" +
                    std::to_string(kSlideWidth) + "\" height=\"" + std::to_string(kSlideHeight) + "\" viewBox=\"0 0 " +
                    std::to_string(kSlideWidth) + " " + std::to_string(kSlideHeight) + "\">";
  if (!t.title.empty()) out += "<title>" + svg::escape(t.title + (t.subtitle.empty() ? "" : ", " + t.subtitle)) + "</title>";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  out += "<g font-family=\"" + svg::escape(kFontFamily) + "\">" + head + tail + "</g>";
  out += "<svg x=\"" + coord(kMargin) + "\" y=\"" + coord(y) + "\" width=\"" + coord(text_width) + "\" height=\"" +
         coord(chart_h) + "\" viewBox=\"" + svg::escape(view_box) + "\" preserveAspectRatio=\"xMidYMid meet\"" +
         chart_svg.substr(open_end);
  return out + "</svg>\n";
}

}  // namespace duiding::charts
