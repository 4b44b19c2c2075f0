#include "charts/svg_scale.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <stdexcept>
#include <string_view>

namespace duiding::charts::svg {
namespace {

// Room for any double in fixed notation: 309 digits before the point, a sign, the point
// and the decimals asked for (at most a few dozen).
constexpr std::size_t kFixedBuffer = 400;

// `v` rounded to `decimals` digits after the point, as printf("%.*f") writes it (the
// exact binary value rounded, ties to even), into `buffer`.
std::string_view fixed(char (&buffer)[kFixedBuffer], double v, int decimals) {
  const auto [end, error] = std::to_chars(buffer, buffer + kFixedBuffer, v, std::chars_format::fixed, decimals);
  if (error != std::errc()) throw std::runtime_error("native SVG: a number too long to write");
  return {buffer, static_cast<std::size_t>(end - buffer)};
}

const double kE10 = std::sqrt(50.0);
const double kE5 = std::sqrt(10.0);
const double kE2 = std::sqrt(2.0);

struct TickSpec {
  double i1, i2, inc;
};

// d3-array's tickSpec, line by line.
TickSpec tick_spec(double start, double stop, double count) {
  double step = (stop - start) / std::max(0.0, count);
  double power = std::floor(std::log10(step));
  double error = step / std::pow(10, power);
  double factor = error >= kE10 ? 10 : error >= kE5 ? 5 : error >= kE2 ? 2 : 1;
  double i1, i2, inc;
  if (power < 0) {
    inc = std::pow(10, -power) / factor;
    i1 = std::round(start * inc);
    i2 = std::round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = std::pow(10, power) * factor;
    i1 = std::round(start / inc);
    i2 = std::round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tick_spec(start, stop, count * 2);
  return {i1, i2, inc};
}

}  // namespace

double tick_increment(double start, double stop, double count) { return tick_spec(start, stop, count).inc; }

std::vector<double> ticks(double start, double stop, double count) {
  std::vector<double> out;
  if (!(count > 0)) return out;
  if (start == stop) return {start};
  bool reverse = stop < start;
  if (reverse) std::swap(start, stop);
  TickSpec s = tick_spec(start, stop, count);
  if (!(s.i2 >= s.i1)) return out;
  for (double i = 0; i <= s.i2 - s.i1; ++i)
    out.push_back(s.inc < 0 ? (s.i1 + i) / -s.inc : (s.i1 + i) * s.inc);
  if (reverse) std::reverse(out.begin(), out.end());
  return out;
}

double tick_step(double start, double stop, double count) {
  double step0 = std::fabs(stop - start) / std::max(0.0, count);
  double step1 = std::pow(10, std::floor(std::log10(step0)));
  double error = step0 / step1;
  if (error >= kE10) step1 *= 10;
  else if (error >= kE5) step1 *= 5;
  else if (error >= kE2) step1 *= 2;
  return stop < start ? -step1 : step1;
}

std::pair<double, double> nice(double lo, double hi, double count) {
  double prestep = 0;
  for (int iter = 0; iter < 10; ++iter) {
    double step = tick_increment(lo, hi, count);
    if (step == prestep) break;
    if (step > 0) {
      lo = std::floor(lo / step) * step;
      hi = std::ceil(hi / step) * step;
    } else if (step < 0) {
      lo = std::ceil(lo * step) / step;
      hi = std::floor(hi * step) / step;
    } else {
      break;
    }
    prestep = step;
  }
  return {lo, hi};
}

int decimals_for(double step) {
  step = std::fabs(step);
  if (step == 0 || !std::isfinite(step)) return 0;
  return std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
}

std::string number(double v, int decimals, bool group) {
  char digits[kFixedBuffer];
  const std::string_view s = fixed(digits, std::fabs(v), decimals);
  if (s.find_first_not_of("0.") == std::string_view::npos) v = 0;  // no "-0"
  const std::size_t point = s.find('.');
  const std::string_view whole = s.substr(0, point);
  std::string out;
  out.reserve(s.size() + s.size() / 3 + 3);
  if (v < 0) out += "\u2212";  // d3 writes the minus sign as U+2212
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (group && i > 0 && (whole.size() - i) % 3 == 0) out += '.';
    out += whole[i];
  }
  if (point != std::string_view::npos && point + 1 < s.size()) out.append(",").append(s.substr(point + 1));
  return out;
}

double text_width(const std::string& text, double font_size) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += c >= 0xF0 ? 2 : 1;        // beyond the BMP: a surrogate pair
  }
  return std::trunc(0.8 * static_cast<double>(units) * font_size);
}

std::vector<std::string> wrap(const std::string& text, double font_size, double limit) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    const std::string word = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!word.empty()) {
      if (!lines.empty() && text_width(lines.back() + " " + word, font_size) < limit) lines.back() += " " + word;
      else lines.push_back(word);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (lines.empty()) lines.push_back(text);
  return lines;
}

double wrap_limit(const std::vector<std::string>& texts, double font_size, double limit) {
  for (const auto& t : texts)
    for (const auto& line : wrap(t, font_size, 0)) limit = std::max(limit, text_width(line, font_size) + 1);
  return limit;
}

std::string truncate(const std::string& text, double font_size, double limit) {
  // vega-scenegraph's truncate: the longest prefix narrower than the limit less the
  // ellipsis, then the ellipsis.
  if (limit <= 0 || text_width(text, font_size) < limit) return text;
  std::vector<std::size_t> ends;  // byte offset after each character
  for (std::size_t i = 1; i <= text.size(); ++i)
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ends.push_back(i);
  const std::string ellipsis = "\u2026";
  double room = limit - text_width(ellipsis, font_size);
  std::size_t lo = 0, hi = ends.size();
  while (lo < hi) {
    std::size_t mid = 1 + (lo + hi) / 2;
    if (text_width(text.substr(0, ends[mid - 1]), font_size) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.substr(0, lo == 0 ? 0 : ends[lo - 1]) + ellipsis;
}

void append_coord(std::string& out, double v) {
  if (std::fabs(v) < 5e-4) {
    out += '0';
    return;
  }
  // Most coordinates are whole thousandths (123.5, 40): when v × 1000 comes out a whole
  // number below 10^15, the exact product lies within half an ulp (< 0.5) of it, so it is
  // the rounded value, written with integer digits.
  if (const double thousandths = v * 1000; std::fabs(thousandths) < 1e15 && thousandths == std::trunc(thousandths)) {
    const long long k = static_cast<long long>(thousandths);
    const unsigned long long a = static_cast<unsigned long long>(k < 0 ? -k : k);
    if (k < 0) out += '-';
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, a / 1000).ptr);
    if (unsigned long long frac = a % 1000; frac != 0) {
      char f[4] = {'.', static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                   static_cast<char>('0' + frac % 10)};
      std::size_t n = 4;
      while (f[n - 1] == '0') --n;
      out.append(f, n);
    }
    return;
  }
  char digits[kFixedBuffer];
  std::string_view s = fixed(digits, v, 3);
  while (!s.empty() && s.back() == '0') s.remove_suffix(1);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  out += s;
}

std::string coord(double v) {
  std::string out;
  append_coord(out, v);
  return out;
}

Bands bands(std::size_t n, double start, double stop, double padding_inner, double padding_outer) {
  Bands b;
  double count = static_cast<double>(n);
  b.step = (stop - start) / std::max(1.0, count - padding_inner + padding_outer * 2);
  b.start = start + (stop - start - b.step * (count - padding_inner)) * 0.5;
  b.bandwidth = b.step * (1 - padding_inner);
  return b;
}

}  // namespace duiding::charts::svg
