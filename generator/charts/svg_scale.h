// The arithmetic of chart axes as Vega does it (d3-scale's ticks and nice, d3-format's
// precision for tick labels, vega-scenegraph's text width estimate), so that the SVG
// duiding draws natively puts ticks, labels and marks where Vega would.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace duiding::charts::svg {

/// d3's tickIncrement: the step of 1, 2 or 5 × 10^k nearest to (stop - start) / count;
/// negative -10^k / f for steps below 1 (so that the ticks are exact fractions).
double tick_increment(double start, double stop, double count);

/// d3's ticks(start, stop, count): the round values in [start, stop].
std::vector<double> ticks(double start, double stop, double count);

/// d3's tickStep: the positive step of those ticks.
double tick_step(double start, double stop, double count);

/// d3's linear nice(count): [lo, hi] widened to round values.
std::pair<double, double> nice(double lo, double hi, double count);

/// A tick label in the Dutch number locale ("3,85", "1.200"): `decimals` digits after
/// the comma, thousands grouped by "." when `group`.
std::string number(double v, int decimals, bool group = true);

/// The decimals d3 gives the labels of ticks `step` apart (precisionFixed).
int decimals_for(double step);

/// The width Vega gives `text` in `font_size` px when it cannot measure fonts:
/// ~~(0.8 × length × size), the length counted in UTF-16 code units as JavaScript does.
double text_width(const std::string& text, double font_size);

/// `text` broken at spaces into lines each narrower than `limit` px (estimated widths, as
/// truncate() measures), filled greedily; a word as wide as the limit gets a line of its
/// own. The spec (charts/vega_lite.cc) writes these lines into a labelExpr and the native
/// drawing breaks the same labels here, so both show the same lines.
std::vector<std::string> wrap(const std::string& text, double font_size, double limit);

/// The label limit at which wrap() cuts none of `texts`: `limit`, or just more than their
/// widest word.
double wrap_limit(const std::vector<std::string>& texts, double font_size, double limit);

/// `text` cut to fit `limit` px with "…" as Vega's truncate does (estimated widths).
std::string truncate(const std::string& text, double font_size, double limit);

/// A coordinate as SVG text: at most three decimals, no trailing zeros, never "-0".
std::string coord(double v);

/// coord(v) appended to `out`, without a string of its own.
void append_coord(std::string& out, double v);

/// Bands of a d3 band scale over `n` values in [start, stop]: the first band's start,
/// the step between bands and the bandwidth. A point scale is a band scale with
/// padding_inner 1.
struct Bands {
  double start = 0, step = 0, bandwidth = 0;
  double at(std::size_t i) const { return start + step * static_cast<double>(i); }
};
Bands bands(std::size_t n, double start, double stop, double padding_inner, double padding_outer);

}  // namespace duiding::charts::svg
