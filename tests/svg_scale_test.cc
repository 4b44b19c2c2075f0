// The axis arithmetic of the native chart SVG against d3 itself: every expected value
// below was printed by d3-array 3 / d3-scale 4 / d3-format 3 (node_modules, the versions
// vega uses) with ticks(), scaleLinear().nice(10).domain(), tickIncrement(), tickStep()
// and precisionFixed(); the text widths follow vega-scenegraph's estimate
// ~~(0.8 × length × size) worked out by hand.
#include <catch2/catch.hpp>

#include "charts/svg_scale.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

using namespace duiding::charts::svg;
using V = std::vector<double>;

namespace {

void check_ticks(const V& got, const V& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(1e-12));
}

}  // namespace

TEST_CASE("axis ticks are d3's: steps of 1, 2 or 5 times a power of ten", "[svg]") {
  check_ticks(ticks(0, 100, 14), {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
  check_ticks(ticks(0, 45, 11), {0, 5, 10, 15, 20, 25, 30, 35, 40, 45});
  check_ticks(ticks(3.8, 4.5, 15), {3.8, 3.85, 3.9, 3.95, 4, 4.05, 4.1, 4.15, 4.2, 4.25, 4.3, 4.35, 4.4, 4.45, 4.5});
  check_ticks(ticks(0, 12, 5), {0, 2, 4, 6, 8, 10, 12});
  CHECK(tick_increment(0, 1, 10) == -10);
  CHECK(tick_step(3.8, 4.5, 15) == Approx(0.05));
  CHECK(decimals_for(tick_step(3.8, 4.5, 15)) == 2);
}

TEST_CASE("a nice domain is d3's nice(10)", "[svg]") {
  auto [a, b] = nice(3.77, 4.52, 10);
  CHECK(a == Approx(3.7));
  CHECK(b == Approx(4.6));
  CHECK(nice(0, 43, 10) == std::pair<double, double>{0, 45});
  CHECK(nice(0, 3.4, 10).second == Approx(3.5));
}

TEST_CASE("tick labels are Dutch numbers and text widths Vega's estimate", "[svg]") {
  CHECK(number(3.85, 2) == "3,85");
  CHECK(number(1200, 0) == "1.200");
  CHECK(number(-0.5, 1) == "\u22120,5");
  CHECK(number(1200, 0, false) == "1200");
  CHECK(text_width("Impactmeting 2024", 13) == 176);       // 0.8 × 17 × 13 = 176.8
  CHECK(text_width("\u20ac\u00a02,9\u00a0mln", 13) == 93);  // 9 UTF-16 units: 93.6
  // vega's truncate: the longest prefix narrower than 280 − 10 (the ellipsis), then "…".
  std::string cut = truncate("Individueel voor het kind of de jongere", 13, 280);
  CHECK(cut == "Individueel voor het kind\u2026");
  CHECK(text_width(cut, 13) == 270);
}

// Worked by hand with the estimate: 13 px text is trunc(10.4 × characters) wide.
TEST_CASE("a long label breaks at spaces into lines narrower than the limit", "[svg]") {
  // "Niet tevreden, niet" is 19 characters, 197 px: too wide for 180; 14 and 15 fit.
  CHECK(wrap("Niet tevreden, niet ontevreden", 13, 180) == std::vector<std::string>{"Niet tevreden,", "niet ontevreden"});
  // "Impactmeting 2022" is 176 px and "2022 (nulmeting)" 166: each word alone under 130.
  CHECK(wrap("Impactmeting 2022 (nulmeting)", 13, 130) ==
        std::vector<std::string>{"Impactmeting", "2022", "(nulmeting)"});
  CHECK(wrap("Impactmeting 2024", 13, 180) == std::vector<std::string>{"Impactmeting 2024"});
  // A word wider than the limit keeps a line of its own, whole.
  CHECK(wrap("Ondersteuningsplan klaar", 13, 100) == std::vector<std::string>{"Ondersteuningsplan", "klaar"});
}

TEST_CASE("the wrap limit grows to just past the widest word, so no line is cut", "[svg]") {
  // "Impactmeting" is 12 characters: trunc(124.8) = 124 px, so 125.
  CHECK(wrap_limit({"Impactmeting 2022 (nulmeting)", "Impactmeting 2023"}, 13, 110) == 125);
  CHECK(wrap_limit({"Impactmeting 2023"}, 13, 130) == 130);
}

namespace {

// printf("%.3f") with its trailing zeros (and then a bare point) taken off, "0" below
// half a thousandth: what coord() is documented to write, by the C library's formatter.
std::string printf_coord(double v) {
  if (std::fabs(v) < 5e-4) return "0";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.3f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("a coordinate is written with at most three decimals rounded as printf rounds them", "[svg]") {
  // Expected strings printed by Python 3's '%.3f' % v (correctly rounded: the exact binary
  // value rounded, a tie to even), trailing zeros and a bare point removed by hand.
  const std::vector<std::pair<double, std::string>> table = {
      {0, "0"}, {0.0004999, "0"}, {-0.0004999, "0"}, {0.0005, "0.001"}, {-0.0005, "-0.001"},
      {0.0006, "0.001"}, {-0.0006, "-0.001"}, {0.0015, "0.002"}, {0.0025, "0.003"}, {-0.0025, "-0.003"},
      // exact ties (x/16): to even
      {1.0625, "1.062"}, {1.1875, "1.188"}, {2.5625, "2.562"}, {-2.5625, "-2.562"}, {0.3125, "0.312"},
      {-0.0625, "-0.062"}, {123456789.0625, "123456789.062"},
      {12.34567, "12.346"}, {-12.34567, "-12.346"}, {1.2345, "1.234"}, {1.2355, "1.236"},
      {0.1, "0.1"}, {-0.1, "-0.1"}, {0.2, "0.2"}, {0.3, "0.3"}, {100, "100"}, {-100, "-100"},
      {720, "720"}, {353.5, "353.5"}, {0.5, "0.5"}, {-0.5, "-0.5"}, {1e-3, "0.001"}, {-1e-3, "-0.001"},
      {0.9995, "1"}, {-0.9995, "-1"}, {999.9995, "1000"}, {-98765.4321, "-98765.432"},
      {1e15, "1000000000000000"}, {-1e15, "-1000000000000000"}, {2.675, "2.675"}, {1.005, "1.005"},
      {7.0000001, "7"}, {-7.0000001, "-7"}, {987654321.5, "987654321.5"}, {-4503599627.37, "-4503599627.37"},
      {999999999999.999, "999999999999.999"}, {-999999999999.999, "-999999999999.999"}, {0.003, "0.003"},
      {1.001, "1.001"}, {-1.01, "-1.01"}, {2.1, "2.1"}};
  for (const auto& [v, want] : table) {
    INFO(v);
    CHECK(coord(v) == want);
    std::string appended = "x=";
    append_coord(appended, v);
    CHECK(appended == "x=" + want);
  }
  CHECK(coord(1e300).size() == 301);  // all of a huge number's digits, no decimals left
  // A sweep against the C library: every thousandth and sixteenth in ±200, and values
  // half a thousandth apart (the rounding's edges), give what printf gives.
  std::size_t differ = 0;
  for (int i = -200000; i <= 200000; ++i)
    for (double v : {i / 1000.0, i / 16.0 / 100, i * 0.0005, i / 7.0})
      if (coord(v) != printf_coord(v) && ++differ < 5) FAIL_CHECK(v << ": " << coord(v) << " vs " << printf_coord(v));
  CHECK(differ == 0);
}

TEST_CASE("a tick label's digits are rounded as printf rounds them, grouped the Dutch way", "[svg]") {
  // Expected strings from Python 3's '%.*f' % (decimals, abs(v)), grouped by "." and the
  // point made a comma by hand; d3's minus sign U+2212 unless the digits are all zero.
  CHECK(number(1234567.891, 2) == "1.234.567,89");
  CHECK(number(-1234567.891, 0) == "\u22121.234.568");
  CHECK(number(0.125, 2) == "0,12");   // a tie: to even
  CHECK(number(0.375, 2) == "0,38");   // a tie: to even
  CHECK(number(-0.004, 2) == "0,00");  // no minus before zero
  CHECK(number(-0.005, 2) == "\u22120,01");
  CHECK(number(999.5, 0) == "1.000");
  CHECK(number(1000.5, 0) == "1.000");
  CHECK(number(2.5, 0) == "2");
  CHECK(number(-3.5, 0) == "\u22124");
  CHECK(number(0.05, 1) == "0,1");
  CHECK(number(1e21, 0) == "1.000.000.000.000.000.000.000");
  CHECK(number(1e21, 0, false) == "1000000000000000000000");
}
