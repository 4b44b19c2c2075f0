#include "charts/trend_sparkline.h"

#include <algorithm>
#include <cmath>

#include "charts/svg_draw.h"
#include "charts/svg_scale.h"
#include "text/format.h"

namespace duiding::charts {
namespace {

using svg::coord;

constexpr double kWidth = 220, kHeight = 64;
constexpr double kLeft = 40, kRight = 10, kTop = 6, kBottom = 18;

// A round id short enough for the axis ("2024"); a long id gives way to its position.
std::string round_mark(const stats::RoundShare& r, std::size_t i) {
  return r.round.size() <= 7 ? r.round : std::to_string(i + 1);
}

}  // namespace

std::string trend_sparkline(const std::vector<stats::RoundShare>& rounds, const std::string& label) {
  if (rounds.size() < 2) return "";
  double lo = 100, hi = 0;
  for (const auto& r : rounds) {
    lo = std::min(lo, r.percent), hi = std::max(hi, r.percent);
    if (r.estimate && r.estimate->computable)
      lo = std::min(lo, r.estimate->ci.low * 100), hi = std::max(hi, r.estimate->ci.high * 100);
  }
  lo = std::max(0.0, std::floor(lo / 10) * 10);
  hi = std::min(100.0, std::ceil(hi / 10) * 10);
  if (hi - lo < 10) hi = std::min(100.0, lo + 10), lo = hi - 10;
  const double plot_h = kHeight - kTop - kBottom, plot_w = kWidth - kLeft - kRight;
  auto y = [&](double v) { return kTop + (hi - v) / (hi - lo) * plot_h; };
  auto x = [&](std::size_t i) { return kLeft + plot_w * static_cast<double>(i) / static_cast<double>(rounds.size() - 1); };

  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-spark\" viewBox=\"0 0 " + coord(kWidth) +
                  " " + coord(kHeight) + "\" width=\"" + coord(kWidth) + "\" height=\"" + coord(kHeight) +
                  "\" role=\"img\" aria-label=\"" + svg::escape(label) + "\">";
  // Axis: the two ends of the value range and a baseline.
  s += "<g class=\"trend-axis\" fill=\"currentColor\" font-size=\"10\" font-family=\"sans-serif\">";
  s += "<text x=\"" + coord(kLeft - 6) + "\" y=\"" + coord(y(hi) + 4) + "\" text-anchor=\"end\">" +
       svg::escape(text::percent(hi, 0)) + "</text>";
  s += "<text x=\"" + coord(kLeft - 6) + "\" y=\"" + coord(y(lo)) + "\" text-anchor=\"end\">" +
       svg::escape(text::percent(lo, 0)) + "</text>";
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    const char* anchor = i == 0 ? "start" : i + 1 == rounds.size() ? "end" : "middle";
    s += "<text x=\"" + coord(x(i) + (i == 0 ? -4 : i + 1 == rounds.size() ? 4 : 0)) + "\" y=\"" +
         coord(kHeight - 3) + "\" text-anchor=\"" + anchor + "\">" + svg::escape(round_mark(rounds[i], i)) + "</text>";
  }
  s += "</g><line class=\"trend-base\" x1=\"" + coord(kLeft) + "\" y1=\"" + coord(y(lo)) + "\" x2=\"" +
       coord(kWidth - kRight) + "\" y2=\"" + coord(y(lo)) + "\" stroke=\"currentColor\" stroke-width=\"1\"/>";
  // Marks: intervals, the line, the points.
  s += "<g class=\"trend-marks\" stroke=\"currentColor\" fill=\"currentColor\">";
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    const auto& e = rounds[i].estimate;
    if (e && e->computable)
      s += "<line x1=\"" + coord(x(i)) + "\" y1=\"" + coord(y(e->ci.low * 100)) + "\" x2=\"" + coord(x(i)) + "\" y2=\"" +
           coord(y(e->ci.high * 100)) + "\" stroke-width=\"1.5\"/>";
  }
  std::string points;
  for (std::size_t i = 0; i < rounds.size(); ++i)
    points += (i ? " " : "") + coord(x(i)) + "," + coord(y(rounds[i].percent));
  s += "<polyline points=\"" + points + "\" fill=\"none\" stroke-width=\"2.5\"/>";
  for (std::size_t i = 0; i < rounds.size(); ++i)
    s += "<circle cx=\"" + coord(x(i)) + "\" cy=\"" + coord(y(rounds[i].percent)) + "\" r=\"4\"/>";
  return s + "</g></svg>";
}

}  // namespace duiding::charts
