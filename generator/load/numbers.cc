#include "load/numbers.h"

#include <charconv>
#include <cmath>
#include <string>

namespace duiding::load {

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // Grammar: -?digits([.,]digits)? ; anything else (1.234,5 or 1e3 or 84%) is refused
  // rather than guessed.
  std::string plain;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') plain += text[i++];
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') plain += text[i++], ++digits;
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    plain += '.';
    ++i;
    std::size_t fraction = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') plain += text[i++], ++fraction;
    if (fraction == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

bool is_whole(double x) { return std::fabs(x - std::round(x)) < 1e-9; }

}  // namespace duiding::load
